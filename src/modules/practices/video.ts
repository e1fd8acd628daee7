// A practice's classroom clip (issue #17): uploaded by its author in parts that resume after a dropped
// connection (the platform's resumable uploads, purpose "practice-video": up to 300 MB, MP4, WebM or
// QuickTime read from its bytes), stored in the file store, and played by the browser's own <video>
// from the practice's page in ranges (seeking, "min 3:20"). A new clip replaces the old one. A clip
// marks the practice as showing students: without consent that covers its audience it goes back to draft.
import { eq, sql } from "drizzle-orm";
import { db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { type Actor, can } from "../../platform/policy";
import { fileStore, registerUploadPurpose } from "../../platform/storage";
import { PRACTICE_LIMITS } from "./content";
import { consentCovers, practiceRow, subjectOf } from "./practices";
import { practices } from "./schema";

async function ownPractice(actor: Actor, practiceId: string | undefined) {
  try {
    const row = await practiceRow(actor, practiceId ?? "");
    return can(actor, "edit", "practice", subjectOf(row)) ? row : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

registerUploadPurpose("practice-video", {
  maxBytes: PRACTICE_LIMITS.videoBytes,
  kinds: ["video"],
  async authorize(actor, metadata) {
    return (await ownPractice(actor, metadata.practiceId)) !== null;
  },
  async finish(actor, metadata, stored) {
    const row = await ownPractice(actor, metadata.practiceId);
    if (!row) throw new DomainError("practices.errors.video_not_yours");
    const replaced = await db().transaction(async (tx) => {
      // under the row's lock: a deletion, another clip or a withdrawal at the same time is seen
      const [locked] = await tx.select().from(practices).where(eq(practices.id, row.id)).for("update");
      if (!locked) throw new DomainError("practices.errors.video_not_yours");
      // a classroom clip shows students: published only with consent that covers its audience
      const unpublish = locked.status === "published" && !consentCovers(locked, locked.visibility);
      await tx
        .update(practices)
        .set({
          videoKey: stored.key,
          videoType: stored.contentType,
          videoSize: stored.size,
          showsStudents: true,
          updatedAt: new Date(),
          ...(unpublish
            ? { status: "draft" as const, publishedAt: null, featuredAt: null, featuredBy: null }
            : {}),
        })
        .where(eq(practices.id, locked.id));
      return locked.videoKey;
    });
    // the clip it replaces
    if (replaced && replaced !== stored.key) await fileStore().delete(replaced);
  },
});

/** The clip of a practice the actor may read (its key in the store, and a name for a download). */
export async function practiceVideo(actor: Actor, practiceId: string) {
  const row = await practiceRow(actor, practiceId);
  if (!row.videoKey) throw new NotFoundError();
  return { key: row.videoKey, fileName: `${row.title.slice(0, 80)}.${extensionOf(row.videoType)}` };
}

/** The clip of a public practice, for anyone (null: none). */
export async function publicPracticeVideo(practiceId: string) {
  if (!isUuid(practiceId)) return null;
  const [row] = await rowsOf<{ video_key: string | null; video_type: string | null; title: string }>(
    db(),
    sql`SELECT video_key, video_type, title FROM practices
      WHERE id = ${practiceId} AND status = 'published' AND visibility = 'public'`,
  );
  if (!row?.video_key) return null;
  return { key: row.video_key, fileName: `${row.title.slice(0, 80)}.${extensionOf(row.video_type)}` };
}

function extensionOf(type: string | null): string {
  return type === "video/webm" ? "webm" : type === "video/quicktime" ? "mov" : "mp4";
}
