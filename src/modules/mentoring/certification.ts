// Certification (issue #18): when every requirement of a candidacy is met, a coordinator certifies the
// candidate. In one transaction the candidacy is marked certified and a mentor certificate is issued
// through the learning module (code, revocation list index, download link emailed to the new mentor,
// PDF with QR and Open Badges credential as for a course certificate). An incomplete track and a second
// certification are refused with a message. Revoking the certificate is learning's `revokeCertificate`.
import { eq, sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/policy";
import { issueMentorCertificate } from "../learning";
import { mentorCandidacies } from "./schema";
import { candidacyOf, isComplete, organizationToday, progressOf, trackForCertification } from "./track";

/** Certifies a candidacy whose every requirement is met; returns the mentor certificate's code. */
export async function certifyCandidacy(
  actor: Actor,
  candidacyId: string,
  now = new Date(),
): Promise<{ certificateId: string; code: string }> {
  const candidacy = await candidacyOf(actor, candidacyId);
  authorize(actor, "manage", "mentor_track", candidacy);
  return db().transaction(async (tx) => {
    // the candidacy's row is the lock: two coordinators certifying at once issue one certificate
    const [locked] = await rowsOf<{ certified_at: Date | string | null; withdrawn_at: Date | string | null }>(
      tx,
      sql`SELECT certified_at, withdrawn_at FROM mentor_candidacies WHERE id = ${candidacy.id} FOR UPDATE`,
    );
    if (!locked) throw new NotFoundError();
    if (locked.certified_at) throw new DomainError("mentoringTrack.errors.already_certified");
    if (locked.withdrawn_at) throw new DomainError("mentoringTrack.errors.withdrawn");
    if (!isComplete(await progressOf(tx, [candidacy.id])))
      throw new DomainError("mentoringTrack.errors.incomplete");
    const track = await trackForCertification(tx, candidacy.trackId);
    if (!track) throw new NotFoundError();
    const today = organizationToday(now);
    const issued = await issueMentorCertificate(
      tx,
      {
        organizationId: candidacy.organizationId,
        personId: candidacy.personId,
        title: track.title,
        hours: track.hours,
        startsOn: candidacy.startedOn <= today ? candidacy.startedOn : today,
        endsOn: today,
        signerName: track.signerName,
        signerTitle: track.signerTitle,
        issuedBy: actor.personId,
      },
      now,
    );
    await tx
      .update(mentorCandidacies)
      .set({ certifiedAt: now, certifiedBy: actor.personId, certificateId: issued.id })
      .where(eq(mentorCandidacies.id, candidacy.id));
    await audit(
      actor,
      {
        action: "mentoring.certified",
        subjectType: "mentor_candidacy",
        subjectId: candidacy.id,
        details: { certificateId: issued.id },
      },
      tx,
    );
    return { certificateId: issued.id, code: issued.code };
  });
}
