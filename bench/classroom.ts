// The classroom figures (issue #15, "Speed"): what an observer's phone downloads and how the visit
// pages answer in a classroom, measured in Chromium (/usr/bin/chromium, through Playwright) against the
// production server, and a leader's home page on the 1,000,000-visit data set.
//
// 1. First load of a draft visit page, service worker included: a new browser context (empty cache),
//    signed in as an observer, opens a draft visit; every response of that load (compressed body +
//    headers, as Chromium counts them, the way bench/observation.ts weighs pages) plus /sw.js and what
//    the service worker fetches to prepare (the capture page and its assets; the visit page itself,
//    which it takes from the browser's HTTP cache, weighs 0 bytes there) until the capture page and
//    the visit page are kept. ≤ 200 kB.
// 2. A note added appears in the list in under 50 ms with the CPU slowed down 4× (CDP
//    Emulation.setCPUThrottlingRate): from the click on "Agregar evidencia" to the note's <li> in the
//    DOM, timed inside the page (performance.now() at the click, a MutationObserver for the node),
//    30 notes; p95. On the capture page offline, and on a draft visit page online (the note first
//    shown as not yet sent).
// 3. Syncing 500 queued changes with 300 ms added to every round trip (CDP
//    Network.emulateNetworkConditions, latency 300): a visit started offline on the capture page and
//    499 notes (30 typed for figure 2, the rest written into the phone's IndexedDB queue in the shape
//    app/lib/change-store.ts writes), then online: time until the queue is empty, and the server must
//    hold exactly 499 notes for the visit. ≤ 10 s.
// 4. A school leader's home page (GET /) on the 1,000,000-visit data set, one client: p95 ≤ 20 ms.
//
// Figures 1–3 run on a fresh database with the demo data (the app seeds it on its first start, as for
// the browser tests); figure 4 on the seeded data set (bench/observation-seed.ts; seeded here unless
// BENCH_SEEDED_DATABASE_URL names one seeded before). CLASSROOM_SKIP=browser or CLASSROOM_SKIP=home
// leaves one half out; CLASSROOM_SYNC_TIMEOUT_S (default 180) bounds the wait of figure 3.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { translator } from "~/messages";
import { SESSION_COOKIE, SESSION_TTL_MS } from "~/platform/auth/sessions";
import { newToken } from "~/platform/auth/tokens";
import {
  type BenchContext,
  type Benchmark,
  launchChromium,
  openAppDatabase,
  type RunningApp,
} from "./harness";
import { checkCounts, settle } from "./observation";
import { seedObservationData } from "./observation-seed";

const t = translator("es-CL");
const OBSERVER = "director.nielol@demo.impulso.cl";
const WEIGHT_TARGET_KB = 200;
const NOTE_TARGET_MS = 50;
const NOTES_TIMED = 30;
const CPU_SLOWDOWN = 4;
const QUEUED_CHANGES = 500;
const ADDED_LATENCY_MS = 300;
const SYNC_TARGET_MS = 10_000;
const SYNC_TIMEOUT_MS = (Number(process.env.CLASSROOM_SYNC_TIMEOUT_S) || 180) * 1000;
const HOME_TARGET_MS = 20;
const HOME_SECONDS = 10;
const LEADERS = 200;

const skip = new Set((process.env.CLASSROOM_SKIP ?? "").split(",").map((s) => s.trim()));

