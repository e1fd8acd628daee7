import { Form, Link, redirect } from "react-router";
import { getCatalogueStep, setCatalogueStepArchived, updateCatalogueStep } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { CatalogueStepForm } from "../components/catalogue-step-form";
import { failureOf, RequestKey } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/catalogue.step";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "catalogue.edit_title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => getCatalogueStep(actor, params.stepId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.stepId;
  const intent = String(form.get("intent") ?? "save");
  const result = await performOnce(
    () =>
      intent === "archive" || intent === "restore"
        ? setCatalogueStepArchived(actor, id, intent === "archive")
        : updateCatalogueStep(actor, id, formToObject(form)),
    form,
  );
  if (!("ok" in result && result.ok)) return result;
  const notice = intent === "archive" ? "archivado" : intent === "restore" ? "restaurado" : "guardado";
  throw redirect(`/pasos?aviso=${notice}#paso-${id}`);
}

export default function EditCatalogueStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const step = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/pasos">{t("catalogue.title")}</Link>
      </p>
      <h1>{t("catalogue.edit_title")}</h1>
      {step.archivedAt ? <p className="alert alert-info">{t("catalogue.archived_notice")}</p> : null}
      <p className="hint">{t("catalogue.form.uses", { count: step.uses })}</p>
      <CatalogueStepForm step={step} failure={failureOf(actionData)} submitLabel={t("catalogue.form.save")} />
      <Form method="post">
        <RequestKey />
        <button
          type="submit"
          className="button button-secondary"
          name="intent"
          value={step.archivedAt ? "restore" : "archive"}
        >
          {t(step.archivedAt ? "catalogue.restore" : "catalogue.archive_step")}
        </button>
      </Form>
    </div>
  );
}
