// A draft visit's background save: choices save themselves a moment after they change, and what is
// typed is kept in the browser until the server has it.
import { useEffect, useState } from "react";
import { useFetcher } from "react-router";
import type { Visit } from "~/modules/observation";
import type { FormFailure } from "../../lib/actions.server";
import { deviceId } from "../../lib/device";
import { failureOf } from "../form";

/**
 * Fields typed by hand that a lost connection must not lose: kept in the phone as they are typed (a
 * note or snapshot that goes into the queue of change-queue.ts empties its fields, and so what is kept).
 */
const TYPED_FIELDS = ["note", "onTask", "present", "proposedStepTitle"] as const;

/**
 * With JavaScript: choices (levels, tags, the step decision, the proposal) save themselves a moment
 * after they change, and what is typed is kept in the browser until the server has it. Without it, every
 * button saves everything on the page.
 */
export function useVisitAutosave(form: React.RefObject<HTMLFormElement | null>, visit: Visit) {
  const fetcher = useFetcher<{ ok: true; savedAt: string } | FormFailure>();
  const [state, setState] = useState<"idle" | "offline" | "restored">("idle");
  const key = `impulso:visita:${visit.id}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per visit; the form and the fetcher stay the same
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const field = (name: string) =>
      element.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? "null") as Record<string, string> | null;
      if (kept) {
        let restored = false;
        for (const name of TYPED_FIELDS) {
          const input = field(name);
          if (input && !input.value && kept[name]) {
            input.value = kept[name];
            restored = true;
          }
        }
        if (restored) setState("restored");
      }
    } catch {}
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      if (!navigator.onLine) return setState("offline");
      const body = new FormData(element);
      body.set("intent", "save");
      body.set("autosave", "1");
      body.set("device", deviceId());
      // A draft's autosave sets the whole draft: sending it twice is harmless, and with a key a
      // return to an earlier text would replay the earlier answer instead of saving.
      body.delete("_key");
      fetcher.submit(body, { method: "post" });
    };
    const keep = () => {
      const kept: Record<string, string> = {};
      for (const name of TYPED_FIELDS) kept[name] = field(name)?.value ?? "";
      try {
        localStorage.setItem(key, JSON.stringify(kept));
      } catch {}
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === "radio" || target.tagName === "SELECT" || target.name === "proposedStepTitle") {
        clearTimeout(timer);
        timer = setTimeout(save, 600);
      }
    };
    // Without a connection a button press would fail: keep the page and what is typed.
    const onSubmit = (event: SubmitEvent) => {
      keep();
      if (!navigator.onLine) {
        event.preventDefault();
        setState("offline");
      }
    };
    const onOnline = () => {
      setState("idle");
      save();
    };
    const onOffline = () => setState("offline");
    element.addEventListener("input", keep);
    element.addEventListener("change", onChange);
    element.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      clearTimeout(timer);
      element.removeEventListener("input", keep);
      element.removeEventListener("change", onChange);
      element.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [key]);
  const savedAt = fetcher.data && "savedAt" in fetcher.data ? fetcher.data.savedAt : null;
  return { state, saving: fetcher.state !== "idle", savedAt, failure: failureOf(fetcher.data) };
}
