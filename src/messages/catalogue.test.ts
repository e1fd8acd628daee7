import { describe, expect, it } from "vitest";
import { LOCALES } from "../platform/i18n/i18n";
import { esCL } from "./es-CL";
import { catalogues, type MessageKey, translator } from "./index";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const newlines = (text: string) => text.split("\n").length - 1;
const spanishKeys = Object.keys(esCL).sort();

describe.each(LOCALES)("catalogue %s", (locale) => {
  const catalogue: Record<string, unknown> = catalogues[locale];

  it("has every Spanish key as a non-empty string", () => {
    const missing = spanishKeys.filter(
      (key) => typeof catalogue[key] !== "string" || !(catalogue[key] as string).trim(),
    );
    expect(missing).toEqual([]);
  });

  it("has no keys that Spanish does not have", () => {
    const extra = Object.keys(catalogue).filter((key) => !(key in esCL));
    expect(extra).toEqual([]);
  });

  it("keeps the Spanish placeholders and line breaks", () => {
    for (const key of spanishKeys) {
      const source: string = esCL[key as keyof typeof esCL];
      const text = catalogue[key];
      if (typeof text !== "string") continue; // reported by the test above
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(source) });
      expect({ key, newlines: newlines(text) }).toEqual({ key, newlines: newlines(source) });
    }
  });
});

describe("translator", () => {
  it("translates into English", () => {
    expect(translator("en")("auth.sign_in.title")).toBe("Sign in to Impulso");
    expect(translator("en")("auth.sign_in.title")).not.toBe(esCL["auth.sign_in.title"]);
  });

  it("fills placeholders in a translation", () => {
    expect(translator("pt-BR")("list.page_of", { page: 2, pages: 5 })).toBe("Página 2 de 5");
    expect(translator("en")("home.title", { name: "Ana" })).toBe("Hello, Ana");
  });

  it("uses the singular form for exactly one, in every language", () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      expect(t("list.results", { count: 1 })).not.toContain("1 resultados");
      expect(t("list.results", { count: 0 })).toContain("0");
      expect(t("list.results", { count: 0 })).not.toBe(t("list.results", { count: 1 }));
      expect(t("list.results", { count: 2 })).toContain("2");
    }
    expect(translator("es-CL")("list.results", { count: 1 })).toBe("1 resultado");
    expect(translator("pt-BR")("list.results", { count: 0 })).toBe("0 resultados");
  });

  it("writes plural forms in the message, chosen by each language's plural rules", () => {
    for (const locale of LOCALES) {
      const catalogue: Record<string, string> = catalogues[locale] as Record<string, string>;
      // no hand-made singular keys any more, and every plural has its "other" form
      expect(Object.keys(catalogue).filter((key) => key.includes("#"))).toEqual([]);
      for (const [key, text] of Object.entries(catalogue)) {
        if (text.includes(", plural,")) expect(text, `${locale} ${key}`).toMatch(/\bother \{/);
      }
    }
    expect(translator("es-CL")("instruments.page.visits", { count: 0 })).toBe("0 visitas");
    expect(translator("es-CL")("instruments.page.visits", { count: 21 })).toBe("21 visitas");
    expect(translator("pt-BR")("roster.preview.confirm", { count: 1 })).toBe("Importar 1 linha");
    expect(translator("en")("catalogue.form.uses", { count: 1 })).toBe("Given as an action step 1 time.");
    expect(translator("en")("catalogue.form.uses", { count: 3 })).toBe("Given as an action step 3 times.");
  });

  it("returns an unknown key itself", () => {
    expect(translator("en")("no.such.key" as MessageKey)).toBe("no.such.key");
    expect(translator("pt-BR")("no.such.key" as MessageKey)).toBe("no.such.key");
  });
});
