// `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME…]` runs some.
//
// Benchmarks run on PostgreSQL: DATABASE_URL when it is set (each benchmark gets fresh databases on
// that server when its user may create them), otherwise a throwaway server (scripts/postgres.ts).
// Each figure is printed on stdout as one JSON line:
//   {"bench":"base","figure":"…","value":12.3,"unit":"ms","target":50,"lowerIsBetter":true,"met":true}
// A row without target ("target": null, no "met") is printed for the reader and listed at the end as such.
// Progress goes to stderr. The command exits non-zero when a figure misses its target or a benchmark fails;
// a figure that could not be measured (value null, "missing": why) is listed at the end and does not.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/postgres";
import { type Benchmark, createContext, type Figure, root } from "./harness";

const benchDir = path.join(root, "bench");
const NOT_BENCHMARKS = new Set(["run.ts", "harness.ts"]);

async function discover(): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  for (const file of readdirSync(benchDir).sort()) {
    if (!file.endsWith(".ts") || file.endsWith(".d.ts") || NOT_BENCHMARKS.has(file) || file.startsWith("_"))
      continue;
    const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default?: Benchmark };
    const bench = module.default;
    if (bench && typeof bench.name === "string" && typeof bench.run === "function") found.push(bench);
  }
  return found;
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const all = await discover();
const unknown = wanted.filter((name) => !all.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(
    `No existe el benchmark ${unknown.join(", ")}. Disponibles: ${all.map((b) => b.name).join(", ")}`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? all.filter((b) => wanted.includes(b.name)) : all;

let postgres: ThrowawayPostgres | undefined;
let serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  console.error(`Benchmarks sobre DATABASE_URL (${new URL(serverUrl).host})`);
} else {
  console.error("Iniciando un servidor PostgreSQL desechable…");
  postgres = await startThrowawayPostgres();
  serverUrl = postgres.url;
  console.error(`PostgreSQL en ${serverUrl}`);
}

const missed: string[] = [];
const failed: string[] = [];
const unmeasured: string[] = [];
let withTarget = 0;
const untargeted: string[] = [];
for (const bench of selected) {
  const started = Date.now();
  console.error(`\n▶ ${bench.name}`);
  const { ctx, cleanup } = createContext(
    bench.name,
    serverUrl,
    (figure: Figure, met: boolean | null) => {
      if (met === null) {
        untargeted.push(
          `${bench.name}: ${figure.figure} = ${Math.round(figure.value * 100) / 100} ${figure.unit}`,
        );
        return;
      }
      withTarget++;
      if (!met)
        missed.push(
          `${bench.name}: ${figure.figure} = ${Math.round(figure.value * 100) / 100} ${figure.unit} (objetivo ${figure.target})`,
        );
    },
    (figure, reason) => unmeasured.push(`${bench.name}: ${figure} (${reason})`),
  );
  try {
    await bench.run(ctx);
  } catch (error) {
    failed.push(bench.name);
    console.error(`[${bench.name}] falló: ${(error as Error).stack ?? error}`);
  } finally {
    await cleanup();
  }
  console.error(`[${bench.name}] ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await postgres?.stop();
if (missed.length > 0) console.error(`\nNo alcanzaron su objetivo:\n  ${missed.join("\n  ")}`);
if (failed.length > 0) console.error(`\nFallaron: ${failed.join(", ")}`);
if (unmeasured.length > 0) console.error(`\nSin medir:\n  ${unmeasured.join("\n  ")}`);
if (untargeted.length > 0)
  console.error(`\nSin objetivo (solo como referencia, no cuentan):\n  ${untargeted.join("\n  ")}`);
if (missed.length === 0 && failed.length === 0)
  console.error(
    withTarget === 0
      ? "\nNinguna cifra con objetivo se midió."
      : unmeasured.length === 0
        ? `\nLas ${withTarget} cifras con objetivo lo alcanzaron.`
        : `\nLas ${withTarget} cifras con objetivo medidas lo alcanzaron.`,
  );
process.exit(missed.length > 0 || failed.length > 0 ? 1 : 0);
