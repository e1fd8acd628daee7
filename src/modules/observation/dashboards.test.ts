import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../messages";
import { db } from "../../platform/db/client";
import { NotFoundError, type ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { pdfPages } from "../../platform/testing/pdf";
import { memberships } from "../people";
import { actorOf, makeWorld } from "../people/testing";
import {
  ensureObservationSetup,
  getCadenceSettings,
  getDevelopment,
  networkDashboard,
  networkDashboardFile,
  periodOf,
  saveCadenceSettings,
  schoolDashboard,
  schoolDashboardFile,
  schoolReportPdf,
  schoolVisitsForExport,
} from ".";
import {
  actionSteps,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationLevels,
  observationSnapshots,
  observations,
} from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
const TZ = "America/Santiago";
// A Friday afternoon in Santiago (UTC-3 in November).
const NOW = new Date("2026-11-20T15:00:00Z");
const PERIOD = { from: "2026-10-26", to: "2026-11-20" };

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

describe("observation dashboards: cadence, coverage, levels, time on task, steps", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  let mbeInstrumentId: string;
  const visit: Record<string, string> = {};

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of [
      "coordinator",
      "otherCoordinator",
      "leaderA",
      "leaderB",
      "mentorA",
      "teacherA",
      "otherLeader",
      "admin",
    ] as const) {
      a[key] = await actorOf(w[key].id);
    }
    // The teachers belong to their schools since January.
    await db()
      .update(memberships)
      .set({ createdAt: new Date("2026-01-05T12:00:00Z") })
      .where(eq(memberships.organizationId, w.org.id));
    const [mbe] = await db()
      .select({ id: instruments.id, versionId: instrumentVersions.id })
      .from(instruments)
      .innerJoin(instrumentVersions, eq(instrumentVersions.instrumentId, instruments.id))
      .where(and(eq(instruments.organizationId, w.org.id), eq(instrumentVersions.status, "published")))
      .orderBy(instruments.name)
      .limit(1);
    mbeInstrumentId = mbe.id;

    const steps = {
      climateMastered: newId(),
      routinesOpen: newId(),
      checkingOpen: newId(),
    };
    await db()
      .insert(actionSteps)
      .values([
        {
          id: steps.climateMastered,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId: w.teacherA.id,
          category: "climate",
          title: "Nombrar la conducta esperada",
          status: "mastered",
          openedAt: new Date("2026-09-01T13:00:00Z"),
          closedAt: new Date("2026-10-28T14:30:00Z"),
        },
        {
          id: steps.routinesOpen,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId: w.teacherA.id,
          category: "routines",
          title: "Rutina de entrada",
          status: "open",
          openedAt: new Date("2026-10-29T13:00:00Z"),
        },
        {
          id: steps.checkingOpen,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId: w.teacherA2.id,
          category: "checking",
          title: "Pizarras individuales",
          status: "open",
          openedAt: new Date("2026-11-06T13:00:00Z"),
        },
      ]);
    const add = async (
      name: string,
      values: {
        school: "A" | "B";
        teacherId: string;
        observerId: string;
        startedAt: string;
        status?: "draft" | "submitted";
        snapshots?: Array<[number, number]>;
        levels?: Record<string, number>;
        meeting?: { heldAt: string; stepId: string };
      },
    ) => {
      const id = newId();
      visit[name] = id;
      const schoolId = values.school === "A" ? w.schoolA.id : w.schoolB.id;
      const startedAt = new Date(values.startedAt);
      const status = values.status ?? "submitted";
      await db()
        .insert(observations)
        .values({
          id,
          organizationId: w.org.id,
          schoolId,
          teacherId: values.teacherId,
          observerId: values.observerId,
          instrumentVersionId: mbe.versionId,
          purpose: "formativa",
          course: "5° básico A",
          subject: "Matemática",
          status,
          startedAt,
          submittedAt: status === "submitted" ? new Date(startedAt.getTime() + 20 * 60_000) : null,
        });
      for (const [onTask, present] of values.snapshots ?? []) {
        await db()
          .insert(observationSnapshots)
          .values({ id: newId(), observationId: id, minute: 5, onTask, present });
      }
      for (const [indicatorKey, level] of Object.entries(values.levels ?? {})) {
        await db().insert(observationLevels).values({ observationId: id, indicatorKey, level });
      }
      if (values.meeting) {
        await db()
          .insert(feedbackMeetings)
          .values({
            id: newId(),
            organizationId: w.org.id,
            schoolId,
            observationId: id,
            teacherId: values.teacherId,
            observerId: values.observerId,
            heldAt: new Date(values.meeting.heldAt),
            praise: "Bien",
            actionStepId: values.meeting.stepId,
          });
      }
    };
    await add("v1", {
      school: "A",
      teacherId: w.teacherA.id,
      observerId: w.leaderA.id,
      startedAt: "2026-10-28T14:00:00Z",
      snapshots: [[20, 25]],
      levels: { "b5.1": 3, "c7.1": 2 },
      meeting: { heldAt: "2026-10-29T13:00:00Z", stepId: steps.routinesOpen },
    });
    await add("v2", {
      school: "A",
      teacherId: w.teacherA.id,
      observerId: w.leaderA.id,
      startedAt: "2026-11-18T14:00:00Z",
      snapshots: [
        [18, 20],
        [10, 20],
      ],
      levels: { "b5.1": 4 },
    });
    await add("v3", {
      school: "A",
      teacherId: w.teacherA2.id,
      observerId: w.mentorA.id,
      startedAt: "2026-11-03T13:00:00Z",
      levels: { "b5.1": 2 },
      // 72 hours after the visit: later than the 48 h target
      meeting: { heldAt: "2026-11-06T13:20:00Z", stepId: steps.checkingOpen },
    });
    await add("draft", {
      school: "A",
      teacherId: w.teacherA2.id,
      observerId: w.mentorA.id,
      startedAt: "2026-11-19T13:00:00Z",
      status: "draft",
      snapshots: [[1, 30]],
    });
    await add("otherSchool", {
      school: "B",
      teacherId: w.teacherB.id,
      observerId: w.leaderB.id,
      startedAt: "2026-11-10T13:00:00Z",
      snapshots: [[1, 30]],
      levels: { "b5.1": 1 },
    });
  });

  it("reads the period from the query, bucketed by week, and falls back on nonsense", () => {
    const { period } = periodOf(PERIOD, TZ, NOW);
    expect(period.from.toISOString()).toBe("2026-10-26T03:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-11-21T03:00:00.000Z");
    expect(period.bucket).toBe("week");
    const fallback = periodOf({ from: "2026-13-01", to: "x" }, TZ, NOW);
    expect(fallback.invalid).toBe(true);
    expect(fallback.period.toDate).toBe("2026-11-20");
    expect(periodOf({ from: "2024-01-01", to: "2026-11-20" }, TZ, NOW).invalid).toBe(true);
    expect(periodOf({ from: "2026-01-01", to: "2026-11-20" }, TZ, NOW).period.bucket).toBe("month");
  });

  it("sets the school's targets, refusing nonsense field by field", async () => {
    const error = await rejection(
      saveCadenceSettings(a.leaderA, w.schoolA.id, {
        visitEveryDays: "0",
        meetingWithinHours: "doce",
        defaultPurpose: "castigo",
      }),
    );
    expect((error as ValidationError).fieldErrors).toEqual({
      visitEveryDays: "observation.cadence.error.visit_every_days",
      meetingWithinHours: "observation.cadence.error.meeting_within_hours",
      defaultPurpose: "observation.cadence.error.purpose",
    });
    expect((await getCadenceSettings(a.leaderA, w.schoolA.id)).settings.visitEveryDays).toBe(14);
    await saveCadenceSettings(a.leaderA, w.schoolA.id, {
      visitEveryDays: "14",
      meetingWithinHours: "48",
      defaultPurpose: "evaluativa",
    });
    expect((await getCadenceSettings(a.coordinator, w.schoolA.id)).settings.defaultPurpose).toBe(
      "evaluativa",
    );
    for (const who of ["mentorA", "teacherA", "leaderB", "otherCoordinator", "otherLeader", "admin"]) {
      expect(await rejection(getCadenceSettings(a[who], w.schoolA.id)), who).toBeInstanceOf(NotFoundError);
      expect(
        await rejection(saveCadenceSettings(a[who], w.schoolA.id, { visitEveryDays: "7" })),
        who,
      ).toBeInstanceOf(NotFoundError);
    }
  });

  it("shows the school's coverage, time on task, levels and steps by week", async () => {
    const d = await schoolDashboard(a.leaderA, w.schoolA.id, PERIOD, TZ, NOW);
    expect(d.coverage.map((c) => [c.bucket, c.teachers, c.covered, c.visits, c.meetings])).toEqual([
      ["2026-10-26", 2, 1, 1, 1],
      ["2026-11-02", 2, 2, 1, 1],
      ["2026-11-09", 2, 1, 0, 0],
      ["2026-11-16", 2, 1, 1, 0],
    ]);
    expect(d.coverage.map((c) => c.share)).toEqual([0.5, 1, 0.5, 0.5]);
    expect(d.onTask.map((p) => [p.bucket, p.visits, p.share])).toEqual([
      ["2026-10-26", 1, 0.8],
      ["2026-11-02", 0, null],
      ["2026-11-09", 0, null],
      ["2026-11-16", 1, 0.7],
    ]);
    expect(d.levels.instrumentId).toBe(mbeInstrumentId);
    const b51 = d.levels.indicators.find((i) => i.key === "b5.1");
    expect(b51?.counts).toEqual([0, 1, 1, 1]);
    expect(b51?.mean).toBe(3);
    expect(b51?.mbeStandard).toBe(5);
    expect(d.levels.indicators.find((i) => i.key === "c7.1")?.counts).toEqual([0, 1, 0, 0]);
    expect(Object.fromEntries(d.steps.map((s) => [s.category, [s.opened, s.mastered]]))).toEqual({
      routines: [1, 0],
      climate: [0, 1],
      checking: [1, 0],
      challenge: [0, 0],
      feedback: [0, 0],
      written: [0, 0],
    });
  });

  it("lists overdue teachers, late meetings and each observer's load", async () => {
    const { cadence } = await schoolDashboard(a.leaderA, w.schoolA.id, PERIOD, TZ, NOW);
    expect(cadence.overdue.map((t) => [t.id, t.daysOverdue])).toEqual([[w.teacherA2.id, 3]]);
    expect(cadence.upToDate).toBe(1);
    expect(cadence.teachers.find((t) => t.id === w.teacherA.id)?.openStep).toBe("Rutina de entrada");
    expect(cadence.lateMeetings.map((m) => m.observationId)).toEqual([visit.v2]);
    expect([cadence.meetingsHeld, cadence.meetingsHeldLate]).toEqual([2, 1]);
    const load = Object.fromEntries(
      cadence.observers.map((o) => [o.id, [o.visits, o.meetings, o.pending, o.late, o.drafts]]),
    );
    expect(load).toEqual({
      [w.leaderA.id]: [2, 1, 1, 1, 0],
      [w.mentorA.id]: [1, 1, 0, 0, 1],
    });
  });

  it("is the school's leaders' and its advising coordinators' only: everyone else gets 404", async () => {
    await expect(schoolDashboard(a.coordinator, w.schoolA.id, PERIOD, TZ, NOW)).resolves.toBeTruthy();
    for (const who of ["mentorA", "teacherA", "leaderB", "otherCoordinator", "otherLeader", "admin"]) {
      expect(await rejection(schoolDashboard(a[who], w.schoolA.id, PERIOD, TZ, NOW)), who).toBeInstanceOf(
        NotFoundError,
      );
      expect(
        await rejection(schoolVisitsForExport(a[who], w.schoolA.id, periodOf(PERIOD, TZ, NOW).period)),
        who,
      ).toBeInstanceOf(NotFoundError);
    }
    expect(await rejection(schoolDashboard(a.leaderA, "not-an-id", PERIOD, TZ, NOW))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("exports the school's submitted visits of the period, one row each", async () => {
    const rows = await schoolVisitsForExport(a.leaderA, w.schoolA.id, periodOf(PERIOD, TZ, NOW).period);
    expect(rows.map((r) => r.id)).toEqual([visit.v2, visit.v3, visit.v1]);
    expect(rows.find((r) => r.id === visit.v3)?.meetingLate).toBe(true);
    expect(rows.find((r) => r.id === visit.v1)?.actionStep).toBe("Rutina de entrada");
    expect(rows.find((r) => r.id === visit.v2)?.onTask).toBeCloseTo(0.7);
  });

  it("gives a coordinator the schools it advises, one line each, and network totals", async () => {
    const d = await networkDashboard(a.coordinator, PERIOD, TZ, NOW);
    expect(d.schools.map((s) => s.id)).toEqual([w.schoolA.id]);
    expect(d.schools[0]).toMatchObject({ teachers: 2, upToDate: 1, visits: 3, lateMeetings: 1, mastered: 1 });
    expect(d.schools[0].onTask).toBeCloseTo(48 / 65);
    expect(d.coverage.map((c) => c.covered)).toEqual([1, 2, 1, 1]);
    // Totals count every school of the organization, without naming them.
    expect(d.totals).toMatchObject({ teachers: 3, visits: 4 });
    for (const who of ["leaderA", "teacherA", "admin", "otherLeader"]) {
      expect(await rejection(networkDashboard(a[who], PERIOD, TZ, NOW)), who).toBeInstanceOf(NotFoundError);
    }
    const other = await networkDashboard(a.otherCoordinator, PERIOD, TZ, NOW);
    expect(other.schools.map((s) => s.id)).toEqual([w.schoolB.id]);
    expect(other.levels.indicators.find((i) => i.key === "b5.1")?.counts).toEqual([1, 0, 0, 0]);
    expect(
      (
        await db()
          .select()
          .from(observations)
          .where(inArray(observations.id, [visit.draft]))
      ).length,
    ).toBe(1);
  });

  it("gives the teacher's own dashboard: levels per indicator and steps by category over time", async () => {
    const d = await getDevelopment(a.teacherA, w.teacherA.id);
    expect(d.levels.indicators.find((i) => i.key === "b5.1")?.counts).toEqual([0, 0, 1, 1]);
    expect(d.levels.indicators.find((i) => i.key === "c7.1")?.counts).toEqual([0, 1, 0, 0]);
    const steps = Object.fromEntries(d.stepCategories.map((s) => [s.category, [s.opened, s.mastered]]));
    expect(steps.routines).toEqual([1, 0]);
    expect(steps.climate).toEqual([1, 1]);
    expect(steps.checking).toEqual([0, 0]);
  });

  const reader = { t: translator("es-CL"), locale: "es-CL" as const, timeZone: TZ };

  it("downloads the visits as a CSV a Chilean spreadsheet opens, formulas neutralized", async () => {
    await db().update(observations).set({ course: "=HYPERLINK(1)" }).where(eq(observations.id, visit.v1));
    const file = await schoolDashboardFile(a.leaderA, w.schoolA.id, PERIOD, "csv", reader);
    expect(file.fileName).toBe(`observacion-escuela-a-2026-10-26-2026-11-20.csv`);
    const text = file.body as string;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ";" }).data;
    expect(rows[0]).toEqual([
      "Fecha",
      "Docente",
      "Observador/a",
      "Curso",
      "Asignatura",
      "Propósito",
      "Pauta",
      "Tiempo en tarea",
      "Paso anterior",
      "Reunión",
      "Reunión fuera de plazo",
      "Paso de acción acordado",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1][0]).toBe("18-11-2026 11:00");
    expect(rows[1][7]).toBe("70");
    expect(rows[2][10]).toBe("Sí");
    expect(rows[3][3]).toBe("'=HYPERLINK(1)");
    expect(rows[3][11]).toBe("Rutina de entrada");
  });

  it("downloads every table of the school and of the network as XLSX workbooks", async () => {
    const file = await schoolDashboardFile(a.coordinator, w.schoolA.id, PERIOD, "xlsx", reader);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((file.body as Uint8Array).buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Visitas",
      "Docentes",
      "Observadores",
      "Cobertura en el tiempo",
      "Tiempo en tarea",
      "Niveles por indicador",
      "Pasos de acción por categoría",
    ]);
    const coverage = book.getWorksheet("Cobertura en el tiempo");
    expect(coverage?.getRow(3).values).toEqual([undefined, "02-11-2026", 2, 2, 1, 1, 1]);
    expect(coverage?.getColumn(4).numFmt).toBe("0.0%");
    const network = await networkDashboardFile(a.coordinator, PERIOD, "xlsx", reader);
    const networkBook = new ExcelJS.Workbook();
    await networkBook.xlsx.load((network.body as Uint8Array).buffer as ArrayBuffer);
    const schoolsSheet = networkBook.getWorksheet("Establecimientos");
    expect(schoolsSheet?.getRow(2).getCell(1).value).toBe("Escuela A");
    expect(schoolsSheet?.rowCount).toBe(2);
    const csv = await networkDashboardFile(a.otherCoordinator, PERIOD, "csv", reader);
    expect(csv.body).toContain("Escuela B");
    expect(csv.body).not.toContain("Escuela A");
  });

  it("prints the school report as a PDF in the reader's language", async () => {
    const report = await schoolReportPdf(a.leaderA, w.schoolA.id, PERIOD, reader, NOW);
    expect(report.fileName).toBe("informe-observacion-escuela-a-2026-10-26-2026-11-20.pdf");
    const text = (await pdfPages(report.bytes)).join(" ");
    for (const expected of [
      "Informe de observación y retroalimentación",
      "Escuela A",
      "Período: 26-10-2026 a 20-11-2026",
      "Cobertura en el tiempo",
      "Niveles por indicador",
      "Rutinas y procedimientos",
      "Docentes con visita atrasada",
      "Página 1 de",
    ])
      expect(text).toContain(expected);
    const english = await schoolReportPdf(
      a.coordinator,
      w.schoolA.id,
      PERIOD,
      { t: translator("en"), locale: "en", timeZone: TZ },
      NOW,
    );
    expect((await pdfPages(english.bytes)).join(" ")).toContain("Observation and feedback report");
    expect(await rejection(schoolReportPdf(a.leaderB, w.schoolA.id, PERIOD, reader, NOW))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
