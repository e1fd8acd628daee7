import { eq } from "drizzle-orm";
import { db } from "../../platform/db/client";
import { type Actor, can } from "../../platform/policy";
import { memberships, organizations, schools } from "./schema";

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
    canListSchools: can(actor, "list", "school", orgSubject),
    canCreateSchool: can(actor, "create", "school", orgSubject),
    canListPeople: can(actor, "list", "person", orgSubject),
    canReadOutbox: can(actor, "read", "outbox", orgSubject),
    canReadAudit: can(actor, "read", "audit", orgSubject),
  };
}
