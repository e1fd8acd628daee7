import { NotFoundError } from "./errors";

/**
 * The one place that decides who may read or change what. Modules declare their rules with `allow`
 * (one line per rule, in their policy.ts); anything not allowed is denied. A denied read is answered
 * as "not found", so that ids leak nothing.
 */
export type SchoolRoleName = "teacher" | "leader" | "mentor";
export type OrganizationRoleName = "coordinator" | "admin" | "facilitator";

export interface Actor {
  personId: string;
  organizationId: string;
  /** organization-wide roles */
  organizationRoles: ReadonlySet<OrganizationRoleName>;
  /** school id → roles held there */
  schoolRoles: ReadonlyMap<string, ReadonlySet<SchoolRoleName>>;
  /** schools this person advises as a coordinator */
  advisedSchoolIds: ReadonlySet<string>;
  /**
   * The mentor's pairings in force (issue #18), as `${schoolId}:${teacherId}` keys: the teachers this
   * person mentors, each in the school where they are paired. Read on every request, so that ending a
   * pairing removes the mentor's access on the very next one.
   */
  mentees: ReadonlySet<string>;
  ip?: string | null;
  requestId?: string | null;
}

/**
 * Everything the policy decides, as "resource:action" → the subject the rule reads. Each module adds
 * its own entries (declaration merging in its policy.ts), so an action that does not exist for a
 * resource, or a subject of the wrong shape, is a compile error rather than a silent denial.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declarations
export interface PolicyRules {}

/** Every subject belongs to one organization: the tenant rule below reads it before any rule. */
export interface TenantSubject {
  organizationId: string;
}

type RuleKey = keyof PolicyRules & string;
type ResourceOf<K> = K extends `${infer R}:${string}` ? R : never;
type ActionOf<K, R extends string> = K extends `${R}:${infer A}` ? A : never;
export type Resource = ResourceOf<RuleKey>;
export type Action<R extends Resource> = ActionOf<RuleKey, R>;
export type Subject<R extends Resource, A extends Action<R>> = PolicyRules[`${R}:${A}` & RuleKey] &
  TenantSubject;

type Rule<S> = (actor: Actor, subject: S) => boolean;
const rules = new Map<string, Rule<never>[]>();

/** Declares that the actors for whom `rule` holds may do `action` on `resource` (in their organization). */
export function allow<R extends Resource, A extends Action<R>>(
  action: A,
  resource: R,
  rule: Rule<Subject<R, A>>,
): void {
  const key = `${resource}:${action}`;
  const list = rules.get(key) ?? [];
  list.push(rule as Rule<never>);
  rules.set(key, list);
}

/**
 * Whether the actor may. The tenant rule comes first, for every resource, before any module's rule:
 * a subject of another organization is refused whatever the rules say, so no rule can forget it.
 */
export function can<R extends Resource, A extends Action<R>>(
  actor: Actor | null | undefined,
  action: A,
  resource: R,
  subject: Subject<R, A>,
): boolean {
  if (!actor) return false;
  if (!subject || subject.organizationId !== actor.organizationId) return false;
  return rulesHold(actor, `${resource}:${action}`, subject);
}

function rulesHold(actor: Actor, key: string, subject: unknown): boolean {
  const list = rules.get(key) as Rule<unknown>[] | undefined;
  if (!list) return false;
  return list.some((rule) => rule(actor, subject));
}

/** Throws NotFoundError (a 404 for the user) unless the actor may do it. */
export function authorize<R extends Resource, A extends Action<R>>(
  actor: Actor | null | undefined,
  action: A,
  resource: R,
  subject: Subject<R, A>,
): asserts actor is Actor {
  if (!can(actor, action, resource, subject)) throw new NotFoundError();
}

/** Every "resource:action" some rule allows (the tenant test goes through all of them). */
export function declaredRules(): string[] {
  return [...rules.keys()].sort();
}

/**
 * The modules' rules alone, without the tenant rule: only for the test that shows the tenant rule is
 * what refuses another organization's actor (its rules alone would let it in).
 */
export function rulesAloneForTests(actor: Actor, key: string, subject: unknown): boolean {
  return rulesHold(actor, key, subject);
}

// Predicates composed by the module policies.
export const isAdmin = (a: Actor) => a.organizationRoles.has("admin");
export const isCoordinator = (a: Actor) => a.organizationRoles.has("coordinator");
export const isStaff = (a: Actor) => isAdmin(a) || isCoordinator(a);
export const hasSchoolRole = (a: Actor, schoolId: string, ...roles: SchoolRoleName[]) => {
  const held = a.schoolRoles.get(schoolId);
  return !!held && (roles.length === 0 || roles.some((r) => held.has(r)));
};
export const advises = (a: Actor, schoolId: string) => isCoordinator(a) && a.advisedSchoolIds.has(schoolId);
/** Whether the actor mentors this teacher in this school (a pairing in force). */
export const mentors = (a: Actor, schoolId: string, teacherId: string) =>
  a.mentees.has(`${schoolId}:${teacherId}`);
/** The schools where the actor mentors someone (a pairing in force). */
export const mentoredSchoolIds = (a: Actor): string[] => [
  ...new Set([...a.mentees].map((key) => key.slice(0, key.indexOf(":")))),
];
/** The teachers the actor mentors in this school. */
export const menteesIn = (a: Actor, schoolId: string): string[] =>
  [...a.mentees].filter((key) => key.startsWith(`${schoolId}:`)).map((key) => key.slice(schoolId.length + 1));
/** Admins of the organization, coordinators advising the school, leaders of the school. */
export const managesSchool = (a: Actor, s: { schoolId: string }) =>
  isAdmin(a) || advises(a, s.schoolId) || hasSchoolRole(a, s.schoolId, "leader");
