import {
  type Actor,
  advises,
  allow,
  hasSchoolRole,
  isAdmin,
  isCoordinator,
  isStaff,
  managesSchool,
  mentors,
} from "../../platform/policy";

export type SchoolSubject = { organizationId: string; schoolId: string };
export type PersonSubject = {
  organizationId: string;
  personId: string;
  /** schools where the person holds a role */
  schoolIds: readonly string[];
  /** holds an organization role (coordinator, admin) */
  isStaff: boolean;
  /** "invited": has never signed in (no password yet); "active": has an account */
  status: "invited" | "active" | "disabled";
};
export type OrganizationSubject = { organizationId: string };

// What this module's rules decide, and the subject each reads (see PolicyRules).
declare module "../../platform/policy" {
  interface PolicyRules {
    "school:list": OrganizationSubject;
    "school:read": SchoolSubject;
    "school:create": OrganizationSubject;
    "school:update": SchoolSubject;
    "school:manage_people": SchoolSubject;
    "school:assign_coordinators": SchoolSubject;
    "person:read": PersonSubject;
    "person:update": PersonSubject;
    "person:correct_email": PersonSubject;
    "person:change_own_email": PersonSubject;
    "person:propose_email": PersonSubject;
    "person:recover_account": PersonSubject;
    "person:invite": PersonSubject;
    "person:list": OrganizationSubject;
    "organization:manage_staff": OrganizationSubject;
    "outbox:read": OrganizationSubject;
    "audit:read": OrganizationSubject;
    "program:list": OrganizationSubject;
    "program:manage": OrganizationSubject;
  }
}

const self = (a: Actor, p: PersonSubject) => a.personId === p.personId;
// A mentor observes their mentees (pairings in force, issue #18), not everyone of a school where they
// hold the mentor role.
const leadsOrObservesOneOf = (a: Actor, p: PersonSubject) =>
  p.schoolIds.some((id) => advises(a, id) || hasSchoolRole(a, id, "leader") || mentors(a, id, p.personId));
const managesOneOf = (a: Actor, p: PersonSubject) =>
  p.schoolIds.some((id) => advises(a, id) || hasSchoolRole(a, id, "leader"));
const everyone = () => true;

// The tenant rule (platform/policy.ts) has already refused any subject of another organization: the
// rules below only say who, within the organization.

// Schools. Their directory data is not personal: staff see every school of their organization,
// members see their own schools.
allow("list", "school", everyone);
allow("read", "school", (a, s) => isStaff(a) || hasSchoolRole(a, s.schoolId));
allow("create", "school", (a) => isStaff(a));
allow("update", "school", (a, s) => isAdmin(a) || advises(a, s.schoolId));
/** import rosters, invite people, change memberships in the school */
allow("manage_people", "school", (a, s) => managesSchool(a, s));
allow("assign_coordinators", "school", (a) => isAdmin(a));

// People. Individual records only where the actor works with the person.
allow("read", "person", (a, p) => self(a, p));
allow("read", "person", (a, p) => isAdmin(a) || leadsOrObservesOneOf(a, p));
allow("read", "person", (a, p) => isCoordinator(a) && p.isStaff);
allow("update", "person", (a, p) => self(a, p));
// Organization staff (coordinators, administrators) are changed only by administrators (or themselves),
// even when they also hold a role in a school that a leader manages.
allow("update", "person", (a, p) => isAdmin(a) || (!p.isStaff && managesOneOf(a, p)));
// The address a person signs in with (docs/architecture.md, "Who may change what of a person"). Once
// the person has an account, only they change it (confirmed from the new address); those who may edit
// them may correct it only while it is a pending invitation, and otherwise propose a change that the
// person confirms; an administrator may start an account recovery for someone who lost their address.
const editsOther = (a: Actor, p: PersonSubject) =>
  !self(a, p) && (isAdmin(a) || (!p.isStaff && managesOneOf(a, p)));
allow("correct_email", "person", (a, p) => p.status === "invited" && editsOther(a, p));
allow("change_own_email", "person", (a, p) => self(a, p) && p.status === "active");
allow("propose_email", "person", (a, p) => p.status === "active" && editsOther(a, p));
allow("recover_account", "person", (a, p) => p.status === "active" && !self(a, p) && isAdmin(a));
allow("invite", "person", (a, p) => isAdmin(a) || (!p.isStaff && managesOneOf(a, p)));
allow(
  "list",
  "person",
  (a) => isStaff(a) || a.mentees.size > 0 || [...a.schoolRoles.values()].some((r) => r.has("leader")),
);
/** organization roles (coordinator, administrator) */
allow("manage_staff", "organization", (a) => isAdmin(a));

// Platform records of the organization.
allow("read", "outbox", (a) => isAdmin(a));
allow("read", "audit", (a) => isAdmin(a));

// Programs (issue #18): staff list them (forms' selects, filters); coordinators create and rename them.
allow("list", "program", (a) => isStaff(a));
allow("manage", "program", (a) => isCoordinator(a));
