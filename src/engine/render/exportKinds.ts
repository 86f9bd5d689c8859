import type { ColumnType } from '../../gong/catalog/types';
import type { SqlValue } from '../../values';

/**
 * What a typed file (Excel, Parquet) writes a result column as. SQLite gives text, integers
 * and reals only, so the rest is read from the catalog's declared type (a boolean is 0/1 in
 * SQLite) and from the values: text that is all ISO dates is a date, all ISO date-times a
 * date-time. Ids and JSON stay text, so no id ever becomes a number. A computed column SQLite
 * gave as integers only (`CAST(Id AS INTEGER)`, `count(*)`) is integer, its values beyond 2^53
 * being their exact digits (see engine/eval/worker.ts).
 */
export type ExportKind = 'text' | 'integer' | 'real' | 'boolean' | 'date' | 'datetime';

export interface ExportColumn {
  readonly name: string;
  /** The catalog's type, when the column is an object's column as it is (see engine/run/declaredTypes). */
  readonly declared?: ColumnType;
  /** SQLite's storage class of its values, as the engine saw them (ResultColumn.type: 'integer' when all are). */
  readonly type?: string;
}

/** The kind of every column, from all of its values: one value that does not fit makes it text. */
export function exportKinds(columns: readonly ExportColumn[], rows: readonly (readonly SqlValue[])[]): ExportKind[] {
  return columns.map((column, i) => (column.type === 'integer' && column.declared !== 'boolean' ? 'integer' : kindOf(column.declared, rows, i)));
}

const ALWAYS_TEXT: ReadonlySet<ColumnType> = new Set(['id', 'text', 'json']);

function kindOf(declared: ColumnType | undefined, rows: readonly (readonly SqlValue[])[], i: number): ExportKind {
  if (declared && ALWAYS_TEXT.has(declared)) return 'text';
  const seen = tally(rows, i);
  if (seen.numbers === 0 && seen.texts === 0) return emptyKind(declared);
  if (seen.texts === 0) {
    if (declared === 'boolean' && seen.bits === seen.numbers) return 'boolean';
    return seen.integers === seen.numbers ? 'integer' : 'real';
  }
  if (seen.numbers > 0) return 'text';
  if (seen.dates === seen.texts) return 'date';
  if (seen.dateTimes === seen.texts) return 'datetime';
  return 'text';
}

/** How many of a column's values are numbers (integers, 0 or 1) and text (ISO dates, ISO date-times). */
function tally(rows: readonly (readonly SqlValue[])[], i: number) {
  const seen = { numbers: 0, integers: 0, bits: 0, texts: 0, dates: 0, dateTimes: 0 };
  for (const row of rows) {
    const value = row[i] ?? null;
    if (typeof value === 'number') {
      seen.numbers++;
      if (Number.isInteger(value)) seen.integers++;
      if (value === 0 || value === 1) seen.bits++;
    } else if (value !== null) {
      seen.texts++;
      if (isoDay(value) !== undefined) seen.dates++;
      else if (isoInstant(value) !== undefined) seen.dateTimes++;
    }
  }
  return seen;
}

/** A column of NULLs only: its declared type, else text. */
function emptyKind(declared: ColumnType | undefined): ExportKind {
  switch (declared) {
    case 'boolean': return 'boolean';
    case 'integer': return 'integer';
    case 'real': return 'real';
    case 'datetime': return 'datetime';
    default: return 'text';
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** `2026-03-02` as the milliseconds of that day's UTC midnight; undefined for anything else (2026-02-30 too). */
export function isoDay(text: string): number | undefined {
  const m = DAY.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/**
 * An ISO date-time as an instant (ms since the epoch). Without an offset it is UTC, as SQLite's
 * date functions give it. More than millisecond precision is text: a file would round it.
 */
export function isoInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const day = m[1] as string;
  if (isoDay(day) === undefined) return undefined;
  const zone = m[3] === undefined ? 'Z' : m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3];
  const ms = Date.parse(`${day}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}
