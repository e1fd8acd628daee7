import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderRichText } from "./rich-text";

/** Every tag the renderer may write; anything else in the output would have come from the source. */
const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "strong",
  "em",
  "a",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "code",
  "pre",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "s",
]);

function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) found.push(`tag ${name}`);
    for (const [, attribute, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) {
      if (!["href", "rel", "start", "style"].includes(attribute)) found.push(`attribute ${attribute}`);
      if (attribute === "style" && !/^text-align:(left|right|center)$/.test(value)) found.push("style");
      // an empty address (a link to the page itself) is harmless
      if (attribute === "href" && value !== "" && !/^(https?:|mailto:)/i.test(value))
        found.push(`href ${value}`);
    }
  }
  return found;
}

describe("renderRichText", () => {
  it("writes formatting, lists and safe links", () => {
    const html = renderRichText(
      "# Objetivo\n\nLeer **con atención** y _anotar_.\n\n- uno\n- dos\n\n[Guía](https://example.cl/guia)",
    );
    expect(html).toContain("<h2>Objetivo</h2>");
    expect(html).toContain("<strong>con atención</strong>");
    expect(html).toContain("<li>uno</li>");
    expect(html).toContain('<a href="https://example.cl/guia" rel="noopener noreferrer nofollow">Guía</a>');
  });

  it("shows typed HTML as text and drops unsafe links and images", () => {
    const html = renderRichText(
      "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) ![i](https://example.cl/a.png)",
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data/i);
    expect(html).toContain("&lt;script&gt;");
    expect(unsafeParts(html)).toEqual([]);
  });

  it("shows a fenced block as plain code, its info string dropped (found by the property below)", () => {
    const html = renderRichText("```!\n```\n\n```js onload=x\nlet a = 1;\n```");
    expect(unsafeParts(html)).toEqual([]);
    expect(html).toContain("<pre><code>let a = 1;\n</code></pre>");
  });

  it("never writes a tag, attribute or address that could run script, whatever the text (property)", () => {
    const pieces = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "javascript:alert(1)",
      "[a](",
      ")",
      "](",
      "<",
      ">",
      '"',
      "'",
      "`",
      "\n",
      "# ",
      "* ",
      "**",
      "<a href=",
      " onclick=",
      "&#106;avascript:",
      "JaVaScRiPt:",
      "https://example.cl",
      "<svg onload=alert(1)>",
      "| a | b |\n|---|---|\n",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        expect(unsafeParts(renderRichText(parts.join("")))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
