import { Link, redirect } from "react-router";
import { calibrationForm, updateCalibration } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { CalibrationForm } from "../components/calibration-form";
import { failureOf } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/calibration.edit";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "calibration.edit.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => calibrationForm(actor, params.calibrationId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.calibrationId;
  const result = await performOnce(() => updateCalibration(actor, id, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/calibraciones/${id}?aviso=guardada`);
  return result;
}

export default function EditCalibration({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/calibraciones/${params.calibrationId}`}>{loaderData.current?.title}</Link>
      </p>
      <h1>{t("calibration.edit.title")}</h1>
      <CalibrationForm
        options={loaderData}
        failure={failureOf(actionData)}
        submitLabel={t("calibration.edit.save")}
      />
    </div>
  );
}
