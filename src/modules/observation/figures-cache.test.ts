// The dashboards' figures are kept between requests (figures-cache.ts) and keyed by the changes that
// triggers raise in the same transaction as a change (migration 0006): every kind of change the
// figures read shows on the very next read, a draft's autosave does not throw the figures away, and
// authorization comes before any lookup.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { memberships, persons, schools } from "../people";
import { actorOf, makePerson, makeSchool, makeWorld } from "../people/testing";
import {
  ensureObservationSetup,
  foldFigureChanges,
  networkDashboard,
  saveCadenceSettings,
  schoolDashboard,
} from ".";
import { figuresCacheStats } from "./figures-cache";
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
const NOW = new Date("2026-11-20T15:00:00Z");
const PERIOD = { from: "2026-10-26", to: "2026-11-20" };

describe("dashboard figures kept between requests", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  let instrumentId: string;
  let versionId: string;
  let indicatorKey: string;

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of ["coordinator", "leaderA", "leaderB", "mentorA"] as const)
      a[key] = await actorOf(w[key].id);
    const [mbe] = await db()
      .select({ id: instruments.id, versionId: instrumentVersions.id, content: instrumentVersions.content })
      .from(instruments)
      .innerJoin(instrumentVersions, eq(instrumentVersions.instrumentId, instruments.id))
      .where(and(eq(instruments.organizationId, w.org.id), eq(instrumentVersions.status, "published")))
      .orderBy(instruments.name)
      .limit(1);
    instrumentId = mbe.id;
    versionId = mbe.versionId;
    indicatorKey = mbe.content.sections
      .flatMap((section) => section.indicators)
      .find((indicator) => indicator.kind === "scored")?.key as string;
  });

  async function addVisit(status: "submitted" | "draft", startedAt: Date, teacherId = w.teacherA.id) {
    const id = newId();
    await db()
      .insert(observations)
      .values({
        id,
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        teacherId,
        observerId: w.mentorA.id,
        instrumentVersionId: versionId,
        purpose: "formativa",
        course: "5° básico A",
        subject: "Matemática",
        status,
        startedAt,
        submittedAt: status === "submitted" ? new Date(startedAt.getTime() + 20 * 60_000) : null,
      });
    return id;
  }

  /** The school dashboard as leader A sees it now, and whether it was computed (a miss) or kept. */
  async function read(actor = a.leaderA) {
    const before = figuresCacheStats();
    const dashboard = await schoolDashboard(actor, w.schoolA.id, PERIOD, TZ, NOW);
    const after = figuresCacheStats();
    return { dashboard, computed: after.misses > before.misses };
  }
  const visitsIn = (d: Awaited<ReturnType<typeof schoolDashboard>>) =>
    d.coverage.reduce((sum, point) => sum + point.visits, 0);

  it("computes the figures once and gives the same ones again until something changes", async () => {
    const visitId = await addVisit("submitted", new Date("2026-11-10T13:00:00Z"));
    await db().insert(observationLevels).values({ observationId: visitId, indicatorKey, level: 3 });
    const first = await read();
    expect(first.computed).toBe(true);
    expect(visitsIn(first.dashboard)).toBe(1);
    const second = await read();
    expect(second.computed).toBe(false);
    expect(second.dashboard.coverage).toEqual(first.dashboard.coverage);
    // a minute later (figures that depend on the clock): the kept ones at once, computed again behind
    const before = figuresCacheStats().misses;
    const later = await schoolDashboard(
      a.leaderA,
      w.schoolA.id,
      PERIOD,
      TZ,
      new Date(NOW.getTime() + 60_000),
    );
    expect(later.coverage).toEqual(first.dashboard.coverage);
    expect(figuresCacheStats().misses).toBe(before + 1);
    // a day later: computed before answering
    await schoolDashboard(a.leaderA, w.schoolA.id, PERIOD, TZ, new Date(NOW.getTime() + 86_400_000));
    expect(figuresCacheStats().misses).toBe(before + 2);
  });

  it("shows a new visit, a mastered step, a meeting and a changed level at once", async () => {
    const visitId = await addVisit("submitted", new Date("2026-11-12T13:00:00Z"));
    let now = await read();
    expect(now.computed).toBe(true);
    expect(visitsIn(now.dashboard)).toBe(2);

    const mastered = (d: typeof now.dashboard) => d.steps.reduce((sum, s) => sum + s.mastered, 0);
    const stepId = newId();
    const masteredBefore = mastered(now.dashboard);
    await db()
      .insert(actionSteps)
      .values({
        id: stepId,
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        teacherId: w.teacherA.id,
        category: "climate",
        title: "Nombrar la conducta esperada",
        status: "mastered",
        openedAt: new Date("2026-10-27T13:00:00Z"),
        closedAt: new Date("2026-11-05T13:00:00Z"),
      });
    now = await read();
    expect(mastered(now.dashboard)).toBe(masteredBefore + 1);

    const meetingsBefore = now.dashboard.cadence.meetingsHeld;
    await db()
      .insert(feedbackMeetings)
      .values({
        id: newId(),
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        observationId: visitId,
        teacherId: w.teacherA.id,
        observerId: w.mentorA.id,
        heldAt: new Date("2026-11-13T13:00:00Z"),
        praise: "Buen cierre",
        gap: "Tiempo de espera",
        actionStepId: stepId,
      });
    now = await read();
    expect(now.computed).toBe(true);
    expect(now.dashboard.cadence.meetingsHeld).toBe(meetingsBefore + 1);

    // a level of a submitted visit corrected by hand in the database
    const level = (d: typeof now.dashboard) =>
      d.levels.indicators.find((i) => i.key === indicatorKey)?.counts;
    expect(level(now.dashboard)?.[2]).toBe(1);
    await db().execute(sql`UPDATE observation_levels SET level = 4 WHERE indicator_key = ${indicatorKey}`);
    now = await read();
    expect(level(now.dashboard)?.[2]).toBe(0);
    expect(level(now.dashboard)?.[3]).toBe(1);
  });

  it("keeps the figures while an observer edits a draft, and recomputes when it is submitted", async () => {
    const draftId = await addVisit("draft", new Date("2026-11-18T13:00:00Z"));
    const withDraft = await read();
    expect(withDraft.computed).toBe(true);
    const drafts = (d: typeof withDraft.dashboard) =>
      d.cadence.observers.find((o) => o.id === w.mentorA.id)?.drafts;
    expect(drafts(withDraft.dashboard)).toBe(1);
    // autosave: what the class was and a level given while observing
    await db().update(observations).set({ course: "6° básico B" }).where(eq(observations.id, draftId));
    await db().insert(observationLevels).values({ observationId: draftId, indicatorKey, level: 2 });
    expect((await read()).computed).toBe(false);

    await db()
      .update(observations)
      .set({ status: "submitted", submittedAt: NOW })
      .where(eq(observations.id, draftId));
    const submitted = await read();
    expect(submitted.computed).toBe(true);
    expect(drafts(submitted.dashboard)).toBe(0);
    expect(visitsIn(submitted.dashboard)).toBe(visitsIn(withDraft.dashboard) + 1);
  });

  it("shows a renamed or disabled teacher, new settings and a renamed instrument at once", async () => {
    await db().update(persons).set({ givenNames: "Rocío Andrea" }).where(eq(persons.id, w.teacherA.id));
    let now = await read();
    expect(now.computed).toBe(true);
    expect(now.dashboard.cadence.teachers.map((t) => t.name).join("|")).toContain("Rocío Andrea");

    const teachers = now.dashboard.cadence.teachers.length;
    await db().update(persons).set({ status: "disabled" }).where(eq(persons.id, w.teacherA2.id));
    now = await read();
    expect(now.dashboard.cadence.teachers).toHaveLength(teachers - 1);

    await saveCadenceSettings(a.leaderA, w.schoolA.id, {
      visitEveryDays: "21",
      meetingWithinHours: "72",
      defaultPurpose: "formativa",
    });
    now = await read();
    expect(now.dashboard.settings.visitEveryDays).toBe(21);

    await db()
      .update(instruments)
      .set({ name: "Pauta MBE renombrada" })
      .where(eq(instruments.id, instrumentId));
    now = await read();
    expect(now.dashboard.levels.instruments.map((i) => i.name)).toContain("Pauta MBE renombrada");
  });

  it("shows a renamed school and a new school of the organization on the coordinator's dashboard", async () => {
    const first = await networkDashboard(a.coordinator, PERIOD, TZ, NOW);
    expect(first.schools.map((s) => s.name)).toEqual([w.schoolA.name]);
    const again = figuresCacheStats().misses;
    await networkDashboard(a.coordinator, PERIOD, TZ, NOW);
    expect(figuresCacheStats().misses).toBe(again);

    await db().update(schools).set({ name: "Escuela A renombrada" }).where(eq(schools.id, w.schoolA.id));
    const renamed = await networkDashboard(a.coordinator, PERIOD, TZ, NOW);
    expect(renamed.schools.map((s) => s.name)).toEqual(["Escuela A renombrada"]);

    const schoolsBefore = renamed.totals.schools;
    const school = await makeSchool(w.org.id, { name: "Escuela nueva" });
    await makePerson(w.org.id, [{ role: "teacher", schoolId: school.id }]);
    const grown = await networkDashboard(a.coordinator, PERIOD, TZ, NOW);
    expect(grown.totals.schools).toBe(schoolsBefore + 1);
    expect(grown.totals.teachers).toBe(renamed.totals.teachers + 1);
  });

  it("asks who is reading before looking: a leader of another school gets 404 and no figures are read", async () => {
    await read(); // figures of school A kept
    const before = figuresCacheStats();
    await expect(schoolDashboard(a.leaderB, w.schoolA.id, PERIOD, TZ, NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(figuresCacheStats()).toEqual(before);
  });

  it("shows a new member, a snapshot, a new indicator title, a deleted meeting and another school's step at once", async () => {
    let now = await read();
    const teachers = now.dashboard.cadence.teachers.length;
    const newcomer = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    now = await read();
    expect(now.computed).toBe(true);
    expect(now.dashboard.cadence.teachers).toHaveLength(teachers + 1);

    // a snapshot added by hand to a submitted visit
    const visitId = await addVisit("submitted", new Date("2026-11-16T13:00:00Z"), newcomer.id);
    now = await read();
    const present = (d: typeof now.dashboard) => d.onTask.reduce((sum, p) => sum + p.present, 0);
    const presentBefore = present(now.dashboard);
    await db()
      .insert(observationSnapshots)
      .values({ id: newId(), observationId: visitId, minute: 5, onTask: 20, present: 25 });
    now = await read();
    expect(present(now.dashboard)).toBe(presentBefore + 25);

    // an indicator's title changed in the instrument's version
    const [version] = await db()
      .select({ content: instrumentVersions.content })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.id, versionId));
    const content = structuredClone(version.content);
    for (const section of content.sections)
      for (const indicator of section.indicators)
        if (indicator.key === indicatorKey) indicator.title = "Indicador con título nuevo";
    await db().update(instrumentVersions).set({ content }).where(eq(instrumentVersions.id, versionId));
    now = await read();
    expect(now.dashboard.levels.indicators.map((i) => i.title)).toContain("Indicador con título nuevo");

    // a meeting deleted
    const held = now.dashboard.cadence.meetingsHeld;
    expect(held).toBeGreaterThan(0);
    await db().delete(feedbackMeetings).where(eq(feedbackMeetings.schoolId, w.schoolA.id));
    now = await read();
    expect(now.dashboard.cadence.meetingsHeld).toBe(0);

    // a teacher of schools A and B gets an open step at B: school A shows it
    await db().insert(memberships).values({
      id: newId(),
      organizationId: w.org.id,
      personId: newcomer.id,
      schoolId: w.schoolB.id,
      role: "teacher",
    });
    await read();
    await db()
      .insert(actionSteps)
      .values({
        id: newId(),
        organizationId: w.org.id,
        schoolId: w.schoolB.id,
        teacherId: newcomer.id,
        category: "routines",
        title: "Paso acordado en la escuela B",
        status: "open",
        openedAt: new Date("2026-11-17T13:00:00Z"),
      });
    now = await read();
    expect(now.dashboard.cadence.teachers.find((t) => t.id === newcomer.id)?.openStep).toBe(
      "Paso acordado en la escuela B",
    );
  });

  it("folds the counted changes into one row per school without changing any fingerprint", async () => {
    await read();
    const table = async () =>
      (
        (await db().execute(
          sql`SELECT count(*)::int AS "rows", count(DISTINCT school_id)::int AS "schools" FROM school_figure_versions`,
        )) as unknown as { rows: Array<{ rows: number; schools: number }> }
      ).rows[0];
    const before = await table();
    expect(before.rows).toBeGreaterThan(before.schools);
    await foldFigureChanges();
    expect(await table()).toEqual({ rows: before.schools, schools: before.schools });
    expect((await read()).computed).toBe(false);
  });
});
