import type { LineChartGeometry } from "~/platform/charts";
import { useFormat } from "../lib/i18n";

/** Server-computed line chart geometry as an accessible SVG; the same numbers go in a table beside it. */
export function LineChart({
  chart,
  label,
  percent = false,
  days = false,
  digits = 0,
}: {
  chart: LineChartGeometry;
  label: string;
  percent?: boolean;
  /** decimals of a plain number's value (its point's tooltip; the axis keeps whole ticks) */
  digits?: number;
  /** the points' `at` are calendar days ("2026-11-25"), not instants */
  days?: boolean;
}) {
  const format = useFormat();
  const value = (v: number, places = digits) => (percent ? format.percent(v) : format.number(v, places));
  const when = (at: string) => (days ? format.day(at) : format.date(at));
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  return (
    <svg className="chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label}>
      {chart.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} className="chart-grid" />
          <text x={chart.plot.left - 6} y={tick.y + 4} textAnchor="end" className="chart-label">
            {value(tick.value, 0)}
          </text>
        </g>
      ))}
      <path d={chart.path} className="chart-line" fill="none" />
      {chart.points.map((p) => (
        <circle key={`${p.at}-${p.x}`} cx={p.x} cy={p.y} r={4} className="chart-point">
          <title>{`${when(p.at)}: ${value(p.value)}`}</title>
        </circle>
      ))}
      {first ? (
        <text x={first.x} y={chart.height - 8} textAnchor="start" className="chart-label">
          {when(first.at)}
        </text>
      ) : null}
      {last && last !== first ? (
        <text x={last.x} y={chart.height - 8} textAnchor="end" className="chart-label">
          {when(last.at)}
        </text>
      ) : null}
    </svg>
  );
}