export default {
  name: "classroom",
  async run(ctx) {
    const problems: string[] = [];
    if (!skip.has("browser")) {
      const app = await ctx.startApp(); // a fresh database: the demo data is seeded on first start
      const browser = await launchChromium();
      try {
        const cookie = await sessionFor(app.databaseUrl, OBSERVER);
        for (const [name, step] of [
          ["peso de la primera carga", () => firstLoadWeight(ctx, browser, app, cookie)],
          ["evidencia en línea", () => noteOnline(ctx, browser, app, cookie)],
          ["captura sin conexión y envío", () => captureOffline(ctx, browser, app, cookie)],
        ] as const) {
          try {
            await step();
          } catch (error) {
            ctx.log(`${name}: ${(error as Error).stack ?? error}`);
            problems.push(`${name}: ${(error as Error).message}`);
          }
        }
      } finally {
        await browser.close();
      }
    }
    if (!skip.has("home")) {
      try {
        await leaderHome(ctx);
      } catch (error) {
        problems.push(`página de inicio de un directivo: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new Error(problems.join("\n"));
  },
} satisfies Benchmark;

/** A session for the person with this email, as signing in creates it (only the token's hash is stored). */
async function sessionFor(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT id FROM persons WHERE email = $1 LIMIT 1", [email]);
    if (!rows[0]) throw new Error(`no existe ${email}`);
    const { token, hash } = newToken();
    const now = new Date();
    await client.query(
      `INSERT INTO sessions (id_hash, person_id, expires_at, last_seen_at, user_agent)
       VALUES ($1, $2, $3, $4, 'bench/classroom')`,
      [hash, rows[0].id, new Date(now.getTime() + SESSION_TTL_MS), now],
    );
    return token;
  } finally {
    await client.end();
  }
}

/** A phone (the browser tests' "telefono" size), signed in with the session. */
async function phone(browser: Browser, app: RunningApp, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: app.url,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "es-CL",
  });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url }]);
  // The functions given to page.evaluate are compiled by tsx, which names them with a helper the page lacks.
  await context.addInitScript("globalThis.__name = (f) => f;");
  return context;
}

/** Starts a draft visit online through /observaciones/nueva; its path. */
async function startDraft(page: Page, course: string): Promise<string> {
  await page.goto("/observaciones/nueva");
  await page.getByLabel(t("observation.new.teacher")).selectOption({ index: 1 });
  await page.getByLabel(t("observation.new.course")).fill(course);
  await page.getByLabel(t("observation.new.subject")).fill("Matemática");
  await page.getByRole("button", { name: t("observation.new.start") }).click();
  await page.getByRole("heading", { name: t("observation.visit.evidence") }).waitFor();
  return new URL(page.url()).pathname;
}

interface Transferred {
  url: string;
  type: string;
  status: number;
  bytes: number;
  byWorker: boolean;
}

// ── 1. First load, service worker included ─────────────────────────────────────────────────────────
async function firstLoadWeight(ctx: BenchContext, browser: Browser, app: RunningApp, token: string) {
  // The draft is made in another context: the measured one starts with an empty cache.
  const maker = await phone(browser, app, token);
  const draftPath = await startDraft(await maker.newPage(), `1° básico ${Date.now() % 1_000_000}`);
  await maker.close();

  const context = await phone(browser, app, token);
  try {
    const seen: Transferred[] = [];
    const pending: Array<Promise<void>> = [];
    // On the context, not the page: the service worker's own fetches are the context's requests.
    context.on("requestfinished", (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          // Answered by the service worker (from its fetch, counted there, or its cache): nothing new.
          if (response?.fromServiceWorker()) return;
          const sizes = await request.sizes();
          seen.push({
            url: request.url(),
            type: request.resourceType(),
            status: response?.status() ?? 0,
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
            byWorker: request.serviceWorker() !== null,
          });
        })(),
      );
    });
    context.on("requestfailed", (request) => {
      seen.push({ url: request.url(), type: request.resourceType(), status: 0, bytes: 0, byWorker: false });
    });
    const page = await context.newPage();
    const response = await page.goto(draftPath, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`${draftPath} respondió ${response?.status()}`);
    // Prepared: the service worker keeps the capture page after its assets (app/service-worker.ts).
    const deadline = Date.now() + 30_000;
    for (;;) {
      const kept = await page.evaluate(
        async (visit) => ({
          capture: Boolean(await caches.match("/observaciones/captura")),
          visit: Boolean(await caches.match(visit)),
        }),
        draftPath,
      );
      if (kept.capture && kept.visit) break;
      if (Date.now() > deadline) throw new Error("el service worker no guardó la página de captura en 30 s");
      await page.waitForTimeout(200);
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    await Promise.all(pending);
    const failed = seen.filter((r) => r.status === 0 || r.status >= 400);
    if (failed.length > 0)
      throw new Error(`fallaron: ${failed.map((r) => `${r.url} → ${r.status}`).join(", ")}`);
    if (!seen.some((r) => r.url.endsWith("/sw.js"))) throw new Error("no se descargó /sw.js");
    const sum = (rows: Transferred[]) => rows.reduce((s, r) => s + r.bytes, 0);
    const pageRows = seen.filter((r) => !r.byWorker);
    const workerRows = seen.filter((r) => r.byWorker);
    ctx.log(
      `primera carga: ${pageRows.length} respuestas de la página ${(sum(pageRows) / 1000).toFixed(1)} kB ` +
        `(de ellas /sw.js ${(sum(seen.filter((r) => r.url.endsWith("/sw.js"))) / 1000).toFixed(1)} kB), ` +
        `${workerRows.length} del service worker ${(sum(workerRows) / 1000).toFixed(1)} kB: ` +
        workerRows.map((r) => `${new URL(r.url).pathname} ${(r.bytes / 1000).toFixed(1)}`).join(", "),
    );
    ctx.report({
      figure:
        "draft visit page, first load in a new browser context, bytes transferred (compressed bodies + headers): " +
        "the page and everything it loads, /sw.js, and what the service worker fetches to prepare " +
        "(/observaciones/captura and its assets; the visit page from the HTTP cache)",
      value: sum(seen) / 1000,
      unit: "kB",
      target: WEIGHT_TARGET_KB,
    });
    ctx.report({
      figure: "  of which the page's own first load (document, scripts, styles, fonts, /sw.js)",
      value: sum(pageRows) / 1000,
      unit: "kB",
      target: null,
    });
    ctx.report({
      figure: "  of which the service worker's preparation",
      value: sum(workerRows) / 1000,
      unit: "kB",
      target: null,
    });
  } finally {
    await context.close();
  }
}

// ── 2. A note appears in the list ──────────────────────────────────────────────────────────────────

/** Fills the note box, clicks "Agregar evidencia" and times, inside the page, until the note's <li> is in the list. */
async function timeNote(page: Page, text: string): Promise<number> {
  await page.getByLabel(t("observation.visit.note"), { exact: true }).fill(text);
  return page.evaluate(
    ({ text, label }) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll("button")].find(
          (b) => b.textContent?.trim() === label && !b.disabled,
        );
        if (!button) return reject(new Error(`sin botón «${label}»`));
        const shown = () =>
          [...document.querySelectorAll("ol.notes li")].some((li) => li.textContent?.includes(text));
        let started = 0;
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`«${text}» no apareció en 10 s`));
        }, 10_000);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        // Registered before the click, so it runs first: the click's own handlers are inside the time.
        button.addEventListener("click", () => (started = performance.now()), { capture: true, once: true });
        button.click();
      }),
    { text, label: t("observation.visit.add_note") },
  );
}

/**
 * Notes are typed seconds apart: before each one the page is left to finish the previous one (on the
 * draft page, until it is sent and the page shows what the server holds; then until the main thread is idle).
 */
async function quiet(page: Page): Promise<void> {
  await page
    .locator("ol.notes li.pending")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {});
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
}

async function timeNotes(page: Page, prefix: string): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const times: number[] = [];
  try {
    for (let i = 1; i <= NOTES_TIMED; i++) {
      await quiet(page);
      times.push(await timeNote(page, `${prefix} ${i}`));
    }
  } finally {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await cdp.detach();
  }
  return times;
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] as number;
};
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${p95(values).toFixed(1)} ms, máx ${sorted.at(-1)?.toFixed(1)} ms`;
};

async function noteOnline(ctx: BenchContext, browser: Browser, app: RunningApp, token: string) {
  const context = await phone(browser, app, token);
  try {
    const page = await context.newPage();
    await startDraft(page, `2° básico ${Date.now() % 1_000_000}`);
    await page.waitForLoadState("networkidle");
    const times = await timeNotes(page, "Evidencia en línea");
    ctx.log(
      `evidencia en la página de una visita en borrador, en línea, CPU ×${CPU_SLOWDOWN}: ${summary(times)}`,
    );
    ctx.report({
      figure: `note added on a draft visit page (/observaciones/:id, online): click on "Agregar evidencia" to its <li> in the list ("Sin enviar"), CPU slowed ${CPU_SLOWDOWN}×, p95 of ${NOTES_TIMED}`,
      value: p95(times),
      unit: "ms",
      target: NOTE_TARGET_MS,
    });
  } finally {
    await context.close();
  }
}

// ── 2 (offline) and 3. The capture page without connection, then 500 changes sent ──────────────────
async function captureOffline(ctx: BenchContext, browser: Browser, app: RunningApp, token: string) {
  const context = await phone(browser, app, token);
  try {
    // Prepared once online, as the browser tests do.
    const page = await context.newPage();
    await page.goto("/observaciones");
    const deadline = Date.now() + 30_000;
    while (!(await page.evaluate(async () => Boolean(await caches.match("/observaciones/captura"))))) {
      if (Date.now() > deadline) throw new Error("el service worker no guardó la página de captura en 30 s");
      await page.waitForTimeout(200);
    }
    await context.setOffline(true);
    await page.goto("/observaciones/captura");
    await page.getByLabel(t("observation.new.teacher")).selectOption({ index: 1 });
    await page.getByLabel(t("observation.new.course")).fill(`7° básico ${Date.now() % 1_000_000}`);
    await page.getByLabel(t("observation.new.subject")).fill("Historia");
    await page.getByRole("button", { name: t("observation.new.start") }).click();
    await page.getByRole("heading", { name: t("observation.visit.evidence") }).waitFor();
    const visitId = new URL(page.url()).searchParams.get("visita");
    if (!visitId) throw new Error(`sin id de visita en ${page.url()}`);

    const times = await timeNotes(page, "Evidencia sin conexión");
    ctx.log(`evidencia en la página de captura, sin conexión, CPU ×${CPU_SLOWDOWN}: ${summary(times)}`);
    ctx.report({
      figure: `note added offline on the capture page (/observaciones/captura): click on "Agregar evidencia" to its <li> in the list, CPU slowed ${CPU_SLOWDOWN}×, p95 of ${NOTES_TIMED}`,
      value: p95(times),
      unit: "ms",
      target: NOTE_TARGET_MS,
    });

    // The rest of the 500 changes, written into the phone's queue as app/lib/change-store.ts writes them.
    const queued = await page.evaluate(
      async ({ visitId, total }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open("impulso");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const done = (tx: IDBTransaction) =>
          new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        const request = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const tx = db.transaction(["changes", "visits"], "readwrite");
        const changes = tx.objectStore("changes");
        const visits = tx.objectStore("visits");
        const existing = (await request(changes.getAll())) as Array<{ seq: number }>;
        let seq = Math.max(0, ...existing.map((c) => c.seq));
        const visit = (await request(visits.get(visitId))) as { notes: unknown[] };
        for (let i = existing.length; i < total; i++) {
          const at = new Date().toISOString();
          const key = crypto.randomUUID();
          const text = `Evidencia en cola ${i}`;
          changes.put({ key, seq: ++seq, visitId, intent: "note", fields: { note: text, noteTag: "" }, at });
          visit.notes.push({ key, at, text, tag: "" });
        }
        visits.put(visit);
        await done(tx);
        const count = await request(db.transaction("changes").objectStore("changes").count());
        db.close();
        return count;
      },
      { visitId, total: QUEUED_CHANGES },
    );
    if (queued !== QUEUED_CHANGES)
      throw new Error(`${queued} cambios en la cola, se esperaban ${QUEUED_CHANGES}`);
    ctx.log(`${queued} cambios en la cola del teléfono (1 inicio + ${queued - 1} evidencias)`);

    // The connection returns, 300 ms slower each way round.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // The latency set first on a session of our own (it adds to Playwright's conditions: offline while
    // the context is offline), then the context online: every request from the first one is slowed.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: ADDED_LATENCY_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const started = performance.now();
    await context.setOffline(false);
    const count = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open("impulso");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const r = open.result.transaction("changes").objectStore("changes").count();
              r.onsuccess = () => {
                open.result.close();
                resolve(r.result);
              };
              r.onerror = () => reject(r.error);
            };
          }),
      );
    let left = queued;
    let lastLog = started;
    while (left > 0 && performance.now() - started < SYNC_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await count();
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        ctx.log(`  ${((lastLog - started) / 1000).toFixed(0)} s: quedan ${left}`);
      }
    }
    const elapsed = performance.now() - started;
    await cdp.detach();
    ctx.log(
      `${queued - left} de ${queued} cambios enviados en ${(elapsed / 1000).toFixed(1)} s con ${ADDED_LATENCY_MS} ms más por ida y vuelta`,
    );
    const figure = `${QUEUED_CHANGES} changes queued offline on the phone (a visit started on the capture page and ${QUEUED_CHANGES - 1} notes) sent when the connection returns, ${ADDED_LATENCY_MS} ms added to every round trip: until the queue is empty`;
    if (left > 0) {
      ctx.report({
        figure: `${figure} (NOT finished: ${left} left after ${(SYNC_TIMEOUT_MS / 1000).toFixed(0)} s; value = the wait)`,
        value: elapsed,
        unit: "ms",
        target: SYNC_TARGET_MS,
      });
      return;
    }
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    const { rows } = await client
      .query("SELECT count(*)::int AS n FROM observation_notes WHERE observation_id = $1", [visitId])
      .finally(() => client.end());
    if (rows[0].n !== QUEUED_CHANGES - 1)
      throw new Error(
        `el servidor tiene ${rows[0].n} evidencias de la visita, se esperaban ${QUEUED_CHANGES - 1}`,
      );
    ctx.report({
      figure: `${figure}; the server then holds exactly ${QUEUED_CHANGES - 1} notes`,
      value: elapsed,
      unit: "ms",
      target: SYNC_TARGET_MS,
    });
  } finally {
    await context.close();
  }
}

