// /inscripciones/cancelar/:token: the link of a registration's email. GET asks, POST cancels (a link
// opened by a mail scanner changes nothing). No sign-in, no JavaScript.
import { Form } from "react-router";
import { cancelRegistration } from "~/modules/learning";
import { FormMessage, failureOf, SubmitButton } from "../components/form";
import { perform, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/registration.cancel";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.cancel.title") },
  { name: "robots", content: "noindex" },
];

export async function action({ request, params }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await perform(() => cancelRegistration(params.token), form);
  if ("ok" in result && result.ok) return { cancelled: true as const };
  return result;
}

export default function CancelRegistration({ actionData }: Route.ComponentProps) {
  const t = useT();
  const cancelled = actionData && "cancelled" in actionData;
  return (
    <section className="narrow stack">
      <h1>{t("learning.cancel.title")}</h1>
      {cancelled ? (
        <p className="alert alert-ok" role="status">
          {t("learning.cancel.done")}
        </p>
      ) : (
        <>
          <FormMessage failure={failureOf(actionData)} />
          <p>{t("learning.cancel.ask")}</p>
          <Form method="post">
            <SubmitButton>{t("learning.cancel.submit")}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
