// Courses, their cohorts and live sessions (issue #16 §2, §4): created by coordinators; a session's
// time is written as the planner reads it (date, time, zone) and stored as an instant plus that zone.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { resolveLocalTime } from "../../platform/time";
import { asText, parseInput } from "../../platform/validation";
import { programOfOrganization } from "../people/programs";
import type { CourseSubject } from "./policy";
import { scheduleSessionReminders } from "./reminders";
import {
  COURSE_KINDS,
  COURSE_LEVELS,
  COURSE_MODALITIES,
  type CohortStatus,
  type CourseKind,
  cohorts,
  courseFacilitators,
  courses,
  liveSessions,
} from "./schema";

const text = (max: number) => z.string().trim().max(max, "errors.too_long");
const required = (max: number) => text(max).min(1, "errors.required");
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .trim()
  .regex(DAY, "learning.errors.date_invalid")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "learning.errors.date_invalid",
  );

const courseInput = z.object({
  kind: z.enum(COURSE_KINDS, { message: "errors.invalid_choice" }),
  title: required(160),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "learning.errors.slug_invalid")
    .max(80, "errors.too_long"),
  summary: text(300).default(""),
  description: text(20_000).default(""),
  hours: z.coerce
    .number({ message: "learning.errors.number_invalid" })
    .int("learning.errors.number_invalid")
    .min(1, "learning.errors.number_invalid")
    .max(1000, "learning.errors.number_invalid"),
  topic: text(80).default(""),
  level: z.enum(COURSE_LEVELS, { message: "errors.invalid_choice" }),
  modality: z.enum(COURSE_MODALITIES, { message: "errors.invalid_choice" }),
  minAttendancePercent: z.coerce
    .number({ message: "learning.errors.number_invalid" })
    .int("learning.errors.number_invalid")
    .min(0, "learning.errors.number_invalid")
    .max(100, "learning.errors.number_invalid")
    .default(75),
  signerName: text(120).default(""),
  signerTitle: text(120).default(""),
  /** optional: a program of the organization ("" = none) */
  programId: z.preprocess(asText, z.string().trim().max(40, "programs.errors.unknown")),
});

/** The course's program: none, or one of the organization's (else a message beside the select). */
async function programIdOf(organizationId: string, programId: string): Promise<string | null> {
  if (!programId) return null;
  const program = await programOfOrganization(organizationId, programId);
  if (!program) throw new ValidationError({ programId: "programs.errors.unknown" });
  return program.id;
}

/** Creates a course or open workshop; its public address (slug) is unique on the platform. */
export async function createCourse(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  authorize(actor, "create", "course", { organizationId: actor.organizationId });
  const { programId: program, ...data } = parseInput(courseInput, input);
  const programId = await programIdOf(actor.organizationId, program);
  const id = newId();
  const inserted = await db()
    .insert(courses)
    .values({ id, organizationId: actor.organizationId, createdBy: actor.personId, programId, ...data })
    .onConflictDoNothing()
    .returning({ id: courses.id });
  if (inserted.length === 0) throw new ValidationError({ slug: "learning.errors.slug_taken" });
  return { id };
}

/** Sets or clears the course's program (coordinators who manage the course). */
export async function setCourseProgram(
  actor: Actor,
  courseId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "manage", "course", subject);
  const { programId: program } = parseInput(courseInput.pick({ programId: true }), input);
  const programId = await programIdOf(subject.organizationId, program);
  await db().update(courses).set({ programId, updatedAt: new Date() }).where(eq(courses.id, courseId));
}

/** The course as the policy reads it (with its facilitators), in the actor's organization; null if none. */
export async function courseSubject(actor: Actor, courseId: string): Promise<CourseSubject | null> {
  if (!isUuid(courseId)) return null;
  const [course] = await db()
    .select({ id: courses.id, organizationId: courses.organizationId })
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.organizationId, actor.organizationId)));
  if (!course) return null;
  const facilitators = await db()
    .select({ personId: courseFacilitators.personId })
    .from(courseFacilitators)
    .where(eq(courseFacilitators.courseId, courseId));
  return {
    organizationId: course.organizationId,
    courseId: course.id,
    facilitatorIds: facilitators.map((f) => f.personId),
  };
}

const cohortInput = z
  .object({
    name: required(120),
    startsOn: day,
    endsOn: day,
    capacity: z
      .union([
        z.literal(""),
        z.coerce
          .number({ message: "learning.errors.number_invalid" })
          .int("learning.errors.number_invalid")
          .min(1, "learning.errors.number_invalid")
          .max(100_000, "learning.errors.number_invalid"),
      ])
      .optional()
      .transform((v) => (v === "" || v === undefined ? null : v)),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "learning.errors.ends_before_start" });

