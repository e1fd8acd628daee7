// Impact (issue #18): each figure against a small data set computed by hand (written beside each
// expectation), the filters by year and program, the kept figures changing with the data, who reads
// them, and that neither the public summary nor the funder report (PDF text, every XLSX cell) holds
// any person's name, email or RUT.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { fileStore } from "../../platform/storage";
import { useTestDatabase } from "../../platform/testing/database";
import { pdfPages } from "../../platform/testing/pdf";
import { advisories } from "../advisory/schema";
import { createCourse, setCourseProgram } from "../learning";
import { certificates, cohorts, courses, registrations } from "../learning/schema";
import { mentorCandidacies, mentorTracks } from "../mentoring/schema";
import { ensureObservationSetup } from "../observation";
import {
  actionSteps,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationSnapshots,
  observations,
} from "../observation/schema";
import { createProgram, listPrograms, renameProgram } from "../people";
import { coordinatorSchools, organizations, persons, programs } from "../people/schema";
import { actorsOf, makePerson, makeSchool, makeWorld } from "../people/testing";
import {
  computeImpactFigures,
  funderReportFile,
  getFunderReport,
  impactCacheStats,
  impactPage,
  publicImpact,
  requestFunderReport,
  runFunderReport,
} from ".";
import { funderReports } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let a: Record<string, Actor>;
const ids: Record<string, string> = {};
let slug = "";
let versionId = "";

// Santiago is UTC−3 in summer (December–March) and UTC−4 in winter.
const at = (iso: string) => new Date(iso);

let statusIndex = 0;
async function certificate(values: {
  kind?: "course" | "mentor";
  personId?: string | null;
  registrationId?: string | null;
  cohortId?: string | null;
  hours: number;
  issuedAt: Date;
  revokedAt?: Date | null;
  holderName: string;
}) {
  const id = newId();
  statusIndex++;
  await db()
    .insert(certificates)
    .values({
      id,
      organizationId: w.org.id,
      kind: values.kind ?? "course",
      personId: values.personId ?? null,
      registrationId: values.registrationId ?? null,
      cohortId: values.cohortId ?? null,
      code: `C${id}`,
      holderName: values.holderName,
      courseTitle: "Curso",
      hours: values.hours,
      startsOn: "2025-01-01",
      endsOn: "2025-01-31",
      signerName: "",
      signerTitle: "",
      statusIndex,
      downloadTokenHash: id,
      issuedAt: values.issuedAt,
      issuedBy: w.coordinator.id,
      revokedAt: values.revokedAt ?? null,
      revokedBy: values.revokedAt ? w.coordinator.id : null,
    });
  return id;
}

let position = 0;
async function registration(
  cohortId: string,
  v: { personId?: string; fullName: string; email: string; country: string; region: string; rut?: string },
) {
  const id = newId();
  await db()
    .insert(registrations)
    .values({
      id,
      organizationId: w.org.id,
      cohortId,
      personId: v.personId ?? null,
      fullName: v.fullName,
      email: v.email,
      country: v.country,
      role: "teacher",
      region: v.region,
      rut: v.rut ?? null,
      status: "confirmed",
      position: ++position,
      cancelTokenHash: id,
    });
  return id;
}

async function course(name: string, hours: number, programId: string | null) {
  const courseId = newId();
  await db()
    .insert(courses)
    .values({
      id: courseId,
      organizationId: w.org.id,
      kind: "course",
      title: name,
      slug: `curso-${courseId}`,
      hours,
      level: "introductory",
      modality: "online",
      programId,
      createdBy: w.coordinator.id,
    });
  const cohortId = newId();
  await db().insert(cohorts).values({
    id: cohortId,
    organizationId: w.org.id,
    courseId,
    name,
    startsOn: "2025-01-01",
    endsOn: "2025-12-31",
  });
  return cohortId;
}

