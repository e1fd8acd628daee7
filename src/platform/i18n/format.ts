import type { Locale } from "./i18n";

/** Dates as 25-11-2026 and times in 24 h, in the viewer's time zone (product.md). */
export function formatDate(date: Date | string | null | undefined, locale: Locale, timeZone: string): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  const parts = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}-${get("month")}-${get("year")}`;
}

export function formatTime(date: Date | string, locale: Locale, timeZone: string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(d);
}

export function formatDateTime(
  date: Date | string | null | undefined,
  locale: Locale,
  timeZone: string,
): string {
  if (!date) return "";
  return `${formatDate(date, locale, timeZone)} ${formatTime(date, locale, timeZone)}`;
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A share (0.86) as a percentage in the reader's language ("86 %"). */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}
