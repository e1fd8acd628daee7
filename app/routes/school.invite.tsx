import { Link, redirect } from "react-router";
import { invitePerson } from "../../src/modules/accounts";
import { schoolForPeopleManagement } from "../../src/modules/people";
import { failureOf } from "../components/form";
import { InviteForm } from "../components/invite-form";
import { load, perform } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/school.invite";

export const meta: Route.MetaFunction = () => [{ title: "Invitar · Impulso" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const school = await load(() => schoolForPeopleManagement(actor, params.schoolId));
  const url = new URL(request.url);
  return { school, sentTo: url.searchParams.get("enviada") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  await load(() => schoolForPeopleManagement(actor, params.schoolId));
  const form = await request.formData();
  const result = await perform(
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
    throw redirect(`/establecimientos/${params.schoolId}/invitar?enviada=${encodeURIComponent(String(form.get("email") ?? ""))}`);
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
      <p>{t("people.invite.intro")}</p>
      <InviteForm roles={["teacher", "leader", "mentor"]} failure={failureOf(actionData)} />
    </div>
  );
}
