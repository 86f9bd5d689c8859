/**
 * Sorting and filtering of a result's rows, as an index over them (the rows themselves are
 * never copied or reordered). Pure: the extension host uses it for large results, the
 * webview for rows it holds itself, the notebook renderer for its bounded rows.
 */
import type { SqlValue } from '../values';

export type SortDirection = 'asc' | 'desc';
export interface SortSpec { readonly column: number; readonly direction: SortDirection }
export interface FilterSpec {
  /** Text every row must contain in some column (case-insensitive). */
  readonly quick?: string;
  /** Text a column must contain, by column index (case-insensitive). */
  readonly columns?: Readonly<Record<number, string>>;
}

/** Row order after filtering and sorting: positions into the original rows. */
export function viewIndex(rows: readonly (readonly SqlValue[])[], sort: SortSpec | undefined, filter: FilterSpec = {}): Uint32Array {
  const quick = filter.quick?.trim().toLowerCase();
  const columnFilters = Object.entries(filter.columns ?? {}).filter(([, v]) => v.trim() !== '').map(([k, v]) => [Number(k), v.trim().toLowerCase()] as const);
  let index: number[] | Uint32Array;
  if (!quick && columnFilters.length === 0) {
    index = new Uint32Array(rows.length);
    for (let i = 0; i < rows.length; i++) index[i] = i;
  } else {
    const kept: number[] = [];
    rows.forEach((row, i) => {
      if (quick && !row.some((v) => v !== null && String(v).toLowerCase().includes(quick))) return;
      for (const [c, text] of columnFilters) if (row[c] === null || !String(row[c]).toLowerCase().includes(text)) return;
      kept.push(i);
    });
    index = Uint32Array.from(kept);
  }
  if (sort) {
    const keys = sortKeys(rows, sort.column);
    const sign = sort.direction === 'asc' ? 1 : -1;
    (index as Uint32Array).sort((a, b) => compareKeys(keys[a], keys[b], sign) || a - b);
  }
  return index as Uint32Array;
}

type Key = number | string | null;

/**
 * Typed keys: numbers (and numeric text such as 19-digit ids) compare as numbers, ISO
 * date-times as instants, other text as text; NULLs always last, whatever the direction.
 */
function sortKeys(rows: readonly (readonly SqlValue[])[], column: number): Key[] {
  const values = rows.map((r) => r[column] ?? null);
  const nonNull = values.filter((v): v is string | number => v !== null);
  const numeric = nonNull.every((v) => typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(v));
  if (numeric) return values.map((v) => (v === null ? null : typeof v === 'number' ? v : Number(v)));
  const dates = nonNull.length > 0 && nonNull.every((v) => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v)));
  if (dates) return values.map((v) => (v === null ? null : Date.parse(v as string)));
  return values.map((v) => (v === null ? null : String(v)));
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareKeys(a: Key | undefined, b: Key | undefined, sign: number): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * sign;
  return collator.compare(String(a), String(b)) * sign;
}

/** Tab-separated text for the clipboard: tabs and line breaks inside values become spaces. */
export function toTsv(header: readonly string[] | undefined, rows: readonly (readonly SqlValue[])[]): string {
  const cell = (v: SqlValue) => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
  return [...(header ? [header.map(cell)] : []), ...rows.map((r) => r.map(cell))].map((r) => r.join('\t')).join('\n');
}
