// A course's activities (issue #16 §7): reflections reviewed by facilitators (accepted, or to revise with
// a comment that reaches the participant by email), quizzes scored on the spot, and required ones in the
// course's completion rule; the participant's home lists what is still to send.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  activityForEditing,
  activityInClassroom,
  activityReview,
  addActivity,
  addModule,
  classroom,
  cohortActivities,
  createCohort,
  createCourse,
  enrolInCohort,
  learnerHome,
  parseQuiz,
  publishCohort,
  quizToText,
  reviewSubmission,
  submitActivity,
  updateActivity,
} from ".";
import { cohortCompletion } from "./attendance";
import {
  activityRequirementPeriods,
  activitySubmissions,
  courseActivities,
  courseFacilitators,
} from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
let courseId: string;
let cohortId: string;
let reflectionId: string;
let quizId: string;
let moduleId: string;

const QUIZ = `¿Qué hace precisa una retroalimentación?
* Nombra lo observado y termina en un paso
- Es larga y detallada

¿Cuántos pasos de acción se acuerdan?
- Tres o más
* Uno`;

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const home = () => learnerHome({ id: w.teacherA.id, email: w.teacherA.email, organizationId: w.org.id });

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, id] of Object.entries({
    coordinator: w.coordinator.id,
    facilitator: w.facilitator.id,
    teacherA: w.teacherA.id,
    teacherB: w.teacherB.id,
    otherAdmin: w.otherAdmin.id,
  }))
    a[k] = await actorOf(id);
  ({ id: courseId } = await createCourse(a.coordinator as Actor, {
    kind: "course",
    title: "Retroalimentación efectiva",
    slug: "retroalimentacion-efectiva",
    hours: "12",
    level: "introductory",
    modality: "online",
  }));
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  ({ id: cohortId } = await createCohort(a.coordinator as Actor, courseId, {
    name: "Agosto",
    startsOn: "2026-08-01",
    endsOn: "2099-08-31",
    capacity: "",
  }));
  await publishCohort(a.coordinator as Actor, cohortId);
  await enrolInCohort(a.coordinator as Actor, cohortId, {
    fullName: `${w.teacherA.givenNames} ${w.teacherA.familyNames}`,
    email: w.teacherA.email,
    country: "CL",
    role: "teacher",
  });
  ({ id: moduleId } = await addModule(a.coordinator as Actor, courseId, { title: "Práctica" }));
  ({ id: reflectionId } = await addActivity(a.coordinator as Actor, moduleId, {
    kind: "reflection",
    title: "Mi última retroalimentación",
  }));
  ({ id: quizId } = await addActivity(a.coordinator as Actor, moduleId, { kind: "quiz", title: "Repaso" }));
});

describe("writing activities", () => {
  it("is for coordinators; facilitators read them; anyone else finds nothing", async () => {
    expect(
      await errorOf(addActivity(a.facilitator as Actor, moduleId, { kind: "quiz", title: "X" })),
    ).toBeInstanceOf(NotFoundError);
    for (const who of ["facilitator", "teacherA", "otherAdmin"])
      expect(await errorOf(updateActivity(a[who] as Actor, quizId, { title: "X" }))).toBeInstanceOf(
        NotFoundError,
      );
    expect((await activityForEditing(a.facilitator as Actor, quizId)).can.manage).toBe(false);
    expect(await errorOf(activityForEditing(a.teacherA as Actor, quizId))).toBeInstanceOf(NotFoundError);
  });

  it("reads a quiz written as text, and says which question is wrong without saving anything", async () => {
    const noRight = await errorOf(
      updateActivity(a.coordinator as Actor, quizId, {
        title: "Repaso",
        questions: "¿Una?\n- a\n- b",
        required: "on",
      }),
    );
    expect(noRight).toBeInstanceOf(DomainError);
    expect((noRight as DomainError).fieldErrors).toEqual({ questions: "learning.quiz.errors.one_right" });
    expect((noRight as DomainError).params).toEqual({ question: 1 });
    const oneOption = await errorOf(
      updateActivity(a.coordinator as Actor, quizId, {
        title: "Repaso",
        questions: `${QUIZ}\n\n¿Sola?\n* a`,
      }),
    );
    expect((oneOption as DomainError).fieldErrors).toEqual({ questions: "learning.quiz.errors.options" });
    expect((oneOption as DomainError).params).toEqual({ question: 3 });
    const [unchanged] = await db().select().from(courseActivities).where(eq(courseActivities.id, quizId));
    expect(unchanged.questions).toEqual([]);
    // a new activity holds nobody's completion until it is written and saved as required
    expect(unchanged.required).toBe(false);
    const emptied = await errorOf(
      updateActivity(a.coordinator as Actor, quizId, { title: "Repaso", questions: QUIZ, passPercent: "" }),
    );
    expect((emptied as DomainError).fieldErrors).toEqual({ passPercent: "errors.required" });

    await updateActivity(a.coordinator as Actor, quizId, {
      title: "Repaso",
      questions: QUIZ,
      passPercent: "100",
      required: "on",
    });
    const editing = await activityForEditing(a.coordinator as Actor, quizId);
    expect(editing.questionsText).toBe(QUIZ);
    expect(editing.activity.questionCount).toBe(2);
    expect(parseQuiz(quizToText((parseQuiz(QUIZ) as { questions: never[] }).questions))).toEqual(
      parseQuiz(QUIZ),
    );
    await updateActivity(a.coordinator as Actor, reflectionId, {
      title: "Mi última retroalimentación",
      instructions: "Describa **una** retroalimentación que dio esta semana.",
      required: "on",
    });
  });
});

