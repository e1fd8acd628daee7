// What a benchmark gets (bench/run.ts builds it): fresh PostgreSQL databases, the built app served
// on a free port, HTTP load with exact percentiles (a closed loop with autocannon, or an open loop at a
// fixed arrival rate), a timer, and report(), which prints one JSON line per figure and remembers
// whether the figure met its target (a figure with target null is a row for the reader, never met or missed).
//
// A benchmark is a module bench/<name>.ts whose default export is a Benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type AutocannonRequest } from "autocannon";
import { chromiumLaunchOptions } from "../scripts/chromium";
import { createDatabase, dropDatabase } from "../scripts/postgres";
import { freePort } from "../scripts/system";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const outDir = path.join(root, ".tmp", "bench");

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /**
   * null: a row without target, printed for the reader (e.g. the closed-loop latencies kept beside
   * the figures that replaced them); its JSON line has `"target": null` and no `met`, and it neither
   * meets nor misses anything.
   */
  target: number | null;
  /** true (the default) when the figure must be at most the target; false when at least */
  lowerIsBetter?: boolean;
}

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

export interface RunningApp {
  /** http://127.0.0.1:PORT */
  url: string;
  /** its process group (the node processes that serve it) */
  pid: number;
  databaseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/** One request of a load whose requests differ (paths, cookies), and how to tell its answer is right. */
export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
  /** false when the response is not the expected page (e.g. a 404 or another person's page): a failure */
  check?: (status: number, body: string) => boolean;
  /** the page it belongs to, for latencies per page in a mix (LoadResult.byLabel) */
  label?: string;
}

export interface LoadOptions {
  /** the server (or several, whose connections are spread over them), and the path when `next` is not given */
  url: string | string[];
  connections: number;
  durationSeconds: number;
  /** an unmeasured run first, so that the measured one sees a warm server (default 2 s) */
  warmupSeconds?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** each connection's next request (e.g. round-robin over many ids, each with its session cookie) */
  next?: () => LoadRequest;
  /** requests per second across all connections (default: each sends its next as soon as answered) */
  overallRate?: number;
}

export interface Latencies {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failures: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  /** latencies in ms, computed from every response (not autocannon's bucketed histogram) */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** responses that were not 2xx or failed their check, plus connection errors and timeouts */
  failures: number;
  /** the first response that failed its check, for the log */
  firstFailure?: string;
  /** per LoadRequest.label: time from sending the request to its whole answer */
  byLabel: Record<string, Latencies>;
}

export interface BenchContext {
  name: string;
  /** the PostgreSQL server (a throwaway one, or DATABASE_URL) */
  serverUrl: string;
  /** a new, empty database on that server, dropped after the benchmark */
  freshDatabase(): Promise<string>;
  /** the production server (scripts/start.ts) on a free port, against databaseUrl (default: a fresh database) */
  startApp(options?: { databaseUrl?: string; env?: Record<string, string> }): Promise<RunningApp>;
  /** HTTP load with autocannon (a closed loop: each connection sends its next request when answered) */
  load(options: LoadOptions): Promise<LoadResult>;
  /** HTTP load at a fixed arrival rate (an open loop), latency from each request's scheduled time */
  openLoad(options: OpenLoadOptions): Promise<OpenLoadResult>;
  /** prints the figure as one JSON line on stdout */
  report(figure: Figure): void;
  /**
   * A figure that could not be measured for a reason outside the benchmark (e.g. its page is not built
   * yet): one JSON line with value null and the reason; listed at the end, without failing the run.
   */
  missing(figure: Omit<Figure, "value">, reason: string): void;
  /** progress for people, on stderr */
  log(message: string): void;
}

/** Milliseconds that fn takes, and its result. For figures measured in-process (e.g. an import). */
export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

/**
 * Opens the app's database module in this process on databaseUrl (migrated), so a benchmark can call
 * services directly (e.g. the roster import) instead of going through HTTP. Close it when done.
 */
