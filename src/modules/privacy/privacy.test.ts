import { and, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { hashPassword } from "../../platform/auth/passwords";
import { createSession } from "../../platform/auth/sessions";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { runNextJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { signIn } from "../accounts";
import { invitations } from "../accounts/schema";
import {
  acknowledgeFeedback,
  calendarAttachment,
  ensureObservationSetup,
  recordMeeting,
  saveReflection,
  saveVisit,
  schoolDashboard,
  startVisit,
} from "../observation";
import { instruments, observationFieldEdits, observationNotes, observations } from "../observation/schema";
import { persons, rutCheckDigit } from "../people";
import { actorOf, makePerson, makeWorld } from "../people/testing";
import {
  anonymizedEmail,
  deletionRequestPage,
  exportPersonalData,
  getPrivacyRequest,
  handlePrivacyRequest,
  listPrivacyRequests,
  requestDeletion,
} from ".";
import { privacyRequests } from "./schema";

useTestDatabase();

const TZ = "America/Santiago";
const PASSWORD = "una-clave-larga-2026";
const RUT_BODY = "15837402";
const RUT = `${RUT_BODY}-${rutCheckDigit(RUT_BODY)}`;
const OWN_PRIVATE = "Reflexión privada de Valentina sobre la consigna.";
const COLLEAGUE_PRIVATE = "Secreto de la colega: no lo cuente nadie.";
const LEADER_NOTE = "Evidencia escrita por Bernardita en la visita.";
const STEP_TITLE = "Rutina de entrada que pensó Bernardita";

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

function localDateTime(at: Date) {
  const [date, time] = new Intl.DateTimeFormat("sv-SE", {
    timeZone: TZ,
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(at)
    .split(" ");
  return { date, time };
}

/** Runs every job, then the ones due a few seconds later. */
async function runQueue() {
  while (await runNextJob()) {}
  await db().execute(sql`UPDATE jobs SET run_at = now() WHERE status = 'pending'`);
  while (await runNextJob()) {}
}

/** Every row of every table of the database, as text. */
async function everyTableText(): Promise<string> {
  const tables = (await db().execute(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as unknown as { rows: Array<{ table_name: string }> };
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = (await db().execute(sql.raw(`SELECT t::text AS row FROM "${table_name}" t`))) as unknown as {
      rows: Array<{ row: string }>;
    };
    for (const r of rows.rows) parts.push(`${table_name}: ${r.row}`);
  }
  return parts.join("\n");
}

describe("personal data rights (Ley 21.719)", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const a: Record<string, Actor> = {};
  let teacher: Awaited<ReturnType<typeof makePerson>>;
  let leader: Awaited<ReturnType<typeof makePerson>>;
  let teacherActor: Actor;
  let leaderActor: Actor;
  let sessionToken: string;
  let visitId: string;
  let instrumentId: string;

  async function cycle(teacherId: string, reflection: string) {
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000 + 1000);
    const id = await startVisit(leaderActor, {
      schoolId: w.schoolA.id,
      teacherId,
      instrumentId,
      course: "5° básico A",
      subject: "Matemática",
      purpose: "formativa",
    });
    await saveVisit(leaderActor, id, "note", { note: LEADER_NOTE, noteTag: "b5.1" }, at(1));
    await saveVisit(leaderActor, id, "snapshot", { onTask: "21", present: "28" }, at(5));
    await saveVisit(leaderActor, id, "save", { proposedStepTitle: STEP_TITLE }, at(6));
    await saveVisit(leaderActor, id, "submit", { "level_b5.1": "3" }, at(16));
    const held = localDateTime(new Date(t0.getTime() + 17 * 60_000));
    await recordMeeting(
      leaderActor,
      id,
      {
        heldOn: held.date,
        heldAtTime: held.time,
        praise: "Bernardita felicita la rutina de entrada.",
        gap: "Tres estudiantes sin cuaderno.",
        stepChoice: "custom",
        stepTitle: "Pizarras para todos",
        plan: "Usarlo mañana.",
      },
      TZ,
      new Date(t0.getTime() + 18 * 60_000),
    );
    const teacherOf = await actorOf(teacherId);
    await acknowledgeFeedback(teacherOf, id);
    await saveReflection(teacherOf, id, { reflection, private: "on" });
    return id;
  }

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of ["admin", "coordinator", "otherCoordinator", "teacherA2", "otherAdmin"] as const) {
      a[key] = await actorOf(w[key].id);
    }
    teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      givenNames: "Valentina Sofía",
      familyNames: "Quezada Riquelme",
      email: "valentina.quezada@example.cl",
      rut: RUT,
      phone: "+56 9 8765 4321",
      passwordHash: await hashPassword(PASSWORD),
    });
    leader = await makePerson(w.org.id, [{ role: "leader", schoolId: w.schoolA.id }], {
      givenNames: "Bernardita",
      familyNames: "Zúñiga Contreras",
      email: "bernardita.zuniga@example.cl",
    });
    teacherActor = await actorOf(teacher.id);
    leaderActor = await actorOf(leader.id);
    const rows = await db().select().from(instruments).where(eq(instruments.organizationId, w.org.id));
    instrumentId = rows.find((r) => r.name.includes("MBE"))?.id ?? "";
    visitId = await cycle(teacher.id, OWN_PRIVATE);
    await cycle(w.teacherA2.id, COLLEAGUE_PRIVATE);
    sessionToken = (await createSession(teacher.id, { userAgent: "Prueba/1.0", ip: "10.0.0.7" })).token;
    await db()
      .insert(invitations)
      .values({
        id: newId(),
        organizationId: w.org.id,
        personId: teacher.id,
        tokenHash: "hash-de-invitacion-secreto",
        sentTo: teacher.email,
        invitedBy: w.coordinator.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    await signIn({ email: teacher.email, password: PASSWORD }, { ip: "10.0.0.7" });
  });

  describe("downloading one's data", () => {
    it("gives the person a ZIP of everything about them, with no secret and nobody else's private text", async () => {
      const archive = await exportPersonalData(teacherActor, teacher.id);
      expect(archive.fileName).toMatch(/^mis-datos-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipSync(archive.bytes);
      expect(Object.keys(files).sort()).toEqual(
        [
          "LEEME.txt",
          "auditoria.csv",
          "calibraciones.csv",
          "datos.json",
          "niveles.csv",
          "pasos-de-accion.csv",
          "reuniones.csv",
          "roles.csv",
          "sesiones.csv",
          "tiempo-en-tarea.csv",
          "visitas-realizadas.csv",
          "visitas-recibidas.csv",
        ].sort(),
      );
      // the parts come from every owner's personal data hook, always in the same order
      expect(Object.keys(files)).toEqual([
        "LEEME.txt",
        "datos.json",
        "roles.csv",
        "sesiones.csv",
        "auditoria.csv",
        "visitas-recibidas.csv",
        "niveles.csv",
        "tiempo-en-tarea.csv",
        "reuniones.csv",
        "pasos-de-accion.csv",
        "visitas-realizadas.csv",
        "calibraciones.csv",
      ]);
      const data = JSON.parse(strFromU8(files["datos.json"]));
      expect(Object.keys(data)).toEqual([
        "generatedAt",
        "format",
        "organization",
        "person",
        "memberships",
        "advisedSchools",
        "sessions",
        "invitations",
        "passwordResets",
        "emailChanges",
        "knownDevices",
        "auditEvents",
        "privacyRequests",
        "asTeacher",
        "asObserver",
        "calibrations",
        "remindersSent",
      ]);
      for (const key of [
        "person",
        "organization",
        "memberships",
        "sessions",
        "invitations",
        "auditEvents",
        "asTeacher",
        "asObserver",
        "calibrations",
      ]) {
        expect(data, key).toHaveProperty(key);
      }
      expect(data.person).toMatchObject({ email: teacher.email, rut: RUT, givenNames: "Valentina Sofía" });
      expect(data.person).not.toHaveProperty("passwordHash");
      expect(data.memberships).toEqual([expect.objectContaining({ role: "teacher", school: "Escuela A" })]);
      expect(data.sessions.map((s: { userAgent: string }) => s.userAgent)).toContain("Prueba/1.0");
      expect(data.invitations).toHaveLength(1);
      expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain("auth.sign_in");
      const [visit] = data.asTeacher.visits;
      expect(visit.observer).toBe("Bernardita Zúñiga Contreras");
      expect(visit.notes.map((n: { body: string }) => n.body)).toEqual([LEADER_NOTE]);
      expect(visit.levels).toEqual([{ indicatorKey: "b5.1", level: 3 }]);
      expect(visit.timeOnTask).toEqual([{ minute: 5, onTask: 21, present: 28 }]);
      expect(visit.meeting.reflection).toMatchObject({ body: OWN_PRIVATE, private: true });
      expect(data.asTeacher.actionSteps.map((s: { title: string }) => s.title)).toEqual([
        "Pizarras para todos",
      ]);

      const roles = strFromU8(files["roles.csv"]);
      expect([...files["roles.csv"].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(roles.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("role;school;title;since");
      expect(strFromU8(files["niveles.csv"])).toContain(`${visitId};b5.1;3`);
      expect(strFromU8(files["reuniones.csv"])).toContain(OWN_PRIVATE);
      expect(strFromU8(files["LEEME.txt"])).toContain("Sus datos en Impulso");

      const everything = Object.values(files)
        .map((f) => strFromU8(f))
        .join("\n");
      const [stored] = await db().select().from(persons).where(eq(persons.id, teacher.id));
      expect(everything).not.toContain(stored.passwordHash as string);
      expect(everything).not.toContain("$argon2");
      expect(everything).not.toContain(sessionToken);
      expect(everything).not.toContain("hash-de-invitacion-secreto");
      expect(everything).not.toContain(COLLEAGUE_PRIVATE);

      const audited = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "privacy.export"), eq(auditEvents.actorPersonId, teacher.id)));
      expect(audited).toHaveLength(1);
    });

    it("gives an observer the visits they wrote, without their teachers' private reflections", async () => {
      const files = unzipSync((await exportPersonalData(leaderActor, leader.id)).bytes);
      const data = JSON.parse(strFromU8(files["datos.json"]));
      expect(data.asObserver.visits).toHaveLength(2);
      expect(data.asObserver.visits.map((v: { teacher: string }) => v.teacher)).toContain(
        "Valentina Sofía Quezada Riquelme",
      );
      const everything = Object.values(files)
        .map((f) => strFromU8(f))
        .join("\n");
      expect(everything).not.toContain(OWN_PRIVATE);
      expect(everything).not.toContain(COLLEAGUE_PRIVATE);
      expect(strFromU8(files["visitas-realizadas.csv"])).toContain("Valentina Sofía Quezada Riquelme");
    });

    it("is nobody else's to download, administrators and coordinators included (404)", async () => {
      for (const actor of [a.admin, a.coordinator, leaderActor, a.teacherA2, a.otherAdmin]) {
        expect(await rejection(exportPersonalData(actor, teacher.id))).toBeInstanceOf(NotFoundError);
      }
      expect(await rejection(exportPersonalData(teacherActor, "no-es-un-id"))).toBeInstanceOf(NotFoundError);
    });
  });

  describe("deletion requests", () => {
    let requestId: string;

    it("needs the person's confirmation, and only the person may ask", async () => {
      const refused = (await rejection(
        requestDeletion(teacherActor, teacher.id, { reason: "x" }),
      )) as DomainError;
      expect(refused.fieldErrors).toEqual({ confirm: "privacy.errors.confirm_required" });
      const tooLong = (await rejection(
        requestDeletion(teacherActor, teacher.id, { confirm: "on", reason: "x".repeat(2001) }),
      )) as DomainError;
      expect(tooLong.fieldErrors).toEqual({ reason: "privacy.errors.too_long" });
      for (const actor of [a.coordinator, a.admin, leaderActor]) {
        expect(await rejection(requestDeletion(actor, teacher.id, { confirm: "on" }))).toBeInstanceOf(
          NotFoundError,
        );
      }
      expect(await db().select().from(privacyRequests)).toEqual([]);
      requestId = await requestDeletion(teacherActor, teacher.id, {
        confirm: "on",
        reason: "Me cambio de trabajo, Valentina.",
      });
      const again = (await rejection(
        requestDeletion(teacherActor, teacher.id, { confirm: "on" }),
      )) as DomainError;
      expect(again.messageKey).toBe("privacy.errors.already_pending");
      expect((await deletionRequestPage(teacherActor, teacher.id)).latest?.status).toBe("pending");
      const [audited] = await db()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "privacy.deletion_requested"));
      expect(audited.subjectId).toBe(requestId);
    });

    it("is listed for coordinators only; nobody else may read or handle it", async () => {
      const list = await listPrivacyRequests(a.coordinator);
      expect(list.pending.map((r) => r.id)).toEqual([requestId]);
      expect(list.pending[0].dueAt.getTime() - list.pending[0].requestedAt.getTime()).toBe(30 * 86_400_000);
      for (const actor of [a.admin, leaderActor, teacherActor, a.teacherA2, a.otherAdmin]) {
        expect(await rejection(listPrivacyRequests(actor)), "list").toBeInstanceOf(NotFoundError);
        expect(await rejection(getPrivacyRequest(actor, requestId)), "read").toBeInstanceOf(NotFoundError);
        expect(
          await rejection(handlePrivacyRequest(actor, requestId, "anonymize", { confirm: "on" })),
          "handle",
        ).toBeInstanceOf(NotFoundError);
      }
      const [row] = await db().select().from(privacyRequests).where(eq(privacyRequests.id, requestId));
      expect(row.status).toBe("pending");
      const [person] = await db().select().from(persons).where(eq(persons.id, teacher.id));
      expect(person.givenNames).toBe("Valentina Sofía");
    });

    it("anonymizes the person: no name, email or RUT anywhere, no sign-in, the figures unchanged", async () => {
      const period = {};
      const before = await schoolDashboard(a.coordinator, w.schoolA.id, period, TZ);
      const refused = (await rejection(
        handlePrivacyRequest(a.coordinator, requestId, "anonymize", {}),
      )) as DomainError;
      expect(refused.fieldErrors).toEqual({ confirm: "privacy.errors.confirm_required" });

      // Reminders with a calendar event: one to her, one to her leader naming her (the line that names
      // her is long enough to be folded in the .ics).
      const fullName = `${teacher.givenNames} ${teacher.familyNames}`;
      const event = (to: string) =>
        queueEmail({
          to,
          organizationId: w.org.id,
          subject: "Recordatorio",
          text: `Reunión con ${fullName}`,
          attachments: [
            calendarAttachment(
              {
                uid: `${to}@impulso`,
                title: `Reunión de retroalimentación con ${fullName} (plazo)`,
                description: `Con ${fullName}: http://localhost:3000/observaciones/${visitId}/reunion`,
                url: `http://localhost:3000/observaciones/${visitId}/reunion`,
                start: new Date("2026-11-21T08:30:00Z"),
                end: new Date("2026-11-21T09:00:00Z"),
              },
              "reunion.ics",
            ),
          ],
        });
      await event(teacher.email);
      const leaderEmailId = await event(leader.email);
      const [folded] =
        (await db().select().from(emails).where(eq(emails.id, leaderEmailId)))[0].attachments ?? [];
      const summary = `SUMMARY:Reunión de retroalimentación con ${fullName} (plazo)`;
      expect(folded.content).not.toContain(summary);
      expect(folded.content.replace(/\r\n[ \t]/g, "")).toContain(summary);

      const handledAt = new Date(Date.now() - 60_000);
      expect(
        await handlePrivacyRequest(a.coordinator, requestId, "anonymize", { confirm: "on" }, handledAt),
      ).toBe("anonymized");
      // the notice is sent, then (a few seconds later) its address forgotten
      await runQueue();

      const [person] = await db().select().from(persons).where(eq(persons.id, teacher.id));
      expect(person).toMatchObject({
        givenNames: "Persona",
        familyNames: "eliminada",
        email: anonymizedEmail(teacher.id),
        rut: null,
        phone: null,
        passwordHash: null,
        status: "disabled",
      });

      const dump = await everyTableText();
      for (const secret of [
        "Valentina",
        "Quezada",
        teacher.email,
        RUT_BODY,
        "8765 4321",
        OWN_PRIVATE,
        "Me cambio de trabajo",
        "hash-de-invitacion-secreto",
      ]) {
        expect(dump.split("\n").filter((line) => line.includes(secret))).toEqual([]);
      }
      // (a sign-in typed with the old address afterwards is a new record of what was typed)
      expect(
        await rejection(signIn({ email: teacher.email, password: PASSWORD }, { ip: "10.0.0.8" })),
      ).toMatchObject({ messageKey: "auth.sign_in.failed" });
      // the leader's calendar event names the anonymized person; hers lost its file with its text
      const [leaderEvent] =
        (await db().select().from(emails).where(eq(emails.id, leaderEmailId)))[0].attachments ?? [];
      expect(leaderEvent.content).toContain("Reunión de retroalimentación con Persona eliminada (plazo)");
      expect(leaderEvent.content).toContain("BEGIN:VEVENT");
      // the notice reached the outbox before its address was forgotten
      const notices = await db()
        .select()
        .from(emails)
        .where(eq(emails.subject, "Sus datos fueron eliminados"));
      expect(notices.map((e) => [e.status, e.toAddress])).toEqual([["kept", anonymizedEmail(teacher.id)]]);

      // the visit, its levels, snapshots and meeting are still there; the leader's texts too
      const [visit] = await db().select().from(observations).where(eq(observations.id, visitId));
      expect(visit.status).toBe("submitted");
      const notes = await db()
        .select()
        .from(observationNotes)
        .where(eq(observationNotes.observationId, visitId));
      expect(notes.map((n) => n.body)).toEqual([LEADER_NOTE]);

      const after = await schoolDashboard(a.coordinator, w.schoolA.id, period, TZ);
      expect(after.levels).toEqual(before.levels);
      expect(after.onTask).toEqual(before.onTask);
      expect(after.steps).toEqual(before.steps);
      const counts = (d: typeof before) => d.coverage.map((p) => [p.bucket, p.visits, p.meetings, p.covered]);
      expect(counts(after)).toEqual(counts(before));

      const actions = (await db().select().from(auditEvents)).map((e) => e.action);
      expect(actions).toContain("privacy.anonymized");
      expect(
        (await rejection(
          handlePrivacyRequest(a.coordinator, requestId, "anonymize", { confirm: "on" }),
        )) as DomainError,
      ).toMatchObject({ messageKey: "privacy.errors.already_handled" });
    });

    it("anonymizes an observer: their notes and meeting texts become a marker, every figure stays", async () => {
      const before = await schoolDashboard(a.coordinator, w.schoolA.id, {}, TZ);
      const id = await requestDeletion(leaderActor, leader.id, { confirm: "on" });
      await handlePrivacyRequest(a.coordinator, id, "anonymize", { confirm: "on" });
      const notes = await db().select().from(observationNotes);
      expect(notes.length).toBe(2);
      expect(new Set(notes.map((n) => n.body))).toEqual(
        new Set(["[Texto eliminado a pedido de su autor o autora]"]),
      );
      // The step titles the observer typed, as the visits' history kept them.
      const edits = await db()
        .select()
        .from(observationFieldEdits)
        .where(eq(observationFieldEdits.field, "proposedStepTitle"));
      expect(edits.map((e) => [e.field, e.previous, e.value])).toEqual([
        ["proposedStepTitle", "", "[Texto eliminado a pedido de su autor o autora]"],
        ["proposedStepTitle", "", "[Texto eliminado a pedido de su autor o autora]"],
      ]);
      const after = await schoolDashboard(a.coordinator, w.schoolA.id, {}, TZ);
      expect(after.coverage).toEqual(before.coverage);
      expect(after.levels).toEqual(before.levels);
      expect(after.onTask).toEqual(before.onTask);
      expect(after.steps).toEqual(before.steps);
      await runQueue();
      const dump = await everyTableText();
      for (const secret of ["Bernardita", "Zúñiga", "bernardita.zuniga@example.cl"]) {
        expect(dump.split("\n").filter((line) => line.includes(secret))).toEqual([]);
      }
    });

    it("rejects with a reason the person receives by email", async () => {
      const id = await requestDeletion(a.teacherA2, w.teacherA2.id, { confirm: "on" });
      const refused = (await rejection(
        handlePrivacyRequest(a.coordinator, id, "reject", { note: "  " }),
      )) as DomainError;
      expect(refused.fieldErrors).toEqual({ note: "privacy.errors.note_required" });
      expect(
        await handlePrivacyRequest(a.coordinator, id, "reject", {
          note: "Debemos conservarlos por ley 5 años.",
        }),
      ).toBe("rejected");
      const [mail] = await db()
        .select()
        .from(emails)
        .where(
          and(
            eq(emails.toAddress, w.teacherA2.email),
            eq(emails.subject, "Su solicitud de eliminación de datos"),
          ),
        );
      expect(mail.textBody).toContain("Debemos conservarlos por ley 5 años.");
      const page = await deletionRequestPage(a.teacherA2, w.teacherA2.id);
      expect(page.latest).toMatchObject({
        status: "rejected",
        decisionNote: "Debemos conservarlos por ley 5 años.",
      });
      const [person] = await db().select().from(persons).where(eq(persons.id, w.teacherA2.id));
      expect(person.status).toBe("active");
      const actions = (await db().select().from(auditEvents)).map((e) => e.action);
      expect(actions).toContain("privacy.request_rejected");
      // a new request may follow a rejected one
      await requestDeletion(a.teacherA2, w.teacherA2.id, { confirm: "on" });
    });
  });
});
