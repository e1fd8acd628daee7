import { useRouteLoaderData } from "react-router";
import { type Translate, translator } from "../../src/messages";
import { formatDate, formatDateTime, formatNumber } from "../../src/platform/i18n/format";
import { DEFAULT_LOCALE, type Locale } from "../../src/platform/i18n/i18n";

type RootData = { locale: Locale; timeZone: string } | undefined;

export function useLocale(): { locale: Locale; timeZone: string } {
  const root = useRouteLoaderData("root") as RootData;
  return { locale: root?.locale ?? DEFAULT_LOCALE, timeZone: root?.timeZone ?? "America/Santiago" };
}

export function useT(): Translate {
  return translator(useLocale().locale);
}

export function useFormat() {
  const { locale, timeZone } = useLocale();
  return {
    date: (d: Date | string | null | undefined) => formatDate(d, locale, timeZone),
    dateTime: (d: Date | string | null | undefined) => formatDateTime(d, locale, timeZone),
    number: (n: number, digits = 0) => formatNumber(n, locale, digits),
  };
}
