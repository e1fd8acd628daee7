import { redirect } from "react-router";
import { invitePerson } from "~/modules/accounts";
import { can } from "~/platform/policy";
import { failureOf } from "../components/form";
import { InviteForm } from "../components/invite-form";
import { notFound, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/people.invite-staff";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "people.invite_staff") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  if (!can(actor, "manage_staff", "organization", { organizationId: actor.organizationId })) throw notFound();
  return { sentTo: new URL(request.url).searchParams.get("enviada") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () =>
      invitePerson(actor, {
        givenNames: form.get("givenNames"),
        familyNames: form.get("familyNames"),
        email: form.get("email"),
        rut: form.get("rut") ?? "",
        role: form.get("role"),
        title: form.get("title") ?? "",
      }),
    form,
  );
  if ("ok" in result && result.ok)
    throw redirect(`/personas/invitar?enviada=${encodeURIComponent(String(form.get("email") ?? ""))}`);
  return result;
}

export default function InviteStaff({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <h1>{t("people.invite_staff")}</h1>
      {loaderData.sentTo ? (
        <div className="alert alert-ok" role="status">
          {t("people.invite.sent", { email: loaderData.sentTo })}
        </div>
      ) : null}
      <p>{t("people.invite.intro")}</p>
      <InviteForm roles={["coordinator", "admin", "facilitator"]} failure={failureOf(actionData)} />
    </div>
  );
}
