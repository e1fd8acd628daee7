import { Link } from "react-router";
import { listOutbox } from "~/modules/admin";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/admin.outbox";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "outbox.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const page = pageOf(request);
  return load(() => listOutbox(actor, page));
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="stack">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      {loaderData.emails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("outbox.date")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.status")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.emails.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("outbox.date")}>{f.dateTime(e.createdAt)}</td>
                  <td data-label={t("outbox.to")}>{e.toAddress}</td>
                  <td data-label={t("outbox.subject")}>
                    <Link to={`/admin/correos/${e.id}`}>{e.subject}</Link>
                  </td>
                  <td data-label={t("outbox.status")}>{t(`outbox.status.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label={t("list.page_of", { page: loaderData.page, pages: "…" })}>
        {loaderData.page > 1 ? (
          <Link to={`?pagina=${loaderData.page - 1}`}>{t("action.previous_page")}</Link>
        ) : null}
        {loaderData.hasMore ? (
          <Link to={`?pagina=${loaderData.page + 1}`}>{t("action.next_page")}</Link>
        ) : null}
      </nav>
    </div>
  );
}
