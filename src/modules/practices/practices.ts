// A practice's life (issue #17, "Practices library"): a teacher or leader writes it as a draft (or an
// observer proposes one from a visit: a draft the teacher owns), records consent when it shows
// students, publishes it to their school, the network or everyone, and may withdraw consent, which
// unpublishes it at once. Colleagues mark it "me sirvió" and comment (the discussions module's thread in
// the practice's space, opened when it is first published); leaders feature it on their school's page.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { type DbOrTx, db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { renderRichText } from "../../platform/rich-text";
import { type FileKind, fileStore, keepUpload } from "../../platform/storage";
import { isHttpsAddress } from "../../platform/text";
import { asText, optionalText, parseInput, requiredText } from "../../platform/validation";
import { noteForFollower, readThread, reply, startThread } from "../discussions";
import { discussionThreads } from "../discussions/schema";
import { ACTION_STEP_CATEGORIES, MBE_STANDARDS } from "../observation/content";
import { observations } from "../observation/schema";
import { loadActor } from "../people";
import { persons, schools } from "../people/schema";
import {
  PRACTICE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_SUBJECTS,
  PRACTICE_VISIBILITIES,
  type PracticeLevel,
  type PracticeSubject,
  type PracticeVisibility,
} from "./content";
import { type PracticeSubject as Subject, sharingSchoolIds } from "./policy";
import { practiceFiles, practiceHelpful, practices } from "./schema";

/** A list field (checkboxes): its values as strings, whatever form it came in. */
const listOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(asText).filter(Boolean) : asText(v) ? [asText(v)] : [];

const emptyAsNull = (v: unknown) => (asText(v).trim() === "" ? null : asText(v).trim());

const practiceInput = z.object({
  schoolId: z.preprocess(asText, z.string().refine(isUuid, "errors.invalid_choice")),
  title: requiredText(PRACTICE_LIMITS.title),
  problem: requiredText(PRACTICE_LIMITS.problem),
  howTo: requiredText(PRACTICE_LIMITS.howTo),
  level: z.preprocess(emptyAsNull, z.enum(PRACTICE_LEVELS, { message: "errors.invalid_choice" }).nullable()),
  grade: optionalText(PRACTICE_LIMITS.grade),
  subject: z.preprocess(
    emptyAsNull,
    z.enum(PRACTICE_SUBJECTS, { message: "errors.invalid_choice" }).nullable(),
  ),
  mbeStandards: z.preprocess(
    (v) => listOf(v).map(Number),
    z.array(
      z.number().refine((n) => (MBE_STANDARDS as readonly number[]).includes(n), "errors.invalid_choice"),
    ),
  ),
  stepCategories: z.preprocess(
    listOf,
    z.array(z.enum(ACTION_STEP_CATEGORIES, { message: "errors.invalid_choice" })),
  ),
  videoUrl: optionalText(PRACTICE_LIMITS.videoUrl).refine(
    (u) => u === "" || isHttpsAddress(u),
    "practices.errors.video_url_invalid",
  ),
  visibility: z.preprocess(asText, z.enum(PRACTICE_VISIBILITIES, { message: "errors.invalid_choice" })),
  showsStudents: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

const consentInput = z.object({
  consentBy: requiredText(PRACTICE_LIMITS.consentBy),
  consentOn: z.preprocess(
    asText,
    z
      .string()
      .trim()
      .min(1, "errors.required")
      .regex(/^\d{4}-\d{2}-\d{2}$/, "practices.errors.date_invalid")
      // a real day (not 30 February), of this century
      .refine((d) => {
        const time = Date.parse(`${d}T00:00:00Z`);
        return d >= "2000-01-01" && !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
      }, "practices.errors.date_invalid")
      .refine((d) => d <= new Date().toISOString().slice(0, 10), "practices.errors.consent_in_future"),
  ),
  consentUse: requiredText(PRACTICE_LIMITS.consentUse),
  consentAudience: z.preprocess(asText, z.enum(PRACTICE_VISIBILITIES, { message: "errors.invalid_choice" })),
});

const AUDIENCE_WIDTH: Record<PracticeVisibility, number> = { school: 0, network: 1, public: 2 };

/** Consent on record, not withdrawn, that covers this audience (the widest it was given for, or narrower). */
export function consentCovers(
  p: Pick<PracticeRow, "consentRecordedAt" | "consentWithdrawnAt" | "consentAudience">,
  visibility: PracticeVisibility,
): boolean {
  return (
    p.consentRecordedAt !== null &&
    p.consentWithdrawnAt === null &&
    p.consentAudience !== null &&
    AUDIENCE_WIDTH[visibility] <= AUDIENCE_WIDTH[p.consentAudience]
  );
}

type PracticeRow = typeof practices.$inferSelect;

export function subjectOf(p: PracticeRow): Subject {
  return {
    organizationId: p.organizationId,
    schoolId: p.schoolId,
    authorId: p.authorId,
    status: p.status,
    visibility: p.visibility,
  };
}

/** The practice if the actor may read it; otherwise not found (a stranger learns nothing). */
export async function practiceRow(actor: Actor, practiceId: string, tx: DbOrTx = db()) {
  if (!isUuid(practiceId)) throw new NotFoundError();
  const [row] = await tx
    .select()
    .from(practices)
    .where(and(eq(practices.id, practiceId), eq(practices.organizationId, actor.organizationId)));
  if (!row || !can(actor, "read", "practice", subjectOf(row))) throw new NotFoundError();
  return row;
}

async function editable(actor: Actor, practiceId: string, tx: DbOrTx = db()) {
  const row = await practiceRow(actor, practiceId, tx);
  authorize(actor, "edit", "practice", subjectOf(row));
  return row;
}

/** The schools where the actor may share, by name (the form's choice). */
export async function sharingSchools(actor: Actor) {
  const ids = sharingSchoolIds(actor);
  if (ids.length === 0) return [];
  const rows = await db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.organizationId, actor.organizationId))
    .orderBy(schools.name);
  return rows.filter((s) => ids.includes(s.id));
}

