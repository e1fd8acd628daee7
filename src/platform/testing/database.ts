import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { type Database, openDatabase, setDatabase } from "../db/client";

/**
 * Gives each test file its own migrated database: an in-memory PGlite, or, when TEST_DATABASE_URL
 * points at a PostgreSQL server (scripts/test.ts starts one), a fresh database on that server. Both
 * start from the migrated template of global-setup.ts when there is one.
 */
export function useTestDatabase(): { current: () => Database } {
  let database: Database | undefined;
  let dropName: string | undefined;
  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      dropName = `t_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const template = inject("postgresTemplate");
      await admin.query(`CREATE DATABASE ${dropName}${template ? ` TEMPLATE ${template}` : ""}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${dropName}`;
      database = await openDatabase({ url: url.toString(), poolSize: 5 });
    } else {
      const template = inject("pgliteTemplate");
      database = await openDatabase({
        dataDir: "memory://",
        ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
      });
    }
    await database.migrate();
    setDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
    setDatabase(undefined);
    if (dropName && process.env.TEST_DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`);
      await admin.end();
    }
  });
  return {
    current: () => {
      if (!database) throw new Error("database not ready");
      return database;
    },
  };
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}
