import { redirect } from "react-router";
import { createSchool, prepareSchoolForm } from "~/modules/people";
import { formToObject } from "~/platform/validation";
import { failureOf } from "../components/form";
import { SchoolForm } from "../components/school-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/schools.new";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "schools.new.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => prepareSchoolForm(actor));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createSchool(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) {
    throw redirect(
      `/establecimientos/${result.value.id}?aviso=${result.value.advising ? "creado-asesoria" : "creado"}`,
    );
  }
  return result;
}

export default function NewSchool({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <h1>{t("schools.new.title")}</h1>
      <p>{t("schools.new.intro")}</p>
      <SchoolForm
        options={loaderData.options}
        school={null}
        failure={failureOf(actionData)}
        submitLabel={t("schools.new.submit")}
        cancelTo="/establecimientos"
      />
    </div>
  );
}
