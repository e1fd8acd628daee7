import { DEFAULT_LOCALE, format, type Locale, type Params } from "../platform/i18n/i18n";
// Type only (erased): the Spanish catalogue itself must not reach a browser that reads another language.
import type { MessageKey } from "./es-CL";

export type { MessageKey };
export type MessageCatalogue = Partial<Record<MessageKey, string>>;
export type Translate = (key: MessageKey | (string & {}), params?: Params) => string;

/**
 * The translate function over one catalogue; a key it lacks comes from `fallback`, then is the key itself.
 * A message with {count} = 1 may have a singular form under "key#one" ("1 resultado"). Exactly 1, not
 * the plural rule's "one" category: in pt-BR that category also holds 0 ("0 resultados").
 */
export function translatorFor(catalogue: MessageCatalogue, fallback?: MessageCatalogue): Translate {
  const lookup = (key: string) => catalogue[key as MessageKey] ?? fallback?.[key as MessageKey];
  return (key, params) => {
    if (params?.count === 1) {
      const singular = lookup(`${key}#one`);
      if (singular !== undefined) return format(singular, key, params);
    }
    return format(lookup(key), key, params);
  };
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
  return translatorFor(registered[locale] ?? {}, registered[DEFAULT_LOCALE]);
}
