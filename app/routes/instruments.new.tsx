import { Form, Link, redirect } from "react-router";
import { createInstrument, requireSetupManager } from "~/modules/observation";
import { INSTRUMENT_LIMITS } from "~/modules/observation/content";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/instruments.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "instruments.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  await load(async () => requireSetupManager(actor));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createInstrument(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/pautas/${result.value}#editor`);
  return result;
}

export default function NewInstrument({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  return (
    <div className="stack narrow">
      <p>
        <Link to="/pautas">{t("instruments.title")}</Link>
      </p>
      <h1>{t("instruments.new.title")}</h1>
      <p>{t("instruments.new.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <Field
          name="name"
          label={t("instruments.field.name")}
          failure={failure}
          required
          maxLength={INSTRUMENT_LIMITS.name}
        />
        <TextAreaField
          name="description"
          label={t("instruments.field.description")}
          failure={failure}
          maxLength={INSTRUMENT_LIMITS.description}
        />
        <div className="actions">
          <SubmitButton>{t("instruments.new.submit")}</SubmitButton>
          <Link to="/pautas">{t("instruments.new.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
