// Registration for an open workshop (issue #16 §5 and "Bad input and concurrency"): places, the
// waiting list in order of arrival, the same email twice, cancelling and moving up, and 200 people at
// once for the last 30 places. Runs on PGlite and (npm test) on PostgreSQL.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError, RateLimitedError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { withClockStopped } from "../../platform/testing/clock";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  cancelRegistration,
  createCohort,
  createCourse,
  enrolFromFile,
  enrolInCohort,
  learnerHome,
  planSession,
  publishCohort,
  registerForCohort,
} from ".";
import { registrations } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let coordinator: Actor;
let run = 0;

const person = (n: number, extra: Record<string, string> = {}) => ({
  fullName: `Docente ${n}`,
  email: `docente.${n}@example.mx`,
  country: "MX",
  role: "teacher",
  institution: "Escuela Primaria Benito Juárez",
  ...extra,
});

async function openWorkshop(capacity: number | null, kind: "workshop" | "course" = "workshop") {
  run += 1;
  const { id: courseId } = await createCourse(coordinator, {
    kind,
    title: `Taller de lectura ${run}`,
    slug: `taller-lectura-${run}`,
    summary: "Estrategias de comprensión lectora.",
    hours: "8",
    level: "introductory",
    modality: "online",
  });
  const { id } = await createCohort(coordinator, courseId, {
    name: "Marzo 2027",
    startsOn: "2027-03-01",
    endsOn: "2027-03-31",
    capacity: capacity === null ? "" : String(capacity),
  });
  await publishCohort(coordinator, id);
  return id;
}

const stored = (cohortId: string) =>
  db()
    .select({ email: registrations.email, status: registrations.status, position: registrations.position })
    .from(registrations)
    .where(eq(registrations.cohortId, cohortId))
    .orderBy(asc(registrations.position));

beforeAll(async () => {
  w = await makeWorld();
  coordinator = await actorOf(w.coordinator.id);
});

