// Who may see and do what in observation and feedback: the "who may see what" table of product.md.
// An observation of teacher T (its notes, levels, meeting and action steps) is seen by T (once
// submitted), by its author, by the leadership team of T's school, by the mentor PAIRED with T in that
// school while the pairing is in force (issue #18: `actor.mentees`, loaded on every request; a school's
// `mentor` role alone grants nothing), and by coordinators who advise the school. The author keeps
// reading the visits they wrote after a pairing ends (product.md's "its observer" column): their own
// working record. A private reflection is read by T alone. Administrators are not in the table.
import {
  type Actor,
  advises,
  allow,
  hasSchoolRole,
  isCoordinator,
  isStaff,
  mentoredSchoolIds,
  mentors,
} from "../../platform/policy";

export interface ObservationSubject {
  organizationId: string;
  schoolId: string;
  teacherId: string;
  observerId: string;
  status: "draft" | "submitted";
}
export interface TeacherInSchool {
  organizationId: string;
  schoolId: string;
  teacherId: string;
}
export interface ReflectionSubject extends ObservationSubject {
  private: boolean;
}
type SchoolSubject = { organizationId: string; schoolId: string };
type OrganizationSubject = { organizationId: string };

declare module "../../platform/policy" {
  interface PolicyRules {
    "teacher:observe": TeacherInSchool;
    "teacher:read_development": TeacherInSchool;
    "observation:read": ObservationSubject;
    "observation:update": ObservationSubject;
    "observation:read_history": ObservationSubject;
    "observation:hold_meeting": ObservationSubject;
    "observation:respond": ObservationSubject;
    "reflection:read": ReflectionSubject;
    "school:read_observation_aggregates": SchoolSubject;
    "school:configure_observation": SchoolSubject;
    "network:read_observation_aggregates": OrganizationSubject;
    "observation_setup:manage": OrganizationSubject;
    "observation_setup:read": OrganizationSubject;
    "calibration:list": OrganizationSubject;
    "calibration:create": OrganizationSubject;
    "calibration:read": CalibrationSubject;
    "calibration:update": CalibrationSubject;
    "calibration:score": CalibrationSubject;
    "calibration:read_results": CalibrationSubject;
    "calibration:read_own_results": CalibrationSubject;
    "calibration:read_ive_report": OrganizationSubject;
  }
}

const author = (a: Actor, o: ObservationSubject) => a.personId === o.observerId;
/** the mentor paired with the teacher in that school, while the pairing is in force */
const paired = (a: Actor, t: TeacherInSchool) => mentors(a, t.schoolId, t.teacherId);
/** who reads a teacher's record: the school's leaders, advising coordinators, the paired mentor */
const schoolTeam = (a: Actor, t: TeacherInSchool) =>
  hasSchoolRole(a, t.schoolId, "leader") || advises(a, t.schoolId) || paired(a, t);
/** who may record a visit of a teacher of the school: its leaders and the teacher's paired mentor */
const observer = (a: Actor, t: TeacherInSchool) => hasSchoolRole(a, t.schoolId, "leader") || paired(a, t);

/**
 * The schools where the actor records visits (the observer's pickers, the day page, offline capture):
 * those they lead, and those where they mentor someone. In a school they do not lead, only their
 * mentees are theirs to observe (`observableTeacher`).
 */
export function observedSchoolIds(a: Actor): string[] {
  const led = [...a.schoolRoles.keys()].filter((id) => hasSchoolRole(a, id, "leader"));
  return [...new Set([...led, ...mentoredSchoolIds(a)])];
}
/** Whether the actor may record a visit of this teacher of this school (the "observe teacher" rule). */
export const observableTeacher = (a: Actor, schoolId: string, teacherId: string) =>
  a.personId !== teacherId && (hasSchoolRole(a, schoolId, "leader") || mentors(a, schoolId, teacherId));

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.

