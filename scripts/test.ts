// `npm test`: runs every test on a fresh machine with nothing else needed.
//
//   1. Chromium for the browser tests: installed with apt-get when /usr/bin/chromium is missing.
//   2. A throwaway PostgreSQL server (scripts/postgres.ts), installed with apt-get when missing.
//   3. The production build of the app (react-router build), used by the browser tests.
//   4. Vitest twice: on PGlite, then on the PostgreSQL server (TEST_DATABASE_URL); then the crash test
//      (tests/crash: the real server killed with SIGKILL under write load, on both engines).
//   5. Playwright (tests/e2e) against the built app, with a real SMTP sink (tests/e2e/global-setup.ts).
//
// It ends with a per-suite summary and one line "N passed, N failed" (all suites added up), and exits
// non-zero when a test failed or a suite could not run. A suite that crashed counts as failed.
import { type ChildProcess, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePostgresInstalled, startThrowawayPostgres, type ThrowawayPostgres } from "./postgres";
import { aptInstall, freePort } from "./system";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const outDir = path.join(root, ".tmp", "test-output");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const CHROMIUM = "/usr/bin/chromium";
/** A suite that takes longer than this is stopped and counted as failed (the whole run takes ~10 min). */
const SUITE_TIMEOUT_MS = 20 * 60_000;

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}
const results: SuiteResult[] = [];
/** Set once step 3 produced build/ (the suites then use it as is). */
let built = false;

/** What is running now: when interrupted, it is reported as a failed suite. */
let step = "preparación";

function say(line: string, stepName?: string): void {
  if (stepName) step = stepName;
  console.log(`\n▶ ${line}`);
}

/** Prints the per-suite summary and, last, the line "N passed, N failed". Returns the failures. */
function printSummary(suites: SuiteResult[]): number {
  const total = suites.reduce(
    (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }),
    { passed: 0, failed: 0 },
  );
  console.log("\nResumen:");
  const width = Math.max(...suites.map((r) => r.name.length));
  for (const r of suites) {
    const counts = `${r.passed} aprobadas · ${r.failed} fallidas · ${r.skipped} omitidas`;
    console.log(
      `  ${r.name.padEnd(width)}  ${counts}  (${r.seconds.toFixed(1)} s)${r.note ? ` — ${r.note}` : ""}`,
    );
  }
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed;
}

// ── Child processes: one at a time, stopped on Ctrl-C ─────────────────────────────────────────────
// Each step runs in its own process group, and when it ends whatever is left in that group (a
// browser, a Vitest fork, a server a test started) is killed. Servers that the tests start in groups
// of their own (the e2e app, `npm start` in journey 1) write their group id to a *.pid file in outDir,
// and those groups are killed too: nothing outlives this command, also when a suite fails or hangs.
let current: ChildProcess | undefined;
let interrupted = false;

function killGroup(pid: number | undefined, signal: NodeJS.Signals = "SIGKILL"): void {
  if (!pid || pid <= 1) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills the process groups recorded in outDir/*.pid by the e2e global setup and the specs. */
function killRecordedGroups(): void {
  let names: string[] = [];
  try {
    names = readdirSync(outDir).filter((name) => name.endsWith(".pid"));
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(outDir, name);
    try {
      killGroup(Number(readFileSync(file, "utf8").trim()));
      rmSync(file, { force: true }); // killed once: a later reuse of the number is someone else's
    } catch {
      // unreadable: nothing to kill
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\nInterrumpido (${signal}): deteniendo las pruebas…`);
    const child = current;
    killGroup(child?.pid, signal);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      killGroup(child?.pid);
      killRecordedGroups();
      const note = `interrumpida (${signal}); las siguientes no se ejecutaron`;
      printSummary([...results, { name: step, passed: 0, failed: 1, skipped: 0, seconds: 0, note }]);
      process.exit(130);
    };
    setTimeout(done, 3000).unref();
    if (child && child.exitCode === null && child.signalCode === null) child.once("exit", done);
    else done();
  });
}
process.on("exit", () => {
  killGroup(current?.pid);
  killRecordedGroups();
});

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** write the output to this file instead of the terminal */
  logFile?: string;
  timeoutMs?: number;
}

function run(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<{ code: number; timedOut: boolean }> {
  const timeoutMs = options.timeoutMs ?? SUITE_TIMEOUT_MS;
  return new Promise((resolve) => {
    const fd = options.logFile ? openSync(options.logFile, "a") : undefined;
    const child = spawn(command, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: fd === undefined ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd],
      detached: true, // its own process group: see killGroup
    });
    if (fd !== undefined) closeSync(fd);
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n${path.basename(args[0] ?? command)} superó ${timeoutMs / 60_000} min: se detiene.`);
      killGroup(child.pid, "SIGTERM");
      setTimeout(() => killGroup(child.pid), 10_000).unref();
    }, timeoutMs);
    child.on("error", (error) => console.error(`No se pudo ejecutar ${command}: ${error.message}`));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid); // whatever it left behind
      killRecordedGroups();
      current = undefined;
      resolve({ code: code ?? (signal ? 128 : 1), timedOut });
    });
  });
}

