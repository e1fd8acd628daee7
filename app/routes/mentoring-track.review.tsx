// /mentoria/revisiones/:reviewId: a review of a feedback meeting, for its reviewer, the meeting's
// observer (who marks it read) and the coordinators advising the school; anyone else 404 (issue #18).
import { Form, Link, redirect } from "react-router";
import { acknowledgeReview, reviewPage } from "~/modules/mentoring";
import { FormMessage, failureOf, SubmitButton } from "../components/form";
import { MeetingRecord } from "../components/meeting-record";
import { PlainText } from "../components/plain-text";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.review";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.review.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => reviewPage(actor, params.reviewId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await perform(() => acknowledgeReview(actor, params.reviewId), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/revisiones/${params.reviewId}`);
  return result;
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const failure = failureOf(actionData);
  const { review, meeting, can } = loaderData;
  const checks = [
    ["precisePraise", "mentoringTrack.check.precise_praise"],
    ["oneActionStep", "mentoringTrack.check.one_action_step"],
    ["practiced", "mentoringTrack.check.practiced"],
    ["followUpSet", "mentoringTrack.check.follow_up_set"],
  ] as const;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/mentoria/revisiones">{t("mentoringTrack.reviews.title")}</Link>
      </p>
      <h1>{t("mentoringTrack.review.title")}</h1>
      <FormMessage failure={failure} />
      <p className="muted">
        {t("mentoringTrack.review.by", { name: review.reviewer, date: f.date(review.createdAt) })}
      </p>
      <section className="stack" aria-labelledby="checklist">
        <h2 id="checklist">{t("mentoringTrack.checklist")}</h2>
        <ul>
          {checks.map(([key, label]) => (
            <li key={key}>
              {t(label)}:{" "}
              <strong>
                {review.checklist[key] ? t("mentoringTrack.check.yes") : t("mentoringTrack.check.no")}
              </strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="feedback">
        <h2 id="feedback">{t("mentoringTrack.review.feedback")}</h2>
        <PlainText text={review.feedback} />
      </section>
      {review.readAt ? (
        <p className="muted">{t("mentoringTrack.review.read_on", { date: f.date(review.readAt) })}</p>
      ) : can.acknowledge ? (
        <Form method="post">
          <SubmitButton>{t("mentoringTrack.review.acknowledge")}</SubmitButton>
        </Form>
      ) : null}
      <MeetingRecord meeting={meeting} />
    </div>
  );
}
