// Demo data of mentor pairings and sessions (issue #18): the demo mentor paired with the teachers of
// Los Aromos she observes (since four months ago; the end-to-end specs have her visit Tomás Vidal), three sessions with the demo teacher (the last one
// with a next date ahead, and the teacher's comment), and one with another mentee.
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { organizationToday } from "../people/actor";
import { mentoringSessionComments, mentoringSessions, mentorPairings } from "./schema";

const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoMentoring(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    schoolId: string;
    mentorId: string;
    coordinatorId: string;
    /** the demo teacher, who gets the sessions */
    teacherId: string;
    /** the mentor's other mentees */
    menteeIds: string[];
  },
) {
  const today = organizationToday();
  const startsOn = plus(today, -120);
  const pairingOf = new Map<string, string>();
  for (const teacherId of [ids.teacherId, ...ids.menteeIds]) {
    const id = newId();
    pairingOf.set(teacherId, id);
    await tx.insert(mentorPairings).values({
      id,
      organizationId: ids.organizationId,
      mentorId: ids.mentorId,
      teacherId,
      schoolId: ids.schoolId,
      startsOn,
      endsOn: plus(today, 240),
      createdBy: ids.coordinatorId,
    });
  }
  const session = async (
    teacherId: string,
    daysAgo: number,
    values: Partial<typeof mentoringSessions.$inferInsert>,
  ) => {
    const id = newId();
    await tx.insert(mentoringSessions).values({
      id,
      organizationId: ids.organizationId,
      pairingId: pairingOf.get(teacherId) as string,
      heldOn: plus(today, -daysAgo),
      focus: "",
      createdBy: ids.mentorId,
      ...values,
    });
    return id;
  };
  await session(ids.teacherId, 60, {
    focus: "Rutinas de entrada a la sala",
    agreements: "Recibir al curso en la puerta y tener la actividad de inicio escrita en la pizarra.",
    nextStep: "Probar la rutina durante dos semanas en 5° básico.",
  });
  await session(ids.teacherId, 30, {
    focus: "Instrucciones en tres pasos",
    agreements: "Escribir qué, cómo y en cuánto tiempo antes de cada actividad.",
    nextStep: "Grabar una clase para revisarla juntas.",
  });
  const last = await session(ids.teacherId, 4, {
    focus: "Revisión de la clase grabada",
    agreements:
      "La instrucción escrita funcionó: 25 de 30 estudiantes empezaron al minuto. Falta revisar el cierre.",
    nextStep: "Planificar un cierre con tres preguntas de salida.",
    nextOn: plus(today, 10),
  });
  await tx.insert(mentoringSessionComments).values({
    id: newId(),
    sessionId: last,
    authorId: ids.teacherId,
    body: "Gracias, Andrea. El jueves pruebo las preguntas de salida en 5° B y te cuento.",
  });
  if (ids.menteeIds[0])
    await session(ids.menteeIds[0], 14, {
      focus: "Preguntas abiertas",
      agreements: "Esperar tres segundos antes de dar la palabra.",
      nextStep: "Observar juntas una clase de un colega.",
      nextOn: plus(today, 6),
    });
}
