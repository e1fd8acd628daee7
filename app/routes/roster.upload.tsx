import { Form, Link, redirect } from "react-router";
import {
  listRosterImports,
  MAX_FILE_BYTES,
  previewRosterImport,
  schoolForPeopleManagement,
} from "~/modules/people";
import { DomainError } from "~/platform/errors";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/roster.upload";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "roster.upload.heading", { school: loaderData?.school.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => listRosterImports(actor, params.schoolId));
}

/** Room for the multipart envelope around a file of the largest size accepted. */
const ENVELOPE_BYTES = 64 * 1024;

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  // Who may upload is checked before the body is read.
  await load(() => schoolForPeopleManagement(actor, params.schoolId));
  const form = await readForm(request, {
    maxBytes: MAX_FILE_BYTES + ENVELOPE_BYTES,
    tooLarge: new DomainError(
      "roster.errors.file_too_large",
      { file: "roster.errors.file_too_large" },
      { max: "5 MB" },
    ),
  });
  if (!(form instanceof FormData)) return form;
  const file = form.get("file");
  const upload =
    file && typeof file === "object"
      ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : { fileName: "", bytes: new Uint8Array() };
  const result = await performOnce(() => previewRosterImport(actor, params.schoolId, upload), form);
  if ("ok" in result && result.ok)
    throw redirect(`/establecimientos/${params.schoolId}/importaciones/${result.value}`);
  return result;
}

export default function RosterUpload({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const failure = failureOf(actionData);
  const { school, imports } = loaderData;
  const fileError = failure?.fieldErrors.file;
  return (
    <div className="stack">
      <p>
        <Link to={`/establecimientos/${school.id}`}>{school.name}</Link>
      </p>
      <h1>{t("roster.upload.heading", { school: school.name })}</h1>
      <p>{t("roster.upload.intro")}</p>
      <section className="card">
        <h2>{t("roster.upload.columns")}</h2>
        <ul>
          <li>{t("roster.upload.col.given_names")}</li>
          <li>{t("roster.upload.col.family_names")}</li>
          <li>{t("roster.upload.col.email")}</li>
          <li>{t("roster.upload.col.rut")}</li>
          <li>{t("roster.upload.col.role")}</li>
          <li>{t("roster.upload.col.school", { rbd: school.rbd })}</li>
        </ul>
        <p className="hint">{t("roster.upload.columns_note")}</p>
        <p>
          <a href={`/establecimientos/${school.id}/importar/ejemplo.csv`} download>
            {t("roster.upload.example")}
          </a>
        </p>
      </section>
      {failure && !fileError ? <FormMessage failure={failure} /> : null}
      <Form method="post" encType="multipart/form-data" className="card stack" noValidate>
        <RequestKey />
        <div className={`field${fileError ? " field-invalid" : ""}`}>
          <label htmlFor="roster-file">{t("roster.upload.file")}</label>
          <p className="hint" id="roster-file-hint">
            {t("roster.upload.file_hint")}
          </p>
          <input
            id="roster-file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "roster-file-hint roster-file-error" : "roster-file-hint"}
          />
          {fileError ? (
            <p className="field-error" id="roster-file-error" role="alert">
              {t(fileError, failure?.params)}
            </p>
          ) : null}
        </div>
        <p className="hint">{t("roster.upload.no_email_note")}</p>
        <div className="actions">
          <SubmitButton>{t("roster.upload.submit")}</SubmitButton>
        </div>
      </Form>
      <section>
        <h2>{t("roster.upload.history")}</h2>
        {imports.length === 0 ? (
          <p className="muted">{t("roster.upload.history_empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("roster.col.date")}</th>
                  <th scope="col">{t("roster.col.file")}</th>
                  <th scope="col">{t("roster.col.status")}</th>
                  <th scope="col">{t("roster.col.result")}</th>
                  <th scope="col">{t("roster.col.by")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t("roster.col.date")}>{format.dateTime(i.createdAt)}</td>
                    <td data-label={t("roster.col.file")}>
                      <Link to={`/establecimientos/${school.id}/importaciones/${i.id}`}>{i.fileName}</Link>
                    </td>
                    <td data-label={t("roster.col.status")}>
                      <span className="badge">{t(`roster.status.${i.status}`)}</span>
                    </td>
                    <td data-label={t("roster.col.result")}>
                      {i.status === "preview" || i.status === "cancelled"
                        ? t("roster.history.result_preview", {
                            total: i.totalRows,
                            rejected: i.rejectedCount,
                          })
                        : t("roster.history.result", {
                            created: i.createdCount,
                            updated: i.updatedCount,
                            unchanged: i.unchangedCount,
                            rejected: i.rejectedCount,
                          })}
                    </td>
                    <td data-label={t("roster.col.by")}>{i.createdByName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
