import { Form, Link, redirect } from "react-router";
import { countPendingInvitations } from "~/modules/accounts";
import {
  cancelRosterImport,
  confirmRosterImport,
  getRosterImport,
  type RejectedRosterRow,
} from "~/modules/people";
import { formatRut } from "~/modules/people/rut";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { InvitePending } from "../components/invite-pending";
import { load, notFound, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/roster.import";

/** While an import runs, its page reloads itself (no JavaScript needed) every few seconds. */
const REFRESH_SECONDS = 2;

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const running = loaderData?.status === "queued" || loaderData?.status === "running";
  return [
    { title: pageTitle(matches, "roster.page.title", { file: loaderData?.fileName ?? "" }) },
    ...(running ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : []),
  ];
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const found = await load(() => getRosterImport(actor, params.importId));
  if (found.schoolId !== params.schoolId) throw notFound();
  // After an import, the people it added can be invited all at once.
  const pending = found.status === "done" ? await countPendingInvitations(actor, found.schoolId) : 0;
  return { ...found, pending };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const found = await load(() => getRosterImport(actor, params.importId, { rejectedLimit: 0 }));
  if (found.schoolId !== params.schoolId) throw notFound();
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "cancel") {
    const result = await performOnce(() => cancelRosterImport(actor, params.importId), form);
    if ("ok" in result && result.ok) throw redirect(`/establecimientos/${params.schoolId}/importar`);
    return result;
  }
  const result = await performOnce(() => confirmRosterImport(actor, params.importId), form);
  if ("ok" in result && result.ok)
    throw redirect(`/establecimientos/${params.schoolId}/importaciones/${params.importId}`);
  return result;
}

