// Attendance and certificates (issue #16 §6 and §9): the facilitator's list, the participants report
// matched by email, the course's rule, the certificates issued by a job with its progress, the public
// verification, the download only for the holder's link or the people who may see it, revoking and
// reissuing. Runs on PGlite and (npm test) on PostgreSQL.
import { and, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../messages";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { drainJobs } from "../../platform/jobs/queue";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { schools } from "../people";
import { actorOf, makeWorld } from "../people/testing";
import {
  attendanceSheet,
  certificateForDownload,
  certificatePdf,
  cohortCompletion,
  cohortForFacilitation,
  cohortReport,
  courseReport,
  createCohort,
  createCourse,
  enrolInCohort,
  importAttendanceReport,
  markAttendance,
  planSession,
  publishCohort,
  registerForCohort,
  reissueCertificate,
  requestCertificates,
  revokeCertificate,
  verifyCertificate,
} from ".";
import { certificates, courseFacilitators, registrations, sessionAttendance } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let coordinator: Actor;
let facilitator: Actor;
let run = 0;

/** A published workshop of 4 past sessions (75 % rule) with `people` confirmed registrations. */
async function finishedCohort(people: number) {
  run += 1;
  const { id: courseId } = await createCourse(coordinator, {
    kind: "workshop",
    title: `Retroalimentación efectiva ${run}`,
    slug: `retro-efectiva-${run}`,
    hours: "12",
    level: "intermediate",
    modality: "online",
    minAttendancePercent: "75",
  });
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  const { id: cohortId } = await createCohort(coordinator, courseId, {
    name: "Agosto 2026",
    startsOn: "2026-08-03",
    endsOn: "2026-08-28",
    capacity: "",
  });
  await publishCohort(coordinator, cohortId);
  const sessions: string[] = [];
  for (const day of ["2026-08-05", "2026-08-12", "2026-08-19", "2026-08-26"])
    sessions.push(
      (
        await planSession(coordinator, cohortId, {
          title: `Sesión ${day}`,
          date: day,
          time: "18:00",
          timeZone: "America/Santiago",
          durationMinutes: "90",
        })
      ).id,
    );
  const registrationIds: string[] = [];
  for (let n = 0; n < people; n++)
    registrationIds.push(
      (
        await registerForCohort(cohortId, {
          fullName: `Participante ${run}-${n}`,
          email: `p${run}.${n}@example.cl`,
          country: "CL",
          role: "teacher",
        })
      ).registrationId,
    );
  return { courseId, cohortId, sessions, registrationIds };
}

beforeAll(async () => {
  w = await makeWorld();
  coordinator = await actorOf(w.coordinator.id);
  facilitator = await actorOf(w.facilitator.id);
});

describe("attendance", () => {
  it("is marked on the list by the course's facilitator: ticked present, the rest absent", async () => {
    const c = await finishedCohort(3);
    const [a, b, d] = c.registrationIds as [string, string, string];
    const saved = await markAttendance(facilitator, c.sessions[0] as string, {
      listed: [a, b, d],
      present: [a, d],
    });
    expect(saved).toEqual({ present: 2, absent: 1 });
    const sheet = await attendanceSheet(facilitator, c.sessions[0] as string);
    expect(sheet.people.map((p) => p.present)).toEqual([true, false, true]);
    // Marked again: changed, not added.
    await markAttendance(facilitator, c.sessions[0] as string, { listed: [a, b, d], present: [b] });
    const rows = await db()
      .select()
      .from(sessionAttendance)
      .where(eq(sessionAttendance.sessionId, c.sessions[0] as string));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.present).map((r) => r.registrationId)).toEqual([b]);
  });

  it("is refused to people who do not run the course, and to another organization", async () => {
    const c = await finishedCohort(1);
    for (const who of ["leaderA", "teacherA", "otherAdmin"] as const) {
      const actor = await actorOf(w[who].id);
      await expect(attendanceSheet(actor, c.sessions[0] as string)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        markAttendance(actor, c.sessions[0] as string, {
          listed: c.registrationIds,
          present: c.registrationIds,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(
      await db()
        .select()
        .from(sessionAttendance)
        .where(eq(sessionAttendance.sessionId, c.sessions[0] as string)),
    ).toHaveLength(0);
  });

  it("never writes a registration of another cohort passed in the list", async () => {
    const c = await finishedCohort(1);
    const other = await finishedCohort(1);
    await markAttendance(facilitator, c.sessions[0] as string, {
      listed: [...c.registrationIds, ...other.registrationIds],
      present: other.registrationIds,
    });
    const rows = await db()
      .select()
      .from(sessionAttendance)
      .where(eq(sessionAttendance.sessionId, c.sessions[0] as string));
    expect(rows.map((r) => r.registrationId)).toEqual(c.registrationIds);
  });

  it("is read from a participants report by email, in minutes, and says who matched nobody", async () => {
    const c = await finishedCohort(3);
    const report = [
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      // the session is 2026-08-05 18:00 in Santiago (UTC−4), 90 minutes
      `Participante ${run}-0,P${run}.0@Example.cl,08/05/2026 05:58:00 PM,08/05/2026 07:30:00 PM,92,No`,
      // the same name as someone registered, another address: never matched by name
      `Participante ${run}-1,otra.persona@example.cl,08/05/2026 06:00:00 PM,08/05/2026 07:30:00 PM,90,Yes`,
      // joined twice: 30 + 10 minutes, less than half of 90
      `Participante ${run}-2,p${run}.2@example.cl,08/05/2026 06:00:00 PM,08/05/2026 06:30:00 PM,30,No`,
      `Participante ${run}-2,p${run}.2@example.cl,08/05/2026 07:00:00 PM,08/05/2026 07:10:00 PM,10,No`,
      "Sin correo,,08/05/2026 06:00:00 PM,08/05/2026 07:30:00 PM,90,Yes",
    ].join("\r\n");
    const result = await importAttendanceReport(
      facilitator,
      c.sessions[0] as string,
      new TextEncoder().encode(report),
      {
        timeZone: "America/Santiago",
      },
    );
    if (!result.ok) throw new Error("columns refused");
    expect(result.matched).toBe(2);
    expect(result.present).toBe(1);
    expect(result.unmatched.map((u) => u.email)).toEqual(["otra.persona@example.cl"]);
    expect(result.rejected.map((r) => [r.row, r.reason])).toEqual([[6, "no_email"]]);
    const sheet = await attendanceSheet(facilitator, c.sessions[0] as string);
    expect(sheet.people.map((p) => [p.present, p.minutes, p.source])).toEqual([
      [true, 92, "report"],
      [null, null, null],
      [false, 40, "report"],
    ]);
  });

  it("says which columns a report lacks, and writes nothing", async () => {
    const c = await finishedCohort(1);
    const report = "Nombre,Minutos\nAna,90\n";
    const result = await importAttendanceReport(
      facilitator,
      c.sessions[0] as string,
      new TextEncoder().encode(report),
      {},
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toContain("email");
    expect(result.found).toEqual(["Nombre", "Minutos"]);
    expect(
      await db()
        .select()
        .from(sessionAttendance)
        .where(eq(sessionAttendance.sessionId, c.sessions[0] as string)),
    ).toHaveLength(0);
  });
});

describe("certificates", () => {
  it("go to those who meet the rule, through a job that counts its progress, with one email each", async () => {
    const c = await finishedCohort(3);
    const [a, b, d] = c.registrationIds as [string, string, string];
    // a: 4 of 4; b: 3 of 4 (75 %, meets); d: 2 of 4
    for (const [i, session] of c.sessions.entries())
      await markAttendance(facilitator, session, {
        listed: [a, b, d],
        present: [a, ...(i < 3 ? [b] : []), ...(i < 2 ? [d] : [])],
      });
    const completion = await cohortCompletion(c.cohortId);
    expect(completion.map((p) => [p.attended, p.percent, p.meetsRule])).toEqual([
      [4, 100, true],
      [3, 75, true],
      [2, 50, false],
    ]);
    // Facilitators take attendance; only coordinators issue.
    await expect(requestCertificates(facilitator, c.cohortId)).rejects.toBeInstanceOf(NotFoundError);
    const asked = await requestCertificates(coordinator, c.cohortId);
    expect(asked.total).toBe(2);
    // A second request while the first one waits is refused.
    await expect(requestCertificates(coordinator, c.cohortId)).rejects.toBeInstanceOf(DomainError);
    expect((await cohortForFacilitation(coordinator, c.cohortId)).run?.status).toBe("pending");
    await drainJobs();
    const page = await cohortForFacilitation(coordinator, c.cohortId);
    expect(page.run).toMatchObject({ status: "done", issued: 2, total: 2 });
    expect(page.people.map((p) => Boolean(p.certificate))).toEqual([true, true, false]);
    const sent = await db()
      .select({ to: emails.toAddress, text: emails.textBody })
      .from(emails)
      .where(like(emails.subject, "Su certificado:%"));
    const mine = sent.filter((m) => m.to.startsWith(`p${run}.`));
    expect(mine.map((m) => m.to).sort()).toEqual([`p${run}.0@example.cl`, `p${run}.1@example.cl`]);
    expect(mine[0]?.text).toMatch(/\/certificados\/[A-Z0-9-]{14}\/descargar\?clave=/);
    // Asked again: nobody new is due, nothing is issued twice.
    expect((await requestCertificates(coordinator, c.cohortId)).total).toBe(0);
    await drainJobs();
    expect(await db().select().from(certificates).where(eq(certificates.cohortId, c.cohortId))).toHaveLength(
      2,
    );
  });

  it("are verified by code, downloaded with the email's link or by those who may, revoked and reissued", async () => {
    const c = await finishedCohort(1);
    const [a] = c.registrationIds as [string];
    for (const session of c.sessions)
      await markAttendance(facilitator, session, { listed: [a], present: [a] });
    await requestCertificates(coordinator, c.cohortId);
    await drainJobs();
    const [issued] = await db().select().from(certificates).where(eq(certificates.registrationId, a));
    if (!issued) throw new Error("not issued");
    const verified = await verifyCertificate(issued.code.toLowerCase().replace(/-/g, " "));
    expect(verified).toMatchObject({
      status: "valid",
      holderName: `Participante ${run}-0`,
      hours: 12,
      startsOn: "2026-08-03",
      endsOn: "2026-08-28",
    });
    expect(await verifyCertificate("ZZZZ-ZZZZ-ZZZZ")).toBeNull();
    expect(await verifyCertificate("<script>")).toBeNull();

    const [email] = await db()
      .select({ text: emails.textBody })
      .from(emails)
      .where(and(eq(emails.toAddress, `p${run}.0@example.cl`), like(emails.subject, "Su certificado:%")));
    const token = /clave=([\w-]+)/.exec(email?.text ?? "")?.[1] ?? "";
    const byLink = await certificateForDownload(issued.code, { token });
    const pdf = Buffer.from(await certificatePdf(byLink, "es-CL"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Same certificate, same bytes.
    expect(Buffer.from(await certificatePdf(byLink, "es-CL")).equals(pdf)).toBe(true);
    await expect(certificateForDownload(issued.code, { token: "nope" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(certificateForDownload(issued.code, {})).rejects.toBeInstanceOf(NotFoundError);
    for (const who of ["teacherA", "leaderA", "otherAdmin"] as const)
      await expect(
        certificateForDownload(issued.code, { actor: await actorOf(w[who].id) }),
      ).rejects.toBeInstanceOf(NotFoundError);
    // Besides its holder, the coordinators: facilitators take attendance, not certificates.
    await expect(certificateForDownload(issued.code, { actor: facilitator })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await certificateForDownload(issued.code, { actor: coordinator })).code).toBe(issued.code);

    // Revoking needs a reason; the verification page then says revoked.
    await expect(revokeCertificate(coordinator, issued.id, { reason: " " })).rejects.toBeInstanceOf(
      DomainError,
    );
    await expect(revokeCertificate(facilitator, issued.id, { reason: "Error" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const reissued = await reissueCertificate(coordinator, issued.id, { reason: "Nombre corregido" });
    // The revoked one's email link gives nothing any more; its public page says revoked.
    await expect(certificateForDownload(issued.code, { token })).rejects.toBeInstanceOf(NotFoundError);
    expect((await verifyCertificate(issued.code))?.status).toBe("revoked");
    expect((await verifyCertificate(reissued.code))?.status).toBe("valid");
    await expect(reissueCertificate(coordinator, issued.id, { reason: "Otra vez" })).rejects.toBeInstanceOf(
      DomainError,
    );
    await revokeCertificate(coordinator, reissued.id, { reason: "Asistencia mal registrada" });
    expect((await verifyCertificate(reissued.code))?.status).toBe("revoked");
    const page = await cohortForFacilitation(coordinator, c.cohortId);
    expect(page.revoked.map((r) => r.revokedReason).sort()).toEqual([
      "Asistencia mal registrada",
      "Nombre corregido",
    ]);
  });
});

describe("the cohort's report", () => {
  it("counts places by country and region: a Chilean region however typed, a school's region for its people", async () => {
    const c = await finishedCohort(0);
    const typed = [
      ["CL", "region metropolitana de santiago"],
      ["CL", "Metropolitana de Santiago"],
      ["CL", "  biobío "],
      ["MX", "Jalisco"],
      ["PE", ""],
    ] as const;
    for (const [n, [country, region]] of typed.entries())
      await registerForCohort(c.cohortId, {
        fullName: `Región ${n}`,
        email: `region.${run}.${n}@example.org`,
        country,
        role: "teacher",
        region,
      });
    // a teacher of the platform enrolled by a coordinator typed no region: her school's
    await enrolInCohort(coordinator, c.cohortId, {
      fullName: "Docente con escuela",
      email: w.teacherA.email,
      country: "CL",
      role: "teacher",
    });
    const stored = await db()
      .select({ region: registrations.region })
      .from(registrations)
      .where(eq(registrations.cohortId, c.cohortId));
    expect(stored.map((r) => r.region).sort()).toEqual(
      ["", "", "Biobío", "Jalisco", "Metropolitana de Santiago", "Metropolitana de Santiago"].sort(),
    );
    const t = translator("es-CL");
    const xlsx = await cohortReport(coordinator, c.cohortId, "xlsx", {
      t,
      locale: "es-CL",
      timeZone: "America/Santiago",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((xlsx.body as Uint8Array).buffer as ArrayBuffer);
    const sheet = book.getWorksheet("Por país y región");
    const rows = (sheet?.getSheetValues() ?? []).slice(2).map((r) => (r as unknown[]).slice(1, 4));
    const [school] = await db()
      .select({ region: schools.regionCode })
      .from(schools)
      .where(eq(schools.id, w.schoolA.id));
    expect(rows).toContainEqual(["Chile", "Metropolitana de Santiago", school?.region === "13" ? 3 : 2]);
    expect(rows).toContainEqual(["México", "Jalisco", 1]);
    expect(rows).toContainEqual(["Perú", "(sin región)", 1]);

    // the course's report: each version's places and completion
    const course = await courseReport(facilitator, c.courseId, "csv", { t, locale: "es-CL" });
    const lines = String(course.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Versión;Fechas;Estado;Confirmadas;En espera;Cumplen la regla;Con certificado");
    expect(lines[1]).toBe("Agosto 2026;Del 03-08-2026 al 28-08-2026;publicada;6;0;0;0");
    await expect(
      courseReport(await actorOf(w.teacherA.id), c.courseId, "csv", { t, locale: "es-CL" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists each person's attendance per session, completion and certificate; XLSX adds sessions and countries", async () => {
    const c = await finishedCohort(2);
    const [a, b] = c.registrationIds as [string, string];
    for (const [i, session] of c.sessions.entries())
      await markAttendance(facilitator, session, { listed: [a, b], present: i === 0 ? [a, b] : [a] });
    await requestCertificates(coordinator, c.cohortId);
    await drainJobs();
    const t = translator("es-CL");
    const csv = await cohortReport(facilitator, c.cohortId, "csv", {
      t,
      locale: "es-CL",
      timeZone: "America/Santiago",
    });
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Sesión 2026-08-05 (05-08-2026 18:00, hora de Chile)");
    expect(lines[1]).toMatch(
      new RegExp(`^Participante ${run}-0;p${run}\\.0@example\\.cl;Chile;;Docente;;Confirmada;`),
    );
    expect(lines[1]).toMatch(
      /;Presente;Presente;Presente;Presente;100;Sí;[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/,
    );
    expect(lines[2]).toMatch(/;Presente;Ausente;Ausente;Ausente;25;No;$/);
    const xlsx = await cohortReport(coordinator, c.cohortId, "xlsx", {
      t,
      locale: "es-CL",
      timeZone: "America/Santiago",
    });
    expect(
      Buffer.from(xlsx.body as Uint8Array)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    await expect(
      cohortReport(await actorOf(w.teacherA.id), c.cohortId, "csv", {
        t,
        locale: "es-CL",
        timeZone: "America/Santiago",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
