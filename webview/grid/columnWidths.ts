/**
 * Column widths from content: each column is measured from its header and a sample of its
 * values, capped so one long title cannot push the rest out of view, except for values that
 * are useless when cut (ids, numbers, date-times), and the room left in the view is given to
 * the columns the cap cut.
 */
import type { SqlValue } from '../../src/values';

/** What a column needs, measured in pixels (padding and border included). */
export interface ColumnFit {
  /** Shows the header and every sampled value whole. */
  readonly natural: number;
  /** Never narrower: the whole header and every value that must stay whole. */
  readonly floor: number;
}

/** Text widths in the grid's fonts. */
export interface Measure {
  cell(text: string): number;
  header(text: string): number;
}

/** Horizontal padding and the right border of a cell (styles.ts). */
const CELL_EXTRA = 13;
/** The header also holds the sort arrow, after a 4 px gap (styles.ts). */
const SORT_ARROW = '▲';
const SORT_GAP = 4;
const MIN_WIDTH = 48;
/** The cap for cut-able text: a share of the view, within these bounds. */
const CAP_MIN = 160;
const CAP_MAX = 420;
/** Longer values are wider than any cap: measuring more of them would change nothing. */
const MEASURED_CHARS = 160;
/** Of a column's sampled values, how many of the longest are measured. */
const MEASURED_TEXTS = 12;

/** Ids and other numbers, ISO dates and date-times, booleans: cut, they are wrong rather than short. */
const WHOLE = /^(?:[-+]?\d[\d.,]*(?:e[-+]?\d+)?|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|true|false)$/i;

export function displayText(value: SqlValue): string {
  return value === null ? 'NULL' : String(value);
}

export function fitColumn(name: string, values: Iterable<SqlValue>, measure: Measure): ColumnFit {
  const header = measure.header(name) + measure.header(SORT_ARROW) + SORT_GAP + CELL_EXTRA;
  const texts: string[] = [];
  const wholes: string[] = [];
  for (const value of values) {
    const text = displayText(value);
    texts.push(text.length > MEASURED_CHARS ? text.slice(0, MEASURED_CHARS) : text);
    if (WHOLE.test(text)) wholes.push(text);
  }
  const natural = Math.max(header, widest(texts, measure) + CELL_EXTRA);
  const whole = wholes.length > 0 ? widest(wholes, measure) + CELL_EXTRA : 0;
  return { natural: Math.ceil(natural), floor: Math.ceil(Math.max(whole, header, MIN_WIDTH)) };
}

/** Only the longest texts are measured: the widest is among them, and measuring is the cost. */
function widest(texts: string[], measure: Measure): number {
  const longest = texts.length <= MEASURED_TEXTS ? texts : [...texts].sort((a, b) => b.length - a.length).slice(0, MEASURED_TEXTS);
  return longest.reduce((max, text) => Math.max(max, measure.cell(text)), 0);
}

/** Two samples of one column: the widths that show both. */
export function widerFit(a: ColumnFit | undefined, b: ColumnFit): ColumnFit {
  return a ? { natural: Math.max(a.natural, b.natural), floor: Math.max(a.floor, b.floor) } : b;
}

/**
 * Widths within `available` pixels: each column at its natural width up to the cap (never
 * under its floor). Room left goes to the columns the cap cut, evenly, each up to its natural
 * width (columns shown whole are not stretched); when the columns are too wide for the view,
 * the widest text columns give way, down to the smallest cap and never under their floor.
 */
export function layoutWidths(fits: readonly ColumnFit[], available: number): number[] {
  const cap = Math.max(CAP_MIN, Math.min(CAP_MAX, available * 0.6));
  const widths = fits.map((f) => Math.max(f.floor, Math.min(f.natural, cap)));
  const room = available - widths.reduce((sum, w) => sum + w, 0);
  if (room > 0) spread(widths, room, (i) => (fits[i] as ColumnFit).natural);
  else spread(widths, room, (i) => Math.min(widths[i] as number, Math.max((fits[i] as ColumnFit).floor, CAP_MIN)));
  return widths.map((w) => Math.floor(w));
}

/** Adds `room` (or takes it, when negative) evenly over the columns, each only as far as its limit. */
function spread(widths: number[], room: number, limitOf: (i: number) => number): void {
  const limits = widths.map((_, i) => limitOf(i));
  let open = widths.map((_, i) => i).filter((i) => limits[i] !== widths[i]);
  while (Math.abs(room) >= 1 && open.length > 0) {
    const share = room / open.length;
    for (const i of open) {
      const w = widths[i] as number;
      const next = room > 0 ? Math.min(w + share, limits[i] as number) : Math.max(w + share, limits[i] as number);
      widths[i] = next;
      room -= next - w;
    }
    open = open.filter((i) => limits[i] !== widths[i]);
  }
}

/** Measures with a canvas in the fonts the grid's cells and headers are drawn in. */
export function canvasMeasure(cellStyle: CSSStyleDeclaration, headerStyle: CSSStyleDeclaration): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const fontOf = (s: CSSStyleDeclaration) => `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  const cellFont = fontOf(cellStyle);
  const headerFont = fontOf(headerStyle);
  let current = '';
  const width = (font: string, text: string) => {
    if (!context) return text.length * 7.5;
    // Setting a font parses it: only when it changes.
    if (current !== font) context.font = current = font;
    return context.measureText(text).width;
  };
  return { cell: (text) => width(cellFont, text), header: (text) => width(headerFont, text) };
}