export async function openAppDatabase(databaseUrl: string): Promise<{ close(): Promise<void> }> {
  const client = await import("~/platform/db/client");
  const database = await client.openDatabase({ url: databaseUrl });
  await database.migrate();
  client.setDatabase(database);
  return {
    close: async () => {
      client.setDatabase(undefined);
      await database.close();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const once = (durationSeconds: number, record: boolean) =>
    new Promise<LoadResult>((resolve, reject) => {
      const latencies: number[] = [];
      const labelled = new Map<string, { latencies: number[]; failures: number }>();
      let wrong = 0;
      let firstFailure: string | undefined;
      const next = options.next;
      const requests = next
        ? [
            {
              setupRequest: (request: AutocannonRequest, context: Record<string, unknown>) => {
                const chosen = next();
                context.chosen = chosen;
                context.sentAt = performance.now(); // written to the socket right after this returns
                return { ...request, path: chosen.path, headers: { ...request.headers, ...chosen.headers } };
              },
              onResponse: (status: number, body: string, context: Record<string, unknown>) => {
                const chosen = context.chosen as LoadRequest | undefined;
                const failed = status < 200 || status > 299 || (chosen?.check && !chosen.check(status, body));
                if (failed) {
                  wrong++;
                  firstFailure ??= `GET ${chosen?.path} → ${status}: ${body.slice(0, 200)}`;
                }
                if (record && chosen?.label) {
                  let entry = labelled.get(chosen.label);
                  if (!entry) {
                    entry = { latencies: [], failures: 0 };
                    labelled.set(chosen.label, entry);
                  }
                  entry.latencies.push(performance.now() - (context.sentAt as number));
                  if (failed) entry.failures++;
                }
              },
            },
          ]
        : undefined;
      const instance = autocannon(
        {
          url: options.url,
          connections: options.connections,
          duration: durationSeconds,
          method: options.method ?? "GET",
          headers: options.headers,
          body: options.body,
          timeout: 10,
          ...(options.overallRate ? { overallRate: options.overallRate } : {}),
          requests,
        },
        (error, result) => {
          if (error) return reject(error);
          latencies.sort((a, b) => a - b);
          // with `next`, every non-2xx answer is among the wrong ones
          const failures = (next ? wrong : result.non2xx) + result.errors + result.timeouts;
          resolve({
            requests: latencies.length,
            requestsPerSecond: latencies.length / durationSeconds,
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            max: latencies.at(-1) ?? Number.NaN,
            failures,
            firstFailure,
            byLabel: Object.fromEntries(
              [...labelled].map(([label, entry]) => {
                entry.latencies.sort((a, b) => a - b);
                return [
                  label,
                  {
                    requests: entry.latencies.length,
                    p50: percentile(entry.latencies, 50),
                    p95: percentile(entry.latencies, 95),
                    p99: percentile(entry.latencies, 99),
                    max: entry.latencies.at(-1) ?? Number.NaN,
                    failures: entry.failures,
                  },
                ];
              }),
            ),
          });
        },
      );
      if (record) {
        instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
          latencies.push(responseTime);
        });
      }
    });
  if ((options.warmupSeconds ?? 2) > 0) await once(options.warmupSeconds ?? 2, false);
  return once(options.durationSeconds, true);
}

export interface OpenLoadOptions {
  /** the server (or several: the requests of each label go to them in turn) */
  url: string | string[];
  /** requests per second: request i is started at t0 + i ÷ rate whether or not earlier ones were answered */
  rate: number;
  durationSeconds: number;
  /** the next request (path, cookie, check, label) */
  next: () => LoadRequest;
  /**
   * keep-alive sockets per server (default 256): bounded, but far more than a server that keeps up
   * needs (≈ rate × latency); a request that finds none free waits for one, and its wait counts
   */
  maxSockets?: number;
  /** a request not answered this long after its scheduled time is a failure (default 10 s) */
  timeoutMs?: number;
  /**
   * stop sending when more than this many requests are unanswered (the server has fallen behind by
   * that many arrivals; the run is then over its capacity and the rest would only pile up timeouts)
   */
  abortOutstanding?: number;
}

export interface OpenLoadResult extends LoadResult {
  /** the rate asked for and the requests scheduled at it over the duration */
  rate: number;
  scheduled: number;
  /** why sending stopped before the duration, if it did */
  aborted?: string;
  /** how late the generator sent requests (its own lag, already inside the latencies): p99 and max, ms */
  sendLagP99: number;
  sendLagMax: number;
}

/**
 * An open loop: requests arrive at a fixed rate, as people's do, instead of a fixed number of clients
 * each waiting for its answer. Request i is scheduled at t0 + i ÷ rate and its latency is measured from
 * that scheduled time to the end of its answer, so a server that stalls is charged for every request
 * that should have been sent meanwhile (no coordinated omission), including any delay of this generator
 * or of a free socket. Connections are node:http keep-alive sockets, reused across requests.
 */
