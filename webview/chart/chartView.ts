/**
 * A chart of a result: the kind, axes, series and aggregation chosen above it, the chart
 * (echarts on a canvas), what it leaves out, and its points as an accessible table. Shared by
 * the results panel's Chart tab and the notebook renderer; saving a file is the host's job.
 */
import { AGGREGATES, CHART_KINDS, chartData, chartFor, chartTable, columnRoles, type Aggregate, type ChartColumn, type ChartData, type ChartKind, type ChartSpec } from '../../src/results/chart';
import type { SqlValue } from '../../src/values';
import { el } from '../grid/header';
import { addStyleSheet } from '../grid/styles';
import { chartOption, LABELLED_DATES } from './chartOption';
import { CHART_CSS } from './chartStyles';
import { currentTheme, onThemeChange } from './chartTheme';
import { echarts, svgOf, type ECharts } from './echarts';

export type ChartFormat = 'png' | 'svg';

export interface ChartViewOptions {
  /** The chart to show first (a notebook cell's saved choice); the result's first chart otherwise. */
  readonly spec?: ChartSpec;
  /** Called when the user changes the chart (a notebook saves it in the cell's metadata). */
  readonly onSpec?: (spec: ChartSpec) => void;
  /** Saves an export: PNG as base64, SVG as text. */
  readonly save: (format: ChartFormat, data: string) => void;
}

const KIND_LABELS: Record<ChartKind, string> = { line: 'Line', area: 'Area', bar: 'Bar', scatter: 'Scatter', pie: 'Pie' };
const AGGREGATE_LABELS: Record<Aggregate, string> = { none: 'None (every row)', sum: 'Sum', avg: 'Average', count: 'Count', min: 'Minimum', max: 'Maximum' };
/** A table of 100,000 rows would cost more than the chart: the first thousand, and it says how many more. */
const TABLE_ROWS = 1000;
/** The Y choice that counts rows instead of reading a column. */
const ROW_COUNT = '';

