import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../messages";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeSchool, makeWorld } from "../people/testing";
import {
  calibrationForm,
  closeCalibration,
  createCalibration,
  ensureObservationSetup,
  getCalibration,
  indicatorsOf,
  iveReport,
  listCalibrations,
  participantField,
  saveCalibrationScores,
  updateCalibration,
} from ".";
import {
  calibrationScores,
  calibrations,
  instruments,
  instrumentVersions,
  observationLevels,
  observations,
} from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
const PERSONAS = [
  "admin",
  "coordinator",
  "otherCoordinator",
  "leaderA",
  "leaderB",
  "mentorA",
  "teacherA",
  "teacherA2",
  "teacherB",
  "otherAdmin",
  "otherLeader",
] as const;

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

async function actorsOf(w: World) {
  const a = {} as Record<(typeof PERSONAS)[number], Actor>;
  for (const key of PERSONAS) a[key] = await actorOf(w[key].id);
  return a;
}

/** The MBE instrument's published version and its scored indicator keys, in order; the walkthrough's version. */
async function mbeOf(organizationId: string) {
  const rows = await db()
    .select({
      versionId: instrumentVersions.id,
      instrumentId: instruments.id,
      content: instrumentVersions.content,
      name: instruments.name,
    })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(instrumentVersions.organizationId, organizationId));
  const mbe = rows.find((r) => r.name.includes("MBE"));
  const walkthrough = rows.find((r) => !r.name.includes("MBE"));
  if (!mbe || !walkthrough) throw new Error("the seeded instruments are missing");
  return {
    versionId: mbe.versionId,
    instrumentId: mbe.instrumentId,
    walkthroughVersionId: walkthrough.versionId,
    keys: indicatorsOf(mbe.content)
      .filter((i) => i.kind === "scored")
      .map((i) => i.key),
  };
}

const levelsInput = (keys: string[], levels: number[]) =>
  Object.fromEntries(keys.map((key, i) => [`level_${key}`, String(levels[i])]));

