// A course's activities (issue #16 §7): reflections that the cohort's facilitators review (accepted,
// or to revise with a comment) and short quizzes scored on the spot. Coordinators write them in a
// module, after its lessons; a participant answers in their cohort; a required activity counts in the
// course's completion rule once accepted (attendance.ts, cohortCompletion).
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { renderRichText } from "../../platform/rich-text";
import { parseInput } from "../../platform/validation";
import { cohortOf, courseSubject } from "./courses";
import { classroomOf, nextPosition } from "./lessons";
import { parseQuiz, quizToText } from "./quiz-format";
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  activityRequirementPeriods,
  activitySubmissions,
  courseActivities,
  courseModules,
  courses,
  type SubmissionStatus,
} from "./schema";

const title = z.string().trim().min(1, "errors.required").max(160, "errors.too_long");

async function activityOf(actor: Actor, activityId: string) {
  if (!isUuid(activityId)) throw new NotFoundError();
  const [row] = await db()
    .select()
    .from(courseActivities)
    .where(
      and(eq(courseActivities.id, activityId), eq(courseActivities.organizationId, actor.organizationId)),
    );
  if (!row) throw new NotFoundError();
  const course = await courseSubject(actor, row.courseId);
  if (!course) throw new NotFoundError();
  return { activity: row, course };
}

/** Adds an activity at the end of a module's activities; it is then written on its own page. */
export async function addActivity(
  actor: Actor,
  moduleId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  if (!isUuid(moduleId)) throw new NotFoundError();
  const [module] = await db()
    .select({ courseId: courseModules.courseId })
    .from(courseModules)
    .where(and(eq(courseModules.id, moduleId), eq(courseModules.organizationId, actor.organizationId)));
  const course = module ? await courseSubject(actor, module.courseId) : null;
  if (!module || !course) throw new NotFoundError();
  authorize(actor, "manage", "course", course);
  const data = parseInput(
    z.object({ kind: z.enum(ACTIVITY_KINDS, { message: "errors.invalid_choice" }), title }),
    input,
  );
  const id = newId();
  await db().transaction(async (tx) => {
    const position = await nextPosition(tx, module.courseId, { activitiesOf: moduleId });
    await tx.insert(courseActivities).values({
      id,
      organizationId: course.organizationId,
      courseId: module.courseId,
      moduleId,
      kind: data.kind,
      title: data.title,
      // required once written and saved so (an empty quiz must not hold anyone's completion)
      required: false,
      position,
    });
  });
  return { id };
}

const activityInput = z.object({
  title,
  instructions: z.string().max(20_000, "errors.too_long").default(""),
  required: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
  questions: z.string().max(60_000, "errors.too_long").default(""),
  // an emptied box is refused, not read as 0 % (which would pass every answer)
  passPercent: z
    .union([z.literal(""), z.coerce.number({ message: "learning.errors.number_invalid" })])
    .default(70)
    .refine((v) => v !== "", "errors.required")
    .transform(Number)
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 100, "learning.errors.number_invalid"),
});

export async function updateActivity(actor: Actor, activityId: string, input: Record<string, unknown>) {
  const { activity, course } = await activityOf(actor, activityId);
  authorize(actor, "manage", "course", course);
  const data = parseInput(activityInput, input);
  let questions = activity.questions;
  if (activity.kind === "quiz") {
    const parsed = parseQuiz(data.questions);
    if ("problem" in parsed) {
      const { key, ...params } = parsed.problem;
      throw new DomainError("errors.form_invalid", { questions: key }, params);
    }
    questions = parsed.questions;
  }
  const now = new Date();
  const counts = data.required && (activity.kind === "reflection" || questions.length > 0);
  await db().transaction(async (tx) => {
    await tx
      .update(courseActivities)
      .set({
        title: data.title,
        instructions: data.instructions,
        required: data.required,
        questions,
        passPercent: data.passPercent,
        updatedAt: now,
      })
      .where(eq(courseActivities.id, activityId));
    // the rule's history: a period opens when it starts to count and closes when it stops
    if (counts)
      await tx
        .insert(activityRequirementPeriods)
        .values({ activityId, organizationId: activity.organizationId, startedAt: now })
        .onConflictDoNothing();
    else
      await tx
        .update(activityRequirementPeriods)
        .set({ endedAt: now })
        .where(
          and(
            eq(activityRequirementPeriods.activityId, activityId),
            isNull(activityRequirementPeriods.endedAt),
          ),
        );
  });
}

