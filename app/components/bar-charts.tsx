import type { GroupedBarsGeometry, StackedBarsGeometry } from "~/platform/charts";
import { useFormat } from "../lib/i18n";

/** A legend for series drawn with the classes `chart-series-0`, `chart-series-1`… */
export function ChartLegend({ labels, prefix = "chart-series" }: { labels: string[]; prefix?: string }) {
  return (
    <ul className="chart-legend">
      {labels.map((label, i) => (
        <li key={label}>
          <svg width="12" height="12" aria-hidden="true" focusable="false">
            <rect width="12" height="12" className={`${prefix}-${i}`} />
          </svg>{" "}
          {label}
        </li>
      ))}
    </ul>
  );
}

/** Server-computed 100 % bars, one per row (levels per indicator); the numbers are in a table beside. */
export function StackedBars({
  chart,
  label,
  seriesLabels,
}: {
  chart: StackedBarsGeometry;
  label: string;
  seriesLabels: string[];
}) {
  const format = useFormat();
  return (
    <svg className="chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label}>
      {chart.rows.map((row) => (
        <g key={row.label}>
          <text x={0} y={row.y - 4} className="chart-label chart-label-ink">
            {row.label}
          </text>
          {row.segments
            .filter((s) => s.width > 0)
            .map((s) => (
              <rect
                key={s.index}
                x={s.x}
                y={row.y}
                width={s.width}
                height={chart.barHeight}
                className={`chart-level-${s.index}`}
              >
                <title>{`${row.label} · ${seriesLabels[s.index] ?? ""}: ${format.number(s.value)} (${format.percent(s.share)})`}</title>
              </rect>
            ))}
        </g>
      ))}
    </svg>
  );
}

/** Server-computed grouped bars (e.g. steps opened and mastered by category), one row per group. */
export function GroupedBars({
  chart,
  label,
  seriesLabels,
}: {
  chart: GroupedBarsGeometry;
  label: string;
  seriesLabels: string[];
}) {
  const format = useFormat();
  return (
    <svg className="chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label}>
      {chart.groups.map((g) => (
        <g key={g.label}>
          <text x={0} y={g.y - 4} className="chart-label chart-label-ink">
            {g.label}
          </text>
          {g.bars.map((b) => (
            <g key={b.series}>
              <rect
                x={b.x}
                y={b.y}
                width={Math.max(b.width, 1)}
                height={chart.barHeight}
                className={`chart-series-${b.series}`}
              >
                <title>{`${g.label} · ${seriesLabels[b.series] ?? ""}: ${format.number(b.value)}`}</title>
              </rect>
              <text x={b.x + Math.max(b.width, 1) + 4} y={b.y + chart.barHeight - 2} className="chart-label">
                {format.number(b.value)}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
