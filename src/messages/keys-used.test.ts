// Every message key the code names must be in the catalogues. The compiler checks the calls it can
// see (`t()` accepts only keys of the Spanish catalogue, and keys built from a variable are typed from
// the union of its values); this test reads the sources, so that `npm test` fails too, and it also
// checks the keys written where the compiler sees a plain string: zod messages, errors, notices.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../platform/i18n/i18n";
import { esCL } from "./es-CL";
import { catalogues } from "./index";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "messages" || name === "+types" ? [] : sources(file);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [file] : [];
  });
}

const KEY = String.raw`([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)`;
const PATTERNS = [
  // t("…"), pageTitle(matches, "…"), t(cond ? "…" : "…")
  new RegExp(String.raw`\bt\(\s*"${KEY}"`, "g"),
  new RegExp(String.raw`\bpageTitle\(\s*\w+,\s*"${KEY}"`, "g"),
  new RegExp(String.raw`\?\s*"${KEY}"\s*:\s*"${KEY}"`, "g"),
  // errors: new DomainError("…"), field errors { field: "….errors.…" }, zod messages .min(1, "…")
  new RegExp(String.raw`new (?:Domain|Validation|RateLimited|Backup)Error\(\s*"${KEY}"`, "g"),
  // a property holding a key (not an audit action, a job or a subject type, which look alike)
  new RegExp(String.raw`(?<!\baction)(?<!\bsubjectType)(?<!\bname):\s*"${KEY}"`, "g"),
  new RegExp(String.raw`,\s*"${KEY}"\s*\)`, "g"),
  new RegExp(String.raw`message:\s*"${KEY}"`, "g"),
];
/** First segments of the catalogue's keys: a string starting with another word is not a message. */
const NAMESPACES = new Set(Object.keys(esCL).map((key) => key.split(".")[0]));
/** Strings of that shape that are not messages: an audit action passed as an argument. */
const NOT_MESSAGES = /^(observation\.pdf)$/;

describe("message keys named in the code", () => {
  const files = ["app", "src", "scripts", "server"].flatMap((dir) => sources(path.join(root, dir)));

  it("are in every catalogue", () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          for (const key of match.slice(1).filter(Boolean)) {
            if (!NAMESPACES.has(key.split(".")[0]) || NOT_MESSAGES.test(key)) continue;
            found++;
            for (const locale of LOCALES) {
              if (!(key in catalogues[locale]))
                missing.push(`${path.relative(root, file)}: ${key} (${locale})`);
            }
          }
        }
      }
    }
    expect(found).toBeGreaterThan(500);
    expect([...new Set(missing)]).toEqual([]);
  });
});
