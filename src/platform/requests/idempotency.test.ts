// Idempotency keys on the real database (PGlite, and PostgreSQL in `npm test`): a write runs once per
// digest, also when two arrive at the same moment; a refused one leaves no trace; a repeat whose first
// run died between its commit and its answer is told plainly that the form was received.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DomainError } from "../errors";
import { useTestDatabase } from "../testing/database";
import { deleteOldRequestKeys, once, submissionDigest } from "./idempotency";

useTestDatabase();

async function makeNotesTable() {
  await db().execute(sql`CREATE TABLE IF NOT EXISTS idem_notes (id uuid PRIMARY KEY, body text NOT NULL)`);
}
const count = async (body: string) =>
  Number(
    (
      (await db().execute(
        sql`SELECT count(*)::int AS n FROM idem_notes WHERE body = ${body}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

/** A use case as the modules write them: its writes in one transaction. */
function addNote(body: string, delayMs = 0) {
  return async () => {
    const id = randomUUID();
    await db().transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO idem_notes (id, body) VALUES (${id}, ${body})`);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    });
    return { id };
  };
}

describe("idempotency keys", () => {
  it("names a submission by its key, path and fields, in any order", () => {
    const a = submissionDigest("k".repeat(20), "/pasos", [
      ["title", "Rutinas"],
      ["_key", "k".repeat(20)],
      ["category", "rutinas"],
    ]);
    const b = submissionDigest("k".repeat(20), "/pasos", [
      ["category", "rutinas"],
      ["title", "Rutinas"],
    ]);
    expect(a).toBe(b);
    expect(submissionDigest("k".repeat(20), "/pasos", [["title", "Otra"]])).not.toBe(a);
    expect(submissionDigest("k".repeat(20), "/pautas", [["title", "Rutinas"]])).not.toBe(
      submissionDigest("k".repeat(20), "/pasos", [["title", "Rutinas"]]),
    );
    expect(submissionDigest("j".repeat(20), "/pasos", [["title", "Rutinas"]])).not.toBe(
      submissionDigest("k".repeat(20), "/pasos", [["title", "Rutinas"]]),
    );
  });

  it("runs a write once when it is sent again, and answers the repeat as the first", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    const body = `nota ${digest}`;
    const first = await once(digest, addNote(body));
    const again = await once(digest, addNote(body));
    expect(again).toEqual(first);
    expect(await count(body)).toBe(1);
    // Another key is another write.
    await once(randomUUID(), addNote(body));
    expect(await count(body)).toBe(2);
  });

  it("runs it once when both copies arrive at the same moment (a double click)", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    const body = `doble ${digest}`;
    const answers = await Promise.all([
      once(digest, addNote(body, 150)),
      once(digest, addNote(body, 150)),
      once(digest, addNote(body, 150)),
    ]);
    expect(await count(body)).toBe(1);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
  });

  it("leaves no trace of a refused write: the corrected form goes through with the same key", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    const body = `rechazo ${digest}`;
    const refused = once(digest, async () => {
      await db().transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO idem_notes (id, body) VALUES (${randomUUID()}, ${body})`);
        throw new DomainError("errors.required");
      });
    });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    expect(await count(body)).toBe(0);
    await once(digest, addNote(body));
    expect(await count(body)).toBe(1);
  });

  it("a refusal after a committed transaction is the answer: the same submission may run again", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    const body = `guardar y rechazar ${digest}`;
    // A use case that saves, then checks (publishing an instrument): its transaction claimed the key.
    const saveThenRefuse = () =>
      once(digest, async () => {
        await addNote(body)();
        throw new DomainError("errors.required");
      });
    await expect(saveThenRefuse()).rejects.toMatchObject({ messageKey: "errors.required" });
    const left = (await db().execute(
      sql`SELECT count(*)::int AS n FROM request_keys WHERE digest = ${digest}`,
    )) as unknown as { rows: { n: number }[] };
    expect(left.rows[0]?.n).toBe(0);
    // Sent again: it runs again (not "already received") and is refused again.
    await expect(saveThenRefuse()).rejects.toMatchObject({ messageKey: "errors.required" });
  });

  it("tells a repeat that the form was received when the first run committed but never answered", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    const body = `sin respuesta ${digest}`;
    // What a process killed between its commit and recording its answer leaves behind.
    await db().execute(sql`INSERT INTO request_keys (digest) VALUES (${digest})`);
    process.env.REQUEST_KEY_WAIT_MS = "300";
    try {
      const repeat = once(digest, addNote(body));
      await expect(repeat).rejects.toMatchObject({ messageKey: "errors.already_received" });
    } finally {
      delete process.env.REQUEST_KEY_WAIT_MS;
    }
    expect(await count(body)).toBe(0);
  });

  it("answers at once when the first run's key is older than the wait (its process died)", async () => {
    await makeNotesTable();
    const digest = randomUUID();
    await db().execute(
      sql`INSERT INTO request_keys (digest, created_at) VALUES (${digest}, now() - interval '1 minute')`,
    );
    const started = Date.now();
    await expect(once(digest, addNote(`tarde ${digest}`))).rejects.toMatchObject({
      messageKey: "errors.already_received",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await count(`tarde ${digest}`)).toBe(0);
  });

  it("forgets keys after a day", async () => {
    const old = randomUUID();
    const fresh = randomUUID();
    await db().execute(
      sql`INSERT INTO request_keys (digest, created_at) VALUES (${old}, now() - interval '25 hours'), (${fresh}, now())`,
    );
    await deleteOldRequestKeys();
    const left = (await db().execute(
      sql`SELECT digest FROM request_keys WHERE digest IN (${old}, ${fresh})`,
    )) as unknown as { rows: { digest: string }[] };
    expect(left.rows.map((r) => r.digest)).toEqual([fresh]);
  });
});
