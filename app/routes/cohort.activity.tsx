// /cursos/:courseId/versiones/:cohortId/actividades/:activityId: an activity's answers in a cohort, for
// its facilitators and coordinators. Each confirmed person, answered or not; a reflection waiting for
// review first, with the forms to accept it or send it back to revise with a comment (which the
// participant reads on the activity's page and in an email).
import { Form, Link } from "react-router";
import { activityReview, reviewSubmission } from "~/modules/learning";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/cohort.activity";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.activity.title} · ${loaderData.cohort.name} · Impulso`
      : pageTitle(matches, "learning.manage.title"),
  },
];

async function reviewPage(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const actor = requireActor(request, context);
  const page = await load(() => activityReview(actor, params.cohortId, params.activityId));
  if (page.cohort.courseId !== params.courseId) throw new Response(null, { status: 404 });
  return { actor, page };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return (await reviewPage(request, context, params)).page;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, page } = await reviewPage(request, context, params);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const submissionId = String(form.get("submissionId") ?? "");
  const result = await performOnce(async () => {
    // an answer to this activity, in this cohort
    if (!page.people.some((p) => p.submission?.id === submissionId))
      throw new Response(null, { status: 404 });
    await reviewSubmission(actor, params.cohortId, submissionId, formToObject(form));
  }, form);
  if ("ok" in result && result.ok) return { reviewed: submissionId };
  return result;
}

export default function CohortActivity({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { cohort, activity, people } = loaderData;
  const failure = failureOf(actionData);
  const failedOn = (id: string) => (failure && failure.values.submissionId === id ? failure : undefined);
  // a form is shown for a reflection waiting for review; a refusal about any other answer goes on top
  const reviewable = (status: string) => activity.kind === "reflection" && status === "submitted";
  const placed = people.some(
    (p) => p.submission && reviewable(p.submission.status) && failedOn(p.submission.id),
  );
  const answered = people.filter((p) => p.submission).length;
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${cohort.courseId}/versiones/${cohort.id}`}>
          {cohort.courseTitle} · {cohort.name}
        </Link>
      </p>
      <h1>{activity.title}</h1>
      <p className="muted">
        {t(`learning.activity.kind.${activity.kind}`)}
        {activity.required ? ` · ${t("learning.activity.required")}` : ""} ·{" "}
        {t("learning.activity.answered", { count: answered, total: people.length })}
      </p>
      {placed ? null : <FormMessage failure={failure} />}
      {actionData && "reviewed" in actionData ? (
        <p className="alert alert-ok" role="status">
          {t("learning.activity.reviewed")}
        </p>
      ) : null}
      {people.length === 0 ? <p className="muted">{t("learning.cohort.nobody")}</p> : null}
      {people.map((p) => (
        <section key={p.registrationId} className="card stack" aria-label={p.fullName}>
          <h2>{p.fullName}</h2>
          {p.submission ? (
            <>
              <p>
                <span
                  className={
                    p.submission.status === "accepted"
                      ? "badge badge-ok"
                      : p.submission.status === "to_revise"
                        ? "badge badge-warn"
                        : "badge"
                  }
                >
                  {t(`learning.activity.status.${p.submission.status}`)}
                </span>{" "}
                <span className="muted">
                  {f.dateTime(p.submission.submittedAt)} ·{" "}
                  {t("learning.activity.attempts", { count: p.submission.attempts })}
                  {p.submission.scorePercent !== null
                    ? ` · ${t("learning.quiz.score", { percent: p.submission.scorePercent })}`
                    : ""}
                </span>
              </p>
              {p.submission.body ? <p style={{ whiteSpace: "pre-wrap" }}>{p.submission.body}</p> : null}
              {p.submission.reviewComment ? (
                <p className="muted">
                  {t("learning.activity.review_comment")} {p.submission.reviewComment}
                </p>
              ) : null}
              {reviewable(p.submission.status) ? (
                <Form method="post" className="stack" noValidate>
                  <RequestKey />
                  <FormMessage failure={failedOn(p.submission.id)} />
                  <input type="hidden" name="submissionId" value={p.submission.id} />
                  <input type="hidden" name="attempts" value={p.submission.attempts} />
                  <TextAreaField
                    name="comment"
                    label={t("learning.activity.comment_label")}
                    hint={t("learning.activity.comment_hint")}
                    rows={3}
                    failure={failedOn(p.submission.id)}
                  />
                  <div className="actions">
                    <SubmitButton name="decision" value="accepted">
                      {t("learning.activity.accept")}
                    </SubmitButton>
                    <SubmitButton name="decision" value="to_revise">
                      {t("learning.activity.to_revise")}
                    </SubmitButton>
                  </div>
                </Form>
              ) : null}
            </>
          ) : (
            <p className="muted">{t("learning.activity.status.pending")}</p>
          )}
        </section>
      ))}
    </div>
  );
}
