import { sql } from "drizzle-orm";
import { db } from "../db/client";
import { rateLimits } from "./schema";

export interface Limit {
  /** at most this many hits… */
  max: number;
  /** …per window of this many milliseconds */
  windowMs: number;
}

/**
 * Counts a hit against a key in a fixed window stored in the database (so every app process shares it)
 * and answers whether the key is still within its limit.
 */
export async function hit(key: string, limit: Limit): Promise<boolean> {
  return (await hitCount(key, limit)) <= limit.max;
}

/** Counts a hit and answers how many the key has in the current window, this one included. */
export async function hitCount(key: string, limit: Pick<Limit, "windowMs">): Promise<number> {
  const windowStart = new Date(Math.floor(Date.now() / limit.windowMs) * limit.windowMs);
  const [row] = await db()
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}

/** Whether one more hit may still be counted (fewer than `max` so far), without counting it. */
export async function underLimit(key: string, limit: Limit): Promise<boolean> {
  const windowStart = new Date(Math.floor(Date.now() / limit.windowMs) * limit.windowMs);
  const [row] = await db()
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(
      sql`${rateLimits.key} = ${key} AND ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz`,
    );
  return (row?.count ?? 0) < limit.max;
}

/** Takes back one hit of the current window (an attempt that turned out legitimate, e.g. a sign-in). */
export async function undo(key: string, limit: Limit): Promise<void> {
  const windowStart = new Date(Math.floor(Date.now() / limit.windowMs) * limit.windowMs);
  await db().execute(
    sql`UPDATE rate_limits SET count = count - 1 WHERE key = ${key} AND window_start = ${windowStart.toISOString()}::timestamptz AND count > 0`,
  );
}

export async function clear(key: string): Promise<void> {
  await db().execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

export async function deleteOldWindows(): Promise<void> {
  await db().execute(sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}