describe("registerForCohort", () => {
  it("confirms while there are places, then puts people on the waiting list in order", async () => {
    const cohortId = await openWorkshop(2);
    const results = [];
    for (const n of [1, 2, 3, 4]) results.push(await registerForCohort(cohortId, person(n)));
    expect(results.map((r) => [r.status, r.waitingPlace])).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["waiting", 1],
      ["waiting", 2],
    ]);
    expect(await stored(cohortId)).toEqual([
      { email: "docente.1@example.mx", status: "confirmed", position: 1 },
      { email: "docente.2@example.mx", status: "confirmed", position: 2 },
      { email: "docente.3@example.mx", status: "waiting", position: 3 },
      { email: "docente.4@example.mx", status: "waiting", position: 4 },
    ]);
  });

  it("takes the same email twice as one registration, whatever its case", async () => {
    const cohortId = await openWorkshop(10);
    const first = await registerForCohort(cohortId, person(5));
    const again = await registerForCohort(cohortId, person(5, { email: "DOCENTE.5@Example.MX" }));
    expect(again).toMatchObject({
      registrationId: first.registrationId,
      status: "confirmed",
      alreadyRegistered: true,
    });
    expect(await stored(cohortId)).toHaveLength(1);
    // The cancel link of the first email no longer works; the newest one does.
    await expect(cancelRegistration(first.cancelToken)).rejects.toThrow();
    await cancelRegistration(again.cancelToken);
    expect((await stored(cohortId))[0]?.status).toBe("cancelled");
  });

  it("moves the first of the waiting list up when a confirmed place is cancelled, once", async () => {
    const cohortId = await openWorkshop(1);
    const a = await registerForCohort(cohortId, person(11));
    const b = await registerForCohort(cohortId, person(12));
    const c = await registerForCohort(cohortId, person(13));
    expect(c.waitingPlace).toBe(2);
    const cancelled = await cancelRegistration(a.cancelToken);
    expect(cancelled.promotedId).toBe(b.registrationId);
    // The person who moved up is told: first the waiting list, then the confirmation.
    const told = await db()
      .select({ subject: emails.subject })
      .from(emails)
      .where(eq(emails.toAddress, "docente.12@example.mx"))
      .orderBy(asc(emails.createdAt));
    expect(told.map((m) => m.subject.split(":")[0])).toEqual(["Lista de espera", "Inscripción confirmada"]);
    // Cancelling again changes nothing and moves nobody else up.
    expect((await cancelRegistration(a.cancelToken)).promotedId).toBeNull();
    expect((await stored(cohortId)).map((r) => r.status)).toEqual(["cancelled", "confirmed", "waiting"]);
    // A waiting person who cancels frees no place.
    expect((await cancelRegistration(c.cancelToken)).promotedId).toBeNull();
    // Registering again after cancelling: a new place at the end.
    const back = await registerForCohort(cohortId, person(11));
    expect(back).toMatchObject({ registrationId: a.registrationId, status: "waiting", waitingPlace: 1 });
    expect((await stored(cohortId)).at(-1)).toEqual({
      email: "docente.11@example.mx",
      status: "waiting",
      position: 4,
    });
  });

  it("has no waiting list without a capacity", async () => {
    const cohortId = await openWorkshop(null);
    for (const n of [21, 22, 23])
      expect((await registerForCohort(cohortId, person(n))).status).toBe("confirmed");
  });

  it("refuses bad input field by field, and registers nothing", async () => {
    const cohortId = await openWorkshop(5);
    const error = await registerForCohort(cohortId, {
      fullName: " ",
      email: "no-es-un-correo",
      country: "XX",
      role: "astronauta",
      rut: "12.345.678-0",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      fullName: "errors.required",
      email: "errors.invalid_email",
      country: "errors.invalid_choice",
      role: "errors.invalid_choice",
      rut: "errors.invalid_rut",
    });
    expect(await stored(cohortId)).toEqual([]);
    // A valid RUT is kept normalized.
    await registerForCohort(cohortId, person(31, { country: "CL", rut: "12.345.678-5" }));
    const [row] = await db()
      .select({ rut: registrations.rut })
      .from(registrations)
      .where(eq(registrations.cohortId, cohortId));
    expect(row?.rut).toBe("12345678-5");
  });

  it("takes no registration for a draft cohort, a closed course or an unknown cohort", async () => {
    run += 1;
    const { id: courseId } = await createCourse(coordinator, {
      kind: "workshop",
      title: "Borrador",
      slug: `borrador-${run}`,
      hours: "2",
      level: "introductory",
      modality: "online",
    });
    const { id: draft } = await createCohort(coordinator, courseId, {
      name: "Sin publicar",
      startsOn: "2027-04-01",
      endsOn: "2027-04-02",
    });
    await expect(registerForCohort(draft, person(41))).rejects.toThrow();
    const closed = await openWorkshop(10, "course");
    await expect(registerForCohort(closed, person(42))).rejects.toThrow();
    await expect(registerForCohort("01900000-0000-7000-8000-000000000000", person(43))).rejects.toThrow();
  });

  it("gives exactly 30 places to 200 people registering at once, and the waiting list to the rest in order", async () => {
    const cohortId = await openWorkshop(40);
    // 10 places already taken: 30 left.
    for (let n = 1000; n < 1010; n++) await registerForCohort(cohortId, person(n));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => registerForCohort(cohortId, person(2000 + i))),
    );
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(30);
    expect(results.filter((r) => r.status === "waiting")).toHaveLength(170);
    const rows = await stored(cohortId);
    expect(rows).toHaveLength(210);
    // Positions 1…210, each once; the confirmed are exactly the first 40 to arrive, the rest wait.
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 210 }, (_, i) => i + 1));
    expect(rows.slice(0, 40).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(40).every((r) => r.status === "waiting")).toBe(true);
    // Each waiting person was told their place in the list, 1…170 by arrival.
    const places = results.filter((r) => r.status === "waiting").map((r) => r.waitingPlace);
    expect([...places].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      Array.from({ length: 170 }, (_, i) => i + 1),
    );
    const byPosition = await db()
      .select({ id: registrations.id, position: registrations.position })
      .from(registrations)
      .where(and(eq(registrations.cohortId, cohortId), eq(registrations.status, "waiting")))
      .orderBy(asc(registrations.position));
    const placeOf = new Map(results.map((r) => [r.registrationId, r.waitingPlace]));
    expect(byPosition.map((r) => placeOf.get(r.id))).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
  });
});

