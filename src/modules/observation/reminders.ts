// Reminder emails, each with a calendar event (.ics, made by the `ics` package): a visit's feedback
// meeting not held 24 h after the visit was sent (to its observer), and a follow-up date (the day
// before, or on the day: to the observer who held the meeting and to the teacher). A periodic sweep
// (every REMINDER_SWEEP_MINUTES in each app process, and at start) finds what is due; each reminder is
// claimed by inserting its row of reminders_sent, whose key is (kind, subject, due), in the same
// transaction that queues the email: two sweeps, in one process or several, or a sweep after a restart
// can never queue it twice (the second insert waits for the first and then does nothing). A person who
// turned reminders off in their profile (persons.reminders) gets none.
import { and, eq, sql } from "drizzle-orm";
import { translator } from "../../messages";
import { calendarAttachment } from "../../platform/calendar";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { formatDate, formatDateTime, formatDay } from "../../platform/i18n/format";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { type EmailAttachment, queueEmail } from "../../platform/mail/mail";

export { type CalendarEvent, calendarAttachment } from "../../platform/calendar";

import { instantFromLocal } from "../../platform/time";
import { type ReminderKind, remindersSent } from "./schema";

export const REMINDER_SWEEP_MINUTES = 5;
/** a visit's meeting reminder goes out this long after the visit was sent, if the meeting is not held */
export const MEETING_REMINDER_AFTER_HOURS = 24;
/** …and not for visits sent longer ago (a sweep that did not run for days sends nothing stale) */
export const MEETING_REMINDER_WINDOW_DAYS = 7;
/** a follow-up reminder goes out from the day before the date (UTC days) to the day after it */
export const FOLLOW_UP_REMINDER_DAYS = 1;
/** the follow-up's calendar event: this local hour on the date, half an hour long */
export const FOLLOW_UP_EVENT_TIME = "08:00";
const EVENT_MINUTES = 30;
/** candidates read per sweep and kind: the next sweep takes the rest */
const BATCH = 500;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Recipient {
  personId: string;
  email: string;
  givenNames: string;
  locale: Locale;
  timeZone: string;
}

const recipientOf = (row: {
  person_id: string;
  email: string;
  given_names: string;
  locale: string;
  time_zone: string;
}): Recipient => ({
  personId: row.person_id,
  email: row.email,
  givenNames: row.given_names,
  locale: isLocale(row.locale) ? row.locale : "es-CL",
  timeZone: row.time_zone,
});

interface Reminder {
  kind: ReminderKind;
  subjectId: string;
  due: string;
  organizationId: string;
  to: Recipient;
  subject: string;
  text: string;
  attachment: EmailAttachment;
}

/**
 * Claims the reminder and queues its email in one transaction; false when it was already claimed
 * (by an earlier sweep, or by another process at the same moment: the insert waits for that
 * transaction, then finds the key taken).
 */
async function claimAndQueue(reminder: Reminder): Promise<boolean> {
  return db().transaction(async (tx) => {
    const claimed = await tx
      .insert(remindersSent)
      .values({
        kind: reminder.kind,
        subjectId: reminder.subjectId,
        due: reminder.due,
        organizationId: reminder.organizationId,
        personId: reminder.to.personId,
      })
      .onConflictDoNothing()
      .returning({ kind: remindersSent.kind });
    if (claimed.length === 0) return false;
    const emailId = await queueEmail(
      {
        to: reminder.to.email,
        organizationId: reminder.organizationId,
        subject: reminder.subject,
        text: reminder.text,
        attachments: [reminder.attachment],
      },
      tx,
    );
    await tx
      .update(remindersSent)
      .set({ emailId })
      .where(
        and(
          eq(remindersSent.kind, reminder.kind),
          eq(remindersSent.subjectId, reminder.subjectId),
          eq(remindersSent.due, reminder.due),
        ),
      );
    return true;
  });
}

function body(to: Recipient, paragraphs: string[]): string {
  const t = translator(to.locale);
  return [
    t("email.greeting", { name: to.givenNames }),
    ...paragraphs,
    t("email.reminder.turn_off", { link: `${config().appUrl}/personas/${to.personId}/editar` }),
    t("email.signature"),
  ].join("\n\n");
}

