// Charts are drawn on the server: d3-scale and d3-shape turn numbers into SVG geometry here, and the
// page renders that geometry as plain SVG. No chart code reaches the browser.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export interface LineChartGeometry {
  width: number;
  height: number;
  /** the plotting area inside the margins */
  plot: { left: number; top: number; right: number; bottom: number };
  path: string;
  points: Array<{ x: number; y: number; value: number; at: string }>;
  yTicks: Array<{ y: number; value: number }>;
}

/** A line over values in [0, yMax], one point per entry, in the order given (oldest first). */
export function lineChart(
  series: ReadonlyArray<{ at: Date | string; value: number }>,
  options: { width?: number; height?: number; yMax?: number; ticks?: number } = {},
): LineChartGeometry {
  const width = options.width ?? 360;
  const height = options.height ?? 200;
  const plot = { left: 44, top: 10, right: width - 12, bottom: height - 26 };
  const x = scalePoint<number>()
    .domain(series.map((_, i) => i))
    .range([plot.left, plot.right])
    .padding(series.length === 1 ? 1 : 0.2);
  const y = scaleLinear()
    .domain([0, options.yMax ?? 1])
    .range([plot.bottom, plot.top]);
  const points = series.map((s, i) => ({
    x: round(x(i) ?? plot.left),
    y: round(y(Math.max(0, Math.min(s.value, options.yMax ?? 1)))),
    value: s.value,
    at: typeof s.at === "string" ? s.at : s.at.toISOString(),
  }));
  const path =
    line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)(points) ?? "";
  return {
    width,
    height,
    plot,
    path,
    points,
    yTicks: y.ticks(options.ticks ?? 4).map((value) => ({ y: round(y(value)), value })),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
