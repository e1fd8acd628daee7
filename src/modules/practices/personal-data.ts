// The practices library's personal data (see platform/personal-data.ts): the practices a person wrote
// (with the consent they recorded), the ones they proposed from a visit or featured, the files they
// attached and what they found useful. Anonymizing deletes the practices they wrote (their work, which
// may show their students), with their comments' threads, files and clips (the stored files are deleted
// by a job once the deletion is committed); it forgets who proposed or featured a practice, and their
// "me sirvió" marks.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db/client";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { registerPersonalData } from "../../platform/personal-data";
import { checkKey, fileStore } from "../../platform/storage";
import { iso } from "../../platform/time";
import { discussionThreads } from "../discussions/schema";
import { practiceFiles, practiceHelpful, practices } from "./schema";

const DELETE_FILES_JOB = "practices.delete_files";

registerJob(DELETE_FILES_JOB, async (payload) => {
  const keys = Array.isArray(payload.keys) ? payload.keys : [];
  for (const key of keys) if (typeof key === "string") await fileStore().delete(checkKey(key));
});

registerPersonalData({
  name: "practices",
  order: 69,
  tables: [practices, practiceFiles, practiceHelpful],

  async exportFor(db, person) {
    const written = await db
      .select({
        title: practices.title,
        problem: practices.problem,
        howTo: practices.howTo,
        visibility: practices.visibility,
        status: practices.status,
        consentBy: practices.consentBy,
        consentOn: practices.consentOn,
        consentUse: practices.consentUse,
        consentWithdrawnAt: practices.consentWithdrawnAt,
        createdAt: practices.createdAt,
      })
      .from(practices)
      .where(eq(practices.authorId, person.id))
      .orderBy(asc(practices.createdAt));
    const proposed = await db
      .select({ title: practices.title, createdAt: practices.createdAt })
      .from(practices)
      .where(eq(practices.proposedBy, person.id))
      .orderBy(asc(practices.createdAt));
    const files = await db
      .select({ fileName: practiceFiles.fileName, createdAt: practiceFiles.createdAt })
      .from(practiceFiles)
      .where(eq(practiceFiles.uploadedBy, person.id))
      .orderBy(asc(practiceFiles.createdAt));
    const helpful = await db
      .select({ title: practices.title, createdAt: practiceHelpful.createdAt })
      .from(practiceHelpful)
      .innerJoin(practices, eq(practices.id, practiceHelpful.practiceId))
      .where(eq(practiceHelpful.personId, person.id))
      .orderBy(asc(practiceHelpful.createdAt));
    const featured = await db
      .select({ title: practices.title, featuredAt: practices.featuredAt })
      .from(practices)
      .where(eq(practices.featuredBy, person.id));
    return {
      json: {
        practicesWritten: written.map((p) => ({
          ...p,
          createdAt: iso(p.createdAt),
          consentWithdrawnAt: p.consentWithdrawnAt ? iso(p.consentWithdrawnAt) : null,
        })),
        practicesProposed: proposed.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
        practiceFilesAttached: files.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
        practicesFoundUseful: helpful.map((h) => ({ ...h, createdAt: iso(h.createdAt) })),
        practicesFeatured: featured.map((f) => ({
          title: f.title,
          featuredAt: f.featuredAt ? iso(f.featuredAt) : null,
        })),
      },
    };
  },

  async anonymize(tx, person) {
    const own = await tx
      .select({ id: practices.id, videoKey: practices.videoKey })
      .from(practices)
      .where(eq(practices.authorId, person.id));
    const ids = own.map((p) => p.id);
    if (ids.length > 0) {
      const files = await tx
        .select({ key: practiceFiles.storageKey })
        .from(practiceFiles)
        .where(inArray(practiceFiles.practiceId, ids));
      await tx
        .delete(discussionThreads)
        .where(and(eq(discussionThreads.spaceKind, "practice"), inArray(discussionThreads.spaceId, ids)));
      await tx.delete(practices).where(inArray(practices.id, ids));
      const keys = [...files.map((f) => f.key), ...own.flatMap((p) => (p.videoKey ? [p.videoKey] : []))];
      if (keys.length > 0) await enqueue(DELETE_FILES_JOB, { keys }, tx);
    }
    await tx.update(practices).set({ proposedBy: null }).where(eq(practices.proposedBy, person.id));
    await tx
      .update(practices)
      .set({ featuredBy: null, featuredAt: null })
      .where(eq(practices.featuredBy, person.id));
    // their marks go, and the counts they were part of follow (the practices locked first, as a mark does)
    await tx.execute(sql`SELECT id FROM practices WHERE id IN
      (SELECT practice_id FROM practice_helpful WHERE person_id = ${person.id}) ORDER BY id FOR UPDATE`);
    const marked = await rowsOf<{ practice_id: string }>(
      tx,
      sql`DELETE FROM practice_helpful WHERE person_id = ${person.id} RETURNING practice_id`,
    );
    for (const { practice_id: id } of marked)
      await tx.execute(
        sql`UPDATE practices SET helpful_count = (SELECT count(*) FROM practice_helpful WHERE practice_id = ${id}) WHERE id = ${id}`,
      );
    // files they attached to others' practices (none today: only authors attach) stay with the practice
  },
});