/** A submitted visit with its snapshots [on task, present] and, when `heldAt` is given, its meeting. */
async function visit(
  schoolId: string,
  teacherId: string,
  startedAt: string,
  snapshots: Array<[number, number]>,
  heldAt?: string,
  status: "submitted" | "draft" = "submitted",
) {
  const id = newId();
  await db()
    .insert(observations)
    .values({
      id,
      organizationId: w.org.id,
      schoolId,
      teacherId,
      observerId: w.coordinator.id,
      instrumentVersionId: versionId,
      purpose: "formativa",
      course: "4° básico",
      subject: "Lenguaje",
      status,
      startedAt: at(startedAt),
      submittedAt: status === "submitted" ? at(startedAt) : null,
    });
  for (const [i, [onTask, present]] of snapshots.entries())
    await db()
      .insert(observationSnapshots)
      .values({ id: newId(), observationId: id, minute: 5 * (i + 1), onTask, present });
  if (heldAt) {
    const stepId = newId();
    await db()
      .insert(actionSteps)
      .values({
        id: stepId,
        organizationId: w.org.id,
        schoolId,
        teacherId,
        title: "Paso",
        status: "mastered",
        openedAt: at(heldAt),
        closedAt: at(heldAt),
      });
    await db()
      .insert(feedbackMeetings)
      .values({
        id: newId(),
        organizationId: w.org.id,
        schoolId,
        observationId: id,
        teacherId,
        observerId: w.coordinator.id,
        heldAt: at(heldAt),
        praise: "Bien",
        actionStepId: stepId,
      });
  }
  return id;
}

