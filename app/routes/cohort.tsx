// /cursos/:courseId/versiones/:cohortId: a cohort for those who run it. Each confirmed person's
// attendance against the course's rule and their certificate; the coordinator asks for the
// certificates (a job: the page shows its progress and reloads itself while it runs, without
// JavaScript), revokes one with a reason or issues it again.
import { Form, Link } from "react-router";
import {
  announceToCohort,
  cohortActivities,
  cohortAnnouncementsOf,
  cohortForFacilitation,
  cohortLessonProgress,
  courseForManagement,
  enrolFromFile,
  enrolInCohort,
  reissueCertificate,
  requestCertificates,
  revokeCertificate,
} from "~/modules/learning";
import { MAX_FILE_BYTES } from "~/modules/people";
import { DomainError, ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { ScrollTable } from "../components/dashboard";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { RegistrationFields } from "../components/registration-fields";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/cohort";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.cohort.courseTitle} · ${loaderData.cohort.name} · Impulso`
      : pageTitle(matches, "learning.manage.title"),
  },
  // while certificates are being issued the page reloads itself to show the progress
  ...(loaderData?.run && (loaderData.run.status === "pending" || loaderData.run.status === "running")
    ? [{ httpEquiv: "refresh", content: "3" } as const]
    : []),
];

async function cohortPage(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const actor = requireActor(request, context);
  const page = await load(() => cohortForFacilitation(actor, params.cohortId));
  if (page.cohort.courseId !== params.courseId) throw new Response(null, { status: 404 });
  return { actor, page };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, page } = await cohortPage(request, context, params);
  const { cohorts } = await courseForManagement(actor, params.courseId);
  const sessions = cohorts.find((c) => c.id === params.cohortId)?.sessions ?? [];
  const announcements = page.can.facilitate ? await cohortAnnouncementsOf(actor, params.cohortId) : [];
  const [progress, activities] = await Promise.all([
    cohortLessonProgress(actor, params.cohortId),
    cohortActivities(actor, params.cohortId),
  ]);
  return { ...page, sessions, announcements, progress, activities };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor } = await cohortPage(request, context, params);
  const form = await readForm(request, {
    // a list of people to enrol is a file (the roster import's limit)
    maxBytes: MAX_FILE_BYTES + 64 * 1024,
    tooLarge: new DomainError(
      "roster.errors.file_too_large",
      { file: "roster.errors.file_too_large" },
      { max: "5 MB" },
    ),
  });
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const certificateId = String(form.get("certificateId") ?? "");
  const input = formToObject(form);
  const result = await performOnce(async () => {
    if (intent === "enrol")
      return { done: "enrol" as const, ...(await enrolInCohort(actor, params.cohortId, input)) };
    if (intent === "enrol_file") {
      const file = form.get("file");
      const upload =
        file && typeof file === "object"
          ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
          : { fileName: "", bytes: new Uint8Array() };
      return { done: "enrol_file" as const, report: await enrolFromFile(actor, params.cohortId, upload) };
    }
    if (intent === "announce")
      return { done: "announce" as const, ...(await announceToCohort(actor, params.cohortId, input)) };
    if (intent === "issue")
      return { done: "issue" as const, ...(await requestCertificates(actor, params.cohortId)) };
    if (intent === "revoke") {
      await revokeCertificate(actor, certificateId, input);
      return { done: "revoke" as const };
    }
    if (intent === "reissue")
      return { done: "reissue" as const, ...(await reissueCertificate(actor, certificateId, input)) };
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) return result.value;
  return result;
}

