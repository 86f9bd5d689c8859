import { displayWidth } from './displayWidth';
import type { ExportKind } from './exportKinds';
import type { TypedValue } from './typedTable';

/** Rows measured for the widths: the columns are declared before the first row is streamed. */
export const XLSX_MEASURED_ROWS = 1_000;
/** Cut-able text is capped so one long title cannot push the rest out of view; ids, numbers and dates never are. */
const TEXT_CAP = 60;
const MIN_WIDTH = 8;
/** Excel's column width is in characters of its default font; a little more keeps a value off the next cell. */
const PADDING = 2;

/** What a cell of each fixed-width kind shows (the formats of xlsx.ts: `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss`, FALSE). */
const SHOWN: Partial<Record<ExportKind, number>> = { date: 10, datetime: 19, boolean: 5 };

/**
 * Each column's width in Excel characters, from its header and the values of the first
 * XLSX_MEASURED_ROWS rows as the cells show them, as the grid sizes its columns: a date-time
 * (19 characters) or a 19-digit id is never shown as ######## or cut off by the next cell; a
 * long text is capped at TEXT_CAP.
 */
export function xlsxWidths(names: readonly string[], kinds: readonly ExportKind[], rows: readonly (readonly TypedValue[])[]): number[] {
  const widths = names.map((name) => Math.min(TEXT_CAP, displayWidth(name)));
  for (const values of rows.slice(0, XLSX_MEASURED_ROWS)) {
    values.forEach((value, i) => { widths[i] = Math.max(widths[i] ?? 0, shownWidth(value, kinds[i] as ExportKind)); });
  }
  return widths.map((width) => Math.max(MIN_WIDTH, width + PADDING));
}

function shownWidth(value: TypedValue, kind: ExportKind): number {
  if (value === null) return 0;
  const fixed = SHOWN[kind];
  if (fixed !== undefined) return fixed;
  const text = String(value);
  if (typeof value === 'number') return text.length;
  // Only the first line shows in a cell that does not wrap; ids (text of digits) are never capped.
  const line = text.slice(0, TEXT_CAP * 2).split('\n', 1)[0] as string;
  return /^-?\d+$/.test(line) ? line.length : Math.min(TEXT_CAP, displayWidth(line));
}
