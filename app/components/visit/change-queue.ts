// Notes and time-on-task snapshots added on a draft visit with JavaScript: "Agregar evidencia" and
// "Agregar registro" put the change in the phone's queue (app/lib/change-store.ts, IndexedDB) and empty
// the fields at once, so the next note can be typed while the first one travels. The queue is sent in
// order, each change with its own idempotency key and the instant it was written, when the connection
// comes back, on opening the page, every 5 s and from "Sincronizar ahora". A change the server refuses
// stays on the page with its text and the reason, to copy or discard. Without JavaScript the buttons
// post the form as before.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useRevalidator } from "react-router";
import { type ChangeIntent, newPhoneId, type QueuedChange } from "../../lib/change-store";
import { changeStore, syncChanges } from "../../lib/offline";
import { prepareOffline } from "../../lib/offline-page";

export type { QueuedChange };
export type QueueState = "idle" | "sending" | "offline" | "signed_out";

/** How often the queue is tried again (the "online" event is only a hint, and is not always sent). */
const RETRY_MS = 5_000;
const COUNT = /^\d{1,3}$/;

/** The change a button asks for, read from the form; null when the form should go to the server to explain what is wrong. */
function changeOf(
  element: HTMLFormElement,
  intent: string,
): { intent: ChangeIntent; fields: Record<string, string> } | null {
  const field = (name: string) =>
    element.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  if (intent === "note") {
    const box = field("note") as HTMLTextAreaElement | null;
    const text = box?.value.trim() ?? "";
    if (!box || text === "" || text.length > box.maxLength) return null;
    return { intent, fields: { note: text, noteTag: field("noteTag")?.value ?? "" } };
  }
  if (intent === "snapshot") {
    const onTask = field("onTask")?.value.trim() ?? "";
    const present = field("present")?.value.trim() ?? "";
    if (!COUNT.test(onTask) || !COUNT.test(present)) return null;
    if (Number(present) === 0 || Number(present) > 200 || Number(onTask) > Number(present)) return null;
    return { intent, fields: { onTask, present } };
  }
  return null;
}

export interface QueueSnapshot {
  queue: QueuedChange[];
  state: QueueState;
  /** changes not refused, still to send */
  waiting: number;
}

const EMPTY: QueueSnapshot = { queue: [], state: "idle", waiting: 0 };

/**
 * What the queue shows, outside React's state: only the parts of the page that show it (the queued
 * notes and snapshots, the count) subscribe (useQueue), so that a note added does not render the whole
 * visit form again (a slow phone's CPU, docs/benchmarks.md).
 */
export class QueueView {
  private snapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  readonly get = () => this.snapshot;
  readonly getServer = () => EMPTY;
  set(change: Partial<Pick<QueueSnapshot, "queue" | "state">>) {
    const queue = change.queue ?? this.snapshot.queue;
    this.snapshot = {
      queue,
      state: change.state ?? this.snapshot.state,
      waiting: queue.filter((c) => c.refused === undefined).length,
    };
    for (const listener of this.listeners) listener();
  }
}

export interface ChangeQueue {
  view: QueueView;
  discard: (key: string) => void;
  syncNow: () => void;
}

/** The queue as the page shows it; re-renders only the component that calls it. */
export function useQueue(changes: ChangeQueue): QueueSnapshot {
  return useSyncExternalStore(changes.view.subscribe, changes.view.get, changes.view.getServer);
}

export function useChangeQueue(form: React.RefObject<HTMLFormElement | null>, visitId: string): ChangeQueue {
  const [shown] = useState(() => new QueueView());
  const setQueue = useCallback(
    (update: QueuedChange[] | ((queue: QueuedChange[]) => QueuedChange[])) =>
      shown.set({ queue: typeof update === "function" ? update(shown.get().queue) : update }),
    [shown],
  );
  const setState = useCallback((state: QueueState) => shown.set({ state }), [shown]);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  const refresh = useCallback(async () => {
    const store = await changeStore();
    setQueue(await store.changes(visitId));
  }, [visitId, setQueue]);

  const drain = useCallback(async () => {
    setState("sending");
    const result = await syncChanges();
    // The page shows what the server now holds before the sent changes leave the list.
    if (result.stored > 0) await revalidate.current().catch(() => {});
    await refresh();
    setState(result.stoppedBy === "done" ? "idle" : result.stoppedBy);
  }, [refresh, setState]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per visit
  useEffect(() => {
    void refresh().then(drain);
    void prepareOffline();
    const element = form.current;
    const onSubmit = (event: SubmitEvent) => {
      const submitter = event.submitter as HTMLButtonElement | null;
      if (!element || submitter?.name !== "intent") return;
      const change = changeOf(element, submitter.value);
      if (!change) return;
      event.preventDefault();
      const queued = { ...change, key: newPhoneId(), visitId, at: new Date().toISOString() };
      // Shown in the list at once (a phone's slow CPU waits for no storage); kept in IndexedDB a moment
      // later, and the list read from there again.
      setQueue((shown) => [...shown, { ...queued, seq: Number.MAX_SAFE_INTEGER }]);
      void changeStore()
        .then((store) => store.add(queued))
        .then(refresh)
        .then(drain);
      // The fields are emptied for the next one; what is kept of typed fields (autosave.ts) follows.
      const names = change.intent === "note" ? ["note", "noteTag"] : ["onTask", "present"];
      for (const name of names) {
        const input = element.elements.namedItem(name) as HTMLInputElement | null;
        if (!input) continue;
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      (element.elements.namedItem(names[0]) as HTMLElement | null)?.focus();
    };
    const onOnline = () => void drain();
    element?.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("online", onOnline);
    const timer = setInterval(() => void drain(), RETRY_MS);
    return () => {
      element?.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("online", onOnline);
      clearInterval(timer);
    };
  }, [visitId]);

  const discard = (key: string) =>
    void changeStore()
      .then((store) => store.remove(key))
      .then(refresh);
  return { view: shown, discard, syncNow: () => void drain() };
}
