// The phone's queue of changes (IndexedDB, here fake-indexeddb): order, survival across reopening,
// refusals kept with their reason, and a drain that stops at the first sign of no connection.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  type BatchSender,
  ChangeStore,
  newPhoneId,
  type QueuedChange,
  type SendOutcome,
} from "./change-store";

let n = 0;
const fresh = () => ChangeStore.open(`prueba-${++n}`);
const change = (visitId: string, intent: QueuedChange["intent"], fields: Record<string, string> = {}) => ({
  key: newPhoneId(),
  visitId,
  intent,
  fields,
  at: new Date().toISOString(),
});

describe("the phone's queue of visit changes", () => {
  it("keeps changes in the order they were made, across closing and opening again", async () => {
    const name = `prueba-${++n}`;
    const store = await ChangeStore.open(name);
    const visit = newPhoneId();
    await store.add(change(visit, "start"));
    for (let i = 1; i <= 20; i++) await store.add(change(visit, "note", { note: `Nota ${i}` }));
    await store.add(change(newPhoneId(), "note", { note: "Otra visita" }));
    store.close();
    const again = await ChangeStore.open(name);
    const all = await again.changes();
    expect(all).toHaveLength(22);
    expect(all.map((c) => c.seq)).toEqual([...all.map((c) => c.seq)].sort((a, b) => a - b));
    expect((await again.changes(visit)).map((c) => c.fields.note ?? c.intent)).toEqual([
      "start",
      ...Array.from({ length: 20 }, (_, i) => `Nota ${i + 1}`),
    ]);
  });

  it("sends in order, keeps a refused change with its reason and its text, and goes on with the next", async () => {
    const store = await fresh();
    const visit = newPhoneId();
    await store.add(change(visit, "note", { note: "Primera" }));
    await store.add(change(visit, "note", { note: "Rechazada" }));
    await store.add(change(visit, "note", { note: "Tercera" }));
    const sent: string[] = [];
    const result = await store.drain(async (c): Promise<SendOutcome> => {
      sent.push(c.fields.note);
      return c.fields.note === "Rechazada"
        ? { kind: "refused", reason: "La visita ya no se puede cambiar." }
        : { kind: "stored" };
    });
    expect(result).toEqual({ stored: 2, stoppedBy: "done" });
    expect(sent).toEqual(["Primera", "Rechazada", "Tercera"]);
    const left = await store.changes();
    expect(left.map((c) => [c.fields.note, c.refused])).toEqual([
      ["Rechazada", "La visita ya no se puede cambiar."],
    ]);
    // A refused change is not sent again; it waits until the person discards it.
    const again = await store.drain(async () => ({ kind: "stored" }));
    expect(again.stored).toBe(0);
    await store.remove(left[0].key);
    expect(await store.changes()).toEqual([]);
  });

  it("stops at the first failure to reach the server and sends the rest, once, later", async () => {
    const store = await fresh();
    const visit = newPhoneId();
    for (let i = 1; i <= 5; i++) await store.add(change(visit, "note", { note: `Nota ${i}` }));
    let online = true;
    const server: string[] = [];
    const send = async (c: QueuedChange): Promise<SendOutcome> => {
      if (!online) return { kind: "offline" };
      server.push(c.fields.note);
      if (server.length === 2) online = false;
      return { kind: "stored" };
    };
    expect(await store.drain(send)).toEqual({ stored: 2, stoppedBy: "offline" });
    expect(await store.changes()).toHaveLength(3);
    online = true;
    expect(await store.drain(send)).toEqual({ stored: 3, stoppedBy: "done" });
    expect(server).toEqual(["Nota 1", "Nota 2", "Nota 3", "Nota 4", "Nota 5"]);
  });

  it("stops when the session ended and keeps the queue", async () => {
    const store = await fresh();
    await store.add(change(newPhoneId(), "note", { note: "Nota" }));
    expect(await store.drain(async () => ({ kind: "signed_out" }))).toEqual({
      stored: 0,
      stoppedBy: "signed_out",
    });
    expect(await store.changes()).toHaveLength(1);
  });
  it("sends up to 50 changes of one visit per request, in order, with each change's own outcome", async () => {
    const store = await fresh();
    const visit = newPhoneId();
    const other = newPhoneId();
    await store.add(change(visit, "start"));
    for (let i = 1; i <= 60; i++) await store.add(change(visit, "note", { note: `Nota ${i}` }));
    await store.add(change(other, "note", { note: "Otra visita" }));
    const requests: string[][] = [];
    const alone: string[] = [];
    const sendBatch: BatchSender = async (batch) => {
      requests.push(batch.map((c) => c.fields.note ?? c.intent));
      const outcomes = new Map<string, SendOutcome>();
      for (const c of batch) {
        // The server answers for the first 49 of the first batch only; one of them refused.
        if (requests.length === 1 && outcomes.size === 49) break;
        outcomes.set(
          c.key,
          c.fields.note === "Nota 7" ? { kind: "refused", reason: "No." } : { kind: "stored" },
        );
      }
      return { kind: "answered", outcomes };
    };
    const result = await store.drain(async (c) => {
      alone.push(c.fields.note ?? c.intent);
      return { kind: "stored" };
    }, sendBatch);
    expect(result).toEqual({ stored: 61, stoppedBy: "done" });
    expect(requests.map((r) => [r[0], r.length])).toEqual([
      ["start", 50],
      ["Nota 49", 12],
    ]);
    // A batch of one goes alone (the other visit's note).
    expect(alone).toEqual(["Otra visita"]);
    expect((await store.changes()).map((c) => [c.fields.note, c.refused])).toEqual([["Nota 7", "No."]]);

    // Offline in the middle: the queue stays; a server without batches: one at a time.
    const again = await fresh();
    for (let i = 1; i <= 3; i++) await again.add(change(visit, "note", { note: `N${i}` }));
    expect(
      await again.drain(
        async () => ({ kind: "offline" }),
        async () => ({ kind: "offline" }),
      ),
    ).toEqual({
      stored: 0,
      stoppedBy: "offline",
    });
    const one: string[] = [];
    expect(
      await again.drain(
        async (c) => {
          one.push(c.fields.note);
          return { kind: "stored" };
        },
        async () => ({ kind: "unsupported" }),
      ),
    ).toEqual({ stored: 3, stoppedBy: "done" });
    expect(one).toEqual(["N1", "N2", "N3"]);
  });
});
