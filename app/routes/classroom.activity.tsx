// /mis-cursos/:cohortId/actividades/:activityId: an activity to answer. A reflection is written and
// sent for review (and sent again when it is to revise, with the facilitator's comment above it); a
// quiz is answered with one choice per question (radio buttons: no JavaScript needed) and scored at once.
import { Form, Link } from "react-router";
import { activityInClassroom, submitActivity } from "~/modules/learning";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/classroom.activity";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.activity.title} · ${loaderData.cohort.courseTitle} · Impulso`
      : pageTitle(matches, "learning.my.title"),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => activityInClassroom(actor, params.cohortId, params.activityId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => submitActivity(actor, params.cohortId, params.activityId, formToObject(form)),
    form,
  );
  if ("ok" in result && result.ok) return { sent: result.value };
  return result;
}

/** A question's options as the radio buttons' values (their place) and labels. */
const choicesOf = (options: string[]) => options.map((label, place) => ({ label, value: String(place) }));

export default function ClassroomActivity({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { cohort, activity, submission, can } = loaderData;
  const failure = failureOf(actionData);
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  return (
    <article className="stack">
      <p>
        <Link to={`/mis-cursos/${cohort.id}`}>{cohort.courseTitle}</Link>
      </p>
      <h1>{activity.title}</h1>
      <p className="muted">
        {t(`learning.activity.kind.${activity.kind}`)}
        {activity.required ? ` · ${t("learning.activity.required")}` : ""}
        {activity.kind === "quiz"
          ? ` · ${t("learning.quiz.pass_mark", { percent: activity.passPercent })}`
          : ""}
      </p>
      {/* above the form, which is gone once the answer is accepted (a late second send is told why) */}
      <FormMessage failure={failure} />
      {sent ? (
        <p className={`alert ${sent.status === "to_revise" ? "alert-error" : "alert-ok"}`} role="status">
          {sent.scorePercent === null
            ? t("learning.activity.sent")
            : t(sent.status === "accepted" ? "learning.quiz.passed" : "learning.quiz.failed", {
                percent: sent.scorePercent,
              })}
        </p>
      ) : null}
      {activity.html.trim() ? (
        // rendered by platform/rich-text.ts: typed HTML is escaped, only safe links are kept
        // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see above)
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: activity.html }} />
      ) : null}
      {submission ? (
        <section className="card stack" aria-labelledby="my-answer">
          <h2 id="my-answer">{t("learning.activity.my_answer")}</h2>
          <p>
            <span
              className={
                submission.status === "accepted"
                  ? "badge badge-ok"
                  : submission.status === "to_revise"
                    ? "badge badge-warn"
                    : "badge"
              }
            >
              {t(`learning.activity.status.${submission.status}`)}
            </span>{" "}
            <span className="muted">
              {f.dateTime(submission.submittedAt)}
              {submission.scorePercent !== null
                ? ` · ${t("learning.quiz.score", { percent: submission.scorePercent })}`
                : ""}
            </span>
          </p>
          {submission.reviewComment ? (
            <blockquote className="stack">
              <strong>{t("learning.activity.review_comment")}</strong>
              <span style={{ whiteSpace: "pre-wrap" }}>{submission.reviewComment}</span>
            </blockquote>
          ) : null}
          {activity.kind === "reflection" && submission.body ? (
            <p style={{ whiteSpace: "pre-wrap" }}>{submission.body}</p>
          ) : null}
          {submission.right ? (
            <ol className="stack">
              {activity.questions.map((q, i) => (
                <li key={`${q.prompt}|${q.options.join("|")}`}>
                  {q.prompt}
                  <br />
                  <span className="muted">
                    {q.options[submission.answers[i] ?? -1] ?? ""} (
                    {t(submission.right?.[i] ? "learning.quiz.was_right" : "learning.quiz.was_wrong")})
                  </span>
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
      {can.submit ? (
        <Form method="post" className="card stack" noValidate>
          <RequestKey />
          {activity.kind === "reflection" ? (
            <TextAreaField
              name="body"
              required
              label={t("learning.activity.reflection_label")}
              rows={10}
              defaultValue={submission?.body ?? ""}
              failure={failure}
            />
          ) : (
            activity.questions.map((q, i) => {
              const error = failure?.fieldErrors[`q${i}`];
              const chosen = failure?.values[`q${i}`] ?? String(submission?.answers[i] ?? "");
              return (
                <fieldset
                  key={`${q.prompt}|${q.options.join("|")}`}
                  className={`field${error ? " field-invalid" : ""}`}
                  aria-invalid={error ? true : undefined}
                >
                  <legend>
                    {i + 1}. {q.prompt}
                  </legend>
                  {choicesOf(q.options).map((c) => (
                    <label key={c.value} className="check-row">
                      <input
                        type="radio"
                        name={`q${i}`}
                        value={c.value}
                        defaultChecked={chosen === c.value}
                      />{" "}
                      {c.label}
                    </label>
                  ))}
                  {error ? <p className="field-error">{t(error)}</p> : null}
                </fieldset>
              );
            })
          )}
          <SubmitButton>
            {t(activity.kind === "reflection" ? "learning.activity.send" : "learning.quiz.send")}
          </SubmitButton>
        </Form>
      ) : null}
    </article>
  );
}
