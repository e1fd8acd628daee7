// The observation module's public face: instruments, the action-step catalogue, visits, feedback
// meetings, the teacher's side and development.
import { observedSchoolIds } from "./policy";
import "./personal-data";
import { type Actor, can, hasSchoolRole } from "../../platform/policy";

export { type CadenceSettings, getCadenceSettings, saveCadenceSettings } from "./cadence-settings";
export {
  type CalibrationPage,
  calibrationForm,
  closeCalibration,
  createCalibration,
  getCalibration,
  listCalibrations,
  participantField,
  saveCalibrationScores,
  updateCalibration,
} from "./calibration";
export { seedDemoCalibration } from "./calibration-demo";
export { type CaptureKit, captureKit } from "./capture";
export {
  createCatalogueStep,
  getCatalogueStep,
  listCatalogue,
  moveCatalogueStep,
  setCatalogueStepArchived,
  updateCatalogueStep,
} from "./catalogue";
export {
  ACTION_STEP_CATEGORIES,
  type ActionStepCategory,
  type IndicatorDef,
  type InstrumentContent,
  NOTE_MAX,
} from "./content";
export { type CyclePdf, cyclePdf } from "./cycle-pdf";
export { schoolVisitsForExport } from "./dashboard-exports";
export { type Period, periodOf } from "./dashboard-periods";
export {
  type DashboardFileFormat,
  networkDashboardFile,
  type Reader,
  schoolDashboardFile,
  schoolTables,
} from "./dashboard-tables";
export { type NetworkDashboard, networkDashboard, type SchoolDashboard, schoolDashboard } from "./dashboards";
export {
  DAY_LIST_SIZE,
  type DayList,
  type DraftItem,
  type FeedbackItem,
  type FollowUpItem,
  type MeetingItem,
  type NextFollowUp,
  type OpenStepItem,
  type OverdueItem,
  type PendingWork,
  type PendingWorkResult,
  pendingWork,
} from "./day";
export { getDevelopment, observerWork } from "./development";
export { foldFigureChanges } from "./figures-cache";
export {
  createInstrument,
  discardInstrumentDraft,
  getInstrument,
  type InstrumentView,
  listInstruments,
  requireSetupManager,
  saveInstrumentDraft,
  setInstrumentArchived,
} from "./instruments";
export { iveReport } from "./ive-report";
export { acknowledgeFeedback, meetingDefaults, recordMeeting, saveReflection } from "./meetings";
export {
  type CalendarEvent,
  calendarAttachment,
  REMINDER_SWEEP_MINUTES,
  sendDueReminders,
} from "./reminders";
export {
  INDICATOR_MONTHS_MAX,
  type MonthIndicators,
  type SchoolIndicators,
  schoolIndicatorsSince,
} from "./school-indicators";
export { schoolReportPdf } from "./school-report";
export { ensureObservationSetup } from "./setup";
export type { FieldEdit } from "./visit-history";
export {
  discardVisit,
  getVisit,
  indicatorsOf,
  onTaskShare,
  saveVisit,
  startVisit,
  type Visit,
  visitOptions,
} from "./visits";

/** Whether the school page links to the school's observation dashboard. */
export function mayReadSchoolDashboard(actor: Actor, school: { organizationId: string; id: string }) {
  return can(actor, "read_observation_aggregates", "school", {
    organizationId: school.organizationId,
    schoolId: school.id,
  });
}

/** What the home page offers about observation. */
export function observationHome(actor: Actor) {
  const schoolIds = [...actor.schoolRoles.keys()];
  return {
    // (a school's mentor role without a pairing in force keeps the list of the visits they wrote)
    observes:
      observedSchoolIds(actor).length > 0 || schoolIds.some((id) => hasSchoolRole(actor, id, "mentor")),
    /** whether they may record a visit of someone: a school they lead, or a mentee (/observaciones/nueva) */
    recordsVisits: observedSchoolIds(actor).length > 0,
    teaches: schoolIds.some((id) => hasSchoolRole(actor, id, "teacher")),
    /** schools whose observation dashboard the actor leads (/establecimientos/:id/observacion) */
    ledSchoolIds: schoolIds.filter((id) => hasSchoolRole(actor, id, "leader")),
    /** the network dashboard of advised schools (/observaciones/red) */
    network: can(actor, "read_observation_aggregates", "network", { organizationId: actor.organizationId }),
    calibrations: can(actor, "list", "calibration", { organizationId: actor.organizationId }),
    /** instruments (/pautas) and the action-step catalogue (/pasos) */
    setup: can(actor, "read", "observation_setup", { organizationId: actor.organizationId }),
  };
}

/**
 * What a person's profile links to about observation: a new visit of her, for whoever may observe her
 * (in the first of her schools where they may), and her development timeline, for whoever may read it.
 */
export function observationLinksFor(
  actor: Actor,
  person: { id: string; organizationId: string },
  roles: ReadonlyArray<{ role: string; schoolId: string | null }>,
) {
  const teaching = roles.flatMap((r) => (r.role === "teacher" && r.schoolId ? [r.schoolId] : []));
  const subject = (schoolId: string) => ({
    organizationId: person.organizationId,
    schoolId,
    teacherId: person.id,
  });
  const observable = teaching.find((schoolId) => can(actor, "observe", "teacher", subject(schoolId)));
  return {
    newVisit: observable ? `/observaciones/nueva?establecimiento=${observable}&docente=${person.id}` : null,
    development: teaching.some((schoolId) => can(actor, "read_development", "teacher", subject(schoolId)))
      ? `/personas/${person.id}/desarrollo`
      : null,
  };
}