function checkSchool(actor: Actor, schoolId: string) {
  if (!can(actor, "share", "practice_library", { organizationId: actor.organizationId, schoolId }))
    throw new DomainError("practices.errors.school_not_yours", {
      schoolId: "practices.errors.school_not_yours",
    });
}

function valuesOf(data: z.infer<typeof practiceInput>) {
  return {
    schoolId: data.schoolId,
    title: data.title,
    problem: data.problem,
    howTo: data.howTo,
    level: data.level as PracticeLevel | null,
    grade: data.grade || null,
    subject: data.subject as PracticeSubject | null,
    mbeStandards: [...new Set(data.mbeStandards)].sort(),
    stepCategories: [...new Set(data.stepCategories)],
    videoUrl: data.videoUrl || null,
    visibility: data.visibility,
    showsStudents: data.showsStudents,
  };
}

/** A new draft, only its author's until published. */
export async function createPractice(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  if (sharingSchoolIds(actor).length === 0) throw new NotFoundError();
  const data = parseInput(practiceInput, input);
  checkSchool(actor, data.schoolId);
  const id = newId();
  await db()
    .insert(practices)
    .values({
      id,
      organizationId: actor.organizationId,
      authorId: actor.personId,
      status: "draft",
      ...valuesOf(data),
    });
  return { id };
}

/**
 * Saves the author's changes. A published practice that now shows students, or goes to a wider
 * audience, without consent that covers it goes back to draft (the database refuses it published).
 * Once a clip is attached, or consent was withdrawn, the practice stays marked as showing students. A
 * practice moved to another school is no longer featured (its leaders decide).
 */
