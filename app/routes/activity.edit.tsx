// /cursos/:courseId/actividades/:activityId: an activity as its editor sees it. Coordinators write its
// instructions, whether it is required, and a quiz's questions (as text: a question, then its options,
// the right one marked with *) and pass mark; they delete it. The course's facilitators read it.
import { Form, Link, redirect } from "react-router";
import { activityForEditing, deleteActivity, updateActivity } from "~/modules/learning";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import {
  CheckboxField,
  Field,
  FormMessage,
  failureOf,
  RequestKey,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/activity.edit";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.activity.title} · ${loaderData.courseTitle} · Impulso`
      : pageTitle(matches, "learning.content.title"),
  },
];

async function activityPage(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const actor = requireActor(request, context);
  const page = await load(() => activityForEditing(actor, params.activityId));
  if (page.activity.courseId !== params.courseId) throw new Response(null, { status: 404 });
  return { actor, page };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return (await activityPage(request, context, params)).page;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor } = await activityPage(request, context, params);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const result = await performOnce(async () => {
    if (intent === "save") {
      // an unticked box sends nothing: "not required"
      await updateActivity(actor, params.activityId, { required: "", ...formToObject(form) });
      return { done: "save" as const };
    }
    if (intent === "delete") {
      await deleteActivity(actor, params.activityId);
      return { done: "delete" as const };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) {
    if (result.value.done === "delete") return redirect(`/cursos/${params.courseId}/contenido`);
    return { saved: true as const };
  }
  return result;
}

export default function ActivityEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { activity, courseTitle, questionsText, html, can } = loaderData;
  const failure = failureOf(actionData);
  const quiz = activity.kind === "quiz";
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${activity.courseId}`}>{courseTitle}</Link> ·{" "}
        <Link to={`/cursos/${activity.courseId}/contenido`}>{t("learning.content.title")}</Link>
      </p>
      <h1>{activity.title}</h1>
      <p className="muted">
        {t(`learning.activity.kind.${activity.kind}`)}
        {activity.required ? ` · ${t("learning.activity.required")}` : ""}
        {quiz ? ` · ${t("learning.quiz.count", { count: activity.questionCount })}` : ""}
      </p>
      {actionData && "saved" in actionData ? (
        <p className="alert alert-ok" role="status">
          {t("learning.activity.saved")}
        </p>
      ) : null}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.activity.edit")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <input type="hidden" name="intent" value="save" />
            <Field
              name="title"
              label={t("learning.activity.title_label")}
              required
              defaultValue={activity.title}
              failure={failure}
            />
            <TextAreaField
              name="instructions"
              label={t("learning.activity.instructions")}
              hint={t("learning.lesson.body_hint")}
              rows={8}
              defaultValue={activity.instructions}
              failure={failure}
            />
            <CheckboxField
              name="required"
              label={t("learning.activity.required_label")}
              defaultChecked={activity.required}
              failure={failure}
            />
            {quiz ? (
              <>
                <TextAreaField
                  name="questions"
                  label={t("learning.quiz.questions")}
                  hint={t("learning.quiz.questions_hint")}
                  rows={14}
                  defaultValue={questionsText}
                  failure={failure}
                />
                <Field
                  name="passPercent"
                  label={t("learning.quiz.pass_percent")}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  defaultValue={activity.passPercent}
                  failure={failure}
                />
              </>
            ) : null}
            <SubmitButton>{t("learning.activity.save")}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="preview">
        <h2 id="preview">{t("learning.lesson.preview")}</h2>
        {activity.instructions.trim() ? (
          // rendered by platform/rich-text.ts: typed HTML is escaped, only safe links are kept
          // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see above)
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="muted">{t("learning.lesson.no_text")}</p>
        )}
      </section>
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.activity.delete")}</h2>
          <p className="muted">{t("learning.activity.delete_hint")}</p>
          <Form method="post">
            <RequestKey />
            <input type="hidden" name="intent" value="delete" />
            <SubmitButton>{t("learning.activity.delete")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
