// The observation module's public face: instruments, the action-step catalogue, visits, feedback
// meetings, the teacher's side and development.
import "./policy";
import { type Actor, hasSchoolRole } from "../../platform/policy";

export {
  ACTION_STEP_CATEGORIES,
  type ActionStepCategory,
  type IndicatorDef,
  type InstrumentContent,
  NOTE_MAX,
} from "./content";
export { getDevelopment, observerWork } from "./development";
export { acknowledgeFeedback, meetingDefaults, recordMeeting, saveReflection } from "./meetings";
export * from "./schema";
export { ensureObservationSetup } from "./setup";
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

/** What the home page offers about observation. */
export function observationHome(actor: Actor) {
  const schoolIds = [...actor.schoolRoles.keys()];
  return {
    observes: schoolIds.some((id) => hasSchoolRole(actor, id, "leader", "mentor")),
    teaches: schoolIds.some((id) => hasSchoolRole(actor, id, "teacher")),
  };
}
