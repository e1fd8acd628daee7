// The mentor certification track's personal data (see platform/personal-data.ts): a person's
// candidacies (track, dates, interview, certification), the reviews of their feedback meetings they
// received and those they wrote, and the tracks they created. Anonymizing deletes their candidacies and
// the reviews they received (about them); the reviews they wrote stay with the observer who received
// them, their feedback replaced by the marker (it is the reviewer's text); the tracks they created and
// the interviews, supervisions and certifications they recorded keep pointing at their row, which
// names nobody once anonymized. A mentor certificate itself is learning's (its hook).
import { asc, eq, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { feedbackReviews, mentorCandidacies, mentorTracks } from "./schema";

registerPersonalData({
  name: "mentoring_track",
  order: 72,
  tables: [mentorCandidacies, feedbackReviews],
  untouched: [
    {
      table: mentorTracks,
      reason:
        "created_by is the coordinator who configured a track: the organization's record, no text of the person's; it points at their row, which names nobody once anonymized",
    },
  ],

  async exportFor(db, person, context) {
    const candidacies = await db
      .select({
        track: mentorTracks.title,
        startedOn: mentorCandidacies.startedOn,
        supervisorId: mentorCandidacies.supervisorId,
        interviewOn: mentorCandidacies.interviewOn,
        interviewNotes: mentorCandidacies.interviewNotes,
        certifiedAt: mentorCandidacies.certifiedAt,
        withdrawnAt: mentorCandidacies.withdrawnAt,
      })
      .from(mentorCandidacies)
      .innerJoin(mentorTracks, eq(mentorTracks.id, mentorCandidacies.trackId))
      .where(eq(mentorCandidacies.personId, person.id))
      .orderBy(asc(mentorCandidacies.startedOn));
    const received = await db
      .select()
      .from(feedbackReviews)
      .where(eq(feedbackReviews.observerId, person.id))
      .orderBy(asc(feedbackReviews.createdAt));
    const written = await db
      .select()
      .from(feedbackReviews)
      .where(eq(feedbackReviews.reviewerId, person.id))
      .orderBy(asc(feedbackReviews.createdAt));
    const supervised = await db
      .select({ track: mentorTracks.title, personId: mentorCandidacies.personId })
      .from(mentorCandidacies)
      .innerJoin(mentorTracks, eq(mentorTracks.id, mentorCandidacies.trackId))
      .where(eq(mentorCandidacies.supervisorId, person.id));
    const names = await context.personNames([
      ...candidacies.map((c) => c.supervisorId),
      ...received.map((r) => r.reviewerId),
      ...written.map((r) => r.observerId),
      ...supervised.map((s) => s.personId),
    ]);
    const review = (r: (typeof received)[number]) => ({
      meetingId: r.meetingId,
      precisePraise: r.precisePraise,
      oneActionStep: r.oneActionStep,
      practiced: r.practiced,
      followUpSet: r.followUpSet,
      feedback: r.feedback,
      createdAt: iso(r.createdAt),
      readAt: iso(r.readAt),
    });
    return {
      json: {
        mentorCandidacies: candidacies.map((c) => ({
          track: c.track,
          startedOn: c.startedOn,
          supervisor: names(c.supervisorId),
          interviewOn: c.interviewOn,
          interviewNotes: c.interviewNotes,
          certifiedAt: iso(c.certifiedAt),
          withdrawnAt: iso(c.withdrawnAt),
        })),
        feedbackReviewsReceived: received.map((r) => ({ reviewer: names(r.reviewerId), ...review(r) })),
        feedbackReviewsWritten: written.map((r) => ({ observer: names(r.observerId), ...review(r) })),
        mentorCandidaciesSupervised: supervised.map((s) => ({
          track: s.track,
          candidate: names(s.personId),
        })),
      },
    };
  },

  async anonymize(tx, person, context) {
    await tx.delete(feedbackReviews).where(eq(feedbackReviews.observerId, person.id));
    await tx
      .update(feedbackReviews)
      .set({ feedback: context.marker })
      .where(eq(feedbackReviews.reviewerId, person.id));
    // a supervision ends with the person; their candidacies (about them) go
    await tx
      .update(mentorCandidacies)
      .set({ supervisorId: null })
      .where(eq(mentorCandidacies.supervisorId, person.id));
    await tx.execute(sql`DELETE FROM mentor_candidacies WHERE person_id = ${person.id}`);
  },
});
