// /mentoria/sesiones/:sessionId/editar (issue #18): its mentor edits a session while the pairing lasts.
import { Link, redirect } from "react-router";
import { sessionForEditing, updateSession } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import { failureOf } from "../components/form";
import { MentoringSessionForm } from "../components/mentoring-session-form";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring.session.edit";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoring.session.edit_title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => sessionForEditing(actor, params.sessionId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await perform(() => updateSession(actor, params.sessionId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/sesiones/${params.sessionId}?aviso=guardada`);
  return result;
}

export default function EditSession({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const session = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/mentoria/sesiones/${session.id}`}>{t("mentoring.session.back")}</Link>
      </p>
      <h1>{t("mentoring.session.edit_title")}</h1>
      <MentoringSessionForm failure={failureOf(actionData)} today={session.heldOn} session={session} />
    </div>
  );
}
