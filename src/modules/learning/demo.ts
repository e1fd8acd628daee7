// The demo's learning content (npm start): an open workshop with two live sessions planned in
// Santiago a few weeks ahead, facilitated by the demo facilitator, in the public catalogue; and an
// earlier version of it, finished, with its attendance taken and the certificates of those who met
// the rule (the demo teacher among them: her home page lists hers, and its verification page opens).
// The workshop has lessons in two modules; those who finished the earlier version had marked them all.
import { randomInt } from "node:crypto";
import { newToken } from "../../platform/auth/tokens";
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { localParts, resolveLocalTime } from "../../platform/time";
import { discussionFollows, discussionPosts, discussionThreads } from "../discussions/schema";
import { newCertificateCode, STATUS_LIST_SIZE } from "./certificates";
import { scheduleSessionReminders } from "./reminders";
import {
  activityRequirementPeriods,
  activitySubmissions,
  certificates,
  cohorts,
  courseActivities,
  courseFacilitators,
  courseModules,
  courses,
  lessonCompletions,
  lessons,
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

  const { lessonIds, reflectionId } = await seedLessons(tx, { organizationId, courseId });
  await seedFinishedVersion(tx, {
    organizationId,
    courseId,
    facilitatorId,
    coordinatorId,
    teacher,
    day,
    lessonIds,
    reflectionId,
  });
}

/** The workshop's content: two modules of lessons, one with a video link. */
async function seedLessons(tx: DbOrTx, ids: { organizationId: string; courseId: string }) {
  const content = [
    {
      title: "Antes de la primera sesión",
      lessons: [
        {
          title: "Qué hace precisa una retroalimentación",
          body: "Una retroalimentación **precisa** nombra lo que se vio en la clase, lo conecta con un criterio y termina en **un** paso de acción.\n\n## Para leer\n\n- Elija una clase que haya observado este mes.\n- Escriba, en dos frases, lo que vio y por qué importa.\n- Anote un paso que la docente pueda probar mañana.\n\n> Menos es más: un solo paso, bien elegido.",
          videoUrl: "",
        },
        {
          title: "Ejemplos breves",
          body: "Mire el video y anote **qué dice** la directiva y **qué acuerdan**. Lo comentamos en la primera sesión.",
          videoUrl: "https://video.example.org/retroalimentacion-ejemplos",
        },
      ],
    },
    {
      title: "Práctica",
      lessons: [
        {
          title: "Acordar un paso de acción",
          body: "Un paso de acción se puede **practicar** en la reunión y **observar** en la próxima clase.\n\n1. Modele el paso.\n2. Pida a la docente que lo practique.\n3. Acuerden cuándo volverá a observarlo.",
          videoUrl: "",
        },
      ],
    },
  ];
  const lessonIds: string[] = [];
  const moduleIds: string[] = [];
  for (const [m, module] of content.entries()) {
    const moduleId = newId();
    await tx.insert(courseModules).values({
      id: moduleId,
      organizationId: ids.organizationId,
      courseId: ids.courseId,
      title: module.title,
      position: m + 1,
    });
    moduleIds.push(moduleId);
    for (const [l, lesson] of module.lessons.entries()) {
      const id = newId();
      lessonIds.push(id);
      await tx.insert(lessons).values({
        id,
        organizationId: ids.organizationId,
        courseId: ids.courseId,
        moduleId,
        position: l + 1,
        ...lesson,
      });
    }
  }
  // the practice module ends with a required reflection and a short quiz (not required)
  const reflectionId = newId();
  await tx.insert(courseActivities).values([
    {
      id: reflectionId,
      organizationId: ids.organizationId,
      courseId: ids.courseId,
      moduleId: moduleIds[1] as string,
      kind: "reflection",
      title: "Mi paso de acción",
      instructions:
        "Cuente una retroalimentación que dio esta semana: **qué vio**, qué criterio usó y **qué paso** acordaron.",
      required: true,
      position: 1,
    },
    {
      id: newId(),
      organizationId: ids.organizationId,
      courseId: ids.courseId,
      moduleId: moduleIds[1] as string,
      kind: "quiz",
      title: "Repaso breve",
      instructions: "Dos preguntas para repasar antes de la segunda sesión.",
      required: false,
      questions: [
        {
          prompt: "¿Qué hace precisa una retroalimentación?",
          options: [
            "Nombra lo observado y termina en un paso",
            "Es larga y cubre todo",
            "Evita los criterios",
          ],
          correct: 0,
        },
        {
          prompt: "¿Cuántos pasos de acción se acuerdan por reunión?",
          options: ["Uno", "Tres o más"],
          correct: 0,
        },
      ],
      passPercent: 50,
      position: 2,
    },
  ]);
  // the reflection counts since before the finished version began (its rule takes it too)
  await tx.insert(activityRequirementPeriods).values({
    activityId: reflectionId,
    organizationId: ids.organizationId,
    startedAt: new Date(Date.now() - 90 * 86_400_000),
  });
  return { lessonIds, reflectionId };
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
    /** the course's lessons: those who finished the version had marked them all */
    lessonIds: string[];
    /** its required reflection: theirs was accepted */
    reflectionId: string;
  },
) {
  const { organizationId, day } = ids;
  const cohortId = newId();
  const finishedCohortId = cohortId;
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
    if (p.attended * 100 >= 75 * sessionIds.length) {
      await tx
        .insert(lessonCompletions)
        .values(ids.lessonIds.map((lessonId) => ({ registrationId, lessonId, organizationId })));
      await tx.insert(activitySubmissions).values({
        id: newId(),
        organizationId,
        activityId: ids.reflectionId,
        registrationId,
        body: "Observé que la docente esperaba las respuestas; acordamos hacer una pregunta abierta más por clase.",
        status: "accepted",
        reviewedBy: ids.facilitatorId,
        reviewedAt: new Date(),
      });
    }
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
  // the version's discussion: a question of the demo teacher and the facilitator's answer
  const threadId = newId();
  const opened = new Date(`${day(-55)}T22:00:00Z`);
  const answered = new Date(`${day(-54)}T13:30:00Z`);
  await tx.insert(discussionThreads).values({
    id: threadId,
    organizationId,
    spaceKind: "cohort",
    spaceId: finishedCohortId,
    authorId: ids.teacher.id,
    title: "¿Un solo paso de acción aunque vea varias cosas?",
    createdAt: opened,
    lastPostAt: answered,
  });
  await tx.insert(discussionPosts).values([
    {
      id: newId(),
      organizationId,
      threadId,
      authorId: ids.teacher.id,
      body: "En mi última observación vi tres cosas para mejorar. ¿Elijo solo una para la reunión?",
      createdAt: opened,
    },
    {
      id: newId(),
      organizationId,
      threadId,
      authorId: ids.facilitatorId,
      body: "Sí: la de mayor efecto en el aprendizaje y que se pueda practicar en la reunión. Las otras esperan a la próxima visita.",
      createdAt: answered,
    },
  ]);
  await tx.insert(discussionFollows).values({
    threadId,
    personId: ids.teacher.id,
    organizationId,
    mode: "digest",
    lastReadAt: answered,
    digestedAt: answered,
  });
}
