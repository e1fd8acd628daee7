// The community's discussion spaces (issue #17): each school's, for its staff and the coordinators who
// advise it, moderated by its leaders and those coordinators; and the network's, the organization's,
// for all its members, moderated by its coordinators. The discussions module asks here who may do what
// (it never imports community); the batch answers (readers) serve its emails, digests and home-page
// news without loading each follower of a network of thousands.
import { and, eq, sql } from "drizzle-orm";
import { db, rowsOf, uuidArray } from "../../platform/db/client";
import { isUuid } from "../../platform/ids";
import { type Actor, can } from "../../platform/policy";
import { registerSpaceKind, type Space } from "../discussions";
import { organizations, schools } from "../people/schema";

/** The school of the actor's organization, or null. */
async function schoolOf(actor: Actor, schoolId: string) {
  if (!isUuid(schoolId)) return null;
  const [school] = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.organizationId, actor.organizationId)));
  return school ?? null;
}

export async function schoolSpace(actor: Actor, schoolId: string): Promise<Space | null> {
  const school = await schoolOf(actor, schoolId);
  if (!school) return null;
  const subject = { organizationId: school.organizationId, schoolId: school.id };
  if (!can(actor, "read", "school_community", subject)) return null;
  return {
    kind: "school",
    id: school.id,
    organizationId: school.organizationId,
    read: true,
    post: true,
    moderate: can(actor, "moderate", "school_community", subject),
    title: school.name,
    href: `/comunidad/establecimientos/${school.id}`,
  };
}

export async function networkSpace(actor: Actor, organizationId: string): Promise<Space | null> {
  if (organizationId !== actor.organizationId) return null;
  const subject = { organizationId };
  if (!can(actor, "read", "network_community", subject)) return null;
  const [organization] = await db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) return null;
  return {
    kind: "network",
    id: organizationId,
    organizationId,
    read: true,
    post: true,
    moderate: can(actor, "moderate", "network_community", subject),
    title: organization.name,
    href: "/comunidad/red",
  };
}

registerSpaceKind("school", schoolSpace, async (schoolId, personIds) => {
  // as the policy reads it: any role at the school, or a coordinator advising it; active people only
  const rows = await rowsOf<{ id: string }>(
    db(),
    sql`
    SELECT p.id FROM persons p
    WHERE p.id = ANY(${uuidArray(personIds)}) AND p.status = 'active'
      AND (EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.school_id = ${schoolId})
        OR EXISTS (SELECT 1 FROM coordinator_schools c JOIN memberships m
            ON m.person_id = c.person_id AND m.school_id IS NULL AND m.role = 'coordinator'
          WHERE c.person_id = p.id AND c.school_id = ${schoolId} AND c.organization_id = p.organization_id))`,
  );
  return new Set(rows.map((r) => r.id));
});

registerSpaceKind("network", networkSpace, async (organizationId, personIds) => {
  // every active member of the organization (one with a role: an actor exists only with one)
  const rows = await rowsOf<{ id: string }>(
    db(),
    sql`
    SELECT p.id FROM persons p
    WHERE p.id = ANY(${uuidArray(personIds)}) AND p.status = 'active' AND p.organization_id = ${organizationId}
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id)`,
  );
  return new Set(rows.map((r) => r.id));
});
