// Reminders before live sessions and announcements to a cohort (issue #16 §10): the jobs queued when a
// session is planned, one email per confirmed person and kind however often the job runs (a retry, a
// restart, two processes at once), and announcements only from those who run the cohort. PGlite and
// (npm test) PostgreSQL.
import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  announceToCohort,
  cancelRegistration,
  createCohort,
  createCourse,
  planSession,
  publishCohort,
  registerForCohort,
  sendSessionReminders,
} from ".";
import { cohortAnnouncements, courseFacilitators } from "./schema";

useTestDatabase();

let w: Awaited<ReturnType<typeof makeWorld>>;
let coordinator: Actor;
let facilitator: Actor;
let run = 0;

async function workshop() {
  run += 1;
  const { id: courseId } = await createCourse(coordinator, {
    kind: "workshop",
    title: `Evaluación formativa ${run}`,
    slug: `evaluacion-formativa-${run}`,
    hours: "3",
    level: "introductory",
    modality: "online",
  });
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  const { id: cohortId } = await createCohort(coordinator, courseId, {
    name: "Única",
    startsOn: "2099-01-01",
    endsOn: "2099-12-31",
  });
  await publishCohort(coordinator, cohortId);
  return cohortId;
}

const register = (cohortId: string, n: number, extra: Record<string, string> = {}) =>
  registerForCohort(cohortId, {
    fullName: `Persona ${run}-${n}`,
    email: `persona.${run}.${n}@example.cl`,
    country: "CL",
    role: "teacher",
    ...extra,
  });

const mailTo = (address: string, subject: string) =>
  db()
    .select({ text: emails.textBody, subject: emails.subject })
    .from(emails)
    .where(and(eq(emails.toAddress, address), like(emails.subject, `${subject}%`)));

beforeAll(async () => {
  w = await makeWorld();
  coordinator = await actorOf(w.coordinator.id);
  facilitator = await actorOf(w.facilitator.id);
});

describe("session reminders", () => {
  it("are queued 24 h and 1 h before, and reach each confirmed person once, in their zone", async () => {
    const cohortId = await workshop();
    const session = await planSession(coordinator, cohortId, {
      title: "Sesión de apertura",
      date: "2099-03-10",
      time: "18:00",
      timeZone: "America/Santiago",
      durationMinutes: "60",
    });
    const jobs = await db().execute(
      sql`SELECT payload->>'kind' AS kind, run_at FROM jobs WHERE name = 'learning.session_reminder'
          AND payload->>'sessionId' = ${session.id} ORDER BY run_at`,
    );
    const rows = (jobs as unknown as { rows: { kind: string; run_at: Date | string }[] }).rows;
    expect(rows.map((r) => [r.kind, new Date(r.run_at).toISOString()])).toEqual([
      ["day", new Date(session.startsAt.getTime() - 86_400_000).toISOString()],
      ["hour", new Date(session.startsAt.getTime() - 3_600_000).toISOString()],
    ]);
    await register(cohortId, 1, { timeZone: "America/Mexico_City" });
    await register(cohortId, 2);
    const gone = await register(cohortId, 3);
    await cancelRegistration(gone.cancelToken);
    const dayBefore = new Date(session.startsAt.getTime() - 86_400_000);
    // Two runs at once (two processes) and a retry: one email each.
    const sent = await Promise.all([
      sendSessionReminders(session.id, "day", dayBefore),
      sendSessionReminders(session.id, "day", dayBefore),
    ]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await sendSessionReminders(session.id, "day", dayBefore)).toBe(0);
    const [mexico] = await mailTo(`persona.${run}.1@example.cl`, "Mañana:");
    expect(mexico?.text).toContain("10-03-2099 15:00");
    expect(await mailTo(`persona.${run}.2@example.cl`, "Mañana:")).toHaveLength(1);
    expect(await mailTo(`persona.${run}.3@example.cl`, "Mañana:")).toHaveLength(0);
    // The hour's reminder is another one; after the session began, none is sent.
    expect(
      await sendSessionReminders(session.id, "hour", new Date(session.startsAt.getTime() - 3_600_000)),
    ).toBe(2);
    expect(await sendSessionReminders(session.id, "hour", session.startsAt)).toBe(0);
  });

  it("skip a day's reminder that comes too late to say 'mañana'", async () => {
    const cohortId = await workshop();
    const session = await planSession(coordinator, cohortId, {
      title: "Sesión con la cola detenida",
      date: "2099-04-10",
      time: "18:00",
      durationMinutes: "60",
    });
    await register(cohortId, 1);
    const late = new Date(session.startsAt.getTime() - 90 * 60_000);
    expect(await sendSessionReminders(session.id, "day", late)).toBe(0);
    expect(await sendSessionReminders(session.id, "hour", late)).toBe(1);
  });

  it("are not queued for a time already past", async () => {
    const cohortId = await workshop();
    const session = await planSession(coordinator, cohortId, {
      title: "Sesión pasada",
      date: "2020-03-10",
      time: "18:00",
      durationMinutes: "60",
    });
    const jobs = await db().execute(
      sql`SELECT id FROM jobs WHERE name = 'learning.session_reminder' AND payload->>'sessionId' = ${session.id}`,
    );
    expect((jobs as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });
});

describe("announcements", () => {
  it("are emailed by the facilitator to everyone confirmed, and refused to others and when empty", async () => {
    const cohortId = await workshop();
    await register(cohortId, 1);
    await register(cohortId, 2);
    await expect(
      announceToCohort(facilitator, cohortId, { subject: "", body: "Hola" }),
    ).rejects.toBeInstanceOf(ValidationError);
    for (const who of ["teacherA", "leaderA", "otherAdmin"] as const)
      await expect(
        announceToCohort(await actorOf(w[who].id), cohortId, { subject: "Intruso", body: "x" }),
      ).rejects.toBeInstanceOf(NotFoundError);
    const sent = await announceToCohort(facilitator, cohortId, {
      subject: "Material para la sesión",
      body: "Traigan una planificación.\nNos vemos el martes.",
    });
    expect(sent.recipients).toBe(2);
    const [mail] = await mailTo(`persona.${run}.2@example.cl`, `Evaluación formativa ${run}: Material`);
    expect(mail?.text).toContain("Traigan una planificación.\nNos vemos el martes.");
    expect(
      await db().select().from(cohortAnnouncements).where(eq(cohortAnnouncements.cohortId, cohortId)),
    ).toHaveLength(1);
  });
});