// ── 4. A leader's home page on the 1,000,000-visit data set ────────────────────────────────────────
async function leaderHome(ctx: BenchContext) {
  const seededUrl = process.env.BENCH_SEEDED_DATABASE_URL;
  const databaseUrl = seededUrl ?? (await ctx.freshDatabase());
  const migrated = await openAppDatabase(databaseUrl);
  await migrated.close();
  if (seededUrl) ctx.log(`base ya sembrada (BENCH_SEEDED_DATABASE_URL): ${new URL(seededUrl).pathname}`);
  else {
    ctx.log("sembrando el conjunto de 1.000.000 de visitas…");
    checkCounts((await seedObservationData(databaseUrl, ctx.log)).counts);
  }
  // Leaders of schools spread over the network, each with a session as signing in makes it.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let cookies: string[];
  try {
    const { rows } = await client.query(
      `SELECT DISTINCT ON (m.school_id) m.person_id FROM memberships m WHERE m.role = 'leader'
       ORDER BY m.school_id, m.person_id`,
    );
    const leaders = (rows as Array<{ person_id: string }>)
      .map((r) => r.person_id)
      .sort()
      .slice(0, LEADERS);
    const tokens = leaders.map(() => newToken());
    const now = new Date();
    await client.query(
      `INSERT INTO sessions (id_hash, person_id, expires_at, last_seen_at, user_agent)
       SELECT id_hash, person_id, $3, $4, 'bench/classroom' FROM unnest($1::text[], $2::uuid[]) AS s(id_hash, person_id)`,
      [tokens.map((x) => x.hash), leaders, new Date(now.getTime() + SESSION_TTL_MS), now],
    );
    cookies = tokens.map((x) => `${SESSION_COOKIE}=${x.token}`);
  } finally {
    await client.end();
  }
  const app = await ctx.startApp({ databaseUrl, env: { SEED: "false" } });
  // Each one checked once: the page is theirs (not the sign-in page).
  for (const cookie of cookies.slice(0, 5)) {
    const response = await fetch(`${app.url}/`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("Hola, "))
      throw new Error(`GET / → ${response.status} sin «Hola, »: ${body.slice(0, 200)}`);
  }
  await settle(databaseUrl);
  let i = 0;
  const result = await ctx.load({
    url: app.url,
    connections: 1,
    durationSeconds: HOME_SECONDS,
    warmupSeconds: 2,
    next: () => ({
      path: "/",
      headers: { cookie: cookies[i++ % cookies.length] as string },
      check: (status, body) => status === 200 && body.includes("Hola, "),
    }),
  });
  ctx.log(
    `/ de ${cookies.length} directivos, 1 cliente: ${result.requests} respuestas, p50 ${result.p50.toFixed(1)} ms, ` +
      `p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.failures} fallidas`,
  );
  if (result.failures > 0) throw new Error(`${result.failures} respuestas fallidas: ${result.firstFailure}`);
  ctx.report({
    figure: `a school leader's home page (GET /, ${cookies.length} leaders in turn) on the 1,000,000-visit data set, p95 latency, 1 client`,
    value: result.p95,
    unit: "ms",
    target: HOME_TARGET_MS,
  });
}
