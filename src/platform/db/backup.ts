// Backup and restore of the whole database (`npm run backup`, `npm run restore`), the same on PGlite
// and PostgreSQL, without pg_dump. A backup is one gzip'd file of JSON lines:
//
//   line 1    header:  {"format":"impulso-backup","version":1,"createdAt":…,"engine":…,
//                       "migrations":[{tag,hash,createdAt}],  ← drizzle's journal entries applied
//                       "tables":[{name,columns:[{name,type}],primaryKey}]}  ← in foreign-key order
//   then      per table: {"table":"name"} and one JSON array per row, each value PostgreSQL's own text
//                        for it (or null), in primary-key order
//   last line summary: {"summary":{"name":{"rows":n,"checksum":"md5"}}}
//
// Values are rendered as text by PostgreSQL under fixed settings (UTC, ISO dates, shortest exact
// floats, hex bytea), so the text, and the checksum (md5 over the rows' JSON lines in primary-key
// order, C collation), is the same on both engines. Rows are read through a cursor and written in
// batches: no table is held in memory. A restore replaces Impulso's tables (schema public) in ONE
// transaction: schema rebuilt by the migrations up to the backup's level, rows loaded in foreign-key
// order, counts and checksums checked against the summary, sequences reset, newer migrations applied.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { MessageKey } from "../../messages/translate";
import type { Config } from "../config";
import { DomainError } from "../errors";
import { type Database, type DbOrTx, migrationsFolder, openDatabase, rowsOf } from "./client";

export const BACKUP_FORMAT = "impulso-backup";
export const BACKUP_VERSION = 1;
const SCHEMA = "public";
const FETCH_ROWS = 1000;
const INSERT_MAX_ROWS = 500;
const INSERT_MAX_PARAMS = 30_000;
const INSERT_MAX_CHARS = 4_000_000;

/** A failure the commands explain to the user: a catalogue key (`operations.*`) and its parameters. */
export class BackupError extends DomainError {
  constructor(messageKey: MessageKey, params: Record<string, string | number> = {}) {
    super(messageKey, {}, params);
    this.name = "BackupError";
  }
}

export interface TableSummary {
  rows: number;
  checksum: string;
}
export type DatabaseSummary = Record<string, TableSummary>;

export interface MigrationEntry {
  /** the migration's file name without .sql (null when this code does not know it) */
  tag: string | null;
  hash: string;
  createdAt: number;
}

export interface TableShape {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Database["kind"];
  migrations: MigrationEntry[];
  tables: TableShape[];
}

export interface BackupResult {
  file: string;
  header: BackupHeader;
  summary: DatabaseSummary;
}

export interface RestoreResult {
  header: BackupHeader;
  summary: DatabaseSummary;
  /** migrations of this code applied after the data was loaded (the backup was older) */
  migrationsApplied: number;
}

/** A catalogue key and its parameters, for the commands to print. */
export interface Said {
  key: MessageKey;
  params: Record<string, string | number>;
}

/**
 * Opens the database the app would use (DATABASE_URL, else PGlite under DATA_DIR/pglite) for the
 * backup and restore commands. PGlite allows one process per directory and does not lock it, so a
 * directory that the app holds open (its postmaster.pid exists) is refused rather than shared.
 */
export async function openConfiguredDatabase(
  cfg: Config,
  options: { mustExist: boolean },
): Promise<{ database: Database; where: Said }> {
  if (cfg.DATABASE_URL) {
    const database = await openDatabase({ url: cfg.DATABASE_URL, poolSize: 2 });
    return { database, where: { key: "operations.database.postgres", params: {} } };
  }
  const dir = path.join(cfg.dataDir, "pglite");
  if (options.mustExist && !existsSync(path.join(dir, "PG_VERSION")))
    throw new BackupError("operations.pglite_missing", { path: dir });
  if (existsSync(path.join(dir, "postmaster.pid")))
    throw new BackupError("operations.pglite_in_use", { path: dir });
  const database = await openDatabase({ dataDir: dir });
  return { database, where: { key: "operations.database.pglite", params: { path: dir } } };
}

// ── Catalogue queries (the same SQL on both engines) ──────────────────────────────────────────────

interface LiveColumn {
  name: string;
  type: string;
  collatable: boolean;
}
interface LiveTable {
  name: string;
  columns: LiveColumn[];
  primaryKey: string[];
}

