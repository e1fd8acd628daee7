// Idempotency keys (issue #6: "double submissions never create two records"). A form that creates
// something carries a hidden `_key`, fresh on every page load (app/components/form.tsx RequestKey).
// Its digest, with the form's path and fields, names the write: the first request with it runs and
// records its answer; a repeat (a double click, a retry after a timeout, a resend after a lost
// connection) gets the first answer back instead of running again. Two at the same moment are kept
// apart by the key's row, inserted in the write's own transaction (claim.ts).
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "../db/client";
import { DomainError } from "../errors";
import { keyedRequest, RepeatedRequestError } from "./claim";
import { requestKeys } from "./schema";

/** The form field that carries the key. */
export const REQUEST_KEY_FIELD = "_key";
/** How long a repeat waits for the first request's answer before saying it was received. */
const waitMs = () => Number(process.env.REQUEST_KEY_WAIT_MS) || 5_000;

/**
 * The name of one submission: its key, where it was sent and what it said. The same page sending two
 * different things (two rows' buttons) gives two names; the same thing sent twice gives one.
 */
export function submissionDigest(key: string, path: string, fields: [string, string][]): string {
  const hash = createHash("sha256");
  hash.update(`${key}\u0000${path}`);
  const sorted = fields
    .filter(([name]) => name !== REQUEST_KEY_FIELD)
    .sort(([a, x], [b, y]) => {
      return a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0;
    });
  for (const [name, value] of sorted) hash.update(`\u0000${name}\u0001${value}`);
  return hash.digest("hex");
}

/**
 * Runs a write once per digest. Returns its value, or the value the first run returned when this is
 * a repeat. A run that throws (a refused input) leaves no trace: the user fixes the form and sends it
 * again with the same key.
 */
export async function once<T>(digest: string, run: () => Promise<T>): Promise<T> {
  const earlier = await answerOf(digest);
  if (earlier) return ("value" in earlier ? earlier : await waitForAnswer(digest)).value as T;
  const request = { digest, claimed: false };
  let value: T;
  try {
    value = await keyedRequest.run(request, run);
  } catch (error) {
    if (RepeatedRequestError.is(error)) return (await waitForAnswer(digest)).value as T;
    if (request.claimed) {
      // Refused after a transaction that claimed the key had committed (a use case that saves, then
      // checks, e.g. publishing an instrument): the refusal is the answer, and a repeat may run again.
      await db().delete(requestKeys).where(eq(requestKeys.digest, digest));
    } else if (await answerOf(digest)) {
      // The same submission committed meanwhile, and this copy found the world changed by it (the
      // visit it discards is gone, the step it adds exists): the first answer is the answer.
      return (await waitForAnswer(digest)).value as T;
    }
    throw error;
  }
  const result = { value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
  if (request.claimed) {
    await db().update(requestKeys).set({ result }).where(eq(requestKeys.digest, digest));
  } else {
    // A use case that wrote outside a transaction (or wrote nothing): recorded after the fact.
    await db().insert(requestKeys).values({ digest, result }).onConflictDoNothing();
  }
  return value;
}

type Answer = { value: unknown } | { pendingForMs: number };

async function answerOf(digest: string): Promise<Answer | undefined> {
  const [row] = await db()
    .select({
      result: requestKeys.result,
      pendingForMs: sql<number>`(extract(epoch FROM now() - ${requestKeys.createdAt}) * 1000)::float8`,
    })
    .from(requestKeys)
    .where(eq(requestKeys.digest, digest));
  if (!row) return undefined;
  return row.result ?? { pendingForMs: Number(row.pendingForMs) };
}

/**
 * The first request committed its write but has not recorded its answer yet: it is finishing (wait
 * for it), or its process died in between (its key is older than the wait): then say plainly that
 * the form was received.
 */
async function waitForAnswer(digest: string): Promise<{ value: unknown }> {
  const deadline = Date.now() + waitMs();
  for (;;) {
    const answer = await answerOf(digest);
    if (answer && "value" in answer) return answer;
    if (Date.now() > deadline || (answer && answer.pendingForMs > waitMs()))
      throw new DomainError("errors.already_received");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Keys are kept a day: long enough for any retry. */
export async function deleteOldRequestKeys(): Promise<void> {
  await db().execute(sql`DELETE FROM request_keys WHERE created_at < now() - interval '1 day'`);
}
