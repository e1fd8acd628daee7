import { Form, Link, redirect } from "react-router";
import { deletionRequestPage, REASON_MAX, requestDeletion } from "~/modules/privacy";
import {
  CheckboxField,
  FormMessage,
  failureOf,
  RequestKey,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/person.deletion";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "privacy.deletion.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const page = await load(() => deletionRequestPage(actor, params.personId));
  return { ...page, reasonMax: REASON_MAX, sent: new URL(request.url).searchParams.has("enviada") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () =>
      requestDeletion(actor, params.personId, { confirm: form.get("confirm"), reason: form.get("reason") }),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/personas/${params.personId}/eliminar-datos?enviada=1`);
  return result;
}

export default function PersonDeletion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const failure = failureOf(actionData);
  const { latest, personId } = loaderData;
  const pending = latest?.status === "pending";
  return (
    <div className="stack">
      <h1>{t("privacy.deletion.title")}</h1>
      {loaderData.sent && pending ? (
        <div className="alert alert-ok" role="status">
          {t("privacy.deletion.sent")}
        </div>
      ) : null}
      {pending && latest ? (
        <p>{t("privacy.deletion.pending", { date: f.date(latest.requestedAt) })}</p>
      ) : (
        <>
          {latest?.status === "rejected" && latest.handledAt ? (
            <p className="hint">
              {t("privacy.deletion.last_rejected", {
                date: f.date(latest.handledAt),
                note: latest.decisionNote ?? "",
              })}
            </p>
          ) : null}
          <p>{t("privacy.deletion.intro")}</p>
          <p>
            {t("privacy.deletion.before")}{" "}
            <a href={`/personas/${personId}/mis-datos.zip`} download>
              {t("privacy.profile.download")}
            </a>
          </p>
          <Form method="post" className="card stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <TextAreaField
              name="reason"
              label={t("privacy.deletion.reason")}
              hint={t("privacy.deletion.reason_hint")}
              failure={failure}
              maxLength={loaderData.reasonMax}
            />
            <CheckboxField name="confirm" label={t("privacy.deletion.confirm")} failure={failure} />
            <SubmitButton>{t("privacy.deletion.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to={`/personas/${personId}`}>{t("privacy.deletion.back")}</Link>
      </p>
    </div>
  );
}
