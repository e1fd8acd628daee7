// The well-being pulse (issue #17, "Well-being pulse"): short anonymous pulses for a school or the
// network, results only for groups of five or more, and support requests by name to the people a
// school chose.
import "./policy";
import "./personal-data";

export {
  DEFAULT_QUESTIONS,
  MAX_DAYS,
  MAX_QUESTIONS,
  MIN_GROUP,
  MIN_QUESTIONS,
  NETWORK_SCOPE,
  QUESTION_BANK,
  type QuestionKey,
  SCALE,
} from "./content";
export { seedDemoWellbeing } from "./demo";
export {
  hasWellbeing,
  opensPulses,
  type PulseScopeSubject,
  type PulseSubject,
  type SupportSchoolSubject,
} from "./policy";
export {
  answerPulse,
  closePulse,
  type GroupFigures,
  openDefaults,
  openPulse,
  pulseFor,
  pulseList,
  pulseResults,
  pulseScopes,
  pulsesToAnswer,
  type QuestionFigures,
  rebuildTallies,
  shownSchools,
} from "./pulses";
export { contactsOf, markSupportHandled, requestSupport, setWellbeingContacts, supportPage } from "./support";
