// /mentoria/duplas/:pairingId/sesiones/nueva (issue #18): the mentor logs a session of a pairing in force.
import { Link, redirect } from "react-router";
import { logSession, newSessionFor } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import { failureOf } from "../components/form";
import { MentoringSessionForm } from "../components/mentoring-session-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring.session.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoring.sessions.new") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => newSessionFor(actor, params.pairingId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => logSession(actor, params.pairingId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/sesiones/${result.value}`);
  return result;
}

export default function NewSession({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { pairing, today } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/mentoria/duplas/${pairing.id}`}>{t("mentoring.session.back")}</Link>
      </p>
      <h1>{t("mentoring.session.new_title", { teacher: pairing.teacherName })}</h1>
      <MentoringSessionForm failure={failureOf(actionData)} today={today} />
    </div>
  );
}
