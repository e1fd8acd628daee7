import type { day as source } from "../es-CL/day";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const day: Record<keyof typeof source, string> = {
  "day.observer.title": "Your pending observation work",
  "day.observer.nothing": "You have no pending visits, meetings or follow-ups.",
  "day.see_all_visits": "See all your visits",
  "day.drafts.title": "Draft visits",
  "day.visit_of": "Visit to {teacher} ({course})",
  "day.drafts.started": "Started {date}",
  "day.meetings.title": "Feedback meetings to hold",
  "day.meetings.item": "Meeting with {teacher} ({course})",
  "day.meetings.due": "Due: {due}",
  "day.meetings.was_due": "It was due {due}",
  "day.late": "Late",
  "day.follow_ups.title": "Follow-ups",
  "day.follow_ups.item": "Follow-up of {teacher}: {step}",
  "day.follow_ups.date": "Follow-up date: {date}",
  "day.only_newest":
    "{count, plural, one {Only the newest one is shown.} other {Only the {count} newest are shown.}}",
  "day.overdue.title": "Teachers without a visit within the target",
  "day.overdue.last_visit": "Last visit {date}",
  "day.overdue.never": "No visits",
  "day.overdue.see_all": "See them all on the {school} dashboard",
  "day.teacher.title": "Your development: what is pending",
  "day.teacher.nothing": "You have no new feedback and no pending follow-ups.",
  "day.feedback.title": "New feedback to read",
  "day.feedback.item": "Feedback from {observer}",
  "day.feedback.detail": "{course} · {subject} · meeting on {date}",
  "day.see_development": "See your whole development",
  "day.step.title": "Your current action step",
  "day.step.since": "since {date}",
  "day.next_follow_up.title": "Next follow-up",
  "day.next_follow_up.item": "Follow-up on {date}",
  "day.next_follow_up.with": "with {observer}",

  "people.profile.new_visit": "New visit",
  "people.profile.development": "Development timeline",
  "observation.meeting.evidence": "See the visit's evidence: notes, time on task and levels",

  "email.reminder.turn_off": "If you do not want these reminders, turn them off in your details:\n{link}",
  "email.reminder.event_description": "Open in Impulso: {link}",
  "email.reminder.meeting.subject": "Reminder: feedback meeting with {teacher}",
  "email.reminder.meeting.body":
    "The classroom visit to {teacher} ({course}, {subject}) on {date} is still waiting for its feedback meeting. Due: {due}.\n\nRecord the meeting here:\n{link}\n\nThe deadline is attached for your calendar.",
  "email.reminder.meeting.event": "Feedback meeting with {teacher} (deadline)",
  "email.reminder.follow_up.subject": "Reminder: follow-up of {teacher} on {date}",
  "email.reminder.follow_up.body":
    "{date} is the follow-up date of {teacher}'s action step: “{step}”.\n\nRecord the follow-up visit here:\n{link}\n\nThe date is attached for your calendar.",
  "email.reminder.follow_up.event": "Follow-up of {teacher}",
  "email.reminder.own_follow_up.subject": "Reminder: follow-up of your action step on {date}",
  "email.reminder.own_follow_up.body":
    "{date} is the follow-up date of your action step: “{step}”.\n\nReview the plan you agreed on:\n{link}\n\nThe date is attached for your calendar.",
  "email.reminder.own_follow_up.event": "Follow-up of my action step: {step}",
};
