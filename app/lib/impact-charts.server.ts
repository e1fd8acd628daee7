// The impact page's charts, drawn on the server (src/platform/charts.ts) from the figures; the page
// renders the geometry as SVG and shows the same numbers in tables beside.
import type { Translate } from "~/messages/translate";
import { countryName, type ImpactFigures, type SchoolTimeOnTask } from "~/modules/impact";
import { groupedBars } from "~/platform/charts";
import type { Locale } from "~/platform/i18n/i18n";

export function impactCharts(figures: ImpactFigures, t: Translate, locale: Locale) {
  const bars = (rows: ReadonlyArray<{ label: string; value: number }>) =>
    groupedBars(rows.map((r) => ({ label: r.label, values: [r.value] })));
  return {
    countries: bars(
      figures.countries.map((c) => ({ label: countryName(c.country, t, locale), value: c.people })),
    ),
    regions: bars(figures.regions.map((r) => ({ label: r.region, value: r.people }))),
    ive: bars(figures.schoolsByIve.map((b) => ({ label: t(`ive_band.${b.band}`), value: b.schools }))),
    dependencia: bars(
      figures.schoolsByDependencia.map((d) => ({
        label: t(`dependencia.${d.dependencia}`),
        value: d.schools,
      })),
    ),
    timeOnTask: groupedBars(
      timeOnTaskBins(figures, t, locale).map((b) => ({ label: b.label, values: [b.schools] })),
    ),
    countryNames: Object.fromEntries(
      figures.countries.map((c) => [c.country, countryName(c.country, t, locale)]),
    ),
  };
}

/** Up to this many schools, the page lists each one; beyond, the table by school is in the report's XLSX. */
export const SCHOOLS_LISTED = 30;
const EDGES = [-20, -15, -10, -5, 0, 5, 10, 15, 20];

/** The schools' changes of time on task in bins of 5 points (the page's chart and table). */
export function timeOnTaskBins(figures: ImpactFigures, t: Translate, locale: Locale) {
  const pts = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toLocaleString(locale)}`;
  const bins = [
    { label: t("impact.bin.below", { to: pts(EDGES[0]) }), from: -Infinity, to: EDGES[0], schools: 0 },
    ...EDGES.slice(0, -1).map((from, i) => ({
      label: t("impact.bin.range", { from: pts(from), to: pts(EDGES[i + 1]) }),
      from,
      to: EDGES[i + 1],
      schools: 0,
    })),
    {
      label: t("impact.bin.above", { from: pts(EDGES[EDGES.length - 1]) }),
      from: EDGES[EDGES.length - 1],
      to: Infinity,
      schools: 0,
    },
  ];
  for (const school of figures.timeOnTask) {
    const change = Math.round(school.change * 1000) / 10;
    const bin = bins.find((b) => change >= b.from && change < b.to);
    if (bin) bin.schools++;
  }
  return bins;
}

/**
 * What the page shows of the figures: the bins and the median of every school (network totals), and
 * the table by school of the schools the reader advises (`shown`), when it is not long.
 */
export function impactView(figures: ImpactFigures, shown: SchoolTimeOnTask[], t: Translate, locale: Locale) {
  const { timeOnTask: _all, ...rest } = figures;
  return {
    ...rest,
    timeOnTaskSchools: shown.length,
    timeOnTask: shown.length <= SCHOOLS_LISTED ? shown : [],
    timeOnTaskBins: timeOnTaskBins(figures, t, locale).map(({ label, schools }) => ({ label, schools })),
  };
}