describe("calibration: setting up, scoring, closing and the results", () => {
  let w: World;
  let a: Record<(typeof PERSONAS)[number], Actor>;
  let mbe: Awaited<ReturnType<typeof mbeOf>>;
  let calibrationId: string;

  const setup = (extra: Record<string, string> = {}) => ({
    title: "Calibración de marzo",
    instrumentVersionId: mbe.versionId,
    schoolId: w.schoolA.id,
    classContext: "6° básico B · Matemática",
    heldOn: "2026-03-24",
    referenceScorerId: w.leaderA.id,
    [participantField(w.mentorA.id)]: "on",
    ...extra,
  });

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    a = await actorsOf(w);
    mbe = await mbeOf(w.org.id);
  });

  it("refuses an incomplete set-up with a Spanish message beside each field", async () => {
    const blank = await rejection(createCalibration(a.coordinator, {}));
    expect(blank).toBeInstanceOf(ValidationError);
    const errors = (blank as ValidationError).fieldErrors;
    expect(errors).toEqual({
      title: "errors.required",
      instrumentVersionId: "calibration.errors.instrument_required",
      classContext: "calibration.errors.class_required",
      heldOn: "calibration.errors.date_required",
      referenceScorerId: "calibration.errors.reference_required",
      participants: "calibration.errors.participants_min",
    });
    const t = translator("es-CL");
    expect(t(errors.heldOn)).toBe("Escriba la fecha de la clase, o agregue el enlace a una clase grabada.");
    expect(t(errors.participants)).toBe("Elija al menos un observador además de la referencia.");

    // A video link must be http(s); a teacher and a person of another organization are no observers.
    const bad = await rejection(
      createCalibration(a.coordinator, {
        ...setup({ videoUrl: "javascript:alert(1)", heldOn: "2026-02-30" }),
        [participantField(w.teacherA.id)]: "on",
        referenceScorerId: w.otherLeader.id,
      }),
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      videoUrl: "calibration.errors.video_invalid",
      heldOn: "calibration.errors.date_invalid",
      participants: "errors.invalid_choice",
      referenceScorerId: "calibration.errors.reference_required",
    });
    expect(t("calibration.errors.video_invalid")).toContain("https://");
    // An instrument without levels (the walkthrough) cannot be calibrated.
    const walkthrough = await rejection(
      createCalibration(a.coordinator, setup({ instrumentVersionId: mbe.walkthroughVersionId })),
    );
    expect((walkthrough as ValidationError).fieldErrors).toEqual({
      instrumentVersionId: "calibration.errors.instrument_required",
    });
    const ftp = await rejection(
      createCalibration(a.coordinator, setup({ videoUrl: "ftp://videos.cl/clase" })),
    );
    expect((ftp as ValidationError).fieldErrors.videoUrl).toBe("calibration.errors.video_invalid");
    // A video stands for the class: no date nor curso needed.
    const video = await createCalibration(
      a.coordinator,
      setup({ heldOn: "", classContext: "", videoUrl: "https://videos.example.cl/clase-6b" }),
    );
    const [row] = await db().select().from(calibrations).where(eq(calibrations.id, video));
    expect(row).toMatchObject({
      videoUrl: "https://videos.example.cl/clase-6b",
      heldOn: null,
      status: "open",
    });
    await db().delete(calibrations).where(eq(calibrations.id, video));
  });

  it("lets only coordinators set one up; the reference takes part even when not ticked", async () => {
    for (const who of ["admin", "leaderA", "mentorA", "teacherA", "otherAdmin"] as const) {
      expect(await rejection(createCalibration(a[who], setup())), who).toBeInstanceOf(NotFoundError);
      expect(await rejection(calibrationForm(a[who])), who).toBeInstanceOf(NotFoundError);
    }
    const form = await calibrationForm(a.coordinator);
    expect(form.observers.map((o) => o.id).sort()).toEqual([w.leaderA.id, w.leaderB.id, w.mentorA.id].sort());
    calibrationId = await createCalibration(a.coordinator, setup({ [participantField(w.leaderB.id)]: "on" }));
    const page = await getCalibration(a.coordinator, calibrationId);
    expect(page.participants.map((p) => p.personId).sort()).toEqual(
      [w.leaderA.id, w.leaderB.id, w.mentorA.id].sort(),
    );
    expect(page.participants.find((p) => p.isReference)?.personId).toBe(w.leaderA.id);
    expect(page.can).toMatchObject({ edit: true, close: true, score: false, seeSubmissions: true });
  });

  it("shows a calibration to coordinators and its participants only", async () => {
    const allowed = ["coordinator", "otherCoordinator", "leaderA", "leaderB", "mentorA"];
    for (const who of PERSONAS) {
      const result = await rejection(getCalibration(a[who], calibrationId));
      if (allowed.includes(who)) expect(result, who).toBeUndefined();
      else expect(result, who).toBeInstanceOf(NotFoundError);
    }
    // A leader who is not in it: a second calibration without leaderB.
    const other = await createCalibration(a.coordinator, setup({ title: "Solo A" }));
    expect(await rejection(getCalibration(a.leaderB, other))).toBeInstanceOf(NotFoundError);
    expect(
      await rejection(
        saveCalibrationScores(a.leaderB, other, "save", levelsInput(mbe.keys.slice(0, 1), [3])),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect((await listCalibrations(a.leaderB)).calibrations.map((c) => c.id)).toEqual([calibrationId]);
    expect((await listCalibrations(a.coordinator)).calibrations.map((c) => c.id).sort()).toEqual(
      [calibrationId, other].sort(),
    );
    expect((await listCalibrations(a.leaderB)).calibrations[0]).toMatchObject({
      toScore: true,
      submitted: null,
    });
    for (const who of ["teacherA", "admin", "otherAdmin"] as const) {
      expect(await rejection(listCalibrations(a[who])), who).toBeInstanceOf(NotFoundError);
    }
    expect((await listCalibrations(a.otherLeader)).calibrations).toEqual([]);
    await db().delete(calibrations).where(eq(calibrations.id, other));
  });

  it("keeps the levels saved, refuses to send an incomplete set, then sends once", async () => {
    const first = mbe.keys.slice(0, 3);
    await saveCalibrationScores(a.mentorA, calibrationId, "save", levelsInput(first, [3, 2, 4]));
    let page = await getCalibration(a.mentorA, calibrationId);
    expect(page.me?.levels).toEqual({ [first[0]]: 3, [first[1]]: 2, [first[2]]: 4 });
    expect(page.can.score).toBe(true);
    // Someone else's submission status is the coordinator's business.
    expect(page.participants.find((p) => p.personId === w.leaderA.id)?.submittedAt).toBeNull();

    const wrong = await rejection(
      saveCalibrationScores(a.mentorA, calibrationId, "save", { [`level_${first[0]}`]: "5" }),
    );
    expect((wrong as ValidationError).fieldErrors[`level_${first[0]}`]).toBe("errors.invalid_choice");

    const incomplete = await rejection(
      saveCalibrationScores(a.mentorA, calibrationId, "submit", { [`level_${mbe.keys[3]}`]: "1" }),
    );
    expect(incomplete).toBeInstanceOf(DomainError);
    expect((incomplete as DomainError).messageKey).toBe("calibration.errors.levels_missing");
    expect((incomplete as DomainError).params).toEqual({ count: mbe.keys.length - 4 });
    expect(Object.keys((incomplete as DomainError).fieldErrors)).toHaveLength(mbe.keys.length - 4);
    page = await getCalibration(a.mentorA, calibrationId);
    expect(Object.keys(page.me?.levels ?? {})).toHaveLength(4);
    expect(page.me?.submittedAt).toBeNull();

    // The observer: exact on the first 7 indicators, one level off on the other 7 (see the results test).
    const mentorLevels = mbe.keys.map((_, i) => (i < 7 ? 3 : 2));
    await saveCalibrationScores(a.mentorA, calibrationId, "submit", levelsInput(mbe.keys, mentorLevels));
    page = await getCalibration(a.mentorA, calibrationId);
    expect(page.me?.submittedAt).toBeInstanceOf(Date);
    expect(page.can.score).toBe(false);
    const again = await rejection(
      saveCalibrationScores(a.mentorA, calibrationId, "save", levelsInput(first, [1, 1, 1])),
    );
    expect((again as DomainError).messageKey).toBe("calibration.errors.already_submitted");
  });

  it("lets the coordinator change it while open, within limits", async () => {
    // leaderB saved a level but did not send: removing them drops it.
    await saveCalibrationScores(a.leaderB, calibrationId, "save", levelsInput(mbe.keys.slice(0, 1), [1]));
    // A newer version of the same instrument, published since: scores were saved, the version stays.
    const [current] = await db()
      .select()
      .from(instrumentVersions)
      .where(eq(instrumentVersions.id, mbe.versionId));
    const newer = newId();
    await db()
      .insert(instrumentVersions)
      .values({ ...current, id: newer, version: current.version + 1, publishedAt: new Date() });
    const locked = await rejection(
      updateCalibration(a.coordinator, calibrationId, setup({ instrumentVersionId: newer })),
    );
    expect((locked as ValidationError).fieldErrors.instrumentVersionId).toBe(
      "calibration.errors.instrument_locked",
    );
    const withoutMentor = await rejection(
      updateCalibration(a.coordinator, calibrationId, {
        ...setup({ [participantField(w.leaderB.id)]: "on" }),
        [participantField(w.mentorA.id)]: "",
      }),
    );
    expect((withoutMentor as ValidationError).fieldErrors.participants).toBe(
      "calibration.errors.cannot_remove_submitted",
    );
    expect(await rejection(updateCalibration(a.leaderA, calibrationId, setup()))).toBeInstanceOf(
      NotFoundError,
    );

    await updateCalibration(a.coordinator, calibrationId, setup({ title: "Calibración de marzo (6° B)" }));
    const [row] = await db().select().from(calibrations).where(eq(calibrations.id, calibrationId));
    expect(row.title).toBe("Calibración de marzo (6° B)");
    const leaderBScores = await db()
      .select()
      .from(calibrationScores)
      .where(
        and(eq(calibrationScores.calibrationId, calibrationId), eq(calibrationScores.personId, w.leaderB.id)),
      );
    expect(leaderBScores).toEqual([]);
    expect(await rejection(getCalibration(a.leaderB, calibrationId))).toBeInstanceOf(NotFoundError);
    // Back in, to be the one who never sends.
    await updateCalibration(
      a.coordinator,
      calibrationId,
      setup({ title: "Calibración de marzo (6° B)", [participantField(w.leaderB.id)]: "on" }),
    );
  });

  it("closes only once the reference has sent; scoring and changes end there", async () => {
    const early = await rejection(closeCalibration(a.coordinator, calibrationId));
    expect((early as DomainError).messageKey).toBe("calibration.errors.reference_not_submitted");
    expect(await rejection(closeCalibration(a.leaderA, calibrationId))).toBeInstanceOf(NotFoundError);
    await saveCalibrationScores(
      a.leaderA,
      calibrationId,
      "submit",
      levelsInput(
        mbe.keys,
        mbe.keys.map(() => 3),
      ),
    );
    await closeCalibration(a.coordinator, calibrationId);
    const late = await rejection(
      saveCalibrationScores(a.leaderB, calibrationId, "save", levelsInput(mbe.keys.slice(0, 1), [2])),
    );
    expect(late).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateCalibration(a.coordinator, calibrationId, setup()))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(closeCalibration(a.coordinator, calibrationId))).toBeInstanceOf(NotFoundError);
    const page = await getCalibration(a.coordinator, calibrationId);
    expect(page.status).toBe("closed");
    expect(page.can).toMatchObject({ edit: false, close: false });
  });

  it("reports each observer's agreement to the coordinator, and only their own to an observer", async () => {
    // Reference: 3 everywhere (14 indicators). Mentor: 3 on 7 of them, 2 on the other 7.
    // Exact 7/14 = 50 %, adjacent 14/14 = 100 %. Kappa: observer marginals 2 → 7, 3 → 7; reference
    // 3 → 14; p_e = (7 · 14) / 14² = 0.5, p_o = 0.5, κ = 0 / 0.5 = 0 → below 0.40: drifts.
    expect(mbe.keys).toHaveLength(14);
    const page = await getCalibration(a.coordinator, calibrationId);
    const results = page.results;
    expect(results?.scope).toBe("all");
    expect(results?.observers).toEqual([
      {
        personId: w.mentorA.id,
        name: `${w.mentorA.givenNames} ${w.mentorA.familyNames}`,
        n: 14,
        exact: 0.5,
        adjacent: 1,
        kappa: 0,
        drifts: true,
        driftsPersistently: false,
      },
    ]);
    expect(results?.notSubmitted).toEqual([`${w.leaderB.givenNames} ${w.leaderB.familyNames}`]);
    expect(results?.indicators[0]).toMatchObject({ key: mbe.keys[0], reference: 3, spread: [0, 0, 2, 0] });
    expect(results?.indicators[13]).toMatchObject({ reference: 3, spread: [0, 1, 1, 0] });
    const reads = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "calibration.results_read"), eq(auditEvents.subjectId, calibrationId)),
      );
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads.map((r) => r.actorPersonId))).toEqual(new Set([w.coordinator.id]));

    const own = (await getCalibration(a.mentorA, calibrationId)).results;
    expect(own?.scope).toBe("own");
    expect(own?.observers.map((o) => [o.personId, o.exact, o.kappa])).toEqual([[w.mentorA.id, 0.5, 0]]);
    expect(own?.indicators[13]).toMatchObject({ mine: 2, reference: 3, spread: null });
    expect(own?.notSubmitted).toEqual([]);
    const reference = (await getCalibration(a.leaderA, calibrationId)).results;
    expect(reference?.observers).toEqual([]);
    // leaderB did not send: sees no one's figures.
    expect((await getCalibration(a.leaderB, calibrationId)).results?.observers).toEqual([]);
  });

  it("flags drift as persistent when the observer drifts in the latest two closed calibrations", async () => {
    const second = await createCalibration(a.coordinator, setup({ title: "Calibración de abril" }));
    await saveCalibrationScores(
      a.leaderA,
      second,
      "submit",
      levelsInput(
        mbe.keys,
        mbe.keys.map(() => 4),
      ),
    );
    await saveCalibrationScores(
      a.mentorA,
      second,
      "submit",
      levelsInput(
        mbe.keys,
        mbe.keys.map(() => 2),
      ),
    );
    await closeCalibration(a.coordinator, second, new Date(Date.now() + 60_000));
    const [observer] = (await getCalibration(a.coordinator, second)).results?.observers ?? [];
    expect(observer).toMatchObject({ n: 14, exact: 0, adjacent: 0, drifts: true, driftsPersistently: true });
    // The first one, looked at again, only knows what came before it.
    const [before] = (await getCalibration(a.coordinator, calibrationId)).results?.observers ?? [];
    expect(before.driftsPersistently).toBe(false);
  });
});

