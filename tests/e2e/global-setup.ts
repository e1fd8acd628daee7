// Before the browser tests: a real SMTP sink, a fresh database, an S3-speaking server (s3rver) for the
// uploaded files that every app process shares, and the app's production servers. Returns the
// teardown, which stops them all.
//
// scripts/test.ts passes TEST_DATABASE_URL (its throwaway PostgreSQL server) and the ports (E2E_PORT,
// E2E_SMTP_PORT; playwright.config.ts fills them in when Playwright runs alone). Without
// TEST_DATABASE_URL a throwaway PostgreSQL server is started here.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import S3rver from "s3rver";
import { ensureBuilt } from "../../scripts/build";
import {
  createDatabase,
  dropDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../../scripts/postgres";
import { freePort } from "../../scripts/system";
import { startRoundRobinProxy } from "./support/round-robin-proxy";
import { startSmtpSink } from "./support/smtp-sink";

const root = path.resolve(import.meta.dirname, "../..");
const START_TIMEOUT_MS = 120_000;

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function waitForApp(baseURL: string, app: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = "sin respuesta";
  while (Date.now() < deadline) {
    if (!running(app)) {
      throw new Error(
        `La aplicación terminó al arrancar (código ${app.exitCode ?? app.signalCode}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseURL}/ingresar`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `GET /ingresar respondió ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(
    `La aplicación no respondió 200 en /ingresar en ${START_TIMEOUT_MS / 1000} s (${last}):\n${tail(logFile)}`,
  );
}

function stopApp(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!app.pid || !running(app)) return resolve();
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(app.pid as number), signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
    app.once("exit", () => {
      clearTimeout(timer);
      killGroup("SIGKILL"); // anything left in its process group
      resolve();
    });
    killGroup("SIGTERM");
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT);
  const smtpPort = Number(process.env.E2E_SMTP_PORT);
  const mailDir = process.env.E2E_MAIL_DIR as string;
  const outDir = process.env.E2E_OUTPUT_DIR as string;
  const baseURL = process.env.E2E_BASE_URL as string;
  mkdirSync(outDir, { recursive: true });
  rmSync(mailDir, { recursive: true, force: true });

  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => console.error("Al limpiar las pruebas de navegador:", error));
    }
  };
  try {
    // 1. Where the app's email goes.
    const sink = await startSmtpSink({ port: smtpPort, dir: mailDir });
    cleanups.push(() => sink.stop());

    // 2. A fresh database.
    let serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      const postgres: ThrowawayPostgres = await startThrowawayPostgres();
      cleanups.push(() => postgres.stop());
      serverUrl = postgres.url;
    }
    const dbName = `e2e_${randomBytes(5).toString("hex")}`;
    const databaseUrl = await createDatabase(serverUrl, dbName);
    cleanups.push(() => dropDatabase(serverUrl, dbName));

    // 2b. Where uploaded files go: one bucket every process reads (a folder per process would not be
    // shared), served by s3rver, a real S3-speaking server (platform/storage's S3 store).
    const s3Port = await freePort();
    const s3 = new S3rver({
      port: s3Port,
      address: "127.0.0.1",
      silent: true,
      directory: path.join(outDir, "e2e-s3"),
      configureBuckets: [{ name: "impulso-e2e", configs: [] }],
    });
    rmSync(path.join(outDir, "e2e-s3"), { recursive: true, force: true });
    rmSync(path.join(outDir, "e2e-uploads-partial"), { recursive: true, force: true });
    await s3.run();
    cleanups.push(() => s3.close());
    const s3Url = `http://S3RVER:S3RVER@127.0.0.1:${s3Port}/impulso-e2e`;

    // 3. The apps: E2E_APPS processes (3 unless told otherwise) on the same database, behind a
    // round-robin proxy on the tests' port (issue #6: sessions, rate limits, jobs and uploads must work
    // across processes). Each runs its own job worker, as in production.
    const apps = Math.max(1, Number(process.env.E2E_APPS ?? 3));
    ensureBuilt(); // here, once: not three builds at the same time by the processes below
    const backends: { host: string; port: number }[] = [];
    const starting: Promise<void>[] = [];
    // All at once, on the empty database: one applies the migrations and seeds the demo while the
    // others wait on advisory locks (src/platform/db/client.ts, src/demo/seed.ts), as a deploy that
    // starts several processes together does.
    for (let n = 1; n <= apps; n++) {
      const appPort = apps === 1 ? port : await freePort();
      const logFile = path.join(outDir, apps === 1 ? "e2e-app.log" : `e2e-app-${n}.log`);
      const dataDir = path.join(outDir, `e2e-data-${n}`);
      rmSync(dataDir, { recursive: true, force: true });
      const fd = openSync(logFile, "w");
      const app = spawn(process.execPath, ["scripts/node24.mjs", "scripts/start.ts"], {
        cwd: root,
        detached: true, // its own process group, so stopping it stops everything it started
        stdio: ["ignore", fd, fd],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(appPort),
          HOST: "127.0.0.1",
          APP_URL: baseURL,
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          S3_URL: s3Url,
          // the parts of a resumable upload: one folder for all, as their files are one bucket
          UPLOADS_DIR: path.join(outDir, "e2e-uploads-partial"),
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
          SECURE_COOKIES: "false",
          JOB_POLL_MS: "100",
          LOG_LEVEL: "info",
        },
      });
      closeSync(fd);
      writeFileSync(path.join(outDir, `e2e-app-${n}.pid`), String(app.pid));
      cleanups.push(() => stopApp(app));
      const appURL = `http://127.0.0.1:${appPort}`;
      console.log(
        `Iniciando la aplicación ${n} de ${apps} en ${appURL} (registro: ${path.relative(root, logFile)})…`,
      );
      const started = Date.now();
      starting.push(
        waitForApp(appURL, app, logFile).then(() =>
          console.log(`Aplicación ${n} lista en ${((Date.now() - started) / 1000).toFixed(1)} s.`),
        ),
      );
      backends.push({ host: "127.0.0.1", port: appPort });
    }
    await Promise.all(starting);
    if (apps > 1) {
      const proxy = await startRoundRobinProxy({ port, backends });
      cleanups.push(() => proxy.stop());
      console.log(`Proxy de turno rotativo en ${baseURL} hacia ${apps} procesos.`);
    }
    // For the specs that look at what is stored (playwright workers inherit this process's environment).
    process.env.E2E_DATABASE_URL = databaseUrl;
    process.env.E2E_APPS = String(apps);
    if (!existsSync(path.join(root, "build")))
      console.warn("Aviso: no hay build/ tras arrancar la aplicación.");
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
