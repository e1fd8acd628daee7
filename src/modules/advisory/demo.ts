// The demo's school advisories, carried out by the demo coordinator (who already advises both schools):
// an active one at Los Aromos that began four months ago (a plan half done, three visits), a planned one
// at La Pampa that begins next month, and a closed one of last year at Los Aromos.
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { advisories, advisoryAdvisors, advisoryMilestones, advisoryVisits } from "./schema";

const DAY_MS = 86_400_000;

export async function seedDemoAdvisories(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    /** the school of the active and the closed advisory, and that of the planned one */
    activeSchoolId: string;
    plannedSchoolId: string;
    coordinatorId: string;
    now?: Date;
  },
): Promise<void> {
  const now = ids.now ?? new Date();
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const advisory = async (a: {
    schoolId: string;
    title: string;
    goals: string;
    startsOn: string;
    endsOn: string;
    status: "planned" | "active" | "closed";
    milestones: Array<[string, string, string | null]>;
    visits: Array<[string, string, string]>;
  }) => {
    const id = newId();
    await tx.insert(advisories).values({
      id,
      organizationId: ids.organizationId,
      schoolId: a.schoolId,
      title: a.title,
      goals: a.goals,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      status: a.status,
      closedAt: a.status === "closed" ? new Date(`${a.endsOn}T20:00:00Z`) : null,
      createdBy: ids.coordinatorId,
      createdAt: new Date(`${a.startsOn}T12:00:00Z`),
    });
    await tx.insert(advisoryAdvisors).values({ advisoryId: id, personId: ids.coordinatorId });
    if (a.milestones.length)
      await tx.insert(advisoryMilestones).values(
        a.milestones.map(([title, dueOn, doneOn], i) => ({
          id: newId(),
          advisoryId: id,
          position: i + 1,
          title,
          dueOn,
          doneOn,
        })),
      );
    if (a.visits.length)
      await tx.insert(advisoryVisits).values(
        a.visits.map(([visitedOn, notes, agreements]) => ({
          id: newId(),
          advisoryId: id,
          visitedOn,
          notes,
          agreements,
          authorId: ids.coordinatorId,
          createdAt: new Date(`${visitedOn}T20:00:00Z`),
        })),
      );
  };

  await advisory({
    schoolId: ids.activeSchoolId,
    title: "Sistema de observación y retroalimentación 2026",
    goals: [
      "El equipo directivo instala un sistema de **observaciones breves y frecuentes** seguidas de retroalimentación.",
      "",
      "- Cada docente recibe una visita cada dos semanas.",
      "- Las reuniones de retroalimentación se realizan dentro de 48 horas.",
      "- El tiempo en tarea de los estudiantes sube después de dos ciclos.",
    ].join("\n"),
    startsOn: day(-120),
    endsOn: day(120),
    status: "active",
    milestones: [
      ["Jornada de inicio con el equipo directivo", day(-115), day(-116)],
      ["Calibración de la pauta con directora y jefe UTP", day(-90), day(-88)],
      ["Primer ciclo de visitas a todo el cuerpo docente", day(-45), day(-40)],
      ["Segundo ciclo de visitas y revisión de pasos de acción", day(15), null],
      ["Presentación de resultados al consejo de profesores", day(110), null],
    ],
    visits: [
      [
        day(-116),
        "El equipo directivo tiene poco tiempo protegido para observar; la jefa UTP pide ejemplos de retroalimentación.",
        "Bloquear dos horas semanales en la agenda de la directora y del jefe UTP para visitas.",
      ],
      [
        day(-60),
        "Las reuniones se hacen, pero muchas pasan de 48 horas. Modelamos una reunión completa con el jefe UTP.",
        "Agendar la reunión de retroalimentación al terminar cada visita. Practicar el paso de acción en la reunión.",
      ],
      [
        day(-14),
        "Buen avance en cobertura. Los pasos de acción de manejo de aula se dominan más rápido que los de evaluación.",
        "Revisar en el próximo consejo los pasos de acción dominados. Segundo ciclo antes de la fecha del hito.",
      ],
    ],
  });
  await advisory({
    schoolId: ids.plannedSchoolId,
    title: "Acompañamiento a la instalación de visitas al aula",
    goals:
      "Acompañar al equipo directivo en sus primeras visitas al aula y en las reuniones de retroalimentación.",
    startsOn: day(30),
    endsOn: day(240),
    status: "planned",
    milestones: [
      ["Reunión de inicio con el equipo directivo", day(32), null],
      ["Primeras visitas acompañadas", day(60), null],
    ],
    visits: [],
  });
  await advisory({
    schoolId: ids.activeSchoolId,
    title: "Diagnóstico de prácticas de aula 2025",
    goals: "Levantar un diagnóstico de las prácticas de aula con el equipo directivo.",
    startsOn: day(-420),
    endsOn: day(-240),
    status: "closed",
    milestones: [["Informe de diagnóstico entregado", day(-250), day(-245)]],
    visits: [
      [
        day(-300),
        "Diagnóstico con 12 visitas conjuntas.",
        "El equipo directivo decide instalar un sistema de observación en 2026.",
      ],
    ],
  });
}