/** Deletes an activity with its answers. */
export async function deleteActivity(actor: Actor, activityId: string) {
  const { course } = await activityOf(actor, activityId);
  authorize(actor, "manage", "course", course);
  await db().delete(courseActivities).where(eq(courseActivities.id, activityId));
}

/** An activity as its editor sees it (a quiz's questions as the text that writes them). */
export async function activityForEditing(actor: Actor, activityId: string) {
  const { activity, course } = await activityOf(actor, activityId);
  authorize(actor, "read", "course", course);
  const [courseRow] = await db()
    .select({ title: courses.title })
    .from(courses)
    .where(eq(courses.id, activity.courseId));
  return {
    activity: {
      id: activity.id,
      courseId: activity.courseId,
      kind: activity.kind,
      title: activity.title,
      instructions: activity.instructions,
      required: activity.required,
      passPercent: activity.passPercent,
      questionCount: activity.questions.length,
    },
    questionsText: quizToText(activity.questions),
    html: renderRichText(activity.instructions),
    courseTitle: courseRow?.title ?? "",
    can: { manage: can(actor, "manage", "course", course) },
  };
}

async function activityInCourse(activityId: string, courseId: string) {
  if (!isUuid(activityId)) throw new NotFoundError();
  const [activity] = await db()
    .select()
    .from(courseActivities)
    .where(and(eq(courseActivities.id, activityId), eq(courseActivities.courseId, courseId)));
  if (!activity) throw new NotFoundError();
  return activity;
}

async function submissionOf(activityId: string, registrationId: string | null) {
  if (!registrationId) return null;
  const [row] = await db()
    .select()
    .from(activitySubmissions)
    .where(
      and(
        eq(activitySubmissions.activityId, activityId),
        eq(activitySubmissions.registrationId, registrationId),
      ),
    );
  return row ?? null;
}

/**
 * An activity in a cohort, for one of its readers: instructions (safe HTML), a quiz's questions
 * without their answers, and the participant's own answer with its status, score and review.
 */
export async function activityInClassroom(actor: Actor, cohortId: string, activityId: string) {
  const { cohort, info, registrationId, subject } = await classroomOf(actor, cohortId);
  const activity = await activityInCourse(activityId, cohort.courseId);
  const submission = await submissionOf(activityId, registrationId);
  return {
    cohort: { id: cohortId, name: info.name, courseTitle: info.courseTitle, courseId: cohort.courseId },
    activity: {
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      required: activity.required,
      passPercent: activity.passPercent,
      html: renderRichText(activity.instructions),
      questions: activity.questions.map((q) => ({ prompt: q.prompt, options: q.options })),
    },
    submission: submission
      ? {
          status: submission.status,
          body: submission.body,
          answers: submission.answers ?? [],
          scorePercent: submission.scorePercent,
          attempts: submission.attempts,
          reviewComment: submission.reviewComment,
          submittedAt: submission.submittedAt,
          /**
           * Per question, whether the answer was right: only once the quiz is passed. A failed attempt
           * shows the score alone, or trying again with the marks would find the answers by elimination.
           */
          right:
            submission.status === "accepted"
              ? activity.questions.map((q, i) => (submission.answers ?? [])[i] === q.correct)
              : null,
        }
      : null,
    can: { submit: can(actor, "complete", "lesson", subject) && submission?.status !== "accepted" },
  };
}

const reflectionInput = z.object({
  body: z.string().trim().min(1, "errors.required").max(10_000, "errors.too_long"),
});

/**
 * A participant answers an activity: a reflection waits for review; a quiz is scored at once and
 * accepted from its pass mark (or may be answered again). An accepted answer is final.
 */
