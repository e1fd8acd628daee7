import { Form, redirect } from "react-router";
import { emailLinkJustUsed, getEmailUndoByToken, undoEmailChange } from "~/modules/accounts";
import { FormMessage, failureOf, SubmitButton } from "../components/form";
import { LinkPage } from "../components/link-page";
import { perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useT } from "../lib/i18n";
import type { Route } from "./+types/email.undo";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accounts.email.undo_title") },
  { name: "referrer", content: "no-referrer" },
];

/** Opening the link changes nothing: the undo waits for the button. */
export async function loader({ params, request }: Route.LoaderArgs) {
  // "Done" only for a link that was just used: ?hecho=1 on any other address shows the link's own state.
  const done =
    new URL(request.url).searchParams.has("hecho") && (await emailLinkJustUsed(params.token, "undo"));
  return { change: done ? null : await getEmailUndoByToken(params.token), done };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const info = context.get(requestInfoContext);
  const result = await perform(
    () => undoEmailChange(params.token, { ip: info.ip, requestId: info.requestId }),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/correo/deshacer/${params.token}?hecho=1`);
  return result;
}

export default function UndoEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { change, done } = loaderData;
  const title = t("accounts.email.undo_title");
  if (done) return <LinkPage title={title} ok message={t("accounts.email.undone")} />;
  if (!change || failure?.message === "accounts.email.link_invalid") {
    return (
      <LinkPage
        title={title}
        ok={false}
        message={t("accounts.email.link_invalid")}
        next={{ to: "/", label: t("nav.home") }}
      />
    );
  }
  return (
    <section className="narrow stack">
      <h1>{t("accounts.email.undo_title")}</h1>
      <p>
        {t(change.applied ? "accounts.email.undo_intro" : "accounts.email.undo_recovery_intro", {
          name: change.givenNames,
          old: change.oldEmail,
          new: change.newEmail,
        })}
      </p>
      <FormMessage failure={failure} />
      <Form method="post" className="card">
        <SubmitButton>
          {t(change.applied ? "accounts.email.undo_submit" : "accounts.email.cancel_recovery")}
        </SubmitButton>
      </Form>
    </section>
  );
}