/** A cohort of a course (a draft until published). */
export async function createCohort(
  actor: Actor,
  courseId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "manage", "course", subject);
  const data = parseInput(cohortInput, input);
  const id = newId();
  await db()
    .insert(cohorts)
    .values({ id, organizationId: subject.organizationId, courseId, status: "draft", ...data });
  return { id };
}

/** Opens a cohort: it appears in the catalogue and (for a workshop) takes registrations. */
export async function publishCohort(actor: Actor, cohortId: string): Promise<void> {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "manage", "course", cohort.course);
  await db()
    .update(cohorts)
    .set({ status: "published", updatedAt: new Date() })
    .where(eq(cohorts.id, cohortId));
}

/** A version in the actor's organization with its course as the policy reads it; not found otherwise. */
export async function cohortOf(actor: Actor, cohortId: string) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const [cohort] = await db()
    .select({ id: cohorts.id, courseId: cohorts.courseId, organizationId: cohorts.organizationId })
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.organizationId, actor.organizationId)));
  const course = cohort ? await courseSubject(actor, cohort.courseId) : null;
  if (!cohort || !course) throw new NotFoundError();
  return { ...cohort, course };
}

const sessionInput = z.object({
  title: required(160),
  date: z.string().trim().min(1, "errors.required"),
  time: z.string().trim().min(1, "errors.required"),
  timeZone: z.string().trim().default("America/Santiago"),
  /** for a time the clocks repeat: which of the two ("earlier": before the clocks go back) */
  occurrence: z.enum(["", "earlier", "later"], { message: "errors.invalid_choice" }).default(""),
  durationMinutes: z.coerce
    .number({ message: "learning.errors.number_invalid" })
    .int("learning.errors.number_invalid")
    .min(5, "learning.errors.number_invalid")
    .max(720, "learning.errors.number_invalid"),
  meetingUrl: z
    .string()
    .trim()
    .max(500, "errors.too_long")
    .refine((u) => u === "" || /^https:\/\/[^\s"'<>]+$/.test(u), "learning.errors.meeting_url_invalid")
    .default(""),
});

/**
 * Plans a live session at a wall time in a zone. A time the zone's clocks skip (Chile's September
 * change) is refused; one they repeat (April) is refused until the planner says which of the two.
 */
export async function planSession(
  actor: Actor,
  cohortId: string,
  input: Record<string, unknown>,
): Promise<{ id: string; startsAt: Date }> {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "manage", "course", cohort.course);
  const data = parseInput(sessionInput, input);
  const resolved = resolveLocalTime(data.date, data.time, data.timeZone);
  let startsAt: Date;
  if (resolved.kind === "invalid") {
    throw new ValidationError(
      /^\d{4}-\d{2}-\d{2}$/.test(data.date) && /^\d{2}:\d{2}$/.test(data.time)
        ? { timeZone: "learning.errors.time_zone_invalid" }
        : { date: "learning.errors.date_invalid" },
    );
  } else if (resolved.kind === "gap") {
    throw new ValidationError({ time: "learning.errors.time_skipped" });
  } else if (resolved.kind === "repeated") {
    if (data.occurrence === "") throw new ValidationError({ occurrence: "learning.errors.time_repeated" });
    startsAt = data.occurrence === "earlier" ? resolved.earlier : resolved.later;
  } else startsAt = resolved.instant;
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(liveSessions).values({
      id,
      organizationId: cohort.organizationId,
      cohortId,
      title: data.title,
      startsAt,
      plannedTimeZone: data.timeZone,
      durationMinutes: data.durationMinutes,
      meetingUrl: data.meetingUrl,
    });
    // the reminders 24 h and 1 h before, as jobs that exist only if the session does
    await scheduleSessionReminders(tx, { id, startsAt });
  });
  return { id, startsAt };
}

const facilitatorsInput = z.object({
  facilitators: z.array(z.string().uuid("errors.invalid_choice")).max(200, "errors.too_long"),
});

/** The people of the organization who may facilitate (organization role "facilitator"), by name. */
export async function facilitatorCandidates(organizationId: string) {
  return rowsOf<{ id: string; name: string }>(
    db(),
    sql`
    SELECT p.id, p.given_names || ' ' || p.family_names AS name
    FROM memberships m JOIN persons p ON p.id = m.person_id
    WHERE m.organization_id = ${organizationId} AND m.role = 'facilitator' AND m.school_id IS NULL
    ORDER BY p.family_names, p.given_names, p.id`,
  );
}

