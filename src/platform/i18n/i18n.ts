export const LOCALES = ["es-CL", "pt-BR", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es-CL";

export type Params = Record<string, string | number | null | undefined>;
export type Catalogue = Record<string, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/**
 * The branch of a plural argument (ICU syntax, `{count, plural, =0 {…} one {…} other {…}}`) for its
 * number: an exact `=N` first, then the language's plural category (Intl.PluralRules), then `other`.
 * `#` in the branch is the number. Returns the text of the whole message with each plural replaced.
 */
function selectPlurals(template: string, params: Params, locale: string): string {
  let out = "";
  let i = 0;
  const opening = /\{(\w+),\s*plural,/g;
  for (let m = opening.exec(template); m; m = opening.exec(template)) {
    out += template.slice(i, m.index);
    // the options up to the matching closing brace
    const options: Array<[string, string]> = [];
    let j = m.index + m[0].length;
    while (j < template.length) {
      while (/\s/.test(template[j] ?? "")) j++;
      if (template[j] === "}") {
        j++;
        break;
      }
      const selectorStart = j;
      while (j < template.length && template[j] !== "{" && !/\s/.test(template[j])) j++;
      const selector = template.slice(selectorStart, j);
      while (/\s/.test(template[j] ?? "")) j++;
      if (template[j] !== "{") break; // malformed: left as written
      let depth = 1;
      const textStart = ++j;
      while (j < template.length && depth > 0) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}") depth--;
        j++;
      }
      options.push([selector, template.slice(textStart, j - 1)]);
    }
    const raw = params[m[1]];
    const n = typeof raw === "number" ? raw : Number(raw);
    const chosen =
      options.find(([s]) => s === `=${n}`) ??
      options.find(([s]) => Number.isFinite(n) && s === pluralCategory(locale, n)) ??
      options.find(([s]) => s === "other");
    out += chosen ? chosen[1].replace(/#/g, Number.isFinite(n) ? String(n) : String(raw ?? "")) : m[0];
    i = j;
    opening.lastIndex = j;
  }
  return out + template.slice(i);
}

/**
 * Replaces {name} placeholders and chooses plural forms (`{count, plural, one {…} other {…}}`, by the
 * language's rules); a missing key shows the key itself so that it is noticed.
 */
export function format(
  template: string | undefined,
  key: string,
  params?: Params,
  locale = DEFAULT_LOCALE,
): string {
  if (template === undefined) return key;
  if (!params) return template;
  const text = template.includes(", plural,") ? selectPlurals(template, params, locale) : template;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? match : String(value);
  });
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const wanted = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (tag.startsWith("es")) return "es-CL";
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}
