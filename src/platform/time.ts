// Wall-clock dates and times in a person's IANA zone, converted to and from instants (@date-fns/tz).
import { TZDate } from "@date-fns/tz";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** "2026-11-29" + "10:30" in America/Santiago → the instant; null when either is not a real date or time. */
export function instantFromLocal(date: string, time: string, timeZone: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const local = new TZDate(year, month - 1, day, hour, minute, timeZone);
  if (local.getDate() !== day || local.getMonth() !== month - 1) return null; // 31-02 and the like
  return new Date(local.getTime());
}

/**
 * A wall-clock date and time in a zone, with the clock changes made explicit: "ok" (one instant),
 * "gap" (the time does not exist there: clocks jumped over it, e.g. 00:30 on Chile's September change
 * night), "repeated" (it happens twice: clocks went back, e.g. 23:30 on Chile's April change night;
 * both instants are given, earlier first), "invalid" (not a date, a time or a zone).
 */
export type LocalTime =
  | { kind: "ok"; instant: Date }
  | { kind: "gap" }
  | { kind: "repeated"; earlier: Date; later: Date }
  | { kind: "invalid" };

export function resolveLocalTime(date: string, time: string, timeZone: string): LocalTime {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return { kind: "invalid" };
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return { kind: "invalid" };
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return { kind: "invalid" }; // 31-02 and the like
  // The zone's offsets a day before and a day after: a wall time is one of them (or both, or none).
  const offsets = new Set([offsetMinutes(wall - DAY_MS, timeZone), offsetMinutes(wall + DAY_MS, timeZone)]);
  const instants = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const parts = localParts(new Date(instant), timeZone);
      return parts.date === date && parts.time === time;
    })
    .sort((a, b) => a - b);
  const unique = [...new Set(instants)];
  if (unique.length === 0) return { kind: "gap" };
  if (unique.length === 1) return { kind: "ok", instant: new Date(unique[0] as number) };
  return { kind: "repeated", earlier: new Date(unique[0] as number), later: new Date(unique[1] as number) };
}

const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in minutes (Santiago in winter: −240). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const local = new TZDate(instant, timeZone);
  return -local.getTimezoneOffset();
}

/** Whether the runtime knows this IANA zone (tried, not looked up: see shared/reference/chile.md §6). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant as the date ("2026-11-29") and time ("10:30") a person in that zone reads. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** An instant as ISO 8601 in UTC (how the personal data archive writes it); null stays null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
