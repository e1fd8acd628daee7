// The changes a draft visit's page and the offline capture page send from the phone (kept in a
// queue in the browser while the connection is slow or gone): the same use cases as the pages' forms
// (startVisit, saveVisit, through the same policy), each change with its own idempotency key, answered
// in JSON so that the page can tell "stored", "refused, and why" and "try again later" apart. Without
// JavaScript the pages' forms post to the pages themselves, as always.
//
// One change per request (its fields, `intent`, `at`, `_key`), or a batch: a `changes` field holding a
// JSON array of up to BATCH_MAX changes of this visit ({key, intent, fields, at}), applied in order,
// each exactly as if it had been sent alone (the same idempotency digest: a change sent alone and again
// in a batch is stored once), answered with one outcome per change. With 300 ms per round trip, 500
// changes one at a time take 2.5 minutes; in batches of 50, ten round trips (docs/benchmarks.md).
import { translator } from "~/messages";
import { getVisit, saveVisit, startVisit } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { type FormFailure, formPart, load, performOnce, readForm } from "../lib/actions.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observation.changes";

/** Changes in one batch at most (the client sends fewer when their text is long: app/lib/change-store.ts). */
export const BATCH_MAX = 50;
const INTENTS = new Set(["start", "note", "snapshot", "save", "submit"]);
const RESERVED = new Set(["intent", "at", "_key", "changes"]);

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "private, no-store" } });

/** What the server holds of the draft, for its author: how many notes and snapshots it has. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const visit = await load(() => getVisit(actor, params.observationId));
  if (!visit.can.edit) return json({ ok: false }, 404);
  return json({ ok: true, notes: visit.notes.length, snapshots: visit.snapshots.length });
}

interface BatchedChange {
  key: string;
  intent: string;
  at: string;
  fields: Record<string, string>;
}

/** The batch as sent, or null when it is not a list of at most BATCH_MAX well-formed changes. */
function readBatch(value: FormDataEntryValue): BatchedChange[] | null {
  if (typeof value !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > BATCH_MAX) return null;
  const changes: BatchedChange[] = [];
  const keys = new Set<string>();
  for (const item of parsed as unknown[]) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
    const { key, intent, at, fields } = item as Record<string, unknown>;
    if (typeof key !== "string" || key.length < 16 || key.length > 100 || keys.has(key)) return null;
    if (typeof intent !== "string" || !INTENTS.has(intent)) return null;
    if (typeof at !== "string" || at.length > 40) return null;
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return null;
    const entries = Object.entries(fields as Record<string, unknown>);
    if (entries.length > 200 || entries.some(([name, v]) => typeof v !== "string" || RESERVED.has(name)))
      return null;
    keys.add(key);
    changes.push({ key, intent, at, fields: fields as Record<string, string> });
  }
  return changes;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const t = translator(sessionOf(context).locale);
  const failureOf = (failure: FormFailure) => ({
    ok: false as const,
    message: t(failure.message, failure.params),
    fieldErrors: Object.fromEntries(
      Object.entries(failure.fieldErrors).map(([field, key]) => [field, t(key)]),
    ),
  });
  const form = await readForm(request);
  if (!(form instanceof FormData)) return json(failureOf(form.data), form.init?.status ?? 400);

  /** One change, as its own form: 200 stored, 400 refused (and why), 404 the visit is no longer this person's to change. */
  const apply = async (change: FormData): Promise<{ status: number; body: Record<string, unknown> }> => {
    const intent = String(change.get("intent") ?? "");
    const input = formToObject(change);
    try {
      // "start": a visit begun on the phone without connection, with the id and the instant made there.
      const result = await performOnce(
        async (): Promise<unknown> =>
          intent === "start"
            ? startVisit(actor, input, {
                id: params.observationId,
                startedAt: new Date(String(change.get("at") ?? "")),
              })
            : saveVisit(actor, params.observationId, intent, input),
        change,
      );
      if ("ok" in result && result.ok)
        return { status: 200, body: { ok: true, savedAt: new Date().toISOString() } };
      return { status: 400, body: failureOf((result as { data: FormFailure }).data) };
    } catch (error) {
      // The visit was sent, discarded or is no longer this person's to change.
      if (error instanceof Response || (error as { init?: { status?: number } })?.init?.status === 404)
        return { status: 404, body: { ok: false, message: t("observation.errors.visit_closed") } };
      throw error;
    }
  };

  const batch = form.get("changes");
  if (batch === null) {
    const { status, body } = await apply(form);
    return json(body, status);
  }
  const changes = readBatch(batch);
  if (!changes)
    return json(
      { ok: false, message: t("observation.errors.changes_invalid", { max: BATCH_MAX }), fieldErrors: {} },
      400,
    );
  // In order, each on its own: a refused change does not stop the ones after it (as one at a time).
  const results: Array<Record<string, unknown>> = [];
  for (const change of changes) {
    const { status, body } = await apply(
      formPart(request, { ...change.fields, intent: change.intent, at: change.at, _key: change.key }),
    );
    results.push({ key: change.key, status, ...body });
  }
  return json({ ok: true, results });
}
