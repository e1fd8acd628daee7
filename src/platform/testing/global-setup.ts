// Vitest's global setup: one migrated database that every test file starts from, instead of each file
// migrating its own (an empty PGlite took 2.5 to 4.8 s to create and 0.5 s to migrate, per file).
//   - PGlite: a migrated in-memory database's data directory, dumped to a file once; each test file
//     loads it (about 1 s).
//   - PostgreSQL (TEST_DATABASE_URL): a migrated database that each test file's database is created
//     from (CREATE DATABASE … TEMPLATE).
// useTestDatabase (database.ts) reads what is provided here, and migrates as before when nothing is
// (a test file run under another config). Its own migrate() then finds nothing left to apply.
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: the file holding a migrated data directory */
    pgliteTemplate: string;
    /** PostgreSQL: the name of a migrated database to copy */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    let dump: Blob | undefined;
    try {
      await database.migrate();
      // written out to the data files, so that each copy starts without replaying the log
      await database.db.execute(sql`CHECKPOINT`);
      dump = await database.dumpDataDir?.();
    } finally {
      await database.close();
    }
    if (!dump) return async () => {};
    const file = path.join(
      os.tmpdir(),
      `impulso-pglite-template-${process.pid}-${randomBytes(4).toString("hex")}.tar`,
    );
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
    return async () => rmSync(file, { force: true });
  }
  const name = `t_template_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  const database = await openDatabase({ url: url.toString(), poolSize: 2 }); // the migration lock holds one
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  await database.close(); // a template must have no one connected when it is copied
  project.provide("postgresTemplate", name);
  return drop;
}
