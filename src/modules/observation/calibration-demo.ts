// Demo data for calibration (called by src/demo/seed.ts inside its transaction): one closed
// calibration of Escuela Los Aromos scored by the mentor (the reference), the directora and the jefe
// UTP, so that the results page has figures; and a few submitted visits in the other demo schools, so
// that the report of levels by school IVE has figures on both sides.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { memberships, persons, schools } from "../people";
import {
  calibrationParticipants,
  calibrationScores,
  calibrations,
  instrumentVersions,
  observationLevels,
  observationNotes,
  observations,
} from "./schema";
import { indicatorsOf } from "./visits";

const DAY = 86_400_000;

export async function seedDemoCalibration(tx: DbOrTx, organizationId: string, now = Date.now()) {
  const people = await tx
    .select({ id: persons.id, email: persons.email })
    .from(persons)
    .where(
      and(
        eq(persons.organizationId, organizationId),
        inArray(persons.email, [
          "coordinadora@demo.impulso.cl",
          "mentor@demo.impulso.cl",
          "directora.aromos@demo.impulso.cl",
          "utp.aromos@demo.impulso.cl",
          "directora.pampa@demo.impulso.cl",
          "director.nielol@demo.impulso.cl",
          "directora.estrecho@demo.impulso.cl",
        ]),
      ),
    );
  const idOf = (email: string) => people.find((p) => p.email === email)?.id as string;
  const versions = await tx
    .select({ id: instrumentVersions.id, content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.organizationId, organizationId));
  // The classroom instrument: the one with levels.
  const version = versions.find((v) => indicatorsOf(v.content).some((i) => i.kind === "scored"));
  if (!version) return;
  const keys = indicatorsOf(version.content)
    .filter((i) => i.kind === "scored")
    .map((i) => i.key);
  const schoolRows = await tx
    .select({ id: schools.id, rbd: schools.rbd })
    .from(schools)
    .where(eq(schools.organizationId, organizationId));
  const schoolOf = (rbd: number) => schoolRows.find((s) => s.rbd === rbd)?.id as string;

  // The calibration: the mentor is the reference; the directora agrees closely, the jefe UTP scores
  // one level up almost everywhere (a lenient scorer: adjacent agreement high, exact low, flagged).
  const reference = idOf("mentor@demo.impulso.cl");
  const directora = idOf("directora.aromos@demo.impulso.cl");
  const utp = idOf("utp.aromos@demo.impulso.cl");
  const referenceLevels = [3, 2, 3, 3, 2, 3, 2, 2, 3, 3, 2, 2, 3, 2];
  const directoraLevels = [3, 2, 3, 3, 2, 3, 3, 2, 3, 3, 2, 2, 2, 2];
  const utpLevels = [4, 3, 3, 4, 3, 4, 3, 2, 4, 4, 3, 3, 4, 3];
  const calibrationId = newId();
  const heldOn = new Date(now - 10 * DAY).toISOString().slice(0, 10);
  await tx.insert(calibrations).values({
    id: calibrationId,
    organizationId,
    title: "Calibración de primavera, Escuela Los Aromos",
    instrumentVersionId: version.id,
    schoolId: schoolOf(24517),
    classContext: "6° básico B · Matemática · fracciones equivalentes",
    heldOn,
    referenceScorerId: reference,
    status: "closed",
    createdBy: idOf("coordinadora@demo.impulso.cl"),
    createdAt: new Date(now - 12 * DAY),
    closedAt: new Date(now - 8 * DAY),
  });
  const scored = [
    { personId: reference, levels: referenceLevels },
    { personId: directora, levels: directoraLevels },
    { personId: utp, levels: utpLevels },
  ];
  await tx.insert(calibrationParticipants).values(
    scored.map((s, i) => ({
      calibrationId,
      personId: s.personId,
      submittedAt: new Date(now - 10 * DAY + (2 + i) * 3_600_000),
    })),
  );
  await tx.insert(calibrationScores).values(
    scored.flatMap((s) =>
      keys.map((indicatorKey, i) => ({
        calibrationId,
        personId: s.personId,
        indicatorKey,
        level: s.levels[i % s.levels.length],
      })),
    ),
  );

  // Visits in the other schools: Pampa del Tamarugal (IVE 88.1, high, like Los Aromos) and Cerro
  // Ñielol and Estrecho de Magallanes (79.6 and 71.3, low).
  const mentor = reference; // also a teacher in Pampa: a demo account, not observed here
  const visitsIn = async (rbd: number, leaderEmail: string, levels: Array<[number, number]>) => {
    const schoolId = schoolOf(rbd);
    const teachers = await tx
      .select({ id: persons.id })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .where(
        and(
          eq(memberships.schoolId, schoolId),
          eq(memberships.role, "teacher"),
          eq(persons.status, "active"),
          ne(persons.id, mentor),
        ),
      )
      .orderBy(asc(persons.familyNames))
      .limit(levels.length);
    for (const [i, [b51, c71]] of levels.entries()) {
      const teacher = teachers[i % teachers.length];
      if (!teacher) return;
      const id = newId();
      const startedAt = new Date(now - (20 + i * 6) * DAY);
      await tx.insert(observations).values({
        id,
        organizationId,
        schoolId,
        teacherId: teacher.id,
        observerId: idOf(leaderEmail),
        instrumentVersionId: version.id,
        purpose: "formativa",
        course: `${5 + i}° básico A`,
        subject: "Lenguaje y Comunicación",
        status: "submitted",
        startedAt,
        submittedAt: new Date(startedAt.getTime() + 18 * 60_000),
      });
      await tx.insert(observationNotes).values({
        id: newId(),
        observationId: id,
        minute: 2,
        body: "Objetivo escrito en la pizarra; la mayoría comienza la tarea al minuto 3.",
      });
      await tx.insert(observationLevels).values([
        { observationId: id, indicatorKey: "b5.1", level: b51 },
        { observationId: id, indicatorKey: "c7.1", level: c71 },
      ]);
    }
  };
  await visitsIn(12843, "directora.pampa@demo.impulso.cl", [
    [2, 2],
    [3, 3],
    [2, 2],
  ]);
  await visitsIn(5731, "director.nielol@demo.impulso.cl", [
    [3, 3],
    [3, 3],
    [4, 3],
  ]);
  await visitsIn(8402, "directora.estrecho@demo.impulso.cl", [
    [3, 4],
    [2, 3],
    [3, 3],
  ]);
}
