import { Form, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import { getPrivacyRequest, handlePrivacyRequest, REASON_MAX } from "~/modules/privacy";
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
import type { Route } from "./+types/privacy.request";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "privacy.request.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const row = await load(() => getPrivacyRequest(actor, params.requestId));
  return { request: row, reasonMax: REASON_MAX, notice: new URL(request.url).searchParams.get("aviso") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const decision = form.get("intent") === "reject" ? "reject" : "anonymize";
  const result = await performOnce(
    () =>
      handlePrivacyRequest(actor, params.requestId, decision, {
        confirm: form.get("confirm"),
        note: form.get("note"),
      }),
    form,
  );
  if ("ok" in result && result.ok)
    throw redirect(`/privacidad/solicitudes/${params.requestId}?aviso=${result.value}`);
  return result;
}

const NOTICES: Record<string, MessageKey> = {
  anonymized: "privacy.request.anonymized",
  rejected: "privacy.request.rejected",
};

export default function PrivacyRequest({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const r = loaderData.request;
  const failure = failureOf(actionData);
  // which of the two forms was sent: its hidden "intent" comes back with what was typed
  const decision = failure?.values.intent === "reject" ? "reject" : "anonymize";
  const anonymizeFailure = decision === "anonymize" ? failure : undefined;
  const rejectFailure = decision === "reject" ? failure : undefined;
  const notice = loaderData.notice ? NOTICES[loaderData.notice] : undefined;
  return (
    <div className="stack">
      <h1>{t("privacy.request.title")}</h1>
      {notice ? (
        <div className="alert alert-ok" role="status">
          {t(notice)}
        </div>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("privacy.request.person")}</dt>
          <dd>{r.person ? `${r.person.givenNames} ${r.person.familyNames}` : ""}</dd>
          <dt>{t("privacy.request.email")}</dt>
          <dd>{r.person?.email}</dd>
          <dt>{t("privacy.request.requested_at")}</dt>
          <dd>{f.date(r.requestedAt)}</dd>
          <dt>{t("privacy.requests.status")}</dt>
          <dd>{t(`privacy.status.${r.status}`)}</dd>
          {r.status === "pending" ? (
            <>
              <dt>{t("privacy.request.due")}</dt>
              <dd>{f.date(r.dueAt)}</dd>
            </>
          ) : null}
          <dt>{t("privacy.request.reason")}</dt>
          <dd>{r.reason || t("privacy.request.no_reason")}</dd>
          {r.decisionNote ? (
            <>
              <dt>{t("privacy.request.decision_note")}</dt>
              <dd>{r.decisionNote}</dd>
            </>
          ) : null}
        </dl>
        {r.handledAt ? (
          <p className="hint">
            {t("privacy.request.handled", { date: f.date(r.handledAt), name: r.handledBy ?? "" })}
          </p>
        ) : null}
      </section>
      {r.status !== "pending" ? <FormMessage failure={failure} /> : null}
      {r.status === "pending" ? (
        <>
          <Form method="post" className="card stack" noValidate>
            <RequestKey />
            <h2>{t("privacy.request.anonymize_title")}</h2>
            <p>{t("privacy.request.anonymize_intro")}</p>
            <FormMessage failure={anonymizeFailure} />
            <input type="hidden" name="intent" value="anonymize" />
            <CheckboxField
              name="confirm"
              label={t("privacy.request.anonymize_confirm")}
              failure={anonymizeFailure}
            />
            <SubmitButton>{t("privacy.request.anonymize")}</SubmitButton>
          </Form>
          <Form method="post" className="card stack" noValidate>
            <RequestKey />
            <h2>{t("privacy.request.reject_title")}</h2>
            <p>{t("privacy.request.reject_intro")}</p>
            <FormMessage failure={rejectFailure} />
            <input type="hidden" name="intent" value="reject" />
            <TextAreaField
              name="note"
              label={t("privacy.request.reject_note")}
              failure={rejectFailure}
              maxLength={loaderData.reasonMax}
              required
            />
            <SubmitButton>{t("privacy.request.reject")}</SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}
