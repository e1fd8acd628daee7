// The impact page's charts, drawn on the server (src/platform/charts.ts) from the figures; the page
// renders the geometry as SVG and shows the same numbers in tables beside.
import type { Translate } from "~/messages/translate";
import { countryName, type ImpactFigures } from "~/modules/impact";
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
    // whole percentages, baseline then latest, per school
    timeOnTask: groupedBars(
      figures.timeOnTask.map((s) => ({
        label: s.school,
        values: [Math.round(s.baseline * 100), Math.round(s.latest * 100)],
      })),
    ),
    countryNames: Object.fromEntries(
      figures.countries.map((c) => [c.country, countryName(c.country, t, locale)]),
    ),
  };
}