export async function submitActivity(
  actor: Actor,
  cohortId: string,
  activityId: string,
  input: Record<string, unknown>,
): Promise<{ status: SubmissionStatus; scorePercent: number | null }> {
  const { cohort, registrationId, subject } = await classroomOf(actor, cohortId);
  authorize(actor, "complete", "lesson", subject);
  if (!registrationId) throw new NotFoundError();
  const activity = await activityInCourse(activityId, cohort.courseId);
  let values: {
    body: string;
    answers: number[] | null;
    scorePercent: number | null;
    status: SubmissionStatus;
  };
  if (activity.kind === "reflection") {
    values = {
      body: parseInput(reflectionInput, input).body,
      answers: null,
      scorePercent: null,
      status: "submitted",
    };
  } else {
    if (activity.questions.length === 0) throw new DomainError("learning.quiz.errors.not_ready");
    const fieldErrors: Record<string, "learning.quiz.errors.unanswered"> = {};
    const answers = activity.questions.map((q, i) => {
      const raw = input[`q${i}`];
      const choice = typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
      if (choice < 0 || choice >= q.options.length) fieldErrors[`q${i}`] = "learning.quiz.errors.unanswered";
      return choice;
    });
    if (Object.keys(fieldErrors).length)
      throw new DomainError("learning.quiz.errors.answer_all", fieldErrors);
    const right = answers.filter((a, i) => a === activity.questions[i].correct).length;
    const scorePercent = Math.round((right * 100) / activity.questions.length);
    values = {
      body: "",
      answers,
      scorePercent,
      status: scorePercent >= activity.passPercent ? "accepted" : "to_revise",
    };
  }
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: activitySubmissions.id, status: activitySubmissions.status })
      .from(activitySubmissions)
      .where(
        and(
          eq(activitySubmissions.activityId, activityId),
          eq(activitySubmissions.registrationId, registrationId),
        ),
      )
      .for("update");
    if (existing?.status === "accepted") throw new DomainError("learning.activity.errors.already_accepted");
    if (existing)
      await tx
        .update(activitySubmissions)
        .set({
          ...values,
          attempts: sql`${activitySubmissions.attempts} + 1`,
          reviewComment: values.status === "submitted" ? sql`${activitySubmissions.reviewComment}` : "",
          submittedAt: new Date(),
        })
        .where(eq(activitySubmissions.id, existing.id));
    else {
      const inserted = await tx
        .insert(activitySubmissions)
        .values({ id: newId(), organizationId: cohort.organizationId, activityId, registrationId, ...values })
        .onConflictDoNothing()
        .returning({ id: activitySubmissions.id });
      // two first answers at once: the second is told, never silently lost
      if (inserted.length === 0) throw new DomainError("learning.activity.errors.changed");
    }
    return { status: values.status, scorePercent: values.scorePercent };
  });
}

/** An activity's answers in a cohort, for those who run it: each confirmed person, answered or not. */
export async function activityReview(actor: Actor, cohortId: string, activityId: string) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "facilitate", "cohort", cohort.course);
  const activity = await activityInCourse(activityId, cohort.courseId);
  const rows = await rowsOf<{
    registration_id: string;
    full_name: string;
    submission_id: string | null;
    body: string | null;
    score_percent: number | null;
    status: SubmissionStatus | null;
    attempts: number | null;
    review_comment: string | null;
    submitted_at: Date | string | null;
  }>(
    db(),
    sql`
    SELECT r.id AS registration_id, r.full_name, s.id AS submission_id, s.body, s.score_percent, s.status,
      s.attempts, s.review_comment, s.submitted_at
    FROM registrations r
    LEFT JOIN activity_submissions s ON s.registration_id = r.id AND s.activity_id = ${activityId}
    WHERE r.cohort_id = ${cohortId} AND r.status = 'confirmed'
    ORDER BY (s.status = 'submitted') DESC NULLS LAST, r.full_name, r.id`,
  );
  const [info] = await rowsOf<{ name: string; course_title: string }>(
    db(),
    sql`SELECT k.name, c.title AS course_title FROM cohorts k JOIN courses c ON c.id = k.course_id WHERE k.id = ${cohortId}`,
  );
  return {
    cohort: {
      id: cohortId,
      courseId: cohort.courseId,
      name: info?.name ?? "",
      courseTitle: info?.course_title ?? "",
    },
    activity: {
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      required: activity.required,
      html: renderRichText(activity.instructions),
    },
    people: rows.map((r) => ({
      registrationId: r.registration_id,
      fullName: r.full_name,
      submission: r.submission_id
        ? {
            id: r.submission_id,
            body: r.body ?? "",
            scorePercent: r.score_percent,
            status: r.status as SubmissionStatus,
            attempts: r.attempts ?? 1,
            reviewComment: r.review_comment ?? "",
            submittedAt: new Date(r.submitted_at as string),
          }
        : null,
    })),
  };
}

