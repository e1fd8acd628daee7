import { isIPv4, isIPv6 } from "node:net";
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

/**
 * The network a client address stands for, for limits per address: an IPv4 address itself (also when
 * written IPv4-mapped, ::ffff:1.2.3.4), an IPv6 address's /64 (one home or phone usually holds a whole
 * /64, and could otherwise walk around a limit by changing the last 64 bits).
 */
export function clientNetwork(ip: string): string {
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = address.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (mapped) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  // Expand "::" and keep the first four groups.
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  // An embedded IPv4 tail counts as two groups; only the first four groups matter here.
  const rightGroups = right.flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - rightGroups.length).fill("0"), ...rightGroups]
    : left.flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}
