// `npm run backup` and `npm run restore` as a user runs them: child processes on a temporary DATA_DIR
// (PGlite), restoring into another DATA_DIR, or into a fresh PostgreSQL database (DATABASE_URL) when
// the suite runs with TEST_DATABASE_URL.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/demo/seed";
import { type DatabaseSummary, summarizeDatabase } from "~/platform/db/backup";
import { type Database, openDatabase, setDatabase } from "~/platform/db/client";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "impulso-backup-cli-"));
const sourceDir = path.join(dir, "source");
const serverUrl = process.env.TEST_DATABASE_URL;
let targetName: string | undefined;
let targetEnv: Record<string, string>;
const SLOW = 480_000;

function npm(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", ...env };
  delete childEnv.TEST_DATABASE_URL;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", ...args], { cwd: root, env: childEnv });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, out, err }));
  });
}

async function summaryOf(options: { dataDir?: string; url?: string }): Promise<DatabaseSummary> {
  const database = await openDatabase(options);
  try {
    return await summarizeDatabase(database);
  } finally {
    await database.close();
  }
}

let source: Database | undefined;

beforeAll(async () => {
  source = await openDatabase({ dataDir: path.join(sourceDir, "pglite") });
  await source.migrate();
  setDatabase(source);
  await seedDemo();
  setDatabase(undefined);
  if (serverUrl) {
    targetName = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${targetName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${targetName}`;
    targetEnv = { DATABASE_URL: url.toString() };
  } else {
    targetEnv = { DATA_DIR: path.join(dir, "target") };
  }
}, SLOW);

afterAll(async () => {
  await source?.close().catch(() => {});
  if (serverUrl && targetName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

const targetSummary = () =>
  targetEnv.DATABASE_URL
    ? summaryOf({ url: targetEnv.DATABASE_URL })
    : summaryOf({ dataDir: path.join(targetEnv.DATA_DIR as string, "pglite") });

describe("npm run backup / npm run restore", () => {
  it(
    "backs up a data directory and restores it elsewhere, refusing what it must",
    async () => {
      const file = path.join(dir, "copia.jsonl.gz");

      // While the app (here: this test) holds the PGlite directory open, the backup does not touch it.
      const busy = await npm(["backup", "--", "--out", file], { DATA_DIR: sourceDir });
      expect(busy.code).toBe(1);
      expect(busy.err).toContain("está abierta por otro proceso");
      const original = await summarizeDatabase(source as Database);
      await source?.close();
      source = undefined;

      const backup = await npm(["backup", "--", "--out", file], { DATA_DIR: sourceDir });
      expect(backup.err).toBe("");
      expect(backup.out).toContain(`Copia de seguridad creada: ${file}`);
      expect(backup.code).toBe(0);
      expect(existsSync(file)).toBe(true);

      const restore = await npm(["restore", "--", file], targetEnv);
      expect(restore.out).toContain("Copia restaurada y verificada");
      expect(restore.code).toBe(0);
      expect(await targetSummary()).toEqual(original);

      const again = await npm(["restore", "--", file], targetEnv);
      expect(again.code).toBe(1);
      expect(again.err).toContain("ya tiene datos");
      expect(again.err).toContain("no se modificó");

      const cut = path.join(dir, "cortada.jsonl.gz");
      const bytes = readFileSync(file);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const truncated = await npm(["restore", "--", cut, "--force"], targetEnv);
      expect(truncated.code).toBe(1);
      expect(truncated.err).toContain("La copia está incompleta");
      expect(await targetSummary()).toEqual(original);

      const usage = await npm(["restore"], targetEnv);
      expect(usage.code).toBe(2);
      expect(usage.err).toContain("Uso: npm run restore");
    },
    SLOW,
  );
});
