import { Link, redirect } from "react-router";
import { calibrationForm, createCalibration } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { CalibrationForm } from "../components/calibration-form";
import { failureOf } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/calibrations.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "calibration.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => calibrationForm(actor));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createCalibration(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/calibraciones/${result.value}`);
  return result;
}

export default function NewCalibration({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/calibraciones">{t("calibration.list.title")}</Link>
      </p>
      <h1>{t("calibration.new.title")}</h1>
      <p>{t("calibration.new.intro")}</p>
      <CalibrationForm
        options={loaderData}
        failure={failureOf(actionData)}
        submitLabel={t("calibration.new.create")}
      />
    </div>
  );
}
