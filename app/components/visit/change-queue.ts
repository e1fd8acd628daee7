// Notes and time-on-task snapshots added on a draft visit with JavaScript: "Agregar evidencia" and
// "Agregar registro" put the change in a queue kept in the browser (localStorage: it survives a reload
// and closing the browser) and empty the fields at once, so the next note can be typed while the first
// one travels. The queue is sent in order to /observaciones/:id/cambios, each change with its own
// idempotency key (a lost answer, a retry or a second tab stores it once) and the instant it was
// written; when the connection comes back, on opening the page and every 30 s. A change the server
// refuses stays on the page with its text and the reason, to copy or discard. Without JavaScript the
// buttons post the form as before.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";

export type QueuedIntent = "note" | "snapshot";

export interface QueuedChange {
  /** the change's idempotency key, made here */
  key: string;
  intent: QueuedIntent;
  /** note + noteTag, or onTask + present */
  fields: Record<string, string>;
  /** when it was written (ISO) */
  at: string;
  /** the server's reason, when it refused the change */
  refused?: string;
  /** stored by the server; dropped from the queue once the page shows it */
  sent?: boolean;
}

export type QueueState = "idle" | "sending" | "offline" | "signed_out";

const RETRY_MS = 30_000;

function newKey(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const COUNT = /^\d{1,3}$/;

/** The change a button asks for, read from the form; null when the form should go to the server to explain what is wrong. */
function changeOf(element: HTMLFormElement, intent: string): Pick<QueuedChange, "intent" | "fields"> | null {
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

export function useChangeQueue(form: React.RefObject<HTMLFormElement | null>, visitId: string) {
  const storageKey = `impulso:visita:${visitId}:cambios`;
  const [queue, setQueue] = useState<QueuedChange[]>([]);
  const [state, setState] = useState<QueueState>("idle");
  const queueRef = useRef<QueuedChange[]>([]);
  const draining = useRef(false);
  const revalidator = useRevalidator();

  const store = useCallback(
    (next: QueuedChange[]) => {
      queueRef.current = next;
      setQueue(next);
      try {
        if (next.length) localStorage.setItem(storageKey, JSON.stringify(next));
        else localStorage.removeItem(storageKey);
      } catch {}
    },
    [storageKey],
  );

  const drain = useCallback(async () => {
    if (draining.current) return;
    draining.current = true;
    let stored = 0;
    try {
      for (;;) {
        const next = queueRef.current.find((c) => !c.refused && !c.sent);
        if (!next) {
          setState("idle");
          break;
        }
        if (!navigator.onLine) {
          setState("offline");
          break;
        }
        setState("sending");
        const body = new URLSearchParams({
          ...next.fields,
          intent: next.intent,
          at: next.at,
          _key: next.key,
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
          setState("offline");
          break;
        }
        // Sent to sign in: the session ended; the queue waits on this phone.
        if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
          setState("signed_out");
          break;
        }
        if (response.ok) {
          stored++;
          store(queueRef.current.map((c) => (c.key === next.key ? { ...c, sent: true } : c)));
          continue;
        }
        if (response.status === 400 || response.status === 404) {
          const answer = (await response.json().catch(() => null)) as {
            message?: string;
            fieldErrors?: Record<string, string>;
          } | null;
          const reason = Object.values(answer?.fieldErrors ?? {})[0] ?? answer?.message ?? "";
          store(queueRef.current.map((c) => (c.key === next.key ? { ...c, refused: reason } : c)));
          continue;
        }
        // The server could not answer now (a restart, an overload): later.
        setState("offline");
        break;
      }
    } finally {
      draining.current = false;
    }
    // The page reloads what the server holds, then the stored changes leave the queue (a reload
    // before that sends them again, and their keys store them once).
    if (stored > 0) {
      await revalidator.revalidate().catch(() => {});
      store(queueRef.current.filter((c) => !c.sent));
    }
  }, [store, visitId, revalidator]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per visit
  useEffect(() => {
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey) ?? "[]") as QueuedChange[];
      if (Array.isArray(kept) && kept.length) store(kept.filter((c) => c && typeof c.fields === "object"));
    } catch {}
    void drain();
    const element = form.current;
    const onSubmit = (event: SubmitEvent) => {
      const submitter = event.submitter as HTMLButtonElement | null;
      if (!element || submitter?.name !== "intent") return;
      const change = changeOf(element, submitter.value);
      if (!change) return;
      event.preventDefault();
      store([...queueRef.current, { ...change, key: newKey(), at: new Date().toISOString() }]);
      // The fields are emptied for the next one; what is kept of typed fields (autosave.ts) follows.
      const names = change.intent === "note" ? ["note", "noteTag"] : ["onTask", "present"];
      for (const name of names) {
        const input = element.elements.namedItem(name) as HTMLInputElement | null;
        if (!input) continue;
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      (element.elements.namedItem(names[0]) as HTMLElement | null)?.focus();
      void drain();
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
  }, [storageKey]);

  const discard = (key: string) => store(queueRef.current.filter((c) => c.key !== key));
  const waiting = queue.filter((c) => !c.refused && !c.sent).length;
  return { queue, state, waiting, discard, syncNow: () => void drain() };
}