describe("answering and reviewing", () => {
  it("never sends a quiz's answers to the page, and lists the required activities as due at home", async () => {
    const page = await activityInClassroom(a.teacherA as Actor, cohortId, quizId);
    expect(JSON.stringify(page.activity)).not.toContain("correct");
    expect(page.activity.questions[1]).toEqual({
      prompt: "¿Cuántos pasos de acción se acuerdan?",
      options: ["Tres o más", "Uno"],
    });
    expect((await home()).activitiesDue.map((d) => [d.title, d.toRevise])).toEqual([
      ["Mi última retroalimentación", false],
      ["Repaso", false],
    ]);
  });

  it("scores a quiz at once: short of the pass mark it may be answered again, then it is accepted", async () => {
    const unanswered = await errorOf(submitActivity(a.teacherA as Actor, cohortId, quizId, { q0: "0" }));
    expect((unanswered as DomainError).messageKey).toBe("learning.quiz.errors.answer_all");
    expect((unanswered as DomainError).fieldErrors).toEqual({ q1: "learning.quiz.errors.unanswered" });
    expect(await submitActivity(a.teacherA as Actor, cohortId, quizId, { q0: "0", q1: "0" })).toEqual({
      status: "to_revise",
      scorePercent: 50,
    });
    const after = await activityInClassroom(a.teacherA as Actor, cohortId, quizId);
    // a failed attempt tells the score, not which answers were wrong (no finding them by elimination)
    expect(after.submission?.scorePercent).toBe(50);
    expect(after.submission?.right).toBeNull();
    expect(after.can.submit).toBe(true);
    expect(await submitActivity(a.teacherA as Actor, cohortId, quizId, { q0: "0", q1: "1" })).toEqual({
      status: "accepted",
      scorePercent: 100,
    });
    expect((await activityInClassroom(a.teacherA as Actor, cohortId, quizId)).submission?.right).toEqual([
      true,
      true,
    ]);
    const again = await errorOf(submitActivity(a.teacherA as Actor, cohortId, quizId, { q0: "1", q1: "1" }));
    expect((again as DomainError).messageKey).toBe("learning.activity.errors.already_accepted");
    const [row] = await db()
      .select()
      .from(activitySubmissions)
      .where(eq(activitySubmissions.activityId, quizId));
    expect([row.status, row.scorePercent, row.attempts]).toEqual(["accepted", 100, 2]);
  });

  it("sends a reflection to review: to revise needs a comment, which reaches the participant; then accepted", async () => {
    const empty = await errorOf(submitActivity(a.teacherA as Actor, cohortId, reflectionId, { body: "  " }));
    expect((empty as DomainError).fieldErrors).toEqual({ body: "errors.required" });
    await submitActivity(a.teacherA as Actor, cohortId, reflectionId, {
      body: "Le dije a Ana que mejorara.",
    });
    const review = await activityReview(a.facilitator as Actor, cohortId, reflectionId);
    const submission = review.people.find((p) => p.submission)?.submission;
    expect(submission?.status).toBe("submitted");
    const noComment = await errorOf(
      reviewSubmission(a.facilitator as Actor, cohortId, submission?.id ?? "", {
        decision: "to_revise",
        attempts: "1",
      }),
    );
    expect((noComment as DomainError).fieldErrors).toEqual({
      comment: "learning.activity.errors.comment_required",
    });
    // a teacher reviews nothing, not even her own
    expect(
      await errorOf(
        reviewSubmission(a.teacherA as Actor, cohortId, submission?.id ?? "", { decision: "accepted" }),
      ),
    ).toBeInstanceOf(NotFoundError);
    await reviewSubmission(a.facilitator as Actor, cohortId, submission?.id ?? "", {
      decision: "to_revise",
      comment: "Diga qué vio en la clase y qué paso acordaron.",
      attempts: "1",
    });
    // a second reviewer who read the same attempt changes nothing now
    const late = await errorOf(
      reviewSubmission(a.coordinator as Actor, cohortId, submission?.id ?? "", {
        decision: "accepted",
        attempts: "1",
      }),
    );
    expect((late as DomainError).messageKey).toBe("learning.activity.errors.changed");
    const [mail] = await db()
      .select()
      .from(emails)
      .where(
        and(
          eq(emails.toAddress, w.teacherA.email),
          eq(emails.subject, "Su actividad necesita una corrección: Mi última retroalimentación"),
        ),
      );
    expect(mail.textBody).toContain("Diga qué vio en la clase y qué paso acordaron.");
    expect(mail.textBody).toContain(`/mis-cursos/${cohortId}/actividades/${reflectionId}`);
    expect((await home()).activitiesDue.map((d) => [d.title, d.toRevise])).toEqual([
      ["Mi última retroalimentación", true],
    ]);
    expect(
      (await classroom(a.teacherA as Actor, cohortId)).modules[0].activities.map((x) => x.status),
    ).toEqual(["to_revise", "accepted"]);

    // not complete yet: one required activity is not accepted (the cohort has no live sessions)
    expect((await cohortCompletion(cohortId))[0]).toMatchObject({
      activitiesRequired: 2,
      activitiesAccepted: 1,
      meetsRule: false,
    });
    await submitActivity(a.teacherA as Actor, cohortId, reflectionId, {
      body: "Vi que Ana esperó las respuestas; acordamos hacer una pregunta más por clase.",
    });
    const resent = (await activityReview(a.facilitator as Actor, cohortId, reflectionId)).people[0]
      .submission;
    expect([resent?.status, resent?.attempts]).toEqual(["submitted", 2]);
    // a review of the first attempt does not accept the second, unread
    const stale = await errorOf(
      reviewSubmission(a.coordinator as Actor, cohortId, resent?.id ?? "", {
        decision: "accepted",
        attempts: "1",
      }),
    );
    expect((stale as DomainError).messageKey).toBe("learning.activity.errors.changed");
    await reviewSubmission(a.coordinator as Actor, cohortId, resent?.id ?? "", {
      decision: "accepted",
      attempts: "2",
    });
    expect((await cohortCompletion(cohortId))[0]).toMatchObject({ activitiesAccepted: 2, meetsRule: true });
    expect((await home()).activitiesDue).toEqual([]);
    expect(
      (await cohortActivities(a.facilitator as Actor, cohortId)).map((x) => [
        x.title,
        x.submitted,
        x.accepted,
      ]),
    ).toEqual([
      ["Mi última retroalimentación", 1, 1],
      ["Repaso", 1, 1],
    ]);
  });

  it("takes answers only from participants", async () => {
    for (const who of ["teacherB", "facilitator", "coordinator", "otherAdmin"])
      expect(
        await errorOf(submitActivity(a[who] as Actor, cohortId, reflectionId, { body: "Intruso" })),
      ).toBeInstanceOf(NotFoundError);
    for (const who of ["teacherA", "teacherB", "otherAdmin"])
      expect(await errorOf(activityReview(a[who] as Actor, cohortId, reflectionId))).toBeInstanceOf(
        NotFoundError,
      );
    expect(await db().select().from(activitySubmissions)).toHaveLength(2);
  });
});

