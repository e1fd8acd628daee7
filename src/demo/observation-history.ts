// Twelve weeks of observation cycles at the demo school, so that its dashboard, the network dashboard
// and the teachers' timelines show trends on `npm start`: visits every two or three weeks, time on task
// rising, levels moving up, steps mastered and new ones opened, a few meetings late and a few teachers
// overdue. Deterministic: the same demo every time.
import { and, asc, eq } from "drizzle-orm";
import {
  actionSteps,
  catalogueSteps,
  feedbackMeetings,
  instrumentVersions,
  observationLevels,
  observationNotes,
  observationSnapshots,
  observations,
} from "../modules/observation/schema";
import type { DbOrTx } from "../platform/db/client";
import { newId } from "../platform/ids";

const DAY = 86_400_000;
const SCORED = ["b5.1", "b5.2", "b6.1", "c7.1", "c8.1", "c9.1"];
const COURSES = ["1° básico A", "3° básico B", "5° básico A", "7° básico B", "8° básico A"];
const SUBJECTS = [
  "Matemática",
  "Lenguaje y Comunicación",
  "Ciencias Naturales",
  "Historia, Geografía y Cs. Sociales",
];
const NOTES = [
  "Inicio puntual: objetivo escrito en la pizarra.",
  "Instrucción en tres pasos; la mayoría comienza de inmediato.",
  "La docente recorre la sala y revisa cuadernos de la fila del fondo.",
  "Pregunta a estudiantes que no levantaron la mano.",
  "Cierre con ticket de salida de dos preguntas.",
];

export async function seedDemoObservationHistory(
  tx: DbOrTx,
  ids: { organizationId: string; schoolId: string; observerIds: string[]; teacherIds: string[] },
  now = Date.now(),
) {
  const [version] = await tx
    .select({ id: instrumentVersions.id })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.organizationId, ids.organizationId))
    .orderBy(asc(instrumentVersions.createdAt))
    .limit(1);
  const catalogue = await tx
    .select()
    .from(catalogueSteps)
    .where(and(eq(catalogueSteps.organizationId, ids.organizationId)))
    .orderBy(asc(catalogueSteps.category), asc(catalogueSteps.position));
  for (const [t, teacherId] of ids.teacherIds.entries()) {
    const every = 14 + (t % 3) * 5;
    let daysAgo = 84 - ((t * 5) % 12);
    let k = 0;
    let openStepId: string | null = null;
    // The last few teachers stop being visited a month ago: the dashboard shows them overdue.
    const lastDay = t % 4 === 3 ? 30 : 9;
    while (daysAgo >= lastDay) {
      const observerId = ids.observerIds[(t + k) % ids.observerIds.length];
      const id = newId();
      const startedAt = new Date(now - daysAgo * DAY + ((t * 37) % 300) * 60_000);
      const mastered = openStepId !== null && (k + t) % 2 === 0;
      await tx.insert(observations).values({
        id,
        organizationId: ids.organizationId,
        schoolId: ids.schoolId,
        teacherId,
        observerId,
        instrumentVersionId: version.id,
        purpose: "formativa",
        course: COURSES[t % COURSES.length],
        subject: SUBJECTS[(t + k) % SUBJECTS.length],
        status: "submitted",
        startedAt,
        submittedAt: new Date(startedAt.getTime() + 18 * 60_000),
        focusStepId: openStepId,
        focusResult: openStepId ? (mastered ? "mastered" : "continued") : null,
      });
      await tx.insert(observationNotes).values(
        [0, 1, 2].map((n) => ({
          id: newId(),
          observationId: id,
          minute: n * 5,
          body: NOTES[(t + k + n) % NOTES.length],
          indicatorKeys: n === 1 ? [SCORED[(t + k) % SCORED.length]] : [],
        })),
      );
      const present = 26 + (t % 6);
      await tx.insert(observationSnapshots).values(
        [0, 1].map((n) => ({
          id: newId(),
          observationId: id,
          minute: 4 + n * 8,
          onTask: Math.min(present, Math.round(present * (0.55 + 0.07 * k + 0.03 * (t % 4) + 0.04 * n))),
          present,
        })),
      );
      await tx.insert(observationLevels).values(
        SCORED.filter((_, s) => (s + t + k) % 3 !== 0).map((indicatorKey, s) => ({
          observationId: id,
          indicatorKey,
          level: Math.min(4, 1 + Math.floor((k + ((t + s) % 3)) / 2) + (s % 2)),
        })),
      );
      if (openStepId && mastered) {
        await tx
          .update(actionSteps)
          .set({ status: "mastered", closedAt: startedAt, masteredInObservationId: id })
          .where(eq(actionSteps.id, openStepId));
        openStepId = null;
      }
      // Meetings a day later; one in five two or three days later (past the 48 h target).
      const heldAt = new Date(startedAt.getTime() + (k % 5 === 4 ? 2 + (t % 2) : 1) * DAY);
      if (heldAt.getTime() < now) {
        if (!openStepId) {
          const step = catalogue[(t * 7 + k * 3) % catalogue.length];
          openStepId = newId();
          await tx.insert(actionSteps).values({
            id: openStepId,
            organizationId: ids.organizationId,
            schoolId: ids.schoolId,
            teacherId,
            catalogueStepId: step.id,
            category: step.category,
            title: step.title,
            mastery: step.mastery,
            status: "open",
            openedAt: heldAt,
            openedBy: observerId,
          });
        }
        await tx.insert(feedbackMeetings).values({
          id: newId(),
          organizationId: ids.organizationId,
          schoolId: ids.schoolId,
          observationId: id,
          teacherId,
          observerId,
          heldAt,
          praise: "Las instrucciones escritas hicieron que la clase comenzara de inmediato.",
          gap: "Falta comprobar que todos entendieron antes de la práctica independiente.",
          actionStepId: openStepId,
          plan: "Ensayar la pregunta de comprobación con pizarras individuales.",
          practiced: true,
          acknowledgedAt: k % 3 === 2 ? null : new Date(heldAt.getTime() + 5 * 3_600_000),
        });
      }
      daysAgo -= every;
      k += 1;
    }
  }
}
