import type { Locale } from "./i18n";

// Building an Intl formatter costs far more than using one (it was most of a page's rendering time with
// a few dozen dates): each one is made once per locale, time zone and options, and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}
function numberFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

// The local calendar date of an instant as "2026-11-25" (the same digits in every language), one
// formatter per time zone: a page lists dozens of dates, and format() costs far less than formatToParts().
const isoDayFormatters = new Map<string, Intl.DateTimeFormat>();
function localIsoDay(d: Date, timeZone: string): string {
  let formatter = isoDayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    isoDayFormatters.set(timeZone, formatter);
  }
  const text = formatter.format(d);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  // an ICU that writes en-CA otherwise: read the parts
  const parts = formatter.formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Dates as 25-11-2026 and times in 24 h, in the viewer's time zone (product.md). */
export function formatDate(
  date: Date | string | null | undefined,
  _locale: Locale,
  timeZone: string,
): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return "";
  return formatDay(localIsoDay(d, timeZone));
}

/** A calendar day given as "2026-11-25" (already local: no time zone applies) → "25-11-2026". */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : day;
}

export function formatTime(date: Date | string, locale: Locale, timeZone: string): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return dateFormatter(locale === "en" ? "en-GB" : locale, {
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
  return numberFormatter(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A file's size in the reader's language: "850 kB", "1,2 MB" (decimal units, as phones show them). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, size] =
    bytes >= 1_000_000
      ? (["megabyte", bytes / 1_000_000] as const)
      : (["kilobyte", Math.max(1, bytes / 1000)] as const);
  return numberFormatter(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: unit === "megabyte" ? 1 : 0,
  }).format(size);
}

/** A share (0.86) as a percentage in the reader's language ("86 %"). */
export function formatPercent(share: number, locale: Locale): string {
  return numberFormatter(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A zone as its readers name it ("hora de Chile", "hora de México"), from the runtime's ICU data. */
const zoneNames = new Map<string, string>();
export function formatZoneName(timeZone: string, locale: Locale): string {
  // the generic name does not change with the date (no summer or winter in it): each is worked out once
  const key = `${locale}|${timeZone}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    try {
      const parts = dateFormatter(locale === "en" ? "en-GB" : locale, {
        timeZone,
        timeZoneName: "longGeneric",
      }).formatToParts(new Date());
      name = parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
    } catch {
      name = timeZone;
    }
    if (zoneNames.size < 1000) zoneNames.set(key, name);
  }
  return name;
}
