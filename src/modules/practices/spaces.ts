// A practice's comments are a discussion space of its own (kind "practice", the practice's id): those
// who read the published practice read and write its comments; its school's leaders (and, for a
// network or public practice, the coordinators) moderate them. Its author follows the thread from its
// first publication with the daily digest: told of comments, and of colleagues' "me sirvió" (noted for
// them by toggleHelpful), in one email at most once a day.
import { and, eq, sql } from "drizzle-orm";
import { db, rowsOf } from "../../platform/db/client";
import { isUuid } from "../../platform/ids";
import { type Actor, can } from "../../platform/policy";
import { registerSpaceKind, type Space } from "../discussions";
import { subjectOf } from "./practices";
import { practices } from "./schema";

export async function practiceSpace(actor: Actor, practiceId: string): Promise<Space | null> {
  if (!isUuid(practiceId)) return null;
  const [row] = await db()
    .select()
    .from(practices)
    .where(and(eq(practices.id, practiceId), eq(practices.organizationId, actor.organizationId)));
  if (!row || row.status !== "published") return null;
  const subject = subjectOf(row);
  if (!can(actor, "read", "practice", subject)) return null;
  return {
    kind: "practice",
    id: row.id,
    organizationId: row.organizationId,
    read: true,
    post: true,
    moderate: can(actor, "moderate", "practice", subject),
    title: row.title,
    href: `/practicas/${row.id}`,
  };
}

registerSpaceKind("practice", practiceSpace, undefined, async (source, { spaceId, personId, since, t }) => {
  // "me sirvió" since the author's last digest (a mark taken back is not counted)
  const [row] = await rowsOf<{ count: number }>(
    source,
    sql`SELECT count(*)::int AS count FROM practice_helpful h JOIN practices p ON p.id = h.practice_id
      WHERE h.practice_id = ${spaceId} AND p.author_id = ${personId} AND h.created_at > ${since.toISOString()}::timestamptz`,
  );
  return row && row.count > 0 ? t("practices.helpful_count", { count: row.count }) : null;
});