export default function Cohort({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { cohort, people, revoked, run, can, sessions, announcements, progress, activities } = loaderData;
  const failure = failureOf(actionData);
  const done = actionData && "done" in actionData ? actionData : null;
  const failedOn = (certificateId: string) =>
    failure && failure.values.certificateId === certificateId ? failure : undefined;
  // a refusal about a certificate shown on the page is placed beside it; any other one on top
  const failedAnnouncement = failure?.values.intent === "announce" ? failure : undefined;
  const failedEnrol = failure?.values.intent === "enrol" ? failure : undefined;
  const failedFile = failure?.values.intent === "enrol_file" ? failure : undefined;
  const placed =
    Boolean(failedAnnouncement) ||
    Boolean(failedEnrol) ||
    Boolean(failedFile) ||
    people.some((p) => p.certificate && failedOn(p.certificate.id));
  const running = run && (run.status === "pending" || run.status === "running");
  const due = people.filter((p) => p.meetsRule && !p.certificate).length;
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${cohort.courseId}`}>{cohort.courseTitle}</Link>
      </p>
      <h1>{cohort.name}</h1>
      <p className="muted">
        {t("learning.dates", { start: f.day(cohort.startsOn), end: f.day(cohort.endsOn) })} ·{" "}
        {t("learning.cohort.rule", { percent: cohort.minAttendancePercent })}
        {activities.some((a) => a.required)
          ? ` ${t("learning.cohort.rule_activities", { count: activities.filter((a) => a.required).length })}`
          : ""}
      </p>
      <p>
        <a href={`/cursos/${cohort.courseId}/versiones/${cohort.id}/informe?formato=xlsx`} download>
          {t("learning.report.download_xlsx")}
        </a>{" "}
        ·{" "}
        <a href={`/cursos/${cohort.courseId}/versiones/${cohort.id}/informe?formato=csv`} download>
          {t("learning.report.download_csv")}
        </a>
      </p>
      {placed ? null : <FormMessage failure={failure} />}
      {done?.done === "revoke" ? (
        <p className="alert alert-ok" role="status">
          {t("learning.certificates.revoked_done")}
        </p>
      ) : null}
      {done?.done === "reissue" ? (
        <p className="alert alert-ok" role="status">
          {t("learning.certificates.reissued_done", { code: done.code })}
        </p>
      ) : null}
      <section className="card stack">
        <h2>{t("learning.cohort.sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t("learning.manage.no_sessions")}</p>
        ) : (
          <ul className="rows">
            {sessions.map((s) => (
              <li key={s.id}>
                <strong>{f.dateTimeIn(s.startsAt, s.plannedTimeZone)}</strong> (
                {f.zoneName(s.plannedTimeZone)}) · {s.title}
                {can.facilitate ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link to={`/cursos/${cohort.courseId}/sesiones/${s.id}/asistencia`}>
                      {t("learning.cohort.take_attendance")}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {activities.length ? (
        <section className="card stack">
          <h2>{t("learning.activity.heading")}</h2>
          <ul className="rows">
            {activities.map((a) => (
              <li key={a.id}>
                <Link to={`/cursos/${cohort.courseId}/versiones/${cohort.id}/actividades/${a.id}`}>
                  {a.title}
                </Link>{" "}
                <span className="muted">
                  · {t(`learning.activity.kind.${a.kind}`)}
                  {a.required ? ` · ${t("learning.activity.required")}` : ""} ·{" "}
                  {t("learning.activity.summary", {
                    submitted: a.submitted,
                    waiting: a.waiting,
                    accepted: a.accepted,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {progress.lessons.length && people.length ? (
        <section className="card stack">
          <h2>{t("learning.progress.title")}</h2>
          <ScrollTable label={t("learning.progress.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("learning.progress.lesson")}</th>
                  <th scope="col">{t("learning.progress.done_by")}</th>
                </tr>
              </thead>
              <tbody>
                {progress.lessons.map((l) => (
                  <tr key={l.id}>
                    <td>{l.title}</td>
                    <td>
                      {l.done} / {people.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ) : null}
      <section className="card stack">
        <h2>{t("learning.cohort.people", { count: people.length })}</h2>
        {people.length === 0 ? (
          <p className="muted">{t("learning.cohort.nobody")}</p>
        ) : (
          <ScrollTable label={t("learning.cohort.people", { count: people.length })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("learning.cohort.name")}</th>
                  <th scope="col">{t("learning.cohort.attendance")}</th>
                  {activities.some((a) => a.required) ? (
                    <th scope="col">{t("learning.activity.column")}</th>
                  ) : null}
                  {progress.lessons.length ? <th scope="col">{t("learning.progress.column")}</th> : null}
                  <th scope="col">{t("learning.cohort.certificate")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.registrationId}>
                    <td>
                      {p.fullName}
                      <br />
                      <span className="muted">{p.email}</span>
                    </td>
                    <td>
                      {t("learning.cohort.attended", {
                        attended: p.attended,
                        held: p.held,
                        percent: p.percent,
                      })}
                      {p.meetsRule ? ` · ${t("learning.cohort.meets_rule")}` : ""}
                    </td>
                    {activities.some((a) => a.required) ? (
                      <td>
                        {t("learning.activity.accepted_of", {
                          accepted: p.activitiesAccepted,
                          required: p.activitiesRequired,
                        })}
                      </td>
                    ) : null}
                    {progress.lessons.length ? (
                      <td>
                        {t("learning.my.progress", {
                          done: progress.byRegistration[p.registrationId] ?? 0,
                          total: progress.lessons.length,
                        })}
                      </td>
                    ) : null}
                    <td>
                      {p.certificate ? (
                        <div className="stack">
                          <span>
                            <Link to={`/certificados/${p.certificate.code}`}>{p.certificate.code}</Link>
                            {can.manage ? (
                              <>
                                {" "}
                                ·{" "}
                                <a href={`/certificados/${p.certificate.code}/descargar`} download>
                                  {t("learning.certificates.pdf_link")}
                                </a>
                              </>
                            ) : null}
                          </span>
                          {can.manage ? (
                            <details open={Boolean(failedOn(p.certificate.id))}>
                              <summary>{t("learning.certificates.revoke_or_reissue")}</summary>
                              <Form method="post" className="stack" noValidate>
                                <RequestKey />
                                <FormMessage failure={failedOn(p.certificate.id)} />
                                <input type="hidden" name="certificateId" value={p.certificate.id} />
                                <Field
                                  name="reason"
                                  label={t("learning.certificates.reason")}
                                  required
                                  failure={failedOn(p.certificate.id)}
                                />
                                <div className="actions">
                                  <SubmitButton name="intent" value="reissue">
                                    {t("learning.certificates.reissue")}
                                  </SubmitButton>
                                  <button
                                    type="submit"
                                    name="intent"
                                    value="revoke"
                                    className="button button-secondary"
                                  >
                                    {t("learning.certificates.revoke")}
                                  </button>
                                </div>
                              </Form>
                            </details>
                          ) : null}
                        </div>
                      ) : (
                        <span className="muted">{t("learning.cohort.no_certificate")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.enrol.title")}</h2>
          {done?.done === "enrol" ? (
            <p className="alert alert-ok" role="status">
              {done.alreadyRegistered
                ? t("learning.enrol.already")
                : done.status === "confirmed"
                  ? t("learning.enrol.confirmed")
                  : t("learning.enrol.waiting", { place: done.waitingPlace ?? 1 })}
            </p>
          ) : null}
          <details open={Boolean(failedEnrol)}>
            <summary>{t("learning.enrol.one")}</summary>
            <Form method="post" className="stack" noValidate>
              <RequestKey />
              <FormMessage failure={failedEnrol} />
              <input type="hidden" name="intent" value="enrol" />
              <RegistrationFields failure={failedEnrol} defaults={{ country: "CL", role: "teacher" }} />
              <SubmitButton>{t("learning.enrol.submit")}</SubmitButton>
            </Form>
          </details>
          <details open={Boolean(failedFile) || done?.done === "enrol_file"}>
            <summary>{t("learning.enrol.from_file")}</summary>
            <p className="hint">{t("learning.enrol.file_hint")}</p>
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <RequestKey />
              <FormMessage failure={failedFile} />
              <input type="hidden" name="intent" value="enrol_file" />
              <div className="field">
                <label htmlFor="enrol-file">{t("learning.attendance.file_any")}</label>
                <input
                  id="enrol-file"
                  name="file"
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-invalid={failedFile?.fieldErrors.file ? true : undefined}
                  aria-describedby={failedFile?.fieldErrors.file ? "enrol-file-error" : undefined}
                />
                {failedFile?.fieldErrors.file ? (
                  <p id="enrol-file-error" className="field-error">
                    {t(failedFile.fieldErrors.file, failedFile.params)}
                  </p>
                ) : null}
              </div>
              <SubmitButton>{t("learning.enrol.submit_file")}</SubmitButton>
            </Form>
            {done?.done === "enrol_file" ? (
              <div className="stack" role="status">
                <p className="alert alert-ok">
                  {t("learning.enrol.report", {
                    confirmed: done.report.confirmed,
                    waiting: done.report.waiting,
                    already: done.report.already,
                  })}
                </p>
                {done.report.rejected.length ? (
                  <>
                    <h3>{t("learning.enrol.rejected", { count: done.report.rejected.length })}</h3>
                    <ul className="rows">
                      {done.report.rejected.map((r) => (
                        <li key={r.line}>
                          {t("learning.attendance.row", { row: r.line })}: {r.name || "—"} · {r.email || "—"}{" "}
                          · {r.errors.map((e) => t(e)).join("; ")}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            ) : null}
          </details>
        </section>
      ) : null}
      {can.facilitate ? (
        <section className="card stack">
          <h2>{t("learning.announce.title")}</h2>
          {done?.done === "announce" ? (
            <p className="alert alert-ok" role="status">
              {t("learning.announce.sent", { count: done.recipients })}
            </p>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failedAnnouncement} />
            <input type="hidden" name="intent" value="announce" />
            <Field
              name="subject"
              label={t("learning.announce.subject")}
              required
              failure={failedAnnouncement}
            />
            <TextAreaField
              name="body"
              label={t("learning.announce.body")}
              required
              failure={failedAnnouncement}
            />
            <SubmitButton>{t("learning.announce.send")}</SubmitButton>
          </Form>
          {announcements.length ? (
            <>
              <h3>{t("learning.announce.sent_list")}</h3>
              <ul className="rows">
                {announcements.map((a) => (
                  <li key={a.id}>
                    <strong>{a.subject}</strong> · {f.dateTime(a.createdAt)} ·{" "}
                    {t("learning.announce.recipients", { count: a.recipients })}
                    <p className="pre-wrap">{a.body}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.certificates.title")}</h2>
          {run ? (
            <p role="status">
              {running
                ? t("learning.certificates.run_progress", { issued: run.issued, total: run.total })
                : run.status === "failed"
                  ? t("learning.certificates.run_failed", { issued: run.issued, total: run.total })
                  : t("learning.certificates.run_done", { issued: run.issued, total: run.total })}
            </p>
          ) : null}
          {running ? null : (
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="issue" />
              <p>{t("learning.certificates.due", { count: due })}</p>
              {due > 0 ? <SubmitButton>{t("learning.certificates.issue")}</SubmitButton> : null}
            </Form>
          )}
          {revoked.length ? (
            <>
              <h3>{t("learning.certificates.revoked_list")}</h3>
              <ul className="rows">
                {revoked.map((r) => (
                  <li key={r.id}>
                    <Link to={`/certificados/${r.code}`}>{r.code}</Link> · {r.holderName} ·{" "}
                    {r.revokedAt ? f.dateTime(r.revokedAt) : ""} · {r.revokedReason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
