// The service worker (built by vite.config.ts into build/client/sw.js, served with no-cache): it keeps
// on the phone what capturing a visit without connection needs, and nothing else.
//
// - Hashed assets (/assets/*): from the cache when there, else the network (and kept).
// - Navigations to the capture surface (/observaciones, /observaciones/nueva, /observaciones/captura,
//   /observaciones/<id>): the network first, the kept copy when the network fails. GET only: a form
//   POST is never answered from the cache (it would look saved and reach nobody). A visit page never
//   kept sends to the capture page, which shows a visit started on the phone; so does the new-visit
//   form (not kept: the capture page starts visits offline, and the first load stays light).
// - React Router's data requests (*.data) are never kept; without a network they get a 503.
// - Anything else is not touched.
// Pages ask it to "prepare" (keep the capture page, the page itself and the scripts they load; the
// page itself from the browser's HTTP cache when it was just loaded, not downloaded again) and, on
// signing out, to "forget" (the kept pages hold the person's teachers).
// It never deletes kept assets when a new version arrives, so a page of the previous version that is
// still open (a visit in progress) keeps working; the page loads the new version on its next load.

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface MessageEventLike extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
}

const scope = self as unknown as WorkerScope;
const CACHE = "impulso-captura-1";
const CAPTURE_PAGE = "/observaciones/captura";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const CAPTURE_PATHS = [
  /^\/observaciones\/?$/,
  /^\/observaciones\/nueva$/,
  /^\/observaciones\/captura$/,
  new RegExp(`^/observaciones/${UUID}$`),
];
const VISIT_PATH = new RegExp(`^/observaciones/${UUID}$`);
const NEW_VISIT_PATH = /^\/observaciones\/nueva$/;

const isCapture = (path: string) => CAPTURE_PATHS.some((p) => p.test(path));

scope.addEventListener("install", (event) => {
  event.waitUntil(scope.skipWaiting());
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(scope.clients.claim());
});

async function fromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** How long a navigation waits for the network before the kept copy is shown (a weak connection). */
const NETWORK_WAIT_MS = 6_000;

async function fromNetworkFirst(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  // A visit page never kept (a visit started on the phone): the capture page, which shows it; the
  // new-visit form: the capture page, which starts one.
  const keptCopy = async () =>
    (await cache.match(path, { ignoreVary: true })) ??
    ((VISIT_PATH.test(path) || NEW_VISIT_PATH.test(path)) &&
    (await cache.match(CAPTURE_PAGE, { ignoreVary: true }))
      ? Response.redirect(
          VISIT_PATH.test(path) ? `${CAPTURE_PAGE}?visita=${path.split("/")[2]}` : CAPTURE_PAGE,
          302,
        )
      : undefined);
  const network = fetch(request).then(async (response) => {
    // Only a page the person could open is kept (not a sign-in redirect or an error page).
    if (response.ok && !response.redirected) await cache.put(path, response.clone());
    return response;
  });
  const slow = new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), NETWORK_WAIT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") return first;
    const kept = await keptCopy();
    return kept ?? (await network);
  } catch (error) {
    const kept = await keptCopy();
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (url.pathname.endsWith(".data")) {
    event.respondWith(fetch(request).catch(() => new Response(null, { status: 503 })));
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(fromCacheFirst(request));
    return;
  }
  if (request.mode === "navigate" && isCapture(url.pathname)) {
    event.respondWith(fromNetworkFirst(request, url.pathname));
  }
});

/**
 * A page from the network; the page the person has just loaded (`loaded`) as the browser's HTTP cache
 * holds it, so that it is not downloaded a second time on a weak connection.
 */
async function fetchOnce(page: string, loaded: boolean): Promise<Response | null> {
  if (loaded)
    try {
      const cached = await fetch(page, {
        cache: "only-if-cached",
        mode: "same-origin",
        credentials: "same-origin",
      });
      if (cached.ok) return cached;
    } catch {
      // not in the HTTP cache
    }
  return fetch(page, { credentials: "same-origin" }).catch(() => null);
}

/**
 * An asset a page loads: a tag's href or src (scripts, preloads, styles, icons) or a module import. Not
 * the route manifest's list of other routes' modules (lazy route discovery names the routes the page
 * links to): without connection those pages cannot load their data anyway.
 */
const ASSET_IN_PAGE =
  /(?:href|src)="(\/assets\/[\w.-]+\.(?:js|css|woff2?|svg|png))"|import[^"';]*["'](\/assets\/[\w.-]+\.js)["']/g;

/**
 * Keeps pages and every hashed asset their HTML names (scripts, styles, preloads): the assets first, so
 * that a kept page always finds what it loads.
 */
async function prepare(pages: string[], assets: string[], loaded: string): Promise<void> {
  const cache = await caches.open(CACHE);
  const wanted = new Set(assets.filter((a) => a.startsWith("/assets/")));
  const fetched: Array<[string, Response]> = [];
  for (const page of pages) {
    if (!isCapture(page)) continue;
    const response = await fetchOnce(page, page === loaded);
    if (!response?.ok || response.redirected) continue;
    const html = await response.clone().text();
    for (const match of html.matchAll(ASSET_IN_PAGE)) wanted.add(match[1] ?? match[2] ?? "");
    fetched.push([page, response]);
  }
  for (const asset of wanted) {
    if (await cache.match(asset)) continue;
    const response = await fetch(asset);
    if (response.ok) await cache.put(asset, response);
  }
  for (const [page, response] of fetched) await cache.put(page, response);
}

scope.addEventListener("message", (event) => {
  const data = event.data as { type?: string; pages?: unknown; assets?: unknown; loaded?: unknown } | null;
  if (data?.type === "prepare") {
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
    const loaded = typeof data.loaded === "string" ? data.loaded : "";
    event.waitUntil(prepare(strings(data.pages), strings(data.assets), loaded).catch(() => {}));
  } else if (data?.type === "forget") {
    event.waitUntil(caches.delete(CACHE));
  }
});
