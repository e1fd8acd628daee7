import type { calibration as source } from "../es-CL/calibration";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const calibration: Record<keyof typeof source, string> = {
  "nav.calibrations": "Calibration",
  "home.card.calibrations": "Calibration: score the same class and compare",

  "calibration.status.open": "Open",
  "calibration.status.closed": "Closed",

  "calibration.list.title": "Observer calibration",
  "calibration.list.new": "New calibration",
  "calibration.list.intro_all":
    "Several observers score the same class with the same observation tool, and each one is compared with the reference scorer.",
  "calibration.list.intro_own":
    "The calibrations you take part in: score the class and, once the coordination team closes it, see your agreement with the reference.",
  "calibration.list.empty_all": "There are no calibrations yet.",
  "calibration.list.empty_own": "You are not taking part in any calibration yet.",
  "calibration.list.to_score": "To score",
  "calibration.list.submitted_count": "Scores sent: {submitted} of {participants}",

  "calibration.new.title": "New calibration",
  "calibration.new.intro":
    "Choose the observation tool, the class everyone will observe (in the classroom or on video) and who scores it. One of them is the reference.",
  "calibration.new.create": "Create calibration",
  "calibration.edit.title": "Edit calibration",
  "calibration.edit.save": "Save changes",

  "calibration.form.title": "Title",
  "calibration.form.title_hint": "For example: March calibration, Los Aromos school.",
  "calibration.form.instrument": "Observation tool",
  "calibration.form.instrument_version": "{name} (version {version})",
  "calibration.form.instrument_locked_hint": "It cannot be changed once someone has saved scores.",
  "calibration.form.class": "The class",
  "calibration.form.class_hint":
    "A class you attend together (class, subject and date) or the link to a recorded class.",
  "calibration.form.school": "School",
  "calibration.form.no_school": "No school",
  "calibration.form.class_context": "Class and subject",
  "calibration.form.class_context_hint": "For example: 6th grade B · Mathematics · equivalent fractions.",
  "calibration.form.held_on": "Date of the class",
  "calibration.form.video_url": "Link to the recorded class",
  "calibration.form.video_url_hint": "An address starting with https:// or http://.",
  "calibration.form.participants": "Observers who score",
  "calibration.form.participants_hint":
    "School leaders and mentors of the organization. Choose at least one person besides the reference.",
  "calibration.form.no_observers": "The organization has no school leaders or mentors yet.",
  "calibration.form.observer_role": "{role}, {school}",
  "calibration.form.reference": "Reference scorer",
  "calibration.form.reference_hint":
    "Their scores are the reference the others are compared with. They take part too.",

  "calibration.errors.too_long": "It is too long.",
  "calibration.errors.instrument_required": "Choose a published observation tool.",
  "calibration.errors.instrument_locked": "Scores were already saved with this tool: it cannot be changed.",
  "calibration.errors.date_invalid": "Enter a valid date.",
  "calibration.errors.date_required": "Enter the date of the class, or add the link to a recorded class.",
  "calibration.errors.class_required": "Enter the class and subject, or add the link to a recorded class.",
  "calibration.errors.video_invalid": "Enter a link starting with https:// or http://.",
  "calibration.errors.reference_required": "Choose the reference scorer.",
  "calibration.errors.participants_min": "Choose at least one observer besides the reference.",
  "calibration.errors.cannot_remove_submitted": "Someone who already sent their scores cannot be removed.",
  "calibration.errors.closed": "This calibration is closed and cannot be changed.",
  "calibration.errors.already_submitted": "You already sent your scores: they cannot be changed.",
  "calibration.errors.level_required": "Choose a level.",
  "calibration.errors.levels_missing":
    "{count, plural, one {# indicator is still unscored. Your choices were saved; complete the marked one to send.} other {{count} indicators are still unscored. Your choices were saved; complete the marked ones to send.}}",
  "calibration.errors.reference_not_submitted":
    "The reference scorer has not sent their scores yet: the calibration cannot be closed yet.",

  "calibration.notice.updated": "The changes were saved.",
  "calibration.notice.closed": "The calibration is closed. These are the results.",
  "calibration.notice.submitted": "Your scores were sent.",
  "calibration.notice.saved": "Your scores were saved. You can continue and send them when you are done.",

  "calibration.page.title": "Calibration: {title}",
  "calibration.page.video": "Watch the recorded class (opens in another tab)",
  "calibration.page.meta": "{instrument}, version {version} · Reference: {reference}",
  "calibration.page.participants": "Participants",
  "calibration.page.reference": "Reference",
  "calibration.page.sent_at": "Sent on {date}",
  "calibration.page.pending": "Pending",
  "calibration.page.edit": "Edit the calibration",
  "calibration.page.close": "Close the calibration",
  "calibration.page.close_hint":
    "Closing it computes the agreement from the scores sent; whoever did not send is not counted. The reference must have sent.",

  "calibration.score.title": "Your scores",
  "calibration.score.intro":
    "Give each indicator a level based on what you saw in the class, without talking to the others first. Each level's descriptor is shown.",
  "calibration.score.intro_reference":
    "You are the reference: give each indicator a level based on what you saw in the class. Your scores are the basis of the comparison.",
  "calibration.score.save": "Save",
  "calibration.score.submit": "Send scores",
  "calibration.score.submit_hint":
    "Save keeps your choices. Once sent, your scores are final and the coordination team sees that you are done.",
  "calibration.score.mine": "Your scores",
  "calibration.score.sent":
    "You sent your scores on {date}. You will see your agreement with the reference once the coordination team closes the calibration.",
  "calibration.score.not_sent_closed":
    "The calibration was closed without your scores: they are not counted.",

  "calibration.results.title": "Results",
  "calibration.results.intro_all":
    "Each observer's agreement with the reference scorer, over the indicators both scored.",
  "calibration.results.intro_own":
    "Your agreement with the reference scorer. Each observer's results are seen only by that person and the coordination team.",
  "calibration.results.rule":
    "Drift rule: an observer is flagged when kappa is below {kappa} or exact agreement is below {exact}, with at least {min} indicators scored by both. Drift persists when it happens in each of their {latest} latest closed calibrations.",
  "calibration.results.observer": "Observer",
  "calibration.results.n": "Indicators (n)",
  "calibration.results.exact": "Exact agreement",
  "calibration.results.adjacent": "Adjacent agreement",
  "calibration.results.kappa": "Cohen's kappa",
  "calibration.results.drift": "Drift",
  "calibration.results.kappa_none": "Not computable",
  "calibration.results.kappa_hint":
    "Exact: the same level as the reference. Adjacent: within one level (exact ones included). Kappa discounts the agreement expected by chance; it cannot be computed when both gave one and the same level to everything.",
  "calibration.results.drifts": "Drifts",
  "calibration.results.drifts_persistently": "Persistent: in their {latest} latest calibrations",
  "calibration.results.no_drift": "No drift",
  "calibration.results.too_few": "Too few indicators to judge",
  "calibration.results.none": "No observer other than the reference sent their scores.",
  "calibration.results.not_submitted": "Did not send their scores (not counted): {names}.",
  "calibration.results.you_are_reference":
    "You were the reference of this calibration: the others are compared with your scores.",
  "calibration.results.by_indicator": "By indicator",
  "calibration.results.indicator": "Indicator",
  "calibration.results.reference_level": "Reference",
  "calibration.results.my_level": "Your level",
  "calibration.results.spread_hint":
    "How many participants (the reference included) gave each level to each indicator.",

  "calibration.ive.link": "Levels by school IVE",
  "calibration.ive.title": "Levels by IVE",
  "calibration.ive.intro":
    "Average level given by observers on each indicator, in submitted visits to schools of high and low IVE (school vulnerability index) across the network. A large difference may mean that scoring depends on how vulnerable the school is.",
  "calibration.ive.rule":
    "High IVE: {min} % or more; low IVE: below {min} %. Schools without IVE are not counted. A figure is shown only when it rests on at least {visits} visits in at least {schools} schools.",
  "calibration.ive.instrument": "Observation tool",
  "calibration.ive.show": "Show",
  "calibration.ive.high": "High IVE (≥\u00a0{min}\u00a0%)",
  "calibration.ive.low": "Low IVE (<\u00a0{min}\u00a0%)",
  "calibration.ive.difference": "Difference (high − low)",
  "calibration.ive.hidden": "Not enough data",
  "calibration.ive.behind": "Visits: {visits} · schools: {schools}",
  "calibration.ive.total_high": "High IVE (≥\u00a0{min} %): {visits} submitted visits in {schools} schools.",
  "calibration.ive.total_low": "Low IVE (<\u00a0{min} %): {visits} submitted visits in {schools} schools.",
  "calibration.ive.total_none": "No IVE (not counted): {visits} visits in {schools} schools.",
  "calibration.ive.no_instruments": "The organization has no published observation tools.",
  "calibration.ive.no_indicators": "This observation tool has no indicators with levels.",
  "calibration.ive.no_levels": "No levels have been given with this tool in schools with IVE yet.",
  "calibration.ive.unobserved": "No levels given in visits: {indicators}.",
  "calibration.ive.levels_hint":
    "Levels: 1 Unsatisfactory, 2 Basic, 3 Proficient, 4 Distinguished. Average of the levels given in submitted visits with any version of the tool.",
};
