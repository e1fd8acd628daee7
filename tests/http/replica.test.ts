// Reads from a streaming replica (issue #6): a real PostgreSQL primary and a hot-standby replica made
// with pg_basebackup on this machine, the production server on both (DATABASE_URL + replica), and the
// school dashboard read over HTTP. With the replica's replay paused, a change made by someone else
// does not show (the dashboard reads the replica), while the person who made a change sees it at once
// (read from the primary until the replica has replayed their write). Runs in the PostgreSQL suite.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureObservationSetup } from "~/modules/observation";
import { makeWorld } from "~/modules/people/testing";
import { createSession } from "~/platform/auth/sessions";
import { type Database, openDatabase, setDatabase } from "~/platform/db/client";
import { buildDir, ensureBuilt } from "../../scripts/build";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/postgres";

const enabled = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!enabled)("dashboards on a streaming replica", () => {
  let primary: ThrowawayPostgres;
  let replica: ThrowawayPostgres;
  let database: Database;
  let replicaAdmin: pg.Client;
  let stop: (() => Promise<void>) | undefined;
  let url = "";
  let w: Awaited<ReturnType<typeof makeWorld>>;

  /** Waits until the replica has replayed everything the primary has committed. */
  async function caughtUp(): Promise<void> {
    const [row] = (
      (await database.db.execute(sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`)) as unknown as {
        rows: { lsn: string }[];
      }
    ).rows;
    for (let i = 0; i < 200; i++) {
      const { rows } = await replicaAdmin.query<{ ok: boolean }>(
        "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok",
        [row?.lsn],
      );
      if (rows[0]?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("la réplica no alcanzó al primario en 10 s");
  }

  beforeAll(async () => {
    primary = await startThrowawayPostgres({ replication: true });
    replica = await startThrowawayPostgres({ replicaOf: primary });
    replicaAdmin = new pg.Client({ connectionString: replica.url });
    await replicaAdmin.connect();
    database = await openDatabase({ url: primary.url, replicaUrl: replica.url, poolSize: 5 });
    await database.migrate();
    setDatabase(database);
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    ensureBuilt();
    const bundle = await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
    const running = await bundle.startServer({
      clientDir: path.join(buildDir, "client"),
      seed: false,
      database,
      port: 0,
      worker: false,
    });
    stop = running.stop;
    url = running.url;
    await caughtUp();
  }, 180_000);

  afterAll(async () => {
    await stop?.();
    await replicaAdmin?.query("SELECT pg_wal_replay_resume()").catch(() => {});
    await replicaAdmin?.end().catch(() => {});
    await database?.close();
    setDatabase(undefined);
    await replica?.stop();
    await primary?.stop();
  });

  const sessionOf = async (personId: string) =>
    `impulso_session=${(await createSession(personId, { ip: "127.0.0.1" })).token}`;
  const dashboard = async (cookie: string) => {
    const response = await fetch(`${url}/establecimientos/${w.schoolA.id}/observacion`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const saveTargets = (cookie: string, days: number) =>
    fetch(`${url}/establecimientos/${w.schoolA.id}/observacion/metas`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: url },
      body: new URLSearchParams({
        visitEveryDays: String(days),
        meetingWithinHours: "48",
        defaultPurpose: "formativa",
      }).toString(),
      redirect: "manual",
    });
  const target = (days: number) => `cada ${days} días`;

  it("reads the dashboard from the replica: someone else's change shows once the replica replays it", async () => {
    const leader = await sessionOf(w.leaderA.id);
    const coordinator = await sessionOf(w.coordinator.id);
    await caughtUp();
    expect(await dashboard(leader)).toContain(target(14));

    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    const saved = await saveTargets(coordinator, 21);
    expect(saved.status).toBe(302);
    // Stored on the primary…
    const stored = (await database.db.execute(
      sql`SELECT visit_every_days FROM school_observation_settings WHERE school_id = ${w.schoolA.id}`,
    )) as unknown as { rows: { visit_every_days: number }[] };
    expect(stored.rows[0]?.visit_every_days).toBe(21);
    // …but the leader's dashboard comes from the paused replica.
    const stale = await dashboard(leader);
    expect(stale).toContain(target(14));
    expect(stale).not.toContain(target(21));

    await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    await caughtUp();
    expect(await dashboard(leader)).toContain(target(21));
  });

  it("a person sees their own change at once, even while the replica is behind", async () => {
    const leader = await sessionOf(w.leaderA.id);
    await caughtUp();
    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    const saved = await saveTargets(leader, 10);
    expect(saved.status).toBe(302);
    const position = /impulso_escritura=([^;]+)/.exec(saved.headers.get("set-cookie") ?? "")?.[1];
    expect(decodeURIComponent(position ?? "")).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    const withWrite = `${leader}; impulso_escritura=${position}`;
    // Their next page includes the change (read from the primary)…
    expect(await dashboard(withWrite)).toContain(target(10));
    // …while the same session without the write's cookie (another tab that never wrote, another
    // device) still reads the paused replica.
    expect(await dashboard(leader)).not.toContain(target(10));

    await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    await caughtUp();
    expect(await dashboard(leader)).toContain(target(10));
    expect(await dashboard(withWrite)).toContain(target(10));
  });

  it("reads the primary when the replica is gone", async () => {
    const leader = await sessionOf(w.leaderA.id);
    await caughtUp();
    await replicaAdmin.end();
    await replica.stop();
    // The replica's health is checked at most every 5 s per process: past that, reads go to the primary.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(await dashboard(leader)).toContain(target(10));
  });

  it("a stranger reads nothing through the replica either", async () => {
    const stranger = await sessionOf(w.otherLeader.id);
    const response = await fetch(`${url}/establecimientos/${w.schoolA.id}/observacion`, {
      headers: { cookie: stranger },
      redirect: "manual",
    });
    expect(response.status).toBe(404);
  });
});
