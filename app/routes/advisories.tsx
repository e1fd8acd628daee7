// /asesorias: the school advisories the person reads (issue #18): every one for the organization's
// coordinators, their school's for its leaders; filtered by status with a GET form (no JavaScript).
import { Form, Link } from "react-router";
import { listAdvisories } from "~/modules/advisory";
import { ADVISORY_STATUSES } from "~/modules/advisory/content";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/advisories";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "advisory.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const status = new URL(request.url).searchParams.get("estado");
  return load(() => listAdvisories(actor, { status }));
}

export default function Advisories({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { rows, status, canCreate } = loaderData;
  return (
    <div className="stack">
      <h1>{t("advisory.title")}</h1>
      <p>{t("advisory.intro")}</p>
      {canCreate ? (
        <p className="actions">
          <Link className="button" to="/asesorias/nueva">
            {t("advisory.new.link")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="card filters">
        <div className="field">
          <label htmlFor="estado">{t("advisory.filter.label")}</label>
          <select id="estado" name="estado" defaultValue={status ?? ""}>
            <option value="">{t("advisory.filter.all")}</option>
            {ADVISORY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`advisory.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t("advisory.filter.submit")}
          </button>
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="muted">{t(status ? "advisory.list.none_status" : "advisory.list.none")}</p>
      ) : (
        <ul className="rows">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={`/asesorias/${r.id}`}>{r.title}</Link>{" "}
              <span className={`badge${r.status === "active" ? " badge-ok" : ""}`}>
                {t(`advisory.status.${r.status}`)}
              </span>
              <br />
              <span className="muted">
                {r.school} ·{" "}
                {r.endsOn
                  ? t("advisory.list.dates", { from: f.day(r.startsOn), to: f.day(r.endsOn) })
                  : t("advisory.list.from", { from: f.day(r.startsOn) })}
                {r.milestones > 0
                  ? ` · ${t("advisory.list.milestones", { done: r.milestonesDone, total: r.milestones })}`
                  : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
