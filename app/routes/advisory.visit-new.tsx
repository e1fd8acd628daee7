// /asesorias/:advisoryId/visitas/nueva: an advisor records a visit to the school (issue #18): its date,
// the agreements (which the school's leaders read) and the advisors' notes (which they do not).
import { Form, Link, redirect } from "react-router";
import { newVisitForm, recordVisit } from "~/modules/advisory";
import { formToObject } from "~/platform/validation";
import { VisitFields } from "../components/advisory-form";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/advisory.visit-new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "advisory.visit.new_title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => newVisitForm(actor, params.advisoryId, sessionOf(context).timeZone));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => recordVisit(actor, params.advisoryId, formToObject(form), sessionOf(context).timeZone),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/asesorias/${params.advisoryId}#visits`);
  return result;
}

export default function NewVisit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { advisory, today } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/asesorias/${advisory.id}`}>{advisory.title}</Link>
      </p>
      <h1>{t("advisory.visit.new_title")}</h1>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <VisitFields values={{}} failure={failure} today={today} />
        <SubmitButton>{t("advisory.visit.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
