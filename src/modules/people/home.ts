import { eq } from "drizzle-orm";
import { db } from "../../platform/db/client";
import { type Actor, can, isStaff } from "../../platform/policy";
import { memberships, organizations, schools } from "./schema";

/** Organization staff, and the leaders and mentors of a school. */
export function worksWithSchools(actor: Actor): boolean {
  return (
    isStaff(actor) ||
    [...actor.schoolRoles.values()].some((roles) => roles.has("leader") || roles.has("mentor"))
  );
}

/** What a person's home page lists: their roles, with the places they hold them and what they may do there. */
export async function homeSummary(actor: Actor) {
  // One round trip: the organization's name with the person's memberships (none: one row of nulls).
  const rows = await db()
    .select({
      organizationName: organizations.name,
      role: memberships.role,
      title: memberships.title,
      schoolId: memberships.schoolId,
      schoolName: schools.name,
    })
    .from(organizations)
    .leftJoin(memberships, eq(memberships.personId, actor.personId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(eq(organizations.id, actor.organizationId));
  const roles = rows.flatMap(({ role, title, schoolId, schoolName }) =>
    role === null ? [] : [{ role, title, schoolId, schoolName }],
  );
  const orgSubject = { organizationId: actor.organizationId };
  const managedSchools = roles
    .filter((r) => r.schoolId && r.role === "leader")
    .map((r) => ({ id: r.schoolId as string, name: r.schoolName ?? "" }));
  return {
    organizationName: rows[0]?.organizationName ?? "",
    roles,
    managedSchools,
    // Everyone may list the schools they belong to, but that page (filters by region, IVE…) is for those
    // who work with schools: a teacher's home does not offer it.
    showSchools: can(actor, "list", "school", orgSubject) && worksWithSchools(actor),
    canCreateSchool: can(actor, "create", "school", orgSubject),
    canListPeople: can(actor, "list", "person", orgSubject),
    canReadOutbox: can(actor, "read", "outbox", orgSubject),
    canReadAudit: can(actor, "read", "audit", orgSubject),
  };
}
