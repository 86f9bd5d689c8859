/**
 * The echarts option for a chart: pure (no DOM), so the same option draws on screen, into
 * the exported SVG, and in tests. Colours come from the VS Code theme (chartTheme.ts).
 */
import type { ChartData, ChartSpec } from '../../src/results/chart';

export interface ChartTheme {
  readonly foreground: string;
  readonly muted: string;
  readonly lines: string;
  readonly background: string;
  readonly palette: readonly string[];
  readonly font: string;
}

/** Past this many points a series drops its symbols and animation and draws in large mode: 100,000 points stay fast. */
const LARGE = 2000;

/** Up to this many dates, the axis is labelled on the data's own dates (a week's Monday, a month's first day). */
export const LABELLED_DATES = 400;
/** Past that, echarts chooses the ticks; a day's label says its month ("Sep 7", not "7"). */
const TIME_LABELS = { day: '{MMM} {d}' };
/** Room for the y axis' labels, left of the plot. */
const Y_LABELS_WIDTH = 80;

/** `width` is the chart's in pixels: how many of the data's dates fit as labels. */
export function chartOption(spec: ChartSpec, data: ChartData, theme: ChartTheme, width = 640): Record<string, unknown> {
  const points = data.series.reduce((n, s) => n + s.points.length, 0);
  const large = points > LARGE;
  const text = { color: theme.foreground, fontFamily: theme.font };
  const legend = data.series.length > 1 || spec.kind === 'pie';
  const common = {
    animation: !large,
    backgroundColor: 'transparent',
    color: [...theme.palette],
    textStyle: text,
    // Drawn as text on the canvas, never as HTML: values cannot become markup, and the CSP's style-src holds.
    tooltip: { trigger: spec.kind === 'pie' || spec.kind === 'scatter' ? 'item' : 'axis', renderMode: 'richText', confine: true },
    legend: { show: legend, type: 'scroll', top: 0, textStyle: text, pageTextStyle: text },
  };
  if (spec.kind === 'pie') return { ...common, series: [pieSeries(data, theme)] };
  const axisName = { color: theme.muted, fontFamily: theme.font };
  const stacked = isStacked(spec, data);
  const aggregate = spec.aggregate === 'none' ? [] : [spec.aggregate];
  return {
    ...common,
    // The legend's row, then the y axis' name under it (never over it); room below the labels for the x axis' name.
    grid: { left: 8, right: 32, top: legend ? 56 : 28, bottom: 24 },
    xAxis: xAxis(spec, data, theme, width),
    yAxis: {
      type: 'value',
      name: spec.y === undefined ? 'Rows' : `${spec.y}${aggregate.length + Number(stacked) > 0 ? ` (${[...aggregate, ...(stacked ? ['stacked'] : [])].join(', ')})` : ''}`,
      nameTextStyle: { ...axisName, align: 'left' },
      // Counts and whole numbers have no ticks between them (no 0.2, 0.4 rows).
      ...(data.series.every((s) => s.points.every(([, y]) => Number.isInteger(y))) ? { minInterval: 1 } : {}),
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.lines, opacity: 0.5 } },
    },
    series: data.series.map((s) => axisSeries(spec, data, s.name, s.points, large, stacked)),
  };
}

/** An area of several series stacks them (each on top of the ones before); its y axis says so. */
function isStacked(spec: ChartSpec, data: ChartData): boolean {
  return spec.kind === 'area' && data.series.length > 1;
}

/**
 * The x axis. Bars stand on categories (over time too: one bar per date, labelled by it, none
 * cut by the plot's edge). Lines and points over a few hundred dates are placed in time and
 * labelled on the data's own dates, as the rows write them, as many as fit; over more, on
 * echarts' ticks with the month.
 */
function xAxis(spec: ChartSpec, data: ChartData, theme: ChartTheme, width: number): Record<string, unknown> {
  const line = { lineStyle: { color: theme.lines } };
  const base = { name: spec.x, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: theme.muted, fontFamily: theme.font }, axisLine: line, axisTick: line, splitLine: { show: false } };
  const label = { color: theme.muted, hideOverlap: true };
  if (onCategories(spec, data)) {
    return { ...base, type: 'category', data: data.xs.map((x) => data.label(x)), axisLabel: label };
  }
  if (data.xKind === 'value') return { ...base, type: 'value', scale: true, axisLabel: label };
  // The tooltip names a point's date as the rows wrote it, not as an instant ("2026-09-07 00:00:00").
  const axisPointer = { label: { formatter: (p: { value: number }) => data.label(p.value) } };
  const ticks = dateTicks(data, width);
  if (!ticks) return { ...base, type: 'time', axisLabel: { ...label, formatter: TIME_LABELS }, axisPointer };
  return {
    ...base,
    type: 'time',
    axisLabel: { ...label, customValues: ticks, formatter: (value: number) => data.label(value) },
    axisTick: { ...line, customValues: ticks },
    axisPointer,
  };
}

/** Bars over time stand on categories too: one per date. */
function onCategories(spec: ChartSpec, data: ChartData): boolean {
  return data.xKind === 'category' || (data.xKind === 'time' && spec.kind === 'bar');
}

/** Every k-th of the data's dates, k as small as lets their labels fit side by side (two at least); none past LABELLED_DATES. */
function dateTicks(data: ChartData, width: number): number[] | undefined {
  const dates = data.xs as readonly number[];
  if (dates.length > LABELLED_DATES) return undefined;
  const widest = Math.max(...dates.map((x) => data.label(x).length));
  const fit = Math.max(2, Math.floor((width - Y_LABELS_WIDTH) / (widest * 7 + 16)));
  const step = Math.ceil(dates.length / fit);
  return dates.filter((_, i) => i % step === 0);
}

function axisSeries(spec: ChartSpec, data: ChartData, name: string, points: ChartData['series'][number]['points'], large: boolean, stacked: boolean): Record<string, unknown> {
  // Categories are drawn in axis order: a series without a value at a category leaves a gap.
  const values = onCategories(spec, data) ? categoryValues(data.xs, points) : points.map((p) => [...p]);
  if (spec.kind === 'bar') return { type: 'bar', name, data: values, large, barMaxWidth: 48 };
  if (spec.kind === 'scatter') return { type: 'scatter', name, data: values, large, symbolSize: large ? 3 : 7 };
  return {
    type: 'line',
    name,
    data: values,
    showSymbol: points.length <= 60,
    symbolSize: 5,
    // Largest-triangle sampling: a line of 100,000 points draws as many as the chart has pixels.
    sampling: 'lttb',
    connectNulls: false,
    lineStyle: { width: 2 },
    ...(spec.kind === 'area' ? { areaStyle: { opacity: 0.25 }, stack: stacked ? 'total' : undefined } : {}),
  };
}

function categoryValues(xs: readonly (string | number)[], points: ChartData['series'][number]['points']): (number | null)[] {
  const byX = new Map(points.map(([x, y]) => [x, y]));
  return xs.map((x) => byX.get(x) ?? null);
}

function pieSeries(data: ChartData, theme: ChartTheme): Record<string, unknown> {
  const points = data.series[0]?.points ?? [];
  return {
    type: 'pie',
    radius: ['30%', '68%'],
    center: ['50%', '55%'],
    data: points.map(([name, value]) => ({ name: String(name), value })),
    label: { color: theme.foreground },
    itemStyle: { borderColor: theme.background, borderWidth: 1 },
  };
}
