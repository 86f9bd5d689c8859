import type { ColumnType, Row, TableDef } from '../../gong/catalog/types';
import { throwIfAborted } from '../../gong/http/abort';
import type { Predicate } from '../../gong/read/plan';
import type { ReadStats } from '../../gong/read/reader';
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
 * Gong's rows have), insert-only columns NULL as SELECT on Gong returns them.
 */
export async function* mirrorRows(destination: Destination, table: MirrorTable, predicates: readonly Predicate[], stats: ReadStats, signal?: AbortSignal): AsyncGenerator<Row[]> {
  const shape = catalogOrder(table);
  throwIfAborted(signal);
  for await (const batch of destination.select(table, predicates)) {
    throwIfAborted(signal);
    stats.rows += batch.length;
    stats.records += batch.length;
    yield batch.map(shape);
  }
}

function catalogOrder(table: MirrorTable): (row: Row) => Row {
  const indexes = table.table.columns.map((c) => table.columns.findIndex((m) => m.name === c.name));
  if (indexes.every((at, i) => at === i) && indexes.length === table.columns.length) return (row) => row;
  return (row) => indexes.map((at) => (at < 0 ? null : row[at] ?? null));
}
