// Every language at once, synchronously: for the server (emails, PDFs, exports, loaders) and the tests.
// Browser code reads the registered catalogues instead (src/messages/translate.ts, app/lib/i18n.ts): an
// import of this module's values from a component would put all three languages in the bundle.
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../platform/i18n/i18n";
import { en } from "./en";
import { esCL } from "./es-CL";
import { ptBR } from "./pt-BR";
import { type MessageCatalogue, registerCatalogue, type Translate, translatorFor } from "./translate";

export type { MessageCatalogue, MessageKey, Translate } from "./translate";
export const catalogues: Record<Locale, MessageCatalogue> = {
  "es-CL": esCL,
  "pt-BR": ptBR,
  en,
};

/** The translate function for a locale; unknown keys fall back to Spanish, then to the key itself. */
export function translator(locale: Locale): Translate {
  return translatorFor(catalogues[locale] ?? catalogues[DEFAULT_LOCALE], esCL, locale);
}

/** Makes every language available to the pages' `useT` while rendering on the server. */
export function registerAllCatalogues(): void {
  for (const locale of LOCALES) registerCatalogue(locale, catalogues[locale]);
}