export async function openLoad(options: OpenLoadOptions): Promise<OpenLoadResult> {
  const urls = (Array.isArray(options.url) ? options.url : [options.url]).map((u) => new URL(u));
  const maxSockets = options.maxSockets ?? 256;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const total = Math.max(1, Math.floor(options.rate * options.durationSeconds));
  const interval = 1000 / options.rate;
  const all: number[] = [];
  const lags: number[] = [];
  const labelled = new Map<string, { latencies: number[]; failures: number }>();
  let failures = 0;
  let firstFailure: string | undefined;
  let outstanding = 0;
  let aborted: string | undefined;
  const pending: Array<Promise<void>> = [];
  // Each label's requests in turn over the servers (by the request's index alone, a mix whose sequence
  // repeats with an even length would send one page always to the same server).
  const turns = new Map<string, number>();

  const send = (scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const chosen = options.next();
      const turn = turns.get(chosen.label ?? "") ?? 0;
      turns.set(chosen.label ?? "", turn + 1);
      const base = urls[turn % urls.length] as URL;
      outstanding++;
      let done = false;
      const finish = (failure: string | undefined) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        outstanding--;
        const latency = performance.now() - scheduledAt;
        all.push(latency);
        const label = chosen.label ?? "";
        let entry = labelled.get(label);
        if (!entry) {
          entry = { latencies: [], failures: 0 };
          labelled.set(label, entry);
        }
        entry.latencies.push(latency);
        if (failure) {
          failures++;
          entry.failures++;
          firstFailure ??= `GET ${chosen.path} → ${failure}`;
        }
        resolve();
      };
      const request = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path: chosen.path,
          method: "GET",
          headers: chosen.headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", (error) => finish(String(error)));
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            const body = Buffer.concat(chunks).toString("utf8");
            const wrong = status < 200 || status > 299 || (chosen.check && !chosen.check(status, body));
            finish(wrong ? `${status}: ${body.slice(0, 200)}` : undefined);
          });
        },
      );
      const timer = setTimeout(
        () => {
          request.destroy();
          finish(`sin respuesta en ${timeoutMs / 1000} s`);
        },
        Math.max(0, timeoutMs - (performance.now() - scheduledAt)),
      );
      request.on("error", (error) => finish(String(error)));
      request.end();
      lags.push(performance.now() - scheduledAt);
    });

  const started = performance.now() + 5;
  let index = 0;
  while (index < total) {
    const now = performance.now();
    while (index < total && started + index * interval <= now) {
      pending.push(send(started + index * interval));
      index++;
    }
    if (options.abortOutstanding !== undefined && outstanding > options.abortOutstanding) {
      aborted = `${outstanding} peticiones sin responder a los ${((now - started) / 1000).toFixed(1)} s`;
      break;
    }
    if (index >= total) break;
    const wait = started + index * interval - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.all(pending);
  agent.destroy();

  all.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    rate: options.rate,
    scheduled: total,
    aborted,
    requests: all.length,
    requestsPerSecond: all.length / options.durationSeconds,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: all.at(-1) ?? Number.NaN,
    failures,
    firstFailure,
    sendLagP99: percentile(lags, 99),
    sendLagMax: lags.at(-1) ?? Number.NaN,
    byLabel: Object.fromEntries(
      [...labelled].map(([label, entry]) => {
        entry.latencies.sort((a, b) => a - b);
        return [
          label,
          {
            requests: entry.latencies.length,
            p50: percentile(entry.latencies, 50),
            p95: percentile(entry.latencies, 95),
            p99: percentile(entry.latencies, 99),
            max: entry.latencies.at(-1) ?? Number.NaN,
            failures: entry.failures,
          },
        ];
      }),
    ),
  };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Spawns scripts/start.ts (which builds the app when needed) and waits until GET /ingresar answers 200. */
export async function startApp(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  mkdirSync(outDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(outDir, `${name}-app-${port}.log`);
  const fd = openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, ["scripts/node24.mjs", "scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(outDir, `data-${port}`),
      SECURE_COOKIES: "false",
      ...env,
    },
  });
  closeSync(fd);
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // gone
    }
  };
  const exitHandler = () => killGroup("SIGKILL");
  process.on("exit", exitHandler);
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off("exit", exitHandler);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        killGroup("SIGKILL");
        resolve();
      });
      killGroup("SIGTERM");
    });

  const deadline = Date.now() + 180_000;
  let last = "sin respuesta";
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `La aplicación terminó al arrancar (código ${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/ingresar`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
      last = `GET /ingresar respondió ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`La aplicación no respondió en 180 s (${last}):\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { url, pid: child.pid as number, databaseUrl, logFile, stop };
}

