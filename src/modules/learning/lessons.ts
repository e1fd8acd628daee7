// A course's content (issue #16 §2, §3): modules of lessons (formatted text, a video link, files to
// download), written by coordinators and read by every cohort of the course. Participants mark lessons
// done, each in their own cohort (through their registration); facilitators see the cohort's progress.
// Files go to the platform's file store, type checked by their content; they are served only to
// people who may read the lesson.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type DbOrTx, db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { renderRichText } from "../../platform/rich-text";
import { type FileKind, fileStore, keepUpload } from "../../platform/storage";
import { isHttpsAddress } from "../../platform/text";
import { parseInput } from "../../platform/validation";
import { MAX_LESSON_FILE_MB } from "./content";
import { cohortOf, courseSubject } from "./courses";
import type { CourseSubject, LessonSubject } from "./policy";
import {
  activitySubmissions,
  cohorts,
  courseActivities,
  courseModules,
  courses,
  lessonCompletions,
  lessonFiles,
  lessons,
  type SubmissionStatus,
} from "./schema";

/** A lesson's file: at most 20 MB, a PDF, an image, an office document or plain text. */
export const MAX_LESSON_FILE_BYTES = MAX_LESSON_FILE_MB * 1024 * 1024;
export const LESSON_FILE_KINDS: readonly FileKind[] = ["pdf", "image", "office", "text"];

const title = z.string().trim().min(1, "errors.required").max(160, "errors.too_long");
const moduleInput = z.object({ title });
const lessonInput = z.object({
  title,
  body: z.string().max(50_000, "errors.too_long").default(""),
  videoUrl: z
    .string()
    .trim()
    .max(500, "errors.too_long")
    .refine((u) => u === "" || isHttpsAddress(u), "learning.errors.video_url_invalid")
    .default(""),
});
const direction = z.enum(["up", "down"], { message: "errors.invalid_choice" });

async function managedCourse(actor: Actor, courseId: string): Promise<CourseSubject> {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "manage", "course", subject);
  return subject;
}

