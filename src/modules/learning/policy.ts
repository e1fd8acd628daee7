// Who may do what in learning (product.md, "who may see what": a cohort's lessons, discussion and
// attendance are seen by its enrolled people (their own attendance), coordinators and the cohort's
// facilitators; the public sees the catalogue entry only). Coordinators create courses and cohorts and
// enrol; the facilitators of a course run its cohorts. Registering for an open workshop needs no
// account, so it is not a rule here: the use case takes it from anyone, for a published cohort.
import { type Actor, allow, isCoordinator } from "../../platform/policy";

type OrganizationSubject = { organizationId: string };
export interface CourseSubject {
  organizationId: string;
  courseId: string;
  /** the course's facilitators */
  facilitatorIds: readonly string[];
}

/** A course's lessons as a reader reaches them: through a cohort where they may hold a place. */
export interface LessonSubject extends CourseSubject {
  /** the reader holds a confirmed place in the cohort (a participant) */
  participant: boolean;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "course:list": OrganizationSubject;
    "course:read": CourseSubject;
    "course:create": OrganizationSubject;
    "course:manage": CourseSubject;
    "cohort:facilitate": CourseSubject;
    "cohort:read_registrations": CourseSubject;
    "lesson:read": LessonSubject;
    "lesson:complete": LessonSubject;
    /** a mentor certificate (issued by the mentoring module): revoked by a coordinator */
    "mentor_certificate:manage": OrganizationSubject;
  }
}

const facilitates = (a: Actor, c: CourseSubject) =>
  a.organizationRoles.has("facilitator") && c.facilitatorIds.includes(a.personId);

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
/** the list of courses: coordinators (all of them) and facilitators (the ones they facilitate) */
allow("list", "course", (a) => isCoordinator(a) || a.organizationRoles.has("facilitator"));
allow("read", "course", (a) => isCoordinator(a));
allow("read", "course", (a, c) => facilitates(a, c));
allow("create", "course", (a) => isCoordinator(a));
/** a course's content, its cohorts, dates, places and sessions */
allow("manage", "course", (a) => isCoordinator(a));
/** sessions' attendance, reviews, announcements, moderation of a cohort */
allow("facilitate", "cohort", (a) => isCoordinator(a));
allow("facilitate", "cohort", (a, c) => facilitates(a, c));
allow("read_registrations", "cohort", (a) => isCoordinator(a));
allow("read_registrations", "cohort", (a, c) => facilitates(a, c));
/** a course's lessons and files: its participants, coordinators and the course's facilitators */
allow("read", "lesson", (a) => isCoordinator(a));
allow("read", "lesson", (a, c) => facilitates(a, c));
allow("read", "lesson", (a, c) => c.participant);
/** marking a lesson done is a participant's own progress */
allow("complete", "lesson", (a, c) => c.participant);
/** a mentor certificate's revocation and its download besides its holder: coordinators */
allow("manage", "mentor_certificate", (a) => isCoordinator(a));
