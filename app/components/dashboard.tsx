// The parts shared by the school and network observation dashboards: the period form, the four
// charts each with its table, and the download links. Charts come as server-computed geometry.
import type { ReactNode } from "react";
import { Form } from "react-router";
import { LEVELS } from "~/modules/observation/content";
import type { Period } from "~/modules/observation/dashboard-periods";
import type {
  CoveragePoint,
  IndicatorLevels,
  LevelDistribution,
  OnTaskPoint,
  StepsByCategory,
} from "~/modules/observation/dashboard-series";
import type { DashboardCharts } from "../lib/dashboard-charts.server";
import { useFormat, useT } from "../lib/i18n";
import { ChartLegend, GroupedBars, StackedBars } from "./bar-charts";
import { LineChart } from "./line-chart";

/** The period (and instrument) asked for, as a GET form that works without JavaScript. */
export function PeriodForm({
  period,
  invalid,
  levels,
}: {
  period: Period;
  invalid: boolean;
  levels: LevelDistribution;
}) {
  const t = useT();
  return (
    <Form method="get" className="card period-form" aria-label={t("dashboard.period.label")}>
      {invalid ? (
        <p className="alert alert-error" role="alert">
          {t("dashboard.period.invalid")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="period-from">{t("dashboard.period.from")}</label>
        <input id="period-from" name="desde" type="date" defaultValue={period.fromDate} />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t("dashboard.period.to")}</label>
        <input id="period-to" name="hasta" type="date" defaultValue={period.toDate} />
      </div>
      {levels.instruments.length > 1 ? (
        <div className="field">
          <label htmlFor="period-instrument">{t("dashboard.period.instrument")}</label>
          <select id="period-instrument" name="pauta" defaultValue={levels.instrumentId ?? ""}>
            {levels.instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button-secondary">
        {t("dashboard.period.apply")}
      </button>
      <p className="hint">{t(`dashboard.period.bucket.${period.bucket}`)}</p>
    </Form>
  );
}

/** Links to the dashboard's files, keeping the period of the page. */
export function Downloads({
  base,
  search,
  pdf,
  network,
}: {
  base: string;
  search: string;
  pdf?: boolean;
  /** the network's CSV is one line per school, not the visits */
  network?: boolean;
}) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t("dashboard.download.title")}</h2>
      <ul className="downloads">
        <li>
          <a href={`${base}/datos.csv${search}`} download>
            {t(network ? "dashboard.download.csv_schools" : "dashboard.download.csv")}
          </a>
        </li>
        <li>
          <a href={`${base}/datos.xlsx${search}`} download>
            {t("dashboard.download.xlsx")}
          </a>
        </li>
        {pdf ? (
          <li>
            <a href={`${base}/informe.pdf${search}`} download>
              {t("dashboard.download.pdf")}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ChartCard({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  const t = useT();
  return (
    <section className="card stack">
      <h2>{title}</h2>
      {empty ? <p className="muted">{t("dashboard.no_data")}</p> : children}
    </section>
  );
}

/**
 * A wide table that scrolls sideways on a phone, and shows it: a shadow at the edge that hides columns
 * (styles.css, no JavaScript) and, on a narrow screen, a line saying to swipe. Its figures never wrap.
 * The scrolling box takes the keyboard focus (and is a named region) so that it can be scrolled
 * without a mouse.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="scroll-wrap">
      <p className="hint scroll-hint" aria-hidden="true">
        {t("dashboard.scroll_hint")}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="table-wrap scroll-table" tabIndex={0} aria-label={label}>
        {children}
      </section>
    </div>
  );
}

/** A table under a chart, folded on a phone: the numbers are there for whoever needs them. */
function NumbersTable({
  caption,
  head,
  children,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <details className="numbers">
      <summary>{t("dashboard.show_numbers")}</summary>
      <ScrollTable label={caption}>
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>{head}</thead>
          <tbody>{children}</tbody>
        </table>
      </ScrollTable>
    </details>
  );
}

export function CoverageCard({
  coverage,
  chart,
  visitEveryDays,
}: {
  coverage: CoveragePoint[];
  chart: DashboardCharts["coverage"];
  visitEveryDays?: number;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <ChartCard title={t("dashboard.coverage.title")} empty={!chart}>
      <p className="hint">
        {visitEveryDays
          ? t("dashboard.coverage.explained", { days: visitEveryDays })
          : t("dashboard.coverage.explained_network")}
      </p>
      {chart ? <LineChart chart={chart} label={t("dashboard.coverage.chart")} percent days /> : null}
      <NumbersTable
        caption={t("dashboard.coverage.title")}
        head={
          <tr>
            <th scope="col">{t("dashboard.col.from")}</th>
            <th scope="col">{t("dashboard.col.covered")}</th>
            <th scope="col">{t("dashboard.col.coverage")}</th>
            <th scope="col">{t("dashboard.col.visits")}</th>
            <th scope="col">{t("dashboard.col.meetings")}</th>
          </tr>
        }
      >
        {coverage.map((c) => (
          <tr key={c.bucket}>
            <td className="nowrap">{format.day(c.bucket)}</td>
            <td>{t("dashboard.covered_of", { covered: c.covered, teachers: c.teachers })}</td>
            <td>{c.share === null ? "—" : format.percent(c.share)}</td>
            <td>{c.visits}</td>
            <td>{c.meetings}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartCard>
  );
}

export function OnTaskCard({ onTask, chart }: { onTask: OnTaskPoint[]; chart: DashboardCharts["onTask"] }) {
  const t = useT();
  const format = useFormat();
  return (
    <ChartCard title={t("dashboard.on_task.title")} empty={!chart}>
      <p className="hint">{t("dashboard.on_task.explained")}</p>
      {chart ? <LineChart chart={chart} label={t("dashboard.on_task.chart")} percent days /> : null}
      <NumbersTable
        caption={t("dashboard.on_task.title")}
        head={
          <tr>
            <th scope="col">{t("dashboard.col.from")}</th>
            <th scope="col">{t("dashboard.col.visits_with_snapshots")}</th>
            <th scope="col">{t("dashboard.col.on_task")}</th>
          </tr>
        }
      >
        {onTask.map((p) => (
          <tr key={p.bucket}>
            <td className="nowrap">{format.day(p.bucket)}</td>
            <td>{p.visits}</td>
            <td>{p.share === null ? "—" : format.percent(p.share)}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartCard>
  );
}

export function LevelsCard({
  levels,
  chart,
}: {
  levels: LevelDistribution;
  chart: DashboardCharts["levels"];
}) {
  const t = useT();
  const format = useFormat();
  const levelNames = LEVELS.map((l) => t(`observation.level.${l}`));
  const instrument = levels.instruments.find((i) => i.id === levels.instrumentId);
  return (
    <ChartCard title={t("dashboard.levels.title")} empty={!chart}>
      {instrument ? (
        <p className="hint">
          {t("dashboard.levels.explained", { instrument: instrument.name, visits: instrument.scored })}
        </p>
      ) : null}
      <ChartLegend labels={levelNames} prefix="chart-level" />
      {chart ? (
        <StackedBars chart={chart} label={t("dashboard.levels.chart")} seriesLabels={levelNames} />
      ) : null}
      <NumbersTable
        caption={t("dashboard.levels.title")}
        head={
          <tr>
            <th scope="col">{t("dashboard.col.indicator")}</th>
            {levelNames.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
            <th scope="col">{t("dashboard.col.mean")}</th>
          </tr>
        }
      >
        {levels.indicators.map((i: IndicatorLevels) => (
          <tr key={i.key}>
            <th scope="row">
              {i.mbeStandard ? `${t("dashboard.standard_short", { n: i.mbeStandard })} · ` : ""}
              {i.title}
            </th>
            {i.counts.map((n, index) => (
              <td key={levelNames[index]}>{n}</td>
            ))}
            <td>{i.mean === null ? "—" : format.number(i.mean, 1)}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartCard>
  );
}

export function StepsCard({ steps, chart }: { steps: StepsByCategory[]; chart: DashboardCharts["steps"] }) {
  const t = useT();
  const series = [t("dashboard.steps.opened"), t("dashboard.steps.mastered")];
  return (
    <ChartCard title={t("dashboard.steps.title")} empty={!chart}>
      <ChartLegend labels={series} />
      {chart ? <GroupedBars chart={chart} label={t("dashboard.steps.chart")} seriesLabels={series} /> : null}
      <NumbersTable
        caption={t("dashboard.steps.title")}
        head={
          <tr>
            <th scope="col">{t("dashboard.col.category")}</th>
            <th scope="col">{series[0]}</th>
            <th scope="col">{series[1]}</th>
          </tr>
        }
      >
        {steps.map((s) => (
          <tr key={s.category}>
            <th scope="row">{t(`observation.category.${s.category}`)}</th>
            <td>{s.opened}</td>
            <td>{s.mastered}</td>
          </tr>
        ))}
      </NumbersTable>
    </ChartCard>
  );
}