export async function updatePractice(actor: Actor, practiceId: string, input: Record<string, unknown>) {
  await editable(actor, practiceId);
  const data = parseInput(practiceInput, input);
  return db().transaction(async (tx) => {
    // under the row's lock: a publication, a clip or a withdrawal at the same time is seen
    const [row] = await tx.select().from(practices).where(eq(practices.id, practiceId)).for("update");
    if (!row) throw new NotFoundError();
    if (data.schoolId !== row.schoolId) checkSchool(actor, data.schoolId);
    const values = valuesOf(data);
    if (!values.showsStudents && (row.videoKey !== null || row.consentWithdrawnAt !== null))
      throw new ValidationError({ showsStudents: "practices.errors.students_stay" });
    const unpublish =
      row.status === "published" && values.showsStudents && !consentCovers(row, values.visibility);
    const moved = values.schoolId !== row.schoolId;
    await tx
      .update(practices)
      .set({
        ...values,
        updatedAt: new Date(),
        ...(unpublish ? { status: "draft" as const, publishedAt: null } : {}),
        ...(unpublish || moved ? { featuredAt: null, featuredBy: null } : {}),
      })
      .where(eq(practices.id, row.id));
    // its comments' thread is called as the practice is, and opens with its problem as it now reads
    const [thread] = await tx
      .update(discussionThreads)
      .set({ title: values.title })
      .where(and(eq(discussionThreads.spaceKind, "practice"), eq(discussionThreads.spaceId, row.id)))
      .returning({ id: discussionThreads.id });
    if (thread)
      await tx.execute(sql`
        UPDATE discussion_posts SET body = ${values.problem}
        WHERE id = (SELECT id FROM discussion_posts WHERE thread_id = ${thread.id} ORDER BY created_at, id LIMIT 1)`);
    return { unpublished: unpublish };
  });
}

/** The author records that consent was obtained: who gave it, when, for which use. */
export async function recordConsent(actor: Actor, practiceId: string, input: Record<string, unknown>) {
  const row = await editable(actor, practiceId);
  const data = parseInput(consentInput, input);
  await db().transaction(async (tx) => {
    await tx
      .update(practices)
      .set({
        consentBy: data.consentBy,
        consentOn: data.consentOn,
        consentUse: data.consentUse,
        consentAudience: data.consentAudience,
        consentRecordedAt: new Date(),
        consentWithdrawnAt: null,
        updatedAt: new Date(),
      })
      .where(eq(practices.id, row.id));
    await audit(
      actor,
      { action: "practice.consent_recorded", subjectType: "practice", subjectId: row.id },
      tx,
    );
  });
}

/** Consent withdrawn: the practice is unpublished at once (and stays a draft until consent is given again). */
export async function withdrawConsent(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  if (row.consentRecordedAt === null || row.consentWithdrawnAt !== null) return;
  await db().transaction(async (tx) => {
    await tx
      .update(practices)
      .set({
        consentWithdrawnAt: new Date(),
        status: "draft",
        publishedAt: null,
        featuredAt: null,
        featuredBy: null,
        updatedAt: new Date(),
      })
      .where(eq(practices.id, row.id));
    await audit(
      actor,
      { action: "practice.consent_withdrawn", subjectType: "practice", subjectId: row.id },
      tx,
    );
  });
}

/** Published to its audience; a practice that shows students needs consent on record first. */
export async function publishPractice(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  if (row.status === "published") return;
  if (row.showsStudents && !consentCovers(row, row.visibility))
    throw new DomainError("practices.errors.consent_required");
  const now = new Date();
  const flipped = await db().transaction(async (tx) => {
    // under the row's lock: consent withdrawn meanwhile is seen (and the check constraint stands guard);
    // of two publications at once, one flips it
    const [locked] = await tx.select().from(practices).where(eq(practices.id, row.id)).for("update");
    if (!locked) throw new NotFoundError();
    if (locked.status === "published") return false;
    if (locked.showsStudents && !consentCovers(locked, locked.visibility))
      throw new DomainError("practices.errors.consent_required");
    await tx
      .update(practices)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(eq(practices.id, row.id));
    await audit(actor, { action: "practice.published", subjectType: "practice", subjectId: row.id }, tx);
    return true;
  });
  // the comments' thread, opened once, in the author's name: they follow it with the daily digest
  if (flipped) await commentThreadOf({ ...row, status: "published" });
}

