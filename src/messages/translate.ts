import { DEFAULT_LOCALE, format, type Locale, type Params } from "../platform/i18n/i18n";
// Type only (erased): the Spanish catalogue itself must not reach a browser that reads another language.
import type { MessageKey } from "./es-CL";

export type { MessageKey };
export type MessageCatalogue = Partial<Record<MessageKey, string>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * The translate function over one catalogue in its language; a key it lacks comes from `fallback`,
 * then is the key itself. Plural forms are written in the message (`{count, plural, one {…} other
 * {…}}`) and chosen by the language's plural rules (`format`).
 */
export function translatorFor(
  catalogue: MessageCatalogue,
  fallback?: MessageCatalogue,
  locale: Locale = DEFAULT_LOCALE,
): Translate {
  const lookup = (key: string) => catalogue[key as MessageKey] ?? fallback?.[key as MessageKey];
  return (key, params) => format(lookup(key), key, params, locale);
}

// The catalogues the pages can use (`useT`): all of them on the server (app/entry.server.tsx), only the
// page's language in the browser (src/messages/load.ts, before hydration and on a change of language).
const registered: Partial<Record<Locale, MessageCatalogue>> = {};

export function registerCatalogue(locale: Locale, catalogue: MessageCatalogue): void {
  registered[locale] = catalogue;
}

export function isCatalogueRegistered(locale: Locale): boolean {
  return registered[locale] !== undefined;
}

/** Like `translator`, over the registered catalogues; Spanish is the fallback only where it is registered. */
export function registeredTranslator(locale: Locale): Translate {
  return translatorFor(registered[locale] ?? {}, registered[DEFAULT_LOCALE], locale);
}
