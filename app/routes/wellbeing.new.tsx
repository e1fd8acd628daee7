// /bienestar/nuevo: a coordinator (any school, or the network) or a leader (their school) opens a
// well-being pulse (issue #17): 5 to 8 questions of the bank, how many days it stays open, and whether
// it takes a free comment. The bank's source is cited beside it.
import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages";
import { openDefaults, openPulse, pulseScopes } from "~/modules/wellbeing";
import { NETWORK_SCOPE, QUESTION_BANK } from "~/modules/wellbeing/content";
import { NotFoundError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import {
  CheckboxField,
  Field,
  FormMessage,
  failureOf,
  RequestKey,
  SelectField,
  SubmitButton,
} from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/wellbeing.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "wellbeing.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const scopes = await pulseScopes(actor);
    if (scopes.length === 0) throw new NotFoundError();
    return { scopes, defaults: openDefaults };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => openPulse(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/bienestar/${result.value.id}`);
  return result;
}

export default function NewPulse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { scopes, defaults } = loaderData;
  const questionsError = failure?.fieldErrors.questions;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/bienestar">{t("wellbeing.title")}</Link>
      </p>
      <h1>{t("wellbeing.new.title")}</h1>
      <p>{t("wellbeing.new.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <Field name="title" label={t("wellbeing.field.title")} required maxLength={160} failure={failure} />
        <SelectField
          name="scope"
          label={t("wellbeing.field.scope")}
          required
          failure={failure}
          defaultValue={scopes.length === 1 ? scopes[0]?.value : null}
          emptyLabel=""
          options={scopes.map((s) => ({
            value: s.value,
            label: s.value === NETWORK_SCOPE ? t("wellbeing.field.scope_network") : s.name,
          }))}
        />
        <Field
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          label={t("wellbeing.field.days")}
          hint={t("wellbeing.field.days_hint")}
          required
          defaultValue={defaults.days}
          failure={failure}
        />
        <fieldset className={questionsError ? "field-invalid" : undefined}>
          <legend>{t("wellbeing.field.questions")}</legend>
          <p className="hint">{t("wellbeing.question.prompt")}</p>
          {QUESTION_BANK.map((q) => (
            <CheckboxField
              key={q.key}
              name={`question_${q.key}`}
              failure={failure}
              defaultChecked={(defaults.questions as readonly string[]).includes(q.key)}
              label={
                <>
                  {t(`wellbeing.item.${q.key}` as MessageKey)}{" "}
                  <span className="muted">
                    ({t(`wellbeing.dimension.${q.dimension}` as MessageKey)}
                    {q.tswq === null ? ` · ${t("wellbeing.bank.ours")}` : ""})
                  </span>
                </>
              }
            />
          ))}
          {questionsError ? <p className="field-error">{t(questionsError)}</p> : null}
        </fieldset>
        <CheckboxField
          name="allowsText"
          label={t("wellbeing.field.allows_text")}
          failure={failure}
          defaultChecked
        />
        <SubmitButton>{t("wellbeing.new.submit")}</SubmitButton>
      </Form>
      <p className="hint">{t("wellbeing.bank.source")}</p>
    </div>
  );
}
