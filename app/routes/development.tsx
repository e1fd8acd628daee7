import { Link } from "react-router";
import { translator } from "~/messages";
import { getDevelopment } from "~/modules/observation";
import { lineChart } from "~/platform/charts";
import { LevelsCard, StepsCard } from "../components/dashboard";
import { LineChart } from "../components/line-chart";
import { load } from "../lib/actions.server";
import { dashboardCharts } from "../lib/dashboard-charts.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/development";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData?.isSelf
      ? pageTitle(matches, "observation.development.my_title")
      : pageTitle(matches, "observation.development.title", { teacher: loaderData?.teacher.name ?? "" }),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const development = await load(() =>
    getDevelopment(actor, params.personId, new URL(request.url).searchParams.get("pauta")),
  );
  const charts = dashboardCharts(
    { coverage: [], onTask: [], levels: development.levels, steps: development.stepCategories },
    translator(sessionOf(context).locale),
  );
  return {
    ...development,
    levelsChart: charts.levels,
    stepsChart: charts.steps,
    chart: development.onTaskSeries.length
      ? lineChart(development.onTaskSeries.map((p) => ({ at: p.at, value: p.share })))
      : null,
  };
}

export default function Development({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const d = loaderData;
  const justMastered = d.steps[0]?.status === "mastered" ? d.steps[0] : null;
  return (
    <div className="stack">
      <h1>
        {d.isSelf
          ? t("observation.development.my_title")
          : t("observation.development.title", { teacher: d.teacher.name })}
      </h1>
      <section className="card focus-step">
        {/* Between the visit that found the step achieved and the meeting that names the next one, the
            latest step is shown as achieved, not as "in progress". */}
        <h2>
          {t(
            !d.openStep && justMastered
              ? "observation.development.just_mastered"
              : "observation.development.open_step",
          )}
        </h2>
        {!d.openStep && justMastered ? (
          <>
            <p className="step-title">{justMastered.title}</p>
            {justMastered.closedAt ? (
              <p className="muted">
                {t("observation.development.mastered_on", { date: format.date(justMastered.closedAt) })}
              </p>
            ) : null}
          </>
        ) : d.openStep ? (
          <>
            <p className="step-title">{d.openStep.title}</p>
            {d.openStep.mastery ? (
              <p className="muted">{t("observation.meeting.mastery", { mastery: d.openStep.mastery })}</p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("observation.development.no_open_step")}</p>
        )}
        <p>{t("observation.development.mastered", { count: d.masteredCount })}</p>
      </section>

      <section className="card stack">
        <h2>{t("observation.development.visits")}</h2>
        {d.visits.length === 0 ? (
          <p className="muted">{t("observation.development.no_visits")}</p>
        ) : (
          <ol className="rows">
            {d.visits.map((v) => (
              <li key={v.id}>
                <Link to={`/observaciones/${v.id}`}>
                  {t("observation.development.visit_row", {
                    date: format.date(v.startedAt),
                    course: v.course,
                    subject: v.subject,
                    observer: v.observerName,
                  })}
                </Link>
                {v.onTask !== null ? (
                  <span className="muted">
                    {" "}
                    · {t("observation.development.visit_on_task", { share: format.percent(v.onTask) })}
                  </span>
                ) : null}
                {!v.meetingAt ? (
                  <span className="badge"> {t("observation.development.feedback_pending")}</span>
                ) : !v.acknowledgedAt && d.isSelf ? (
                  <span className="badge badge-warn"> {t("observation.development.feedback_unread")}</span>
                ) : null}
                <br />
                <a href={`/observaciones/${v.id}/ciclo.pdf`} download>
                  {t("pdf.cycle.download")}
                  <span className="sr-only"> · {format.date(v.startedAt)}</span>
                </a>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card stack">
        <h2>{t("observation.development.on_task_trend")}</h2>
        {d.chart ? (
          <>
            <LineChart chart={d.chart} label={t("observation.development.chart_label")} percent />
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("observation.development.table_date")}</th>
                    <th scope="col">{t("observation.development.table_share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.onTaskSeries.map((p) => (
                    <tr key={String(p.at)}>
                      <td>{format.date(p.at)}</td>
                      <td>{format.percent(p.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p className="muted">{t("observation.development.on_task_none")}</p>
        )}
      </section>

      <LevelsCard levels={d.levels} chart={d.levelsChart} />
      <StepsCard steps={d.stepCategories} chart={d.stepsChart} />

      <section className="card stack">
        <h2>{t("observation.development.steps")}</h2>
        {d.steps.length === 0 ? (
          <p className="muted">{t("observation.development.no_steps")}</p>
        ) : (
          <ol className="rows">
            {d.steps.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong>
                <br />
                <span className="muted">
                  {s.closedAt
                    ? t("observation.development.step_dates_closed", {
                        status: t(`observation.step_status.${s.status}`),
                        opened: format.date(s.openedAt),
                        closed: format.date(s.closedAt),
                      })
                    : t("observation.development.step_dates", {
                        status: t(`observation.step_status.${s.status}`),
                        opened: format.date(s.openedAt),
                      })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
