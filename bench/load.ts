// The load test of issue #6 ("Load"), with the targets of issue #14 §5: the 1,000,000-visit data set of
// bench/observation-seed.ts on PostgreSQL, the production server, and requests that arrive at a fixed
// rate (an open loop, as people's do: request i is sent at t0 + i ÷ rate whether or not the earlier
// ones were answered) in a realistic mix of the pages people open (a teacher's timeline, visit pages,
// the home page, school dashboards and, rarely, a coordinator's 50-school dashboard), each request for
// another id and signed in as a person who may see it (real sessions).
//
// 1. The highest rate served well: after each coordinator's dashboard is opened once on each process
//    (its figures are then kept, as in bench/observation.ts) and an unmeasured warm-up at the first
//    rate, steps of LOAD_RATE_STEP pages/s (default 10) from LOAD_START_RATE (default 30) upward,
//    LOAD_STEP_SECONDS each (default 30), until a step has an error (anything but a 200 with the
//    page's own content within 10 s) or a page whose p95 is over 200 ms; the figure is the last step
//    that had neither (target ≥ 50 pages/s on the 2-core machine). When the first step already fails,
//    the steps go down instead. Latency is measured from each request's scheduled send time (no
//    coordinated omission).
// 2. Memory: a run held at that rate (LOAD_HOLD_RATE to choose another) for LOAD_SECONDS (default
//    300), the resident set of each app's processes sampled every 5 s; the figure is the largest
//    growth from the run's first minute to its last (target under 10 %). The rate found is the
//    heaviest load the processes serve as they should; above it requests pile up, which is a backlog
//    and not a leak (when no step passed: the lowest rate tried). LOAD_SECONDS=0 skips this run.
//
// The requests are spread over LOAD_APPS app processes (default 2, one per core of the machine here),
// each with a V8 heap bounded as docs/operations.md deploys them (LOAD_HEAP_MB, default 512; 0: none),
// through LOAD_SOCKETS keep-alive sockets per process at most (default 256). LOAD_WARMUP_SECONDS (default
// 60), LOAD_MAX_RATE (default 300); BENCH_SEEDED_DATABASE_URL reuses a seeded database, as in
// bench/observation.ts. The closed loop this replaced (200 clients that never rest) asked 2 cores for
// more pages a second than they can serve; see docs/benchmarks.md.
import { readdirSync, readFileSync } from "node:fs";
import { type Benchmark, type OpenLoadResult, openAppDatabase, type RunningApp } from "./harness";
import { checkCounts, pickTargets, settle, type Target } from "./observation";
import { seedObservationData } from "./observation-seed";

/** A number from the environment (0 allowed), or the default when unset or not a number. */
function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === "" || !Number.isFinite(Number(value))) return fallback;
  return Number(value);
}

const START_RATE = envNumber("LOAD_START_RATE", 30);
const RATE_STEP = envNumber("LOAD_RATE_STEP", 10);
const MAX_RATE = envNumber("LOAD_MAX_RATE", 300);
const STEP_SECONDS = envNumber("LOAD_STEP_SECONDS", 30);
const WARMUP_SECONDS = envNumber("LOAD_WARMUP_SECONDS", 60);
const HOLD_SECONDS = envNumber("LOAD_SECONDS", 300);
const HOLD_RATE = envNumber("LOAD_HOLD_RATE", 0);
/** app processes on the same database, the requests spread over them (one per core here) */
const APPS = envNumber("LOAD_APPS", 2);
const SOCKETS = envNumber("LOAD_SOCKETS", 256);
const RATE_TARGET = 50;
const P95_LIMIT_MS = 200;
const MEMORY_GROWTH_TARGET_PERCENT = 10;
const MEMORY_SAMPLE_MS = 5_000;

/** The mix: how many of every 100 requests go to each page. */
const MIX = [
  { label: "timeline", weight: 30, page: "/personas/:personId/desarrollo" },
  { label: "visit", weight: 30, page: "/observaciones/:observationId" },
  { label: "home", weight: 20, page: "/" },
  { label: "school", weight: 17, page: "/establecimientos/:schoolId/observacion" },
  { label: "network", weight: 3, page: "/observaciones/red" },
] as const;
type Label = (typeof MIX)[number]["label"];

