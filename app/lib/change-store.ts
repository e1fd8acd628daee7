// The phone's queue of visit changes (issue #15 §2), in IndexedDB so that it survives a reload, closing
// the browser and restarting the phone. Two stores:
//   changes  every change not yet acknowledged by the server, in the order it was made (seq): a visit
//            started on the phone ("start"), a note, a snapshot, levels and decisions ("save"), closing
//            ("submit"). Each carries its own key, which the server uses as the idempotency key.
//   visits   the visits started on this phone, with what was captured, to show them without connection.
// drain() sends the queue in order, one tab at a time (Web Locks), up to 50 changes of a visit per
// request, and stops at the first sign of no connection; a change the server refuses stays, marked with the reason, until the person discards it.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { InstrumentContent } from "~/modules/observation/content";
import { deviceId } from "./device";

export type ChangeIntent = "start" | "note" | "snapshot" | "save" | "submit";

export interface QueuedChange {
  /** the change's idempotency key (made on the phone) */
  key: string;
  /** place in the phone's queue: changes are sent in this order */
  seq: number;
  visitId: string;
  intent: ChangeIntent;
  fields: Record<string, string>;
  /** when it was made on the phone (ISO) */
  at: string;
  /** the server's reason, when it refused the change */
  refused?: string;
}

/** A visit started on this phone (before the server has it), with what was captured in it. */
export interface LocalVisit {
  id: string;
  schoolId: string;
  teacherId: string;
  teacherName: string;
  openStep: string | null;
  instrumentId: string;
  instrumentName: string;
  instrumentVersionId: string;
  content: InstrumentContent;
  course: string;
  subject: string;
  purpose: string;
  startedAt: string;
  notes: Array<{ key: string; at: string; text: string; tag: string }>;
  snapshots: Array<{ key: string; at: string; onTask: number; present: number }>;
  levels: Record<string, string>;
  focusResult: string;
  closedAt: string | null;
}

interface Schema extends DBSchema {
  changes: { key: string; value: QueuedChange; indexes: { seq: number; visitId: string } };
  visits: { key: string; value: LocalVisit };
}

const DB_NAME = "impulso";

export type SendOutcome =
  | { kind: "stored" }
  | { kind: "refused"; reason: string }
  | { kind: "offline" }
  | { kind: "signed_out" };

export type Sender = (change: QueuedChange) => Promise<SendOutcome>;

/**
 * Sends several consecutive changes of one visit in one request: each change's own outcome ("stored"
 * or "refused"; one the answer does not mention is sent again alone), or what stopped the whole batch.
 * "unsupported": the server did not take the batch (an older version): the changes go one at a time.
 */
export type BatchSender = (
  changes: QueuedChange[],
) => Promise<
  | { kind: "answered"; outcomes: Map<string, SendOutcome> }
  | { kind: "offline" }
  | { kind: "signed_out" }
  | { kind: "unsupported" }
>;

/** At most this many changes in one request (the server takes 50: app/routes/observation.changes.ts)… */
export const BATCH_MAX = 50;
/** …and about this much text (a form is at most 256 KB; a note up to 4,000 characters). */
const BATCH_MAX_CHARS = 100_000;

/** The first changes of `queue` that go together: the same visit, in order, within the bounds. */
export function nextBatch(queue: QueuedChange[]): QueuedChange[] {
  const first = queue[0];
  if (!first) return [];
  const batch: QueuedChange[] = [];
  let chars = 0;
  for (const change of queue) {
    if (change.visitId !== first.visitId || batch.length >= BATCH_MAX) break;
    chars += JSON.stringify(change.fields).length + 200;
    if (batch.length > 0 && chars > BATCH_MAX_CHARS) break;
    batch.push(change);
  }
  return batch;
}

export class ChangeStore {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<ChangeStore> {
    const db = await openDB<Schema>(name, 1, {
      upgrade(database) {
        const changes = database.createObjectStore("changes", { keyPath: "key" });
        changes.createIndex("seq", "seq");
        changes.createIndex("visitId", "visitId");
        database.createObjectStore("visits", { keyPath: "id" });
      },
    });
    return new ChangeStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** Adds a change at the end of the queue. */
  async add(change: Omit<QueuedChange, "seq">): Promise<QueuedChange> {
    const tx = this.db.transaction("changes", "readwrite");
    const last = await tx.store.index("seq").openCursor(null, "prev");
    const queued = { ...change, seq: (last?.value.seq ?? 0) + 1 };
    await tx.store.put(queued);
    await tx.done;
    return queued;
  }

  /** The queue in order (of one visit, or all). */
  async changes(visitId?: string): Promise<QueuedChange[]> {
    const all = visitId
      ? await this.db.getAllFromIndex("changes", "visitId", visitId)
      : await this.db.getAllFromIndex("changes", "seq");
    return all.sort((a, b) => a.seq - b.seq);
  }

  async remove(key: string): Promise<void> {
    await this.db.delete("changes", key);
  }

  async refuse(key: string, reason: string): Promise<void> {
    const tx = this.db.transaction("changes", "readwrite");
    const change = await tx.store.get(key);
    if (change) await tx.store.put({ ...change, refused: reason });
    await tx.done;
  }

  async saveVisit(visit: LocalVisit): Promise<void> {
    await this.db.put("visits", visit);
  }

