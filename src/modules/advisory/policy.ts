// Who may see and do what with a school advisory (issue #18; product.md, module 6). Deny by default:
// - the organization's coordinators see every advisory, its advisors' working notes of visits too, and
//   create and edit advisories (title, dates, goals, advisors, program, status);
// - an advisory's advisors (coordinators chosen for it) edit its plan (milestones) and its visits,
//   while it is not closed;
// - the school's leaders read their school's advisories: the goals, the plan, the visits' dates and
//   agreements, and the indicators (which the observation module's own rule lets them read), never
//   the advisors' notes of visits;
// - teachers, mentors, facilitators and administrators (as such): nothing.
import { type Actor, allow, hasSchoolRole, isCoordinator } from "../../platform/policy";
import type { AdvisoryStatus } from "./schema";

export interface AdvisorySubject {
  organizationId: string;
  schoolId: string;
  status: AdvisoryStatus;
  advisorIds: readonly string[];
}
type OrganizationSubject = { organizationId: string };

declare module "../../platform/policy" {
  interface PolicyRules {
    "advisory:list": OrganizationSubject;
    "advisory:create": OrganizationSubject;
    "advisory:read": AdvisorySubject;
    "advisory:read_notes": AdvisorySubject;
    "advisory:update": AdvisorySubject;
    "advisory:work": AdvisorySubject;
  }
}

const leadsAny = (a: Actor) => [...a.schoolRoles.values()].some((roles) => roles.has("leader"));

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
/** the list page: coordinators (every advisory), leaders (their schools', scoped in SQL) */
allow("list", "advisory", (a) => isCoordinator(a) || leadsAny(a));
allow("create", "advisory", (a) => isCoordinator(a));
allow("read", "advisory", (a) => isCoordinator(a));
allow("read", "advisory", (a, s) => hasSchoolRole(a, s.schoolId, "leader"));
/** the advisors' working notes of visits */
allow("read_notes", "advisory", (a) => isCoordinator(a));
allow("update", "advisory", (a) => isCoordinator(a));
/** the plan's milestones and the visits: the advisory's advisors, while it is not closed */
allow(
  "work",
  "advisory",
  (a, s) => isCoordinator(a) && s.status !== "closed" && s.advisorIds.includes(a.personId),
);