/** Visits sent 24 h ago or more (up to 7 days) whose meeting is not held: a reminder to the observer. */
async function meetingReminders(now: Date): Promise<Reminder[]> {
  const candidates = await rowsOf<{
    id: string;
    organization_id: string;
    course: string;
    subject: string;
    started_at: Date | string;
    due: string;
    teacher_name: string;
    person_id: string;
    email: string;
    given_names: string;
    locale: string;
    time_zone: string;
  }>(
    db(),
    // observations_submitted_idx: the visits sent in the window; feedback_meetings_obs_uq and the key
    // of reminders_sent: one probe each.
    sql`
    SELECT o.id, o.organization_id, o.course, o.subject, o.started_at, d.due,
      t.given_names || ' ' || t.family_names AS teacher_name,
      w.id AS person_id, w.email, w.given_names, w.locale, w.time_zone
    FROM observations o
    JOIN persons w ON w.id = o.observer_id
    JOIN persons t ON t.id = o.teacher_id
    LEFT JOIN school_observation_settings st ON st.school_id = o.school_id
    CROSS JOIN LATERAL (SELECT to_char(
      (o.submitted_at + make_interval(hours => coalesce(st.meeting_within_hours, 48))) AT TIME ZONE 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS due) d
    WHERE o.status = 'submitted'
      AND o.submitted_at <= ${new Date(now.getTime() - MEETING_REMINDER_AFTER_HOURS * HOUR).toISOString()}::timestamptz
      AND o.submitted_at > ${new Date(now.getTime() - MEETING_REMINDER_WINDOW_DAYS * DAY).toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id)
      AND w.status <> 'disabled' AND w.reminders
      AND NOT EXISTS (SELECT 1 FROM reminders_sent r
        WHERE r.kind = 'meeting_due' AND r.subject_id = o.id AND r.due = d.due)
    ORDER BY o.submitted_at
    LIMIT ${BATCH}`,
  );
  return candidates.map((c) => {
    const to = recipientOf(c);
    const t = translator(to.locale);
    const due = new Date(c.due);
    const link = `${config().appUrl}/observaciones/${c.id}/reunion`;
    const visitOn = formatDate(new Date(c.started_at), to.locale, to.timeZone);
    const dueText = formatDateTime(due, to.locale, to.timeZone);
    return {
      kind: "meeting_due",
      subjectId: c.id,
      due: c.due,
      organizationId: c.organization_id,
      to,
      subject: t("email.reminder.meeting.subject", { teacher: c.teacher_name }),
      text: body(to, [
        t("email.reminder.meeting.body", {
          teacher: c.teacher_name,
          course: c.course,
          subject: c.subject,
          date: visitOn,
          due: dueText,
          link,
        }),
      ]),
      attachment: calendarAttachment(
        {
          uid: `meeting-${c.id}@impulso`,
          title: t("email.reminder.meeting.event", { teacher: c.teacher_name }),
          description: t("email.reminder.event_description", { link }),
          url: link,
          start: new Date(due.getTime() - EVENT_MINUTES * 60_000),
          end: due,
        },
        "reunion.ics",
      ),
    } satisfies Reminder;
  });
}

/**
 * Follow-up dates from yesterday to tomorrow (UTC days) of meetings whose step is still open and whose
 * teacher has had no visit since: a reminder to the observer who held it and one to the teacher.
 */
async function followUpReminders(now: Date): Promise<Reminder[]> {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const candidates = await rowsOf<{
    id: string;
    observation_id: string;
    organization_id: string;
    school_id: string;
    teacher_id: string;
    due: string;
    step_title: string;
    teacher_name: string;
    kind: "follow_up_observer" | "follow_up_teacher";
    person_id: string;
    email: string;
    given_names: string;
    locale: string;
    time_zone: string;
  }>(
    db(),
    // feedback_meetings_follow_up_idx: the dates in the window; then one row per recipient.
    sql`
    SELECT f.id, f.observation_id, f.organization_id, f.school_id, f.teacher_id, f.follow_up_on::text AS due,
      a.title AS step_title, t.given_names || ' ' || t.family_names AS teacher_name,
      r.kind, p.id AS person_id, p.email, p.given_names, p.locale, p.time_zone
    FROM feedback_meetings f
    JOIN action_steps a ON a.id = f.action_step_id AND a.status = 'open'
    JOIN persons t ON t.id = f.teacher_id
    CROSS JOIN LATERAL (VALUES ('follow_up_observer', f.observer_id), ('follow_up_teacher', f.teacher_id))
      AS r(kind, person_id)
    JOIN persons p ON p.id = r.person_id
    WHERE f.follow_up_on BETWEEN ${day(-FOLLOW_UP_REMINDER_DAYS)}::date AND ${day(FOLLOW_UP_REMINDER_DAYS)}::date
      AND t.status <> 'disabled' AND p.status <> 'disabled' AND p.reminders
      AND NOT EXISTS (SELECT 1 FROM observations n WHERE n.teacher_id = f.teacher_id AND n.started_at > f.held_at)
      AND NOT EXISTS (SELECT 1 FROM reminders_sent s
        WHERE s.kind = r.kind AND s.subject_id = f.id AND s.due = f.follow_up_on::text)
    ORDER BY f.follow_up_on, f.id, r.kind
    LIMIT ${BATCH}`,
  );
  return candidates.map((c) => {
    const to = recipientOf(c);
    const t = translator(to.locale);
    const date = formatDay(c.due);
    const start =
      instantFromLocal(c.due, FOLLOW_UP_EVENT_TIME, to.timeZone) ?? new Date(`${c.due}T12:00:00Z`);
    const forObserver = c.kind === "follow_up_observer";
    const link = forObserver
      ? `${config().appUrl}/observaciones/nueva?establecimiento=${c.school_id}&docente=${c.teacher_id}`
      : `${config().appUrl}/observaciones/${c.observation_id}`;
    return {
      kind: c.kind,
      subjectId: c.id,
      due: c.due,
      organizationId: c.organization_id,
      to,
      subject: forObserver
        ? t("email.reminder.follow_up.subject", { teacher: c.teacher_name, date })
        : t("email.reminder.own_follow_up.subject", { date }),
      text: body(to, [
        forObserver
          ? t("email.reminder.follow_up.body", { teacher: c.teacher_name, step: c.step_title, date, link })
          : t("email.reminder.own_follow_up.body", { step: c.step_title, date, link }),
      ]),
      attachment: calendarAttachment(
        {
          uid: `${c.kind}-${c.id}@impulso`,
          title: forObserver
            ? t("email.reminder.follow_up.event", { teacher: c.teacher_name })
            : t("email.reminder.own_follow_up.event", { step: c.step_title }),
          description: t("email.reminder.event_description", { link }),
          url: link,
          start,
          end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
        },
        "seguimiento.ics",
      ),
    } satisfies Reminder;
  });
}

/** One sweep: finds the reminders due at `now` and queues each one not queued before. Returns how many. */
export async function sendDueReminders(now = new Date()): Promise<number> {
  let queued = 0;
  for (const reminders of [await meetingReminders(now), await followUpReminders(now)]) {
    for (const reminder of reminders) if (await claimAndQueue(reminder)) queued++;
  }
  return queued;
}
