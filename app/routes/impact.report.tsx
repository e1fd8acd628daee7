// /impacto/informes/:reportId: a funder report's progress (the page reloads itself while it is made,
// no JavaScript needed) and, once done, its downloads. Coordinators of the organization only.
import { Link } from "react-router";
import { getFunderReport } from "~/modules/impact";
import { REPORT_REFRESH_SECONDS } from "~/modules/impact/content";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/impact.report";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => {
  const running = loaderData?.status === "pending" || loaderData?.status === "running";
  return [
    { title: pageTitle(matches, "impact.report.title") },
    ...(running ? [{ httpEquiv: "refresh", content: String(REPORT_REFRESH_SECONDS) }] : []),
  ];
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => getFunderReport(actor, params.reportId));
}

export default function FunderReport({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const running = r.status === "pending" || r.status === "running";
  return (
    <div className="stack narrow">
      <p>
        <Link to="/impacto">{t("impact.report.back")}</Link>
      </p>
      <h1>{t("impact.report.title")}</h1>
      <p>
        {t("impact.report.period", { from: f.day(r.fromOn), to: f.day(r.toOn) })} ·{" "}
        {r.program ?? t("impact.filters.all_programs")}
      </p>
      <p className="muted">{t("impact.report.requested", { date: f.date(r.createdAt) })}</p>
      <p role="status" className={r.status === "failed" ? "alert alert-error" : undefined}>
        {t(`impact.report.status.${r.status}`, { percent: r.progress })}
      </p>
      {running ? (
        <>
          <progress max={100} value={r.progress}>
            {r.progress} %
          </progress>
          <p className="hint">{t("impact.report.refresh_hint")}</p>
          <p>
            <Link to={`/impacto/informes/${r.id}`}>{t("impact.report.refresh")}</Link>
          </p>
        </>
      ) : null}
      {r.status === "done" ? (
        <p className="actions">
          <a className="button" href={`/impacto/informes/${r.id}/informe.pdf`} download>
            {t("impact.report.download_pdf")}
          </a>
          <a className="button" href={`/impacto/informes/${r.id}/informe.xlsx`} download>
            {t("impact.report.download_xlsx")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