describe("the registration's email", () => {
  it("confirms with the sessions in the person's zone, a calendar file and the cancel link, in the page's language", async () => {
    const cohortId = await openWorkshop(1);
    await planSession(coordinator, cohortId, {
      title: "Primera sesión",
      date: "2027-03-03",
      time: "18:00",
      durationMinutes: "90",
    });
    const mexico = person(81, { timeZone: "America/Mexico_City" });
    const result = await registerForCohort(cohortId, mexico);
    const [mail] = await db().select().from(emails).where(eq(emails.toAddress, mexico.email));
    expect(mail?.subject).toMatch(/^Inscripción confirmada: Taller de lectura/);
    // 18:00 in Santiago (summer, −03) is 15:00 in Mexico City (−06).
    expect(mail?.textBody).toContain("03-03-2027 15:00: Primera sesión");
    expect(mail?.textBody).toContain(`/inscripciones/cancelar/${result.cancelToken}`);
    const ics = mail?.attachments?.[0]?.content ?? "";
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("DTSTART:20270303T210000Z");
    // Waiting, in Portuguese.
    await registerForCohort(cohortId, person(82), { locale: "pt-BR" });
    const [waiting] = await db().select().from(emails).where(eq(emails.toAddress, "docente.82@example.mx"));
    expect(waiting?.subject).toMatch(/^Lista de espera: /);
    expect(waiting?.textBody).toContain("lugar 1 da lista de espera");
  });

  it("is not queued for a registration that was refused", async () => {
    const cohortId = await openWorkshop(5);
    await expect(registerForCohort(cohortId, person(83, { country: "XX" }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db().select().from(emails).where(eq(emails.toAddress, "docente.83@example.mx"))).toEqual([]);
  });
});

describe("enrolment by coordinators", () => {
  it("enrols one person in a closed course, theirs when the address is an account's; others may not", async () => {
    const cohortId = await openWorkshop(1, "course");
    // The public form does not take a closed course.
    await expect(registerForCohort(cohortId, person(4000))).rejects.toBeInstanceOf(NotFoundError);
    const facilitator = await actorOf(w.facilitator.id);
    await expect(enrolInCohort(facilitator, cohortId, person(4001))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      enrolInCohort(coordinator, cohortId, { ...person(4001), email: "x" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const mine = await enrolInCohort(coordinator, cohortId, {
      ...person(4002),
      email: w.mentorA.email.toUpperCase(),
    });
    expect(mine.status).toBe("confirmed");
    const [row] = await db().select().from(registrations).where(eq(registrations.id, mine.registrationId));
    expect(row?.personId).toBe(w.mentorA.id);
    expect((await enrolInCohort(coordinator, cohortId, person(4003))).status).toBe("waiting");
  });

  it("enrols a list row by row, reporting the rows refused with their line and why", async () => {
    const cohortId = await openWorkshop(null, "course");
    const csv = [
      "Listado de docentes 2027;;;;",
      "Nombres;Apellidos;Correo;RUT;Cargo",
      "Ana María;Pérez Soto;ana.perez@example.cl;12.345.678-5;Docente",
      "Luis;Rojas;no-es-correo;;Docente",
      "Carla;Muñoz;carla.munoz@example.cl;11.111.111-2;Jefa UTP",
      ";;;;",
      "Ana María;Pérez Soto;ANA.PEREZ@example.cl;;Docente",
    ].join("\r\n");
    const report = await enrolFromFile(coordinator, cohortId, {
      fileName: "lista.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(report).toMatchObject({ confirmed: 1, waiting: 0, already: 1 });
    expect(report.rejected.map((r) => [r.line, r.errors])).toEqual([
      [4, ["errors.invalid_email"]],
      [5, ["errors.invalid_rut"]],
    ]);
    const stored = await db()
      .select({
        email: registrations.email,
        role: registrations.role,
        rut: registrations.rut,
        country: registrations.country,
      })
      .from(registrations)
      .where(eq(registrations.cohortId, cohortId));
    expect(stored).toEqual([
      { email: "ana.perez@example.cl", role: "teacher", rut: "12345678-5", country: "CL" },
    ]);
    // The same list again: nobody is written to twice, nothing changes.
    const mails = async () =>
      (await db().select().from(emails).where(eq(emails.toAddress, "ana.perez@example.cl"))).length;
    const before = await mails();
    const again = await enrolFromFile(coordinator, cohortId, {
      fileName: "lista.csv",
      bytes: new TextEncoder().encode(csv),
    });
    expect(again).toMatchObject({ confirmed: 0, waiting: 0, already: 2 });
    expect(await mails()).toBe(before);
    await expect(
      enrolFromFile(coordinator, cohortId, {
        fileName: "x.csv",
        bytes: new TextEncoder().encode("Nombre;Edad\nAna;30"),
      }),
    ).rejects.toMatchObject({ messageKey: "roster.errors.missing_columns" });
  });
});

describe("registration limits", () => {
  it("refuses more than 30 registrations an hour from one network, and more than 5 to one address", () =>
    withClockStopped(async () => {
      const cohortId = await openWorkshop(null);
      const from = { ip: "203.0.113.7" };
      for (let n = 0; n < 30; n++) await registerForCohort(cohortId, person(3000 + n), { from });
      await expect(registerForCohort(cohortId, person(3030), { from })).rejects.toBeInstanceOf(
        RateLimitedError,
      );
      // Another network is not held back by the first one.
      await registerForCohort(cohortId, person(3031), { from: { ip: "198.51.100.4" } });
      // One address, written from many networks: 5 emails an hour at most.
      const target = person(3100, { email: "buzon.ajeno@example.cl" });
      for (let n = 0; n < 5; n++)
        await registerForCohort(cohortId, target, { from: { ip: `192.0.2.${n + 1}` } });
      await expect(
        registerForCohort(cohortId, target, { from: { ip: "192.0.2.99" } }),
      ).rejects.toBeInstanceOf(RateLimitedError);
      const sent = await db().select().from(emails).where(eq(emails.toAddress, "buzon.ajeno@example.cl"));
      expect(sent).toHaveLength(5);
    }));
});

describe("a signed-in person's registration", () => {
  it("is theirs when it carries their address, and its next session is on their home page", async () => {
    const cohortId = await openWorkshop(5);
    await planSession(coordinator, cohortId, {
      title: "Única sesión",
      date: "2099-06-02",
      time: "10:00",
      durationMinutes: "60",
    });
    const me = { personId: w.teacherB.id, email: w.teacherB.email };
    const mine = await registerForCohort(cohortId, person(91, { email: w.teacherB.email.toUpperCase() }), {
      signedIn: me,
    });
    const forSomeoneElse = await registerForCohort(cohortId, person(92), { signedIn: me });
    const owners = await db()
      .select({ id: registrations.id, personId: registrations.personId })
      .from(registrations)
      .where(eq(registrations.cohortId, cohortId));
    expect(owners.find((r) => r.id === mine.registrationId)?.personId).toBe(w.teacherB.id);
    expect(owners.find((r) => r.id === forSomeoneElse.registrationId)?.personId).toBeNull();
    expect(
      (await learnerHome({ id: w.teacherB.id, email: w.teacherB.email, organizationId: w.org.id }))
        .nextSession,
    ).toMatchObject({
      title: "Única sesión",
      startsAt: new Date("2099-06-02T14:00:00Z"),
    });
    // Cancelled: no longer on the home page.
    await cancelRegistration(mine.cancelToken);
    expect(
      (await learnerHome({ id: w.teacherB.id, email: w.teacherB.email, organizationId: w.org.id }))
        .nextSession,
    ).toBeNull();
  });
});

describe("a registration's personal data", () => {
  it("is in the archive of the person whose address it carries, and anonymizing keeps the place without the person", async () => {
    const { personalDataHooks } = await import("../../platform/personal-data");
    const hook = personalDataHooks().find((h) => h.name === "learning");
    if (!hook) throw new Error("the learning module registers no personal data hook");
    const cohortId = await openWorkshop(3);
    const subject = { ...w.teacherA, rut: null };
    await registerForCohort(
      cohortId,
      person(77, { email: w.teacherA.email, rut: "12.345.678-5", country: "CL" }),
    );
    const part = await hook.exportFor(db(), subject, {
      personNames: async () => () => null,
      schoolNames: async () => () => null,
    });
    expect(part.json.registrations).toMatchObject([
      { email: w.teacherA.email, rut: "12345678-5", status: "confirmed" },
    ]);
    await hook.anonymize(db(), subject, {
      now: new Date(),
      givenNames: "Persona",
      familyNames: "eliminada",
      email: "eliminada-1@invalid.impulso.cl",
      marker: "[eliminado]",
      addresses: [w.teacherA.email],
      keepEmailIds: [],
    });
    const [row] = await db()
      .select({
        fullName: registrations.fullName,
        email: registrations.email,
        rut: registrations.rut,
        status: registrations.status,
      })
      .from(registrations)
      .where(eq(registrations.cohortId, cohortId));
    expect(row).toEqual({
      fullName: "Persona eliminada",
      email: "eliminada-1@invalid.impulso.cl",
      rut: null,
      status: "confirmed",
    });
  });
});
