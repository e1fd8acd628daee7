// The change-counting triggers of the dashboards' figures have one definition (figure-triggers.ts):
// the committed migration is what it writes, a migrated database holds exactly those triggers, and an
// update counts only when it changes a column the figures read.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, migrationsFolder, rowsOf } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import { ensureObservationSetup, networkDashboard, saveCadenceSettings, schoolDashboard } from ".";
import {
  type FigureEvent,
  figureTriggersSql,
  functionBody,
  functionOf,
  GENERATED_MARKER,
  triggerOf,
  WATCHED,
} from "./figure-triggers";
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

const TZ = "America/Santiago";
const NOW = new Date("2026-11-20T15:00:00Z");
const PERIOD = { from: "2026-10-26", to: "2026-11-20" };

describe("the committed migrations and figure-triggers.ts", () => {
  const folder = migrationsFolder();
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: Array<{ idx: number; tag: string }>;
  };
  const migrations = [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({ tag: e.tag, text: readFileSync(path.join(folder, `${e.tag}.sql`), "utf8") }));
  const generated = migrations.filter((m) => m.text.startsWith(GENERATED_MARKER));

  it("the newest migration written from figure-triggers.ts is what it writes now", () => {
    const newest = generated.at(-1);
    expect(newest, "no migration written by figureTriggersSql()").toBeDefined();
    expect(
      newest?.text,
      `db/migrations/${newest?.tag}.sql differs from figureTriggersSql(): a change of figure-triggers.ts needs a new migration (see the top of that file)`,
    ).toBe(figureTriggersSql());
  });

  it("no later migration writes these triggers by hand", () => {
    const after = migrations.slice(migrations.indexOf(generated.at(-1) as (typeof migrations)[number]) + 1);
    for (const m of after)
      expect(m.text, m.tag).not.toMatch(
        /TRIGGER|_figures_changed|bump_school_figures|figure_versions_skipped/i,
      );
  });
});

describe("the triggers of a migrated database", () => {
  it("are exactly those figure-triggers.ts lists, each calling its table's function", async () => {
    const bits: Record<FigureEvent, number> = { insert: 4, delete: 8, update: 16 };
    const found = await rowsOf<{
      table: string;
      name: string;
      fn: string;
      type: number;
      old_table: string | null;
      new_table: string | null;
    }>(
      db(),
      sql`SELECT c.relname AS "table", t.tgname AS "name", p.proname AS "fn", t.tgtype::int AS "type",
            t.tgoldtable AS "old_table", t.tgnewtable AS "new_table"
          FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE NOT t.tgisinternal AND n.nspname = current_schema()
          ORDER BY 2`,
    );
    const expected = WATCHED.flatMap((w) =>
      w.on.map((event) => ({
        table: w.table,
        name: triggerOf(w, event),
        fn: functionOf(w),
        // AFTER, FOR EACH STATEMENT: no ROW (1), BEFORE (2) or INSTEAD (64) bit, only the event's
        type: bits[event],
        old_table: event === "insert" ? null : "old_rows",
        new_table: event === "delete" ? null : "new_rows",
      })),
    ).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(found).toEqual(expected);
  });

  it("call functions whose bodies are the ones figure-triggers.ts writes", async () => {
    const functions = await rowsOf<{ name: string; body: string }>(
      db(),
      sql`SELECT p.proname AS "name", p.prosrc AS "body" FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = current_schema() AND p.prorettype = 'trigger'::regtype
          ORDER BY 1`,
    );
    expect(functions).toEqual(
      WATCHED.map((w) => ({ name: functionOf(w), body: functionBody(w) })).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      ),
    );
  });
});