  async visit(id: string): Promise<LocalVisit | undefined> {
    return this.db.get("visits", id);
  }

  async visits(): Promise<LocalVisit[]> {
    return (await this.db.getAll("visits")).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async forgetVisit(id: string): Promise<void> {
    await this.db.delete("visits", id);
  }

  /**
   * Sends the queue in order until it is empty or the connection fails. A refused change is marked and
   * skipped (the next ones still go). Returns how many were stored.
   */
  async drain(
    send: Sender,
    sendBatch?: BatchSender,
  ): Promise<{ stored: number; stoppedBy: "done" | "offline" | "signed_out" }> {
    let stored = 0;
    const skipped = new Set<string>();
    let batches = sendBatch;
    for (;;) {
      const waiting = (await this.changes()).filter((c) => c.refused === undefined && !skipped.has(c.key));
      const next = waiting[0];
      if (!next) return { stored, stoppedBy: "done" };
      // Several at once: one round trip for up to BATCH_MAX changes of the same visit.
      const batch = batches ? nextBatch(waiting) : [];
      if (batches && batch.length > 1) {
        const answer = await batches(batch);
        if (answer.kind === "offline" || answer.kind === "signed_out")
          return { stored, stoppedBy: answer.kind };
        if (answer.kind === "unsupported") {
          batches = undefined;
          continue;
        }
        let answered = 0;
        for (const change of batch) {
          const outcome = answer.outcomes.get(change.key);
          if (outcome?.kind === "stored") {
            await this.remove(change.key);
            stored++;
            answered++;
          } else if (outcome?.kind === "refused") {
            await this.refuse(change.key, outcome.reason);
            skipped.add(change.key);
            answered++;
          } else break; // not answered: from here on, as the queue goes on
        }
        // Nothing of the batch answered: the first goes alone (it then is stored, refused or waits).
        if (answered > 0) continue;
      }
      const outcome = await send(next);
      if (outcome.kind === "stored") {
        await this.remove(next.key);
        stored++;
      } else if (outcome.kind === "refused") {
        await this.refuse(next.key, outcome.reason);
        skipped.add(next.key);
      } else return { stored, stoppedBy: outcome.kind };
    }
  }
}

/** Runs `work` in one tab at a time (Web Locks where the browser has them). */
export async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks) return work();
  return locks.request("impulso-cola-de-cambios", () => work()) as Promise<T>;
}

/** Sends one change to the server: the same use cases as the pages' forms, answered in JSON. */
export const sendToServer: Sender = async (change) => {
  // navigator.onLine is only a hint (it stays true behind a dead wifi): a failed fetch is what counts.
  const body = new URLSearchParams({
    ...change.fields,
    device: deviceId(),
    intent: change.intent,
    at: change.at,
    _key: change.key,
  });
  let response: Response;
  try {
    response = await fetch(`/observaciones/${change.visitId}/cambios`, {
      method: "POST",
      body,
      headers: { accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return { kind: "offline" };
  }
  // Sent to sign in: the session ended; the queue waits on this phone.
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400))
    return { kind: "signed_out" };
  if (response.ok) return { kind: "stored" };
  if (response.status === 400 || response.status === 404 || response.status === 413) {
    const answer = (await response.json().catch(() => null)) as {
      message?: string;
      fieldErrors?: Record<string, string>;
    } | null;
    return { kind: "refused", reason: Object.values(answer?.fieldErrors ?? {})[0] ?? answer?.message ?? "" };
  }
  // A restart, an overload, a proxy's error page: later.
  return { kind: "offline" };
};

/** Sends consecutive changes of one visit in one request (the `changes` field of the same route). */
export const sendBatchToServer: BatchSender = async (changes) => {
  const visitId = changes[0]?.visitId;
  const device = deviceId();
  const body = new URLSearchParams({
    changes: JSON.stringify(
      changes.map(({ key, intent, fields, at }) => ({ key, intent, fields: { ...fields, device }, at })),
    ),
  });
  let response: Response;
  try {
    response = await fetch(`/observaciones/${visitId}/cambios`, {
      method: "POST",
      body,
      headers: { accept: "application/json" },
      credentials: "same-origin",
      redirect: "manual",
    });
  } catch {
    return { kind: "offline" };
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400))
    return { kind: "signed_out" };
  if (!response.ok) {
    // The batch itself refused (a server that does not take batches): one at a time. A 404: the
    // visit is no longer this person's; the first change alone gets and keeps the reason.
    if (response.status === 400 || response.status === 404 || response.status === 413)
      return { kind: "unsupported" };
    return { kind: "offline" };
  }
  const answer = (await response.json().catch(() => null)) as {
    results?: Array<{ key?: string; ok?: boolean; message?: string; fieldErrors?: Record<string, string> }>;
  } | null;
  if (!Array.isArray(answer?.results)) return { kind: "unsupported" };
  const outcomes = new Map<string, SendOutcome>();
  for (const result of answer.results) {
    if (typeof result?.key !== "string") continue;
    outcomes.set(
      result.key,
      result.ok
        ? { kind: "stored" }
        : { kind: "refused", reason: Object.values(result.fieldErrors ?? {})[0] ?? result.message ?? "" },
    );
  }
  return { kind: "answered", outcomes };
};

/** A new id made on the phone, ordered by time (UUIDv7). */
export { v7 as newPhoneId } from "uuid";