export async function unpublishPractice(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  await db()
    .update(practices)
    .set({ status: "draft", publishedAt: null, featuredAt: null, featuredBy: null, updatedAt: new Date() })
    .where(eq(practices.id, row.id));
}

/** Deletes a draft (a published practice is unpublished first), its files and its clip. */
export async function deletePractice(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  if (row.status === "published") throw new DomainError("practices.errors.unpublish_first");
  const files = await db()
    .select({ key: practiceFiles.storageKey })
    .from(practiceFiles)
    .where(eq(practiceFiles.practiceId, row.id));
  await db().transaction(async (tx) => {
    await tx.delete(practiceHelpful).where(eq(practiceHelpful.practiceId, row.id));
    await tx
      .delete(discussionThreads)
      .where(and(eq(discussionThreads.spaceKind, "practice"), eq(discussionThreads.spaceId, row.id)));
    await tx.delete(practices).where(eq(practices.id, row.id));
  });
  for (const key of [...files.map((f) => f.key), ...(row.videoKey ? [row.videoKey] : [])])
    await fileStore().delete(key);
}

/**
 * The practice's comment thread (the discussions module's), opened in its author's name (who then
 * follows it with the daily digest) on first publication, or by the first who needs it if that failed
 * (the oldest one counts, should two be opened at once).
 */
async function commentThreadOf(row: PracticeRow): Promise<string | null> {
  const [existing] = await db()
    .select({ id: discussionThreads.id })
    .from(discussionThreads)
    .where(and(eq(discussionThreads.spaceKind, "practice"), eq(discussionThreads.spaceId, row.id)))
    .orderBy(discussionThreads.createdAt, discussionThreads.id)
    .limit(1);
  if (existing) return existing.id;
  if (row.status !== "published") return null;
  const author = await loadActor(row.authorId);
  if (!author) return null;
  const { id } = await startThread(author.actor, "practice", row.id, {
    title: row.title.slice(0, 160),
    body: row.problem,
  });
  return id;
}

export const PRACTICE_FILE_KINDS: readonly FileKind[] = ["pdf", "image", "office", "text"];

export async function attachPracticeFile(
  actor: Actor,
  practiceId: string,
  upload: { bytes: Uint8Array; fileName: string },
): Promise<{ id: string }> {
  const row = await editable(actor, practiceId);
  const [{ n }] = await rowsOf<{ n: number }>(
    db(),
    sql`SELECT count(*)::int AS n FROM practice_files WHERE practice_id = ${row.id}`,
  );
  if (n >= PRACTICE_LIMITS.files)
    throw new DomainError(
      "practices.errors.too_many_files",
      { file: "practices.errors.too_many_files" },
      { max: PRACTICE_LIMITS.files },
    );
  return keepUpload(
    upload,
    { kinds: PRACTICE_FILE_KINDS, maxBytes: PRACTICE_LIMITS.fileBytes, keyPrefix: "practice" },
    async (file) => {
      await db().insert(practiceFiles).values({
        id: file.id,
        organizationId: row.organizationId,
        practiceId: row.id,
        storageKey: file.storageKey,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        uploadedBy: actor.personId,
      });
      return { id: file.id };
    },
  );
}

export async function removePracticeFile(actor: Actor, practiceId: string, fileId: string) {
  const row = await editable(actor, practiceId);
  if (!isUuid(fileId)) throw new NotFoundError();
  const [removed] = await db()
    .delete(practiceFiles)
    .where(and(eq(practiceFiles.id, fileId), eq(practiceFiles.practiceId, row.id)))
    .returning({ key: practiceFiles.storageKey });
  if (!removed) throw new NotFoundError();
  await fileStore().delete(removed.key);
}

/** The author removes the uploaded clip. */
export async function removePracticeVideo(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  if (!row.videoKey) return;
  await db()
    .update(practices)
    .set({ videoKey: null, videoType: null, videoSize: null, updatedAt: new Date() })
    .where(eq(practices.id, row.id));
  await fileStore().delete(row.videoKey);
}

