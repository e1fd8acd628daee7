// Coaching the coach (issue #18): a coordinator advising a meeting's school, or the supervisor of an
// open candidacy of its observer, reviews a feedback meeting with the feedback-quality checklist
// (precise praise, one action step, practice happened in the meeting, follow-up set) and writes
// feedback; the observer reads it and marks it read. A meeting's review counts toward its observer's
// track (track.ts `progressOf`). What a reviewer reads of the meeting is its record only: praise, the
// action step, the plan, the practice and the follow-up, never the rest of the teacher's file.
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { db, rowsOf, uuidArray } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can, isCoordinator } from "../../platform/policy";
import { asText, parseInput, requiredText } from "../../platform/validation";
import { feedbackReviews } from "./schema";
import type { MeetingReviewSubject } from "./track-policy";

interface MeetingRecord {
  id: string;
  organization_id: string;
  school_id: string;
  observer_id: string;
  observer: string;
  school: string;
  held_at: Date | string;
  praise: string;
  step: string;
  plan: string;
  practiced: boolean;
  practice_note: string;
  follow_up_on: string | null;
  supervisor_ids: string[] | null;
}

/** The meeting's record as a reviewer reads it, with the supervisors of its observer's open candidacies. */
async function meetingOf(actor: Actor, meetingId: string) {
  if (!isUuid(meetingId)) throw new NotFoundError();
  const [m] = await rowsOf<MeetingRecord>(
    db(),
    sql`
    SELECT m.id, m.organization_id, m.school_id, m.observer_id,
      o.given_names || ' ' || o.family_names AS observer, s.name AS school, m.held_at, m.praise,
      a.title AS step, m.plan, m.practiced, m.practice_note, m.follow_up_on::text AS follow_up_on,
      (SELECT array_agg(c.supervisor_id) FROM mentor_candidacies c
        WHERE c.person_id = m.observer_id AND c.supervisor_id IS NOT NULL
          AND c.certified_at IS NULL AND c.withdrawn_at IS NULL) AS supervisor_ids
    FROM feedback_meetings m JOIN persons o ON o.id = m.observer_id JOIN schools s ON s.id = m.school_id
      JOIN action_steps a ON a.id = m.action_step_id
    WHERE m.id = ${meetingId} AND m.organization_id = ${actor.organizationId}`,
  );
  if (!m) throw new NotFoundError();
  const subject: MeetingReviewSubject = {
    organizationId: m.organization_id,
    schoolId: m.school_id,
    observerId: m.observer_id,
    supervisorIds: m.supervisor_ids ?? [],
  };
  return { m, subject };
}

const shapeMeeting = (m: MeetingRecord) => ({
  id: m.id,
  observer: m.observer,
  school: m.school,
  heldAt: new Date(m.held_at),
  praise: m.praise,
  step: m.step,
  plan: m.plan,
  practiced: m.practiced,
  practiceNote: m.practice_note,
  followUpOn: m.follow_up_on,
});

/** The review form's page: the meeting's record, and the actor's review of it if they wrote one. */
export async function reviewForm(actor: Actor, meetingId: string) {
  const { m, subject } = await meetingOf(actor, meetingId);
  authorize(actor, "review", "feedback_meeting", subject);
  const [mine] = await db()
    .select({ id: feedbackReviews.id })
    .from(feedbackReviews)
    .where(and(eq(feedbackReviews.meetingId, m.id), eq(feedbackReviews.reviewerId, actor.personId)));
  return { meeting: shapeMeeting(m), reviewId: mine?.id ?? null };
}

const checked = z.preprocess((v) => {
  const s = asText(v);
  return s === "on" || s === "true" || s === "1" || v === true;
}, z.boolean());

const reviewInput = z.object({
  precisePraise: checked,
  oneActionStep: checked,
  practiced: checked,
  followUpSet: checked,
  feedback: requiredText(4_000),
});

