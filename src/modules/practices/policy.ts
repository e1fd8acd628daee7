// Who may do what with a practice (issue #17, "Practices library"). A draft is its author's alone (a
// practice that shows students stays a draft until consent is on record). A published practice is read
// by its school's staff (and the coordinators who advise it) when it is for "my school", and by every
// member of the organization when it is for the network or public (the public page needs no account:
// publicPractice). A teacher or leader shares practices of a school where they hold a role; a leader of
// the practice's school (or a coordinator advising it) features it on the school's page and moderates
// its comments; coordinators moderate the comments of network and public practices too.
import {
  type Actor,
  advises,
  allow,
  hasSchoolRole,
  isCoordinator,
  type SchoolRoleName,
} from "../../platform/policy";
import type { PracticeStatus, PracticeVisibility } from "./content";

export interface PracticeSubject {
  organizationId: string;
  schoolId: string;
  authorId: string;
  status: PracticeStatus;
  visibility: PracticeVisibility;
}
export interface PracticeSchoolSubject {
  organizationId: string;
  schoolId: string;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "practice:read": PracticeSubject;
    "practice:edit": PracticeSubject;
    "practice:react": PracticeSubject;
    "practice:feature": PracticeSubject;
    "practice:moderate": PracticeSubject;
    "practice_library:share": PracticeSchoolSubject;
  }
}

/** The roles that share practices at a school (a mentor coaches; a teacher or leader teaches or leads). */
const SHARING_ROLES: SchoolRoleName[] = ["teacher", "leader"];

const member = (a: Actor) => a.organizationRoles.size > 0 || a.schoolRoles.size > 0;
const staffOf = (a: Actor, schoolId: string) => hasSchoolRole(a, schoolId) || advises(a, schoolId);
const leads = (a: Actor, schoolId: string) => hasSchoolRole(a, schoolId, "leader") || advises(a, schoolId);
const isAuthor = (a: Actor, p: PracticeSubject) => p.authorId === a.personId;

function readsPublished(a: Actor, p: PracticeSubject): boolean {
  if (p.status !== "published") return false;
  return p.visibility === "school" ? staffOf(a, p.schoolId) : member(a);
}

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
allow("read", "practice", (a, p) => isAuthor(a, p) || readsPublished(a, p));
allow("edit", "practice", isAuthor);
// "me sirvió" and comments: colleagues who read it (not its author)
allow("react", "practice", (a, p) => !isAuthor(a, p) && readsPublished(a, p));
allow("feature", "practice", (a, p) => p.status === "published" && leads(a, p.schoolId));
allow(
  "moderate",
  "practice",
  (a, p) => leads(a, p.schoolId) || (p.visibility !== "school" && isCoordinator(a)),
);
allow("share", "practice_library", (a, s) => hasSchoolRole(a, s.schoolId, ...SHARING_ROLES));

/** The schools where the actor may share a practice. */
export function sharingSchoolIds(actor: Actor): string[] {
  return [...actor.schoolRoles.entries()]
    .filter(([, roles]) => SHARING_ROLES.some((r) => roles.has(r)))
    .map(([id]) => id);
}

/** The schools whose "my school" practices the actor reads (a role there, or advised). */
export function readableSchoolIds(actor: Actor): string[] {
  return [...new Set([...actor.schoolRoles.keys(), ...actor.advisedSchoolIds])];
}
