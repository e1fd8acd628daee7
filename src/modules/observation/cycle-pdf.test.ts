import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { pdfInfo, pdfPages } from "../../platform/testing/pdf";
import { actorOf, makePerson, makeWorld, pair } from "../people/testing";
import {
  acknowledgeFeedback,
  cyclePdf,
  ensureObservationSetup,
  recordMeeting,
  saveReflection,
  saveVisit,
  startVisit,
} from ".";
import { fileNamePart } from "./cycle-pdf";
import { instruments } from "./schema";

useTestDatabase();

const TZ = "America/Santiago";
const es = { locale: "es-CL" as const, timeZone: TZ };

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

/** "2026-11-25" and "10:30" of an instant in Santiago, as the meeting form takes them. */
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

describe("the cycle PDF", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const a: Record<string, Actor> = {};
  let teacher: Actor;
  let teacherId: string;
  let instrumentId: string;
  let cycleId: string;

  const start = (teacherOf: string) =>
    startVisit(a.leaderA, {
      schoolId: w.schoolA.id,
      teacherId: teacherOf,
      instrumentId,
      course: "5° básico A",
      subject: "Matemática",
      purpose: "formativa",
    });

  /** Submits a visit with `notes` notes and holds its meeting; returns its id. */
  async function cycle(teacherOf: string, notes: string[]) {
    const t0 = new Date();
    const id = await start(teacherOf);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000 + 1000);
    for (const [i, note] of notes.entries()) {
      await saveVisit(a.leaderA, id, "note", { note, noteTag: i === 0 ? "b5.1" : "" }, at(Math.min(i, 15)));
    }
    await saveVisit(a.leaderA, id, "snapshot", { onTask: "21", present: "28" }, at(5));
    await saveVisit(a.leaderA, id, "snapshot", { onTask: "28", present: "28" }, at(12));
    await saveVisit(a.leaderA, id, "submit", { "level_b5.1": "3" }, at(16));
    const now = new Date(t0.getTime() + 17 * 60_000);
    const held = localDateTime(now);
    await recordMeeting(
      a.leaderA,
      id,
      {
        heldOn: held.date,
        heldAtTime: held.time,
        praise: "Llamó a cada estudiante por su nombre y esperó la respuesta: ¡muy bien!",
        model: "Vimos juntos el video de la rutina de entrada.",
        gap: "Tres estudiantes tardaron en sacar su cuaderno.",
        stepChoice: "custom",
        stepTitle: "Pedir que todos respondan en sus pizarras antes de dar la palabra",
        plan: "Usarlo en la próxima clase de Matemática, al inicio.",
        practiced: "on",
        practiceNote: "Dos ensayos de la consigna.",
        followUpOn: held.date,
      },
      TZ,
      new Date(now.getTime() + 60_000),
    );
    return id;
  }

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of [
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
    ] as const) {
      a[key] = await actorOf(w[key].id);
    }
    const person = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      givenNames: "María José",
      familyNames: "Muñoz Ibáñez",
    });
    teacherId = person.id;
    teacher = await actorOf(teacherId);
    // mentor A mentors her (a pairing in force: what lets a mentor read her cycle)
    await pair(w.org.id, w.mentorA.id, teacherId, w.schoolA.id, { startsOn: "2020-01-01" });
    a.mentorA = await actorOf(w.mentorA.id);
    const rows = await db().select().from(instruments).where(eq(instruments.organizationId, w.org.id));
    instrumentId = rows.find((r) => r.name.includes("MBE"))?.id ?? "";
    cycleId = await cycle(teacherId, [
      "La docente saluda en la puerta; 28 estudiantes. Pregunta «¿qué aprendimos ayer?»",
      "Tres estudiantes sin cuaderno.",
    ]);
    await acknowledgeFeedback(teacher, cycleId);
    await saveReflection(teacher, cycleId, {
      reflection: "Reflexión privada: me costó la consigna de cierre.",
      private: "on",
    });
  });

  it("prints the visit and its feedback for the teacher, with her private reflection", async () => {
    const pdf = await cyclePdf(teacher, cycleId, es);
    const pages = await pdfPages(pdf.bytes);
    const text = pages.join(" ");
    for (const expected of [
      "Ciclo de observación y retroalimentación",
      w.org.name,
      "María José Muñoz Ibáñez",
      w.schoolA.name,
      "5° básico A",
      "Matemática",
      "Formativa",
      "Pauta",
      "(versión 1)",
      "Evidencias",
      "Pregunta «¿qué aprendimos ayer?»",
      "Trato respetuoso entre el/la docente y los estudiantes",
      "Competente",
      "Tiempo en tarea de la visita: 88",
      "Retroalimentación",
      "Llamó a cada estudiante por su nombre y esperó la respuesta: ¡muy bien!",
      "Vimos juntos el video de la rutina de entrada.",
      "Tres estudiantes tardaron en sacar su cuaderno.",
      "Pedir que todos respondan en sus pizarras antes de dar la palabra",
      "Usarlo en la próxima clase de Matemática, al inicio.",
      "Dos ensayos de la consigna.",
      "Lectura confirmada por María José Muñoz Ibáñez",
      "Reflexión privada: me costó la consigna de cierre.",
      "Reflexión de María José Muñoz Ibáñez",
      "Privada: solo María José Muñoz Ibáñez la lee.",
    ]) {
      expect(text).toContain(expected);
    }
    expect(pages[0]).toContain(`Página 1 de ${pages.length}`);
    expect((await pdfInfo(pdf.bytes)).Author).toBe("Impulso");
    expect(pdf.fileName).toMatch(/^ciclo-\d{4}-\d{2}-\d{2}-maria-jose-munoz-ibanez\.pdf$/);
  });

  it("leaves the private reflection out of everyone else's copy", async () => {
    for (const who of ["leaderA", "mentorA", "coordinator"]) {
      const text = (await pdfPages((await cyclePdf(a[who], cycleId, es)).bytes)).join(" ");
      expect(text, who).toContain("Llamó a cada estudiante por su nombre");
      expect(text, who).not.toContain("me costó la consigna de cierre");
      expect(text, who).not.toContain("Reflexión de María José");
    }
    // Once the teacher shares it, the observer's copy has it.
    await saveReflection(teacher, cycleId, {
      reflection: "Reflexión compartida con mi jefa UTP.",
      private: "",
    });
    const shared = (await pdfPages((await cyclePdf(a.leaderA, cycleId, es)).bytes)).join(" ");
    expect(shared).toContain("Reflexión compartida con mi jefa UTP.");
    expect(shared).toContain("Reflexión de María José Muñoz Ibáñez");
    expect(shared).not.toContain("Privada: solo");
  });

  it("is a 404 for whoever may not open the visit, and for a draft", async () => {
    for (const who of [
      "teacherA", // another teacher of the same school
      "leaderB", // a leader of another school
      "otherCoordinator", // a coordinator who does not advise the school
      "admin",
      "otherAdmin", // another organization
      "otherLeader",
    ]) {
      expect(await rejection(cyclePdf(a[who], cycleId, es)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await rejection(cyclePdf(a.leaderA, "not-a-uuid", es))).toBeInstanceOf(NotFoundError);
    const draft = await start(w.teacherA.id);
    await saveVisit(a.leaderA, draft, "note", { note: "Borrador." });
    expect(await rejection(cyclePdf(a.leaderA, draft, es))).toBeInstanceOf(NotFoundError);
  });

  it("audits a download by anyone but the teacher and the author", async () => {
    const downloads = async () =>
      db()
        .select({ actor: auditEvents.actorPersonId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "observation.pdf"), eq(auditEvents.subjectId, cycleId)));
    const before = (await downloads()).map((r) => r.actor);
    await cyclePdf(teacher, cycleId, es);
    await cyclePdf(a.leaderA, cycleId, es);
    expect((await downloads()).map((r) => r.actor)).toEqual(before);
    await cyclePdf(a.coordinator, cycleId, es);
    expect((await downloads()).map((r) => r.actor)).toEqual([...before, w.coordinator.id]);
  });

  it("paginates a long cycle and keeps every note", async () => {
    const notes = Array.from(
      { length: 60 },
      (_, i) =>
        `Evidencia ${i + 1}: los estudiantes trabajan en grupos de cuatro; la docente recorre la sala y pregunta a cada grupo qué estrategia usaron.`,
    );
    const id = await cycle(w.teacherA2.id, notes);
    const pages = await pdfPages((await cyclePdf(a.leaderA, id, es)).bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
    });
    const text = pages.join(" ");
    for (let i = 1; i <= 60; i++) expect(text.split(`Evidencia ${i}:`), `note ${i}`).toHaveLength(2);
    expect(text).toContain("Pedir que todos respondan en sus pizarras");
  });

  it("prints a teacher's name with letters outside Latin-1 as written", async () => {
    const person = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      givenNames: "Łukasz",
      familyNames: "Nguyễn Шевченко",
    });
    const id = await cycle(person.id, ["Łukasz pregunta a Δημήτρης por la tarea."]);
    const text = (await pdfPages((await cyclePdf(a.leaderA, id, es)).bytes)).join(" ");
    expect(text).toContain("Łukasz Nguyễn Шевченко");
    expect(text).toContain("Łukasz pregunta a Δημήτρης por la tarea.");
  });

  it("speaks the reader's language", async () => {
    const text = (
      await pdfPages((await cyclePdf(teacher, cycleId, { locale: "en", timeZone: TZ })).bytes)
    ).join(" ");
    expect(text).toContain("Observation and feedback cycle");
    expect(text).toContain("Page 1 of");
    expect(text).toContain("Formative");
  });

  it("names the file in ASCII", () => {
    expect(fileNamePart("  Ñuñoa O'Higgins Pérez  ")).toBe("nunoa-o-higgins-perez");
    expect(fileNamePart("李")).toBe("docente");
  });
});
