import type { RouterContextProvider } from "react-router";
import { translator } from "~/messages";
import { NotFoundError } from "~/platform/errors";
import stylesHref from "../styles.css?url";
import { sessionOf } from "./session.server";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * The not-found page as a download route answers it. A download (a PDF, a CSV, a ZIP) is a resource
 * route, which React Router answers without the app's layout and error page: a refused or missing
 * file would be a bare `null`. A browser gets the same Spanish page, in the reader's language, as any
 * other page that does not exist.
 */
export function notFoundDocument(context: Readonly<RouterContextProvider>): Response {
  const { locale } = sessionOf(context);
  const t = translator(locale);
  const title = `${t("errors.not_found.title")} · ${t("app.name")}`;
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${escapeHtml(stylesHref)}"></head>
<body><header class="site-header"><div class="container header-row"><a href="/" class="brand">${escapeHtml(t("app.name"))}</a></div></header>
<main class="container" id="contenido"><section class="stack"><h1>${escapeHtml(t("errors.not_found.title"))}</h1>
<p>${escapeHtml(t("errors.not_found.body"))}</p><p><a href="/">${escapeHtml(t("nav.home"))}</a></p></section></main></body></html>`;
  return new Response(html, {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" },
  });
}

/** Download loaders: a file the reader may not have, or that does not exist, is the not-found page. */
export async function loadFile<T>(
  context: Readonly<RouterContextProvider>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) throw notFoundDocument(context);
    throw error;
  }
}
