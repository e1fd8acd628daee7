// The load test of issue #6 ("Load"): the 1,000,000-visit data set of bench/observation-seed.ts on
// PostgreSQL, the production server, and autocannon sending a realistic mix of the pages people open
// (a teacher's timeline, visit pages, the home page, school dashboards and, rarely, a coordinator's
// 50-school dashboard), each request for another id and signed in as a person who may see it, from
// 200 concurrent clients for 5 minutes (each client sends its next request as soon as the previous
// one is answered: autocannon's closed loop, the hardest reading of "200 concurrent clients").
//
// Reported: errors (target 0: every answer a 200 with the page's own content, within 10 s), the 95th
// percentile of every page (target 200 ms), and the growth of the app's memory (resident set of its
// processes, the first minute of the run against the last: target under 10 %). Throughput and the
// other percentiles go to the log. The load runs 90 s unmeasured first (LOAD_WARMUP_SECONDS). The clients are spread over LOAD_APPS app processes (default 2, one
// per core of the machine here). LOAD_SECONDS and LOAD_CONNECTIONS change the run (default 300, 200);
// BENCH_SEEDED_DATABASE_URL reuses a seeded database, as in bench/observation.ts.
import { readdirSync, readFileSync } from "node:fs";
import { type Benchmark, openAppDatabase, type RunningApp } from "./harness";
import { checkCounts, pickTargets, settle, type Target } from "./observation";
import { seedObservationData } from "./observation-seed";

const DURATION_SECONDS = Number(process.env.LOAD_SECONDS) || 300;
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS) || 200;
/** app processes on the same database, the clients spread over them (one per core here) */
const APPS = Number(process.env.LOAD_APPS) || 2;
const P95_TARGET_MS = 200;
const MEMORY_GROWTH_TARGET_PERCENT = 10;
const MEMORY_SAMPLE_MS = 5_000;
/**
 * The full load, unmeasured, before the 5 measured minutes: a process's heap grows for about 90 s
 * under 200 clients (≈ 600 → 760 MB for one process) and is flat after that (measured: +0.5 % from
 * 90 s to 180 s), so the memory figure compares the measured run's first and last minutes.
 */
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS) || 90;

/** The mix: how many of every 100 requests go to each page. */
const MIX = [
  { label: "timeline", weight: 30, page: "/personas/:personId/desarrollo" },
  { label: "visit", weight: 30, page: "/observaciones/:observationId" },
  { label: "home", weight: 20, page: "/" },
  { label: "school", weight: 17, page: "/establecimientos/:schoolId/observacion" },
  { label: "network", weight: 3, page: "/observaciones/red" },
] as const;
type Label = (typeof MIX)[number]["label"];

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
      ...(heapMb === "0" ? {} : { NODE_OPTIONS: `--max-old-space-size=${heapMb}` }),
    };
    for (let i = 0; i < APPS; i++) apps.push(await ctx.startApp({ databaseUrl, env }));
    await settle(databaseUrl);
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
      `${CONNECTIONS} clientes durante ${DURATION_SECONDS} s sobre ${APPS} procesos (${heapMb === "0" ? "sin límite de heap" : `heap ≤ ${heapMb} MB`}); ` +
        `mezcla ${MIX.map((m) => `${m.label} ${m.weight} %`).join(", ")}`,
    );
    let result: Awaited<ReturnType<typeof ctx.load>>;
    try {
      result = await ctx.load({
        url: apps.map((app) => app.url),
        connections: CONNECTIONS,
        durationSeconds: DURATION_SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        next,
      });
    } finally {
      clearInterval(sampler);
    }
    ctx.log(
      `${result.requests} respuestas (${result.requestsPerSecond.toFixed(1)}/s), p50 ${result.p50.toFixed(0)} ms, ` +
        `p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, máx ${result.max.toFixed(0)} ms, ` +
        `${result.failures} fallidas${result.firstFailure ? ` (la primera: ${result.firstFailure})` : ""}`,
    );
    ctx.report({
      figure: `load: failed or wrong answers, ${CONNECTIONS} clients, ${DURATION_SECONDS} s (${result.requests} requests, ${result.requestsPerSecond.toFixed(1)}/s)`,
      value: result.failures,
      unit: "responses",
      target: 0,
    });
    for (const entry of MIX) {
      const page = result.byLabel[entry.label];
      if (!page) continue;
      ctx.log(
        `  ${entry.page}: ${page.requests} respuestas, p50 ${page.p50.toFixed(0)} ms, p95 ${page.p95.toFixed(0)} ms, ` +
          `p99 ${page.p99.toFixed(0)} ms, máx ${page.max.toFixed(0)} ms, ${page.failures} fallidas`,
      );
      ctx.report({
        figure: `load: ${entry.page} p95 latency in the mix (${entry.weight} % of requests), ${CONNECTIONS} clients`,
        value: page.p95,
        unit: "ms",
        target: P95_TARGET_MS,
      });
    }
    // Memory: for each process, the first minute of the measured run against the last (warm-up
    // excluded); the figure is the largest growth.
    const minute = 60_000;
    const warmup = WARMUP_SECONDS * 1000;
    const measured = samples.filter((s) => s.at > warmup);
    const endAt = measured.at(-1)?.at ?? 0;
    const mean = (list: number[]) => list.reduce((sum, v) => sum + v, 0) / (list.length || 1);
    const growths: number[] = [];
    apps.forEach((_, k) => {
      const first = measured.filter((s) => s.at <= warmup + minute).map((s) => s.rssKb[k] ?? 0);
      const last = measured.filter((s) => s.at >= endAt - minute).map((s) => s.rssKb[k] ?? 0);
      if (first.length === 0 || last.length === 0 || mean(first) === 0) return;
      growths.push(((mean(last) - mean(first)) / mean(first)) * 100);
      ctx.log(
        `memoria del proceso ${k + 1} (RSS): primer minuto ${(mean(first) / 1024).toFixed(0)} MB, último ` +
          `${(mean(last) / 1024).toFixed(0)} MB, máximo ${(Math.max(...measured.map((s) => s.rssKb[k] ?? 0)) / 1024).toFixed(0)} MB`,
      );
    });
    if (growths.length > 0)
      ctx.report({
        figure: `load: largest growth of an app process's resident memory, first minute to last of ${DURATION_SECONDS} s`,
        value: Math.max(...growths),
        unit: "%",
        target: MEMORY_GROWTH_TARGET_PERCENT,
      });
    else ctx.missing({ figure: "load: memory growth", unit: "%", target: 10 }, "run too short to sample");
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
