import { Form, Link, redirect } from "react-router";
import { isResetTokenValid, resetPassword } from "~/modules/accounts";
import { PASSWORD_MIN_LENGTH } from "~/platform/auth/password-rules";
import { Field, FormMessage, failureOf, SubmitButton } from "../components/form";
import { perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useT } from "../lib/i18n";
import type { Route } from "./+types/reset-password";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "auth.reset.title") },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: Route.LoaderArgs) {
  return { valid: await isResetTokenValid(params.token) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const info = context.get(requestInfoContext);
  const result = await perform(
    () =>
      resetPassword(
        params.token,
        { password: form.get("password"), passwordConfirm: form.get("passwordConfirm") },
        { ip: info.ip, requestId: info.requestId },
      ),
    form,
  );
  if ("ok" in result && result.ok) throw redirect("/ingresar?aviso=restablecida");
  return result;
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  if (!loaderData.valid || failure?.message === "auth.reset.invalid") {
    return (
      <section className="narrow stack">
        <h1>{t("auth.reset.title")}</h1>
        <div className="alert alert-error" role="alert">
          {t("auth.reset.invalid")}
        </div>
        <p>
          <Link to="/recuperar">{t("auth.forgot.title")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow stack">
      <h1>{t("auth.reset.title")}</h1>
      <FormMessage failure={failure} />
      <Form method="post" className="card" noValidate>
        <PasswordFields failure={failure} />
        <SubmitButton>{t("auth.reset.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export function PasswordFields({ failure }: { failure: ReturnType<typeof failureOf> }) {
  const t = useT();
  return (
    <>
      <Field
        name="password"
        label={t("auth.password.new")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("auth.password.hint", { min: PASSWORD_MIN_LENGTH })}
        failure={failure && { ...failure, params: { ...failure.params, min: PASSWORD_MIN_LENGTH } }}
      />
      <Field
        name="passwordConfirm"
        label={t("auth.password.confirm")}
        type="password"
        autoComplete="new-password"
        required
        failure={failure}
      />
    </>
  );
}
