import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import { KNOWN_DEVICE_TTL_MS, signIn } from "~/modules/accounts";
import { Field, FormMessage, failureOf, SubmitButton } from "../components/form";
import { perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { readCookie, serializeCookie } from "../lib/cookies.server";
import { pageTitle, useT } from "../lib/i18n";
import { safeReturnPath, sessionCookie, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/sign-in";

/** The known-device cookie: failed sign-ins from elsewhere never keep this browser's owner out. */
const DEVICE_COOKIE = "impulso_dispositivo";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "auth.sign_in.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (sessionOf(context).actor) throw redirect(safeReturnPath(url.searchParams.get("volver")));
  return { returnTo: safeReturnPath(url.searchParams.get("volver")), notice: url.searchParams.get("aviso") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const info = context.get(requestInfoContext);
  const result = await perform(
    () =>
      signIn(
        { email: form.get("email"), password: form.get("password") },
        {
          ip: info.ip,
          userAgent: request.headers.get("user-agent"),
          requestId: info.requestId,
          deviceToken: readCookie(request, DEVICE_COOKIE),
        },
      ),
    form,
  );
  if (!("ok" in result) || !result.ok) return result;
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(result.value.token, context));
  headers.append(
    "Set-Cookie",
    serializeCookie(DEVICE_COOKIE, result.value.deviceToken, info, {
      maxAgeSeconds: Math.floor(KNOWN_DEVICE_TTL_MS / 1000),
    }),
  );
  throw redirect(safeReturnPath(form.get("volver")), { headers });
}

const NOTICES: Record<string, MessageKey> = {
  salida: "auth.signed_out",
  restablecida: "auth.reset.done",
  expirada: "auth.session_expired",
};

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const notice = loaderData.notice ? NOTICES[loaderData.notice] : undefined;
  return (
    <section className="narrow stack">
      <h1>{t("auth.sign_in.title")}</h1>
      {notice ? (
        <div className="alert alert-ok" role="status">
          {t(notice)}
        </div>
      ) : null}
      <FormMessage failure={failure} />
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="volver" value={loaderData.returnTo} />
        <Field
          name="email"
          label={t("auth.sign_in.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          failure={failure}
        />
        <Field
          name="password"
          label={t("auth.sign_in.password")}
          type="password"
          autoComplete="current-password"
          required
          failure={failure}
        />
        <SubmitButton>{t("auth.sign_in.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/recuperar">{t("auth.sign_in.forgot")}</Link>
      </p>
    </section>
  );
}
