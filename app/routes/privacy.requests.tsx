import { Link } from "react-router";
import { listPrivacyRequests } from "../../src/modules/privacy";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/privacy.requests";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "privacy.requests.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => listPrivacyRequests(actor));
}

export default function PrivacyRequests({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { pending, handled } = loaderData;
  return (
    <div className="stack">
      <h1>{t("privacy.requests.title")}</h1>
      <p className="muted">{t("privacy.requests.intro")}</p>
      {pending.length === 0 ? (
        <p>{t("privacy.requests.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("privacy.requests.person")}</th>
                <th scope="col">{t("privacy.requests.requested_at")}</th>
                <th scope="col">{t("privacy.requests.due")}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("privacy.requests.person")}>
                    <Link to={`/privacidad/solicitudes/${r.id}`}>{`${r.givenNames} ${r.familyNames}`}</Link>
                  </td>
                  <td data-label={t("privacy.requests.requested_at")}>{f.date(r.requestedAt)}</td>
                  <td data-label={t("privacy.requests.due")}>{f.date(r.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {handled.length ? (
        <section className="stack">
          <h2>{t("privacy.requests.handled_title")}</h2>
          <div className="table-wrap">
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("privacy.requests.person")}</th>
                  <th scope="col">{t("privacy.requests.requested_at")}</th>
                  <th scope="col">{t("privacy.requests.status")}</th>
                </tr>
              </thead>
              <tbody>
                {handled.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("privacy.requests.person")}>
                      <Link to={`/privacidad/solicitudes/${r.id}`}>{`${r.givenNames} ${r.familyNames}`}</Link>
                    </td>
                    <td data-label={t("privacy.requests.requested_at")}>{f.date(r.requestedAt)}</td>
                    <td data-label={t("privacy.requests.status")}>{t(`privacy.status.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