beforeAll(async () => {
  w = await makeWorld();
  a = await actorsOf(w);
  [{ slug }] = await db()
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, w.org.id));
  await ensureObservationSetup(w.org.id);
  [{ versionId }] = await db()
    .select({ versionId: instrumentVersions.id })
    .from(instrumentVersions)
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .where(eq(instruments.organizationId, w.org.id))
    .limit(1);

  ids.p1 = (await createProgram(a.coordinator, { name: "Programa Uno" })).id;
  ids.p2 = (await createProgram(a.coordinator, { name: "Programa Dos" })).id;

  // Schools: S1 IVE 92 (muy alto) SLEP in Valparaíso, S2 IVE 82 (alto) DAEM, S3 no IVE particular subvencionado.
  const s1 = await makeSchool(w.org.id, {
    name: "Liceo Uno",
    ive: 92,
    dependencia: "slep",
    regionCode: "05",
    comunaCode: "05101",
  });
  const s2 = await makeSchool(w.org.id, { name: "Liceo Dos", ive: 82, dependencia: "municipal_daem" });
  const s3 = await makeSchool(w.org.id, {
    name: "Liceo Tres",
    ive: null,
    iveYear: null,
    dependencia: "particular_subvencionado",
  });
  ids.s1 = s1.id;
  ids.s2 = s2.id;
  ids.s3 = s3.id;
  const t1 = await makePerson(w.org.id, [{ role: "teacher", schoolId: s1.id }], {
    givenNames: "Zoraida",
    familyNames: "Quintanilla Ugarte",
    email: "zoraida.quintanilla@example.cl",
    rut: "11111111-1",
  });
  const t2 = await makePerson(w.org.id, [{ role: "teacher", schoolId: s1.id }], {
    givenNames: "Wenceslao",
    familyNames: "Ibarrola Tapia",
    email: "wenceslao.ibarrola@example.cl",
    rut: "22222222-2",
  });
  const t3 = await makePerson(w.org.id, [{ role: "teacher", schoolId: s2.id }], {
    givenNames: "Eduviges",
    familyNames: "Montenegro Saavedra",
    email: "eduviges.montenegro@example.cl",
    rut: "33333333-3",
  });
  const m2 = await makePerson(w.org.id, [], { givenNames: "Segismundo", familyNames: "Larraín Ovalle" });
  const m3 = await makePerson(w.org.id, [], { givenNames: "Filomena", familyNames: "Errázuriz Puga" });
  const m4 = await makePerson(w.org.id, [], { givenNames: "Hermógenes", familyNames: "Valdivieso Cruz" });
  ids.t1 = t1.id;
  ids.t3 = t3.id;

  // Courses: K1 (program 1, 20 h), K2 (program 2, 30 h), K3 (no program, 10 h).
  const k1 = await course("Curso uno", 20, ids.p1);
  const k2 = await course("Curso dos", 30, ids.p2);
  const k3 = await course("Curso tres", 10, null);
  ids.k2 = k2;
  const who = (p: typeof t1) => ({
    personId: p.id,
    fullName: `${p.givenNames} ${p.familyNames}`,
    email: p.email,
    rut: p.rut ?? undefined,
  });
  // 1. T1, K1, 2025-03-10, Chile/Biobío: 20 h
  await certificate({
    personId: t1.id,
    registrationId: await registration(k1, { ...who(t1), country: "CL", region: "Biobío" }),
    cohortId: k1,
    hours: 20,
    issuedAt: at("2025-03-10T15:00:00Z"),
    holderName: "Zoraida Quintanilla Ugarte",
  });
  // 2. T1 again, K2, 2025-06-01: 30 h (the same person: counted once)
  await certificate({
    personId: t1.id,
    registrationId: await registration(k2, { ...who(t1), country: "CL", region: "Biobío" }),
    cohortId: k2,
    hours: 30,
    issuedAt: at("2025-06-01T15:00:00Z"),
    holderName: "Zoraida Quintanilla Ugarte",
  });
  // 3. T2, K1, 2025-12-31 23:30 in Santiago (2026-01-01 02:30 UTC): in 2025; no region typed → S1's (Valparaíso)
  await certificate({
    personId: t2.id,
    registrationId: await registration(k1, { ...who(t2), country: "CL", region: "" }),
    cohortId: k1,
    hours: 20,
    issuedAt: at("2026-01-01T02:30:00Z"),
    holderName: "Wenceslao Ibarrola Tapia",
  });
  // 4–5. An outsider (no account), Argentina, two courses, the email in two cases: one person, 10 + 30 h
  await certificate({
    registrationId: await registration(k3, {
      fullName: "Anacleta Bustamante Roa",
      email: "Anacleta.Bustamante@Example.com",
      country: "AR",
      region: "Mendoza",
      rut: "44444444-4",
    }),
    cohortId: k3,
    hours: 10,
    issuedAt: at("2025-05-05T15:00:00Z"),
    holderName: "Anacleta Bustamante Roa",
  });
  await certificate({
    registrationId: await registration(k2, {
      fullName: "Anacleta Bustamante Roa",
      email: "anacleta.bustamante@example.com",
      country: "AR",
      region: "Mendoza",
    }),
    cohortId: k2,
    hours: 30,
    issuedAt: at("2025-07-07T15:00:00Z"),
    holderName: "Anacleta Bustamante Roa",
  });
  // 6. T3, K1, revoked: never counts
  await certificate({
    personId: t3.id,
    registrationId: await registration(k1, { ...who(t3), country: "CL", region: "Ñuble" }),
    cohortId: k1,
    hours: 20,
    issuedAt: at("2025-04-04T15:00:00Z"),
    revokedAt: at("2025-04-05T15:00:00Z"),
    holderName: "Eduviges Montenegro Saavedra",
  });
  // 7. T3, K3, 2024-05-05, Los Lagos: 10 h (2024 and all years only)
  await certificate({
    personId: t3.id,
    registrationId: await registration(k3, { ...who(t3), country: "CL", region: "Los Lagos" }),
    cohortId: k3,
    hours: 10,
    issuedAt: at("2024-05-05T15:00:00Z"),
    holderName: "Eduviges Montenegro Saavedra",
  });

  // Mentors: track 1 (program 1), track 2 (no program).
  const track = async (programId: string | null) => {
    const id = newId();
    await db().insert(mentorTracks).values({
      id,
      organizationId: w.org.id,
      programId,
      title: "Trayectoria",
      hours: 40,
      createdBy: w.coordinator.id,
    });
    return id;
  };
  const mt1 = await track(ids.p1);
  const mt2 = await track(null);
  const candidacy = async (
    trackId: string,
    personId: string,
    certifiedAt: string | null,
    certificateId: string | null,
  ) =>
    db()
      .insert(mentorCandidacies)
      .values({
        id: newId(),
        organizationId: w.org.id,
        trackId,
        personId,
        startedOn: "2024-01-01",
        certifiedAt: certifiedAt ? at(certifiedAt) : null,
        certifiedBy: certifiedAt ? w.coordinator.id : null,
        certificateId,
        createdBy: w.coordinator.id,
      });
  // M1: mentor A, track 1, certified 2025-08-01 with a certificate in force
  const cm1 = await certificate({
    kind: "mentor",
    personId: w.mentorA.id,
    hours: 40,
    issuedAt: at("2025-08-01T15:00:00Z"),
    holderName: "x",
  });
  await candidacy(mt1, w.mentorA.id, "2025-08-01T15:00:00Z", cm1);
  // M2: track 2, certified 2025-09-01 but its certificate revoked: not counted
  const cm2 = await certificate({
    kind: "mentor",
    personId: m2.id,
    hours: 40,
    issuedAt: at("2025-09-01T15:00:00Z"),
    revokedAt: at("2025-09-02T15:00:00Z"),
    holderName: "x",
  });
  await candidacy(mt2, m2.id, "2025-09-01T15:00:00Z", cm2);
  // M3: a mentor certificate with no candidacy (an earlier certification), 2025-10-10: every program only
  await certificate({
    kind: "mentor",
    personId: m3.id,
    hours: 40,
    issuedAt: at("2025-10-10T15:00:00Z"),
    holderName: "x",
  });
  // M4: track 1, certified 2024-02-02 with no certificate: 2024 and all years
  await candidacy(mt1, m4.id, "2024-02-02T15:00:00Z", null);
  // not certified: never counts
  await candidacy(mt2, w.teacherA.id, null, null);

  // Advisories.
  const advisory = async (
    schoolId: string,
    programId: string | null,
    status: "planned" | "active" | "closed",
    startsOn: string,
    endsOn: string | null,
  ) => {
    const id = newId();
    await db().insert(advisories).values({
      id,
      organizationId: w.org.id,
      schoolId,
      programId,
      title: "Asesoría",
      startsOn,
      endsOn,
      status,
      createdBy: w.coordinator.id,
    });
    return id;
  };
  await advisory(s1.id, ids.p1, "active", "2025-03-01", null); // 2025 →
  ids.a2 = await advisory(s2.id, ids.p2, "closed", "2024-03-01", "2024-12-31"); // 2024 only
  await advisory(s3.id, null, "planned", "2025-01-01", null); // planned: never
  await advisory(s3.id, null, "active", "2025-05-01", "2025-06-30"); // 2025 only

  // Visits. T1 at S1: three cycles (and a visit with no meeting, and a draft: no cycle).
  await visit(
    s1.id,
    t1.id,
    "2025-03-03T13:00:00Z",
    [
      [10, 20],
      [12, 20],
    ],
    "2025-03-04T13:00:00Z",
  );
  await visit(s1.id, t1.id, "2025-04-03T13:00:00Z", [[14, 20]], "2025-04-04T13:00:00Z");
  await visit(
    s1.id,
    t1.id,
    "2025-09-03T13:00:00Z",
    [
      [18, 20],
      [17, 20],
    ],
    "2025-09-04T13:00:00Z",
  );
  await visit(s1.id, t1.id, "2025-10-01T13:00:00Z", [[0, 20]]);
  await visit(s1.id, t1.id, "2025-10-02T13:00:00Z", [[0, 20]], undefined, "draft");
  // T2 at S1: two cycles (counted as cycles, not in time on task)
  await visit(s1.id, t2.id, "2025-05-05T13:00:00Z", [[5, 20]], "2025-05-06T13:00:00Z");
  await visit(s1.id, t2.id, "2025-06-05T13:00:00Z", [[5, 20]], "2025-06-06T13:00:00Z");
  // T3 at S2: four cycles, two in 2024 and two in 2025
  await visit(s2.id, t3.id, "2024-04-01T13:00:00Z", [[10, 25]], "2024-04-02T13:00:00Z");
  await visit(s2.id, t3.id, "2024-05-01T13:00:00Z", [[15, 25]], "2024-05-02T13:00:00Z");
  await visit(s2.id, t3.id, "2025-02-01T13:00:00Z", [[20, 25]], "2025-02-02T13:00:00Z");
  await visit(s2.id, t3.id, "2025-05-01T13:00:00Z", [[20, 25]], "2025-05-10T13:00:00Z");
}, 120_000);

