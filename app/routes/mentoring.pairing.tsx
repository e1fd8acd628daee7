// /mentoria/duplas/:pairingId (issue #18): a pairing and its sessions, for its teacher, its mentor while
// it is in force, and coordinators (who change its end date or end it now, here).
import { Form, Link, redirect } from "react-router";
import { changePairingEnd, endPairing, pairingPage } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, SubmitButton } from "../components/form";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring.pairing";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoring.sessions.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const notice = new URL(request.url).searchParams.get("aviso");
  return load(async () => ({ ...(await pairingPage(actor, params.pairingId)), notice }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "end") {
    const result = await perform(() => endPairing(actor, params.pairingId), form);
    if ("ok" in result && result.ok) throw redirect(`/mentoria/duplas/${params.pairingId}?aviso=terminada`);
    return result;
  }
  const result = await perform(() => changePairingEnd(actor, params.pairingId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/mentoria/duplas/${params.pairingId}?aviso=guardada`);
  return result;
}

export default function Pairing({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { pairing, sessions, canLog, canManage, notice } = loaderData;
  const failure = failureOf(actionData);
  const status = {
    in_force: t("mentoring.status.in_force"),
    upcoming: t("mentoring.status.upcoming"),
    ended: t("mentoring.status.ended"),
  }[pairing.status];
  return (
    <div className="stack narrow">
      <p>
        <Link to={canManage ? "/mentoria/duplas" : "/mentoria"}>
          {canManage ? t("mentoring.pairings.title") : t("mentoring.title")}
        </Link>
      </p>
      <h1>{t("mentoring.pairing.title", { mentor: pairing.mentorName, teacher: pairing.teacherName })}</h1>
      <p>
        {t("mentoring.pairing.school", { school: pairing.schoolName })} ·{" "}
        {pairing.endsOn
          ? t("mentoring.pairings.from_to", { start: f.day(pairing.startsOn), end: f.day(pairing.endsOn) })
          : t("mentoring.pairings.from", { start: f.day(pairing.startsOn) })}{" "}
        · {status}
        {pairing.endedAt ? (
          <> · {t("mentoring.pairing.ended_at", { date: f.date(pairing.endedAt) })}</>
        ) : null}
      </p>
      {notice === "guardada" ? (
        <p className="alert alert-ok" role="status">
          {t("mentoring.pairing.saved")}
        </p>
      ) : notice === "terminada" ? (
        <p className="alert alert-ok" role="status">
          {t("mentoring.pairing.ended_ok")}
        </p>
      ) : null}
      <FormMessage failure={failure} />

      <section className="stack">
        <h2>{t("mentoring.sessions.title")}</h2>
        {canLog ? (
          <p>
            <Link className="button" to={`/mentoria/duplas/${pairing.id}/sesiones/nueva`}>
              {t("mentoring.sessions.new")}
            </Link>
          </p>
        ) : null}
        {sessions.length === 0 ? <p>{t("mentoring.sessions.none")}</p> : null}
        <ul className="rows">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/mentoria/sesiones/${s.id}`}>{f.day(s.heldOn)}</Link> · {s.focus}
              {s.nextOn ? (
                <span className="muted"> · {t("mentoring.sessions.next_on", { date: f.day(s.nextOn) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {canManage && !pairing.endedAt ? (
        <>
          <Form method="post" className="stack card" noValidate>
            <h2>{t("mentoring.pairing.change_end")}</h2>
            <input type="hidden" name="intent" value="end_date" />
            <Field
              name="endsOn"
              type="date"
              label={t("mentoring.field.ends_on")}
              failure={failure}
              defaultValue={pairing.endsOn}
            />
            <SubmitButton>{t("mentoring.pairing.change_end_submit")}</SubmitButton>
          </Form>
          <Form method="post" className="stack card">
            <h2>{t("mentoring.pairing.end_now")}</h2>
            <p>{t("mentoring.pairing.end_now_hint")}</p>
            <input type="hidden" name="intent" value="end" />
            <SubmitButton>{t("mentoring.pairing.end_now")}</SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}
