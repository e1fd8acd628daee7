// Mentor pairings and mentoring sessions' personal data (see platform/personal-data.ts): the person's
// pairings as a mentor and as a mentee, the sessions of those pairings, and the comments they wrote.
// Anonymizing a mentee deletes their pairings and those pairings' sessions with their comments (a log
// about them); anonymizing a mentor keeps their pairings and the sessions they logged (the mentee's
// record), which point at their row, naming nobody once anonymized; the comments the person wrote on
// someone else's sessions become the marker. The coordinators who created or ended a pairing stay as
// the organization's record (their row names nobody once anonymized).
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { mentoringSessionComments, mentoringSessions, mentorPairings } from "./schema";

registerPersonalData({
  name: "mentoring",
  order: 71,
  tables: [mentorPairings, mentoringSessions, mentoringSessionComments],

  async exportFor(db, person, context) {
    const pairings = await db
      .select()
      .from(mentorPairings)
      .where(sql`${mentorPairings.mentorId} = ${person.id} OR ${mentorPairings.teacherId} = ${person.id}`)
      .orderBy(asc(mentorPairings.startsOn), asc(mentorPairings.id));
    const ids = pairings.map((p) => p.id);
    const sessions = ids.length
      ? await db
          .select()
          .from(mentoringSessions)
          .where(inArray(mentoringSessions.pairingId, ids))
          .orderBy(asc(mentoringSessions.heldOn), asc(mentoringSessions.createdAt))
      : [];
    const comments = await db
      .select({
        sessionId: mentoringSessionComments.sessionId,
        body: mentoringSessionComments.body,
        createdAt: mentoringSessionComments.createdAt,
      })
      .from(mentoringSessionComments)
      .where(eq(mentoringSessionComments.authorId, person.id))
      .orderBy(asc(mentoringSessionComments.createdAt));
    const names = await context.personNames(pairings.flatMap((p) => [p.mentorId, p.teacherId]));
    const schoolNames = await context.schoolNames();
    return {
      json: {
        mentorPairings: pairings.map((p) => ({
          as: p.mentorId === person.id ? "mentor" : "mentee",
          mentor: names(p.mentorId),
          mentee: names(p.teacherId),
          school: schoolNames(p.schoolId),
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          endedAt: iso(p.endedAt),
          sessions: sessions
            .filter((s) => s.pairingId === p.id)
            .map((s) => ({
              heldOn: s.heldOn,
              focus: s.focus,
              agreements: s.agreements,
              nextStep: s.nextStep,
              nextOn: s.nextOn,
            })),
        })),
        mentoringSessionComments: comments.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
      },
    };
  },

  async anonymize(tx, person, context) {
    const asMentee = await tx
      .select({ id: mentorPairings.id })
      .from(mentorPairings)
      .where(eq(mentorPairings.teacherId, person.id));
    const ids = asMentee.map((p) => p.id);
    if (ids.length) {
      // comments go with their session (ON DELETE CASCADE)
      await tx.delete(mentoringSessions).where(inArray(mentoringSessions.pairingId, ids));
      await tx.delete(mentorPairings).where(inArray(mentorPairings.id, ids));
    }
    await tx
      .update(mentoringSessionComments)
      .set({ body: context.marker })
      .where(
        and(
          eq(mentoringSessionComments.authorId, person.id),
          ne(mentoringSessionComments.body, context.marker),
        ),
      );
  },
});
