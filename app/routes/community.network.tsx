import { spaceThreads } from "~/modules/discussions";
import { DiscussionSpace } from "../components/discussion-space";
import { failureOf } from "../components/form";
import { load, readForm } from "../lib/actions.server";
import { startThreadFromForm } from "../lib/discussion.server";
import { pageTitle, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/community.network";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "community.network.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => spaceThreads(actor, "network", actor.organizationId, pageOf(request)));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  return startThreadFromForm(actor, "network", actor.organizationId, form);
}

export default function CommunityNetwork({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { space, threads, can, page, pages } = loaderData;
  return (
    <div className="stack">
      <h1>{t("community.network.title")}</h1>
      <p className="muted">{t("community.network.intro", { organization: space.title })}</p>
      <DiscussionSpace
        threads={threads}
        canPost={can.post}
        failure={failureOf(actionData)}
        page={page}
        pages={pages}
      />
    </div>
  );
}