// Recording a visit: leaders of the school, and the teacher's paired mentor; of a teacher of that
// school (the use cases check the membership), never of themselves.
allow("observe", "teacher", (a, t) => a.personId !== t.teacherId && observer(a, t));
// A teacher's development (open step, timeline): the teacher, and whoever may read their visits.
allow("read_development", "teacher", (a, t) => a.personId === t.teacherId);
allow("read_development", "teacher", (a, t) => schoolTeam(a, t));

allow("read", "observation", (a, o) => author(a, o));
allow(
  "read",
  "observation",
  (a, o) => o.status === "submitted" && (a.personId === o.teacherId || schoolTeam(a, o)),
);
/**
 * notes, levels, snapshots, step decision, submit: the author, while it is a draft and while they may
 * still observe the teacher (a mentor whose pairing ended keeps reading the draft, no longer writes it)
 */
allow("update", "observation", (a, o) => author(a, o) && o.status === "draft" && observer(a, o));
/** the history of a visit's changes (which device wrote what, when): its author, their working record */
allow("read_history", "observation", (a, o) => author(a, o));
/** the feedback meeting of a submitted visit: its author */
allow(
  "hold_meeting",
  "observation",
  // and while they may still observe the teacher: a mentor whose pairing ended writes nothing more
  (a, o) => author(a, o) && o.status === "submitted" && observer(a, o),
);
/** acknowledging the feedback and writing a reflection: the teacher */
allow("respond", "observation", (a, o) => o.status === "submitted" && a.personId === o.teacherId);
allow("read", "reflection", (a, r) => a.personId === r.teacherId);
allow(
  "read",
  "reflection",
  (a, r) => !r.private && r.status === "submitted" && (author(a, r) || schoolTeam(a, r)),
);

// School aggregates and cadence: the school's leadership team and advising coordinators.
allow(
  "read_observation_aggregates",
  "school",
  (a, s) => hasSchoolRole(a, s.schoolId, "leader") || advises(a, s.schoolId),
);
allow(
  "configure_observation",
  "school",
  (a, s) => hasSchoolRole(a, s.schoolId, "leader") || advises(a, s.schoolId),
);
// The network dashboard (the schools one advises, side by side, and network totals): coordinators.
allow("read_observation_aggregates", "network", (a) => isCoordinator(a));

// Instruments and the action-step catalogue: organization staff edit them; observers and teachers
// of the organization read them.
allow("manage", "observation_setup", (a) => isStaff(a));
allow("read", "observation_setup", () => true);

// Calibration: coordinators of the organization set it up, change it while open, close it and read
// every calibration and all its figures. Participants (the leaders and mentors the coordinator chose)
// see the calibrations they are in, score while open, and once closed see their OWN agreement only:
// an observer's figures read like an evaluation of that observer, and in a group of three an
// "anonymous" spread would give away a colleague's scores. The IVE report is a network aggregate for
// coordinators. Administrators are not in the table: they see none.
export interface CalibrationSubject {
  organizationId: string;
  status: "open" | "closed";
  participantIds: readonly string[];
}
// (calibration is about the observer's eye: a school's mentor role, or mentees, make one an observer)
const observesSomewhere = (a: Actor) =>
  a.mentees.size > 0 || [...a.schoolRoles.keys()].some((id) => hasSchoolRole(a, id, "leader", "mentor"));
const participates = (a: Actor, c: CalibrationSubject) => c.participantIds.includes(a.personId);
allow("list", "calibration", (a) => isCoordinator(a) || observesSomewhere(a));
allow("create", "calibration", (a) => isCoordinator(a));
allow("read", "calibration", (a, c) => isCoordinator(a) || participates(a, c));
allow("update", "calibration", (a, c) => isCoordinator(a) && c.status === "open");
allow("score", "calibration", (a, c) => participates(a, c) && c.status === "open");
/** every observer's figures and the spread of levels */
allow("read_results", "calibration", (a, c) => isCoordinator(a) && c.status === "closed");
/** one's own figures against the reference */
allow("read_own_results", "calibration", (a, c) => participates(a, c) && c.status === "closed");
allow("read_ive_report", "calibration", (a) => isCoordinator(a));
