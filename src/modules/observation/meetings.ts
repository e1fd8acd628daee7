// The feedback meeting after a visit (see it → name it → do it → follow up), and the teacher's side:
// acknowledging it and reflecting. Naming a step opens it; a teacher has at most one open step.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import type { Actor } from "../../platform/policy";
import { instantFromLocal, localParts } from "../../platform/time";
import { asText, optionalText, parseInput, requiredText } from "../../platform/validation";
import { persons } from "../people";
import { actionSteps, catalogueSteps, feedbackMeetings, observations, reflections } from "./schema";
import { authorizedObservation } from "./visits";

export const TEXT_MAX = 4000;

const meetingInput = z.object({
  heldOn: requiredText(10),
  heldAtTime: requiredText(5),
  praise: requiredText(TEXT_MAX, "observation.errors.praise_required"),
  model: optionalText(TEXT_MAX),
  gap: optionalText(TEXT_MAX),
  stepChoice: z.preprocess(
    asText,
    z.enum(["continue", "catalogue", "custom"], { message: "observation.errors.step_required" }),
  ),
  catalogueStepId: optionalText(40),
  stepTitle: optionalText(300),
  plan: optionalText(TEXT_MAX),
  practiced: optionalText(10),
  practiceNote: optionalText(TEXT_MAX),
  followUpOn: optionalText(10),
});

/** What the meeting form starts with: now in the observer's zone, and the visit's proposal. */
export function meetingDefaults(timeZone: string, now = new Date()) {
  const { date, time } = localParts(now, timeZone);
  return { heldOn: date, heldAtTime: time };
}

/**
 * Records the meeting of a submitted visit. The named step: the one the visit continued, a step of
 * the catalogue, or one written by the observer; a new step closes the teacher's other open step.
 * The teacher gets an email with the link.
 */
export async function recordMeeting(
  actor: Actor,
  observationId: string,
  input: Record<string, unknown>,
  timeZone: string,
  now = new Date(),
): Promise<string> {
  const subject = await authorizedObservation(actor, "hold_meeting", observationId);
  const values = parseInput(meetingInput, input);
  const errors: FieldErrors = {};
  const heldAt = instantFromLocal(values.heldOn, values.heldAtTime, timeZone);
  if (!heldAt) errors.heldOn = "observation.errors.date_invalid";
  else if (heldAt.getTime() > now.getTime() + 5 * 60_000)
    errors.heldOn = "observation.errors.meeting_in_future";
  const [visit] = await db()
    .select({
      focusStepId: observations.focusStepId,
      focusResult: observations.focusResult,
      submittedAt: observations.submittedAt,
      startedAt: observations.startedAt,
    })
    .from(observations)
    .where(eq(observations.id, observationId));
  if (!visit) throw new NotFoundError();
  // The form has minutes, the visit's start has seconds.
  if (heldAt && heldAt.getTime() < visit.startedAt.getTime() - 60_000)
    errors.heldOn = "observation.errors.meeting_before_visit";
  let catalogueStep: { id: string; title: string; mastery: string; category: string } | undefined;
  if (values.stepChoice === "continue" && !(visit.focusStepId && visit.focusResult === "continued")) {
    errors.stepChoice = "observation.errors.nothing_to_continue";
  }
  if (values.stepChoice === "catalogue") {
    [catalogueStep] = isUuid(values.catalogueStepId)
      ? await db()
          .select({
            id: catalogueSteps.id,
            title: catalogueSteps.title,
            mastery: catalogueSteps.mastery,
            category: catalogueSteps.category,
          })
          .from(catalogueSteps)
          .where(
            and(
              eq(catalogueSteps.id, values.catalogueStepId),
              eq(catalogueSteps.organizationId, subject.organizationId),
              // an archived step is no longer offered
              isNull(catalogueSteps.archivedAt),
            ),
          )
      : [];
    if (!catalogueStep) errors.catalogueStepId = "observation.errors.step_required";
  }
  if (values.stepChoice === "custom" && values.stepTitle === "")
    errors.stepTitle = "observation.errors.step_required";
  let followUpOn: string | null = null;
  if (values.followUpOn) {
    const followUp = instantFromLocal(values.followUpOn, "12:00", timeZone);
    if (!followUp) errors.followUpOn = "observation.errors.date_invalid";
    else if (heldAt && values.followUpOn < localParts(heldAt, timeZone).date) {
      errors.followUpOn = "observation.errors.follow_up_before_meeting";
    } else followUpOn = values.followUpOn;
  }
  if (Object.keys(errors).length > 0 || !heldAt) throw new ValidationError(errors);

  const meetingId = newId();
  await db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: feedbackMeetings.id })
      .from(feedbackMeetings)
      .where(eq(feedbackMeetings.observationId, observationId));
    if (existing) throw new DomainError("observation.errors.meeting_exists");
    let stepId: string;
    if (values.stepChoice === "continue" && visit.focusStepId) {
      const [still] = await tx
        .select({ id: actionSteps.id })
        .from(actionSteps)
        .where(and(eq(actionSteps.id, visit.focusStepId), eq(actionSteps.status, "open")));
      if (!still) throw new ValidationError({ stepChoice: "observation.errors.nothing_to_continue" });
      stepId = still.id;
    } else {
      // One open step per teacher: naming a new one closes the one in course, whoever opened it.
      await tx
        .update(actionSteps)
        .set({ status: "closed", closedAt: now })
        .where(and(eq(actionSteps.teacherId, subject.teacherId), eq(actionSteps.status, "open")));
      stepId = newId();
      await tx.insert(actionSteps).values({
        id: stepId,
        organizationId: subject.organizationId,
        schoolId: subject.schoolId,
        teacherId: subject.teacherId,
        catalogueStepId: catalogueStep?.id ?? null,
        category: (catalogueStep?.category as typeof actionSteps.$inferInsert.category) ?? null,
        title: catalogueStep?.title ?? values.stepTitle,
        mastery: catalogueStep?.mastery ?? null,
        status: "open",
        openedAt: now,
        openedBy: actor.personId,
      });
    }
    await tx.insert(feedbackMeetings).values({
      id: meetingId,
      organizationId: subject.organizationId,
      schoolId: subject.schoolId,
      observationId,
      teacherId: subject.teacherId,
      observerId: actor.personId,
      heldAt,
      praise: values.praise,
      model: values.model,
      gap: values.gap,
      actionStepId: stepId,
      plan: values.plan,
      practiced: values.practiced === "on" || values.practiced === "true",
      practiceNote: values.practiceNote,
      followUpOn,
    });
    const [teacher] = await tx
      .select({
        email: persons.email,
        givenNames: persons.givenNames,
        locale: persons.locale,
        status: persons.status,
      })
      .from(persons)
      .where(eq(persons.id, subject.teacherId));
    const [observer] = await tx
      .select({ givenNames: persons.givenNames, familyNames: persons.familyNames })
      .from(persons)
      .where(eq(persons.id, actor.personId));
    if (teacher && teacher.status !== "disabled") {
      const t = translator(isLocale(teacher.locale) ? teacher.locale : "es-CL");
      await queueEmail(
        {
          to: teacher.email,
          organizationId: subject.organizationId,
          subject: t("email.feedback.subject"),
          text: `${t("email.greeting", { name: teacher.givenNames })}\n\n${t("email.feedback.body", {
            observer: `${observer?.givenNames ?? ""} ${observer?.familyNames ?? ""}`.trim(),
            link: `${config().appUrl}/observaciones/${observationId}`,
          })}\n\n${t("email.signature")}`,
        },
        tx,
      );
    }
    await audit(
      actor,
      {
        action: "observation.meeting",
        subjectType: "observation",
        subjectId: observationId,
        details: { meetingId },
      },
      tx,
    );
  });
  return meetingId;
}

