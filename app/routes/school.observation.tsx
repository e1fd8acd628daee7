import { Link } from "react-router";
import { translator } from "~/messages";
import { schoolDashboard } from "~/modules/observation";
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
import type { Route } from "./+types/school.observation";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "dashboard.school.title", { school: loaderData?.school.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const session = sessionOf(context);
  const dashboard = await load(() =>
    schoolDashboard(actor, params.schoolId, dashboardQuery(request), session.timeZone),
  );
  return {
    ...dashboard,
    charts: dashboardCharts(dashboard, translator(session.locale)),
    search: new URL(request.url).search,
    saved: new URL(request.url).searchParams.get("aviso") === "metas",
  };
}

export default function SchoolObservation({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const d = loaderData;
  const base = `/establecimientos/${d.school.id}/observacion`;
  const { cadence } = d;
  return (
    <div className="stack">
      <p>
        <Link to={`/establecimientos/${d.school.id}`}>
          {t("dashboard.back_to_school", { school: d.school.name })}
        </Link>
      </p>
      <h1>{t("dashboard.school.title", { school: d.school.name })}</h1>
      {d.saved ? (
        <div className="alert alert-ok" role="status">
          {t("dashboard.cadence.saved")}
        </div>
      ) : null}
      <section className="card stack">
        <h2>{t("dashboard.cadence.targets")}</h2>
        <p>
          {t("dashboard.cadence.targets_text", {
            days: d.settings.visitEveryDays,
            hours: d.settings.meetingWithinHours,
            purpose: t(`observation.purpose.${d.settings.defaultPurpose}`),
          })}
        </p>
        {d.canConfigure ? (
          <p>
            <Link to={`${base}/metas`}>{t("dashboard.cadence.change")}</Link>
          </p>
        ) : null}
      </section>

      <PeriodForm period={d.period} invalid={d.periodInvalid} levels={d.levels} />
      <Downloads base={base} search={d.search} pdf />

      <section className="card stack">
        <h2>{t("dashboard.cadence.overdue_title")}</h2>
        <p className="figure-line">
          {t("dashboard.cadence.up_to_date", { n: cadence.upToDate, total: cadence.teachers.length })}
        </p>
        {cadence.overdue.length === 0 ? (
          <p className="muted">{t("dashboard.cadence.none_overdue")}</p>
        ) : (
          <ul className="rows">
            {cadence.overdue.map((teacher) => (
              <li key={teacher.id}>
                <Link to={`/personas/${teacher.id}/desarrollo`}>{teacher.name}</Link>{" "}
                <span className="badge badge-warn">
                  {teacher.daysOverdue === null
                    ? t("dashboard.cadence.never")
                    : t("dashboard.cadence.days_overdue", { n: teacher.daysOverdue })}
                </span>
                <br />
                <span className="muted">
                  {teacher.lastVisitAt
                    ? t("dashboard.cadence.last_visit", { date: format.date(teacher.lastVisitAt) })
                    : null}
                  {teacher.lastVisitAt && teacher.openStep ? " · " : null}
                  {teacher.openStep ? t("dashboard.cadence.open_step", { step: teacher.openStep }) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack">
        <h2>{t("dashboard.cadence.late_title")}</h2>
        <p className="figure-line">
          {t("dashboard.cadence.held_in_period", {
            held: cadence.meetingsHeld,
            late: cadence.meetingsHeldLate,
          })}
        </p>
        {cadence.lateMeetings.length === 0 ? (
          <p className="muted">{t("dashboard.cadence.none_late")}</p>
        ) : (
          <ul className="rows">
            {cadence.lateMeetings.map((m) => (
              <li key={m.observationId}>
                <Link to={`/observaciones/${m.observationId}`}>
                  {t("dashboard.cadence.late_row", { teacher: m.teacherName, observer: m.observerName })}
                </Link>{" "}
                <span className="badge badge-warn">
                  {t("dashboard.cadence.due_since", { due: format.dateTime(m.dueAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack">
        <h2>{t("dashboard.cadence.load_title")}</h2>
        {cadence.observers.length === 0 ? (
          <p className="muted">{t("dashboard.no_data")}</p>
        ) : (
          <ScrollTable label={t("dashboard.cadence.load_title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.col.observer")}</th>
                  <th scope="col">{t("dashboard.col.visits")}</th>
                  <th scope="col">{t("dashboard.col.meetings")}</th>
                  <th scope="col">{t("dashboard.col.pending")}</th>
                  <th scope="col">{t("dashboard.col.late")}</th>
                  <th scope="col">{t("dashboard.col.drafts")}</th>
                </tr>
              </thead>
              <tbody>
                {cadence.observers.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{o.name}</th>
                    <td>{o.visits}</td>
                    <td>{o.meetings}</td>
                    <td>{o.pending}</td>
                    <td>{o.late}</td>
                    <td>{o.drafts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <CoverageCard
        coverage={d.coverage}
        chart={d.charts.coverage}
        visitEveryDays={d.settings.visitEveryDays}
      />
      <OnTaskCard onTask={d.onTask} chart={d.charts.onTask} />
      <LevelsCard levels={d.levels} chart={d.charts.levels} />
      <StepsCard steps={d.steps} chart={d.charts.steps} />
    </div>
  );
}