describe("an update counts only when it changes a column the figures read", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const a: Record<string, Actor> = {};
  let versionId: string;
  let indicatorKey: string;
  let visitA: string;
  let meetingA: string;
  const snapshotsA: string[] = [];

  /** The changes counted so far, per school. */
  async function counted(): Promise<Record<string, number>> {
    const rows = await rowsOf<{ school_id: string; n: string }>(
      db(),
      sql`SELECT school_id, sum(n)::text AS n FROM school_figure_versions GROUP BY school_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.school_id, Number(r.n)]));
  }

  async function addVisit(schoolId: string, teacherId: string, status: "draft" | "submitted", at: Date) {
    const id = newId();
    await db()
      .insert(observations)
      .values({
        id,
        organizationId: w.org.id,
        schoolId,
        teacherId,
        observerId: schoolId === w.schoolA.id ? w.mentorA.id : w.leaderB.id,
        instrumentVersionId: versionId,
        purpose: "formativa",
        course: "5° básico A",
        subject: "Matemática",
        status,
        startedAt: at,
        submittedAt: status === "submitted" ? new Date(at.getTime() + 20 * 60_000) : null,
      });
    return id;
  }

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of ["coordinator", "leaderA", "leaderB"] as const) a[key] = await actorOf(w[key].id);
    const [mbe] = await db()
      .select({ versionId: instrumentVersions.id, content: instrumentVersions.content })
      .from(instruments)
      .innerJoin(instrumentVersions, eq(instrumentVersions.instrumentId, instruments.id))
      .where(and(eq(instruments.organizationId, w.org.id), eq(instrumentVersions.status, "published")))
      .orderBy(instruments.name)
      .limit(1);
    versionId = mbe.versionId;
    indicatorKey = mbe.content.sections
      .flatMap((section) => section.indicators)
      .find((indicator) => indicator.kind === "scored")?.key as string;

    // School A: a submitted visit with levels, snapshots, a meeting and the step it named; one waiting
    // for its meeting; a draft. School B: a submitted visit and a mastered step.
    visitA = await addVisit(w.schoolA.id, w.teacherA.id, "submitted", new Date("2026-11-10T13:00:00Z"));
    await addVisit(w.schoolA.id, w.teacherA2.id, "submitted", new Date("2026-11-12T13:00:00Z"));
    await addVisit(w.schoolA.id, w.teacherA2.id, "draft", new Date("2026-11-19T13:00:00Z"));
    const visitB = await addVisit(w.schoolB.id, w.teacherB.id, "submitted", new Date("2026-11-11T13:00:00Z"));
    for (const observationId of [visitA, visitB])
      await db().insert(observationLevels).values({ observationId, indicatorKey, level: 3 });
    for (const [minute, onTask] of [
      [5, 20],
      [15, 24],
    ]) {
      const id = newId();
      snapshotsA.push(id);
      await db()
        .insert(observationSnapshots)
        .values({ id, observationId: visitA, minute, onTask, present: 25 });
    }
    const stepA = newId();
    await db()
      .insert(actionSteps)
      .values([
        {
          id: stepA,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId: w.teacherA.id,
          category: "climate",
          title: "Nombrar la conducta esperada",
          mastery: "Lo hace sin recordatorio",
          status: "open",
          openedAt: new Date("2026-11-11T13:00:00Z"),
          openedBy: w.mentorA.id,
        },
        {
          id: newId(),
          organizationId: w.org.id,
          schoolId: w.schoolB.id,
          teacherId: w.teacherB.id,
          category: "routines",
          title: "Rutina de entrada",
          status: "mastered",
          openedAt: new Date("2026-10-27T13:00:00Z"),
          closedAt: new Date("2026-11-05T13:00:00Z"),
          masteredInObservationId: visitB,
        },
      ]);
    meetingA = newId();
    await db()
      .insert(feedbackMeetings)
      .values({
        id: meetingA,
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        observationId: visitA,
        teacherId: w.teacherA.id,
        observerId: w.mentorA.id,
        heldAt: new Date("2026-11-11T13:00:00Z"),
        praise: "Buen cierre",
        gap: "Tiempo de espera",
        actionStepId: stepA,
        followUpOn: "2026-11-25",
      });
    await saveCadenceSettings(a.leaderA, w.schoolA.id, {
      visitEveryDays: "21",
      meetingWithinHours: "72",
      defaultPurpose: "formativa",
    });
  });

  it("a visit's course, focus result or proposed step counts nothing; moving its start counts in its school", async () => {
    const before = await counted();
    await db()
      .update(observations)
      .set({
        course: "6° básico B",
        focusResult: "continued",
        proposedStepTitle: "Otro paso",
        updatedAt: NOW,
      })
      .where(eq(observations.id, visitA));
    expect(await counted()).toEqual(before);
    await db()
      .update(observations)
      .set({ startedAt: new Date("2026-11-10T14:00:00Z") })
      .where(eq(observations.id, visitA));
    expect(await counted()).toEqual({ ...before, [w.schoolA.id]: (before[w.schoolA.id] ?? 0) + 1 });
  });

  it("saving the same cadence targets again counts nothing; a new target counts", async () => {
    const before = await counted();
    const targets = { visitEveryDays: "21", meetingWithinHours: "72", defaultPurpose: "formativa" };
    await saveCadenceSettings(a.leaderA, w.schoolA.id, targets);
    expect(await counted()).toEqual(before);
    await saveCadenceSettings(a.leaderA, w.schoolA.id, { ...targets, visitEveryDays: "28" });
    expect(await counted()).toEqual({ ...before, [w.schoolA.id]: (before[w.schoolA.id] ?? 0) + 1 });
  });

  it("a meeting moved to another school counts in both", async () => {
    const before = await counted();
    await db()
      .update(feedbackMeetings)
      .set({ schoolId: w.schoolB.id })
      .where(eq(feedbackMeetings.id, meetingA));
    expect(await counted()).toEqual({
      ...before,
      [w.schoolA.id]: (before[w.schoolA.id] ?? 0) + 1,
      [w.schoolB.id]: (before[w.schoolB.id] ?? 0) + 1,
    });
    await db()
      .update(feedbackMeetings)
      .set({ schoolId: w.schoolA.id })
      .where(eq(feedbackMeetings.id, meetingA));
  });

  it("two snapshots of a visit exchanging their counts count nothing (the visit's sums are the same)", async () => {
    const before = await counted();
    await db().execute(sql`
      UPDATE observation_snapshots s SET on_task = x.on_task
      FROM (SELECT id, CASE WHEN id = ${snapshotsA[0]} THEN 24 ELSE 20 END AS on_task
            FROM observation_snapshots WHERE id IN (${snapshotsA[0]}, ${snapshotsA[1]})) x
      WHERE s.id = x.id`);
    expect(await counted()).toEqual(before);
  });

  it("writing every column the figures read with the value it has counts nothing", async () => {
    const before = await counted();
    for (const watched of WATCHED) {
      const same = sql.join(
        watched.reads.map((c) => sql`${sql.identifier(c)} = ${sql.identifier(c)}`),
        sql`, `,
      );
      await db().execute(sql`UPDATE ${sql.identifier(watched.table)} SET ${same}`);
    }
    expect(await counted()).toEqual(before);
  });

  it("changing any other column of the watched tables counts nothing, and no dashboard shows it", async () => {
    const read = async () => ({
      schoolA: await schoolDashboard(a.leaderA, w.schoolA.id, PERIOD, TZ, NOW),
      schoolB: await schoolDashboard(a.leaderB, w.schoolB.id, PERIOD, TZ, NOW),
      network: await networkDashboard(a.coordinator, PERIOD, TZ, NOW),
    });
    const shown = await read();
    expect(shown.schoolA.cadence.meetingsHeld).toBe(1);
    expect(shown.schoolA.onTask.some((p) => p.present > 0)).toBe(true);
    expect(shown.network.schools.map((s) => s.name)).toEqual([w.schoolA.name]);
    const before = await counted();

    const changed: string[] = [];
    for (const watched of WATCHED) {
      // keys (a foreign key, or a column other rows point at) are left alone: a new value must name a
      // row that exists; every other column gets another value of its type
      const columns = await rowsOf<{ name: string; type: string; key: boolean }>(
        db(),
        sql`SELECT c.column_name AS "name", c.data_type AS "type",
              EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_attribute a
                        ON (a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey))
                        OR (a.attrelid = k.confrelid AND a.attnum = ANY(k.confkey))
                      WHERE k.contype = 'f' AND a.attrelid = ${watched.table}::regclass
                        AND a.attname = c.column_name) AS "key"
            FROM information_schema.columns c
            WHERE c.table_schema = current_schema() AND c.table_name = ${watched.table}
            ORDER BY c.ordinal_position`,
      );
      for (const column of columns) {
        if (watched.reads.includes(column.name) || column.key) continue;
        const c = sql.identifier(column.name);
        const other = {
          // a null becomes a value of its own (unique indexes hold)
          text: sql`coalesce(${c} || ' (otro)', 'otro ' || gen_random_uuid())`,
          integer: sql`coalesce(${c}, 0) + 1000`,
          smallint: sql`coalesce(${c}, 0) + 1000`,
          boolean: sql`NOT coalesce(${c}, false)`,
          date: sql`coalesce(${c}, DATE '2026-11-01') + 1`,
          "timestamp with time zone": sql`coalesce(${c}, ${NOW.toISOString()}::timestamptz) + interval '1 day'`,
          uuid: sql`gen_random_uuid()`,
        }[column.type];
        if (!other)
          throw new Error(`${watched.table}.${column.name}: no other value for type ${column.type}`);
        await db().execute(sql`UPDATE ${sql.identifier(watched.table)} SET ${c} = ${other}`);
        expect(await counted(), `${watched.table}.${column.name} counted a change`).toEqual(before);
        changed.push(`${watched.table}.${column.name}`);
      }
    }
    // e.g. observations.course, persons.email, schools.address, feedback_meetings.praise, instruments.archived_at
    expect(changed).toEqual(
      expect.arrayContaining([
        "observations.course",
        "observations.focus_result",
        "persons.email",
        "schools.address",
        "feedback_meetings.praise",
        "instruments.archived_at",
        "memberships.title",
        "school_observation_settings.updated_at",
      ]),
    );

    // Every school counted once more by hand: the dashboards are computed again, and show the same.
    await db().execute(sql`INSERT INTO school_figure_versions (school_id) SELECT id FROM schools`);
    const misses = figuresCacheStats().misses;
    expect(await read()).toEqual(shown);
    expect(figuresCacheStats().misses).toBeGreaterThan(misses);
  });
});
