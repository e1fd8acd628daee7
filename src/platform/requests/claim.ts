// The part of idempotency that runs inside every database transaction (src/platform/db/client.ts
// wraps `transaction`): while a keyed request runs (see idempotency.ts), the first transaction it
// opens inserts the key's row. A second request with the same key blocks on that insert until the
// first commits, then finds the row and stops: the write cannot happen twice.
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";

interface KeyedRequest {
  digest: string;
  claimed: boolean;
}

// One instance per process, also when the module is loaded twice (the server bundle and the sources,
// in tests that hand the bundle a database opened from the sources): kept on globalThis.
const KEY = Symbol.for("impulso.keyedRequest");
type Holder = { [KEY]?: AsyncLocalStorage<KeyedRequest> };
const holder = globalThis as Holder;
holder[KEY] ??= new AsyncLocalStorage<KeyedRequest>();
export const keyedRequest: AsyncLocalStorage<KeyedRequest> = holder[KEY];

/** Thrown inside the transaction when another request with the same key committed first. */
export class RepeatedRequestError extends Error {
  constructor() {
    super("repeated request");
    this.name = "RepeatedRequestError";
  }

  /** By name, not instanceof: the class may come from another copy of this module (see above). */
  static is(error: unknown): error is RepeatedRequestError {
    return error instanceof Error && error.name === "RepeatedRequestError";
  }
}

type Executor = { execute(query: ReturnType<typeof sql>): Promise<unknown> };

/**
 * Runs `work` in a transaction that also claims the running request's key, if any and not yet
 * claimed. When the transaction rolls back, the claim goes with it.
 */
export async function withClaim<T>(tx: Executor, work: () => Promise<T>): Promise<T> {
  const request = keyedRequest.getStore();
  if (!request || request.claimed) return work();
  const inserted = (await tx.execute(
    sql`INSERT INTO request_keys (digest) VALUES (${request.digest}) ON CONFLICT DO NOTHING RETURNING digest`,
  )) as { rows?: unknown[] };
  if (!inserted.rows?.length) throw new RepeatedRequestError();
  request.claimed = true;
  try {
    const result = await work();
    // The key's age counts from the commit: a repeat that finds it unanswered for longer than a
    // while knows the first request died after committing (idempotency.ts, waitForAnswer).
    await tx.execute(
      sql`UPDATE request_keys SET created_at = clock_timestamp() WHERE digest = ${request.digest}`,
    );
    return result;
  } catch (error) {
    request.claimed = false;
    throw error;
  }
}
