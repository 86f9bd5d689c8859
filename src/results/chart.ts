/**
 * What a chart of a result shows, and the points it draws: pure, shared by the results
 * webview, the notebook renderer (both draw it with echarts) and the notebook file (which
 * saves a cell's ChartSpec, never its points). Columns are named, not numbered, so a spec
 * saved with a notebook still fits after the query's columns move.
 */
import type { SqlValue } from '../values';

export const CHART_KINDS = ['line', 'area', 'bar', 'scatter', 'pie'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
/** How rows sharing an x (and series) become one point; 'none' draws every row. */
export const AGGREGATES = ['none', 'sum', 'avg', 'count', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export interface ChartSpec {
  readonly kind: ChartKind;
  /** The column along the x axis (the slices of a pie). */
  readonly x: string;
  /** The column measured; absent: the number of rows (aggregate 'count'). */
  readonly y?: string;
  /** A column whose values split the points into one series each. */
  readonly series?: string;
  readonly aggregate: Aggregate;
}

export interface ChartColumn { readonly name: string; readonly type: string }
type Rows = readonly (readonly SqlValue[])[];

/** What a column can be on an axis, read from its type and values (dates are text). */
export type ColumnRole = 'time' | 'number' | 'text';
/** ISO dates and date-times, as Gong and SQLite's date functions write them. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Rows read to tell a column's role; enough to see its kind, cheap at 100,000 rows. */
const ROLE_SAMPLE = 200;
/** More series than this are hard to tell apart: the rest are left out, and the chart says so. */
export const MAX_SERIES = 20;

export function columnRoles(columns: readonly ChartColumn[], rows: Rows): ColumnRole[] {
  return columns.map((column, c) => {
    if (column.type === 'integer' || column.type === 'real') return 'number';
    // A streamed result's types may not be known yet: its values tell.
    const sample: SqlValue[] = [];
    for (let i = 0; i < rows.length && sample.length < ROLE_SAMPLE; i++) {
      const v = rows[i]?.[c];
      if (v !== null && v !== undefined) sample.push(v);
    }
    if (sample.length === 0 || column.type === 'mixed') return 'text';
    if (sample.every((v) => typeof v === 'number')) return 'number';
    return sample.every((v) => typeof v === 'string' && ISO_DATE.test(v)) ? 'time' : 'text';
  });
}

/**
 * The first chart of a result, from its column types: a date and a number draw a line over
 * time (one line per value of a text column with few values, such as a workspace), a text
 * and a number bars, two numbers a scatter, text alone bars of row counts per value of a text
 * column with few values. Nothing when only unique keys (ids, titles) remain: counting each
 * once is no chart (the view then says to add a number column).
 */
export function firstChart(columns: readonly ChartColumn[], rows: Rows): ChartSpec | undefined {
  if (columns.length === 0) return undefined;
  const roles = columnRoles(columns, rows);
  const named = (role: ColumnRole) => columns.filter((_, i) => roles[i] === role).map((c) => c.name);
  const [time] = named('time');
  const numbers = named('number');
  const texts = named('text');
  const grouping = texts.find((name) => fewValues(columns.findIndex((c) => c.name === name), rows));
  if (time && numbers[0]) return { kind: 'line', x: time, y: numbers[0], ...(grouping ? { series: grouping } : {}), aggregate: 'sum' };
  if (texts[0] && numbers[0]) return { kind: 'bar', x: texts[0], y: numbers[0], aggregate: 'sum' };
  if (numbers[0] && numbers[1]) return { kind: 'scatter', x: numbers[0], y: numbers[1], aggregate: 'none' };
  if (time) return { kind: 'line', x: time, aggregate: 'count' };
  if (grouping) return { kind: 'bar', x: grouping, aggregate: 'count' };
  return numbers[0] ? { kind: 'bar', x: numbers[0], aggregate: 'count' } : undefined;
}

/**
 * A column that groups rows: at most MAX_SERIES distinct values, and some value shared by two
 * rows (a key such as an id is unique: a series or a bar per row says nothing).
 */
function fewValues(c: number, rows: Rows): boolean {
  const seen = new Set<SqlValue | undefined>();
  for (const row of rows) {
    seen.add(row[c]);
    if (seen.size > MAX_SERIES) return false;
  }
  return seen.size < rows.length;
}

/** A saved spec that no longer fits the result (a column renamed away) gives way to the first chart. */
export function chartFor(spec: ChartSpec | undefined, columns: readonly ChartColumn[], rows: Rows): ChartSpec | undefined {
  const names = new Set(columns.map((c) => c.name));
  const fits = spec && names.has(spec.x) && (spec.y === undefined || names.has(spec.y)) && (spec.series === undefined || names.has(spec.series));
  return fits ? spec : firstChart(columns, rows);
}

export type Point = readonly [x: string | number, y: number];
export interface ChartSeries { readonly name: string; readonly points: readonly Point[] }

export interface ChartData {
  /** How the x axis reads its values: dates on a time line, numbers on a scale, or categories in order. */
  readonly xKind: 'time' | 'value' | 'category';
  readonly series: readonly ChartSeries[];
  /** The x values in axis order (categories are drawn in this order). */
  readonly xs: readonly (string | number)[];
  /** What the chart leaves out, in words ("3 rows without a number in Calls are left out"). */
  readonly notes: readonly string[];
  /** An x value as the rows wrote it (dates are drawn as instants). */
  readonly label: (x: string | number) => string;
}

/** The points a spec draws from the rows, grouped and aggregated. */
export function chartData(spec: ChartSpec, columns: readonly ChartColumn[], rows: Rows): ChartData {
  const index = (name: string | undefined) => (name === undefined ? -1 : columns.findIndex((c) => c.name === name));
  const xi = index(spec.x);
  const yi = index(spec.y);
  const si = index(spec.series);
  const roles = columnRoles(columns, rows);
  const xRole = roles[xi];
  const xKind = xRole === 'time' && spec.kind !== 'pie' ? 'time' : xRole === 'number' && (spec.kind === 'scatter' || spec.kind === 'line' || spec.kind === 'area') ? 'value' : 'category';
  const aggregate = spec.y === undefined ? 'count' : spec.aggregate;
  // Each series' rows as points first; aggregation (when asked) groups them by x after.
  const groups = new Map<string, Point[]>();
  // Dates are drawn and sorted as instants (ms), and shown in the table as the rows wrote them.
  const labels = new Map<number, string>();
  let noX = 0;
  let noY = 0;
  for (const row of rows) {
    const xv = row[xi];
    if (xv === null || xv === undefined) { noX++; continue; }
    // Counting a column counts its rows with a number, as SQL's count(column) does.
    const y = yi < 0 ? 1 : toNumber(row[yi]);
    if (y === undefined) { noY++; continue; }
    const x = xKind === 'category' ? String(xv) : xKind === 'value' ? Number(xv) : timeOf(String(xv), labels);
    if (Number.isNaN(x)) { noX++; continue; }
    const name = si >= 0 ? String(row[si] ?? 'NULL') : (spec.y ?? 'Rows');
    let points = groups.get(name);
    if (!points) groups.set(name, points = []);
    points.push([x, y]);
  }
  const names = [...groups.keys()];
  const kept = spec.kind === 'pie' ? names.slice(0, 1) : names.slice(0, MAX_SERIES);
  const series = kept.map((name) => {
    const points = groups.get(name) as Point[];
    return { name, points: aggregate === 'none' ? points : aggregated(points, aggregate) };
  });
  const xs = axisOrder(series, xKind);
  if (xKind !== 'category') for (const s of series) (s.points as Point[]).sort((a, b) => (a[0] as number) - (b[0] as number));
  const notes = [
    noX > 0 ? `${count(noX, 'row')} without a value in ${spec.x} left out.` : '',
    noY > 0 ? `${count(noY, 'row')} without a number in ${spec.y} left out.` : '',
    kept.length < names.length ? `Showing ${kept.length} of ${names.length} series (${spec.series ?? spec.y}).` : '',
  ].filter(Boolean);
  return { xKind, series, xs, notes, label: (x) => (typeof x === 'number' ? labels.get(x) ?? String(x) : x) };
}

/** A date's instant; the first text seen for it is its label. */
function timeOf(text: string, labels: Map<number, string>): number {
  const ms = Date.parse(text);
  if (!labels.has(ms)) labels.set(ms, text);
  return ms;
}

/** One point per x: the aggregate of its rows' values, in the order the x values first appear. */
function aggregated(points: readonly Point[], aggregate: Exclude<Aggregate, 'none'>): Point[] {
  const byX = new Map<string | number, number[]>();
  for (const [x, y] of points) {
    const values = byX.get(x);
    if (values) values.push(y);
    else byX.set(x, [y]);
  }
  return [...byX].map(([x, values]) => [x, aggregateOf(values, aggregate)] as const);
}

function aggregateOf(values: readonly number[], aggregate: Exclude<Aggregate, 'none'>): number {
  switch (aggregate) {
    case 'count': return values.length;
    case 'sum': return values.reduce((a, b) => a + b, 0);
    case 'avg': return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min': return values.reduce((a, b) => Math.min(a, b));
    case 'max': return values.reduce((a, b) => Math.max(a, b));
  }
}

/** Every series' x values once: in the rows' order for categories, ascending for dates and numbers. */
function axisOrder(series: readonly ChartSeries[], xKind: ChartData['xKind']): (string | number)[] {
  const seen = new Set<string | number>();
  for (const s of series) for (const [x] of s.points) seen.add(x);
  const xs = [...seen];
  return xKind === 'category' ? xs : xs.sort((a, b) => (a as number) - (b as number));
}

function toNumber(value: SqlValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The chart's points as a table (x, then one column per series): what a screen reader reads, and what tests check. The first `limit` rows of `total`. */
export function chartTable(data: ChartData, spec: ChartSpec, limit = Infinity): { head: string[]; rows: string[][]; total: number } {
  const head = [spec.x, ...data.series.map((s) => s.name)];
  if (data.series.length === 1) {
    const points = (data.series[0] as ChartSeries).points;
    return { head, rows: points.slice(0, limit).map(([x, y]) => [data.label(x), formatNumber(y)]), total: points.length };
  }
  const byX = data.series.map((s) => new Map(s.points.map(([x, y]) => [x, y])));
  return { head, rows: data.xs.slice(0, limit).map((x) => [data.label(x), ...byX.map((m) => (m.has(x) ? formatNumber(m.get(x) as number) : ''))]), total: data.xs.length };
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

/** A spec read from a notebook file, or undefined when it is not one (the cell then opens without a chart). */
export function readChartSpec(value: unknown): ChartSpec | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, x, y, series, aggregate } = value as Record<string, unknown>;
  if (!CHART_KINDS.includes(kind as ChartKind) || !AGGREGATES.includes(aggregate as Aggregate) || typeof x !== 'string') return undefined;
  if ((y !== undefined && typeof y !== 'string') || (series !== undefined && typeof series !== 'string')) return undefined;
  // Keys in one order, so a notebook saved twice is the same bytes.
  return { kind: kind as ChartKind, x, ...(y === undefined ? {} : { y }), ...(series === undefined ? {} : { series }), aggregate: aggregate as Aggregate };
}
