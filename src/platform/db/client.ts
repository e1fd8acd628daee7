import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { log } from "../log";

/** One Drizzle type for both drivers: the code never knows which PostgreSQL it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  url?: string;
  /** Directory for PGlite's files; "memory://" for a throwaway in-memory database. */
  dataDir?: string;
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

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (a restart, an administrator, a dropped test database)
    // is an event, not a crash: the pool opens a new one for the next query.
    pool.on("error", (error) => log("warn", "database connection lost", { message: error.message }));
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePg(db as never, { migrationsFolder: migrationsFolder() }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
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
