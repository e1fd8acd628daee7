import { existsSync, fdatasyncSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { isUuid } from "../ids";
import { log } from "../log";
import { withClaim } from "../requests/claim";

/** One Drizzle type for both drivers: the code never knows which PostgreSQL it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The rows of a raw SQL statement, the same on both drivers. */
export async function rowsOf<T>(source: DbOrTx, statement: SQL): Promise<T[]> {
  return ((await source.execute(statement)) as unknown as { rows: T[] }).rows;
}

/**
 * The rows of a statement run on every request of a busy page, as a prepared statement named `name`
 * on PostgreSQL: each connection plans it once and then reuses a generic plan, instead of planning it
 * on every request (about 1 ms of the server's CPU each for the home page's lists). The statement's
 * text must be the same for every call of that name (values go in parameters). PGlite: as rowsOf.
 */
export async function preparedRowsOf<T>(name: string, statement: SQL): Promise<T[]> {
  const current = database();
  return current.prepared ? current.prepared<T>(name, statement) : rowsOf<T>(current.db, statement);
}

/** A uuid[] parameter for `= ANY(…)`, from ids checked to be uuids (others are left out). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.filter(isUuid).join(",")}}`}::uuid[]`;
}

/** A PostgreSQL text[] literal as one parameter: one round trip whatever the number of values. */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
  return sql`${literal}::text[]`;
}

/** A PostgreSQL int[] literal as one parameter. */
export function intArray(values: readonly number[]): SQL {
  return sql`${`{${values.map((v) => Math.trunc(v)).join(",")}}`}::int[]`;
}

/** PGlite's extensions the migrations create (unaccent: the practices library's search, 0026). */
const extensions = { unaccent };

export interface Database {
  db: Db;
  /** a streaming replica of the PostgreSQL primary, for reports (replica.ts decides when to use it) */
  replica?: Db;
  kind: "pglite" | "postgres";
  /** PostgreSQL: runs a statement as a named prepared statement (see preparedRowsOf) */
  prepared?: <T>(name: string, statement: SQL) => Promise<T[]>;
  migrate(): Promise<void>;
  /**
   * PostgreSQL: a new connection of its own, outside the pool, that the caller ends (session-level
   * advisory locks held for minutes: the resumable uploads' locks, storage/upload-locks.ts)
   */
  connect?(): Promise<pg.Client>;
  /** PGlite in memory: its data directory as a tarball, to start others from (tests' migrated template) */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** postgres://… of a streaming replica of `url`, read by dashboards and reports */
  replicaUrl?: string;
  /** Directory for PGlite's files; "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** PGlite in memory: start from this dumped data directory (dumpDataDir) instead of an empty one */
  loadDataDir?: Blob;
  poolSize?: number;
}

export function migrationsFolder(): string {
  // From src/ (tsx, vitest) the folder is three levels up; from the bundled server build, use the cwd.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, "../../../db/migrations"), path.resolve("db/migrations")];
  const found = candidates.find((p) => existsSync(path.join(p, "meta", "_journal.json")));
  if (!found) throw new Error(`No se encontraron las migraciones en ${candidates.join(" ni ")}`);
  return found;
}

// Durability of PGlite on disk (issue #6, tests/crash). A commit that PGlite acknowledged is in the
// kernel's page cache (its Node file system writes through with writeSync), so it survives a killed
// process. But PGlite starts PostgreSQL with fsync off (-F), its WASM fdatasync is a no-op and Node's
// file system (Emscripten's NODEFS) has no fsync: nothing ever reached the disk before the kernel's
// writeback (up to ~30 s), so a power cut or a kernel crash could lose acknowledged writes or leave
// torn files. On disk we start it with fsync on and wal_sync_method=fsync, and give NODEFS an fsync
// that calls fdatasync(2) before PostgreSQL starts (crash recovery syncs too): each commit waits for
// the disk (measured here: p50 0.5 → 1.5–8 ms a commit).
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  "-c",
  "fsync=on",
  "-c",
  "wal_sync_method=fsync",
];

type StreamOps = { fsync?: (stream: { nfd?: number }) => number };

