/**
 * The notebook renderer for Gong SQL results: the results grid over the rows the output
 * carries (bounded by the controller; the output says so when a result had more), or their
 * chart. Table or Chart is chosen per cell: the choice (and the chart's kind, axes, series
 * and aggregation) goes to the extension host, which keeps it in the cell's metadata.
 */
import type { ActivationFunction } from 'vscode-notebook-renderer';
import type { ChartSpec } from '../../src/results/chart';
import type { ResultOutput } from '../../src/notebook/notebookFile';
import type { RendererToHost } from '../../src/notebook/rendererMessages';
import { ChartView } from '../chart/chartView';
import { Grid } from '../grid/grid';
import { el } from '../grid/header';
import { MemorySource } from '../grid/source';

/** The chart shown by an output drawn before (VS Code may draw an output again): by its key. */
const shownCharts = new Map<string, ChartSpec | null>();
const CHART_HEIGHT = 380;

export const activate: ActivationFunction = (context) => ({
  renderOutputItem(item, element) {
    const output = item.json() as ResultOutput;
    const send = (m: RendererToHost) => context.postMessage?.(m);
    const source = new MemorySource(output.columns, output.rows as (readonly (string | number | null)[])[], (text) => navigator.clipboard.writeText(text));
    const grid = new Grid(source, { layout: output.layout === 'record' ? 'record' : 'table' });
    const frame = document.createElement('div');
    // The record view shows a record's fields as rows, their values wrapped.
    const lines = output.layout === 'record' ? output.columns.length * 2 : output.rows.length;
    const gridHeight = `${Math.min(420, 90 + lines * 22)}px`;
    frame.style.display = 'flex';
    frame.style.flexDirection = 'column';
    const notes = document.createElement('div');
    for (const m of output.messages) {
      const p = document.createElement('p');
      p.textContent = m;
      p.style.margin = '2px 0';
      p.style.color = 'var(--vscode-descriptionForeground)';
      notes.append(p);
    }
    const saved = output.key !== undefined && shownCharts.has(output.key) ? shownCharts.get(output.key) : output.chart;
    let chart: ChartView | undefined;
    const show = (view: 'table' | 'chart') => {
      if (view === 'chart') {
        chart ??= new ChartView(output.columns, {
          spec: saved ?? undefined,
          onSpec: (spec) => remember(spec),
          save: (format, data) => send({ type: 'saveChart', format, data }),
        });
        frame.style.height = `${CHART_HEIGHT}px`;
        frame.replaceChildren(chart.element);
        chart.show(output.rows);
        remember(chart.current ?? null);
      } else {
        frame.style.height = gridHeight;
        frame.replaceChildren(grid.element);
        remember(null);
      }
    };
    const remember = (spec: ChartSpec | null) => {
      if (output.key === undefined) return;
      shownCharts.set(output.key, spec);
      send({ type: 'chart', key: output.key, chart: spec });
    };
    const tabs = output.columns.length > 0 && output.layout !== 'record' ? viewTabs(saved ? 'chart' : 'table', show) : undefined;
    element.replaceChildren(...(tabs ? [tabs] : []), frame, notes);
    show(saved && tabs ? 'chart' : 'table');
  },
});

/** Table | Chart, as tabs above the output. */
function viewTabs(first: 'table' | 'chart', show: (view: 'table' | 'chart') => void): HTMLElement {
  const bar = el('div', 'gs-view-tabs');
  bar.setAttribute('role', 'tablist');
  bar.style.cssText = 'display:flex;flex-wrap:wrap;gap:2px;margin-bottom:2px;font-family:var(--vscode-font-family);font-size:var(--vscode-font-size,13px)';
  const buttons = (['table', 'chart'] as const).map((view) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = view === 'table' ? 'Table' : 'Chart';
    button.setAttribute('role', 'tab');
    button.style.cssText = 'background:none;border:none;border-bottom:2px solid transparent;color:var(--vscode-foreground);padding:2px 8px;cursor:pointer;font:inherit';
    button.addEventListener('click', () => select(view));
    return button;
  });
  const mark = (view: 'table' | 'chart') => buttons.forEach((b, i) => {
    const selected = (i === 0) === (view === 'table');
    b.setAttribute('aria-selected', String(selected));
    b.style.borderBottomColor = selected ? 'var(--vscode-focusBorder)' : 'transparent';
  });
  const select = (view: 'table' | 'chart') => {
    mark(view);
    show(view);
  };
  bar.append(...buttons);
  mark(first);
  return bar;
}
