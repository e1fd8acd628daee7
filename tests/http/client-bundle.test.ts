// What a phone downloads: the browser bundle must never pull in server code (the database, PGlite's
// wasm) through a route that imports a module's index for a small helper, and must stay small.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogues, type MessageKey } from "~/messages";
import { esCL } from "~/messages/es-CL";
import { LOCALES } from "~/platform/i18n/i18n";
import { buildDir, ensureBuilt } from "../../scripts/build";

const assets = path.join(buildDir, "client", "assets");
let files: Array<{ name: string; bytes: number }> = [];
const isCatalogueChunk = (name: string) => /^messages-(es-CL|pt-BR|en)-[\w-]{8}\.js$/.test(name);

beforeAll(() => {
  ensureBuilt();
  files = readdirSync(assets).map((name) => ({ name, bytes: statSync(path.join(assets, name)).size }));
});

describe("the browser bundle", () => {
  it("holds no database code", () => {
    expect(files.filter((f) => /\.(wasm|data)$/.test(f.name)).map((f) => f.name)).toEqual([]);
  });

  // The total is a guard against whole libraries slipping in, not a page's weight (the benchmarks
  // measure first loads against the issues' targets). 700 KB held until the learning module's eleven
  // pages and three languages' messages brought it to 731 KB (2026-12-04); the practices library and the
  // well-being pulse (twenty pages, their messages, and tus-js-client's 60 KB chunk, loaded only when an
  // upload starts) brought it to 934 KB the same day. Mentoring, advisories and impact (issue #18: 27
  // pages, their messages, and React Router's route manifest, 64 KB, which every page imports) brought it
  // to 1,054 KB (2026-12-04, session 14). The catalogue was not split by area: keys reach pages from
  // the server (a refusal's message, a status), so a split by what a route's code names would show keys
  // instead of text (docs/architecture.md, "Decisions"). 1,100 KB until then.
  it("keeps every script under 300 KB before compression, and all of them under 1,100 KB", () => {
    const scripts = files.filter((f) => f.name.endsWith(".js"));
    expect(scripts.filter((f) => f.bytes > 300_000).map((f) => `${f.name} ${f.bytes}`)).toEqual([]);
    // A page downloads one language's catalogue (src/messages/load.ts): count the largest one only.
    const languages = scripts.filter((f) => isCatalogueChunk(f.name)).map((f) => f.bytes);
    const total = scripts.reduce((n, f) => n + f.bytes, 0);
    expect(total - languages.reduce((n, b) => n + b, 0) + Math.max(0, ...languages)).toBeLessThan(1_100_000);
  });

  it("has each language's messages in its own chunk, and in no other script", () => {
    // a message written differently in each language, in plain characters that minifying keeps as they are
    const key = Object.keys(esCL).find((k) => {
      const texts = LOCALES.map((l) => catalogues[l][k as MessageKey] ?? "");
      return texts.every((t) => t.length > 25 && /^[\w ,.:;()!?-]+$/.test(t)) && new Set(texts).size === 3;
    }) as MessageKey;
    for (const locale of LOCALES) {
      const holders = files
        .filter((f) => f.name.endsWith(".js"))
        .filter((f) =>
          readFileSync(path.join(assets, f.name), "utf8").includes(catalogues[locale][key] ?? key),
        );
      expect({ locale, key, chunks: holders.map((f) => f.name.replace(/-[\w-]{8}\.js$/, "")) }).toEqual({
        locale,
        key,
        chunks: [`messages-${locale}`],
      });
    }
  });
});
