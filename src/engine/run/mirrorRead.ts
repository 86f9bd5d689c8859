import type { Column, ColumnType, Row, TableDef } from '../../gong/catalog/types';
import { throwIfAborted } from '../../gong/http/abort';
import type { Predicate } from '../../gong/read/plan';
import type { ReadOptions, ReadStats } from '../../gong/read/reader';
import type { Destination } from '../../mirror/destination';
import type { MirrorTable } from '../../mirror/schema';
import type { Scan } from '../plan/planner';

/**
 * The filters a mirror evaluates for a scan: every predicate the planner offered the object
 * (those Gong would take and those it would not: a database takes any column), but only
 * where the value has the column's storage class, so that the mirror compares as SQLite
 * does. `Duration > '100'` (text against an INTEGER column) or `Id = 5` (a number against a
 * TEXT column) depend on SQLite's affinity rules, which PostgreSQL does not share: they stay
 * local. Like Gong, a mirror may return more rows than asked, never fewer: every filter is
 * evaluated again locally.
 */
export function mirrorPredicates(scan: Scan): Predicate[] {
  return [...scan.plan.pushed, ...scan.plan.residual].filter((p) => sameClass(scan.table, p));
}

function sameClass(table: TableDef, p: Predicate): boolean {
  const column = table.columns.find((c) => c.name.toLowerCase() === p.column.toLowerCase());
  if (!column || column.insertOnly) return false;
  const values = Array.isArray(p.value) ? p.value : [p.value];
  const wanted = NUMERIC.has(column.type) ? 'number' : 'string';
  return values.length > 0 && values.every((v) => typeof v === wanted);
}

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'real', 'boolean']);

/**
 * An object's live rows from a mirror, in batches, in the catalog's column order (the order
 * Gong's rows have), insert-only columns NULL as SELECT on Gong returns them. Only the
 * columns in `read` (and those the predicates name) are read from the mirror, the others
 * are NULL: loading is most of a mirror query's cost, and a wide object (Calls has 28
 * columns) travels a fraction of itself.
 */
export async function* mirrorRows(destination: Destination, table: MirrorTable, predicates: readonly Predicate[], read: readonly Column[], stats: ReadStats, options: ReadOptions): AsyncGenerator<Row[]> {
  const narrowed = projected(table, read, predicates);
  const shape = catalogOrder(narrowed);
  throwIfAborted(options.signal);
  for await (const batch of destination.select(narrowed, predicates)) {
    throwIfAborted(options.signal);
    stats.rows += batch.length;
    stats.records += batch.length;
    // Progress as for Gong's pages: rows read so far, 0 API calls.
    options.onProgress?.(stats);
    yield batch.map(shape);
  }
}

/** The mirror table narrowed to the columns read and filtered (the whole table when that is all of it). */
export function projected(table: MirrorTable, read: readonly Column[], predicates: readonly Predicate[]): MirrorTable {
  const wanted = new Set([...read.map((c) => c.name.toLowerCase()), ...predicates.map((p) => p.column.toLowerCase())]);
  const columns = table.columns.filter((c) => wanted.has(c.name.toLowerCase()));
  if (columns.length === table.columns.length) return table;
  // Rows need a column to exist (only insert-only columns read): the key's first.
  return { ...table, columns: columns.length > 0 ? columns : table.columns.filter((c) => c.name === table.key[0]).slice(0, 1) };
}

function catalogOrder(table: MirrorTable): (row: Row) => Row {
  const indexes = table.table.columns.map((c) => table.columns.findIndex((m) => m.name === c.name));
  if (indexes.every((at, i) => at === i) && indexes.length === table.columns.length) return (row) => row;
  return (row) => indexes.map((at) => (at < 0 ? null : row[at] ?? null));
}