export default function RosterImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const failure = failureOf(actionData);
  const im = loaderData;
  const base = `/establecimientos/${im.schoolId}`;
  const rejected = im.rejectedCount;
  return (
    <div className="stack">
      <p>
        <Link to={`${base}/importar`}>{t("roster.page.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("roster.page.heading", { file: im.fileName })}</h1>
        <span className="badge">{t(`roster.status.${im.status}`)}</span>
      </div>
      <p className="muted">
        {t("roster.page.school_label")} <Link to={base}>{im.schoolName}</Link> ·{" "}
        {format.dateTime(im.createdAt)}
      </p>
      <FormMessage failure={failure} />

      {im.status === "preview" ? (
        <>
          <p className="lead">
            {t("roster.preview.summary", { total: im.totalRows, valid: im.validCount, rejected })}
          </p>
          {im.validCount > 0 ? (
            <section>
              <h2>{t("roster.preview.sample")}</h2>
              <div className="table-wrap">
                <table className="responsive">
                  <thead>
                    <tr>
                      <th scope="col">{t("roster.col.line")}</th>
                      <th scope="col">{t("roster.col.given_names")}</th>
                      <th scope="col">{t("roster.col.family_names")}</th>
                      <th scope="col">{t("roster.col.email")}</th>
                      <th scope="col">{t("roster.col.rut")}</th>
                      <th scope="col">{t("roster.col.role")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {im.sample.map((row) => (
                      <tr key={row.line}>
                        <td data-label={t("roster.col.line")}>{row.line}</td>
                        <td data-label={t("roster.col.given_names")}>{row.givenNames}</td>
                        <td data-label={t("roster.col.family_names")}>{row.familyNames}</td>
                        <td data-label={t("roster.col.email")}>{row.email}</td>
                        <td data-label={t("roster.col.rut")}>{row.rut ? formatRut(row.rut) : "—"}</td>
                        <td data-label={t("roster.col.role")}>{row.title ?? t(`role.${row.role}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {im.validCount > im.sample.length ? (
                <p className="hint">
                  {t("roster.preview.sample_more", { shown: im.sample.length, valid: im.validCount })}
                </p>
              ) : null}
            </section>
          ) : (
            <div className="alert alert-error" role="alert">
              {t("roster.preview.nothing")}
            </div>
          )}
          <Form method="post" className="actions">
            <RequestKey />
            {im.validCount > 0 ? (
              <SubmitButton name="intent" value="confirm">
                {t("roster.preview.confirm", { count: im.validCount })}
              </SubmitButton>
            ) : null}
            <button type="submit" name="intent" value="cancel" className="button button-secondary">
              {t("roster.preview.cancel")}
            </button>
          </Form>
          <p className="hint">{t("roster.preview.again_note")}</p>
        </>
      ) : null}

      {im.status === "queued" || im.status === "running" ? (
        <section className="card stack" aria-live="polite">
          <h2>{t("roster.progress.heading")}</h2>
          <label htmlFor="roster-progress">{t("roster.progress.label")}</label>
          <progress id="roster-progress" max={Math.max(1, im.validCount)} value={im.processedRows}>
            {t("roster.progress.value", { processed: im.processedRows, valid: im.validCount })}
          </progress>
          <p>{t("roster.progress.value", { processed: im.processedRows, valid: im.validCount })}</p>
          <p className="hint">{t("roster.progress.note")}</p>
          <p>
            <Link to=".">{t("roster.progress.refresh")}</Link>
          </p>
        </section>
      ) : null}

      {im.status === "done" ? (
        <>
          <div className="alert alert-ok" role="status">
            {t("roster.done.summary", {
              created: im.createdCount,
              updated: im.updatedCount,
              unchanged: im.unchangedCount,
              rejected,
            })}
          </div>
          <p>
            <Link to={`/personas?escuela=${im.schoolId}`}>{t("roster.done.people")}</Link>
          </p>
          {im.pending > 0 ? <InvitePending schoolId={im.schoolId} count={im.pending} /> : null}
        </>
      ) : null}

      {im.status === "failed" ? (
        <>
          <div className="alert alert-error" role="alert">
            {t("roster.failed.summary", { processed: im.processedRows, valid: im.validCount })}
          </div>
          <Form method="post" className="actions">
            <RequestKey />
            <SubmitButton name="intent" value="confirm">
              {t("roster.failed.retry")}
            </SubmitButton>
          </Form>
        </>
      ) : null}

      {im.status === "cancelled" ? <p>{t("roster.cancelled.summary")}</p> : null}

      {im.status !== "cancelled" ? (
        <RejectedRows
          rows={im.rejected}
          count={rejected}
          href={`${base}/importaciones/${im.id}/rechazadas.csv`}
        />
      ) : null}
    </div>
  );
}

function RejectedRows({ rows, count, href }: { rows: RejectedRosterRow[]; count: number; href: string }) {
  const t = useT();
  const shown = (value: string) => value || <span className="muted">{t("roster.empty_value")}</span>;
  return (
    <section className="stack">
      <h2>{t("roster.rejected.heading", { count })}</h2>
      {count === 0 ? (
        <p>{t("roster.rejected.none")}</p>
      ) : (
        <>
          <p>
            <a href={href} download>
              {t("roster.rejected.download")}
            </a>
          </p>
          <div className="table-wrap">
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("roster.col.line")}</th>
                  <th scope="col">{t("roster.col.person")}</th>
                  <th scope="col">{t("roster.col.reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.line}>
                    <td data-label={t("roster.col.line")}>{row.line}</td>
                    <td data-label={t("roster.col.person")}>
                      {shown(`${row.raw.givenNames} ${row.raw.familyNames}`.trim())}
                      <br />
                      <span className="muted">
                        {shown(row.raw.email)}
                        {row.raw.rut ? ` · ${row.raw.rut}` : ""}
                      </span>
                    </td>
                    <td data-label={t("roster.col.reasons")}>
                      <ul className="reasons">
                        {row.reasons.map((reason) => (
                          <li key={reason.key}>{t(reason.key, reason.params)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {count > rows.length ? (
            <p className="hint">{t("roster.rejected.more", { shown: rows.length, count })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
