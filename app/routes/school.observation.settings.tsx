import { Form, Link, redirect } from "react-router";
import { getCadenceSettings, saveCadenceSettings } from "~/modules/observation";
import { PURPOSES } from "~/modules/observation/content";
import { Field, FormMessage, failureOf, SelectField, SubmitButton } from "../components/form";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/school.observation.settings";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: pageTitle(matches, "dashboard.cadence.settings_title", { school: loaderData?.school.name ?? "" }),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => getCadenceSettings(actor, params.schoolId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await perform(
    () => saveCadenceSettings(actor, params.schoolId, Object.fromEntries(form)),
    form,
  );
  if ("ok" in result && result.ok)
    throw redirect(`/establecimientos/${params.schoolId}/observacion?aviso=metas`);
  return result;
}

export default function SchoolObservationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { school, settings } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/establecimientos/${school.id}/observacion`}>
          {t("dashboard.school.title", { school: school.name })}
        </Link>
      </p>
      <h1>{t("dashboard.cadence.settings_title", { school: school.name })}</h1>
      <FormMessage failure={failure} />
      <Form method="post" className="card stack" noValidate>
        <Field
          name="visitEveryDays"
          label={t("dashboard.cadence.visit_every_days")}
          hint={t("dashboard.cadence.visit_every_days_hint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          required
          defaultValue={settings.visitEveryDays}
          failure={failure}
        />
        <Field
          name="meetingWithinHours"
          label={t("dashboard.cadence.meeting_within_hours")}
          hint={t("dashboard.cadence.meeting_within_hours_hint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={336}
          required
          defaultValue={settings.meetingWithinHours}
          failure={failure}
        />
        <SelectField
          name="defaultPurpose"
          label={t("dashboard.cadence.default_purpose")}
          hint={t("observation.purpose.hint")}
          options={PURPOSES.map((p) => ({ value: p, label: t(`observation.purpose.${p}`) }))}
          required
          defaultValue={settings.defaultPurpose}
          failure={failure}
        />
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
          <Link to={`/establecimientos/${school.id}/observacion`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
