import { Link, redirect } from "react-router";
import { setPreferredLocale } from "~/modules/people";
import { isLocale } from "~/platform/i18n/i18n";
import { FormMessage, failureOf } from "../components/form";
import { readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { serializeCookie } from "../lib/cookies.server";
import { useT } from "../lib/i18n";
import { LANGUAGE_COOKIE, safeReturnPath, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/language";

export async function loader() {
  throw redirect("/");
}

/** The language switch: a cookie for a year, then back to the page the person was on. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const locale = form.get("locale");
  const back = safeReturnPath(form.get("volver"));
  if (!isLocale(locale)) throw redirect(back);
  const { actor } = sessionOf(context);
  if (actor) await setPreferredLocale(actor, locale);
  throw redirect(back, {
    headers: {
      "Set-Cookie": serializeCookie(LANGUAGE_COOKIE, locale, context.get(requestInfoContext), {
        maxAgeSeconds: 60 * 60 * 24 * 365,
      }),
    },
  });
}

/** Only seen when the switch's body could not be read (too large, malformed): the reason, and a way on. */
export default function Language({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <FormMessage failure={failureOf(actionData)} />
      <p>
        <Link to="/">{t("nav.home")}</Link>
      </p>
    </div>
  );
}