const reviewInput = z
  .object({
    decision: z.enum(["accepted", "to_revise"], { message: "errors.invalid_choice" }),
    comment: z.string().trim().max(2000, "errors.too_long").default(""),
    /** the attempt the reviewer read (an answer sent again since is not reviewed unread) */
    attempts: z.coerce.number({ message: "errors.invalid_choice" }).int("errors.invalid_choice"),
  })
  .refine((r) => r.decision === "accepted" || r.comment !== "", {
    path: ["comment"],
    message: "learning.activity.errors.comment_required",
  });

/**
 * A facilitator reviews a reflection: accepted, or to revise with a comment saying what to change. The
 * participant is told by email (in their language), with the link to the activity.
 */
export async function reviewSubmission(
  actor: Actor,
  cohortId: string,
  submissionId: string,
  input: Record<string, unknown>,
) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "facilitate", "cohort", cohort.course);
  if (!isUuid(submissionId)) throw new NotFoundError();
  const data = parseInput(reviewInput, input);
  const [found] = await rowsOf<{
    id: string;
    activity_id: string;
    kind: ActivityKind;
    title: string;
    course_title: string;
    full_name: string;
    email: string;
    locale: string;
  }>(
    db(),
    sql`
    SELECT s.id, a.id AS activity_id, a.kind, a.title, c.title AS course_title, r.full_name, r.email, r.locale
    FROM activity_submissions s
    JOIN registrations r ON r.id = s.registration_id
    JOIN course_activities a ON a.id = s.activity_id
    JOIN courses c ON c.id = a.course_id
    WHERE s.id = ${submissionId} AND r.cohort_id = ${cohortId}`,
  );
  // only a reflection is reviewed (a quiz scores itself)
  if (!found || found.kind !== "reflection") throw new NotFoundError();
  await db().transaction(async (tx) => {
    const reviewed = await tx
      .update(activitySubmissions)
      .set({
        status: data.decision,
        reviewComment: data.comment,
        reviewedBy: actor.personId,
        reviewedAt: new Date(),
      })
      .where(
        and(
          eq(activitySubmissions.id, submissionId),
          eq(activitySubmissions.status, "submitted"),
          eq(activitySubmissions.attempts, data.attempts),
        ),
      )
      .returning({ id: activitySubmissions.id });
    // reviewed meanwhile by someone else, or sent again since the page was read: nothing changes
    if (reviewed.length === 0) throw new DomainError("learning.activity.errors.changed");
    const t = translator(isLocale(found.locale) ? found.locale : "es-CL");
    const link = `${config().appUrl}/mis-cursos/${cohortId}/actividades/${found.activity_id}`;
    const params = { activity: found.title, course: found.course_title };
    await queueEmail(
      {
        to: found.email,
        organizationId: cohort.organizationId,
        subject: t(
          data.decision === "accepted"
            ? "learning.activity.email.accepted_subject"
            : "learning.activity.email.to_revise_subject",
          params,
        ),
        text: [
          t("email.greeting", { name: found.full_name }),
          t(
            data.decision === "accepted"
              ? "learning.activity.email.accepted_body"
              : "learning.activity.email.to_revise_body",
            params,
          ),
          ...(data.comment ? [`${t("learning.activity.email.comment")}\n${data.comment}`] : []),
          t("learning.activity.email.link", { link }),
          t("email.signature"),
        ].join("\n\n"),
      },
      tx,
    );
  });
}

/** A cohort's activities with how many answered, wait for review and were accepted (the cohort's page). */
export async function cohortActivities(actor: Actor, cohortId: string) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "read_registrations", "cohort", cohort.course);
  return rowsOf<{
    id: string;
    kind: ActivityKind;
    title: string;
    required: boolean;
    submitted: number;
    waiting: number;
    accepted: number;
  }>(
    db(),
    sql`
    SELECT a.id, a.kind, a.title, a.required,
      count(s.id)::int AS submitted,
      count(s.id) FILTER (WHERE s.status = 'submitted')::int AS waiting,
      count(s.id) FILTER (WHERE s.status = 'accepted')::int AS accepted
    FROM course_activities a
    JOIN course_modules m ON m.id = a.module_id
    LEFT JOIN activity_submissions s ON s.activity_id = a.id
      AND s.registration_id IN (SELECT id FROM registrations WHERE cohort_id = ${cohortId} AND status = 'confirmed')
    WHERE a.course_id = ${cohort.courseId}
    GROUP BY a.id, m.position, m.id
    ORDER BY m.position, m.id, a.position, a.id`,
  );
}
