import type { Translate } from "~/messages";
import type { SchoolDashboard } from "~/modules/observation";
import { groupedBars, lineChart, stackedBars } from "~/platform/charts";

type Series = Pick<SchoolDashboard, "coverage" | "onTask" | "levels" | "steps">;

const TITLE_MAX = 56;
const short = (text: string) => (text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text);

/** The SVG geometry of a dashboard's four charts, computed on the server. */
export function dashboardCharts(d: Series, t: Translate) {
  const coverage = d.coverage.filter((c) => c.share !== null);
  const onTask = d.onTask.filter((p) => p.share !== null);
  return {
    coverage: coverage.length
      ? lineChart(
          coverage.map((c) => ({ at: c.bucket, value: c.share as number })),
          { yMax: 1 },
        )
      : null,
    onTask: onTask.length
      ? lineChart(
          onTask.map((p) => ({ at: p.bucket, value: p.share as number })),
          { yMax: 1 },
        )
      : null,
    levels: d.levels.indicators.length
      ? stackedBars(
          d.levels.indicators.map((i) => ({
            label: `${i.mbeStandard ? `${t("dashboard.standard_short", { n: i.mbeStandard })} · ` : ""}${short(i.title)}`,
            values: i.counts,
          })),
        )
      : null,
    steps: d.steps.some((s) => s.opened + s.mastered > 0)
      ? groupedBars(
          d.steps.map((s) => ({
            label: t(`observation.category.${s.category}`),
            values: [s.opened, s.mastered],
          })),
        )
      : null,
  };
}
export type DashboardCharts = ReturnType<typeof dashboardCharts>;

/** The query a dashboard or its files read: desde, hasta (local dates) and pauta (an instrument). */
export function dashboardQuery(request: Request) {
  const query = new URL(request.url).searchParams;
  return { from: query.get("desde"), to: query.get("hasta"), instrumentId: query.get("pauta") };
}
