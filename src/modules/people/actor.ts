import { eq, sql } from "drizzle-orm";
import { db } from "../../platform/db/client";
import type { Actor, OrganizationRoleName, SchoolRoleName } from "../../platform/policy";
import { persons } from "./schema";

export interface Viewer {
  personId: string;
  organizationId: string;
  givenNames: string;
  familyNames: string;
  email: string;
  locale: string;
  timeZone: string;
}

/** Builds the actor (identity and roles) of a signed-in, active person; null if disabled or unknown. */
export async function loadActor(
  personId: string,
  meta: { ip?: string | null; requestId?: string | null } = {},
): Promise<{ actor: Actor; viewer: Viewer } | null> {
  // One round trip (every request loads the actor): the person with their roles and advised schools.
  // "School roles or organization roles" lets PostgreSQL read the person's memberships from the two
  // partial unique indexes (one for each) instead of the whole table.
  const [person] = await db()
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      givenNames: persons.givenNames,
      familyNames: persons.familyNames,
      email: persons.email,
      locale: persons.locale,
      timeZone: persons.timeZone,
      status: persons.status,
      // (written out: inside a one-table select Drizzle leaves column names unqualified)
      roles: sql<Array<{ schoolId: string | null; role: string }>>`coalesce((
        SELECT json_agg(json_build_object('schoolId', m.school_id, 'role', m.role)) FROM memberships m
        WHERE m.person_id = persons.id AND (m.school_id IS NOT NULL OR m.school_id IS NULL)), '[]'::json)`,
      advised: sql<string[]>`coalesce((
        SELECT json_agg(c.school_id) FROM coordinator_schools c
        WHERE c.person_id = persons.id AND c.organization_id = persons.organization_id), '[]'::json)`,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!person || person.status !== "active") return null;
  const roles = person.roles;
  const advised = person.advised.map((schoolId) => ({ schoolId }));
  const organizationRoles = new Set<OrganizationRoleName>();
  const schoolRoles = new Map<string, Set<SchoolRoleName>>();
  for (const { schoolId, role } of roles) {
    if (schoolId === null) organizationRoles.add(role as OrganizationRoleName);
    else {
      const set = schoolRoles.get(schoolId) ?? new Set<SchoolRoleName>();
      set.add(role as SchoolRoleName);
      schoolRoles.set(schoolId, set);
    }
  }
  const actor: Actor = {
    personId: person.id,
    organizationId: person.organizationId,
    organizationRoles,
    schoolRoles,
    advisedSchoolIds: new Set(organizationRoles.has("coordinator") ? advised.map((a) => a.schoolId) : []),
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  };
  const { status: _status, id: _id, roles: _roles, advised: _advised, ...rest } = person;
  return { actor, viewer: { personId: person.id, ...rest } };
}

/** Schools whose people the actor works with (leader, mentor, advising coordinator); null = all (admin). */
export function schoolsWithPeopleAccess(actor: Actor): string[] | null {
  if (actor.organizationRoles.has("admin")) return null;
  const ids = new Set<string>(actor.advisedSchoolIds);
  for (const [schoolId, roles] of actor.schoolRoles) {
    if (roles.has("leader") || roles.has("mentor")) ids.add(schoolId);
  }
  return [...ids];
}
