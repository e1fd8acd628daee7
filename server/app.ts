// The production server: Express serving React Router, built by Vite into build/server/index.js
// together with the whole app (one bundle, one copy of every module). scripts/start.ts runs it.
import path from "node:path";
import * as build from "virtual:react-router/server-build";
import { RouterContextProvider } from "react-router";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, OTHER_ORGANIZATION_ACCOUNTS, seedDemo } from "~/demo/seed";
import { requestInfoContext } from "../app/lib/context";
import { loadSessionState } from "../app/lib/session.server";
import "~/jobs";
import { sendDueDigests } from "~/modules/discussions";
import { foldFigureChanges, REMINDER_SWEEP_MINUTES, sendDueReminders } from "~/modules/observation";
import { deleteOldWindows } from "~/platform/auth/rate-limit";
import { deleteStaleSessions } from "~/platform/auth/sessions";
import { type Config, config } from "~/platform/config";
import { type Database, openDatabase, setDatabase } from "~/platform/db/client";
import { createApp } from "~/platform/http/server";
import { startWorker } from "~/platform/jobs/queue";
import { log } from "~/platform/log";
import { deleteOldRequestKeys } from "~/platform/requests/idempotency";
import { type FileStore, setFileStore } from "~/platform/storage";
import { resumableUploads } from "~/platform/storage/resumable";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, OTHER_ORGANIZATION_ACCOUNTS };

export interface Running {
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

export async function startServer(options: {
  clientDir: string;
  seed: boolean;
  /** an already open database (tests); otherwise DATABASE_URL or PGlite under DATA_DIR */
  database?: Database;
  /** 0 for any free port (tests); otherwise PORT */
  port?: number;
  worker?: boolean;
  /** where uploaded files are kept (tests: a temporary folder); otherwise S3_URL or DATA_DIR/files */
  fileStore?: FileStore;
  /** where unfinished resumable uploads are kept (tests: a temporary folder); otherwise DATA_DIR/uploads-partial */
  uploadsDirectory?: string;
}): Promise<Running> {
  const cfg: Config = config();
  if (options.fileStore) setFileStore(options.fileStore);
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase(
      cfg.DATABASE_URL
        ? { url: cfg.DATABASE_URL, replicaUrl: cfg.DATABASE_REPLICA_URL }
        : { dataDir: path.join(cfg.dataDir, "pglite") },
    ));
  setDatabase(database);
  await database.migrate();
  const seeded = options.seed ? await seedDemo() : false;
  // Resumable uploads at /subidas: who is asking is read as the app's root middleware reads it.
  const uploads = resumableUploads({
    directory: options.uploadsDirectory,
    loadSession: (request, info) => {
      const context = new RouterContextProvider();
      context.set(requestInfoContext, info);
      return loadSessionState(request, context);
    },
  });
  // Expired sessions, old rate-limit windows and idempotency keys deleted, the dashboards' counted
  // changes folded (one row per school): at start and every hour (each process does it; both are
  // harmless when repeated or run at once).
  const housekeeping = () =>
    Promise.all([
      deleteStaleSessions(),
      deleteOldWindows(),
      deleteOldRequestKeys(),
      foldFigureChanges(),
      uploads.cleanUp(),
    ]).catch((error) => log("error", "housekeeping", { error: String(error) }));
  await housekeeping();
  const housekeepingTimer = setInterval(housekeeping, 60 * 60_000);
  housekeepingTimer.unref();
  const stopWorker = options.worker === false ? async () => {} : startWorker(cfg.JOB_POLL_MS);
  // Reminder emails (a meeting due, a follow-up date): a sweep soon after start and every few minutes
  // in each process that runs the worker; each reminder is queued once however many processes sweep
  // (its row in reminders_sent is inserted with the email).
  const reminders = () =>
    Promise.all([
      sendDueReminders().catch((error) => log("error", "reminders", { error: String(error) })),
      // the discussions' daily digests, in the same sweep
      sendDueDigests().catch((error) => log("error", "digests", { error: String(error) })),
    ]);
  const remindersOn = options.worker !== false && cfg.REMINDERS === "on";
  const remindersTimer = remindersOn ? setInterval(reminders, REMINDER_SWEEP_MINUTES * 60_000) : undefined;
  remindersTimer?.unref();
  const firstSweep = remindersOn ? setTimeout(reminders, 5_000) : undefined;
  firstSweep?.unref();
  const app = createApp(
    build,
    options.clientDir,
    (info) => {
      const context = new RouterContextProvider();
      context.set(requestInfoContext, info);
      return context;
    },
    { trustProxy: process.env.TRUST_PROXY === "true", uploads: uploads.handle },
  );
  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const s = app.listen(options.port ?? cfg.PORT, cfg.HOST, () => resolve(s));
    s.on("error", reject);
  });
  server.keepAliveTimeout = 65_000;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://localhost:${(server.address() as import("node:net").AddressInfo).port}`,
    seeded,
    stop: () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 3000).unref();
        });
        clearInterval(housekeepingTimer);
        clearInterval(remindersTimer);
        clearTimeout(firstSweep);
        await stopWorker();
        await uploads.close();
        if (ownsDatabase) await database.close();
        log("info", "stopped");
      })();
      return stopping;
    },
  };
}
