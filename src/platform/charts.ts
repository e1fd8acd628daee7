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

export interface StackedBarsGeometry {
  width: number;
  height: number;
  rows: Array<{
    label: string;
    y: number;
    total: number;
    segments: Array<{ x: number; width: number; value: number; share: number; index: number }>;
  }>;
  barHeight: number;
  plot: { left: number; right: number };
}

/**
 * Horizontal bars of 100 %, one per row, split into segments by the share of each value (for
 * example, how many Insatisfactorio, Básico, Competente and Destacado an indicator got).
 */
export function stackedBars(
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>,
  options: { width?: number; barHeight?: number; gap?: number; labelHeight?: number } = {},
): StackedBarsGeometry {
  const width = options.width ?? 360;
  const barHeight = options.barHeight ?? 16;
  const gap = options.gap ?? 10;
  const labelHeight = options.labelHeight ?? 16;
  const plot = { left: 0, right: width };
  const x = scaleLinear().domain([0, 1]).range([plot.left, plot.right]);
  const laidOut = rows.map((row, i) => {
    const total = row.values.reduce((s, v) => s + v, 0);
    let start = 0;
    const segments = row.values.map((value, index) => {
      const share = total > 0 ? value / total : 0;
      const segment = { x: round(x(start)), width: round(x(start + share) - x(start)), value, share, index };
      start += share;
      return segment;
    });
    return { label: row.label, y: i * (barHeight + gap + labelHeight) + labelHeight, total, segments };
  });
  return {
    width,
    height: rows.length * (barHeight + gap + labelHeight),
    rows: laidOut,
    barHeight,
    plot,
  };
}

export interface GroupedBarsGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number };
  barHeight: number;
  groups: Array<{
    label: string;
    y: number;
    bars: Array<{ x: number; y: number; width: number; value: number; series: number }>;
  }>;
}

/**
 * Horizontal bars grouped by category, a label above each group and one bar per series (e.g. steps
 * opened and mastered): long Spanish labels fit on a phone.
 */
export function groupedBars(
  groups: ReadonlyArray<{ label: string; values: readonly number[] }>,
  options: { width?: number; barHeight?: number; valueWidth?: number } = {},
): GroupedBarsGeometry {
  const width = options.width ?? 360;
  const barHeight = options.barHeight ?? 12;
  const labelHeight = 16;
  const gap = 10;
  const plot = { left: 0, right: width - (options.valueWidth ?? 36) };
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const x = scaleLinear().domain([0, max]).range([plot.left, plot.right]);
  let y = 0;
  const laidOut = groups.map((g) => {
    const top = y + labelHeight;
    const bars = g.values.map((value, series) => ({
      x: plot.left,
      y: top + series * (barHeight + 2),
      width: round(x(value) - plot.left),
      value,
      series,
    }));
    y = top + g.values.length * (barHeight + 2) + gap;
    return { label: g.label, y: top, bars };
  });
  return { width, height: Math.max(y, 1), plot, barHeight, groups: laidOut };
}
