// /mis-cursos/:cohortId/conversacion: a cohort's discussion space: its threads, the latest first, and
// the form to start one (which then opens on its own page).
import { Link } from "react-router";
import { spaceThreads } from "~/modules/discussions";
import { DiscussionSpace } from "../components/discussion-space";
import { failureOf } from "../components/form";
import { load, readForm } from "../lib/actions.server";
import { startThreadFromForm } from "../lib/discussion.server";
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
  return startThreadFromForm(actor, "cohort", params.cohortId, form);
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
