import { Form, Link } from "react-router";
import { requestPasswordReset } from "~/modules/accounts";
import { Field, FormMessage, failureOf, SubmitButton } from "../components/form";
import { perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useT } from "../lib/i18n";
import type { Route } from "./+types/forgot-password";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "auth.forgot.title") }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const info = context.get(requestInfoContext);
  const result = await perform(
    () => requestPasswordReset({ email: form.get("email") }, { ip: info.ip, requestId: info.requestId }),
    form,
  );
  if ("ok" in result && result.ok) return { sent: true as const };
  return result;
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const sent = actionData && "sent" in actionData;
  return (
    <section className="narrow stack">
      <h1>{t("auth.forgot.title")}</h1>
      {sent ? (
        <div className="alert alert-ok" role="status">
          {t("auth.forgot.sent")}
        </div>
      ) : (
        <>
          <p>{t("auth.forgot.intro")}</p>
          <FormMessage failure={failure} />
          <Form method="post" className="card" noValidate>
            <Field
              name="email"
              label={t("auth.sign_in.email")}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              failure={failure}
            />
            <SubmitButton>{t("auth.forgot.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/ingresar">{t("nav.sign_in")}</Link>
      </p>
    </section>
  );
}
