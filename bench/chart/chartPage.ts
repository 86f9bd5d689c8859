// Runs in headless Chromium under the results webview's CSP (bench/chart.ts): the Chart view
// (chart.ts, chartOption.ts, echarts on a canvas) over 100,000 rows held in the page.
import { chartData, type ChartKind, type ChartSpec } from '../../src/results/chart';
import type { SqlValue } from '../../src/values';
import { ChartView } from '../../webview/chart/chartView';
import { nextPaint } from '../grid/measure';

declare global {
  interface Window { benchChart(rows: number, kind: ChartKind): Promise<Record<string, number>>; cspViolations: string[] }
}

window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));

/** A day per row since 2020 (a line over time), a number, and a text of 12 values (bars, series). */
function rowsOf(count: number): SqlValue[][] {
  const start = Date.UTC(2020, 0, 1);
  return Array.from({ length: count }, (_, i) => [new Date(start + i * 3_600_000).toISOString(), Math.round(50 + 40 * Math.sin(i / 500) + (i % 17)), `Rep ${i % 12}`]);
}

const COLUMNS = [{ name: 'At', type: 'text' }, { name: 'Calls', type: 'integer' }, { name: 'Rep', type: 'text' }];
const SPECS: Record<ChartKind, ChartSpec> = {
  line: { kind: 'line', x: 'At', y: 'Calls', aggregate: 'none' },
  area: { kind: 'area', x: 'At', y: 'Calls', aggregate: 'none' },
  scatter: { kind: 'scatter', x: 'At', y: 'Calls', aggregate: 'none' },
  bar: { kind: 'bar', x: 'Rep', y: 'Calls', aggregate: 'sum' },
  pie: { kind: 'pie', x: 'Rep', y: 'Calls', aggregate: 'sum' },
};

window.benchChart = async (count, kind) => {
  const rows = rowsOf(count);
  const host = document.getElementById('host') as HTMLElement;
  host.replaceChildren();
  const view = new ChartView(COLUMNS, { spec: SPECS[kind], save: () => undefined });
  host.append(view.element);
  await nextPaint();
  const d0 = performance.now();
  chartData(SPECS[kind], COLUMNS, rows);
  const data = performance.now() - d0;
  const t0 = performance.now();
  view.show(rows);
  const drawn = performance.now();
  // echarts paints on the next animation frame: the figure is until the frame after it.
  await nextPaint();
  await nextPaint();
  const painted = performance.now() - t0;
  const canvas = host.querySelector('canvas');
  return { data, draw: drawn - t0, firstPaint: painted, canvasWidth: canvas?.width ?? 0, points: Number(/(\d[\d,]*) points/.exec(host.querySelector('.gs-chart-canvas')?.getAttribute('aria-label') ?? '')?.[1]?.replace(/,/g, '') ?? 0) };
};
