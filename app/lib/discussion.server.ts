// The form that starts a thread in a discussion space, as every space's page answers it: the new
// thread's page, or the refusal with what was typed.
import { redirect } from "react-router";
import { startThread } from "~/modules/discussions";
import type { Actor } from "~/platform/policy";
import { formToObject } from "~/platform/validation";
import { performOnce } from "./actions.server";

export async function startThreadFromForm(actor: Actor, kind: string, spaceId: string, form: FormData) {
  const result = await performOnce(() => startThread(actor, kind, spaceId, formToObject(form)), form);
  if ("ok" in result && result.ok) return redirect(`/conversaciones/${result.value.id}`);
  return result;
}
