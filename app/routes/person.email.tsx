import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import {
  cancelEmailChange,
  confirmProposalSignedIn,
  getEmailChangePage,
  proposeEmailChange,
  requestOwnEmailChange,
  startAccountRecovery,
} from "~/modules/accounts";
import {
  CheckboxField,
  Field,
  FormMessage,
  failureOf,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { load, perform, readForm } from "../lib/actions.server";
import { requestInfoContext } from "../lib/context";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/person.email";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accounts.email.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const page = await load(() => getEmailChangePage(actor, params.personId));
  return { ...page, notice: new URL(request.url).searchParams.get("aviso") };
}

const INTENTS = ["own", "propose", "recover", "cancel", "confirm"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = INTENTS.find((i) => i === form.get("intent"));
  const info = context.get(requestInfoContext);
  const personId = params.personId;
  const run: Record<Intent, () => Promise<void>> = {
    own: () =>
      requestOwnEmailChange(actor, personId, {
        newEmail: form.get("newEmail"),
        password: form.get("password"),
      }),
    propose: () => proposeEmailChange(actor, personId, { newEmail: form.get("newEmail") }),
    recover: () =>
      startAccountRecovery(actor, personId, {
        newEmail: form.get("newEmail"),
        reason: form.get("reason"),
        verified: form.get("verified") ?? undefined,
      }),
    cancel: () => cancelEmailChange(actor, personId),
    confirm: () => confirmProposalSignedIn(actor, personId, { ip: info.ip, requestId: info.requestId }),
  };
  // An unknown intent is what the page offers least: the person's own change, refused field by field.
  const chosen = intent ?? "own";
  const result = await perform(run[chosen], form);
  if ("ok" in result && result.ok) throw redirect(`/personas/${personId}/correo?aviso=${chosen}`);
  return result;
}

const NOTICES: Record<Intent, MessageKey> = {
  own: "accounts.email.sent_own",
  propose: "accounts.email.sent_proposal",
  recover: "accounts.email.sent_recovery",
  cancel: "accounts.email.cancelled",
  confirm: "accounts.email.changed",
};

export default function PersonEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { person, may, isSelf, pending } = loaderData;
  const failed = failureOf(actionData);
  // The refused form shows its messages where they were typed; a refusal of anything else (a body that
  // could not be read, an answer to a change, an intent no form sends) is shown on top of the page.
  const forms: Partial<Record<Intent, boolean>> = {
    own: may.changeOwn,
    propose: may.propose,
    recover: may.recover,
  };
  const answeredIntent = INTENTS.find((i) => i === failed?.values.intent && forms[i]);
  const failureFor = (intent: Intent) => (answeredIntent === intent ? failed : undefined);
  const notice = INTENTS.find((i) => i === loaderData.notice);
  const name = `${person.givenNames} ${person.familyNames}`;
  return (
    <div className="stack">
      <h1>{isSelf ? t("accounts.email.title_self") : t("accounts.email.title_other", { name })}</h1>
      {notice ? (
        <div className="alert alert-ok" role="status">
          {t(NOTICES[notice])}
        </div>
      ) : null}
      {failed && !answeredIntent ? <FormMessage failure={failed} /> : null}
      <p>{t("accounts.email.current", { email: person.email })}</p>

      {pending ? (
        <section className="card stack" aria-labelledby="pending-title">
          <h2 id="pending-title">{t("accounts.email.pending_title")}</h2>
          <p>
            {t(`accounts.email.pending.${pending.kind}${isSelf ? "_self" : ""}`, {
              email: pending.newEmail,
              by: pending.requestedBy,
              date: f.dateTime(pending.expiresAt),
            })}
          </p>
          <div className="actions">
            {isSelf && pending.kind === "proposal" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="confirm" />
                <SubmitButton>{t("accounts.email.confirm_proposal")}</SubmitButton>
              </Form>
            ) : null}
            {isSelf || pending.requestedByActor ? (
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <button type="submit" className="button button-secondary">
                  {t(
                    isSelf && pending.kind === "proposal"
                      ? "accounts.email.decline"
                      : "accounts.email.cancel",
                  )}
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      {may.changeOwn ? (
        <section className="card stack" aria-labelledby="own-title">
          <h2 id="own-title">{t("accounts.email.own_title")}</h2>
          <p className="hint">{t("accounts.email.own_intro")}</p>
          <FormMessage failure={failureFor("own")} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="own" />
            <Field
              name="newEmail"
              label={t("accounts.email.new")}
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              failure={failureFor("own")}
            />
            <Field
              name="password"
              label={t("accounts.email.password")}
              type="password"
              autoComplete="current-password"
              required
              failure={failureFor("own")}
            />
            <div className="actions">
              <SubmitButton>{t("accounts.email.send_link")}</SubmitButton>
              <Link to={`/personas/${person.id}`}>{t("action.cancel")}</Link>
            </div>
          </Form>
        </section>
      ) : null}

      {may.propose ? (
        <section className="card stack" aria-labelledby="propose-title">
          <h2 id="propose-title">{t("accounts.email.propose_title")}</h2>
          <p className="hint">{t("accounts.email.propose_intro", { name: person.givenNames })}</p>
          <FormMessage failure={failureFor("propose")} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="propose" />
            <Field
              name="newEmail"
              label={t("accounts.email.proposed")}
              type="email"
              inputMode="email"
              required
              failure={failureFor("propose")}
            />
            <div className="actions">
              <SubmitButton>{t("accounts.email.send_proposal")}</SubmitButton>
              <Link to={`/personas/${person.id}`}>{t("action.cancel")}</Link>
            </div>
          </Form>
        </section>
      ) : null}

      {may.recover ? (
        <section className="card stack" aria-labelledby="recover-title">
          <h2 id="recover-title">{t("accounts.email.recover_title")}</h2>
          <p className="hint">{t("accounts.email.recover_intro")}</p>
          <FormMessage failure={failureFor("recover")} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="recover" />
            <Field
              name="newEmail"
              label={t("accounts.email.new")}
              type="email"
              inputMode="email"
              required
              failure={failureFor("recover")}
            />
            <TextAreaField
              name="reason"
              label={t("accounts.email.reason")}
              hint={t("accounts.email.reason_hint")}
              maxLength={1000}
              required
              failure={failureFor("recover")}
            />
            <CheckboxField
              name="verified"
              label={t("accounts.email.verified")}
              failure={failureFor("recover")}
            />
            <div className="actions">
              <SubmitButton>{t("accounts.email.start_recovery")}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