/** Impulso's tables (schema public), in foreign-key order: a table comes after those it references. */
async function readTables(tx: DbOrTx): Promise<LiveTable[]> {
  const columns = await rowsOf<{ table: string; name: string; type: string; collatable: boolean }>(
    tx,
    sql`SELECT c.relname AS "table", a.attname AS "name", format_type(a.atttypid, a.atttypmod) AS "type",
               a.attcollation <> 0 AS "collatable"
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid
         WHERE n.nspname = ${SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
         ORDER BY c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; name: string }>(
    tx,
    sql`SELECT c.relname AS "table", a.attname AS "name"
          FROM pg_constraint p
          JOIN pg_class c ON c.oid = p.conrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE p.contype = 'p' AND n.nspname = ${SCHEMA}
         ORDER BY c.relname, k.ord`,
  );
  const references = await rowsOf<{ table: string; references: string }>(
    tx,
    sql`SELECT c.relname AS "table", r.relname AS "references"
          FROM pg_constraint p
          JOIN pg_class c ON c.oid = p.conrelid
          JOIN pg_class r ON r.oid = p.confrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE p.contype = 'f' AND n.nspname = ${SCHEMA}`,
  );
  const tables = new Map<string, LiveTable>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [] };
    table.columns.push({ name: c.name, type: c.type, collatable: Boolean(c.collatable) });
    tables.set(c.table, table);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.name);
  // Kahn's algorithm, alphabetical among the ready ones; a self-reference does not hold a table back.
  const waitsFor = new Map([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const r of references)
    if (r.table !== r.references && tables.has(r.references)) waitsFor.get(r.table)?.add(r.references);
  const ordered: LiveTable[] = [];
  while (waitsFor.size > 0) {
    const ready = [...waitsFor].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    // A cycle (none today): the rest in alphabetical order; a load that breaks a key fails loudly.
    const next = (ready.length > 0 ? ready : [...waitsFor.keys()]).sort();
    for (const name of next) {
      ordered.push(tables.get(name) as LiveTable);
      waitsFor.delete(name);
      for (const deps of waitsFor.values()) deps.delete(name);
    }
  }
  return ordered;
}

/** The code's migrations (db/migrations, drizzle's journal) in order. */
function codeMigrations(): (MigrationEntry & { sql: string[] })[] {
  const folder = migrationsFolder();
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return readMigrationFiles({ migrationsFolder: folder }).map((m) => ({
    tag: journal.entries.find((e) => e.when === m.folderMillis)?.tag ?? null,
    hash: m.hash,
    createdAt: m.folderMillis,
    sql: m.sql,
  }));
}

/** The migrations applied to a database, as drizzle's migrator recorded them. */
async function appliedMigrations(tx: DbOrTx): Promise<MigrationEntry[]> {
  const [exists] = await rowsOf<{ found: boolean }>(
    tx,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS "found"`,
  );
  if (!exists?.found) return [];
  const known = codeMigrations();
  const rows = await rowsOf<{ hash: string; created_at: string }>(
    tx,
    sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  return rows.map((r) => ({
    tag: known.find((m) => m.createdAt === Number(r.created_at))?.tag ?? null,
    hash: r.hash,
    createdAt: Number(r.created_at),
  }));
}

/** Fixed text rendering, so that both engines (and any server settings) write the same text. */
async function canonicalSession(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

// ── Reading a table: cursor, batches, canonical rows ──────────────────────────────────────────────

type Value = string | null;

/** Every row of a table as text values in primary-key order (C collation), FETCH_ROWS at a time. */
async function* readRows(tx: DbOrTx, table: LiveTable, columns: string[]): AsyncGenerator<Value[][]> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const order = (table.primaryKey.length > 0 ? table.primaryKey : columns).map((name) => {
    const column = byName.get(name);
    if (table.primaryKey.length === 0) return sql`${sql.identifier(name)}::text COLLATE "C"`;
    return column?.collatable ? sql`${sql.identifier(name)} COLLATE "C"` : sql`${sql.identifier(name)}`;
  });
  const select = sql.join(
    columns.map((name, i) => sql`${sql.identifier(name)}::text AS ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
  const cursor = sql.identifier(`impulso_backup_${table.name}`.slice(0, 60));
  await tx.execute(
    sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${select} FROM ${sql.identifier(SCHEMA)}.${sql.identifier(table.name)} ORDER BY ${sql.join(order, sql`, `)}`,
  );
  try {
    for (;;) {
      const batch = await rowsOf<Record<string, Value>>(
        tx,
        sql`FETCH ${sql.raw(String(FETCH_ROWS))} FROM ${cursor}`,
      );
      if (batch.length === 0) break;
      yield batch.map((row) => columns.map((_, i) => row[`c${i}`] ?? null));
    }
  } finally {
    await tx.execute(sql`CLOSE ${cursor}`);
  }
}

/** The row as it is written in a backup and hashed for the checksum. */
const rowLine = (row: Value[]) => `${JSON.stringify(row)}\n`;

async function summarizeTable(tx: DbOrTx, table: LiveTable, columns: string[]): Promise<TableSummary> {
  const hash = createHash("md5");
  let rows = 0;
  for await (const batch of readRows(tx, table, columns)) {
    for (const row of batch) hash.update(rowLine(row));
    rows += batch.length;
  }
  return { rows, checksum: hash.digest("hex") };
}

/**
 * Row count and checksum of every table, read from the database itself (not from any backup): what a
 * backup's summary holds, and what a restore must give back.
 */
export async function summarizeDatabase(database: Database): Promise<DatabaseSummary> {
  return database.db.transaction(async (tx) => {
    await canonicalSession(tx);
    const summary: DatabaseSummary = {};
    for (const table of await readTables(tx)) {
      summary[table.name] = await summarizeTable(
        tx,
        table,
        table.columns.map((c) => c.name),
      );
    }
    return summary;
  });
}

// ── Backup ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes a backup of the whole database to `file` from one consistent snapshot. The file appears
 * only when complete (it is written as `file.partial` and renamed).
 */
export async function backupDatabase(database: Database, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  try {
    const result = await database.db.transaction(
      async (tx) => {
        await canonicalSession(tx);
        const tables = await readTables(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          engine: database.kind,
          migrations: await appliedMigrations(tx),
          tables: tables.map((t) => ({
            name: t.name,
            columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
            primaryKey: t.primaryKey,
          })),
        };
        if (header.migrations.length === 0) throw new BackupError("operations.backup.not_migrated");
        const summary: DatabaseSummary = {};
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          for (const table of tables) {
            yield `${JSON.stringify({ table: table.name })}\n`;
            const hash = createHash("md5");
            let rows = 0;
            for await (const batch of readRows(
              tx,
              table,
              table.columns.map((c) => c.name),
            )) {
              let chunk = "";
              for (const row of batch) {
                const line = rowLine(row);
                hash.update(line);
                chunk += line;
              }
              rows += batch.length;
              yield chunk;
            }
            summary[table.name] = { rows, checksum: hash.digest("hex") };
          }
          yield `${JSON.stringify({ summary })}\n`;
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
        return { header, summary };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    renameSync(partial, file);
    return { file, ...result };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ENOSPC")
      throw new BackupError("operations.backup.cannot_write", { file, reason: (error as Error).message });
    throw error;
  }
}

// ── Restore ────────────────────────────────────────────────────────────────────────────────────────

interface Reader {
  next(): Promise<string | undefined>;
  close(): void;
}

/** The backup's lines one at a time; a damaged gzip stream becomes "corrupt", a missing file a message. */
function openReader(file: string): Reader {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  let failure: unknown;
  // A read error (no such file) must reach the line reader too, or it would wait forever.
  const fail = (error: Error) => {
    failure ??= error;
    gunzip.destroy(error);
  };
  input.on("error", fail);
  gunzip.on("error", (error) => {
    failure ??= error;
  });
  input.pipe(gunzip);
  const lines = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  const rethrow = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR")
      throw new BackupError("operations.restore.cannot_read", { file, reason: (error as Error).message });
    // zlib: "unexpected end of file" when the file was cut; anything else is damage.
    if (code === "Z_BUF_ERROR") throw new BackupError("operations.restore.truncated");
    throw new BackupError("operations.restore.corrupt");
  };
  return {
    async next() {
      let result: IteratorResult<string>;
      try {
        result = await lines.next();
      } catch (error) {
        return rethrow(failure ?? error);
      }
      if (failure) return rethrow(failure);
      return result.done ? undefined : result.value;
    },
    close() {
      input.destroy();
      gunzip.destroy();
    },
  };
}

function parseLine(line: string | undefined, table?: string): unknown {
  if (line === undefined) throw new BackupError("operations.restore.truncated");
  try {
    return JSON.parse(line);
  } catch {
    throw table
      ? new BackupError("operations.restore.corrupt_table", { table })
      : new BackupError("operations.restore.corrupt");
  }
}

async function readHeader(reader: Reader): Promise<BackupHeader> {
  let first: string | undefined;
  try {
    first = await reader.next();
  } catch (error) {
    // Not gzip at all, or empty: not one of our backups.
    if (error instanceof BackupError && error.messageKey !== "operations.restore.cannot_read")
      throw new BackupError("operations.restore.not_a_backup");
    throw error;
  }
  let header: Partial<BackupHeader> | undefined;
  try {
    header = first === undefined ? undefined : (JSON.parse(first) as Partial<BackupHeader>);
  } catch {
    header = undefined;
  }
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.tables))
    throw new BackupError("operations.restore.not_a_backup");
  if (header.version !== BACKUP_VERSION)
    throw new BackupError("operations.restore.unknown_version", { version: String(header.version) });
  return header as BackupHeader;
}

/** Checks the backup's schema level against this code's migrations; returns how many it has. */
function checkLevel(header: BackupHeader, code: MigrationEntry[]): number {
  header.migrations.forEach((m, i) => {
    const mine = code[i];
    if (!mine || !code.some((c) => c.createdAt === m.createdAt))
      throw new BackupError("operations.restore.newer_schema", {
        backup: header.migrations.length,
        code: code.length,
      });
    if (mine.createdAt !== m.createdAt || mine.hash !== m.hash)
      throw new BackupError("operations.restore.schema_mismatch", {
        migration: m.tag ?? String(m.createdAt),
      });
  });
  return header.migrations.length;
}

async function applyMigrations(tx: DbOrTx, migrations: (MigrationEntry & { sql: string[] })[]) {
  for (const migration of migrations) {
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`INSERT INTO drizzle.__drizzle_migrations ("hash", "created_at") VALUES (${migration.hash}, ${migration.createdAt})`,
    );
  }
}