/**
 * Sets who facilitates a course: each must hold the facilitator role in the organization (anyone
 * else is refused beside the list, and nothing changes).
 */
export async function setCourseFacilitators(
  actor: Actor,
  courseId: string,
  input: { facilitators: unknown },
): Promise<{ count: number }> {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "manage", "course", subject);
  const { facilitators } = parseInput(facilitatorsInput, input);
  const wanted = [...new Set(facilitators)];
  const allowed = new Set((await facilitatorCandidates(subject.organizationId)).map((c) => c.id));
  if (wanted.some((id) => !allowed.has(id)))
    throw new ValidationError({ facilitators: "learning.errors.not_a_facilitator" });
  await db().transaction(async (tx) => {
    await tx.delete(courseFacilitators).where(eq(courseFacilitators.courseId, courseId));
    if (wanted.length)
      await tx
        .insert(courseFacilitators)
        .values(wanted.map((personId) => ({ courseId, personId, organizationId: subject.organizationId })))
        .onConflictDoNothing();
  });
  return { count: wanted.length };
}

export interface CourseListItem {
  id: string;
  kind: CourseKind;
  title: string;
  slug: string;
  hours: number;
  cohorts: number;
  /** the next cohort's start, if any is still to end */
  nextStartsOn: string | null;
}

/** The courses the actor runs: every one for coordinators, their own for facilitators; by title. */
export async function listCourses(actor: Actor, today: string): Promise<CourseListItem[]> {
  authorize(actor, "list", "course", { organizationId: actor.organizationId });
  const rows = await rowsOf<{
    id: string;
    kind: CourseKind;
    title: string;
    slug: string;
    hours: number;
    cohorts: number;
    next_starts_on: string | null;
    facilitator_ids: string[];
  }>(
    db(),
    sql`
    SELECT c.id, c.kind, c.title, c.slug, c.hours,
      (SELECT count(*)::int FROM cohorts k WHERE k.course_id = c.id) AS cohorts,
      (SELECT min(k.starts_on)::text FROM cohorts k WHERE k.course_id = c.id AND k.ends_on >= ${today}::date
        AND k.status <> 'cancelled') AS next_starts_on,
      coalesce((SELECT array_agg(f.person_id) FROM course_facilitators f WHERE f.course_id = c.id), '{}') AS facilitator_ids
    FROM courses c
    WHERE c.organization_id = ${actor.organizationId}
    ORDER BY c.title, c.id`,
  );
  return rows
    .filter((r) =>
      can(actor, "read", "course", {
        organizationId: actor.organizationId,
        courseId: r.id,
        facilitatorIds: r.facilitator_ids,
      }),
    )
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      slug: r.slug,
      hours: r.hours,
      cohorts: r.cohorts,
      nextStartsOn: r.next_starts_on,
    }));
}

/** A course as its management page shows it: cohorts with places taken and sessions; what the actor may do. */
export async function courseForManagement(actor: Actor, courseId: string) {
  const subject = await courseSubject(actor, courseId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "read", "course", subject);
  const [course] = await db().select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError();
  const cohortRows = await rowsOf<{
    id: string;
    name: string;
    starts_on: string;
    ends_on: string;
    capacity: number | null;
    status: CohortStatus;
    confirmed: number;
    waiting: number;
  }>(
    db(),
    sql`
    SELECT k.id, k.name, k.starts_on::text AS starts_on, k.ends_on::text AS ends_on, k.capacity, k.status,
      (SELECT count(*)::int FROM registrations r WHERE r.cohort_id = k.id AND r.status = 'confirmed') AS confirmed,
      (SELECT count(*)::int FROM registrations r WHERE r.cohort_id = k.id AND r.status = 'waiting') AS waiting
    FROM cohorts k WHERE k.course_id = ${courseId} ORDER BY k.starts_on, k.id`,
  );
  const sessions = cohortRows.length
    ? await db()
        .select()
        .from(liveSessions)
        .where(
          inArray(
            liveSessions.cohortId,
            cohortRows.map((c) => c.id),
          ),
        )
        .orderBy(asc(liveSessions.startsAt))
    : [];
  return {
    course,
    cohorts: cohortRows.map((c) => ({
      id: c.id,
      name: c.name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      capacity: c.capacity,
      status: c.status,
      confirmed: c.confirmed,
      waiting: c.waiting,
      sessions: sessions.filter((s) => s.cohortId === c.id),
    })),
    facilitators: subject.facilitatorIds,
    candidates: can(actor, "manage", "course", subject)
      ? await facilitatorCandidates(subject.organizationId)
      : [],
    can: { manage: can(actor, "manage", "course", subject) },
  };
}
