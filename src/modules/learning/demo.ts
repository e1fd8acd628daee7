// The demo's learning content (npm start): an open workshop with two live sessions planned in
// Santiago a few weeks ahead, facilitated by the demo facilitator, in the public catalogue.
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { localParts, resolveLocalTime } from "../../platform/time";
import { cohorts, courseFacilitators, courses, liveSessions } from "./schema";

const DAY = 86_400_000;

export async function seedDemoLearning(
  tx: DbOrTx,
  {
    organizationId,
    coordinatorId,
    facilitatorId,
    now = new Date(),
  }: {
    organizationId: string;
    coordinatorId: string;
    facilitatorId: string;
    now?: Date;
  },
): Promise<void> {
  const courseId = newId();
  await tx.insert(courses).values({
    id: courseId,
    organizationId,
    kind: "workshop",
    title: "Retroalimentación que mejora la clase",
    slug: "retroalimentacion-que-mejora-la-clase",
    summary:
      "Dos sesiones en vivo para practicar una retroalimentación breve, precisa y con un paso de acción.",
    description:
      "Un taller abierto para docentes y equipos directivos.\n\nEn la primera sesión vemos ejemplos de retroalimentación precisa; en la segunda practicamos con videos de clases y acordamos un paso de acción.",
    hours: 4,
    topic: "Retroalimentación",
    level: "introductory",
    modality: "online",
    createdBy: coordinatorId,
  });
  await tx.insert(courseFacilitators).values({ courseId, personId: facilitatorId, organizationId });
  const cohortId = newId();
  const day = (offset: number) => localParts(new Date(now.getTime() + offset * DAY), "America/Santiago").date;
  await tx.insert(cohorts).values({
    id: cohortId,
    organizationId,
    courseId,
    name: "Primera versión",
    startsOn: day(21),
    endsOn: day(28),
    capacity: 40,
    status: "published",
  });
  for (const [offset, title] of [
    [21, "Sesión 1: qué hace precisa una retroalimentación"],
    [28, "Sesión 2: práctica con videos de clases"],
  ] as const) {
    const at = resolveLocalTime(day(offset), "18:00", "America/Santiago");
    if (at.kind !== "ok") continue; // 18:00 never falls in a clock change
    await tx.insert(liveSessions).values({
      id: newId(),
      organizationId,
      cohortId,
      title,
      startsAt: at.instant,
      plannedTimeZone: "America/Santiago",
      durationMinutes: 90,
      meetingUrl: "https://meet.example.org/impulso-demo",
    });
  }
}