async function moduleOf(actor: Actor, moduleId: string) {
  if (!isUuid(moduleId)) throw new NotFoundError();
  const [row] = await db()
    .select()
    .from(courseModules)
    .where(and(eq(courseModules.id, moduleId), eq(courseModules.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError();
  const course = await courseSubject(actor, row.courseId);
  if (!course) throw new NotFoundError();
  return { module: row, course };
}

async function lessonOf(actor: Actor, lessonId: string) {
  if (!isUuid(lessonId)) throw new NotFoundError();
  const [row] = await db()
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError();
  const course = await courseSubject(actor, row.courseId);
  if (!course) throw new NotFoundError();
  return { lesson: row, course };
}

/** The next position at the end of a list, taken under the course's row lock (no two get the same). */
export async function nextPosition(
  tx: DbOrTx,
  courseId: string,
  list: "modules" | { moduleId: string } | { activitiesOf: string },
) {
  await tx.execute(sql`SELECT id FROM courses WHERE id = ${courseId} FOR UPDATE`);
  const [row] = await rowsOf<{ last: number | null }>(
    tx,
    list === "modules"
      ? sql`SELECT max(position) AS last FROM course_modules WHERE course_id = ${courseId}`
      : "moduleId" in list
        ? sql`SELECT max(position) AS last FROM lessons WHERE module_id = ${list.moduleId}`
        : sql`SELECT max(position) AS last FROM course_activities WHERE module_id = ${list.activitiesOf}`,
  );
  return (row?.last ?? 0) + 1;
}

/** A course's modules and lessons, as those who run it see them (with each lesson's number of files). */
export async function courseContent(actor: Actor, courseId: string) {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "read", "course", subject);
  const [course] = await db()
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError();
  return {
    course,
    modules: await modulesWithLessons(courseId),
    can: { manage: can(actor, "manage", "course", subject) },
  };
}

/** A course's modules in order, each with its lessons and then its activities. */
async function modulesWithLessons(courseId: string) {
  const moduleRows = await db()
    .select({ id: courseModules.id, title: courseModules.title })
    .from(courseModules)
    .where(eq(courseModules.courseId, courseId))
    .orderBy(asc(courseModules.position), asc(courseModules.id));
  const lessonRows = await rowsOf<{ id: string; module_id: string; title: string; files: number }>(
    db(),
    sql`
    SELECT l.id, l.module_id, l.title,
      (SELECT count(*)::int FROM lesson_files f WHERE f.lesson_id = l.id) AS files
    FROM lessons l WHERE l.course_id = ${courseId}
    ORDER BY l.position, l.id`,
  );
  const activityRows = await db()
    .select({
      id: courseActivities.id,
      moduleId: courseActivities.moduleId,
      kind: courseActivities.kind,
      title: courseActivities.title,
      required: courseActivities.required,
    })
    .from(courseActivities)
    .where(eq(courseActivities.courseId, courseId))
    .orderBy(asc(courseActivities.position), asc(courseActivities.id));
  return moduleRows.map((m) => ({
    ...m,
    lessons: lessonRows
      .filter((l) => l.module_id === m.id)
      .map((l) => ({ id: l.id, title: l.title, files: l.files })),
    activities: activityRows
      .filter((a) => a.moduleId === m.id)
      .map((a) => ({ id: a.id, kind: a.kind, title: a.title, required: a.required })),
  }));
}

export async function addModule(
  actor: Actor,
  courseId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const course = await managedCourse(actor, courseId);
  const data = parseInput(moduleInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    const position = await nextPosition(tx, courseId, "modules");
    await tx
      .insert(courseModules)
      .values({ id, organizationId: course.organizationId, courseId, title: data.title, position });
  });
  return { id };
}

export async function renameModule(actor: Actor, moduleId: string, input: Record<string, unknown>) {
  const { course } = await moduleOf(actor, moduleId);
  authorize(actor, "manage", "course", course);
  const data = parseInput(moduleInput, input);
  await db().update(courseModules).set({ title: data.title }).where(eq(courseModules.id, moduleId));
}

/** Removes a module that has no lessons or activities left (they are deleted one by one, on purpose). */
export async function deleteModule(actor: Actor, moduleId: string) {
  const { course } = await moduleOf(actor, moduleId);
  authorize(actor, "manage", "course", course);
  await db().transaction(async (tx) => {
    // the course's lock, as adding a lesson or activity takes it: none is added while this one goes
    await tx.execute(sql`SELECT id FROM courses WHERE id = ${course.courseId} FOR UPDATE`);
    const [inside] = await rowsOf<{ n: number }>(
      tx,
      sql`SELECT (SELECT count(*) FROM lessons WHERE module_id = ${moduleId})::int
        + (SELECT count(*) FROM course_activities WHERE module_id = ${moduleId})::int AS n`,
    );
    if ((inside?.n ?? 0) > 0) throw new DomainError("learning.errors.module_not_empty");
    await tx.delete(courseModules).where(eq(courseModules.id, moduleId));
  });
}

/** Swaps a row's position with its neighbour's in the same list (first up, or last down: no change). */
async function swapWithNeighbour(
  tx: DbOrTx,
  table: "course_modules" | "lessons",
  id: string,
  scope: { column: "course_id" | "module_id"; value: string },
  way: "up" | "down",
) {
  const tableSql = sql.raw(table);
  const scopeSql = sql.raw(scope.column);
  const [row] = await rowsOf<{ position: number }>(
    tx,
    sql`SELECT position FROM ${tableSql} WHERE id = ${id}`,
  );
  if (!row) return;
  const [neighbour] = await rowsOf<{ id: string; position: number }>(
    tx,
    way === "up"
      ? sql`SELECT id, position FROM ${tableSql} WHERE ${scopeSql} = ${scope.value} AND position < ${row.position}
          ORDER BY position DESC LIMIT 1`
      : sql`SELECT id, position FROM ${tableSql} WHERE ${scopeSql} = ${scope.value} AND position > ${row.position}
          ORDER BY position LIMIT 1`,
  );
  if (!neighbour) return;
  await tx.execute(sql`UPDATE ${tableSql} SET position = ${neighbour.position} WHERE id = ${id}`);
  await tx.execute(sql`UPDATE ${tableSql} SET position = ${row.position} WHERE id = ${neighbour.id}`);
}

export async function moveModule(actor: Actor, moduleId: string, input: Record<string, unknown>) {
  const { module, course } = await moduleOf(actor, moduleId);
  authorize(actor, "manage", "course", course);
  const way = parseInput(z.object({ direction }), input).direction;
  await db().transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM courses WHERE id = ${module.courseId} FOR UPDATE`);
    await swapWithNeighbour(
      tx,
      "course_modules",
      moduleId,
      { column: "course_id", value: module.courseId },
      way,
    );
  });
}

export async function addLesson(
  actor: Actor,
  moduleId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const { module, course } = await moduleOf(actor, moduleId);
  authorize(actor, "manage", "course", course);
  const data = parseInput(lessonInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    const position = await nextPosition(tx, module.courseId, { moduleId });
    await tx.insert(lessons).values({
      id,
      organizationId: course.organizationId,
      courseId: module.courseId,
      moduleId,
      position,
      ...data,
    });
  });
  return { id };
}

export async function updateLesson(actor: Actor, lessonId: string, input: Record<string, unknown>) {
  const { course } = await lessonOf(actor, lessonId);
  authorize(actor, "manage", "course", course);
  const data = parseInput(lessonInput, input);
  await db()
    .update(lessons)
    .set({ ...data, updatedAt: new Date() })
    .where(eq(lessons.id, lessonId));
}

export async function moveLesson(actor: Actor, lessonId: string, input: Record<string, unknown>) {
  const { lesson, course } = await lessonOf(actor, lessonId);
  authorize(actor, "manage", "course", course);
  const way = parseInput(z.object({ direction }), input).direction;
  await db().transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM courses WHERE id = ${lesson.courseId} FOR UPDATE`);
    await swapWithNeighbour(tx, "lessons", lessonId, { column: "module_id", value: lesson.moduleId }, way);
  });
}

