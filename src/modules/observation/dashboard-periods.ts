// The period a dashboard covers: local dates asked for in the query string (desde/hasta), their
// instants in the viewer's time zone, and whether figures are bucketed by week or by month.
import { instantFromLocal, localParts } from "../../platform/time";

export type Bucket = "week" | "month";
export interface Period {
  /** the first and last local dates, inclusive ("2026-09-01") */
  fromDate: string;
  toDate: string;
  from: Date;
  /** exclusive end: the start of the day after toDate */
  to: Date;
  bucket: Bucket;
  timeZone: string;
}

/** The default period: the last 12 weeks up to today. */
export const DEFAULT_PERIOD_DAYS = 84;
/** The longest period a dashboard covers (two school years). */
export const MAX_PERIOD_DAYS = 731;
/** Periods longer than this are bucketed by month. */
const WEEKLY_UP_TO_DAYS = 26 * 7;

export const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * The period asked for in the query string (desde/hasta, local dates), or the default one. A period
 * that cannot be read falls back to the default and says so (`invalid`), so that a link with a typo
 * still shows a dashboard.
 */
export function periodOf(
  query: { from?: string | null; to?: string | null },
  timeZone: string,
  now = new Date(),
): { period: Period; invalid: boolean } {
  const today = localParts(now, timeZone).date;
  const make = (fromDate: string, toDate: string): Period | null => {
    const from = instantFromLocal(fromDate, "00:00", timeZone);
    const to = instantFromLocal(addDays(toDate, 1), "00:00", timeZone);
    if (!from || !to || to <= from) return null;
    const days = Math.round((to.getTime() - from.getTime()) / DAY);
    if (days > MAX_PERIOD_DAYS) return null;
    return { fromDate, toDate, from, to, bucket: days > WEEKLY_UP_TO_DAYS ? "month" : "week", timeZone };
  };
  const fallback = make(addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), today) as Period;
  if (!query.from && !query.to) return { period: fallback, invalid: false };
  const asked = make(query.from || fallback.fromDate, query.to || today);
  return asked ? { period: asked, invalid: false } : { period: fallback, invalid: true };
}
