import { Form, Link, redirect } from "react-router";
import { getVisit, meetingDefaults, recordMeeting } from "~/modules/observation";
// The page itself uses only the module's plain-data file: the browser gets no database code.
import { ACTION_STEP_CATEGORIES } from "~/modules/observation/content";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { VisitEvidence } from "../components/visit/submitted-visit";
import { load, notFound, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observation.meeting";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: pageTitle(matches, "observation.meeting.title", { teacher: loaderData?.visit.teacherName ?? "" }),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const visit = await load(() => getVisit(actor, params.observationId, { forMeeting: true }));
  if (!visit.can.holdMeeting) throw notFound();
  return { visit, defaults: meetingDefaults(sessionOf(context).timeZone) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => recordMeeting(actor, params.observationId, formToObject(form), sessionOf(context).timeZone),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/observaciones/${params.observationId}#retroalimentacion`);
  return result;
}

function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  failure?: ReturnType<typeof failureOf>;
}) {
  const t = useT();
  const error = props.failure?.fieldErrors[props.name];
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={props.name}>
        {props.label} {props.required ? null : <span className="muted">{t("field.optional")}</span>}
      </label>
      {props.hint ? (
        <p className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.name}
        name={props.name}
        rows={3}
        maxLength={4000}
        required={props.required}
        defaultValue={props.failure?.values[props.name] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [props.hint ? `${props.name}-hint` : "", error ? `${props.name}-error` : ""].join(" ").trim() ||
          undefined
        }
      />
      {error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export default function Meeting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { visit, defaults } = loaderData;
  const canContinue =
    !!visit.focusStep && visit.focusResult === "continued" && visit.focusStep.status === "open";
  const proposed = visit.proposedCatalogueStepId
    ? "catalogue"
    : visit.proposedStepTitle
      ? "custom"
      : canContinue
        ? "continue"
        : "";
  const choice = failure?.values.stepChoice ?? proposed;
  const stepError = failure?.fieldErrors.stepChoice;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/observaciones/${visit.id}`}>
          {t("observation.visit.title", { teacher: visit.teacherName })}
        </Link>
      </p>
      <h1>{t("observation.meeting.title", { teacher: visit.teacherName })}</h1>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <div className="pair">
          <Field
            name="heldOn"
            type="date"
            label={t("observation.meeting.held_on")}
            defaultValue={defaults.heldOn}
            failure={failure}
            required
          />
          <Field
            name="heldAtTime"
            type="time"
            label={t("observation.meeting.held_at")}
            defaultValue={defaults.heldAtTime}
            failure={failure}
            required
          />
        </div>
        <fieldset className="card stack">
          <legend>{t("observation.meeting.see_it")}</legend>
          {/* What the visit saw, one tap away while the praise and the gap are written. */}
          <details className="section evidence">
            <summary>{t("observation.meeting.evidence")}</summary>
            <div className="stack">
              <VisitEvidence visit={visit} heading="h3" />
            </div>
          </details>
          <TextArea
            name="praise"
            label={t("observation.meeting.praise")}
            hint={t("observation.meeting.praise_hint", { teacher: visit.teacherName })}
            failure={failure}
            required
          />
          <TextArea
            name="model"
            label={t("observation.meeting.model")}
            hint={t("observation.meeting.model_hint")}
            failure={failure}
          />
          <TextArea
            name="gap"
            label={t("observation.meeting.gap")}
            hint={t("observation.meeting.gap_hint")}
            failure={failure}
          />
        </fieldset>
        <fieldset
          className={`card stack${stepError ? " field-invalid" : ""}`}
          aria-describedby={stepError ? "step-error" : undefined}
        >
          <legend>{t("observation.meeting.name_it")}</legend>
          {stepError ? (
            <p className="field-error" id="step-error">
              {t(stepError)}
            </p>
          ) : null}
          {canContinue && visit.focusStep ? (
            <label className="choice">
              <input type="radio" name="stepChoice" value="continue" defaultChecked={choice === "continue"} />{" "}
              {t("observation.meeting.step_continue", { step: visit.focusStep.title })}
            </label>
          ) : null}
          <label className="choice">
            <input type="radio" name="stepChoice" value="catalogue" defaultChecked={choice === "catalogue"} />{" "}
            {t("observation.meeting.step_catalogue")}
          </label>
          <div className={`field${failure?.fieldErrors.catalogueStepId ? " field-invalid" : ""}`}>
            <label htmlFor="catalogueStepId">{t("observation.meeting.catalogue_step")}</label>
            <select
              id="catalogueStepId"
              name="catalogueStepId"
              defaultValue={failure?.values.catalogueStepId ?? visit.proposedCatalogueStepId ?? ""}
            >
              <option value="" />
              {ACTION_STEP_CATEGORIES.map((category) => (
                <optgroup key={category} label={t(`observation.category.${category}`)}>
                  {visit.catalogue
                    .filter((s) => s.category === category)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {failure?.fieldErrors.catalogueStepId ? (
              <p className="field-error">{t(failure.fieldErrors.catalogueStepId)}</p>
            ) : null}
          </div>
          <label className="choice">
            <input type="radio" name="stepChoice" value="custom" defaultChecked={choice === "custom"} />{" "}
            {t("observation.meeting.step_custom")}
          </label>
          <Field
            name="stepTitle"
            label={t("observation.meeting.step_title")}
            defaultValue={visit.proposedStepTitle ?? ""}
            failure={failure}
            maxLength={300}
          />
        </fieldset>
        <fieldset className="card stack">
          <legend>{t("observation.meeting.do_it")}</legend>
          <TextArea
            name="plan"
            label={t("observation.meeting.plan")}
            hint={t("observation.meeting.plan_hint")}
            failure={failure}
          />
          <label className="choice">
            <input type="checkbox" name="practiced" defaultChecked={failure?.values.practiced === "on"} />{" "}
            {t("observation.meeting.practiced")}
          </label>
          <TextArea name="practiceNote" label={t("observation.meeting.practice_note")} failure={failure} />
        </fieldset>
        <Field
          name="followUpOn"
          type="date"
          label={t("observation.meeting.follow_up")}
          hint={t("observation.meeting.follow_up_hint")}
          failure={failure}
        />
        <SubmitButton>{t("observation.meeting.save", { teacher: visit.teacherName })}</SubmitButton>
      </Form>
    </div>
  );
}
