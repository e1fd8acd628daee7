import { useRouteLoaderData } from "react-router";
// Not ../../src/messages, which holds every language: the browser has only the page's (entry.client.tsx).
import { type MessageKey, registeredTranslator, type Translate } from "~/messages/translate";
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatFileSize,
  formatNumber,
  formatPercent,
  formatTime,
  formatZoneName,
} from "~/platform/i18n/format";
import { DEFAULT_LOCALE, isLocale, type Locale, type Params } from "~/platform/i18n/i18n";

type RootData = { locale: Locale; timeZone: string } | undefined;

export function useLocale(): { locale: Locale; timeZone: string } {
  const root = useRouteLoaderData("root") as RootData;
  return { locale: root?.locale ?? DEFAULT_LOCALE, timeZone: root?.timeZone ?? "America/Santiago" };
}

export function useT(): Translate {
  return registeredTranslator(useLocale().locale);
}

export function useFormat() {
  const { locale, timeZone } = useLocale();
  return {
    date: (d: Date | string | null | undefined) => formatDate(d, locale, timeZone),
    /** a calendar day "2026-11-25", already local */
    day: (d: string) => formatDay(d),
    dateTime: (d: Date | string | null | undefined) => formatDateTime(d, locale, timeZone),
    number: (n: number, digits = 0) => formatNumber(n, locale, digits),
    percent: (share: number) => formatPercent(share, locale),
    fileSize: (bytes: number) => formatFileSize(bytes, locale),
    /** in another zone than the viewer's (a session shown in the zone the visitor chose) */
    dateTimeIn: (d: Date | string, zone: string) => formatDateTime(d, locale, zone),
    timeIn: (d: Date | string, zone: string) => formatTime(d, locale, zone),
    zoneName: (zone: string) => formatZoneName(zone, locale),
  };
}

/** "Nombre · Impulso" in the viewer's language, for a route's `meta` (which cannot use hooks). */
export function pageTitle(
  matches: ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>,
  key: MessageKey,
  params?: Params,
): string {
  const root = matches.find((m) => m?.id === "root")?.loaderData as { locale?: unknown } | undefined;
  const t = registeredTranslator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
  return `${t(key, params)} · ${t("app.name")}`;
}