function tailOf(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** The environment for the test runners: never the developer's own database. */
function testEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.SMTP_URL;
  delete env.IMPULSO_PREBUILT;
  // Every suite uses the build made in step 3, never a rebuild half-way (see scripts/build.ts).
  if (built) env.IMPULSO_PREBUILT = "1";
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const seconds = (since: number) => (Date.now() - since) / 1000;

// ── 1. Chromium ────────────────────────────────────────────────────────────────────────────────────
let chromiumProblem: string | undefined;
if (!existsSync(CHROMIUM)) {
  try {
    aptInstall(
      ["chromium"],
      `las pruebas de navegador necesitan ${CHROMIUM}`,
      path.join(outDir, "apt-chromium.log"),
    );
    if (!existsSync(CHROMIUM)) chromiumProblem = `apt-get instaló chromium pero no existe ${CHROMIUM}`;
  } catch (error) {
    chromiumProblem = (error as Error).message;
  }
  if (chromiumProblem) console.error(chromiumProblem);
}

// ── 2. PostgreSQL ──────────────────────────────────────────────────────────────────────────────────
let postgres: ThrowawayPostgres | undefined;
let postgresProblem: string | undefined;
{
  say("Iniciando un servidor PostgreSQL desechable (scripts/postgres.ts)…", "PostgreSQL desechable");
  const started = Date.now();
  try {
    ensurePostgresInstalled(path.join(outDir, "apt-postgresql.log"));
    postgres = await startThrowawayPostgres();
    console.log(`PostgreSQL listo en ${postgres.url} (${seconds(started).toFixed(1)} s)`);
  } catch (error) {
    postgresProblem = `no se pudo iniciar PostgreSQL: ${(error as Error).message}`;
    console.error(postgresProblem);
  }
}

// ── 3. Production build ────────────────────────────────────────────────────────────────────────────
let buildProblem: string | undefined;
{
  say("Compilando la aplicación (react-router build)…", "compilación");
  const started = Date.now();
  const logFile = path.join(outDir, "build.log");
  rmSync(path.join(root, "build"), { recursive: true, force: true });
  const { code } = await run(process.execPath, ["node_modules/@react-router/dev/bin.cjs", "build"], {
    logFile,
    timeoutMs: 10 * 60_000,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (code === 0 && existsSync(path.join(root, "build", "server", "index.js"))) {
    // scripts/start.ts rebuilds unless this stamp is newer than the sources.
    writeFileSync(path.join(root, "build", ".built"), new Date().toISOString());
    built = true;
    console.log(`Compilada en ${seconds(started).toFixed(1)} s (registro: ${path.relative(root, logFile)})`);
  } else {
    buildProblem = `la compilación falló (código ${code}); registro: ${path.relative(root, logFile)}`;
    console.error(`${tailOf(logFile)}\n${buildProblem}`);
  }
}

// ── 4. Vitest, on PGlite and on PostgreSQL ─────────────────────────────────────────────────────────
interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: {
    status?: string;
    name?: string;
    message?: string;
    assertionResults?: { status?: string }[];
  }[];
}

async function vitest(
  name: string,
  slug: string,
  databaseUrl: string | undefined,
  extra: { config?: string; env?: Record<string, string> } = {},
): Promise<void> {
  say(`Vitest ${name}…`, `vitest ${name}`);
  const started = Date.now();
  const jsonFile = path.join(outDir, `vitest-${slug}.json`);
  const { code, timedOut } = await run(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--allowOnly=false", // a forgotten .only fails instead of skipping every other test
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${jsonFile}`,
      ...(extra.config ? ["--config", extra.config] : []),
    ],
    {
      env: testEnv({
        ...extra.env,
        TEST_DATABASE_URL: databaseUrl,
        // A log (CI's, a file) reads better without colour codes. (Not for Playwright: it sets
        // FORCE_COLOR for its workers, and Node warns when both are set.)
        ...(process.stdout.isTTY ? {} : { NO_COLOR: "1" }),
      }),
    },
  );
  const report = readJson(jsonFile) as VitestJson | undefined;
  const result: SuiteResult = {
    name: `vitest ${name}`,
    passed: 0,
    failed: 0,
    skipped: 0,
    seconds: seconds(started),
  };
  if (report) {
    result.passed = report.numPassedTests ?? 0;
    result.failed = report.numFailedTests ?? 0;
    result.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A test file that failed as a whole (did not load, a hook threw) without a failed test still counts.
    const brokenFiles = (report.testResults ?? []).filter(
      (file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"),
    );
    result.failed += brokenFiles.length;
    if (brokenFiles.length > 0)
      result.note = `${brokenFiles.length} archivo(s) fallaron sin ejecutar sus pruebas`;
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note = timedOut
      ? "se detuvo por tiempo"
      : report
        ? `vitest terminó con código ${code} (¿errores no controlados?)`
        : `vitest terminó con código ${code} sin informe`;
  }
  results.push(result);
}

await vitest("con PGlite", "pglite", undefined);
if (postgres) await vitest("con PostgreSQL", "postgres", postgres.url);
else
  results.push({
    name: "vitest con PostgreSQL",
    passed: 0,
    failed: 1,
    skipped: 0,
    seconds: 0,
    note: postgresProblem,
  });
// Alone on the machine (it restarts the server 40 times); PostgreSQL is the server above.
await vitest("prueba de caídas (SIGKILL)", "crash", postgres?.url, {
  config: "tests/crash/vitest.config.ts",
  env: { TEST_OUTPUT_DIR: outDir },
});

// ── 5. Playwright ─────────────────────────────────────────────────────────────────────────────────
interface PlaywrightJson {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; interrupted?: number };
  errors?: { message?: string }[];
}

async function playwright(): Promise<void> {
  const name = "Playwright (navegador)";
  const problem = chromiumProblem ?? postgresProblem ?? buildProblem;
  if (problem || !postgres) {
    results.push({ name, passed: 0, failed: 1, skipped: 0, seconds: 0, note: `no se ejecutó: ${problem}` });
    return;
  }
  say("Playwright: pruebas de navegador (tests/e2e)…", name);
  const started = Date.now();
  const jsonFile = path.join(outDir, "playwright.json");
  const [port, smtpPort] = [await freePort(), await freePort()];
  const { code, timedOut } = await run(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", "--forbid-only"],
    {
      env: testEnv({
        TEST_DATABASE_URL: postgres.url,
        E2E_PORT: String(port),
        E2E_SMTP_PORT: String(smtpPort),
        E2E_MAIL_DIR: path.join(outDir, "mail"),
        E2E_OUTPUT_DIR: outDir,
        E2E_JSON_OUTPUT: jsonFile,
      }),
    },
  );
  const report = readJson(jsonFile) as PlaywrightJson | undefined;
  const result: SuiteResult = { name, passed: 0, failed: 0, skipped: 0, seconds: seconds(started) };
  if (report?.stats) {
    result.passed = (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    result.failed =
      (report.stats.unexpected ?? 0) + (report.stats.interrupted ?? 0) + (report.errors?.length ?? 0);
    result.skipped = report.stats.skipped ?? 0;
    if (report.errors?.length) result.note = `${report.errors.length} error(es) fuera de las pruebas`;
  }
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note = timedOut
      ? "se detuvo por tiempo"
      : `playwright terminó con código ${code}${report ? "" : " sin informe"}`;
  }
  results.push(result);
}

await playwright();
killRecordedGroups();
await postgres?.stop();

// ── Summary ───────────────────────────────────────────────────────────────────────────────────────
process.exitCode = printSummary(results) > 0 ? 1 : 0;
