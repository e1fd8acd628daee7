import { DEFAULT_LOCALE, format, type Locale, type Params } from "../platform/i18n/i18n";
import { en } from "./en";
import { esCL, type MessageKey } from "./es-CL";
import { ptBR } from "./pt-BR";

export type { MessageKey };
export const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = {
  "es-CL": esCL,
  "pt-BR": ptBR,
  en,
};

export type Translate = (key: MessageKey | (string & {}), params?: Params) => string;

const lookup = (catalogue: Partial<Record<MessageKey, string>>, key: string) =>
  catalogue[key as MessageKey] ?? esCL[key as MessageKey];

/**
 * The translate function for a locale; unknown keys fall back to Spanish, then to the key itself.
 * A message with {count} = 1 may have a singular form under "key#one" ("1 resultado"). Exactly 1, not
 * the plural rule's "one" category: in pt-BR that category also holds 0 ("0 resultados").
 */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
  return (key, params) => {
    if (params?.count === 1) {
      const singular = lookup(catalogue, `${key}#one`);
      if (singular !== undefined) return format(singular, key, params);
    }
    return format(lookup(catalogue, key), key, params);
  };
}