/** The teacher says they read the feedback. Idempotent. */
export async function acknowledgeFeedback(
  actor: Actor,
  observationId: string,
  now = new Date(),
): Promise<void> {
  await authorizedObservation(actor, "respond", observationId);
  await db().transaction(async (tx) => {
    const updated = await tx
      .update(feedbackMeetings)
      .set({ acknowledgedAt: now })
      .where(and(eq(feedbackMeetings.observationId, observationId), isNull(feedbackMeetings.acknowledgedAt)))
      .returning({ id: feedbackMeetings.id });
    if (updated.length > 0) {
      await audit(
        actor,
        { action: "observation.acknowledge", subjectType: "observation", subjectId: observationId },
        tx,
      );
    }
  });
}

const reflectionInput = z.object({
  reflection: requiredText(TEXT_MAX, "observation.errors.reflection_required"),
  private: optionalText(10),
});

/** The teacher's reflection (written or rewritten); a private one is read by the teacher alone. */
export async function saveReflection(
  actor: Actor,
  observationId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const subject = await authorizedObservation(actor, "respond", observationId);
  const values = parseInput(reflectionInput, input);
  const isPrivate = values.private === "on" || values.private === "true";
  await db().transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: feedbackMeetings.id, acknowledgedAt: feedbackMeetings.acknowledgedAt })
      .from(feedbackMeetings)
      .where(eq(feedbackMeetings.observationId, observationId));
    if (!meeting) throw new NotFoundError();
    const now = new Date();
    await tx
      .insert(reflections)
      .values({
        meetingId: meeting.id,
        teacherId: subject.teacherId,
        body: values.reflection,
        private: isPrivate,
      })
      .onConflictDoUpdate({
        target: reflections.meetingId,
        set: { body: values.reflection, private: isPrivate, updatedAt: now },
      });
    // Writing a reflection is also reading the feedback.
    if (!meeting.acknowledgedAt) {
      await tx
        .update(feedbackMeetings)
        .set({ acknowledgedAt: now })
        .where(eq(feedbackMeetings.id, meeting.id));
    }
    await audit(
      actor,
      {
        action: "observation.reflect",
        subjectType: "observation",
        subjectId: observationId,
        details: { private: isPrivate },
      },
      tx,
    );
  });
}
