// The crash test (issue #6, "No data lost"): under write load the real production server is killed
// with SIGKILL, ROUNDS times per database engine; after each restart the database must open and every
// write that a client saw acknowledged must be there.
//
// For each engine (PGlite under DATA_DIR, the default; PostgreSQL through DATABASE_URL) the server is
// started exactly as `npm start` starts it (scripts/node24.mjs → scripts/start.ts, which runs the
// built bundle), in a process group of its own so that SIGKILL reaches the node process that holds the
// database and not only the wrapper. A mentor signs in once through the sign-in form (the session
// cookie must survive every crash too) and starts CLIENTS draft visits; then, each round, CLIENTS
// concurrent clients add evidence notes (each with a unique marker) through the visit form, and
// after a random 100–800 ms the server's process group is killed. A note counts as acknowledged when
// its POST was answered with the redirect back to the visit. After the restart every visit page must
// show every acknowledged note of every round so far, and every POST that got no answer is sent again
// with the same idempotency key, as a client retries (issue #6, "double submissions"): it must be
// acknowledged (written now, or recognized as already stored). At the end the server is stopped properly and
// the database is opened directly: each acknowledged note exactly once, no note twice, and (amcheck)
// every B-tree index consistent with its table.
//
// Run by `npm test` as its own step (scripts/test.ts; config tests/crash/vitest.config.ts), on the
// throwaway PostgreSQL server of TEST_DATABASE_URL; run alone (`npx vitest run --config
// tests/crash/vitest.config.ts`) it starts one. CRASH_ROUNDS overrides 20. The two engines run at the
// same time; each restart costs ~4.4 s of CPU (mostly loading the server bundle).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import pg from "pg";
import { beforeAll, describe, type ExpectStatic, it } from "vitest";
import { ensureBuilt, root } from "../../scripts/build";
import {
  createDatabase,
  dropDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../../scripts/postgres";
import { freePort } from "../../scripts/system";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const CLIENTS = 4;
const KILL_AFTER_MS = [100, 800] as const;
const FIRST_START_TIMEOUT_MS = 120_000; // migrations and the demo seed
const RESTART_TIMEOUT_MS = 60_000;
const OBSERVER = "mentor@demo.impulso.cl";
const PASSWORD = "impulso-demo-2026";
/** Where scripts/test.ts collects logs and the *.pid files of process groups it must kill at the end. */
const outputDir = process.env.TEST_OUTPUT_DIR;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Whether any process of the group is still there (a zombie counts until its parent reaps it). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// ── The server process ─────────────────────────────────────────────────────────────────────────

interface App {
  url: string;
  child: ChildProcess;
  /** SIGKILL to the whole process group; resolves once no process of it is left. */
  kill(): Promise<void>;
  /** SIGTERM (Ctrl-C's path: close the server and the database); resolves with the exit code. */
  stop(): Promise<number | null>;
}

const started = new Set<number>();
process.on("exit", () => {
  for (const pgid of started) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

async function startApp(env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, ["scripts/node24.mjs", "scripts/start.ts"], {
    cwd: root,
    detached: true, // a process group of its own: the wrapper and the node process it spawns
    stdio: ["ignore", fd, fd],
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", APP_URL: url },
  });
  closeSync(fd);
  const pgid = child.pid as number;
  started.add(pgid);
  const pidFile = outputDir ? path.join(outputDir, `crash-app-${pgid}.pid`) : undefined;
  if (pidFile) writeFileSync(pidFile, String(pgid));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const forget = () => {
    started.delete(pgid);
    if (pidFile) rmSync(pidFile, { force: true });
  };
  const waitGone = async (what: string) => {
    for (let i = 0; i < 200 && groupAlive(pgid); i++) await sleep(25);
    if (groupAlive(pgid)) throw new Error(`${what}: el grupo de procesos ${pgid} sigue vivo`);
    forget();
  };
  const app: App = {
    url,
    child,
    async kill() {
      process.kill(-pgid, "SIGKILL");
      await exited;
      await waitGone("tras SIGKILL");
    },
    async stop() {
      process.kill(-pgid, "SIGTERM");
      const code = await Promise.race([exited, sleep(30_000).then(() => "timeout" as const)]);
      if (code === "timeout") {
        process.kill(-pgid, "SIGKILL");
        await waitGone("tras SIGTERM");
        throw new Error(`el servidor no se detuvo en 30 s tras SIGTERM:\n${tail(logFile)}`);
      }
      await waitGone("tras SIGTERM");
      return code;
    },
  };
  // Ready: the sign-in page answers 200 (the database opened, migrations ran, the server listens).
  const deadline = Date.now() + timeoutMs;
  let last = "sin respuesta";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      forget();
      throw new Error(
        `el servidor terminó al arrancar (código ${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/ingresar`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return app;
      last = `GET /ingresar respondió ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await sleep(50);
  }
  await app.kill();
  throw new Error(`el servidor no respondió en ${timeoutMs / 1000} s (${last}):\n${tail(logFile)}`);
}

// ── HTTP as the observer ───────────────────────────────────────────────────────────────────────

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/ingresar`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body: new URLSearchParams({ email: OBSERVER, password: PASSWORD }).toString(),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("impulso_session="));
  if (response.status !== 302 || !cookie) throw new Error(`no se pudo ingresar (${response.status})`);
  return cookie;
}

/** The es-CL notice for a repeat whose first copy was stored but never answered (errors.already_received). */
const ALREADY_RECEIVED = "ya se había enviado y quedó registrado";

function post(url: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin, cookie },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

async function page(url: string, cookie: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} respondió ${response.status}`);
  return html;
}

function optionsOf(html: string, name: string): string[] {
  const start = html.indexOf(`name="${name}"`);
  if (start < 0) return [];
  const select = html.slice(start, html.indexOf("</select>", start));
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
}

/** Starts CLIENTS draft visits (one per teacher) through the form; returns their ids. */
async function startVisits(url: string, cookie: string): Promise<string[]> {
  const html = await page(`${url}/observaciones/nueva`, cookie);
  const schoolId = /name="schoolId" value="([^"]+)"/.exec(html)?.[1];
  const teachers = optionsOf(html, "teacherId");
  const [instrumentId] = optionsOf(html, "instrumentId");
  if (!schoolId || !instrumentId || teachers.length < CLIENTS)
    throw new Error("el formulario de nueva visita no ofrece establecimiento, docentes y pauta");
  const ids: string[] = [];
  for (const teacherId of teachers.slice(0, CLIENTS)) {
    const response = await post(`${url}/observaciones/nueva`, cookie, {
      schoolId,
      teacherId,
      instrumentId,
      course: "1° básico A",
      subject: "Prueba de caídas",
      purpose: "formativa",
    });
    await response.arrayBuffer();
    const id = /^\/observaciones\/([0-9a-f-]{36})$/.exec(response.headers.get("location") ?? "")?.[1];
    if (response.status !== 302 || !id) throw new Error(`no se pudo iniciar una visita (${response.status})`);
    ids.push(id);
  }
  return ids;
}

// ── The load: concurrent clients adding evidence notes ─────────────────────────────────────────

interface Ledger {
  /** visit id → markers of the notes whose POST was acknowledged */
  acknowledged: Map<string, string[]>;
  /** requests that got no answer (the server died under them): stored or not, both are fine */
  unanswered: number;
  /** those requests, sent again with the same idempotency key after the restart */
  pending: Array<{ visitId: string; marker: string; key: string }>;
  /** unanswered requests whose first copy had been stored (their resend must not write a second) */
  resentStored: number;
  /** answers that were neither the redirect back nor a connection failure */
  unexpected: string[];
  latenciesMs: number[];
}

async function writeUntilKilled(
  url: string,
  cookie: string,
  visitId: string,
  tag: string,
  killed: { value: boolean },
  ledger: Ledger,
): Promise<void> {
  for (let seq = 0; !killed.value; seq++) {
    const marker = `${tag}-${String(seq).padStart(4, "0")}-${randomBytes(3).toString("hex")}`;
    // Like the visit page's form: an idempotency key with each submission (src/platform/requests).
    const key = randomUUID();
    const sent = performance.now();
    try {
      const response = await post(`${url}/observaciones/${visitId}`, cookie, {
        intent: "note",
        note: marker,
        _key: key,
      });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      if (response.status === 302 && location.startsWith(`/observaciones/${visitId}`)) {
        ledger.acknowledged.get(visitId)?.push(marker);
        ledger.latenciesMs.push(performance.now() - sent);
      } else {
        ledger.unexpected.push(`${marker}: ${response.status} ${location}`);
        return;
      }
    } catch {
      ledger.unanswered++;
      ledger.pending.push({ visitId, marker, key });
      return; // the server is gone
    }
  }
}

/**
 * After a restart, what a client does with a write that got no answer: it sends it again, same key,
 * same content. The answer must be the redirect back to the visit (written now, or replayed if the
 * first copy was stored), or the Spanish notice that it had been received; never a second note.
 */
async function resendUnanswered(url: string, cookie: string, ledger: Ledger): Promise<void> {
  for (const { visitId, marker, key } of ledger.pending.splice(0)) {
    const response = await post(`${url}/observaciones/${visitId}`, cookie, {
      intent: "note",
      note: marker,
      _key: key,
    });
    const body = await response.text();
    const location = response.headers.get("location") ?? "";
    if (response.status === 302 && location.startsWith(`/observaciones/${visitId}`)) {
      ledger.acknowledged.get(visitId)?.push(marker);
    } else if (response.status === 400 && body.includes(ALREADY_RECEIVED)) {
      ledger.acknowledged.get(visitId)?.push(marker);
    } else {
      ledger.unexpected.push(`reenvío de ${marker}: ${response.status} ${location} ${body.slice(0, 120)}`);
    }
  }
}

// ── The test, once per engine ──────────────────────────────────────────────────────────────────

interface Engine {
  name: string;
  slug: string;
  /** environment for the server (DATABASE_URL or not) */
  prepare(dataDir: string): Promise<NodeJS.ProcessEnv>;
  /** what is stored: marker → how many notes carry it; and amcheck's verdict */
  inspect(dataDir: string): Promise<{ counts: Map<string, number>; indexesChecked: number }>;
  cleanup(): Promise<void>;
}

const NOTES_SQL =
  "SELECT body, count(*)::int AS n FROM observation_notes WHERE body LIKE 'crash-%' GROUP BY body";
// Every valid B-tree index: structure, and (heapallindexed) every table row present in it.
const AMCHECK_SQL = `SELECT count(bt_index_check(c.oid, true))::int AS n
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
  JOIN pg_namespace ns ON ns.oid = c.relnamespace
  WHERE am.amname = 'btree' AND i.indisvalid AND c.relpersistence <> 't' AND ns.nspname <> 'pg_toast'`;

function countsOf(rows: { body: string; n: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.body, r.n]));
}

const pglite: Engine = {
  name: "PGlite",
  slug: "pglite",
  prepare: async () => ({}),
  async inspect(dataDir) {
    const client = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { amcheck, unaccent } });
    try {
      const notes = await client.query<{ body: string; n: number }>(NOTES_SQL);
      await client.exec("CREATE EXTENSION IF NOT EXISTS amcheck");
      const checked = await client.query<{ n: number }>(AMCHECK_SQL);
      return { counts: countsOf(notes.rows), indexesChecked: checked.rows[0].n };
    } finally {
      await client.close();
    }
  },
  cleanup: async () => {},
};

function postgresEngine(): Engine {
  let server: ThrowawayPostgres | undefined;
  let serverUrl = "";
  let databaseUrl = "";
  const dbName = `crash_${randomBytes(5).toString("hex")}`;
  return {
    name: "PostgreSQL",
    slug: "postgres",
    async prepare() {
      serverUrl = process.env.TEST_DATABASE_URL ?? "";
      if (!serverUrl) {
        server = await startThrowawayPostgres();
        serverUrl = server.url;
      }
      databaseUrl = await createDatabase(serverUrl, dbName);
      return { DATABASE_URL: databaseUrl };
    },
    async inspect() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const notes = await client.query<{ body: string; n: number }>(NOTES_SQL);
        await client.query("CREATE EXTENSION IF NOT EXISTS amcheck");
        const checked = await client.query<{ n: number }>(AMCHECK_SQL);
        return { counts: countsOf(notes.rows), indexesChecked: checked.rows[0].n };
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      if (serverUrl) await dropDatabase(serverUrl, dbName).catch(() => {});
      await server?.stop();
    },
  };
}

/** ROUNDS crashes under load on one engine; returns the line that sums it up. */
async function crashRounds(engine: Engine, expect: ExpectStatic): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `impulso-crash-${engine.slug}-`));
  const dataDir = path.join(dir, "data");
  const logFile = outputDir ? path.join(outputDir, `crash-${engine.slug}.log`) : path.join(dir, "app.log");
  let app: App | undefined;
  let passed = false;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      SECURE_COOKIES: "false",
      LOG_LEVEL: "info",
      IMPULSO_PREBUILT: "1",
    };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    delete env.SMTP_URL;
    Object.assign(env, await engine.prepare(dataDir));

    app = await startApp(env, logFile, FIRST_START_TIMEOUT_MS);
    const cookie = await signIn(app.url);
    const visits = await startVisits(app.url, cookie);
    const ledger: Ledger = {
      acknowledged: new Map(visits.map((id) => [id, []])),
      unanswered: 0,
      pending: [],
      resentStored: 0,
      unexpected: [],
      latenciesMs: [],
    };
    const restartsMs: number[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const current: App = app;
      const killed = { value: false };
      const tag = `crash-${engine.slug}-r${String(round).padStart(2, "0")}`;
      const clients = visits.map((visitId, k) =>
        writeUntilKilled(current.url, cookie, visitId, `${tag}-c${k}`, killed, ledger),
      );
      const [min, max] = KILL_AFTER_MS;
      await sleep(min + Math.random() * (max - min));
      killed.value = true;
      await current.kill();
      await Promise.all(clients);
      expect(ledger.unexpected, `respuestas inesperadas en la vuelta ${round}`).toEqual([]);

      const restartAt = performance.now();
      app = await startApp(env, logFile, RESTART_TIMEOUT_MS);
      restartsMs.push(performance.now() - restartAt);

      // What a user sees: every acknowledged note on its visit's page (the session survived too).
      const missing: string[] = [];
      const pages = new Map<string, string>();
      for (const visitId of visits) {
        const html = await page(`${app.url}/observaciones/${visitId}`, cookie);
        pages.set(visitId, html);
        for (const marker of ledger.acknowledged.get(visitId) ?? []) {
          if (!html.includes(marker)) missing.push(marker);
        }
      }
      expect(missing, `notas confirmadas que faltan tras la caída ${round}`).toEqual([]);

      // The writes that got no answer are sent again with their keys; some had been stored.
      for (const { visitId, marker } of ledger.pending) {
        if ((pages.get(visitId) ?? "").includes(marker)) ledger.resentStored++;
      }
      await resendUnanswered(app.url, cookie, ledger);
      expect(ledger.unexpected, `reenvíos tras la caída ${round}`).toEqual([]);
    }

    const exitCode = await app.stop();
    app = undefined;
    expect(exitCode, "el servidor se detiene limpio con SIGTERM").toBe(0);

    // What is stored: each acknowledged note exactly once, none twice, indexes consistent.
    const { counts, indexesChecked } = await engine.inspect(dataDir);
    const acknowledged = [...ledger.acknowledged.values()].flat();
    const acknowledgedSet = new Set(acknowledged);
    const lost = acknowledged.filter((marker) => !counts.has(marker));
    const doubled = [...counts].filter(([, n]) => n > 1).map(([marker]) => marker);
    const storedUnacknowledged = [...counts.keys()].filter((marker) => !acknowledgedSet.has(marker)).length;
    expect(lost, "notas confirmadas que no están en la base").toEqual([]);
    expect(doubled, "notas guardadas dos veces").toEqual([]);
    expect(storedUnacknowledged, "notas guardadas que el cliente no llegó a ver confirmadas").toBe(0);
    expect(acknowledged.length, "hubo escrituras confirmadas").toBeGreaterThan(ROUNDS);
    expect(indexesChecked, "amcheck revisó los índices").toBeGreaterThan(0);
    passed = true;
    const ms = (values: number[], p: number) => percentile(values, p).toFixed(0);
    return (
      `Prueba de caídas con ${engine.name}: ${ROUNDS} SIGKILL, ${ROUNDS} reinicios limpios, ` +
      `${acknowledged.length} escrituras confirmadas, ${lost.length} perdidas, ${doubled.length} duplicadas; ` +
      `${ledger.unanswered} sin respuesta, reenviadas con su clave (${ledger.resentStored} ya estaban guardadas, ` +
      `ninguna quedó dos veces; ${storedUnacknowledged} sin confirmar al final); ` +
      `amcheck: ${indexesChecked} índices sanos; escritura p50 ${ms(ledger.latenciesMs, 50)} ms, ` +
      `p95 ${ms(ledger.latenciesMs, 95)} ms; reinicio p50 ${(percentile(restartsMs, 50) / 1000).toFixed(1)} s`
    );
  } catch (error) {
    // The data directory and the server's log stay for a look.
    throw new Error(`${engine.name}: ${(error as Error).message}\n(registro: ${logFile}; datos: ${dir})`, {
      cause: error,
    });
  } finally {
    if (app) await app.kill().catch(() => {});
    await engine.cleanup();
    if (passed) rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  ensureBuilt(); // once; every start below uses this build (IMPULSO_PREBUILT)
});

// The two engines at the same time (each server is its own process): the test takes the time of one.
describe.concurrent("prueba de caídas (SIGKILL bajo escritura)", () => {
  for (const engine of [pglite, postgresEngine()]) {
    it(`${engine.name}: ${ROUNDS} caídas; cada escritura confirmada sigue ahí y la base abre`, async ({
      expect,
    }) => {
      console.log(await crashRounds(engine, expect));
    });
  }
});
