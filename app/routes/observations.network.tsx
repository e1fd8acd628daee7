import { Link } from "react-router";
import { translator } from "~/messages";
import { networkDashboard } from "~/modules/observation";
import {
  CoverageCard,
  Downloads,
  LevelsCard,
  OnTaskCard,
  PeriodForm,
  ScrollTable,
  StepsCard,
} from "../components/dashboard";
import { load } from "../lib/actions.server";
import { dashboardCharts, dashboardQuery } from "../lib/dashboard-charts.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observations.network";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "dashboard.network.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const session = sessionOf(context);
  const dashboard = await load(() => networkDashboard(actor, dashboardQuery(request), session.timeZone));
  return {
    ...dashboard,
    charts: dashboardCharts(dashboard, translator(session.locale)),
    search: new URL(request.url).search,
  };
}

export default function ObservationNetwork({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const d = loaderData;
  const { totals } = d;
  return (
    <div className="stack">
      <h1>{t("dashboard.network.title")}</h1>
      <p className="hint">{t("dashboard.network.explained")}</p>
      <PeriodForm period={d.period} invalid={d.periodInvalid} levels={d.levels} />
      <Downloads base="/observaciones/red" search={d.search} network />

      <section className="card stack">
        <h2>{t("dashboard.network.schools_title", { n: d.schools.length })}</h2>
        {d.schools.length === 0 ? (
          <p className="muted">{t("dashboard.network.none_advised")}</p>
        ) : (
          <ScrollTable label={t("dashboard.network.schools_title", { n: d.schools.length })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.col.school")}</th>
                  <th scope="col">{t("dashboard.col.ive")}</th>
                  <th scope="col">{t("dashboard.col.up_to_date")}</th>
                  <th scope="col">{t("dashboard.col.visits")}</th>
                  <th scope="col">{t("dashboard.col.late")}</th>
                  <th scope="col">{t("dashboard.col.on_task")}</th>
                  <th scope="col">{t("dashboard.col.mastered")}</th>
                </tr>
              </thead>
              <tbody>
                {d.schools.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`/establecimientos/${s.id}/observacion${d.search}`}>{s.name}</Link>
                    </th>
                    <td>{s.ive === null ? "—" : `${format.number(s.ive, 1)}\u00a0%`}</td>
                    <td>
                      {t("dashboard.covered_of", { covered: s.upToDate, teachers: s.teachers })}
                      {s.teachers > 0 ? ` (${format.percent(s.upToDate / s.teachers)})` : ""}
                    </td>
                    <td>{s.visits}</td>
                    <td>{s.lateMeetings}</td>
                    <td>{s.onTask === null ? "—" : format.percent(s.onTask)}</td>
                    <td>{s.mastered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section className="card stack">
        <h2>{t("dashboard.network.totals_title")}</h2>
        <p>
          {t("dashboard.network.totals_text", {
            schools: totals.schools,
            teachers: totals.teachers,
            visits: totals.visits,
          })}
        </p>
        <p>
          {t("dashboard.network.totals_up_to_date", {
            n: totals.upToDate,
            share: totals.teachers > 0 ? format.percent(Math.min(1, totals.upToDate / totals.teachers)) : "—",
          })}
        </p>
      </section>

      <CoverageCard coverage={d.coverage} chart={d.charts.coverage} />
      <OnTaskCard onTask={d.onTask} chart={d.charts.onTask} />
      <LevelsCard levels={d.levels} chart={d.charts.levels} />
      <StepsCard steps={d.steps} chart={d.charts.steps} />
    </div>
  );
}
