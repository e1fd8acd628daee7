// /cursos/:courseId/sesiones/:sessionId/asistencia: a live session's attendance. The list is made for
// a phone (one row per person, a large tick box, one button at the end) and works without JavaScript;
// beside it, the meeting tool's participants report is imported, matched by email, with a report of
// the rows that matched nobody and the ones that could not be read.
import { Form, Link } from "react-router";
import {
  attendanceSheet,
  importAttendanceReport,
  MAX_REPORT_BYTES,
  markAttendance,
} from "~/modules/learning";
import { DomainError, ValidationError } from "~/platform/errors";
import { FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import { TIME_ZONES } from "../lib/time-zones";
import type { Route } from "./+types/session.attendance";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: pageTitle(matches, "learning.attendance.title", { session: loaderData?.session.title ?? "" }),
  },
];

async function sheetOf(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const actor = requireActor(request, context);
  const sheet = await load(() => attendanceSheet(actor, params.sessionId));
  // the address names the course: a session of another course is not found here
  if (sheet.session.courseId !== params.courseId) throw new Response(null, { status: 404 });
  return { actor, sheet };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return (await sheetOf(request, context, params)).sheet;
}

/** Room for the multipart envelope around a report of the largest size accepted. */
const ENVELOPE_BYTES = 64 * 1024;

export async function action({ request, context, params }: Route.ActionArgs) {
  // who may mark is checked before the body is read
  const { actor } = await sheetOf(request, context, params);
  const form = await readForm(request, {
    maxBytes: MAX_REPORT_BYTES + ENVELOPE_BYTES,
    tooLarge: new DomainError(
      "learning.attendance.errors.file_too_large",
      { file: "learning.attendance.errors.file_too_large" },
      { max: "2 MB" },
    ),
  });
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const result = await performOnce(async () => {
    if (intent === "mark") {
      const marked = await markAttendance(actor, params.sessionId, {
        listed: form.getAll("listed").map(String),
        present: form.getAll("present").map(String),
      });
      return { done: "mark" as const, ...marked };
    }
    if (intent === "import") {
      const file = form.get("file");
      const bytes =
        file && typeof file === "object" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const imported = await importAttendanceReport(actor, params.sessionId, bytes, {
        timeZone: form.get("timeZone"),
      });
      return { done: "import" as const, imported };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) return result.value;
  return result;
}

export default function SessionAttendance({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { session, people, presentShare } = loaderData;
  const failure = failureOf(actionData);
  const done = actionData && "done" in actionData ? actionData : null;
  const failedImport = failure?.values.intent === "import" ? failure : undefined;
  const imported = done?.done === "import" ? done.imported : null;
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${session.courseId}/versiones/${session.cohortId}`}>
          {session.courseTitle} · {session.cohortName}
        </Link>
      </p>
      <h1>{t("learning.attendance.title", { session: session.title })}</h1>
      <p className="muted">
        {f.dateTimeIn(session.startsAt, session.plannedTimeZone)} ({f.zoneName(session.plannedTimeZone)}) ·{" "}
        {t("learning.sessions.minutes", { count: session.durationMinutes })}
      </p>
      {failedImport ? null : <FormMessage failure={failure} />}
      {done?.done === "mark" ? (
        <p className="alert alert-ok" role="status">
          {t("learning.attendance.saved", { present: done.present, absent: done.absent })}
        </p>
      ) : null}
      {people.length === 0 ? (
        <p className="muted">{t("learning.attendance.nobody")}</p>
      ) : (
        <Form method="post" className="stack">
          <RequestKey />
          <input type="hidden" name="intent" value="mark" />
          <fieldset className="attendance">
            <legend>{t("learning.attendance.list", { count: people.length })}</legend>
            <ul className="rows">
              {people.map((p) => (
                <li key={p.registrationId}>
                  <input type="hidden" name="listed" value={p.registrationId} />
                  <label className="check-row">
                    <input
                      type="checkbox"
                      name="present"
                      value={p.registrationId}
                      defaultChecked={p.present === true}
                    />{" "}
                    <span>
                      {p.fullName}
                      <span className="muted">
                        {" "}
                        · {p.email}
                        {p.present === null ? ` · ${t("learning.attendance.not_marked")}` : ""}
                        {p.minutes !== null
                          ? ` · ${t("learning.attendance.minutes", { count: p.minutes })}`
                          : ""}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SubmitButton>{t("learning.attendance.save")}</SubmitButton>
        </Form>
      )}
      <section className="card stack">
        <h2>{t("learning.attendance.import_title")}</h2>
        <p className="muted">
          {t("learning.attendance.import_hint", { percent: Math.round(presentShare * 100) })}
        </p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <RequestKey />
          <FormMessage failure={failedImport} />
          <input type="hidden" name="intent" value="import" />
          <div className="field">
            <label htmlFor="file">{t("learning.attendance.file")}</label>
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={failedImport?.fieldErrors.file ? true : undefined}
              aria-describedby={failedImport?.fieldErrors.file ? "file-error" : undefined}
            />
            {failedImport?.fieldErrors.file ? (
              <p id="file-error" className="field-error">
                {t(failedImport.fieldErrors.file, failedImport.params)}
              </p>
            ) : null}
          </div>
          <SelectField
            name="timeZone"
            label={t("learning.attendance.time_zone")}
            hint={t("learning.attendance.time_zone_hint")}
            defaultValue={session.plannedTimeZone}
            options={TIME_ZONES.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
            failure={failedImport}
          />
          <SubmitButton>{t("learning.attendance.import")}</SubmitButton>
        </Form>
        {imported && !imported.ok ? (
          <div className="alert alert-error" role="alert">
            <p>
              {t("learning.attendance.columns_missing", {
                columns: imported.missing.map((c) => t(`learning.attendance.column.${c}`)).join(", "),
              })}
            </p>
            <p>{t("learning.attendance.columns_found", { columns: imported.found.join(", ") || "—" })}</p>
          </div>
        ) : null}
        {imported?.ok ? (
          <div className="stack" role="status">
            <p className="alert alert-ok">
              {t("learning.attendance.imported", { matched: imported.matched, present: imported.present })}
            </p>
            {imported.unmatched.length ? (
              <>
                <h3>{t("learning.attendance.unmatched", { count: imported.unmatched.length })}</h3>
                <ul className="rows">
                  {imported.unmatched.map((u) => (
                    <li key={u.email}>
                      {u.email} · {t("learning.attendance.minutes", { count: u.minutes })} ·{" "}
                      {t("learning.attendance.rows", { rows: u.rows.join(", ") })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {imported.rejected.length ? (
              <>
                <h3>{t("learning.attendance.rejected", { count: imported.rejected.length })}</h3>
                <ul className="rows">
                  {imported.rejected.map((r) => (
                    <li key={r.row}>
                      {t("learning.attendance.row", { row: r.row })}:{" "}
                      {t(`learning.attendance.reason.${r.reason}`)} <span className="muted">({r.raw})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