/** A file of a practice the actor may read. */
export async function practiceFileForDownload(actor: Actor, practiceId: string, fileId: string) {
  const row = await practiceRow(actor, practiceId);
  if (!isUuid(fileId)) throw new NotFoundError();
  const [file] = await db()
    .select()
    .from(practiceFiles)
    .where(and(eq(practiceFiles.id, fileId), eq(practiceFiles.practiceId, row.id)));
  if (!file) throw new NotFoundError();
  const stored = await fileStore().get(file.storageKey);
  if (!stored) throw new NotFoundError();
  return { stored, fileName: file.fileName };
}

/** "Me sirvió" (once each; again takes it back). Its author hears of it in their daily digest. */
export async function toggleHelpful(actor: Actor, practiceId: string): Promise<{ helpful: boolean }> {
  const row = await practiceRow(actor, practiceId);
  authorize(actor, "react", "practice", subjectOf(row));
  return db().transaction(async (tx) => {
    // one mark at a time per practice: the count below sees every other one
    await tx.select({ id: practices.id }).from(practices).where(eq(practices.id, row.id)).for("update");
    const removed = await tx
      .delete(practiceHelpful)
      .where(and(eq(practiceHelpful.practiceId, row.id), eq(practiceHelpful.personId, actor.personId)))
      .returning({ id: practiceHelpful.practiceId });
    if (removed.length === 0) {
      await tx
        .insert(practiceHelpful)
        .values({
          practiceId: row.id,
          personId: actor.personId,
          organizationId: row.organizationId,
          // the moment it is written (not the transaction's start), as the digest's note
          createdAt: sql`clock_timestamp()`,
        })
        .onConflictDoNothing();
      // its author hears of it in their next daily digest
      await noteForFollower(tx, "practice", row.id, row.authorId);
    }
    await tx.execute(
      sql`UPDATE practices SET helpful_count = (SELECT count(*) FROM practice_helpful WHERE practice_id = ${row.id}) WHERE id = ${row.id}`,
    );
    return { helpful: removed.length === 0 };
  });
}

/** A leader of its school features a published practice on the school's page (or stops). */
export async function featurePractice(actor: Actor, practiceId: string, featured: boolean) {
  const row = await practiceRow(actor, practiceId);
  authorize(actor, "feature", "practice", subjectOf(row));
  await db()
    .update(practices)
    .set(
      featured
        ? { featuredAt: new Date(), featuredBy: actor.personId }
        : { featuredAt: null, featuredBy: null },
    )
    .where(eq(practices.id, row.id));
  await audit(actor, {
    action: featured ? "practice.featured" : "practice.unfeatured",
    subjectType: "practice",
    subjectId: row.id,
  });
}

const MOMENT = /\bmin\.?\s*(\d{1,2}):([0-5]\d)\b/i;

