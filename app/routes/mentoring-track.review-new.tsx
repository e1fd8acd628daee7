// /mentoria/revisiones/reunion/:meetingId: a coordinator advising the meeting's school, or the
// supervisor of its observer's candidacy, reviews a feedback meeting with the quality checklist (issue #18).
import { Form, Link, redirect } from "react-router";
import { reviewForm, writeReview } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import {
  CheckboxField,
  FormMessage,
  failureOf,
  RequestKey,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { MeetingRecord } from "../components/meeting-record";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.review-new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.form.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => reviewForm(actor, params.meetingId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => writeReview(actor, params.meetingId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/revisiones/${result.value.id}`);
  return result;
}

export default function ReviewMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { meeting, reviewId } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/mentoria/revisiones">{t("mentoringTrack.reviews.title")}</Link>
      </p>
      <h1>{t("mentoringTrack.form.title")}</h1>
      <MeetingRecord meeting={meeting} />
      {reviewId ? <FormMessage failure={failure} /> : null}
      {reviewId ? (
        <p>
          {t("mentoringTrack.form.already")}{" "}
          <Link to={`/mentoria/revisiones/${reviewId}`}>{t("mentoringTrack.form.see_review")}</Link>
        </p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <RequestKey />
          <FormMessage failure={failure} />
          <fieldset className="stack">
            <legend>{t("mentoringTrack.checklist")}</legend>
            <CheckboxField
              name="precisePraise"
              label={t("mentoringTrack.check.precise_praise")}
              failure={failure}
            />
            <CheckboxField
              name="oneActionStep"
              label={t("mentoringTrack.check.one_action_step")}
              failure={failure}
            />
            <CheckboxField name="practiced" label={t("mentoringTrack.check.practiced")} failure={failure} />
            <CheckboxField
              name="followUpSet"
              label={t("mentoringTrack.check.follow_up_set")}
              failure={failure}
            />
          </fieldset>
          <TextAreaField
            name="feedback"
            label={t("mentoringTrack.field.feedback")}
            required
            maxLength={4000}
            rows={5}
            failure={failure}
          />
          <SubmitButton>{t("mentoringTrack.form.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