/** Why a run does not count as served well (errors, a page's p95 over the limit, a backlog), or null. */
function shortfall(result: OpenLoadResult): string | null {
  const reasons: string[] = [];
  if (result.aborted) reasons.push(`sobrecarga (${result.aborted})`);
  if (result.failures > 0) reasons.push(`${result.failures} fallidas`);
  for (const entry of MIX) {
    const page = result.byLabel[entry.label];
    if (page && page.p95 > P95_LIMIT_MS) reasons.push(`${entry.label} p95 ${page.p95.toFixed(0)} ms`);
  }
  return reasons.length > 0 ? reasons.join(", ") : null;
}

function summary(result: OpenLoadResult): string {
  return (
    `${result.requests}/${result.scheduled} respuestas, ${result.failures} fallidas` +
    `${result.firstFailure ? ` (la primera: ${result.firstFailure})` : ""}; p95 ${MIX.map((m) => {
      const page = result.byLabel[m.label];
      return `${m.label} ${page ? page.p95.toFixed(0) : "–"}`;
    }).join(
      ", ",
    )} ms; retraso del generador p99 ${result.sendLagP99.toFixed(1)} ms, máx ${result.sendLagMax.toFixed(1)} ms`
  );
}

export default {
  name: "load",
  async run(ctx) {
    const seededUrl = process.env.BENCH_SEEDED_DATABASE_URL;
    const databaseUrl = seededUrl ?? (await ctx.freshDatabase());
    const migrated = await openAppDatabase(databaseUrl);
    await migrated.close();
    if (seededUrl) ctx.log(`base ya sembrada (BENCH_SEEDED_DATABASE_URL): ${new URL(seededUrl).pathname}`);
    else {
      ctx.log("sembrando 1.000 establecimientos, 40.000 docentes y 1.000.000 visitas…");
      const seeded = await seedObservationData(databaseUrl, ctx.log);
      checkCounts(seeded.counts);
    }
    const data = await pickTargets(databaseUrl);
    const homes: Target[] = data.visits.map((v) => ({
      path: "/",
      headers: v.headers,
      expect: "Hola, ",
      check: (status, body) => status === 200 && body.includes("Hola, "),
    }));
    const pools: Record<Label, Target[]> = {
      timeline: data.timelines,
      visit: data.visits,
      home: homes,
      school: data.schoolDashboards,
      network: data.networkDashboards,
    };
    // A fixed sequence of 100 labels with the mix's weights, interleaved; each label walks its own ids.
    const sequence: Label[] = [];
    for (let slot = 0; slot < 100; slot++) {
      let chosen: Label = MIX[0].label;
      let best = -1;
      for (const entry of MIX) {
        const given = sequence.filter((l) => l === entry.label).length;
        const owed = ((slot + 1) * entry.weight) / 100 - given;
        if (owed > best) {
          best = owed;
          chosen = entry.label;
        }
      }
      sequence.push(chosen);
    }
    const cursor: Record<Label, number> = { timeline: 0, visit: 0, home: 0, school: 0, network: 0 };
    let n = 0;
    const next = (): Target => {
      const label = sequence[n++ % sequence.length] as Label;
      const pool = pools[label];
      const target = pool[cursor[label]++ % pool.length] as Target;
      return { ...target, label };
    };

    const apps: RunningApp[] = [];
    // As docs/operations.md deploys a process: a bounded V8 heap (LOAD_HEAP_MB, default 512), so that a
    // process settles at its size early instead of growing its heap lazily for minutes.
    const heapMb = process.env.LOAD_HEAP_MB ?? "512";
    const env = {
      SEED: "false",
      REMINDERS: "off",
      ...(heapMb === "0" ? {} : { NODE_OPTIONS: `--max-old-space-size=${heapMb}` }),
    };
    for (let i = 0; i < APPS; i++) apps.push(await ctx.startApp({ databaseUrl, env }));
    await settle(databaseUrl);
    const urls = apps.map((app) => app.url);
    const samples: Array<{ at: number; rssKb: number[] }> = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      const sample = { at: Date.now() - started, rssKb: apps.map(residentKb) };
      samples.push(sample);
      if (samples.length % 6 === 0)
        ctx.log(
          `  ${(sample.at / 1000).toFixed(0)} s: RSS ${sample.rssKb.map((kb) => `${(kb / 1024).toFixed(0)} MB`).join(", ")}`,
        );
    }, MEMORY_SAMPLE_MS);
    ctx.log(
      `bucle abierto sobre ${APPS} procesos (${heapMb === "0" ? "sin límite de heap" : `heap ≤ ${heapMb} MB`}, ` +
        `≤ ${SOCKETS} sockets cada uno); mezcla ${MIX.map((m) => `${m.label} ${m.weight} %`).join(", ")}`,
    );
    const run = (rate: number, durationSeconds: number, abortOutstanding: number) =>
      ctx.openLoad({ url: urls, rate, durationSeconds, next, maxSockets: SOCKETS, abortOutstanding });

    try {
      // Each coordinator's dashboard once on each process, one at a time: their figures are then kept
      // (refreshed each minute behind the kept ones). A coordinator's first visit computes them
      // (200–300 ms); with 20 coordinators at 3 % of the requests, those first visits would decide that
      // page's p95 in the first steps, depending only on how long the warm-up was.
      for (const app of apps) {
        for (const target of data.networkDashboards) {
          const response = await fetch(`${app.url}${target.path}`, { headers: target.headers });
          const body = await response.text();
          if (!target.check?.(response.status, body))
            throw new Error(`GET ${target.path} → ${response.status} sin «${target.expect}»`);
        }
      }
      ctx.log(`paneles de red: los ${data.networkDashboards.length} abiertos una vez en cada proceso`);

      // ── Warm-up, then the steps ──────────────────────────────────────────────────────────────
      if (WARMUP_SECONDS > 0) {
        ctx.log(`calentamiento: ${START_RATE}/s durante ${WARMUP_SECONDS} s (no se mide)`);
        const warm = await run(START_RATE, WARMUP_SECONDS, Math.max(50, START_RATE * 10));
        ctx.log(`  ${summary(warm)}`);
      }
      // Abandon a step once more than a second of arrivals (at least 50) waits unanswered.
      const step = async (rate: number) => {
        await settle(databaseUrl);
        ctx.log(`${rate}/s durante ${STEP_SECONDS} s…`);
        const result = await run(rate, STEP_SECONDS, Math.max(50, rate));
        const why = shortfall(result);
        ctx.log(`  ${why ? `no: ${why}` : "sí"}; ${summary(result)}`);
        const worst = MIX.map((m) => ({ label: m.label, p95: result.byLabel[m.label]?.p95 ?? 0 })).sort(
          (a, b) => b.p95 - a.p95,
        )[0];
        ctx.report({
          figure: `load: open loop at ${rate} pages/s for ${STEP_SECONDS} s: slowest page's p95 (${worst?.label}; ${result.failures} errors${result.aborted ? ", abandoned: backlog" : ""})`,
          value: worst?.p95 ?? Number.NaN,
          unit: "ms",
          target: null,
        });
        return why === null;
      };
      let found: number | null = null;
      let firstFailed: number | null = null;
      let lowest = START_RATE;
      if (await step(START_RATE)) {
        found = START_RATE;
        for (let rate = START_RATE + RATE_STEP; rate <= MAX_RATE; rate += RATE_STEP) {
          if (!(await step(rate))) {
            firstFailed = rate;
            break;
          }
          found = rate;
        }
      } else {
        firstFailed = START_RATE;
        for (let rate = START_RATE - RATE_STEP; rate > 0; rate -= RATE_STEP) {
          lowest = rate;
          if (await step(rate)) {
            found = rate;
            break;
          }
          firstFailed = rate;
        }
      }
      ctx.log(
        `tasa más alta servida bien: ${found ?? "ninguna"}${firstFailed ? ` (${firstFailed}/s ya no)` : ` (límite LOAD_MAX_RATE ${MAX_RATE}/s)`}`,
      );
      ctx.report({
        figure: `load: highest arrival rate of the five-page mix served with 0 errors and every page's p95 ≤ ${P95_LIMIT_MS} ms (open loop, steps of ${RATE_STEP}/s from ${START_RATE}/s, ${STEP_SECONDS} s each)`,
        value: found ?? 0,
        unit: "pages/s",
        target: RATE_TARGET,
        lowerIsBetter: false,
      });

      // ── Memory: a run held at that rate ────────────────────────────────────────────────────
      if (HOLD_SECONDS <= 0) {
        ctx.log("LOAD_SECONDS=0: sin la corrida sostenida ni la cifra de memoria");
        return;
      }
      // The rate found; when none was served well, the lowest tried (the memory is still worth a look).
      const holdRate = HOLD_RATE > 0 ? HOLD_RATE : (found ?? lowest);
      await settle(databaseUrl);
      ctx.log(
        `corrida sostenida: ${holdRate}/s durante ${HOLD_SECONDS} s, memoria cada ${MEMORY_SAMPLE_MS / 1000} s`,
      );
      const holdFrom = Date.now() - started;
      const hold = await run(holdRate, HOLD_SECONDS, holdRate * 10);
      const holdTo = Date.now() - started;
      ctx.log(`  ${shortfall(hold) ?? "0 fallidas, todas las páginas bajo 200 ms"}; ${summary(hold)}`);
      ctx.report({
        figure: `load: held at ${holdRate} pages/s for ${HOLD_SECONDS} s: failed or wrong answers (${hold.requests} requests)`,
        value: hold.failures,
        unit: "responses",
        target: null,
      });
      for (const entry of MIX) {
        const page = hold.byLabel[entry.label];
        if (!page) continue;
        ctx.log(
          `  ${entry.page}: ${page.requests} respuestas, p50 ${page.p50.toFixed(0)} ms, p95 ${page.p95.toFixed(0)} ms, ` +
            `p99 ${page.p99.toFixed(0)} ms, máx ${page.max.toFixed(0)} ms, ${page.failures} fallidas`,
        );
        ctx.report({
          figure: `load: held at ${holdRate} pages/s: ${entry.page} p95 latency (${entry.weight} % of requests)`,
          value: page.p95,
          unit: "ms",
          target: null,
        });
      }
      // For each process, the hold's first minute against its last (a third of it each when shorter
      // than 3 minutes); the figure is the largest growth.
      const window = Math.min(60_000, (holdTo - holdFrom) / 3);
      const measured = samples.filter((s) => s.at >= holdFrom && s.at <= holdTo);
      const mean = (list: number[]) => list.reduce((sum, v) => sum + v, 0) / (list.length || 1);
      const growths: number[] = [];
      apps.forEach((_, k) => {
        const first = measured.filter((s) => s.at <= holdFrom + window).map((s) => s.rssKb[k] ?? 0);
        const last = measured.filter((s) => s.at >= holdTo - window).map((s) => s.rssKb[k] ?? 0);
        if (first.length === 0 || last.length === 0 || mean(first) === 0) return;
        growths.push(((mean(last) - mean(first)) / mean(first)) * 100);
        ctx.log(
          `memoria del proceso ${k + 1} (RSS): primeros ${(window / 1000).toFixed(0)} s ${(mean(first) / 1024).toFixed(0)} MB, ` +
            `últimos ${(mean(last) / 1024).toFixed(0)} MB, máximo ${(Math.max(...measured.map((s) => s.rssKb[k] ?? 0)) / 1024).toFixed(0)} MB`,
        );
      });
      const memory = {
        figure: `load: largest growth of an app process's resident memory, first ${window >= 60_000 ? "minute" : `${(window / 1000).toFixed(0)} s`} to last of ${HOLD_SECONDS} s held at ${holdRate} pages/s`,
        unit: "%",
        target: MEMORY_GROWTH_TARGET_PERCENT,
      };
      if (growths.length > 0) ctx.report({ ...memory, value: Math.max(...growths) });
      else ctx.missing(memory, "run too short to sample");
    } finally {
      clearInterval(sampler);
    }
  },
} satisfies Benchmark;

/** Resident memory, in kB, of the processes in an app's process group (the server and its wrapper). */
function residentKb(app: RunningApp): number {
  let total = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== app.pid) continue; // the process group
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