/** "min 3:20" in a comment: the second of the clip it points to (null when it names none; a bare "10:30" is a time of day). */
export function momentOf(text: string): number | null {
  const match = MOMENT.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * A comment: a reply in the practice's thread. A moment of the clip ("3:20") given apart starts the
 * comment as "min 3:20 — …", so that it reads the same in the digest's email.
 */
export async function commentOnPractice(actor: Actor, practiceId: string, input: Record<string, unknown>) {
  const row = await practiceRow(actor, practiceId);
  authorize(actor, "react", "practice", subjectOf(row));
  const { moment } = parseInput(
    z.object({
      moment: z.preprocess(
        asText,
        z
          .string()
          .trim()
          .refine((m) => m === "" || /^\d{1,2}:[0-5]\d$/.test(m), "practices.errors.moment_invalid"),
      ),
    }),
    input,
  );
  const body = asText(input.body).trim();
  const threadId = await commentThreadOf(row);
  if (!threadId) throw new NotFoundError();
  return reply(actor, threadId, { body: body && moment ? `min ${moment} — ${body}` : body });
}

/** Everything the practice's page shows the actor. */
export async function practiceFor(actor: Actor, practiceId: string) {
  const row = await practiceRow(actor, practiceId);
  const subject = subjectOf(row);
  const [details] = await rowsOf<{
    author: string;
    school: string;
    helpful_by_me: boolean;
    proposer: string | null;
  }>(
    db(),
    sql`
    SELECT a.given_names || ' ' || a.family_names AS author, s.name AS school,
      EXISTS (SELECT 1 FROM practice_helpful h WHERE h.practice_id = ${row.id} AND h.person_id = ${actor.personId}) AS helpful_by_me,
      (SELECT o.given_names || ' ' || o.family_names FROM persons o WHERE o.id = ${row.proposedBy}) AS proposer
    FROM persons a, schools s WHERE a.id = ${row.authorId} AND s.id = ${row.schoolId}`,
  );
  const files = await db()
    .select({
      id: practiceFiles.id,
      fileName: practiceFiles.fileName,
      contentType: practiceFiles.contentType,
      size: practiceFiles.size,
    })
    .from(practiceFiles)
    .where(eq(practiceFiles.practiceId, row.id))
    .orderBy(practiceFiles.createdAt, practiceFiles.id);
  const threadId = row.status === "published" ? await commentThreadOf(row) : null;
  // a thread its moderators hid (its opening post) shows no comments; the practice stays readable
  const thread = threadId
    ? await readThread(actor, threadId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      })
    : null;
  const isAuthor = can(actor, "edit", "practice", subject);
  return {
    practice: {
      id: row.id,
      title: row.title,
      problem: row.problem,
      howToHtml: renderRichText(row.howTo),
      level: row.level,
      grade: row.grade,
      subject: row.subject,
      mbeStandards: row.mbeStandards,
      stepCategories: row.stepCategories,
      videoUrl: row.videoUrl,
      hasVideo: row.videoKey !== null,
      videoType: row.videoType,
      visibility: row.visibility,
      showsStudents: row.showsStudents,
      status: row.status,
      publishedAt: row.publishedAt,
      featured: row.featuredAt !== null,
      helpfulCount: row.helpfulCount,
      helpfulByMe: details?.helpful_by_me ?? false,
      author: details?.author ?? "",
      school: details?.school ?? "",
      schoolId: row.schoolId,
      proposer: details?.proposer ?? null,
      consent: isAuthor
        ? {
            by: row.consentBy,
            on: row.consentOn,
            use: row.consentUse,
            recordedAt: row.consentRecordedAt,
            withdrawnAt: row.consentWithdrawnAt,
          }
        : null,
    },
    files,
    // the comments: the thread's replies (its opening post is the practice itself)
    comments: thread
      ? thread.posts.slice(1).map((p) => ({ ...p, moment: p.hidden ? null : momentOf(p.body) }))
      : [],
    threadId,
    can: {
      edit: isAuthor,
      react: can(actor, "react", "practice", subject),
      feature: can(actor, "feature", "practice", subject),
      moderate: thread?.can.moderate ?? false,
    },
  };
}

/** The author's form: the practice as stored, with the schools they may choose. */
export async function practiceForEditing(actor: Actor, practiceId: string) {
  const row = await editable(actor, practiceId);
  const files = await db()
    .select({ id: practiceFiles.id, fileName: practiceFiles.fileName, size: practiceFiles.size })
    .from(practiceFiles)
    .where(eq(practiceFiles.practiceId, row.id))
    .orderBy(practiceFiles.createdAt, practiceFiles.id);
  const schoolsToChoose = await sharingSchools(actor);
  // the practice's own school stays a choice even where the author no longer shares (a proposal)
  if (!schoolsToChoose.some((s) => s.id === row.schoolId)) {
    const [own] = await db()
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.id, row.schoolId));
    if (own) schoolsToChoose.unshift(own);
  }
  return { practice: row, files, schools: schoolsToChoose };
}

/** The actor's own practices (drafts first), with the ones observers proposed to them. */
export async function myPractices(actor: Actor) {
  return db()
    .select({
      id: practices.id,
      title: practices.title,
      status: practices.status,
      visibility: practices.visibility,
      showsStudents: practices.showsStudents,
      proposed: sql<boolean>`${practices.proposedBy} IS NOT NULL`,
      helpfulCount: practices.helpfulCount,
      updatedAt: practices.updatedAt,
    })
    .from(practices)
    .where(and(eq(practices.authorId, actor.personId), eq(practices.organizationId, actor.organizationId)))
    .orderBy(sql`${practices.status} = 'published'`, sql`${practices.updatedAt} DESC`)
    .limit(200);
}

