/**
 * The grid's column widths: measured from the first rows (columnWidths.ts), laid out in the
 * view's width, or set by the user (a drag or a double-click on a header's edge), after which
 * the automatic layout leaves that column alone. Also which columns hold numbers and how wide
 * the row-number gutter is.
 */
import type { ColumnInfo } from '../../src/results/protocol';
import { fitColumn, layoutWidths, widerFit, type ColumnFit, type Measure } from './columnWidths';
import type { Row } from './source';

/** Columns are sized from the first rows of the result (and widened as more of them arrive). */
const SAMPLE = 200;
const DEFAULT_WIDTH = 120;

export class ColumnLayout {
  readonly widths: number[];
  /** Right-aligned columns: typed as numbers, or (types unknown while streaming) holding only numbers. */
  numeric: boolean[];
  gutter = 0;
  private readonly pinned = new Set<number>();
  private fits: (ColumnFit | undefined)[] = [];
  private sampled = 0;

  constructor(private readonly columns: readonly ColumnInfo[]) {
    this.widths = columns.map(() => DEFAULT_WIDTH);
    this.numeric = columns.map((c) => isNumberType(c.type));
  }

  /** Whether these first rows would tell more than those already measured. */
  wants(rows: number): boolean {
    return this.sampled < SAMPLE && rows > this.sampled;
  }

  sample(first: readonly Row[], measure: Measure, count: number): void {
    const rows = first.slice(0, SAMPLE);
    this.fits = this.columns.map((info, col) => widerFit(this.fits[col], fitColumn(info.name, rows.map((r) => r[col] ?? null), measure)));
    this.numeric = this.columns.map((info, col) => isNumberType(info.type) || (info.type === 'null' && holdsNumbers(rows, col)));
    this.sampled = rows.length;
    this.gutter = gutterWidth(count, measure);
  }

  /** Whether the gutter changed for this many rows. */
  resizeGutter(count: number, measure: Measure | undefined): boolean {
    const gutter = gutterWidth(count, measure);
    if (gutter === this.gutter) return false;
    this.gutter = gutter;
    return true;
  }

  /** The columns the user did not size share `width` pixels (nothing to do before a sample). */
  layout(order: readonly number[], width: number): void {
    if (width === 0 || this.sampled === 0) return;
    const auto = order.filter((c) => !this.pinned.has(c));
    const used = this.gutter + [...this.pinned].reduce((sum, c) => sum + (this.widths[c] ?? 0), 0);
    const laid = layoutWidths(auto.map((c) => this.fits[c] ?? { natural: DEFAULT_WIDTH, floor: DEFAULT_WIDTH }), width - used);
    auto.forEach((c, i) => { this.widths[c] = laid[i] as number; });
  }

  /** A width set by the user. */
  pin(col: number, width: number): void {
    this.pinned.add(col);
    this.widths[col] = width;
  }

  /** Wide enough for the header and these values, not wider than the view. */
  fit(col: number, values: Iterable<Row[number]>, measure: Measure, viewWidth: number): void {
    const fit = fitColumn(this.columns[col]?.name ?? '', values, measure);
    this.pin(col, Math.max(fit.floor, Math.min(fit.natural, viewWidth - this.gutter)));
  }

  /** `grid-template-columns` for the columns in display order. */
  template(order: readonly number[]): string {
    return [`${this.gutter}px`, ...order.map((c) => `${this.widths[c]}px`)].join(' ');
  }

  total(order: readonly number[]): number {
    return this.gutter + order.reduce((sum, c) => sum + (this.widths[c] ?? 0), 0);
  }
}

function isNumberType(type: string): boolean {
  return type === 'integer' || type === 'real';
}

/** All sampled values are numbers (and at least one is). */
function holdsNumbers(rows: readonly Row[], col: number): boolean {
  let seen = false;
  for (const row of rows) {
    const value = row[col] ?? null;
    if (value === null) continue;
    if (typeof value !== 'number') return false;
    seen = true;
  }
  return seen;
}

/** Room for the largest row number (at least three digits, so it rarely changes). */
function gutterWidth(count: number, measure: Measure | undefined): number {
  const digits = Math.max(3, String(count).length);
  return Math.ceil(digits * (measure ? measure.cell('0') : 8) + 14);
}
