// The community page (/comunidad): the conversations a person can take part in (the network's, and
// each school's where they work or that they advise), with how many threads each has and how many of
// the threads they follow have posts they have not read.
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rowsOf, uuidArray } from "../../platform/db/client";
import { type Actor, can } from "../../platform/policy";
import { schools } from "../people/schema";
import { communitySchoolIds } from "./policy";

export interface CommunitySpace {
  kind: "network" | "school";
  id: string;
  title: string;
  href: string;
  threads: number;
  unread: number;
}

/** The actor's schools in their community (a role there, or advised), by name. */
async function communitySchools(actor: Actor) {
  const ids = communitySchoolIds(actor);
  if (ids.length === 0) return [];
  const rows = await db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.organizationId, actor.organizationId), inArray(schools.id, ids)))
    .orderBy(schools.name);
  return rows.filter((s) =>
    can(actor, "read", "school_community", { organizationId: actor.organizationId, schoolId: s.id }),
  );
}

/** Whether the actor has any community to open (the menu's "Comunidad"). */
export function hasCommunity(actor: Actor): boolean {
  return can(actor, "read", "network_community", { organizationId: actor.organizationId });
}

export async function communityHome(actor: Actor): Promise<{ spaces: CommunitySpace[] }> {
  const spaces: Array<Omit<CommunitySpace, "threads" | "unread">> = [];
  if (hasCommunity(actor))
    spaces.push({ kind: "network", id: actor.organizationId, title: "", href: "/comunidad/red" });
  for (const school of await communitySchools(actor))
    spaces.push({
      kind: "school",
      id: school.id,
      title: school.name,
      href: `/comunidad/establecimientos/${school.id}`,
    });
  if (spaces.length === 0) return { spaces: [] };
  const counts = await rowsOf<{ space_kind: string; space_id: string; threads: number; unread: number }>(
    db(),
    sql`
    SELECT t.space_kind, t.space_id::text AS space_id, count(*)::int AS threads,
      count(*) FILTER (WHERE f.person_id IS NOT NULL AND t.last_post_at > f.last_read_at)::int AS unread
    FROM discussion_threads t
    LEFT JOIN discussion_follows f ON f.thread_id = t.id AND f.person_id = ${actor.personId} AND f.mode <> 'none'
    WHERE t.organization_id = ${actor.organizationId} AND t.hidden_at IS NULL
      AND ((t.space_kind = 'network' AND t.space_id = ${actor.organizationId})
        OR (t.space_kind = 'school' AND t.space_id = ANY(${uuidArray(
          spaces.filter((s) => s.kind === "school").map((s) => s.id),
        )})))
    GROUP BY t.space_kind, t.space_id`,
  );
  const byKey = new Map(counts.map((c) => [`${c.space_kind}:${c.space_id}`, c]));
  return {
    spaces: spaces.map((s) => ({
      ...s,
      threads: byKey.get(`${s.kind}:${s.id}`)?.threads ?? 0,
      unread: byKey.get(`${s.kind}:${s.id}`)?.unread ?? 0,
    })),
  };
}
