// /asesorias/:advisoryId/hitos/:milestoneId: an advisor edits a milestone of the plan (title, due date,
// the date it was reached) or removes it (issue #18).
import { Form, Link, redirect } from "react-router";
import { milestoneForEdit, removeMilestone, updateMilestone } from "~/modules/advisory";
import { ADVISORY_LIMITS } from "~/modules/advisory/content";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/advisory.milestone";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "advisory.milestone.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => milestoneForEdit(actor, params.advisoryId, params.milestoneId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const { advisoryId, milestoneId } = params;
  const result = await performOnce(async () => {
    if (intent === "save") return updateMilestone(actor, advisoryId, milestoneId, formToObject(form));
    if (intent === "remove") return removeMilestone(actor, advisoryId, milestoneId);
    await milestoneForEdit(actor, advisoryId, milestoneId);
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) throw redirect(`/asesorias/${advisoryId}#plan`);
  return result;
}

export default function EditMilestone({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const saving = failure?.values.intent === "save" ? failure : undefined;
  const { advisory, milestone } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/asesorias/${advisory.id}`}>{advisory.title}</Link>
      </p>
      <h1>{t("advisory.milestone.title")}</h1>
      <FormMessage failure={failure && !saving ? failure : undefined} />
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <input type="hidden" name="intent" value="save" />
        <FormMessage failure={saving} />
        <Field
          name="title"
          label={t("advisory.milestone.field.title")}
          required
          maxLength={ADVISORY_LIMITS.milestoneTitle}
          defaultValue={milestone.title}
          failure={saving}
        />
        <Field
          name="dueOn"
          type="date"
          label={t("advisory.milestone.field.due_on")}
          defaultValue={milestone.dueOn}
          failure={saving}
        />
        <Field
          name="doneOn"
          type="date"
          label={t("advisory.milestone.field.done_on")}
          defaultValue={milestone.doneOn}
          failure={saving}
        />
        <SubmitButton>{t("advisory.milestone.submit")}</SubmitButton>
      </Form>
      <Form method="post" className="card stack">
        <h2>{t("advisory.milestone.remove_title")}</h2>
        <RequestKey />
        <input type="hidden" name="intent" value="remove" />
        <SubmitButton>{t("advisory.milestone.remove_confirm")}</SubmitButton>
      </Form>
    </div>
  );
}
