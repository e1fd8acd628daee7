// Reads for dashboards and reports from a PostgreSQL streaming replica (DATABASE_REPLICA_URL, issue
// #6), without a person ever missing what they just wrote.
//
// A replica replays the primary's WAL a moment behind. After every request that may have written (any
// POST), the server notes the primary's WAL position in a short-lived cookie; while that cookie is
// there, a report is read from the replica only once the replica has replayed up to that position,
// and from the primary otherwise. Everyone else reads the replica. Without a replica (PGlite, or no
// DATABASE_REPLICA_URL) everything reads the primary and none of this runs.
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { log } from "../log";
import { type Db, database, rowsOf } from "./client";

/** The cookie that carries the primary's WAL position after a person's last write. */
export const WRITE_POSITION_COOKIE = "impulso_escritura";
/** Longer than any replica lag worth waiting for; after it, the replica is trusted again. */
export const WRITE_POSITION_TTL_SECONDS = 5 * 60;

interface ReadContext {
  /** the WAL position this person's reads must include, from their cookie */
  position?: string;
  /** the answer for this request, once known */
  source?: Promise<Db>;
}

const readContext = new AsyncLocalStorage<ReadContext>();

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export function hasReplica(): boolean {
  return Boolean(database().replica);
}

/** Runs a request's work knowing the WAL position its reads must include (from the cookie, if valid). */
export function withWritePosition<T>(position: string | undefined, work: () => Promise<T>): Promise<T> {
  return readContext.run({ position: position && LSN.test(position) ? position : undefined }, work);
}

/**
 * The primary's current WAL insert position: every commit so far is before it (the write position,
 * pg_current_wal_lsn, can lag behind a commit made with synchronous_commit off).
 */
export async function primaryPosition(): Promise<string> {
  const result = (await database().db.execute(
    sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`,
  )) as unknown as {
    rows: { lsn: string }[];
  };
  return result.rows[0]?.lsn ?? "0/0";
}

/** Whether the replica answers, checked at most every few seconds per process. */
const HEALTH_TTL_MS = 5_000;
let health: { at: number; ok: Promise<boolean> } | undefined;

function replicaAnswers(replica: Db): Promise<boolean> {
  const now = Date.now();
  if (!health || now - health.at > HEALTH_TTL_MS) {
    health = {
      at: now,
      ok: replica.execute(sql`SELECT 1`).then(
        () => true,
        (error: Error) => {
          log("warn", "read replica unreachable: reading the primary", { message: error.message });
          return false;
        },
      ),
    };
  }
  return health.ok;
}

/**
 * Where a dashboard or report reads: the replica, unless there is none, it does not answer, or it has
 * not yet replayed this person's last write (then the primary). Decided once per request.
 */
export function reportingDb(): Promise<Db> {
  const { db, replica } = database();
  if (!replica) return Promise.resolve(db);
  const context = readContext.getStore();
  const decide = async (): Promise<Db> => {
    if (!(await replicaAnswers(replica))) return db;
    if (!context?.position) return replica;
    try {
      const [row] = await rowsOf<{ caught_up: boolean }>(
        replica,
        sql`SELECT coalesce(pg_last_wal_replay_lsn() >= ${context.position}::pg_lsn, false) AS caught_up`,
      );
      return row?.caught_up ? replica : db;
    } catch {
      return db; // the replica stopped answering: the primary answers
    }
  };
  if (!context) return decide();
  context.source ??= decide();
  return context.source;
}
