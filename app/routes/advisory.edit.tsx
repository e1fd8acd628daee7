// /asesorias/:advisoryId/editar: a coordinator edits an advisory (issue #18): title, dates, goals,
// program and advisors; its school stays.
import { Form, Link, redirect } from "react-router";
import { advisoryForEdit, updateAdvisory } from "~/modules/advisory";
import { formToObject } from "~/platform/validation";
import { AdvisoryFields } from "../components/advisory-form";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/advisory.edit";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "advisory.edit.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => advisoryForEdit(actor, params.advisoryId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => updateAdvisory(actor, params.advisoryId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/asesorias/${params.advisoryId}?aviso=guardado`);
  return result;
}

export default function EditAdvisory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const d = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/asesorias/${d.id}`}>{d.values.title}</Link>
      </p>
      <h1>{t("advisory.edit.title")}</h1>
      <p>{t("advisory.page.school", { school: d.school.name })}</p>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <AdvisoryFields
          options={d.options}
          values={d.values}
          advisorIds={d.advisorIds}
          failure={failure}
          withSchool={false}
        />
        <p className="hint">{t("advisory.edit.advisor_note")}</p>
        <SubmitButton>{t("advisory.edit.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