describe("the completion rule of a finished version", () => {
  it("takes the activities that counted on the day the version ended, whatever changed since", async () => {
    const { id: pastId } = await createCohort(a.coordinator as Actor, courseId, {
      name: "Marzo (terminada)",
      startsOn: "2026-03-01",
      endsOn: "2026-03-31",
      capacity: "",
    });
    await publishCohort(a.coordinator as Actor, pastId);
    await enrolInCohort(a.coordinator as Actor, pastId, {
      fullName: `${w.teacherB.givenNames} ${w.teacherB.familyNames}`,
      email: w.teacherB.email,
      country: "CL",
      role: "teacher",
    });
    const required = async (cohort: string) => (await cohortCompletion(cohort))[0]?.activitiesRequired;
    // the two activities above were made required after March: March's rule had none of them
    expect(await required(pastId)).toBe(0);
    // the reflection counted from February: March's rule takes it
    await db()
      .update(activityRequirementPeriods)
      .set({ startedAt: new Date("2026-02-15T12:00:00Z") })
      .where(eq(activityRequirementPeriods.activityId, reflectionId));
    expect(await required(pastId)).toBe(1);
    const save = (requiredBox: string) =>
      updateActivity(a.coordinator as Actor, reflectionId, {
        title: "Mi última retroalimentación",
        instructions: "",
        required: requiredBox,
        passPercent: "70",
      });
    // saved again: nothing changes; made optional: March keeps it, the running version drops it
    await save("on");
    expect(await required(pastId)).toBe(1);
    await save("");
    expect([await required(pastId), await required(cohortId)]).toEqual([1, 1]);
    // required again: a new period; March still has it, once
    await save("on");
    expect([await required(pastId), await required(cohortId)]).toEqual([1, 2]);
    const periods = await db()
      .select()
      .from(activityRequirementPeriods)
      .where(eq(activityRequirementPeriods.activityId, reflectionId));
    expect(periods.map((p) => p.endedAt === null).sort()).toEqual([false, true]);
  });
});
