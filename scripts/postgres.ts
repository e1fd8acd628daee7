// A throwaway PostgreSQL server for the tests and the benchmarks: a new cluster in a temporary
// directory, on a free port of 127.0.0.1 only, with trust authentication and durability turned off for
// speed. It is stopped and its directory removed when the caller calls stop(), when the process exits
// (also on Ctrl-C), and, should the process be killed outright, by a small watchdog.
//
// PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user that Debian's
// package creates. When no server binary (15 or newer) is installed, it is installed with apt-get.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { aptInstall, freePort, isRoot } from "./system";

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres (superuser, trust authentication) */
  url: string;
  stop(): Promise<void>;
}

const MIN_VERSION = 15;

/** The bin/ directory of the newest installed PostgreSQL server (15 or newer), if any. */
export function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .map((name) => ({ name, version: Number.parseFloat(name) }))
    .filter((v) => v.version >= MIN_VERSION && existsSync(path.join(root, v.name, "bin", "postgres")))
    .sort((a, b) => b.version - a.version);
  return versions[0] ? path.join(root, versions[0].name, "bin") : undefined;
}

/** Finds the PostgreSQL server binaries, installing Debian's postgresql package when they are missing. */
export function ensurePostgresInstalled(aptLogFile?: string): string {
  const found = findPostgresBin();
  if (found) return found;
  aptInstall(
    ["postgresql"],
    `no hay un servidor PostgreSQL ${MIN_VERSION}+ en /usr/lib/postgresql/*/bin`,
    aptLogFile,
  );
  const installed = findPostgresBin();
  if (!installed)
    throw new Error(
      `Se instaló postgresql pero no aparece un servidor ${MIN_VERSION}+ en /usr/lib/postgresql.`,
    );
  return installed;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL no corre como root y no existe el usuario "postgres" (lo crea el paquete postgresql).',
    );
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Whether the process runs (an exited child that was not reaped yet, a zombie, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `PostgreSQL terminó al arrancar (código ${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(
    `PostgreSQL no respondió en ${timeoutMs / 1000} s (${String(lastError)}):\n${tail(logFile)}`,
  );
}

export interface ThrowawayOptions {
  /** WAL for streaming replication (wal_level=replica, WAL senders): a server replicas can follow */
  replication?: boolean;
  /** a hot-standby streaming replica of this server (started with `replication`), copied with pg_basebackup */
  replicaOf?: ThrowawayPostgres;
}

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = ensurePostgresInstalled();
  const owner = postgresUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "impulso-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  // A minimal environment: the postgres user can't read root's HOME, and the locale is given explicitly.
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", TZ: "UTC" };

  const removeDir = () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  // A new cluster, or a copy of the primary's that follows it (standby.signal and primary_conninfo
  // written by -R).
  const init = options.replicaOf
    ? spawnSync(
        path.join(bin, "pg_basebackup"),
        ["-D", dataDir, "-d", options.replicaOf.url, "-R", "-X", "stream", "--no-sync", "-c", "fast"],
        { cwd: dir, env, encoding: "utf8", ...asOwner },
      )
    : spawnSync(
        path.join(bin, "initdb"),
        ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        { cwd: dir, env, encoding: "utf8", ...asOwner },
      );
  if (init.status !== 0) {
    removeDir();
    const tool = options.replicaOf ? "pg_basebackup" : "initdb";
    throw new Error(`${tool} falló (código ${init.status ?? init.signal}):\n${init.stdout}\n${init.stderr}`);
  }
  const replication = Boolean(options.replication || options.replicaOf);

  let child: ChildProcess | undefined;
  let url = "";
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const fd = openSync(logFile, "a");
    if (owner) chownSync(logFile, owner.uid, owner.gid);
    const settings = [
      "listen_addresses=127.0.0.1",
      `port=${port}`,
      `unix_socket_directories=${dir}`,
      // Speed over durability: the data is thrown away anyway.
      "fsync=off",
      "synchronous_commit=off",
      "full_page_writes=off",
      ...(replication
        ? ["wal_level=replica", "max_wal_senders=5", "hot_standby=on", "wal_receiver_status_interval=1s"]
        : ["wal_level=minimal", "max_wal_senders=0"]),
      "checkpoint_timeout=1h",
      "max_wal_size=4GB",
      "shared_buffers=128MB",
      "max_connections=300",
      "log_min_messages=warning",
      "timezone=UTC",
    ];
    child = spawn(path.join(bin, "postgres"), ["-D", dataDir, ...settings.flatMap((s) => ["-c", s])], {
      cwd: dir,
      env,
      stdio: ["ignore", fd, fd],
      ...asOwner,
    });
    closeSync(fd);
    child.unref();
    try {
      await waitUntilReady(url, child, logFile, 30_000);
      break;
    } catch (error) {
      if (child.pid && alive(child.pid)) child.kill("SIGQUIT");
      const portTaken = /could not bind|Address already in use/i.test(tail(logFile));
      if (!portTaken || attempt >= 3) {
        removeDir();
        throw error;
      }
    }
  }
  const pid = child.pid as number;

  // Should this process be killed without a chance to clean up (SIGKILL), the watchdog stops the
  // server and removes its directory once this process is gone.
  const watchdog = spawn(
    "sh",
    [
      "-c",
      'while kill -0 "$0" 2>/dev/null; do sleep 1; done; kill -QUIT "$1" 2>/dev/null; sleep 2; rm -rf "$2"',
      String(process.pid),
      String(pid),
      dir,
    ],
    { detached: true, stdio: "ignore" },
  );
  watchdog.unref();

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    unregister();
    // Immediate shutdown: nothing here needs to survive.
    if (alive(pid)) process.kill(pid, "SIGQUIT");
    for (let i = 0; i < 100 && alive(pid); i++) sleepSync(50);
    if (alive(pid)) process.kill(pid, "SIGKILL");
    removeDir();
    if (watchdog.pid && alive(watchdog.pid)) process.kill(watchdog.pid, "SIGTERM");
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    // When nobody else handles the signal, keep its default meaning: end the process.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const unregister = () => {
    process.removeListener("exit", stopSync);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  process.on("exit", stopSync);
  for (const signal of signals) process.on(signal, onSignal);

  return {
    url,
    stop: async () => {
      if (stopped) return;
      // Fast shutdown first (SIGINT), then the synchronous path finishes the job.
      if (alive(pid)) process.kill(pid, "SIGINT");
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      stopSync();
    },
  };
}

/** Creates a new, empty database on the server behind serverUrl and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`nombre de base de datos no válido: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// `node scripts/node24.mjs scripts/postgres.ts` starts a server and keeps it until Ctrl-C.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("scripts/postgres.ts")) {
  const server = await startThrowawayPostgres();
  console.log(`PostgreSQL de prueba en ${server.url} (Ctrl-C para detenerlo y borrarlo)`);
  setInterval(() => {}, 1 << 30);
}
