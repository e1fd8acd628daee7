import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const SITE = "https://impulso.example";

/** What a browser does with `Location: <path>` received from our site. */
function followed(path: string): URL {
  return new URL(path, `${SITE}/ingresar`);
}

function staysOnSite(value: string): void {
  const path = safeReturnPath(value);
  expect(path.startsWith("/")).toBe(true);
  expect(path.startsWith("//")).toBe(false);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must not come back
  expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
  expect(followed(path).origin).toBe(SITE);
  // A header can carry it (a newline or a NUL made the redirect throw: an error 500).
  expect(() => new Headers({ location: path })).not.toThrow();
}

const KNOWN_BYPASSES = [
  "//evil.example",
  "//evil.example/x",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example/x",
  "/%09/evil.example/x",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/ /evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5C%5Cevil.example",
  "/%5c/evil.example",
  "/..//evil.example",
  "/./\\evil.example",
  "/%2e%2e//evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,hola",
  "evil.example",
  "/\u2028/evil.example",
  "/\u3000/evil.example",
  "/\uff0f/evil.example",
  "／/evil.example",
  "/%0A",
  "/\n",
  "",
];

describe("safeReturnPath", () => {
  it("keeps our own paths, their query and fragment", () => {
    expect(safeReturnPath("/personas?pagina=2#lista")).toBe("/personas?pagina=2#lista");
    expect(safeReturnPath("/observaciones/nueva")).toBe("/observaciones/nueva");
    expect(safeReturnPath("/establecimientos/a%20b")).toBe("/establecimientos/a%20b");
  });

  it("sends every known bypass home", () => {
    for (const value of KNOWN_BYPASSES) {
      staysOnSite(value);
      staysOnSite(decodeURIComponentSafe(value));
    }
    expect(safeReturnPath("/\t/evil.example/x")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath("/\n")).toBe("/");
  });

  it("never leaves the site, whatever the string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => staysOnSite(s)),
      {
        numRuns: 5000,
      },
    );
    // Strings built from the characters that matter, after a slash.
    const tricky = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      "%",
      "2",
      "F",
      "5",
      "C",
      "0",
      "9",
      ".",
      ":",
      "@",
      "e",
      "x",
      "\u0000",
      "\u2028",
      "?",
      "#",
    );
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 12 }), (parts) => {
        const value = `/${parts.join("")}`;
        staysOnSite(value);
        staysOnSite(decodeURIComponentSafe(value));
      }),
      { numRuns: 5000 },
    );
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
