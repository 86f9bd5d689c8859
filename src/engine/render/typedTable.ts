import type { SqlValue } from '../../values';
import { exportKinds, isoDay, isoInstant, type ExportColumn, type ExportKind } from './exportKinds';

/** A whole result as a typed file writer takes it: its columns and every row, in order. */
export interface ExportTable {
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly SqlValue[])[];
}

/** What a typed writer puts in a cell: a JS value of the column's kind, or null. */
export type TypedValue = string | number | boolean | Date | null;

/**
 * The table's values as their columns' kinds, one row at a time: the converters every typed
 * writer shares, so Excel and Parquet agree on what a value is. exportKinds saw every value
 * first, so each conversion succeeds.
 */
export function typedRows(table: ExportTable): { kinds: ExportKind[]; row: (values: readonly SqlValue[]) => TypedValue[] } {
  const kinds = exportKinds(table.columns, table.rows);
  const converters = kinds.map((kind) => CONVERT[kind]);
  return { kinds, row: (values) => converters.map((convert, i) => convert(values[i] ?? null)) };
}

const CONVERT: Record<ExportKind, (value: SqlValue) => TypedValue> = {
  text: (v) => (v === null ? null : String(v)),
  integer: (v) => v,
  real: (v) => v,
  boolean: (v) => (v === null ? null : v === 1),
  date: (v) => (v === null ? null : new Date(isoDay(v as string) as number)),
  datetime: (v) => (v === null ? null : new Date(isoInstant(v as string) as number)),
};
