// /mentoria/certificacion/nueva: a coordinator creates a mentor certification track (issue #18).
import { Form, Link, redirect } from "react-router";
import { createTrack, newTrackOptions } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { MentorTrackFields } from "../components/mentor-track-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.new_track") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => newTrackOptions(actor));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createTrack(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/certificacion/${result.value.id}`);
  return result;
}

export default function NewTrack({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  return (
    <div className="stack narrow">
      <p>
        <Link to="/mentoria/certificacion">{t("mentoringTrack.title")}</Link>
      </p>
      <h1>{t("mentoringTrack.new_track")}</h1>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <MentorTrackFields failure={failure} programs={loaderData.programs} />
        <SubmitButton>{t("mentoringTrack.create.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
