import { Link, redirect } from "react-router";
import { prepareSchoolForm, updateSchool } from "~/modules/people";
import { formToObject } from "~/platform/validation";
import { failureOf } from "../components/form";
import { SchoolForm } from "../components/school-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/schools.edit";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "schools.edit.title", { name: loaderData?.school?.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => prepareSchoolForm(actor, params.schoolId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => updateSchool(actor, params.schoolId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/establecimientos/${params.schoolId}?aviso=guardado`);
  return result;
}

export default function EditSchool({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { school, options } = loaderData;
  if (!school) return null;
  return (
    <div className="stack">
      <p>
        <Link to={`/establecimientos/${school.id}`}>{school.name}</Link>
      </p>
      <h1>{t("schools.edit.title", { name: school.name })}</h1>
      <SchoolForm
        options={options}
        school={school}
        failure={failureOf(actionData)}
        submitLabel={t("action.save")}
        cancelTo={`/establecimientos/${school.id}`}
      />
    </div>
  );
}