class DurableNodeFS extends NodeFS {
  async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const syncToDisk = (mod: unknown) => {
      const nodefs = (mod as { NODEFS?: { stream_ops?: StreamOps } }).NODEFS;
      // A PGlite upgrade that moved it must not go unnoticed (tests: src/platform/db/client.test.ts).
      if (!nodefs?.stream_ops)
        throw new Error("PGlite: NODEFS.stream_ops no existe; no se puede sincronizar");
      nodefs.stream_ops.fsync = (stream) => {
        if (typeof stream.nfd === "number") fdatasyncSync(stream.nfd);
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), syncToDisk] } };
  }
}

/**
 * Every top-level transaction first claims the idempotency key of the request it runs for, if any
 * (src/platform/requests): the key's row commits or rolls back with the write it protects.
 */
function claimingKeys(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transaction((tx) => withClaim(tx, () => work(tx)), config)) as Db["transaction"];
  return db;
}

/** Any constant: the advisory lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 7_240_311;

/**
 * Several app processes starting together on one PostgreSQL (docs/operations.md): the first applies
 * the migrations while the others wait on an advisory lock, then find nothing left to do.
 */
async function migrateUnderLock(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const holder = await pool.connect();
  try {
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate();
  } finally {
    await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    holder.release();
  }
}

function openPool(url: string, size = 10, extra: pg.PoolConfig = {}): pg.Pool {
  // JIT off: PostgreSQL compiles a statement whose estimated cost passes jit_above_cost (100,000),
  // and the dashboards' estimates (generate_series, correlated subqueries) pass it while they run in
  // milliseconds: compiling took 0.9 s of a 1 s query (docs/benchmarks.md). An OLTP web app gains
  // nothing from it. Parallel workers off too: they made one dashboard a little faster alone but cost
  // more CPU in all, and under concurrent requests CPU is what runs out. Sent as startup options, so
  // every connection of the pool has them.
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
    ...extra,
  });
  // An idle connection closed by the server (a restart, an administrator, a dropped test database)
  // is an event, not a crash: the pool opens a new one for the next query.
  pool.on("error", (error) => log("warn", "database connection lost", { message: error.message }));
  return pool;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = openPool(options.url, options.poolSize);
    const db = claimingKeys(drizzlePg(pool) as unknown as Db);
    // A replica that cannot be reached must not hold a request for long (replica.ts then reads the primary).
    const replicaPool = options.replicaUrl
      ? openPool(options.replicaUrl, options.poolSize, { connectionTimeoutMillis: 2_000 })
      : undefined;
    const dialect = (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } })
      .dialect;
    return {
      db,
      replica: replicaPool ? (drizzlePg(replicaPool) as unknown as Db) : undefined,
      kind: "postgres",
      prepared: async <T>(name: string, statement: SQL) => {
        const query = dialect.sqlToQuery(statement);
        return (await pool.query({ name, text: query.sql, values: query.params as unknown[] })).rows as T[];
      },
      connect: async () => {
        const client = new pg.Client({ connectionString: options.url });
        await client.connect();
        return client;
      },
      migrate: () =>
        migrateUnderLock(pool, () => migratePg(db as never, { migrationsFolder: migrationsFolder() })),
      close: async () => {
        await Promise.all([pool.end(), replicaPool?.end()]);
      },
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  const onDisk = !dataDir.startsWith("memory://");
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const client = onDisk
    ? await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS, extensions })
    : await PGlite.create(dataDir, {
        extensions,
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      });
  const db = claimingKeys(drizzlePglite(client) as unknown as Db);
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
    ...(onDisk ? {} : { dumpDataDir: () => client.dumpDataDir("none") }),
    close: () => client.close(),
  };
}

// The server build and the start script are bundled separately but must share one database (PGlite
// allows one opener per directory), so the process-wide instance lives on globalThis.
const KEY = Symbol.for("impulso.database");
type Holder = { [KEY]?: Database };

export function setDatabase(database: Database | undefined): void {
  (globalThis as Holder)[KEY] = database;
}

export function database(): Database {
  const current = (globalThis as Holder)[KEY];
  if (!current) throw new Error("La base de datos no está abierta (setDatabase no fue llamado).");
  return current;
}

export function db(): Db {
  return database().db;
}
