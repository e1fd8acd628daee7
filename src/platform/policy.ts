import { NotFoundError } from "./errors";

/**
 * The one place that decides who may read or change what. Modules declare their rules with `allow`
 * (one line per rule, in their policy.ts); anything not allowed is denied. A denied read is answered
 * as "not found", so that ids leak nothing.
 */
export type SchoolRoleName = "teacher" | "leader" | "mentor";
export type OrganizationRoleName = "coordinator" | "admin";

export interface Actor {
  personId: string;
  organizationId: string;
  /** organization-wide roles */
  organizationRoles: ReadonlySet<OrganizationRoleName>;
  /** school id → roles held there */
  schoolRoles: ReadonlyMap<string, ReadonlySet<SchoolRoleName>>;
  /** schools this person advises as a coordinator */
  advisedSchoolIds: ReadonlySet<string>;
  ip?: string | null;
  requestId?: string | null;
}

type Rule<S> = (actor: Actor, subject: S) => boolean;
const rules = new Map<string, Rule<never>[]>();

export function allow<S>(action: string, resource: string, rule: Rule<S>): void {
  const key = `${resource}:${action}`;
  const list = rules.get(key) ?? [];
  list.push(rule as Rule<never>);
  rules.set(key, list);
}

export function can<S>(
  actor: Actor | null | undefined,
  action: string,
  resource: string,
  subject: S,
): boolean {
  if (!actor) return false;
  const list = rules.get(`${resource}:${action}`) as Rule<S>[] | undefined;
  if (!list) return false;
  return list.some((rule) => rule(actor, subject));
}

/** Throws NotFoundError (a 404 for the user) unless the actor may do it. */
export function authorize<S>(
  actor: Actor | null | undefined,
  action: string,
  resource: string,
  subject: S,
): asserts actor is Actor {
  if (!can(actor, action, resource, subject)) throw new NotFoundError();
}

export function declaredRules(): string[] {
  return [...rules.keys()].sort();
}

// Predicates composed by the module policies.
export const isAdmin = (a: Actor) => a.organizationRoles.has("admin");
export const isCoordinator = (a: Actor) => a.organizationRoles.has("coordinator");
export const isStaff = (a: Actor) => isAdmin(a) || isCoordinator(a);
export const sameOrganization = (a: Actor, s: { organizationId: string }) =>
  a.organizationId === s.organizationId;
export const hasSchoolRole = (a: Actor, schoolId: string, ...roles: SchoolRoleName[]) => {
  const held = a.schoolRoles.get(schoolId);
  return !!held && (roles.length === 0 || roles.some((r) => held.has(r)));
};
export const advises = (a: Actor, schoolId: string) => isCoordinator(a) && a.advisedSchoolIds.has(schoolId);
/** Admins of the organization, coordinators advising the school, leaders of the school. */
export const managesSchool = (a: Actor, s: { organizationId: string; schoolId: string }) =>
  sameOrganization(a, s) && (isAdmin(a) || advises(a, s.schoolId) || hasSchoolRole(a, s.schoolId, "leader"));