/** Builds the context for one benchmark; cleanup() stops its apps and drops its databases. */
export function createContext(
  name: string,
  serverUrl: string,
  /** met is null for a figure without target */
  onFigure: (figure: Figure, met: boolean | null) => void,
  onMissing: (figure: string, reason: string) => void = () => {},
): { ctx: BenchContext; cleanup(): Promise<void> } {
  const databases: string[] = [];
  const apps: RunningApp[] = [];
  const freshDatabase = async () => {
    const dbName = `bench_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
    try {
      const url = await createDatabase(serverUrl, dbName);
      databases.push(dbName);
      return url;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501") throw error;
      // DATABASE_URL's user may not create databases: then use that database itself.
      console.error(`[${name}] sin permiso para crear bases de datos; se usa DATABASE_URL tal cual`);
      return serverUrl;
    }
  };
  const ctx: BenchContext = {
    name,
    serverUrl,
    freshDatabase,
    startApp: async (options = {}) => {
      const app = await startApp(name, options.databaseUrl ?? (await freshDatabase()), options.env);
      apps.push(app);
      return app;
    },
    load,
    openLoad,
    report: (figure) => {
      const value = Math.round(figure.value * 100) / 100;
      if (figure.target === null) {
        console.log(
          JSON.stringify({ bench: name, figure: figure.figure, value, unit: figure.unit, target: null }),
        );
        onFigure(figure, null);
        return;
      }
      const lowerIsBetter = figure.lowerIsBetter ?? true;
      const met = lowerIsBetter ? value <= figure.target : value >= figure.target;
      console.log(
        JSON.stringify({
          bench: name,
          figure: figure.figure,
          value,
          unit: figure.unit,
          target: figure.target,
          lowerIsBetter,
          met,
        }),
      );
      onFigure(figure, met);
    },
    missing: (figure, reason) => {
      console.log(
        JSON.stringify({
          bench: name,
          figure: figure.figure,
          value: null,
          unit: figure.unit,
          target: figure.target,
          lowerIsBetter: figure.lowerIsBetter ?? true,
          met: null,
          missing: reason,
        }),
      );
      onMissing(figure.figure, reason);
    },
    log: (message) => console.error(`[${name}] ${message}`),
  };
  return {
    ctx,
    cleanup: async () => {
      for (const app of apps.splice(0)) await app.stop();
      for (const dbName of databases.splice(0)) {
        await dropDatabase(serverUrl, dbName).catch((error) =>
          ctx.log(`no se pudo borrar ${dbName}: ${error}`),
        );
      }
    },
  };
}

/** Debian's Chromium as the page-weight and browser figures drive it: no background traffic of its own. */
export async function launchChromium() {
  const { chromium } = await import("@playwright/test");
  return chromium.launch(chromiumLaunchOptions);
}

/** A page a benchmark measures: with one client (its p95 against `oneClient`), then with many. */
export interface MeasuredPage {
  key: string;
  /** how the figure names it */
  name: string;
  next: () => LoadRequest;
  /** the p95 target with one client, ms (none: reported without one) */
  oneClient?: number | null;
  /** the throughput target with many clients, as a share of the "home" page's of the same run */
  share?: number;
}

/**
 * Measures each page in turn, with one client and then with `connections`: the one-client p95 against
 * its target; the page keyed "home" (measure it first) gives the throughput the others' shares are
 * of. A page that answers anything but 200 fails the benchmark.
 */
export async function measurePages(
  ctx: BenchContext,
  appUrl: string,
  pages: MeasuredPage[],
  options: { seconds: number; connections: number },
): Promise<void> {
  const { seconds, connections } = options;
  let homeRps = 0;
  for (const page of pages) {
    const run = (clients: number) =>
      ctx.load({
        url: appUrl,
        connections: clients,
        durationSeconds: seconds,
        warmupSeconds: 2,
        next: () => ({ check: (status: number) => status === 200, ...page.next() }),
      });
    const one = await run(1);
    const many = await run(connections);
    ctx.log(
      `${page.key}: 1 cliente p95 ${one.p95.toFixed(1)} ms; ${connections} clientes ${many.requestsPerSecond.toFixed(0)}/s (fallidas ${one.failures + many.failures}${one.firstFailure ? `: ${one.firstFailure}` : ""})`,
    );
    if (one.failures + many.failures > 0) throw new Error(`${page.key}: respuestas fallidas`);
    ctx.report({
      figure: `${page.name} p95 latency, 1 client`,
      value: one.p95,
      unit: "ms",
      target: page.oneClient ?? null,
    });
    if (page.key === "home") {
      homeRps = many.requestsPerSecond;
      ctx.report({
        figure: `${page.name} throughput, ${connections} concurrent clients`,
        value: homeRps,
        unit: "requests/s",
        target: null,
      });
    } else if (page.share) {
      ctx.report({
        figure: `${page.name} throughput with ${connections} concurrent clients ÷ the signed-in home page's, same run (${many.requestsPerSecond.toFixed(0)}/s)`,
        value: many.requestsPerSecond / homeRps,
        unit: "× home page",
        target: page.share,
        lowerIsBetter: false,
      });
    } else {
      ctx.report({
        figure: `${page.name} throughput, ${connections} concurrent clients`,
        value: many.requestsPerSecond,
        unit: "requests/s",
        target: null,
      });
    }
  }
}
