import type { TableDef } from '../../gong/catalog/types';
import { checkFilterValues, FilterValueError, MissingRequiredFilter, planRead, type Predicate, type ReadPlan } from '../../gong/read/plan';
import { EngineError } from '../run/errors';
import type { BindResult } from '../bind/binder';
import type * as A from '../syntax/ast';
import { conjuncts, isAggregateCall, subqueriesOf, walkExpr } from '../syntax/walk';
import { keysOf, tableRefsOf, withKeys, type JoinKey } from './joinKeys';
import type { Scan } from './scan';
import { offersOf, type FoldedValues, type Offer, type ParamValues } from './predicates';

export type { Scan } from './scan';

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
export function planQuery(select: A.SelectStatement, binding: BindResult, options: PlanOptions): QueryPlan {
  const planning: Planning = { binding, options, scans: [], keys: [] };
  visitSelect(select, planning);
  const scans = options.pushdown ? withKeys(planning.scans, planning.keys) : planning.scans;
  return { scans, streaming: streamingOf(select, scans) };
}

/** What a walk over the statement gathers: every read, and the join keys between them. */
interface Planning {
  readonly binding: BindResult;
  readonly options: PlanOptions;
  readonly scans: Scan[];
  readonly keys: JoinKey[];
}

/** What one SELECT core offers its own object references. */
interface CoreParts {
  readonly refs: A.TableRef[];
  readonly offers: Offer[];
  /** Every conjunct that may restrict a reference, for the residual filters EXPLAIN shows. */
  readonly considered: A.Expr[];
}

function visitSelect(s: A.SelectStatement, p: Planning): void {
  for (const cte of s.with?.tables ?? []) visitSelect(cte.select, p);
  visitBody(s.body, p);
  for (const o of s.orderBy) visitExpr(o.expr, p);
}

function visitBody(b: A.SelectBody, p: Planning): void {
  if (b.kind === 'Compound') {
    visitBody(b.left, p);
    visitBody(b.right, p);
    return;
  }
  if (b.kind === 'Values') {
    for (const row of b.rows) for (const e of row) visitExpr(e, p);
    return;
  }
  const { binding, options } = p;
  const parts: CoreParts = { refs: [], offers: [], considered: [] };
  if (b.from) collectFrom(b.from, p, parts);
  for (const c of conjuncts(b.where)) {
    parts.considered.push(c);
    parts.offers.push(...offersOf(c, binding, options.params, options.folded));
    // A subquery's WHERE may name outer references; it restricts only its own.
    p.keys.push(...keysOf(c, binding).filter((k) => parts.refs.includes(k.ref)));
  }
  for (const ref of parts.refs) {
    const table = binding.objects.get(ref) as TableDef;
    const offered = parts.offers.filter((o) => o.ref === ref);
    const predicates: Predicate[] = options.pushdown ? offered.map((o) => o.predicate) : [];
    const plan = planOrExplain(table, predicates, ref, offered);
    const pushed = new Set(offered.filter((o) => plan.pushed.includes(o.predicate)).map((o) => o.source));
    const residual = parts.considered.filter((c) => !pushed.has(c) && mentions(c, ref, binding));
    p.scans.push({ ref, table, alias: ref.alias?.text ?? ref.name.text, plan, offered, residual });
  }
  for (const e of [...b.columns.map((c) => c.expr), ...(b.where ? [b.where] : []), ...b.groupBy, ...(b.having ? [b.having] : [])]) visitExpr(e, p);
}

/**
 * The read plan, or an error at the table's name when Gong requires a filter the query lacks
 * (or pushdown is off), or at the filter whose value Gong cannot be asked for (checked with
 * pushdown off too: the answer must not depend on it).
 */
function planOrExplain(table: TableDef, predicates: readonly Predicate[], ref: A.TableRef, offered: readonly Offer[]): ReadPlan {
  try {
    checkFilterValues(table, offered.map((o) => o.predicate));
    return planRead(table, predicates);
  } catch (error) {
    if (error instanceof MissingRequiredFilter) throw new EngineError('BIND', error.message, ref.name.span);
    if (error instanceof FilterValueError) throw new EngineError('BIND', error.message, offered.find((o) => o.predicate === error.predicate)?.source.span ?? ref.name.span);
    throw error;
  }
}

/** Object references of a FROM tree, with the ON conjuncts each may use. */
function collectFrom(item: A.FromItem, p: Planning, parts: CoreParts): void {
  switch (item.kind) {
    case 'Table':
      if (p.binding.objects.has(item)) parts.refs.push(item);
      return;
    case 'TableFunction':
      for (const a of item.args) visitExpr(a, p);
      return;
    case 'SubqueryFrom':
      visitSelect(item.select, p);
      return;
    case 'ParenFrom':
      collectFrom(item.from, p, parts);
      return;
    case 'Join': {
      collectFrom(item.left, p, parts);
      collectFrom(item.right, p, parts);
      if (!item.on) return;
      visitExpr(item.on, p);
      // ON may restrict the joined side, never the preserved side of an outer join.
      const allowed = item.type === 'INNER' || item.type === 'CROSS' ? [item.left, item.right] : item.type === 'LEFT' ? [item.right] : item.type === 'RIGHT' ? [item.left] : [];
      const inside = new Set(allowed.flatMap(tableRefsOf));
      for (const c of conjuncts(item.on)) {
        parts.considered.push(c);
        parts.offers.push(...offersOf(c, p.binding, p.options.params, p.options.folded).filter((o) => inside.has(o.ref)));
        p.keys.push(...keysOf(c, p.binding).filter((k) => inside.has(k.ref)));
      }
    }
  }
}

/** Whether an expression reads a column of this object reference. */
function mentions(e: A.Expr, ref: A.TableRef, binding: BindResult): boolean {
  for (const node of walkExpr(e)) if (node.kind === 'Column' && binding.columns.get(node)?.source.node === ref) return true;
  return false;
}


function visitExpr(e: A.Expr, p: Planning): void {
  for (const node of walkExpr(e)) for (const sub of subqueriesOf(node)) visitSelect(sub, p);
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