/** Writes the actor's review of the meeting (once per reviewer) and emails its observer. */
export async function writeReview(
  actor: Actor,
  meetingId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const { m, subject } = await meetingOf(actor, meetingId);
  authorize(actor, "review", "feedback_meeting", subject);
  const data = parseInput(reviewInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(feedbackReviews)
      .values({
        id,
        organizationId: m.organization_id,
        meetingId: m.id,
        observerId: m.observer_id,
        reviewerId: actor.personId,
        ...data,
      })
      .onConflictDoNothing()
      .returning({ id: feedbackReviews.id });
    if (inserted.length === 0) throw new DomainError("mentoringTrack.errors.already_reviewed");
    const [observer] = await rowsOf<{ given_names: string; email: string; locale: string }>(
      tx,
      sql`SELECT given_names, email, locale FROM persons WHERE id = ${m.observer_id} AND status = 'active'`,
    );
    if (observer) {
      const t = translator(isLocale(observer.locale) ? observer.locale : "es-CL");
      await queueEmail(
        {
          to: observer.email,
          organizationId: m.organization_id,
          // the feedback itself stays on its page (the outbox is read by administrators)
          subject: t("mentoringTrack.email.review_subject"),
          text: [
            t("email.greeting", { name: observer.given_names }),
            t("mentoringTrack.email.review_body"),
            t("mentoringTrack.email.review_link", { link: `${config().appUrl}/mentoria/revisiones/${id}` }),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
    await audit(
      actor,
      { action: "mentoring.meeting_reviewed", subjectType: "feedback_review", subjectId: id },
      tx,
    );
  });
  return { id };
}

async function reviewOf(actor: Actor, reviewId: string) {
  if (!isUuid(reviewId)) throw new NotFoundError();
  const [review] = await rowsOf<{
    id: string;
    organization_id: string;
    meeting_id: string;
    school_id: string;
    observer_id: string;
    reviewer_id: string;
    reviewer: string;
    precise_praise: boolean;
    one_action_step: boolean;
    practiced: boolean;
    follow_up_set: boolean;
    feedback: string;
    created_at: Date | string;
    read_at: Date | string | null;
  }>(
    db(),
    sql`SELECT v.id, v.organization_id, v.meeting_id, m.school_id, v.observer_id, v.reviewer_id,
        r.given_names || ' ' || r.family_names AS reviewer, v.precise_praise, v.one_action_step, v.practiced,
        v.follow_up_set, v.feedback, v.created_at, v.read_at
      FROM feedback_reviews v JOIN feedback_meetings m ON m.id = v.meeting_id JOIN persons r ON r.id = v.reviewer_id
      WHERE v.id = ${reviewId} AND v.organization_id = ${actor.organizationId}`,
  );
  if (!review) throw new NotFoundError();
  const subject = {
    organizationId: review.organization_id,
    schoolId: review.school_id,
    observerId: review.observer_id,
    reviewerId: review.reviewer_id,
  };
  return { review, subject };
}

/** A review's page: its checklist, feedback and the meeting's record. */
export async function reviewPage(actor: Actor, reviewId: string) {
  const { review, subject } = await reviewOf(actor, reviewId);
  authorize(actor, "read", "feedback_review", subject);
  const [m] = await rowsOf<MeetingRecord>(
    db(),
    sql`SELECT m.id, m.organization_id, m.school_id, m.observer_id,
        o.given_names || ' ' || o.family_names AS observer, s.name AS school, m.held_at, m.praise,
        a.title AS step, m.plan, m.practiced, m.practice_note, m.follow_up_on::text AS follow_up_on,
        NULL AS supervisor_ids
      FROM feedback_meetings m JOIN persons o ON o.id = m.observer_id JOIN schools s ON s.id = m.school_id
        JOIN action_steps a ON a.id = m.action_step_id
      WHERE m.id = ${review.meeting_id}`,
  );
  if (!m) throw new NotFoundError();
  return {
    review: {
      id: review.id,
      reviewer: review.reviewer,
      checklist: {
        precisePraise: review.precise_praise,
        oneActionStep: review.one_action_step,
        practiced: review.practiced,
        followUpSet: review.follow_up_set,
      },
      feedback: review.feedback,
      createdAt: new Date(review.created_at),
      readAt: review.read_at ? new Date(review.read_at) : null,
    },
    meeting: shapeMeeting(m),
    can: { acknowledge: can(actor, "acknowledge", "feedback_review", subject) && !review.read_at },
  };
}

/** The observer marks a review read (again: nothing changes). */
export async function acknowledgeReview(actor: Actor, reviewId: string, now = new Date()) {
  const { subject } = await reviewOf(actor, reviewId);
  authorize(actor, "acknowledge", "feedback_review", subject);
  await db()
    .update(feedbackReviews)
    .set({ readAt: now })
    .where(and(eq(feedbackReviews.id, reviewId), isNull(feedbackReviews.readAt)));
}

/**
 * /mentoria/revisiones: the meetings the actor may review and has not (those of observers with an open
 * candidacy, held since it started: the ones that count), the reviews they received and those they wrote.
 * Null when there is nothing for them at all (the page is then a 404).
 */
export async function reviewsHome(actor: Actor) {
  const advised = isCoordinator(actor) ? [...actor.advisedSchoolIds] : [];
  const toReview = await rowsOf<{
    id: string;
    observer: string;
    school: string;
    held_at: Date | string;
  }>(
    db(),
    sql`
    SELECT m.id, o.given_names || ' ' || o.family_names AS observer, s.name AS school, m.held_at
    FROM feedback_meetings m JOIN persons o ON o.id = m.observer_id JOIN schools s ON s.id = m.school_id
    WHERE m.organization_id = ${actor.organizationId} AND m.observer_id <> ${actor.personId}
      AND EXISTS (SELECT 1 FROM mentor_candidacies c WHERE c.person_id = m.observer_id
        AND c.organization_id = m.organization_id AND c.certified_at IS NULL AND c.withdrawn_at IS NULL
        AND m.held_at >= c.started_on::timestamp AT TIME ZONE 'UTC'
        AND (c.supervisor_id = ${actor.personId} OR m.school_id = ANY(${uuidArray(advised)})))
      AND NOT EXISTS (SELECT 1 FROM feedback_reviews v WHERE v.meeting_id = m.id AND v.reviewer_id = ${actor.personId})
    ORDER BY m.held_at DESC, m.id
    LIMIT 50`,
  );
  const reviews = await rowsOf<{
    id: string;
    observer_id: string;
    observer: string;
    reviewer: string;
    created_at: Date | string;
    read_at: Date | string | null;
    held_at: Date | string;
  }>(
    db(),
    sql`
    SELECT v.id, v.observer_id, o.given_names || ' ' || o.family_names AS observer,
      r.given_names || ' ' || r.family_names AS reviewer, v.created_at, v.read_at, m.held_at
    FROM feedback_reviews v JOIN feedback_meetings m ON m.id = v.meeting_id
      JOIN persons o ON o.id = v.observer_id JOIN persons r ON r.id = v.reviewer_id
    WHERE v.organization_id = ${actor.organizationId}
      AND (v.observer_id = ${actor.personId} OR v.reviewer_id = ${actor.personId})
    ORDER BY v.created_at DESC, v.id
    LIMIT 200`,
  );
  const reviewer = isCoordinator(actor) && advised.length > 0;
  if (!reviewer && toReview.length === 0 && reviews.length === 0) {
    const [supervises] = await rowsOf<{ id: string }>(
      db(),
      sql`SELECT id FROM mentor_candidacies WHERE supervisor_id = ${actor.personId}
        AND organization_id = ${actor.organizationId} AND certified_at IS NULL AND withdrawn_at IS NULL LIMIT 1`,
    );
    if (!supervises) return null;
  }
  const shape = (r: (typeof reviews)[number]) => ({
    id: r.id,
    observer: r.observer,
    reviewer: r.reviewer,
    createdAt: new Date(r.created_at),
    readAt: r.read_at ? new Date(r.read_at) : null,
    heldAt: new Date(r.held_at),
  });
  return {
    toReview: toReview.map((m) => ({
      id: m.id,
      observer: m.observer,
      school: m.school,
      heldAt: new Date(m.held_at),
    })),
    received: reviews.filter((r) => r.observer_id === actor.personId).map(shape),
    written: reviews.filter((r) => r.observer_id !== actor.personId).map(shape),
  };
}