/** Deletes a lesson with its files and the marks of those who had done it. */
export async function deleteLesson(actor: Actor, lessonId: string) {
  const { course } = await lessonOf(actor, lessonId);
  authorize(actor, "manage", "course", course);
  const keys = await db().transaction(async (tx) => {
    const files = await tx
      .select({ key: lessonFiles.storageKey })
      .from(lessonFiles)
      .where(eq(lessonFiles.lessonId, lessonId));
    await tx.delete(lessons).where(eq(lessons.id, lessonId));
    return files.map((f) => f.key);
  });
  // the rows are gone first: a file left behind by a crash here is unreachable, never a broken link
  for (const key of keys) await fileStore().delete(key);
}

/** A lesson as its editor sees it: the text as written and as readers will see it, and its files. */
export async function lessonForEditing(actor: Actor, lessonId: string) {
  const { lesson, course } = await lessonOf(actor, lessonId);
  authorize(actor, "read", "course", course);
  const [courseRow] = await db()
    .select({ title: courses.title })
    .from(courses)
    .where(eq(courses.id, lesson.courseId));
  return {
    lesson,
    courseTitle: courseRow?.title ?? "",
    html: renderRichText(lesson.body),
    files: await filesOf(lessonId),
    can: { manage: can(actor, "manage", "course", course) },
  };
}

