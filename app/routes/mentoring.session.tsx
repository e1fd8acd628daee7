// /mentoria/sesiones/:sessionId (issue #18): a mentoring session and its comments, for the mentee, the
// mentor while the pairing is in force, and coordinators; the mentee and the mentor comment here.
import { Form, Link, redirect } from "react-router";
import { commentOnSession, sessionPage } from "~/modules/mentoring";
import { SESSION_LIMITS } from "~/modules/mentoring/content";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { PlainText } from "../components/plain-text";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring.session";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoring.sessions.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const notice = new URL(request.url).searchParams.get("aviso");
  return load(async () => ({ ...(await sessionPage(actor, params.sessionId)), notice }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => commentOnSession(actor, params.sessionId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/sesiones/${params.sessionId}#comentarios`);
  return result;
}

export default function Session({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { session, pairing, comments, canEdit, canComment, notice } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/mentoria/duplas/${session.pairingId}`}>{t("mentoring.session.back")}</Link>
      </p>
      <h1>{t("mentoring.session.title", { date: f.day(session.heldOn) })}</h1>
      {pairing ? (
        <p className="muted">
          {t("mentoring.session.with", { mentor: pairing.mentorName, teacher: pairing.teacherName })}
        </p>
      ) : null}
      {notice === "guardada" ? (
        <p className="alert alert-ok" role="status">
          {t("mentoring.session.saved")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("mentoring.field.focus")}</dt>
        <dd>{session.focus}</dd>
        {session.agreements ? (
          <>
            <dt>{t("mentoring.field.agreements")}</dt>
            <dd>
              <PlainText text={session.agreements} />
            </dd>
          </>
        ) : null}
        {session.nextStep ? (
          <>
            <dt>{t("mentoring.field.next_step")}</dt>
            <dd>
              <PlainText text={session.nextStep} />
            </dd>
          </>
        ) : null}
        {session.nextOn ? (
          <>
            <dt>{t("mentoring.field.next_on")}</dt>
            <dd>{f.day(session.nextOn)}</dd>
          </>
        ) : null}
      </dl>
      {canEdit ? (
        <p>
          <Link to={`/mentoria/sesiones/${session.id}/editar`}>{t("mentoring.session.edit")}</Link>
        </p>
      ) : null}
      <section className="stack" id="comentarios">
        <h2>{t("mentoring.comments.title")}</h2>
        {comments.length === 0 ? <p className="muted">{t("mentoring.comments.none")}</p> : null}
        <ul className="rows">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="muted">
                {c.authorName} · {f.dateTime(c.createdAt)}
              </p>
              <PlainText text={c.body} />
            </li>
          ))}
        </ul>
        {canComment ? (
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <TextAreaField
              name="body"
              required
              maxLength={SESSION_LIMITS.comment}
              label={t("mentoring.comments.field")}
              failure={failure}
            />
            <SubmitButton>{t("mentoring.comments.submit")}</SubmitButton>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
