// PGlite on disk syncs each commit to the disk (see DURABLE_START_PARAMS in client.ts); in memory it
// does not (tests stay fast). PGlite only: the PostgreSQL run of the suite skips it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client";

type StreamOps = { fsync?: (stream: unknown) => number };

/** Counts the fsync calls that PostgreSQL makes through PGlite's Node file system. */
function countSyncs(database: Database): () => number {
  const client = (database.db as unknown as { $client: { Module: { NODEFS?: { stream_ops: StreamOps } } } })
    .$client;
  const ops = client.Module.NODEFS?.stream_ops;
  const original = ops?.fsync;
  let count = 0;
  if (ops && original) {
    ops.fsync = (stream) => {
      count++;
      return original(stream);
    };
  }
  return () => count;
}

type Rows = { rows: Record<string, unknown>[] };

async function setting(database: Database, name: "fsync" | "wal_sync_method"): Promise<string> {
  const result = (await database.db.execute(sql.raw(`SHOW ${name}`))) as unknown as Rows;
  return String(result.rows[0][name]);
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("PGlite durability", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "impulso-client-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("on disk, a commit is synced to the disk before it is acknowledged", async () => {
    const database = await openDatabase({ dataDir: path.join(dir, "pglite") });
    try {
      expect(await setting(database, "fsync")).toBe("on");
      expect(await setting(database, "wal_sync_method")).toBe("fsync");
      const syncs = countSyncs(database);
      await database.db.execute(sql`CREATE TABLE durable (id int PRIMARY KEY)`);
      const before = syncs();
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO durable VALUES (1)`);
      });
      expect(syncs()).toBeGreaterThan(before);
    } finally {
      await database.close();
    }
    // and the files open again with the row in them
    const again = await openDatabase({ dataDir: path.join(dir, "pglite") });
    try {
      const result = (await again.db.execute(sql`SELECT count(*)::int AS n FROM durable`)) as unknown as Rows;
      expect(result.rows[0].n).toBe(1);
    } finally {
      await again.close();
    }
  });

  it("in memory (the tests), nothing is synced", async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      expect(await setting(database, "fsync")).toBe("off");
    } finally {
      await database.close();
    }
  });
});
