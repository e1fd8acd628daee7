import { Form, Link, redirect } from "react-router";
import { deletionRequestPage, REASON_MAX, requestDeletion } from "../../src/modules/privacy";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
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
  const confirmError = failure?.fieldErrors.confirm;
  const reasonError = failure?.fieldErrors.reason;
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
            <div className={`field${reasonError ? " field-invalid" : ""}`}>
              <label htmlFor="reason">
                {t("privacy.deletion.reason")} <span className="muted">{t("field.optional")}</span>
              </label>
              <p className="hint" id="reason-hint">
                {t("privacy.deletion.reason_hint")}
              </p>
              <textarea
                id="reason"
                name="reason"
                rows={3}
                maxLength={loaderData.reasonMax}
                defaultValue={failure?.values.reason ?? ""}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? "reason-hint reason-error" : "reason-hint"}
              />
              {reasonError ? (
                <p className="field-error" id="reason-error">
                  {t(reasonError, failure?.params)}
                </p>
              ) : null}
            </div>
            <div className={`field${confirmError ? " field-invalid" : ""}`}>
              <label className="choice">
                <input
                  type="checkbox"
                  name="confirm"
                  defaultChecked={failure?.values.confirm === "on"}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? "confirm-error" : undefined}
                />{" "}
                {t("privacy.deletion.confirm")}
              </label>
              {confirmError ? (
                <p className="field-error" id="confirm-error">
                  {t(confirmError)}
                </p>
              ) : null}
            </div>
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
