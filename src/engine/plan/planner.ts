import type { TableDef } from '../../gong/catalog/types';
import { planRead, type Predicate, type ReadPlan } from '../../gong/read/plan';
import type { Binding } from '../bind/binder';
import type * as A from '../syntax/ast';
import { conjuncts, isAggregateCall, subqueriesOf, walkExpr } from '../syntax/walk';
import { joinKeysOf, withKeys, type JoinKey, type KeyFrom } from './joinKeys';
import { offersOf, type FoldedValues, type Offer, type ParamValues } from './predicates';

/** One reference to a Gong object in a statement and how it will be read. */
export interface Scan {
  readonly ref: A.TableRef;
  readonly table: TableDef;
  /** The name the query uses for it (alias or object name). */
  readonly alias: string;
  readonly plan: ReadPlan;
  /** The conjuncts whose predicates were offered, for EXPLAIN. */
  readonly offered: readonly Offer[];
  /** Conjuncts on this object that Gong does not evaluate (SQLite does), for EXPLAIN. */
  readonly residual: readonly A.Expr[];
  /** Set when a join lets this object be read by the keys another object's rows carry. */
  readonly keyFrom?: KeyFrom;
}

export interface QueryPlan {
  readonly scans: readonly Scan[];
  /** Set when the statement can stream: one object, row-by-row, LIMIT reaches the reader. */
  readonly streaming?: { readonly scan: Scan; readonly limit?: A.Expr; readonly offset?: A.Expr };
}

export interface PlanOptions {
  /** false sends no filter to Gong (everything is evaluated locally). */
  readonly pushdown: boolean;
  readonly params: ParamValues;
  readonly folded?: FoldedValues;
}

/**
 * For each object reference, the conjuncts of its SELECT's WHERE (and of the JOIN ON it may
 * use) that Gong can evaluate, and the read path with the fewest calls for them. Everything
 * is still evaluated locally, so pushdown can only reduce what is fetched.
 */
export function planSelect(select: A.SelectStatement, binding: Binding, options: PlanOptions): QueryPlan {
  const scans: Scan[] = [];
  visitSelect(select, binding, options, scans);
  return { scans, streaming: streamingOf(select, scans) };
}

function visitSelect(s: A.SelectStatement, binding: Binding, options: PlanOptions, scans: Scan[]): void {
  for (const cte of s.with?.tables ?? []) visitSelect(cte.select, binding, options, scans);
  visitBody(s.body, binding, options, scans);
  for (const o of s.orderBy) visitExpr(o.expr, binding, options, scans);
}

function visitBody(b: A.SelectBody, binding: Binding, options: PlanOptions, scans: Scan[]): void {
  if (b.kind === 'Compound') {
    visitBody(b.left, binding, options, scans);
    visitBody(b.right, binding, options, scans);
    return;
  }
  if (b.kind === 'Values') {
    for (const row of b.rows) for (const e of row) visitExpr(e, binding, options, scans);
    return;
  }
  const refs: A.TableRef[] = [];
  const offers: Offer[] = [];
  const considered: A.Expr[] = [];
  const keys: JoinKey[] = [];
  if (b.from) collectFrom(b.from, binding, options, scans, refs, offers, considered, keys);
  for (const c of conjuncts(b.where)) {
    considered.push(c);
    offers.push(...offersOf(c, binding, options.params, options.folded));
    keys.push(...joinKeysOf(c, binding));
  }
  const mine: Scan[] = [];
  for (const ref of refs) {
    const table = binding.objects.get(ref) as TableDef;
    const offered = offers.filter((o) => o.ref === ref);
    const predicates: Predicate[] = options.pushdown ? offered.map((o) => o.predicate) : [];
    const plan = planRead(table, predicates);
    const pushed = new Set(offered.filter((o) => plan.pushed.includes(o.predicate)).map((o) => o.source));
    const residual = considered.filter((c) => !pushed.has(c) && mentions(c, ref, binding));
    mine.push({ ref, table, alias: ref.alias?.text ?? ref.name.text, plan, offered, residual });
  }
  scans.push(...(options.pushdown ? withKeys(mine, keys) : mine));
  for (const e of [...b.columns.map((c) => c.expr), ...(b.where ? [b.where] : []), ...b.groupBy, ...(b.having ? [b.having] : [])]) visitExpr(e, binding, options, scans);
}

/** Object references of a FROM tree, with the ON conjuncts each may use. */
function collectFrom(item: A.FromItem, binding: Binding, options: PlanOptions, scans: Scan[], refs: A.TableRef[], offers: Offer[], considered: A.Expr[], keys: JoinKey[]): void {
  switch (item.kind) {
    case 'Table':
      if (binding.objects.has(item)) refs.push(item);
      return;
    case 'TableFunction':
      for (const a of item.args) visitExpr(a, binding, options, scans);
      return;
    case 'SubqueryFrom':
      visitSelect(item.select, binding, options, scans);
      return;
    case 'Join': {
      collectFrom(item.left, binding, options, scans, refs, offers, considered, keys);
      collectFrom(item.right, binding, options, scans, refs, offers, considered, keys);
      if (!item.on) return;
      visitExpr(item.on, binding, options, scans);
      // ON may restrict the joined side, never the preserved side of an outer join.
      const allowed = item.type === 'INNER' || item.type === 'CROSS' ? [item.left, item.right] : item.type === 'LEFT' ? [item.right] : item.type === 'RIGHT' ? [item.left] : [];
      const inside = new Set(allowed.flatMap(tableRefsOf));
      for (const c of conjuncts(item.on)) {
        considered.push(c);
        offers.push(...offersOf(c, binding, options.params, options.folded).filter((o) => inside.has(o.ref)));
        keys.push(...joinKeysOf(c, binding).filter((k) => inside.has(k.ref)));
      }
    }
  }
}

/** Whether an expression reads a column of this object reference. */
function mentions(e: A.Expr, ref: A.TableRef, binding: Binding): boolean {
  for (const node of walkExpr(e)) if (node.kind === 'Column' && binding.columns.get(node)?.source.node === ref) return true;
  return false;
}

function tableRefsOf(item: A.FromItem): A.TableRef[] {
  if (item.kind === 'Table') return [item];
  if (item.kind === 'Join') return [...tableRefsOf(item.left), ...tableRefsOf(item.right)];
  return [];
}

function visitExpr(e: A.Expr, binding: Binding, options: PlanOptions, scans: Scan[]): void {
  for (const node of walkExpr(e)) for (const sub of subqueriesOf(node)) visitSelect(sub, binding, options, scans);
}

/** A single object read row by row: its rows can be emitted page by page and LIMIT can stop the paging. */
function streamingOf(s: A.SelectStatement, scans: Scan[]): QueryPlan['streaming'] {
  const b = s.body;
  if (s.with || s.orderBy.length > 0 || b.kind !== 'Core' || b.distinct || b.groupBy.length > 0 || b.having || b.windows.length > 0) return undefined;
  if (scans.length !== 1 || b.from?.kind !== 'Table' || scans[0]?.ref !== b.from) return undefined;
  const exprs = [...b.columns.map((c) => c.expr), ...(b.where ? [b.where] : [])];
  for (const e of exprs) {
    for (const node of walkExpr(e)) {
      if (isAggregateCall(node) || (node.kind === 'Call' && node.over) || subqueriesOf(node).length > 0) return undefined;
    }
  }
  return { scan: scans[0], limit: s.limit?.limit, offset: s.limit?.offset };
}
