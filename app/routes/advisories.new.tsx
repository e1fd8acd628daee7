// /asesorias/nueva: a coordinator opens an advisory with a school (issue #18); ?establecimiento=<id>
// preselects the school (the link on the school's page).
import { Form, Link, redirect } from "react-router";
import { createAdvisory, newAdvisoryForm } from "~/modules/advisory";
import { formToObject } from "~/platform/validation";
import { AdvisoryFields } from "../components/advisory-form";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/advisories.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "advisory.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const schoolId = new URL(request.url).searchParams.get("establecimiento");
  return load(() => newAdvisoryForm(actor, schoolId));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createAdvisory(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/asesorias/${result.value.id}`);
  return result;
}

export default function NewAdvisory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { options, defaults } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/asesorias">{t("advisory.page.back")}</Link>
      </p>
      <h1>{t("advisory.new.title")}</h1>
      <p className="hint">{t("advisory.new.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <AdvisoryFields
          options={options}
          values={{ schoolId: defaults.schoolId }}
          advisorIds={defaults.advisorIds}
          failure={failure}
          withSchool
        />
        <SubmitButton>{t("advisory.new.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
