import type { Row, SqlValue, TableDef } from '../../gong/catalog/types';
import { planRead, type Predicate, type ReadPlan } from '../../gong/read/plan';
import type { BindResult } from '../bind/binder';
import type * as A from '../syntax/ast';
import type { KeyFrom, Scan } from './scan';

export type { KeyFrom } from './scan';

/** A join equality seen from one side: `ref.column` takes its values from `source.sourceColumn`. */
export interface JoinKey extends KeyFrom { readonly ref: A.TableRef }

/**
 * Keys a conjunct gives: `a.x = b.y` between two object references gives one each way;
 * `a.x IN (SELECT b.y FROM b …)` gives `a` the keys of `b`'s rows (whatever else the
 * subquery does, its answer is among the values of `b.y` over the rows read).
 */
export function keysOf(conjunct: A.Expr, binding: BindResult): JoinKey[] {
  const side = (e: A.Expr) => {
    const resolved = e.kind === 'Column' ? binding.columns.get(e) : undefined;
    return resolved?.source.kind === 'object' && resolved.source.node.kind === 'Table' ? { ref: resolved.source.node, column: resolved.column } : undefined;
  };
  if (conjunct.kind === 'InSelect' && !conjunct.not) {
    const body = conjunct.select.body;
    const outer = side(conjunct.expr);
    const inner = body.kind === 'Core' && body.columns.length === 1 ? side(body.columns[0]!.expr) : undefined;
    const own = body.kind === 'Core' && body.from ? tableRefsOf(body.from) : [];
    return outer && inner && own.includes(inner.ref) ? [{ ref: outer.ref, column: outer.column, source: inner.ref, sourceColumn: inner.column }] : [];
  }
  if (conjunct.kind !== 'Binary' || conjunct.op !== '=') return [];
  const left = side(conjunct.left);
  const right = side(conjunct.right);
  if (!left || !right || left.ref === right.ref) return [];
  return [
    { ref: left.ref, column: left.column, source: right.ref, sourceColumn: right.column },
    { ref: right.ref, column: right.column, source: left.ref, sourceColumn: left.column },
  ];
}

/**
 * Gives an open-ended read a key from a join when one of its read paths takes that column
 * as a filter and Gong filters the other side more (it is read first and is likely the
 * smaller), never making two reads wait on each other.
 */
export function withKeys(scans: Scan[], keys: readonly JoinKey[]): Scan[] {
  const keyed = new Map<A.TableRef, KeyFrom>();
  const waitsOn = (from: A.TableRef, on: A.TableRef): boolean => {
    for (let at = keyed.get(from)?.source; at; at = keyed.get(at)?.source) if (at === on) return true;
    return false;
  };
  for (const scan of scans) {
    if (!scan.plan.estimate.open && !scan.plan.fanOut) continue;
    const narrower = (ref: A.TableRef) => (scans.find((s) => s.ref === ref)?.plan.pushed.length ?? -1) > scan.plan.pushed.length;
    const key = keys.find((k) => k.ref === scan.ref && narrower(k.source) && takesKeys(scan.table, k.column) && !waitsOn(k.source, scan.ref));
    if (key) keyed.set(scan.ref, { source: key.source, sourceColumn: key.sourceColumn, column: key.column });
  }
  return scans.map((scan) => (keyed.has(scan.ref) ? { ...scan, keyFrom: keyed.get(scan.ref) } : scan));
}

function takesKeys(table: TableDef, column: string): boolean {
  return table.reads.some((path) => path.bindings.some((b) => b.kind === 'list' && b.column.toLowerCase() === column.toLowerCase()));
}

/**
 * The scan read with `column IN (the keys its source's rows carry)`; 'none' when the source
 * has no key at all (the join then matches nothing, so nothing needs reading). Only
 * open-ended reads are keyed (`withKeys`), so the keyed read never costs more.
 */
export function narrowByKeys(scan: Scan, source: { table: TableDef; rows: readonly Row[] }): Scan | 'none' {
  const key = scan.keyFrom;
  if (!key) return scan;
  const index = source.table.columns.findIndex((c) => c.name.toLowerCase() === key.sourceColumn.toLowerCase());
  const values = [...new Set(source.rows.map((row) => row[index] ?? null).filter((v) => v !== null))];
  if (values.length === 0) return 'none';
  const keyed = keyedPlan(scan, key, values);
  return keyed ? { ...scan, plan: keyed.plan } : scan;
}

/** For EXPLAIN, before any row is read: the request a keyed scan will make, and how many keys go in one. */
export function keyedRequest(scan: Scan): { plan: ReadPlan; perRequest: number } | undefined {
  return scan.keyFrom && keyedPlan(scan, scan.keyFrom, ['1']);
}

/** The scan's own predicates plus `column IN (values)`, if a read path sends that list to Gong. */
function keyedPlan(scan: Scan, key: KeyFrom, values: readonly SqlValue[]): { plan: ReadPlan; perRequest: number } | undefined {
  const keys: Predicate = { column: key.column, op: 'IN', value: values };
  const plan = planRead(scan.table, [...scan.plan.pushed, ...scan.plan.residual, keys]);
  const binding = plan.path.bindings.find((b) => b.kind === 'list' && b.column.toLowerCase() === key.column.toLowerCase());
  return plan.pushed.includes(keys) && binding?.kind === 'list' ? { plan, perRequest: binding.batch } : undefined;
}

/** The object references a FROM tree joins directly (not those inside its subqueries). */
export function tableRefsOf(item: A.FromItem): A.TableRef[] {
  if (item.kind === 'Table') return [item];
  if (item.kind === 'Join') return [...tableRefsOf(item.left), ...tableRefsOf(item.right)];
  if (item.kind === 'ParenFrom') return tableRefsOf(item.from);
  return [];
}
