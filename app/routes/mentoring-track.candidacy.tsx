// /mentoria/certificacion/candidaturas/:candidacyId: a candidacy's progress item by item, each linked to
// its evidence, for the candidate, the supervisor and coordinators; coordinators record the interview,
// assign the supervisor, certify (a mentor certificate issued through learning) and revoke (issue #18).
import { Form, Link, redirect } from "react-router";
import { revokeCertificate } from "~/modules/learning";
import { candidacyPage, certifyCandidacy, recordInterview, setSupervisor } from "~/modules/mentoring";
import { NotFoundError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { requirementLabel } from "../components/mentor-track-form";
import { PlainText } from "../components/plain-text";
import { load, perform, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.candidacy";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.candidacy.progress") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => ({
    ...(await candidacyPage(actor, params.candidacyId)),
    notice: new URL(request.url).searchParams.get("aviso"),
  }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = form.get("intent");
  const here = `/mentoria/certificacion/candidaturas/${params.candidacyId}`;
  if (intent === "certify") {
    const result = await performOnce(() => certifyCandidacy(actor, params.candidacyId), form);
    if ("ok" in result && result.ok) throw redirect(`${here}?aviso=certificado`);
    return result;
  }
  if (intent === "revoke") {
    const result = await perform(async () => {
      const page = await candidacyPage(actor, params.candidacyId);
      // only this candidacy's certificate, by whoever may manage it (learning checks again)
      if (!page.can.manage || !page.candidacy.certificate) throw new NotFoundError();
      await revokeCertificate(actor, page.candidacy.certificate.id, formToObject(form));
    }, form);
    if ("ok" in result && result.ok) throw redirect(`${here}?aviso=revocado`);
    return result;
  }
  if (intent === "supervisor") {
    const result = await perform(() => setSupervisor(actor, params.candidacyId, formToObject(form)), form);
    if ("ok" in result && result.ok) throw redirect(`${here}?aviso=guardado`);
    return result;
  }
  const result = await perform(() => recordInterview(actor, params.candidacyId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`${here}?aviso=guardado`);
  return result;
}

export default function Candidacy({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { candidacy: c, items, complete, evidence, can, notice } = loaderData;
  const failure = failureOf(actionData);
  const intent = failure?.values.intent;
  const of = (name: string) => (intent === name ? failure : undefined);
  const top =
    failure && !["interview", "supervisor", "revoke"].includes(String(intent)) ? failure : undefined;
  const notices: Record<string, string> = {
    certificado: t("mentoringTrack.notice.certified"),
    revocado: t("mentoringTrack.notice.revoked"),
    guardado: t("mentoringTrack.notice.saved"),
  };
  return (
    <div className="stack">
      <p>
        {can.manage ? (
          <Link to={`/mentoria/certificacion/${c.trackId}`}>{c.title}</Link>
        ) : (
          <Link to="/mentoria/certificacion">{t("mentoringTrack.title")}</Link>
        )}
      </p>
      <h1>{t("mentoringTrack.candidacy.heading", { name: c.name, track: c.title })}</h1>
      {notice && notices[notice] ? (
        <p className="alert alert-ok" role="status">
          {notices[notice]}
        </p>
      ) : null}
      <FormMessage failure={top} />
      <p className="muted">
        {t("mentoringTrack.candidacy.started", { date: f.day(c.startedOn) })} ·{" "}
        {t("mentoringTrack.hours", { hours: c.hours })}
        {c.supervisor ? ` · ${t("mentoringTrack.supervised_by", { name: c.supervisor })}` : ""}
      </p>

      <section className="stack" aria-labelledby="progress">
        <h2 id="progress">{t("mentoringTrack.candidacy.progress")}</h2>
        {items.length === 0 ? <p className="muted">{t("mentoringTrack.requirements_none")}</p> : null}
        <ol className="stack">
          {items.map((i) => (
            <li key={i.requirementId} className="card stack">
              <p>
                <strong>
                  {requirementLabel(t, { kind: i.kind, courseTitle: i.courseTitle, count: i.need })}
                </strong>
              </p>
              <p>
                <span className={i.met ? "badge badge-ok" : "badge"}>
                  {i.met ? t("mentoringTrack.item.met") : t("mentoringTrack.item.unmet")}
                </span>{" "}
                {t("mentoringTrack.item.count", { have: i.have, need: i.need })}
              </p>
              {i.kind === "course_completed" ? (
                <EvidenceList
                  empty={t("mentoringTrack.evidence.none")}
                  items={evidence.certificates
                    .filter((z) => z.courseId === i.courseId)
                    .map((z) => ({
                      key: z.code,
                      to: `/certificados/${z.code}`,
                      label: t("mentoringTrack.evidence.certificate", {
                        code: z.code,
                        date: f.date(z.issuedAt),
                      }),
                    }))}
                />
              ) : i.kind === "meetings_recorded" ? (
                <EvidenceList
                  empty={t("mentoringTrack.evidence.none")}
                  items={evidence.meetings.map((m) => ({
                    key: m.id,
                    // the candidate opens their observation; a reviewer, the meeting's record to review it
                    to: c.own ? `/observaciones/${m.observationId}` : `/mentoria/revisiones/reunion/${m.id}`,
                    label: t("mentoringTrack.evidence.meeting", { date: f.date(m.heldAt), school: m.school }),
                    extra: m.reviews
                      ? t("mentoringTrack.evidence.reviewed", { count: m.reviews })
                      : undefined,
                  }))}
                />
              ) : i.kind === "meetings_reviewed" ? (
                <EvidenceList
                  empty={t("mentoringTrack.evidence.none")}
                  items={evidence.reviews.map((r) => ({
                    key: r.id,
                    to: `/mentoria/revisiones/${r.id}`,
                    label: t("mentoringTrack.evidence.review", {
                      reviewer: r.reviewer,
                      date: f.date(r.heldAt),
                    }),
                  }))}
                />
              ) : c.interviewOn ? (
                <div className="stack">
                  <p>
                    {t("mentoringTrack.evidence.interview", {
                      date: f.day(c.interviewOn),
                      name: c.interviewer ?? "",
                    })}
                  </p>
                  {c.interviewNotes ? <PlainText text={c.interviewNotes} /> : null}
                </div>
              ) : (
                <p className="muted">{t("mentoringTrack.evidence.none")}</p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="stack" aria-labelledby="certification">
        <h2 id="certification">{t("mentoringTrack.certify.title")}</h2>
        {c.certifiedAt ? (
          <>
            <p>{t("mentoringTrack.certify.done", { date: f.date(c.certifiedAt) })}</p>
            {c.certificate ? (
              <ul className="stack">
                <li>
                  <Link to={`/certificados/${c.certificate.code}`}>
                    {t("mentoringTrack.certificate.link", { code: c.certificate.code })}
                  </Link>
                </li>
                {c.certificate.revokedAt ? (
                  <li>
                    {t("mentoringTrack.certificate.revoked", { date: f.date(c.certificate.revokedAt) })}
                  </li>
                ) : c.own || can.manage ? (
                  <>
                    <li>
                      <a href={`/certificados/${c.certificate.code}/descargar`}>
                        {t("mentoringTrack.certificate.download")}
                      </a>
                    </li>
                    <li>
                      <a href={`/certificados/${c.certificate.code}/credencial`}>
                        {t("mentoringTrack.certificate.credential")}
                      </a>
                    </li>
                  </>
                ) : null}
              </ul>
            ) : null}
            {can.manage && c.certificate && !c.certificate.revokedAt ? (
              <Form method="post" className="stack card narrow" noValidate>
                <input type="hidden" name="intent" value="revoke" />
                <FormMessage failure={of("revoke")} />
                <TextAreaField
                  name="reason"
                  label={t("mentoringTrack.revoke.reason")}
                  maxLength={500}
                  rows={2}
                  failure={of("revoke")}
                />
                <SubmitButton>{t("mentoringTrack.revoke.submit")}</SubmitButton>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <p>{complete ? t("mentoringTrack.certify.ready") : t("mentoringTrack.certify.not_ready")}</p>
            {can.manage && complete ? (
              <Form method="post">
                <RequestKey />
                <input type="hidden" name="intent" value="certify" />
                <SubmitButton>{t("mentoringTrack.certify.submit")}</SubmitButton>
              </Form>
            ) : null}
          </>
        )}
      </section>

      {can.manage && !c.certifiedAt ? (
        <>
          <section className="stack narrow" aria-labelledby="interview">
            <h2 id="interview">{t("mentoringTrack.interview.title")}</h2>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="interview" />
              <FormMessage failure={of("interview")} />
              <Field
                name="interviewOn"
                type="date"
                label={t("mentoringTrack.field.interview_on")}
                required
                defaultValue={c.interviewOn}
                failure={of("interview")}
              />
              <TextAreaField
                name="interviewNotes"
                label={t("mentoringTrack.field.interview_notes")}
                maxLength={4000}
                defaultValue={c.interviewNotes}
                failure={of("interview")}
              />
              <SubmitButton>{t("mentoringTrack.interview.submit")}</SubmitButton>
            </Form>
          </section>
          <section className="stack narrow" aria-labelledby="supervisor">
            <h2 id="supervisor">{t("mentoringTrack.supervisor.title")}</h2>
            <p className="hint">{t("mentoringTrack.supervisor.hint")}</p>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="supervisor" />
              <FormMessage failure={of("supervisor")} />
              <Field
                name="supervisorEmail"
                type="email"
                label={t("mentoringTrack.field.supervisor_email")}
                maxLength={320}
                defaultValue={c.supervisorEmail}
                failure={of("supervisor")}
              />
              <SubmitButton>{t("mentoringTrack.supervisor.submit")}</SubmitButton>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

function EvidenceList({
  items,
  empty,
}: {
  items: Array<{ key: string; to: string; label: string; extra?: string }>;
  empty: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="stack">
      {items.map((e) => (
        <li key={e.key}>
          <Link to={e.to}>{e.label}</Link>
          {e.extra ? <span className="muted"> · {e.extra}</span> : null}
        </li>
      ))}
    </ul>
  );
}
