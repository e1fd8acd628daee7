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
  const [org] = await db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  const roles = await db()
    .select({
      role: memberships.role,
      title: memberships.title,
      schoolId: memberships.schoolId,
      schoolName: schools.name,
    })
    .from(memberships)
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(eq(memberships.personId, actor.personId));
  const orgSubject = { organizationId: actor.organizationId };
  const managedSchools = roles
    .filter((r) => r.schoolId && r.role === "leader")
    .map((r) => ({ id: r.schoolId as string, name: r.schoolName ?? "" }));
  return {
    organizationName: org?.name ?? "",
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
