// Formatted text written by people (a lesson's body): Markdown, rendered on the server to HTML that can
// never run script in a reader's browser. markdown-it with `html: false` escapes every tag typed in the
// source; links are kept only for http(s) and mailto addresses (never javascript:, data:, vbscript:);
// images are off (a lesson loads nothing the reader did not ask for on a weak connection); headings
// start at level 2 (the page's title is the only h1).
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(https?:|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
markdown.disable(["image"]);
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());
// a fenced block's info string ("```js") would become a class attribute: code is shown as plain text
markdown.core.ruler.push("fence_without_info", (state) => {
  for (const token of state.tokens) if (token.type === "fence") token.info = "";
});

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  // a link leaves the platform without telling the other site where the reader came from
  tokens[i].attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, i, options, env, self);
};
for (const rule of ["heading_open", "heading_close"] as const) {
  markdown.renderer.rules[rule] = (tokens, i, options, _env, self) => {
    const level = Math.min(6, Number(tokens[i].tag.slice(1)) + 1);
    tokens[i].tag = `h${level}`;
    return self.renderToken(tokens, i, options);
  };
}

/** The HTML of a text written in Markdown: safe to put in a page as it is. */
export function renderRichText(source: string): string {
  return markdown.render(source);
}
