import { Form, redirect } from "react-router";
import { acceptInvitation, getInvitation } from "~/modules/accounts";
import { FormMessage, failureOf, SubmitButton } from "../components/form";
import { perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useT } from "../lib/i18n";
import { sessionCookie } from "../lib/session.server";
import type { Route } from "./+types/accept-invitation";
import { PasswordFields } from "./reset-password";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "auth.invitation.title") },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: Route.LoaderArgs) {
  return { invitation: await getInvitation(params.token) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const info = context.get(requestInfoContext);
  const result = await perform(
    () =>
      acceptInvitation(
        params.token,
        { password: form.get("password"), passwordConfirm: form.get("passwordConfirm") },
        { ip: info.ip, userAgent: request.headers.get("user-agent"), requestId: info.requestId },
      ),
    form,
  );
  if (!("ok" in result) || !result.ok) return result;
  throw redirect("/", { headers: { "Set-Cookie": sessionCookie(result.value.token, context) } });
}

export default function AcceptInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  if (!loaderData.invitation || failure?.message === "auth.invitation.invalid") {
    return (
      <section className="narrow stack">
        <h1>{t("auth.invitation.title")}</h1>
        <div className="alert alert-error" role="alert">
          {t("auth.invitation.invalid")}
        </div>
      </section>
    );
  }
  return (
    <section className="narrow stack">
      <h1>{t("auth.invitation.title")}</h1>
      <p>
        {t("auth.invitation.intro", {
          name: loaderData.invitation.givenNames,
          email: loaderData.invitation.email,
        })}
      </p>
      <FormMessage failure={failure} />
      <Form method="post" className="card" noValidate>
        <PasswordFields failure={failure} />
        <SubmitButton>{t("auth.invitation.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