async function filesOf(lessonId: string) {
  return db()
    .select({
      id: lessonFiles.id,
      fileName: lessonFiles.fileName,
      contentType: lessonFiles.contentType,
      size: lessonFiles.size,
    })
    .from(lessonFiles)
    .where(eq(lessonFiles.lessonId, lessonId))
    .orderBy(asc(lessonFiles.createdAt), asc(lessonFiles.id));
}

/** Adds a file to a lesson: its type is read from its content; the file is stored before the row. */
export async function attachLessonFile(
  actor: Actor,
  lessonId: string,
  upload: { bytes: Uint8Array; fileName: string },
): Promise<{ id: string }> {
  const { course } = await lessonOf(actor, lessonId);
  authorize(actor, "manage", "course", course);
  return keepUpload(
    upload,
    { kinds: LESSON_FILE_KINDS, maxBytes: MAX_LESSON_FILE_BYTES, keyPrefix: "lesson" },
    async (file) => {
      await db().insert(lessonFiles).values({
        id: file.id,
        organizationId: course.organizationId,
        lessonId,
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

export async function removeLessonFile(actor: Actor, lessonId: string, fileId: string) {
  const { course } = await lessonOf(actor, lessonId);
  authorize(actor, "manage", "course", course);
  if (!isUuid(fileId)) throw new NotFoundError();
  const [removed] = await db()
    .delete(lessonFiles)
    .where(and(eq(lessonFiles.id, fileId), eq(lessonFiles.lessonId, lessonId)))
    .returning({ key: lessonFiles.storageKey });
  if (!removed) throw new NotFoundError();
  await fileStore().delete(removed.key);
}

/**
 * The reader's confirmed place in a cohort (by their account, or by the address they registered with),
 * for the policy; null if they hold none.
 */
async function placeIn(actor: Actor, cohortId: string): Promise<string | null> {
  const [row] = await rowsOf<{ id: string }>(
    db(),
    sql`
    SELECT r.id FROM registrations r
    WHERE r.cohort_id = ${cohortId} AND r.status = 'confirmed'
      AND (r.person_id = ${actor.personId}
        OR (r.person_id IS NULL AND r.email = (SELECT lower(p.email) FROM persons p WHERE p.id = ${actor.personId})))
    ORDER BY (r.person_id = ${actor.personId}) DESC NULLS LAST
    LIMIT 1`,
  );
  return row?.id ?? null;
}

/** A cohort as its lessons' reader reaches it; not found for a cancelled cohort or one of another organization. */
export async function classroomOf(actor: Actor, cohortId: string) {
  const cohort = await cohortOf(actor, cohortId);
  const [info] = await db()
    .select({ name: cohorts.name, status: cohorts.status, courseTitle: courses.title })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(eq(cohorts.id, cohortId));
  if (!info || info.status === "cancelled") throw new NotFoundError();
  const registrationId = await placeIn(actor, cohortId);
  const subject: LessonSubject = { ...cohort.course, participant: registrationId !== null };
  authorize(actor, "read", "lesson", subject);
  return { cohort, info, registrationId, subject };
}

/** The cohorts where the person holds a confirmed place, with how many of their lessons they have done. */
export async function myCourses(actor: Actor) {
  const rows = await rowsOf<{
    cohort_id: string;
    cohort_name: string;
    course_title: string;
    starts_on: string;
    ends_on: string;
    lessons: number;
    done: number;
  }>(
    db(),
    sql`
    SELECT k.id AS cohort_id, k.name AS cohort_name, c.title AS course_title,
      k.starts_on::text AS starts_on, k.ends_on::text AS ends_on,
      (SELECT count(*)::int FROM lessons l WHERE l.course_id = c.id) AS lessons,
      (SELECT count(*)::int FROM lesson_completions d WHERE d.registration_id = r.id) AS done
    FROM registrations r
    JOIN cohorts k ON k.id = r.cohort_id AND k.status <> 'cancelled'
    JOIN courses c ON c.id = k.course_id
    WHERE r.status = 'confirmed' AND k.organization_id = ${actor.organizationId}
      AND (r.person_id = ${actor.personId}
        OR (r.person_id IS NULL AND r.email = (SELECT lower(p.email) FROM persons p WHERE p.id = ${actor.personId})))
    ORDER BY k.starts_on DESC, k.id`,
  );
  return rows.map((r) => ({
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    courseTitle: r.course_title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    lessons: r.lessons,
    done: r.done,
  }));
}

/** The registration's answers to a course's activities: status per activity id. */
export async function submissionStatuses(
  registrationId: string | null,
): Promise<Map<string, SubmissionStatus>> {
  if (!registrationId) return new Map();
  const rows = await db()
    .select({ activityId: activitySubmissions.activityId, status: activitySubmissions.status })
    .from(activitySubmissions)
    .where(eq(activitySubmissions.registrationId, registrationId));
  return new Map(rows.map((r) => [r.activityId, r.status]));
}

/** Lesson ids the registration has marked done. */
async function doneBy(registrationId: string | null): Promise<Set<string>> {
  if (!registrationId) return new Set();
  const rows = await db()
    .select({ lessonId: lessonCompletions.lessonId })
    .from(lessonCompletions)
    .where(eq(lessonCompletions.registrationId, registrationId));
  return new Set(rows.map((r) => r.lessonId));
}

/** A cohort's lessons for one of its readers: modules in order, each lesson marked done or not. */
export async function classroom(actor: Actor, cohortId: string) {
  const { cohort, info, registrationId, subject } = await classroomOf(actor, cohortId);
  const done = await doneBy(registrationId);
  const answered = await submissionStatuses(registrationId);
  const modules = (await modulesWithLessons(cohort.courseId)).map((m) => ({
    ...m,
    lessons: m.lessons.map((l) => ({ ...l, done: done.has(l.id) })),
    activities: m.activities.map((a) => ({ ...a, status: answered.get(a.id) ?? null })),
  }));
  const total = modules.reduce((n, m) => n + m.lessons.length, 0);
  return {
    cohort: { id: cohortId, name: info.name, courseTitle: info.courseTitle, courseId: cohort.courseId },
    modules,
    progress: { done: modules.reduce((n, m) => n + m.lessons.filter((l) => l.done).length, 0), total },
    can: {
      complete: can(actor, "complete", "lesson", subject),
      manage: can(actor, "manage", "course", subject),
    },
  };
}

/** One lesson in a cohort, ready to read: its text as HTML (safe), video link, files, done or not, and its neighbours. */
export async function lessonInClassroom(actor: Actor, cohortId: string, lessonId: string) {
  const { cohort, info, registrationId, subject } = await classroomOf(actor, cohortId);
  if (!isUuid(lessonId)) throw new NotFoundError();
  const [lesson] = await db()
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, cohort.courseId)));
  if (!lesson) throw new NotFoundError();
  const order = (await modulesWithLessons(cohort.courseId)).flatMap((m) =>
    m.lessons.map((l) => ({ id: l.id, title: l.title, moduleTitle: m.title })),
  );
  const at = order.findIndex((l) => l.id === lessonId);
  const done = await doneBy(registrationId);
  return {
    cohort: { id: cohortId, name: info.name, courseTitle: info.courseTitle, courseId: cohort.courseId },
    lesson: {
      id: lesson.id,
      title: lesson.title,
      moduleTitle: order[at]?.moduleTitle ?? "",
      html: renderRichText(lesson.body),
      videoUrl: lesson.videoUrl,
      done: done.has(lesson.id),
    },
    files: await filesOf(lessonId),
    previous: at > 0 ? order[at - 1] : null,
    next: at >= 0 && at < order.length - 1 ? order[at + 1] : null,
    can: { complete: can(actor, "complete", "lesson", subject) },
  };
}

/** A participant marks a lesson done (or not done again) in their cohort. */
export async function setLessonDone(
  actor: Actor,
  cohortId: string,
  lessonId: string,
  input: Record<string, unknown>,
) {
  const { cohort, registrationId, subject } = await classroomOf(actor, cohortId);
  authorize(actor, "complete", "lesson", subject);
  if (!registrationId || !isUuid(lessonId)) throw new NotFoundError();
  const { done } = parseInput(
    z.object({ done: z.enum(["yes", "no"], { message: "errors.invalid_choice" }) }),
    input,
  );
  const [lesson] = await db()
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, cohort.courseId)));
  if (!lesson) throw new NotFoundError();
  if (done === "yes")
    await db()
      .insert(lessonCompletions)
      .values({ registrationId, lessonId, organizationId: cohort.organizationId })
      .onConflictDoNothing();
  else
    await db()
      .delete(lessonCompletions)
      .where(
        and(eq(lessonCompletions.registrationId, registrationId), eq(lessonCompletions.lessonId, lessonId)),
      );
}

