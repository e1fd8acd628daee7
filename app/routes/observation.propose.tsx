// /observaciones/:observationId/proponer-practica: from a submitted visit, its observer proposes the
// practice they saw for the library (issue #17). It becomes a draft the teacher owns, who is told by
// email and decides whether to publish it; the observer sees it no more (it is the teacher's).
import { Form, Link } from "react-router";
import { proposeFromVisit, visitForProposal } from "~/modules/practices";
import { PRACTICE_LIMITS } from "~/modules/practices/content";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observation.propose";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "practices.propose.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => visitForProposal(actor, params.observationId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => proposeFromVisit(actor, params.observationId, formToObject(form)),
    form,
  );
  if ("ok" in result && result.ok) return { proposed: true as const };
  return result;
}

export default function ProposePractice({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const visit = loaderData;
  const failure = failureOf(actionData);
  const back = (
    <p>
      <Link to={`/observaciones/${params.observationId}`}>{t("practices.propose.back")}</Link>
    </p>
  );
  if ((actionData && "proposed" in actionData) || visit.alreadyProposed)
    return (
      <div className="stack">
        {back}
        <h1>{t("practices.propose.title")}</h1>
        {/* a form sent again from an older page: refused, and said so */}
        <FormMessage failure={failure} />
        <p className="alert alert-ok" role="status">
          {t("practices.propose.done", { teacher: visit.teacher })}
        </p>
      </div>
    );
  return (
    <div className="stack">
      {back}
      <h1>{t("practices.propose.title")}</h1>
      <p>{t("practices.propose.intro", { teacher: visit.teacher, course: visit.course })}</p>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <Field
          name="title"
          label={t("practices.field.title")}
          required
          maxLength={PRACTICE_LIMITS.title}
          failure={failure}
        />
        <TextAreaField
          name="problem"
          label={t("practices.field.problem")}
          hint={t("practices.field.problem_hint")}
          required
          rows={3}
          maxLength={PRACTICE_LIMITS.problem}
          failure={failure}
        />
        <TextAreaField
          name="howTo"
          label={t("practices.propose.how_to")}
          hint={t("practices.field.how_to_hint")}
          required
          rows={6}
          maxLength={PRACTICE_LIMITS.howTo}
          failure={failure}
        />
        <SubmitButton>{t("practices.propose.send")}</SubmitButton>
      </Form>
    </div>
  );
}
