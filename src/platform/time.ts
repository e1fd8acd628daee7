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