/**
 * A lesson's file for download: for the course's coordinators and facilitators, and for whoever holds a
 * confirmed place in one of its cohorts. Not found for anyone else (nothing says the file exists).
 */
export async function lessonFileForDownload(
  actor: Actor,
  courseId: string,
  lessonId: string,
  fileId: string,
) {
  const { lesson, course } = await lessonOf(actor, lessonId);
  // the address names the lesson's own course, or there is nothing there
  if (!isUuid(fileId) || lesson.courseId !== courseId) throw new NotFoundError();
  const places = await rowsOf<{ id: string }>(
    db(),
    sql`
    SELECT r.id FROM registrations r JOIN cohorts k ON k.id = r.cohort_id AND k.status <> 'cancelled'
    WHERE k.course_id = ${lesson.courseId} AND r.status = 'confirmed'
      AND (r.person_id = ${actor.personId}
        OR (r.person_id IS NULL AND r.email = (SELECT lower(p.email) FROM persons p WHERE p.id = ${actor.personId})))
    LIMIT 1`,
  );
  const subject: LessonSubject = { ...course, participant: places.length > 0 };
  if (!can(actor, "read", "lesson", subject)) throw new NotFoundError();
  const [file] = await db()
    .select()
    .from(lessonFiles)
    .where(and(eq(lessonFiles.id, fileId), eq(lessonFiles.lessonId, lessonId)));
  if (!file) throw new NotFoundError();
  const stored = await fileStore().get(file.storageKey);
  if (!stored) throw new NotFoundError();
  return { stored, fileName: file.fileName };
}