const figuresOf = (year: number | null, programId: string | null) =>
  computeImpactFigures(db(), {
    organizationId: w.org.id,
    programId,
    from: year ? `${year}-01-01` : null,
    to: year ? `${year}-12-31` : null,
  });

describe("programs", () => {
  it("lists by name, refuses a taken name in Spanish, renames, and is for coordinators", async () => {
    expect((await listPrograms(a.coordinator)).map((p) => p.name)).toEqual(["Programa Dos", "Programa Uno"]);
    await expect(createProgram(a.coordinator, { name: " Programa Uno " })).rejects.toMatchObject({
      fieldErrors: { name: "programs.errors.name_taken" },
    });
    await expect(createProgram(a.coordinator, { name: "" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createProgram(a.leaderA, { name: "Otro" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renameProgram(a.otherAdmin, ids.p1, { name: "Ajeno" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await renameProgram(a.coordinator, ids.p2, { name: "Programa Dos bis" });
    expect((await listPrograms(a.admin)).map((p) => p.name)).toContain("Programa Dos bis");
    await expect(listPrograms(a.teacherA)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a course takes a program of its own organization only, beside the select", async () => {
    const fields = {
      kind: "course",
      title: "Curso con programa",
      hours: "12",
      level: "introductory",
      modality: "online",
    };
    const other = await createProgram(a.coordinator, { name: "Otro más" });
    // a program of another organization
    const foreign = newId();
    await db()
      .insert(programs)
      .values({ id: foreign, organizationId: w.otherOrg.id, name: "Programa ajeno" });
    await expect(
      createCourse(a.coordinator, { ...fields, slug: `con-programa-${foreign}`, programId: foreign }),
    ).rejects.toMatchObject({
      fieldErrors: { programId: "programs.errors.unknown" },
    });
    const { id } = await createCourse(a.coordinator, {
      ...fields,
      slug: `con-programa-${other.id}`,
      programId: other.id,
    });
    const [row] = await db().select({ programId: courses.programId }).from(courses).where(eq(courses.id, id));
    expect(row.programId).toBe(other.id);
    await setCourseProgram(a.coordinator, id, { programId: "" });
    const [cleared] = await db()
      .select({ programId: courses.programId })
      .from(courses)
      .where(eq(courses.id, id));
    expect(cleared.programId).toBeNull();
  });
});

describe("impact figures", () => {
  it("counts each figure of 2025, every program, as computed by hand", async () => {
    const f = await figuresOf(2025, null);
    // certificates 1–5: T1, T2 and the outsider (by email, either case)
    expect(f.teachersTrained).toBe(3);
    // 20 + 30 + 20 + 10 + 30
    expect(f.trainingHours).toBe(110);
    expect(f.countries).toEqual([
      { country: "CL", people: 2 },
      { country: "AR", people: 1 },
    ]);
    // T1 typed Biobío; T2 typed nothing: their school's region, Valparaíso (north to south)
    expect(f.regions).toEqual([
      { region: "Valparaíso", people: 1 },
      { region: "Biobío", people: 1 },
    ]);
    // mentor A (track, certificate in force) and M3 (certificate alone); M2's certificate is revoked
    expect(f.mentorsCertified).toBe(2);
    // S1 (active from March) and S3 (May–June); S2's closed in 2024, S3's planned one does not count
    expect(f.schoolsAdvised).toBe(2);
    expect(f.schoolsByIve.find((b) => b.band === "muy_alto")?.schools).toBe(1);
    expect(f.schoolsByIve.find((b) => b.band === "sin_dato")?.schools).toBe(1);
    expect(f.schoolsByIve.find((b) => b.band === "alto")?.schools).toBe(0);
    expect(f.schoolsByDependencia.find((d) => d.dependencia === "slep")?.schools).toBe(1);
    expect(f.schoolsByDependencia.find((d) => d.dependencia === "particular_subvencionado")?.schools).toBe(1);
    // T1: 3, T2: 2, T3: 2 meetings held in 2025
    expect(f.cyclesCompleted).toBe(7);
    // S1: baseline (10+12+14)/(20+20+20) = 0.6, latest (18+17)/40 = 0.875; S2: 25/50 = 0.5 → 20/25 = 0.8
    expect(f.timeOnTask.map((s) => [s.school, s.baseline, s.latest, s.teachers])).toEqual([
      ["Liceo Dos", 0.5, 0.8, 1],
      ["Liceo Uno", 0.6, 0.875, 1],
    ]);
    expect(f.timeOnTask[1].change).toBeCloseTo(0.275, 10);
    // median of 0.3 and 0.275
    expect(f.timeOnTaskMedianChange).toBeCloseTo(0.2875, 10);
  });

  it("filters by program", async () => {
    const p1 = await figuresOf(2025, ids.p1);
    // certificates 1 and 3 (K1): T1 and T2, 40 h
    expect([p1.teachersTrained, p1.trainingHours]).toEqual([2, 40]);
    expect(p1.countries).toEqual([{ country: "CL", people: 2 }]);
    // mentor A's track is program 1; M3's certificate has no track
    expect(p1.mentorsCertified).toBe(1);
    expect(p1.schoolsAdvised).toBe(1);
    // the meetings held at S1 while its program-1 advisory ran (from 2025-03-01): T1's 3 and T2's 2
    expect(p1.cyclesCompleted).toBe(5);
    expect(p1.timeOnTask.map((s) => s.school)).toEqual(["Liceo Uno"]);
    expect(p1.timeOnTaskMedianChange).toBeCloseTo(0.275, 10);

    const p2 = await figuresOf(2025, ids.p2);
    // certificates 2 and 5 (K2): T1 and the outsider, 60 h
    expect([
      p2.teachersTrained,
      p2.trainingHours,
      p2.mentorsCertified,
      p2.schoolsAdvised,
      p2.cyclesCompleted,
    ]).toEqual([2, 60, 0, 0, 0]);
    expect(p2.timeOnTaskMedianChange).toBeNull();
    // in 2024, S2's program-2 advisory covers T3's two meetings
    const p2024 = await figuresOf(2024, ids.p2);
    expect([p2024.schoolsAdvised, p2024.cyclesCompleted]).toEqual([1, 2]);
  });

  it("filters by year, and all years", async () => {
    const y2024 = await figuresOf(2024, null);
    // certificate 7 (T3, Los Lagos, 10 h); M4 (candidacy without certificate); S2; T3's two meetings
    expect([
      y2024.teachersTrained,
      y2024.trainingHours,
      y2024.mentorsCertified,
      y2024.schoolsAdvised,
      y2024.cyclesCompleted,
    ]).toEqual([1, 10, 1, 1, 2]);
    expect(y2024.regions).toEqual([{ region: "Los Lagos", people: 1 }]);
    // T3 had only two cycles by the end of 2024
    expect(y2024.timeOnTask).toEqual([]);
    expect(y2024.timeOnTaskMedianChange).toBeNull();

    const all = await figuresOf(null, null);
    expect([
      all.teachersTrained,
      all.trainingHours,
      all.mentorsCertified,
      all.schoolsAdvised,
      all.cyclesCompleted,
    ]).toEqual([4, 120, 3, 3, 9]);
    expect(all.regions.map((r) => r.region)).toEqual(["Valparaíso", "Biobío", "Los Lagos"]);
    expect(all.timeOnTaskMedianChange).toBeCloseTo(0.2875, 10);
  });

  it("shows the page to coordinators only, reads unknown filters as all, and keeps figures until a change", async () => {
    for (const who of ["admin", "leaderA", "teacherA", "mentorA", "facilitator", "otherAdmin"])
      await expect(impactPage(a[who], {})).rejects.toBeInstanceOf(NotFoundError);
    const page = await impactPage(a.coordinator, { year: "2025", program: ids.p1 });
    expect([page.year, page.program?.id, page.figures.teachersTrained]).toEqual([2025, ids.p1, 2]);
    // Liceo Uno's own time on task counts in the network's median, but its row is for the coordinators
    // who advise it (product.md, "school aggregates"); this one advises school A only
    expect(page.figures.timeOnTask.map((s) => s.school)).toEqual(["Liceo Uno"]);
    expect(page.schoolsShown).toEqual([]);
    const liceoUno = page.figures.timeOnTask[0]?.schoolId as string;
    await db().insert(coordinatorSchools).values({
      organizationId: w.org.id,
      personId: a.coordinator.personId,
      schoolId: liceoUno,
    });
    const advising = {
      ...a.coordinator,
      advisedSchoolIds: new Set([...a.coordinator.advisedSchoolIds, liceoUno]),
    };
    const shown = await impactPage(advising, { year: "2025", program: ids.p1 });
    expect(shown.schoolsShown.map((s) => s.school)).toEqual(["Liceo Uno"]);
    await db()
      .delete(coordinatorSchools)
      .where(
        and(
          eq(coordinatorSchools.personId, a.coordinator.personId),
          eq(coordinatorSchools.schoolId, liceoUno),
        ),
      );
    const odd = await impactPage(a.coordinator, { year: "1999'", program: "x" });
    expect([odd.year, odd.program, odd.figures.teachersTrained]).toEqual([null, null, 4]);

    const now = new Date();
    const before = await impactPage(a.coordinator, { year: "2025" }, now);
    expect(before.figures.teachersTrained).toBe(3);
    // asked again with nothing changed: the kept figures, not a new computation
    const counted = impactCacheStats();
    await impactPage(a.coordinator, { year: "2025" }, now);
    expect(impactCacheStats()).toEqual({ hits: counted.hits + 1, misses: counted.misses });
    // a new certificate for T3 in 2025 shows at once
    const regId = await registration(ids.k2, {
      personId: ids.t3,
      fullName: "Eduviges Montenegro Saavedra",
      email: "eduviges.montenegro@example.cl",
      country: "CL",
      region: "Los Lagos",
    });
    const added = await certificate({
      personId: ids.t3,
      registrationId: regId,
      cohortId: ids.k2,
      hours: 30,
      issuedAt: at("2025-11-11T15:00:00Z"),
      holderName: "Eduviges Montenegro Saavedra",
    });
    const after = await impactPage(a.coordinator, { year: "2025" }, now);
    expect([after.figures.teachersTrained, after.figures.trainingHours]).toEqual([4, 140]);
    // its revocation too
    await db()
      .update(certificates)
      .set({ revokedAt: new Date(), revokedBy: w.coordinator.id })
      .where(eq(certificates.id, added));
    expect((await impactPage(a.coordinator, { year: "2025" }, now)).figures.teachersTrained).toBe(3);
    // an advisory's dates, a meeting, and a school's IVE
    await db().update(advisories).set({ endsOn: "2025-12-31" }).where(eq(advisories.id, ids.a2));
    const advised = await impactPage(a.coordinator, { year: "2025" }, now);
    expect(advised.figures.schoolsAdvised).toBe(3);
    expect(advised.figures.schoolsByIve.find((b) => b.band === "alto")?.schools).toBe(1);
    await visit(ids.s2, ids.t3, "2025-11-01T13:00:00Z", [[25, 25]], "2025-11-02T13:00:00Z");
    const more = await impactPage(a.coordinator, { year: "2025" }, now);
    expect(more.figures.cyclesCompleted).toBe(8);
    // S2's latest is now this fifth cycle: 25/25
    expect(more.figures.timeOnTask.find((s) => s.school === "Liceo Dos")?.latest).toBe(1);
  });
});

/** Every string that names a person of the data set: names, emails, RUTs (as stored and as written). */
async function personalStrings(): Promise<string[]> {
  const people = await db().select().from(persons).where(eq(persons.organizationId, w.org.id));
  const regs = await db().select().from(registrations).where(eq(registrations.organizationId, w.org.id));
  const out = new Set<string>();
  for (const p of people) {
    out.add(p.familyNames);
    out.add(`${p.givenNames} ${p.familyNames}`);
    out.add(p.email);
    if (p.givenNames !== "Persona") out.add(p.givenNames);
    if (p.rut) out.add(p.rut);
  }
  for (const r of regs) {
    out.add(r.fullName);
    out.add(r.email);
    out.add(r.email.toLowerCase());
    if (r.rut) out.add(r.rut);
  }
  const ruts = [...out].filter((s) => /^\d{7,8}-[\dkK]$/.test(s));
  for (const rut of ruts) {
    const [body, dv] = rut.split("-");
    out.add(`${body.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${dv}`);
    out.add(body);
  }
  return [...out].filter((s) => s.length >= 4);
}

describe("public summary and funder report", () => {
  it("the public summary has the headline figures and no person", async () => {
    const summary = await publicImpact(slug);
    expect(summary.teachersTrained).toBeGreaterThan(0);
    // fewer than five schools have a time-on-task change: their median would be one school's own
    expect(summary.schoolsWithTimeOnTask).toBeLessThan(5);
    expect(summary.timeOnTaskMedianChange).toBeNull();
    const text = JSON.stringify(summary).toLowerCase();
    for (const s of await personalStrings()) expect(text, s).not.toContain(s.toLowerCase());
    await expect(publicImpact("no-existe")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("makes the report as a job, for coordinators, with the figures, definitions and no person", async () => {
    await expect(
      requestFunderReport(a.leaderA, { from: "2024-01-01", to: "2025-12-31", programId: "" }, "es-CL"),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      requestFunderReport(a.coordinator, { from: "2025-12-31", to: "2025-01-01", programId: "" }, "es-CL"),
    ).rejects.toMatchObject({
      fieldErrors: { to: "impact.report.errors.to_before_from" },
    });
    await expect(
      requestFunderReport(a.coordinator, { from: "2025-02-30", to: "2025-03-01", programId: "" }, "es-CL"),
    ).rejects.toMatchObject({
      fieldErrors: { from: "impact.report.errors.date_invalid" },
    });
    await expect(
      requestFunderReport(
        a.coordinator,
        { from: "2025-01-01", to: "2025-03-01", programId: newId() },
        "es-CL",
      ),
    ).rejects.toMatchObject({
      fieldErrors: { programId: "programs.errors.unknown" },
    });
    const { id } = await requestFunderReport(
      a.coordinator,
      { from: "2024-01-01", to: "2025-12-31", programId: "" },
      "es-CL",
    );
    expect((await getFunderReport(a.coordinator, id)).status).toBe("pending");
    await expect(funderReportFile(a.coordinator, id, "pdf")).rejects.toBeInstanceOf(NotFoundError);
    const started = Date.now();
    await runFunderReport(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    const done = await getFunderReport(a.coordinator, id);
    expect([done.status, done.progress]).toEqual(["done", 100]);
    for (const who of ["leaderA", "teacherA", "admin", "otherAdmin"]) {
      await expect(getFunderReport(a[who], id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(funderReportFile(a[who], id, "xlsx")).rejects.toBeInstanceOf(NotFoundError);
    }

    const pdf = await funderReportFile(a.otherCoordinator, id, "pdf");
    const pdfText = (await pdfPages(pdf.bytes)).join("\n");
    expect(pdfText).toContain("Docentes formados");
    expect(pdfText).toContain("Personas distintas con un certificado de curso vigente");
    // Liceo Uno's change rests on one teacher: the report, which leaves the organization, does not list
    // it by name (nor would it a school the requester does not advise), and has no median of one school
    expect(pdfText).not.toContain("Liceo Uno");
    expect(pdfText).toContain("Sin datos suficientes");

    const xlsx = await funderReportFile(a.coordinator, id, "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ""))));
    });
    const figures = book.getWorksheet("Cifras");
    const row = (label: string) => figures?.getRows(1, 20)?.find((r) => r.getCell(1).value === label);
    // 2024–2025: certificates 1–5 and 7 (plus the added-then-revoked one): 4 people, 120 h
    expect(row("Docentes formados")?.getCell(2).value).toBe("4");
    expect(row("Horas de formación")?.getCell(2).value).toBe("120");
    expect(String(row("Tiempo en tarea")?.getCell(3).value)).toContain("k-ésimo ciclo");

    const everything = `${pdfText}\n${cells.join("\n")}`.toLowerCase();
    for (const s of await personalStrings()) expect(everything, s).not.toContain(s.toLowerCase());
    const [stored] = await db()
      .select()
      .from(funderReports)
      .where(and(eq(funderReports.id, id)));
    expect(await fileStore().stat(stored.pdfKey as string)).not.toBeNull();
  });
});
