import { Link, redirect } from "react-router";
import { countPendingInvitations, invitePendingOfSchool, invitePerson } from "~/modules/accounts";
import { schoolForPeopleManagement } from "~/modules/people";
import { failureOf } from "../components/form";
import { InviteForm } from "../components/invite-form";
import { InvitePending } from "../components/invite-pending";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/school.invite";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "people.invite.title", { place: loaderData?.school.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const school = await load(() => schoolForPeopleManagement(actor, params.schoolId));
  const url = new URL(request.url);
  const bulk = Number(url.searchParams.get("invitadas"));
  return {
    school,
    sentTo: url.searchParams.get("enviada"),
    bulkSent: Number.isInteger(bulk) && bulk > 0 ? bulk : null,
    pending: await countPendingInvitations(actor, school.id),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  await load(() => schoolForPeopleManagement(actor, params.schoolId));
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "pending") {
    const sent = await invitePendingOfSchool(actor, params.schoolId);
    throw redirect(`/establecimientos/${params.schoolId}/invitar?invitadas=${sent}`);
  }
  const result = await performOnce(
    () =>
      invitePerson(actor, {
        givenNames: form.get("givenNames"),
        familyNames: form.get("familyNames"),
        email: form.get("email"),
        rut: form.get("rut") ?? "",
        role: form.get("role"),
        title: form.get("title") ?? "",
        schoolId: params.schoolId,
      }),
    form,
  );
  if ("ok" in result && result.ok) {
    throw redirect(
      `/establecimientos/${params.schoolId}/invitar?enviada=${encodeURIComponent(String(form.get("email") ?? ""))}`,
    );
  }
  return result;
}

export default function InviteToSchool({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <p>
        <Link to={`/establecimientos/${loaderData.school.id}`}>{loaderData.school.name}</Link>
      </p>
      <h1>{t("people.invite.title", { place: loaderData.school.name })}</h1>
      {loaderData.sentTo ? (
        <div className="alert alert-ok" role="status">
          {t("people.invite.sent", { email: loaderData.sentTo })}
        </div>
      ) : null}
      {loaderData.bulkSent ? (
        <div className="alert alert-ok" role="status">
          {t("people.invite_pending.sent", { count: loaderData.bulkSent })}
        </div>
      ) : null}
      {loaderData.pending > 0 ? (
        <InvitePending schoolId={loaderData.school.id} count={loaderData.pending} />
      ) : null}
      <p>{t("people.invite.intro")}</p>
      <InviteForm roles={["teacher", "leader", "mentor"]} failure={failureOf(actionData)} />
    </div>
  );
}
