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

export function chartOption(spec: ChartSpec, data: ChartData, theme: ChartTheme): Record<string, unknown> {
  const points = data.series.reduce((n, s) => n + s.points.length, 0);
  const large = points > LARGE;
  const text = { color: theme.foreground, fontFamily: theme.font };
  const common = {
    animation: !large,
    backgroundColor: 'transparent',
    color: [...theme.palette],
    textStyle: text,
    // Drawn as text on the canvas, never as HTML: values cannot become markup, and the CSP's style-src holds.
    tooltip: { trigger: spec.kind === 'pie' || spec.kind === 'scatter' ? 'item' : 'axis', renderMode: 'richText', confine: true },
    legend: { show: data.series.length > 1 || spec.kind === 'pie', type: 'scroll', top: 0, textStyle: text, pageTextStyle: text },
  };
  if (spec.kind === 'pie') return { ...common, series: [pieSeries(data, theme)] };
  const axisName = { color: theme.muted, fontFamily: theme.font };
  const axisLine = { lineStyle: { color: theme.lines } };
  return {
    ...common,
    // Room below the labels for the x axis' name.
    grid: { left: 8, right: 24, top: data.series.length > 1 ? 36 : 28, bottom: 24 },
    xAxis: {
      type: data.xKind,
      name: spec.x,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: axisName,
      ...(data.xKind === 'category' ? { data: data.xs.map(String) } : { scale: data.xKind === 'value' }),
      axisLabel: { color: theme.muted, hideOverlap: true },
      axisLine,
      axisTick: axisLine,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: spec.y === undefined ? 'Rows' : `${spec.y}${spec.aggregate === 'none' ? '' : ` (${spec.aggregate})`}`,
      nameTextStyle: { ...axisName, align: 'left' },
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.lines, opacity: 0.5 } },
    },
    series: data.series.map((s) => axisSeries(spec, data, s.name, s.points, large)),
  };
}

function axisSeries(spec: ChartSpec, data: ChartData, name: string, points: ChartData['series'][number]['points'], large: boolean): Record<string, unknown> {
  // Categories are drawn in axis order: a series without a value at a category leaves a gap.
  const values = data.xKind === 'category' ? categoryValues(data.xs, points) : points.map((p) => [...p]);
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
    ...(spec.kind === 'area' ? { areaStyle: { opacity: 0.25 }, stack: data.series.length > 1 ? 'total' : undefined } : {}),
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