const proposalInput = z.object({
  title: requiredText(PRACTICE_LIMITS.title),
  problem: requiredText(PRACTICE_LIMITS.problem),
  howTo: requiredText(PRACTICE_LIMITS.howTo),
});

/** The visit an observer may propose from: theirs, submitted, of their organization. */
export async function visitForProposal(actor: Actor, observationId: string) {
  if (!isUuid(observationId)) throw new NotFoundError();
  const [visit] = await rowsOf<{
    id: string;
    organization_id: string;
    school_id: string;
    teacher_id: string;
    observer_id: string;
    status: string;
    course: string;
    subject: string;
    teacher: string;
    proposed: string | null;
  }>(
    db(),
    sql`
    SELECT o.id, o.organization_id, o.school_id, o.teacher_id, o.observer_id, o.status, o.course, o.subject,
      t.given_names || ' ' || t.family_names AS teacher,
      (SELECT p.id FROM practices p WHERE p.observation_id = o.id) AS proposed
    FROM observations o JOIN persons t ON t.id = o.teacher_id
    WHERE o.id = ${observationId} AND o.organization_id = ${actor.organizationId}`,
  );
  // only the visit's observer, once it is submitted
  if (!visit || visit.observer_id !== actor.personId || visit.status !== "submitted")
    throw new NotFoundError();
  return {
    id: visit.id,
    teacher: visit.teacher,
    course: visit.course,
    subject: visit.subject,
    alreadyProposed: visit.proposed !== null,
  };
}

/**
 * The observer proposes the practice seen in a visit: a draft the teacher owns (for the teacher's
 * school, "my school" to start with), which the teacher edits and decides whether to publish. The
 * teacher is told by email.
 */
export async function proposeFromVisit(
  actor: Actor,
  observationId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const visit = await visitForProposal(actor, observationId);
  if (visit.alreadyProposed) throw new DomainError("practices.errors.already_proposed");
  const data = parseInput(proposalInput, input);
  const [row] = await db()
    .select({
      schoolId: observations.schoolId,
      teacherId: observations.teacherId,
      email: persons.email,
      locale: persons.locale,
      givenNames: persons.givenNames,
      status: persons.status,
    })
    .from(observations)
    .innerJoin(persons, eq(persons.id, observations.teacherId))
    .where(eq(observations.id, visit.id));
  if (!row) throw new NotFoundError();
  const id = newId();
  const [observer] = await rowsOf<{ name: string }>(
    db(),
    sql`SELECT given_names || ' ' || family_names AS name FROM persons WHERE id = ${actor.personId}`,
  );
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(practices)
      .values({
        id,
        organizationId: actor.organizationId,
        schoolId: row.schoolId,
        authorId: row.teacherId,
        title: data.title,
        problem: data.problem,
        howTo: data.howTo,
        grade: visit.course.slice(0, PRACTICE_LIMITS.grade) || null,
        visibility: "school",
        status: "draft",
        proposedBy: actor.personId,
        observationId: visit.id,
      })
      .onConflictDoNothing()
      .returning({ id: practices.id });
    if (inserted.length === 0) throw new DomainError("practices.errors.already_proposed");
    await audit(actor, { action: "practice.proposed", subjectType: "practice", subjectId: id }, tx);
    if (row.status === "active") {
      const t = translator(isLocale(row.locale) ? row.locale : "es-CL");
      await queueEmail(
        {
          to: row.email,
          organizationId: actor.organizationId,
          subject: t("practices.email.proposed_subject"),
          text: [
            t("email.greeting", { name: row.givenNames }),
            t("practices.email.proposed_intro", { observer: observer?.name ?? "", title: data.title }),
            t("practices.email.proposed_link", { link: `${config().appUrl}/practicas/${id}/editar` }),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
  });
  return { id };
}
