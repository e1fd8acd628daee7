// /asesorias/:advisoryId/visitas/:visitId: an advisor edits or deletes a visit of the advisory (issue #18).
import { Form, Link, redirect } from "react-router";
import { removeVisit, updateVisit, visitForEdit } from "~/modules/advisory";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { VisitFields } from "../components/advisory-form";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/advisory.visit";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "advisory.visit.edit_title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => visitForEdit(actor, params.advisoryId, params.visitId, sessionOf(context).timeZone));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const { advisoryId, visitId } = params;
  const timeZone = sessionOf(context).timeZone;
  const result = await performOnce(async () => {
    if (intent === "save") return updateVisit(actor, advisoryId, visitId, formToObject(form), timeZone);
    if (intent === "remove") return removeVisit(actor, advisoryId, visitId);
    await visitForEdit(actor, advisoryId, visitId, timeZone);
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) throw redirect(`/asesorias/${advisoryId}#visits`);
  return result;
}

export default function EditVisit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const saving = failure?.values.intent === "save" ? failure : undefined;
  const { advisory, visit, today } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/asesorias/${advisory.id}`}>{advisory.title}</Link>
      </p>
      <h1>{t("advisory.visit.edit_title")}</h1>
      <FormMessage failure={failure && !saving ? failure : undefined} />
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <input type="hidden" name="intent" value="save" />
        <FormMessage failure={saving} />
        <VisitFields values={visit} failure={saving} today={today} />
        <SubmitButton>{t("advisory.visit.submit")}</SubmitButton>
      </Form>
      <Form method="post" className="card stack">
        <h2>{t("advisory.visit.remove_title")}</h2>
        <RequestKey />
        <input type="hidden" name="intent" value="remove" />
        <SubmitButton>{t("advisory.visit.remove_confirm")}</SubmitButton>
      </Form>
    </div>
  );
}
