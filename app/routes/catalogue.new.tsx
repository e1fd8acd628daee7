import { Link, redirect } from "react-router";
import { createCatalogueStep, requireSetupManager } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { CatalogueStepForm } from "../components/catalogue-step-form";
import { failureOf } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/catalogue.new";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "catalogue.new") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  await load(async () => requireSetupManager(actor));
  return { category: new URL(request.url).searchParams.get("categoria") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createCatalogueStep(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/pasos?aviso=creado#paso-${result.value}`);
  return result;
}

export default function NewCatalogueStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/pasos">{t("catalogue.title")}</Link>
      </p>
      <h1>{t("catalogue.new")}</h1>
      <p>{t("catalogue.form.intro")}</p>
      <CatalogueStepForm
        step={null}
        category={loaderData.category}
        failure={failureOf(actionData)}
        submitLabel={t("catalogue.form.create")}
      />
    </div>
  );
}
