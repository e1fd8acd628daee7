import { eq, sql } from "drizzle-orm";
import { db } from "../../platform/db/client";
import type { Actor, OrganizationRoleName, SchoolRoleName } from "../../platform/policy";
import { localParts } from "../../platform/time";
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
  // One round trip (every request loads the actor): the person with their roles, advised schools and
  // pairings in force as a mentor.
  const today = organizationToday();
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
      // The people module reads the mentoring module's table here so that every request's actor carries
      // the pairings in force of which the person is the mentor (issue #18): ending a pairing removes the
      // mentor's access on the very next request. In force: not ended, and today (the organization's
      // day, in America/Santiago) between its start and its end (inclusive). mentor_pairings_mentor_idx.
      mentees: sql<string[]>`coalesce((
        SELECT json_agg(p.school_id || ':' || p.teacher_id) FROM mentor_pairings p
        WHERE p.mentor_id = persons.id AND p.organization_id = persons.organization_id
          AND p.ended_at IS NULL AND p.starts_on <= ${today}::date
          AND (p.ends_on IS NULL OR p.ends_on >= ${today}::date)), '[]'::json)`,
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
    mentees: new Set(person.mentees),
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  };
  const { status: _status, id: _id, roles: _roles, advised: _advised, mentees: _mentees, ...rest } = person;
  return { actor, viewer: { personId: person.id, ...rest } };
}

/**
 * The organization's day ("2026-11-25") at `now`: the day in which pairings are in force. The
 * organization works in Chile, so its day is America/Santiago's whatever the viewer's own zone (a
 * pairing ending on the 30th ends at midnight in Santiago for everyone).
 */
export const ORGANIZATION_TIME_ZONE = "America/Santiago";
export function organizationToday(now = new Date()): string {
  return localParts(now, ORGANIZATION_TIME_ZONE).date;
}

/**
 * Schools whose people the actor works with (leader, advising coordinator); null = all (admin). A
 * mentor works with their mentees (pairings in force, `actor.mentees`), not with everyone of a school
 * where they hold the mentor role: the people list adds the mentees one by one.
 */
export function schoolsWithPeopleAccess(actor: Actor): string[] | null {
  if (actor.organizationRoles.has("admin")) return null;
  const ids = new Set<string>(actor.advisedSchoolIds);
  for (const [schoolId, roles] of actor.schoolRoles) {
    if (roles.has("leader")) ids.add(schoolId);
  }
  return [...ids];
}