export class ChartView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly summary: HTMLElement;
  private readonly selects: Record<'kind' | 'x' | 'y' | 'series' | 'aggregate', HTMLSelectElement>;
  private chart: ECharts | undefined;
  private spec: ChartSpec | undefined;
  private rows: readonly (readonly SqlValue[])[] = [];
  private option: Record<string, unknown> | undefined;
  private data: ChartData | undefined;
  private extraNotes: readonly string[] = [];

  constructor(private readonly columns: readonly ChartColumn[], private readonly options: ChartViewOptions) {
    addStyleSheet(CHART_CSS);
    this.spec = options.spec;
    this.element = el('div', 'gs-chart');
    const bar = el('div', 'gs-chart-bar');
    this.selects = {
      kind: this.select(bar, 'Chart', CHART_KINDS.map((k) => [k, KIND_LABELS[k]])),
      x: this.select(bar, 'X', []),
      y: this.select(bar, 'Y', []),
      series: this.select(bar, 'Series', []),
      aggregate: this.select(bar, 'Aggregate', AGGREGATES.map((a) => [a, AGGREGATE_LABELS[a]])),
    };
    const actions = el('div', 'gs-chart-actions');
    actions.append(this.button('Export PNG', () => this.export('png')), this.button('Export SVG', () => this.export('svg')));
    bar.append(actions);
    this.canvas = el('div', 'gs-chart-canvas');
    this.canvas.setAttribute('role', 'img');
    this.notes = el('div', 'gs-chart-notes');
    this.notes.setAttribute('role', 'status');
    const details = document.createElement('details');
    details.className = 'gs-chart-data';
    this.summary = document.createElement('summary');
    this.table = document.createElement('table');
    details.append(this.summary, this.table);
    this.element.append(bar, this.canvas, this.notes, details);
    new ResizeObserver(() => this.resize()).observe(this.canvas);
    onThemeChange(() => this.draw());
  }

  /** The chart shown (chosen by the user, or the result's first chart). */
  get current(): ChartSpec | undefined {
    return this.spec;
  }

  /** The rows to chart (all of them, or the first of many: `notes` say so). */
  show(rows: readonly (readonly SqlValue[])[], notes: readonly string[] = []): void {
    this.rows = rows;
    this.extraNotes = notes;
    this.spec = chartFor(this.spec, this.columns, rows);
    this.fillChoices();
    this.draw();
  }

  /** A sentence instead of a chart (the query still runs, nothing to chart). */
  wait(text: string): void {
    this.chart?.clear();
    this.option = undefined;
    this.notes.textContent = text;
  }

  private select(bar: HTMLElement, label: string, choices: readonly (readonly [string, string])[]): HTMLSelectElement {
    const wrap = document.createElement('label');
    wrap.className = 'gs-chart-choice';
    const name = el('span', 'gs-chart-label');
    name.textContent = label;
    const select = document.createElement('select');
    select.setAttribute('aria-label', label);
    setChoices(select, choices);
    select.addEventListener('change', () => this.changed());
    wrap.append(name, select);
    bar.append(wrap);
    return select;
  }

  private button(label: string, run: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'gs-chart-button';
    button.textContent = label;
    button.addEventListener('click', run);
    return button;
  }

  /** The columns each choice can take: Y numbers (or the row count), Series text and dates. */
  private fillChoices(): void {
    const roles = columnRoles(this.columns, this.rows);
    const names = this.columns.map((c) => c.name);
    setChoices(this.selects.x, names.map((n) => [n, n]));
    setChoices(this.selects.y, [[ROW_COUNT, 'Row count'], ...names.filter((_, i) => roles[i] === 'number').map((n) => [n, n] as const)]);
    setChoices(this.selects.series, [['', 'None'], ...names.filter((_, i) => roles[i] !== 'number').map((n) => [n, n] as const)]);
    this.reflect();
  }

  /** The selects show the spec. */
  private reflect(): void {
    const spec = this.spec;
    if (!spec) return;
    this.selects.kind.value = spec.kind;
    this.selects.x.value = spec.x;
    this.selects.y.value = spec.y ?? ROW_COUNT;
    this.selects.series.value = spec.series ?? '';
    this.selects.aggregate.value = spec.y === undefined ? 'count' : spec.aggregate;
    this.selects.aggregate.disabled = spec.y === undefined;
    this.selects.series.disabled = spec.kind === 'pie';
  }

  private changed(): void {
    const y = this.selects.y.value || undefined;
    const series = this.selects.series.value || undefined;
    let aggregate = this.selects.aggregate.value as Aggregate;
    // Choosing a column after the row count: sum it, rather than keep counting.
    if (y !== undefined && this.spec?.y === undefined && aggregate === 'count') aggregate = 'sum';
    this.spec = { kind: this.selects.kind.value as ChartKind, x: this.selects.x.value, ...(y ? { y } : {}), ...(series ? { series } : {}), aggregate: y === undefined ? 'count' : aggregate };
    this.reflect();
    this.draw();
    this.options.onSpec?.(this.spec);
  }

  private draw(): void {
    const spec = this.spec;
    if (!spec) return this.wait(this.columns.length === 0 ? 'Nothing to chart: the result has no columns.' : 'Nothing to chart: every column is a key or text with many values. Add a number column (such as count(*)), or choose an X above.');
    const data = chartData(spec, this.columns, this.rows);
    this.data = data;
    this.option = chartOption(spec, data, currentTheme(), this.width());
    const points = data.series.reduce((n, s) => n + s.points.length, 0);
    this.notes.textContent = [...this.extraNotes, ...data.notes, points === 0 ? 'Nothing to chart: no row has a value to draw.' : ''].filter(Boolean).join(' ');
    this.canvas.setAttribute('aria-label', `${KIND_LABELS[spec.kind]} chart of ${spec.y ?? 'the row count'} by ${spec.x}: ${points.toLocaleString('en-US')} points`);
    this.fillTable(chartTable(data, spec, TABLE_ROWS), points);
    if (!this.chart && this.canvas.clientWidth > 0) {
      this.chart = echarts.init(this.canvas, undefined, { renderer: 'canvas' });
      // Says when the chart has finished drawing (its animation included): tests and screenshots wait on it.
      this.chart.on('finished', () => this.canvas.setAttribute('data-state', 'drawn'));
    }
    this.canvas.setAttribute('data-state', 'drawing');
    this.chart?.setOption(this.option, { notMerge: true, lazyUpdate: false });
  }

  private fillTable(table: { head: string[]; rows: string[][]; total: number }, points: number): void {
    this.summary.textContent = `Chart data (${points.toLocaleString('en-US')} point${points === 1 ? '' : 's'})`;
    const head = document.createElement('thead');
    head.append(tableRow('th', table.head));
    const body = document.createElement('tbody');
    for (const row of table.rows) body.append(tableRow('td', row));
    if (table.total > table.rows.length) body.append(tableRow('td', [`… and ${(table.total - table.rows.length).toLocaleString('en-US')} more`]));
    this.table.replaceChildren(head, body);
  }

  private resize(): void {
    if (!this.chart && this.option && this.canvas.clientWidth > 0) return this.draw();
    // Dates label the axis as many as fit: a new width, a new choice of them.
    if (this.spec && this.data?.xKind === 'time' && this.data.xs.length <= LABELLED_DATES) {
      this.option = chartOption(this.spec, this.data, currentTheme(), this.width());
      this.chart?.setOption(this.option, { notMerge: true, lazyUpdate: false });
    }
    this.chart?.resize();
  }

  private width(): number {
    return this.canvas.clientWidth || 640;
  }

  private export(format: ChartFormat): void {
    if (!this.option) return;
    const width = Math.max(this.canvas.clientWidth, 640);
    const height = Math.max(this.canvas.clientHeight, 400);
    // The SVG's own width chooses the dates that label its axis.
    if (format === 'svg') return this.options.save('svg', svgOf(this.spec && this.data ? chartOption(this.spec, this.data, currentTheme(), width) : this.option, width, height));
    const url = this.chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: currentTheme().background });
    if (url) this.options.save('png', url.slice(url.indexOf(',') + 1));
  }
}

function setChoices(select: HTMLSelectElement, choices: readonly (readonly [string, string])[]): void {
  const value = select.value;
  select.replaceChildren(...choices.map(([v, label]) => {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = label;
    return option;
  }));
  if (choices.some(([v]) => v === value)) select.value = value;
}

function tableRow(cell: 'th' | 'td', values: readonly string[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.append(...values.map((v) => {
    const c = document.createElement(cell);
    c.textContent = v;
    return c;
  }));
  return row;
}
