// Backup and restore on real databases: PGlite by default, PostgreSQL with TEST_DATABASE_URL (then also
// PostgreSQL → PGlite → PostgreSQL). Every table's row count and checksum are read from the databases
// themselves (summarizeDatabase, and count(*) in SQL), never taken from the backup's own summary.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../demo/seed";
import { useTestDatabase } from "../testing/database";
import {
  BackupError,
  backupDatabase,
  type DatabaseSummary,
  restoreDatabase,
  summarizeDatabase,
} from "./backup";
import { type Database, openDatabase } from "./client";

const source = useTestDatabase();
const serverUrl = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(path.join(os.tmpdir(), "impulso-backup-test-"));
const opened: Database[] = [];
const created: string[] = [];

/** A new database with nothing in it (not even migrations), of the kind under test unless told. */
async function emptyDatabase(kind: "pglite" | "postgres" = serverUrl ? "postgres" : "pglite") {
  let database: Database;
  if (kind === "postgres") {
    if (!serverUrl) throw new Error("no PostgreSQL server");
    const name = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString(), poolSize: 2 });
  } else {
    database = await openDatabase({ dataDir: "memory://" });
  }
  opened.push(database);
  return database;
}

type Rows<T> = { rows: T[] };
async function query<T>(database: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(statement)) as unknown as Rows<T>).rows;
}

/** count(*) of every table of schema public, straight from SQL. */
async function counts(database: Database): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    database,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string }>(
      database,
      sql`SELECT count(*)::text AS n FROM ${sql.identifier(name)}`,
    );
    result[name] = Number(row?.n);
  }
  return result;
}

/** One database left empty by the refusals below (each of them must leave it empty). */
let untouched: Database | undefined;
async function untouchedDatabase(): Promise<Database> {
  untouched ??= await emptyDatabase();
  return untouched;
}

// Opening a fresh database and migrating it takes seconds on a busy machine.
const SLOW = 300_000;

const rowsOf = (summary: DatabaseSummary) =>
  Object.fromEntries(Object.entries(summary).map(([name, s]) => [name, s.rows]));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return (error as BackupError).messageKey;
}

// Written as text: a number beyond a double's precision, which jsonb keeps exactly.
const DETAILS =
  '{"ñandú": "línea 1\\nlínea 2\\t\\"comillas\\" \\\\ 😀", "n": 1.5e-7, "big": 12345678901234567890.25, "list": [null, true, {"z": 1, "a": 2}]}';

let original: DatabaseSummary;
let backupFile: string;

beforeAll(async () => {
  const database = source.current();
  expect(await seedDemo()).toBe(true);
  // Tables the demo leaves empty, with the values whose text differs most easily between engines:
  // microseconds, time zones, nested jsonb with unicode and escapes, text keys whose order depends
  // on the collation.
  const [person] = await query<{ id: string }>(database, sql`SELECT id::text AS id FROM persons LIMIT 1`);
  await database.db.execute(sql`INSERT INTO rate_limits (key, window_start, count) VALUES
    ('b', '2026-03-01 10:00:00.123456-03', 1), ('B', '2026-03-01 10:00:00-03', 2),
    ('á', '2026-03-01 10:00:00.5+00', 3), ('a b', '1999-12-31 23:59:59.999999+00', 4)`);
  await database.db.execute(sql`INSERT INTO sessions (id_hash, person_id, expires_at, user_agent, ip)
    VALUES ('h1', ${person?.id}::uuid, '2026-04-01 00:00:00.000001+00', 'Mozilla "quoted" \\ back', '::1')`);
  await database.db.execute(sql`INSERT INTO audit_events (id, action, subject_type, details, created_at)
    VALUES ('01900000-0000-7000-8000-000000000001', 'test.backup', 'thing',
      ${DETAILS}::jsonb,
      '2026-02-28 23:59:59.999999+00')`);
  await database.db.execute(sql`INSERT INTO jobs (id, name, payload) VALUES
    ('01900000-0000-7000-8000-000000000002', 'mail.send', '{"emailId": "x"}')`);
  original = await summarizeDatabase(database);
  backupFile = path.join(dir, "source.jsonl.gz");
  await backupDatabase(database, backupFile);
}, SLOW);

