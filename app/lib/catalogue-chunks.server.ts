import chunks from "virtual:impulso/catalogue-chunks";
import type { Locale } from "~/platform/i18n/i18n";

/** The browser file of a language's catalogue, to preload with the page (none on the dev server). */
export function catalogueChunkUrl(locale: Locale): string | null {
  return (chunks as Partial<Record<Locale, string>>)[locale] ?? null;
}