/** A cohort's progress in the lessons, for those who run it: per lesson and per confirmed person. */
export async function cohortLessonProgress(actor: Actor, cohortId: string) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "read_registrations", "cohort", cohort.course);
  const lessonRows = await rowsOf<{ id: string; title: string; done: number }>(
    db(),
    sql`
    SELECT l.id, l.title,
      (SELECT count(*)::int FROM lesson_completions d JOIN registrations r ON r.id = d.registration_id
        WHERE d.lesson_id = l.id AND r.cohort_id = ${cohortId} AND r.status = 'confirmed') AS done
    FROM lessons l JOIN course_modules m ON m.id = l.module_id
    WHERE l.course_id = ${cohort.courseId}
    ORDER BY m.position, m.id, l.position, l.id`,
  );
  const people = await rowsOf<{ registration_id: string; done: number }>(
    db(),
    sql`
    SELECT r.id AS registration_id, count(d.lesson_id)::int AS done
    FROM registrations r LEFT JOIN lesson_completions d ON d.registration_id = r.id
    WHERE r.cohort_id = ${cohortId} AND r.status = 'confirmed'
    GROUP BY r.id`,
  );
  return {
    lessons: lessonRows,
    byRegistration: Object.fromEntries(people.map((p) => [p.registration_id, p.done])) as Record<
      string,
      number
    >,
  };
}
