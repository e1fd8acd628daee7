import { Form, Link } from "react-router";
import { listAudit } from "~/modules/admin";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/admin.audit";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "audit.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const params = new URL(request.url).searchParams;
  const filters = {
    action: params.get("accion") ?? undefined,
    personId: params.get("persona") ?? undefined,
    before: params.get("antes") ?? undefined,
  };
  return { ...(await load(() => listAudit(actor, filters))), filters };
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { events, filters, nextBefore } = loaderData;
  const nextParams = new URLSearchParams();
  if (filters.action) nextParams.set("accion", filters.action);
  if (filters.personId) nextParams.set("persona", filters.personId);
  if (nextBefore) nextParams.set("antes", nextBefore);
  return (
    <div className="stack">
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <Form method="get" className="filters card">
        <div className="field">
          <label htmlFor="audit-action">{t("audit.filter.action")}</label>
          <input id="audit-action" name="accion" defaultValue={filters.action ?? ""} placeholder="person." />
        </div>
        {filters.personId ? <input type="hidden" name="persona" value={filters.personId} /> : null}
        <div className="actions">
          <button type="submit" className="button">
            {t("action.filter")}
          </button>
          <Link to="/admin/auditoria">{t("action.clear_filters")}</Link>
        </div>
      </Form>
      {events.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("audit.when")}>{f.dateTime(e.createdAt)}</td>
                  <td data-label={t("audit.who")}>
                    {e.actorId ? (
                      <Link
                        to={`/admin/auditoria?persona=${e.actorId}`}
                      >{`${e.actorName ?? ""} ${e.actorFamily ?? ""}`}</Link>
                    ) : (
                      t("audit.system")
                    )}
                  </td>
                  <td data-label={t("audit.action")}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t("audit.subject")}>
                    {e.subjectName
                      ? `${e.subjectName} ${e.subjectFamily ?? ""}`
                      : `${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(0, 8)}…` : ""}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <p>
          <Link to={`?${nextParams}`}>{t("action.next_page")}</Link>
        </p>
      ) : null}
    </div>
  );
}
