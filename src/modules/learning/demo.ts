// The demo's learning content (npm start): an open workshop with two live sessions planned in
// Santiago a few weeks ahead, facilitated by the demo facilitator, in the public catalogue; and an
// earlier version of it, finished, with its attendance taken and the certificates of those who met
// the rule (the demo teacher among them: her home page lists hers, and its verification page opens).
import { randomInt } from "node:crypto";
import { newToken } from "../../platform/auth/tokens";
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { localParts, resolveLocalTime } from "../../platform/time";
import { newCertificateCode, STATUS_LIST_SIZE } from "./certificates";
import { scheduleSessionReminders } from "./reminders";
import {
  certificates,
  cohorts,
  courseFacilitators,
  courses,
  liveSessions,
  registrations,
  sessionAttendance,
} from "./schema";

const DAY = 86_400_000;

export async function seedDemoLearning(
  tx: DbOrTx,
  {
    organizationId,
    coordinatorId,
    facilitatorId,
    teacher,
    now = new Date(),
  }: {
    organizationId: string;
    coordinatorId: string;
    facilitatorId: string;
    /** the demo teacher, who took the earlier version */
    teacher: { id: string; email: string };
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
    const id = newId();
    await tx.insert(liveSessions).values({
      id,
      organizationId,
      cohortId,
      title,
      startsAt: at.instant,
      plannedTimeZone: "America/Santiago",
      durationMinutes: 90,
      meetingUrl: "https://meet.example.org/impulso-demo",
    });
    await scheduleSessionReminders(tx, { id, startsAt: at.instant }, now);
  }

  await seedFinishedVersion(tx, { organizationId, courseId, facilitatorId, coordinatorId, teacher, day });
}

/** The earlier version: three sessions held, attendance taken, certificates for those who met 75 %. */
async function seedFinishedVersion(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    courseId: string;
    facilitatorId: string;
    coordinatorId: string;
    teacher: { id: string; email: string };
    day: (offset: number) => string;
  },
) {
  const { organizationId, day } = ids;
  const cohortId = newId();
  await tx.insert(cohorts).values({
    id: cohortId,
    organizationId,
    courseId: ids.courseId,
    name: "Versión anterior",
    startsOn: day(-60),
    endsOn: day(-46),
    capacity: 40,
    status: "published",
    lastPosition: 6,
  });
  const sessionIds: string[] = [];
  for (const offset of [-60, -53, -46]) {
    const at = resolveLocalTime(day(offset), "18:00", "America/Santiago");
    if (at.kind !== "ok") continue;
    const id = newId();
    sessionIds.push(id);
    await tx.insert(liveSessions).values({
      id,
      organizationId,
      cohortId,
      title: `Sesión ${sessionIds.length}`,
      startsAt: at.instant,
      plannedTimeZone: "America/Santiago",
      durationMinutes: 90,
    });
  }
  const people = [
    {
      name: "Daniela Soto Vergara",
      email: ids.teacher.email,
      personId: ids.teacher.id,
      country: "CL",
      attended: 3,
    },
    {
      name: "Rosa Elena Quispe",
      email: "rosa.quispe@example.pe",
      personId: null,
      country: "PE",
      attended: 3,
    },
    {
      name: "María José Hernández",
      email: "mjhernandez@example.mx",
      personId: null,
      country: "MX",
      attended: 2,
    },
    { name: "Juan Pablo Soto Rivas", email: "jpsoto@example.cl", personId: null, country: "CL", attended: 3 },
    { name: "Camila Torres Leiva", email: "ctorres@example.cl", personId: null, country: "CL", attended: 1 },
    { name: "Lucía Fernández", email: "lfernandez@example.uy", personId: null, country: "UY", attended: 3 },
  ];
  for (const [i, p] of people.entries()) {
    const registrationId = newId();
    await tx.insert(registrations).values({
      id: registrationId,
      organizationId,
      cohortId,
      personId: p.personId,
      fullName: p.name,
      email: p.email,
      country: p.country,
      role: "teacher",
      status: "confirmed",
      position: i + 1,
      cancelTokenHash: newToken().hash,
      confirmedAt: new Date(),
    });
    await tx.insert(sessionAttendance).values(
      sessionIds.map((sessionId, s) => ({
        sessionId,
        registrationId,
        organizationId,
        present: s < p.attended,
        source: "list" as const,
        recordedBy: ids.facilitatorId,
      })),
    );
    if (p.attended * 100 >= 75 * sessionIds.length)
      await tx.insert(certificates).values({
        id: newId(),
        organizationId,
        registrationId,
        cohortId,
        code: newCertificateCode(),
        holderName: p.name,
        courseTitle: "Retroalimentación que mejora la clase",
        hours: 4,
        startsOn: day(-60),
        endsOn: day(-46),
        signerName: "Carolina Méndez Araya",
        signerTitle: "Dirección de Formación",
        statusIndex: randomInt(0, STATUS_LIST_SIZE),
        downloadTokenHash: newToken().hash,
        issuedAt: new Date(),
        issuedBy: ids.coordinatorId,
      });
  }
}