/** Drops Impulso's tables and types (schema public) and drizzle's record of migrations. */
async function dropSchema(tx: DbOrTx): Promise<void> {
  const tables = await rowsOf<{ name: string }>(
    tx,
    sql`SELECT c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = ${SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  for (const t of tables)
    await tx.execute(sql`DROP TABLE IF EXISTS ${sql.identifier(SCHEMA)}.${sql.identifier(t.name)} CASCADE`);
  // Enum and domain types a migration made (none today); an extension's own types are left alone.
  const types = await rowsOf<{ name: string }>(
    tx,
    sql`SELECT t.typname AS "name" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = ${SCHEMA} AND t.typtype IN ('e', 'd')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')`,
  );
  for (const t of types)
    await tx.execute(sql`DROP TYPE IF EXISTS ${sql.identifier(SCHEMA)}.${sql.identifier(t.name)} CASCADE`);
  // Functions a migration made (those of the dashboards' change-counting triggers, observation/figure-triggers.ts);
  // an extension's are left alone.
  const functions = await rowsOf<{ signature: string }>(
    tx,
    sql`SELECT p.oid::regprocedure::text AS "signature" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = ${SCHEMA}
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  );
  for (const f of functions) await tx.execute(sql.raw(`DROP FUNCTION IF EXISTS ${f.signature} CASCADE`));
  await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await tx.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (
    id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
  await tx.execute(sql`DELETE FROM drizzle.__drizzle_migrations`);
}

async function insertBatch(
  tx: DbOrTx,
  table: LiveTable,
  columns: string[],
  types: string[],
  rows: Value[][],
) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${sql.join(
          row.map((value, i) => sql`${value}::${sql.raw(types[i] as string)}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  await tx.execute(
    sql`INSERT INTO ${sql.identifier(SCHEMA)}.${sql.identifier(table.name)} (${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )}) OVERRIDING SYSTEM VALUE VALUES ${values}`,
  );
}

/** Serial and identity columns continue after the highest value restored. */
async function resetSequences(tx: DbOrTx, tables: LiveTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns) {
      const [found] = await rowsOf<{ sequence: string | null }>(
        tx,
        sql`SELECT pg_get_serial_sequence(${`${SCHEMA}.${quoteIdent(table.name)}`}, ${column.name}) AS "sequence"`,
      );
      if (!found?.sequence) continue;
      await tx.execute(
        sql`SELECT setval(${found.sequence}::regclass, COALESCE((SELECT max(${sql.identifier(column.name)}) FROM ${sql.identifier(SCHEMA)}.${sql.identifier(table.name)}), 0) + 1, false)`,
      );
    }
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sameShape(live: LiveTable[], backup: TableShape[]): string | undefined {
  const byName = new Map(live.map((t) => [t.name, t]));
  for (const table of backup) {
    const mine = byName.get(table.name);
    if (!mine) return table.name;
    const names = mine.columns.map((c) => c.name);
    if (table.columns.some((c) => !names.includes(c.name)) || names.length !== table.columns.length)
      return table.name;
  }
  return live.find((t) => !backup.some((b) => b.name === t.name))?.name;
}

/**
 * Restores a backup into `database`, all or nothing. Refuses a database holding any row unless
 * `force` (then its contents are replaced), a backup of a newer schema than this code, and a damaged
 * or altered file (checked row by row against the backup's summary before committing).
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { force?: boolean; onHeader?: (header: BackupHeader) => void } = {},
): Promise<RestoreResult> {
  const reader = openReader(file);
  try {
    const header = await readHeader(reader);
    const code = codeMigrations();
    const level = checkLevel(header, code);
    options.onHeader?.(header);
    return await database.db.transaction(async (tx) => {
      await canonicalSession(tx);
      // Another process using the database (Impulso running) holds locks: fail fast and say so.
      await tx.execute(sql`SET LOCAL lock_timeout = '10s'`);
      // Rows are copied as they were: the triggers that count changes for the dashboards
      // (observation/figure-triggers.ts) stand aside, so school_figure_versions is restored like any other table.
      await tx.execute(sql`SET LOCAL impulso.skip_figure_versions = 'on'`);
      if (!options.force) {
        for (const table of await readTables(tx)) {
          const [row] = await rowsOf<{ any: boolean }>(
            tx,
            sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(SCHEMA)}.${sql.identifier(table.name)}) AS "any"`,
          );
          if (row?.any) throw new BackupError("operations.restore.not_empty", { table: table.name });
        }
      }
      await dropSchema(tx);
      await applyMigrations(tx, code.slice(0, level));
      const tables = await readTables(tx);
      const differs = sameShape(tables, header.tables);
      if (differs) throw new BackupError("operations.restore.schema_differs", { table: differs });

      // The data, table by table, in the backup's (foreign-key) order.
      const loaded: Record<string, number> = {};
      let line = await reader.next();
      let marker = parseLine(line) as { table?: string; summary?: DatabaseSummary };
      for (const shape of header.tables) {
        if (marker.table !== shape.name)
          throw new BackupError("operations.restore.corrupt_table", { table: shape.name });
        const table = tables.find((t) => t.name === shape.name) as LiveTable;
        const columns = shape.columns.map((c) => c.name);
        const types = columns.map((name) => table.columns.find((c) => c.name === name)?.type as string);
        const perInsert = Math.max(
          1,
          Math.min(INSERT_MAX_ROWS, Math.floor(INSERT_MAX_PARAMS / columns.length)),
        );
        let batch: Value[][] = [];
        let chars = 0;
        let count = 0;
        for (;;) {
          line = await reader.next();
          if (line === undefined || !line.startsWith("[")) break;
          const row = parseLine(line, shape.name);
          if (!Array.isArray(row) || row.length !== columns.length)
            throw new BackupError("operations.restore.corrupt_table", { table: shape.name });
          batch.push(row as Value[]);
          chars += line.length;
          count++;
          if (batch.length >= perInsert || chars >= INSERT_MAX_CHARS) {
            await insertBatch(tx, table, columns, types, batch);
            batch = [];
            chars = 0;
          }
        }
        await insertBatch(tx, table, columns, types, batch);
        loaded[shape.name] = count;
        marker = parseLine(line) as typeof marker;
      }
      const summary = marker.summary;
      if (!summary || typeof summary !== "object") throw new BackupError("operations.restore.truncated");
      if ((await reader.next()) !== undefined) throw new BackupError("operations.restore.corrupt");

      // Verification: read back what was loaded and compare it with the backup's summary.
      for (const shape of header.tables) {
        const expected = summary[shape.name];
        const table = tables.find((t) => t.name === shape.name) as LiveTable;
        const actual = await summarizeTable(
          tx,
          table,
          shape.columns.map((c) => c.name),
        );
        if (
          !expected ||
          expected.rows !== actual.rows ||
          expected.checksum !== actual.checksum ||
          loaded[shape.name] !== actual.rows
        )
          throw new BackupError("operations.restore.verification_failed", {
            table: shape.name,
            expected: expected?.rows ?? 0,
            actual: actual.rows,
          });
      }
      await resetSequences(tx, tables);
      const newer = code.slice(level);
      await applyMigrations(tx, newer);
      return { header, summary, migrationsApplied: newer.length };
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if ((error as { code?: string }).code === "55P03" || cause?.code === "55P03")
      throw new BackupError("operations.restore.in_use");
    throw error;
  } finally {
    reader.close();
  }
}
