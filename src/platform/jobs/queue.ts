import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { type DbOrTx, db } from "../db/client";
import { newId } from "../ids";
import { log } from "../log";
import { jobs } from "./schema";

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

const KEY = Symbol.for("impulso.jobHandlers");
type Holder = { [KEY]?: Map<string, JobHandler> };
function handlers(): Map<string, JobHandler> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Modules register the work they hand to the queue by name, e.g. "mail.send". */
export function registerJob(name: string, handler: JobHandler): void {
  handlers().set(name, handler);
}

/** Adds a job; pass the transaction so that the job exists only if the change it follows commits. */
export async function enqueue(
  name: string,
  payload: Record<string, unknown>,
  tx: DbOrTx = db(),
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> {
  const id = newId();
  await tx.insert(jobs).values({
    id,
    name,
    payload,
    runAt: options.runAt ?? new Date(),
    maxAttempts: options.maxAttempts ?? 5,
  });
  return id;
}

const LOCK_TIMEOUT = "5 minutes";
const workerId = `${hostname()}:${process.pid}`;

/** Claims one due job (or one whose worker died) and runs it. Returns false when there was none. */
export async function runNextJob(): Promise<boolean> {
  type Claimed = {
    id: string;
    name: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  };
  const claimed = (await db().execute(sql`
    UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM jobs
      WHERE (status = 'pending' AND run_at <= now())
         OR (status = 'running' AND locked_at < now() - ${LOCK_TIMEOUT}::interval)
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, attempts, max_attempts`)) as unknown as { rows: Claimed[] };
  const job = claimed.rows[0];
  if (!job) return false;
  const handler = handlers().get(job.name);
  try {
    if (!handler) throw new Error(`No hay un manejador para el trabajo "${job.name}"`);
    await handler(job.payload);
    await db()
      .update(jobs)
      .set({ status: "done", finishedAt: new Date(), lastError: null })
      .where(eq(jobs.id, job.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= job.max_attempts;
    const backoffSeconds = Math.min(3600, 2 ** job.attempts * 5);
    await db()
      .update(jobs)
      .set({
        status: failed ? "failed" : "pending",
        lastError: message.slice(0, 2000),
        runAt: new Date(Date.now() + backoffSeconds * 1000),
        lockedAt: null,
        lockedBy: null,
        finishedAt: failed ? new Date() : null,
      })
      .where(and(eq(jobs.id, job.id)));
    log("error", "job failed", { job: job.name, id: job.id, attempt: job.attempts, error: message });
  }
  return true;
}

/** Runs due jobs until none is left (tests and scripts use it to wait for follow-up work). */
export async function drainJobs(limit = 10_000): Promise<number> {
  let count = 0;
  while (count < limit && (await runNextJob())) count++;
  return count;
}

/** A polling worker inside the app process. Returns a function that stops it after the current job. */
export function startWorker(pollMs: number): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await runNextJob();
      } catch (error) {
        log("error", "job worker", { error: String(error) });
      }
      if (!worked && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
