// The demo's mentor certification track (issue #18): "Diplomado de mentoría" with its requirements;
// the demo mentor (Andrea Moreno) has met every one of them (meetings recorded and reviewed by the
// coordinator, the final interview) and waits for certification, which journey 9 does; the director of
// Los Aromos is on the track with part of it done.
import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { feedbackReviews, mentorCandidacies, mentorTrackRequirements, mentorTracks } from "./schema";

export async function seedDemoMentorTrack(
  tx: DbOrTx,
  demo: { organizationId: string; coordinatorId: string; completeId: string; inProgressId: string },
): Promise<{ trackId: string; completeCandidacyId: string }> {
  const trackId = newId();
  await tx.insert(mentorTracks).values({
    id: trackId,
    organizationId: demo.organizationId,
    title: "Diplomado de mentoría",
    description:
      "Certificación de mentores de la fundación: reuniones de retroalimentación registradas y revisadas con la pauta de calidad, y una entrevista final.",
    hours: 120,
    signerName: "Carolina Henríquez Lagos",
    signerTitle: "Coordinadora de formación",
    createdBy: demo.coordinatorId,
  });
  const requirements = [
    { kind: "meetings_recorded" as const, count: 4 },
    { kind: "meetings_reviewed" as const, count: 2 },
    { kind: "final_interview" as const, count: null },
  ];
  await tx
    .insert(mentorTrackRequirements)
    .values(
      requirements.map((r, i) => ({ id: newId(), trackId, position: i + 1, kind: r.kind, count: r.count })),
    );
  const startedOn = "2025-01-01";
  const completeCandidacyId = newId();
  await tx.insert(mentorCandidacies).values([
    {
      id: completeCandidacyId,
      organizationId: demo.organizationId,
      trackId,
      personId: demo.completeId,
      startedOn,
      interviewOn: "2026-11-20",
      interviewBy: demo.coordinatorId,
      interviewNotes: "Conduce reuniones breves y precisas; practica el paso con la docente en la reunión.",
      createdBy: demo.coordinatorId,
    },
    {
      id: newId(),
      organizationId: demo.organizationId,
      trackId,
      personId: demo.inProgressId,
      startedOn: "2026-10-01",
      createdBy: demo.coordinatorId,
    },
  ]);
  // the coordinator reviewed two of the mentor's meetings and one of the director's
  const reviewed = async (observerId: string, n: number) =>
    rowsOf<{ id: string }>(
      tx,
      sql`SELECT id FROM feedback_meetings WHERE observer_id = ${observerId} AND organization_id = ${demo.organizationId}
        AND held_at >= ${startedOn}::timestamp AT TIME ZONE 'UTC'
        ORDER BY held_at DESC, id LIMIT ${n}`,
    );
  const reviews = [
    ...(await reviewed(demo.completeId, 2)).map((m, i) => ({
      meetingId: m.id,
      observerId: demo.completeId,
      i,
    })),
    ...(await reviewed(demo.inProgressId, 1)).map((m, i) => ({
      meetingId: m.id,
      observerId: demo.inProgressId,
      i,
    })),
  ];
  if (reviews.length)
    await tx.insert(feedbackReviews).values(
      reviews.map((r) => ({
        id: newId(),
        organizationId: demo.organizationId,
        meetingId: r.meetingId,
        observerId: r.observerId,
        reviewerId: demo.coordinatorId,
        precisePraise: true,
        oneActionStep: true,
        practiced: r.i === 0,
        followUpSet: true,
        feedback:
          r.i === 0
            ? "El elogio nombra exactamente lo que hizo la docente y el paso es uno solo, observable. La práctica en la reunión fue clave."
            : "Buen paso de acción; la próxima vez, practique el paso con la docente antes de cerrar la reunión.",
        readAt: r.i === 0 ? new Date() : null,
      })),
    );
  return { trackId, completeCandidacyId };
}
