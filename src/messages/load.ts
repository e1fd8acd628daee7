// The browser's side of the catalogue: one chunk per language, so a page downloads only its own.
import type { Locale } from "../platform/i18n/i18n";
import { isCatalogueRegistered, type MessageCatalogue, registerCatalogue } from "./translate";

const chunks: Record<Locale, () => Promise<{ catalogue: MessageCatalogue }>> = {
  "es-CL": () => import("./chunks/messages-es-CL"),
  "pt-BR": () => import("./chunks/messages-pt-BR"),
  en: () => import("./chunks/messages-en"),
};

/** Downloads and registers a language's catalogue (once) for `useT`. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (isCatalogueRegistered(locale)) return;
  registerCatalogue(locale, (await chunks[locale]()).catalogue);
}