describe("calibration: levels given in schools of high and low IVE", () => {
  it("averages each indicator per IVE group and hides figures on too few visits or schools", async () => {
    const w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    const a = await actorsOf(w);
    const mbe = await mbeOf(w.org.id);
    const high1 = await makeSchool(w.org.id, { ive: 92.4 });
    const high2 = await makeSchool(w.org.id, { ive: 80 }); // the threshold itself is high
    const low1 = await makeSchool(w.org.id, { ive: 79.9 });
    const low2 = await makeSchool(w.org.id, { ive: 40 });
    const noIve = await makeSchool(w.org.id, { ive: null });
    const visit = async (
      schoolId: string,
      levels: Record<string, number>,
      extra: Partial<typeof observations.$inferInsert> = {},
    ) => {
      const id = newId();
      await db()
        .insert(observations)
        .values({
          id,
          organizationId: w.org.id,
          schoolId,
          teacherId: w.teacherA.id,
          observerId: w.leaderA.id,
          instrumentVersionId: mbe.versionId,
          purpose: "formativa",
          course: "5° básico",
          subject: "Lenguaje",
          status: "submitted",
          startedAt: new Date(),
          submittedAt: new Date(),
          ...extra,
        });
      const rows = Object.entries(levels).map(([indicatorKey, level]) => ({
        observationId: id,
        indicatorKey,
        level,
      }));
      if (rows.length) await db().insert(observationLevels).values(rows);
    };
    // b5.1 — high: 3, 3, 4 (high1) and 2, 3 (high2) → 15 / 5 = 3.00 in 5 visits, 2 schools.
    //        low: 2, 2, 3 (low1) and 1, 2 (low2) → 10 / 5 = 2.00 in 5 visits, 2 schools. Difference +1.
    // c7.1 — high: 4 visits only → hidden; low: 5 visits, all in low1 → hidden (one school).
    await visit(high1.id, { "b5.1": 3, "c7.1": 3 });
    await visit(high1.id, { "b5.1": 3, "c7.1": 3 });
    await visit(high1.id, { "b5.1": 4, "c7.1": 3 });
    await visit(high2.id, { "b5.1": 2, "c7.1": 3 });
    await visit(high2.id, { "b5.1": 3 });
    for (const level of [2, 2, 3]) await visit(low1.id, { "b5.1": level, "c7.1": 2 });
    await visit(low2.id, { "b5.1": 1 });
    await visit(low2.id, { "b5.1": 2 });
    await visit(low1.id, { "c7.1": 2 });
    await visit(low1.id, { "c7.1": 2 });
    // Not counted: a draft, a school without IVE, another instrument.
    await visit(high1.id, { "b5.1": 1 }, { status: "draft", submittedAt: null });
    await visit(noIve.id, { "b5.1": 4 });
    await visit(low2.id, { "b5.1": 4 }, { instrumentVersionId: mbe.walkthroughVersionId });

    for (const who of ["leaderA", "mentorA", "teacherA", "admin", "otherAdmin", "otherLeader"] as const) {
      expect(await rejection(iveReport(a[who], mbe.instrumentId)), who).toBeInstanceOf(NotFoundError);
    }
    const report = await iveReport(a.otherCoordinator, mbe.instrumentId);
    expect(report.instrument?.id).toBe(mbe.instrumentId);
    expect(report.rule).toEqual({ highIveMin: 80, minVisits: 5, minSchools: 2 });
    const b51 = report.rows.find((r) => r.key === "b5.1");
    expect(b51).toMatchObject({
      high: { mean: 3, visits: 5, schools: 2 },
      low: { mean: 2, visits: 5, schools: 2 },
      difference: 1,
    });
    const c71 = report.rows.find((r) => r.key === "c7.1");
    expect(c71).toMatchObject({
      high: { mean: null, visits: 4, schools: 2 },
      low: { mean: null, visits: 5, schools: 1 },
      difference: null,
    });
    // The indicators with levels have a row, in the instrument's order; the others are named.
    expect(report.rows.map((r) => r.key)).toEqual(["b5.1", "c7.1"]);
    expect(report.unobserved).toHaveLength(mbe.keys.length - 2);
    expect(report.totals).toEqual({
      high: { visits: 5, schools: 2 },
      low: { visits: 7, schools: 2 },
      none: { visits: 1, schools: 1 },
    });
  });
});