afterAll(async () => {
  for (const database of opened) await database.close().catch(() => {});
  if (serverUrl && created.length > 0) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it(
    "restores into an empty database every table with the same row count and checksum",
    async () => {
      const sourceCounts = await counts(source.current());
      // Realistic data: the demo's people, schools and observations, and the rows added above.
      for (const table of [
        "persons",
        "schools",
        "memberships",
        "observations",
        "observation_levels",
        "audit_events",
      ])
        expect(sourceCounts[table], table).toBeGreaterThan(0);
      expect(rowsOf(original)).toEqual(sourceCounts);

      const target = await emptyDatabase();
      const result = await restoreDatabase(target, backupFile);
      expect(result.migrationsApplied).toBe(0);
      expect(await counts(target)).toEqual(sourceCounts);
      expect(await summarizeDatabase(target)).toEqual(original);
      // The restored database is at the code's schema level: the app's own migrate has nothing to do.
      await target.migrate();
      expect(await summarizeDatabase(target)).toEqual(original);
    },
    SLOW,
  );

  it(
    "writes a manifest: format, migration level, and each table's rows and checksum",
    async () => {
      const lines = gunzipSync(readFileSync(backupFile)).toString("utf8").trimEnd().split("\n");
      const header = JSON.parse(lines[0] as string);
      expect(header).toMatchObject({ format: "impulso-backup", version: 1 });
      expect(header.migrations.map((m: { tag: string }) => m.tag)).toContain("0000_base");
      // Foreign-key order: a table comes after the tables it references.
      const order = header.tables.map((t: { name: string }) => t.name);
      expect(order.indexOf("organizations")).toBeLessThan(order.indexOf("schools"));
      expect(order.indexOf("persons")).toBeLessThan(order.indexOf("observations"));
      expect(JSON.parse(lines.at(-1) as string).summary).toEqual(original);
    },
    SLOW,
  );

  it(
    "refuses a database that holds data unless forced, and then replaces its contents",
    async () => {
      const target = await emptyDatabase();
      await target.migrate();
      await target.db.execute(
        sql`INSERT INTO organizations (id, name, slug) VALUES ('01900000-0000-7000-8000-0000000000aa', 'Otra', 'otra')`,
      );
      const before = await summarizeDatabase(target);
      expect(await refusal(restoreDatabase(target, backupFile))).toBe("operations.restore.not_empty");
      expect(await summarizeDatabase(target)).toEqual(before);

      await restoreDatabase(target, backupFile, { force: true });
      expect(await summarizeDatabase(target)).toEqual(original);
      const slugs = await query<{ slug: string }>(target, sql`SELECT slug FROM organizations`);
      expect(slugs.map((r) => r.slug)).not.toContain("otra");
    },
    SLOW,
  );

  it(
    "refuses a truncated or altered backup and leaves the target as it was",
    async () => {
      const target = await emptyDatabase();
      await restoreDatabase(target, backupFile);
      const bytes = readFileSync(backupFile);

      const truncated = path.join(dir, "truncated.jsonl.gz");
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      expect(await refusal(restoreDatabase(target, truncated, { force: true }))).toBe(
        "operations.restore.truncated",
      );
      expect(await summarizeDatabase(target)).toEqual(original);

      // A valid gzip whose data was changed (one email), with the summary left as it was.
      const text = gunzipSync(bytes).toString("utf8");
      const [person] = await query<{ name: string }>(target, sql`SELECT email AS name FROM persons LIMIT 1`);
      const altered = path.join(dir, "altered.jsonl.gz");
      expect(text).toContain(`"${person?.name}"`);
      writeFileSync(altered, gzipSync(text.replace(`"${person?.name}"`, '"alterado@example.org"')));
      expect(await refusal(restoreDatabase(target, altered, { force: true }))).toBe(
        "operations.restore.verification_failed",
      );
      expect(await summarizeDatabase(target)).toEqual(original);

      // The same damage into an empty database leaves it empty (no tables, no migrations).
      const empty = await untouchedDatabase();
      expect(await refusal(restoreDatabase(empty, altered))).toBe("operations.restore.verification_failed");
      expect(await counts(empty)).toEqual({});

      const junk = path.join(dir, "junk.txt");
      writeFileSync(junk, "no es una copia");
      expect(await refusal(restoreDatabase(empty, junk))).toBe("operations.restore.not_a_backup");
      expect(await refusal(restoreDatabase(empty, path.join(dir, "missing.gz")))).toBe(
        "operations.restore.cannot_read",
      );
    },
    SLOW,
  );

  it(
    "refuses a backup of a newer schema than the code",
    async () => {
      const lines = gunzipSync(readFileSync(backupFile)).toString("utf8").split("\n");
      const header = JSON.parse(lines[0] as string);
      header.migrations.push({ tag: "9999_future", hash: "f".repeat(64), createdAt: 4_102_444_800_000 });
      lines[0] = JSON.stringify(header);
      const newer = path.join(dir, "newer.jsonl.gz");
      writeFileSync(newer, gzipSync(lines.join("\n")));
      const empty = await untouchedDatabase();
      expect(await refusal(restoreDatabase(empty, newer))).toBe("operations.restore.newer_schema");
      expect(await counts(empty)).toEqual({});
    },
    SLOW,
  );

  it.runIf(serverUrl)(
    "moves a database from PostgreSQL to PGlite and back",
    async () => {
      const lite = await emptyDatabase("pglite");
      await restoreDatabase(lite, backupFile);
      expect(await summarizeDatabase(lite)).toEqual(original);

      const fromLite = path.join(dir, "from-pglite.jsonl.gz");
      await backupDatabase(lite, fromLite);
      const server = await emptyDatabase("postgres");
      await restoreDatabase(server, fromLite);
      expect(await summarizeDatabase(server)).toEqual(original);
      expect(await counts(server)).toEqual(await counts(source.current()));
    },
    SLOW,
  );
});
