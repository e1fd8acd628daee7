import { Link } from "react-router";
import { listPrivacyRequests } from "~/modules/privacy";
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

type Row = Route.ComponentProps["loaderData"]["handled"][number];

/** One table for both lists: the person (a link to the request), when it was asked, and one more column. */
function RequestsTable<R extends Row>({
  rows,
  last,
}: {
  rows: R[];
  last: { label: string; value: (r: R) => string };
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="responsive">
        <thead>
          <tr>
            <th scope="col">{t("privacy.requests.person")}</th>
            <th scope="col">{t("privacy.requests.requested_at")}</th>
            <th scope="col">{last.label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("privacy.requests.person")}>
                <Link to={`/privacidad/solicitudes/${r.id}`}>{`${r.givenNames} ${r.familyNames}`}</Link>
              </td>
              <td data-label={t("privacy.requests.requested_at")}>{f.date(r.requestedAt)}</td>
              <td data-label={last.label}>{last.value(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
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
        <RequestsTable
          rows={pending}
          last={{ label: t("privacy.requests.due"), value: (r) => f.date(r.dueAt) }}
        />
      )}
      {handled.length ? (
        <section className="stack">
          <h2>{t("privacy.requests.handled_title")}</h2>
          <RequestsTable
            rows={handled}
            last={{ label: t("privacy.requests.status"), value: (r) => t(`privacy.status.${r.status}`) }}
          />
        </section>
      ) : null}
    </div>
  );
}
