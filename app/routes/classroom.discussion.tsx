// /mis-cursos/:cohortId/conversacion: a cohort's discussion space: its threads, the latest first, and
// the form to start one (which then opens on its own page).
import { Link, redirect } from "react-router";
import { spaceThreads, startThread } from "~/modules/discussions";
import { formToObject } from "~/platform/validation";
import { DiscussionSpace } from "../components/discussion-space";
import { failureOf } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/classroom.discussion";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "discussions.title") }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => spaceThreads(actor, "cohort", params.cohortId, pageOf(request)));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => startThread(actor, "cohort", params.cohortId, formToObject(form)),
    form,
  );
  if ("ok" in result && result.ok) return redirect(`/conversaciones/${result.value.id}`);
  return result;
}

export default function ClassroomDiscussion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { space, threads, can, page, pages } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack">
      <p>
        <Link to={`/mis-cursos/${space.id}`}>{space.title}</Link>
      </p>
      <h1>{t("discussions.title")}</h1>
      <p className="muted">{t("discussions.intro")}</p>
      <DiscussionSpace threads={threads} canPost={can.post} failure={failure} page={page} pages={pages} />
    </div>
  );
}
