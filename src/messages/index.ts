import { DEFAULT_LOCALE, type Locale, type Params, format } from "../platform/i18n/i18n";
import { en } from "./en";
import { type MessageKey, esCL } from "./es-CL";
import { ptBR } from "./pt-BR";

export type { MessageKey };
export const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = {
  "es-CL": esCL,
  "pt-BR": ptBR,
  en,
};

export type Translate = (key: MessageKey | (string & {}), params?: Params) => string;

/** The translate function for a locale; unknown keys fall back to Spanish, then to the key itself. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale] ?? catalogues[DEFAULT_LOCALE];
  return (key, params) =>
    format(catalogue[key as MessageKey] ?? esCL[key as MessageKey], key, params);
}
