// The changes a draft visit's page and the offline capture page send from the phone (kept in a
// queue in the browser while the connection is slow or gone): the same use cases as the pages' forms
// (startVisit, saveVisit, through the same policy), each change with its own idempotency key, answered
// in JSON so that the page can tell "stored", "refused, and why" and "try again later" apart. Without
// JavaScript the pages' forms post to the pages themselves, as always.
import { translator } from "~/messages";
import { getVisit, saveVisit, startVisit } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { type FormFailure, load, performOnce, readForm } from "../lib/actions.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observation.changes";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "private, no-store" } });

/** What the server holds of the draft, for its author: how many notes and snapshots it has. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const visit = await load(() => getVisit(actor, params.observationId));
  if (!visit.can.edit) return json({ ok: false }, 404);
  return json({ ok: true, notes: visit.notes.length, snapshots: visit.snapshots.length });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const t = translator(sessionOf(context).locale);
  const refused = (failure: FormFailure, status: number) =>
    json(
      {
        ok: false,
        message: t(failure.message, failure.params),
        fieldErrors: Object.fromEntries(
          Object.entries(failure.fieldErrors).map(([field, key]) => [field, t(key)]),
        ),
      },
      status,
    );
  const form = await readForm(request);
  if (!(form instanceof FormData)) return refused(form.data, form.init?.status ?? 400);
  const intent = String(form.get("intent") ?? "");
  const input = formToObject(form);
  try {
    // "start": a visit begun on the phone without connection, with the id and the instant made there.
    const result = await performOnce(
      async (): Promise<unknown> =>
        intent === "start"
          ? startVisit(actor, input, {
              id: params.observationId,
              startedAt: new Date(String(form.get("at") ?? "")),
            })
          : saveVisit(actor, params.observationId, intent, input),
      form,
    );
    if ("ok" in result && result.ok) return json({ ok: true, savedAt: new Date().toISOString() });
    return refused((result as { data: FormFailure }).data, 400);
  } catch (error) {
    // The visit was sent, discarded or is no longer this person's to change.
    if (error instanceof Response || (error as { init?: { status?: number } })?.init?.status === 404)
      return json({ ok: false, message: t("observation.errors.visit_closed") }, 404);
    throw error;
  }
}
