import type * as A from './ast';

/** The direct sub-expressions of an expression (subqueries are not entered). */
export function childExprs(e: A.Expr): A.Expr[] {
  switch (e.kind) {
    case 'Unary': return [e.operand];
    case 'Binary': return e.escape ? [e.left, e.right, e.escape] : [e.left, e.right];
    case 'Between': return [e.expr, e.low, e.high];
    case 'InList': return [e.expr, ...e.items];
    case 'InSelect': return [e.expr];
    case 'IsNull': return [e.expr];
    case 'Call': return [...e.args, ...(e.orderBy ?? []).map((o) => o.expr), ...(e.filter ? [e.filter] : []), ...(e.over ? windowExprs(e.over) : [])];
    case 'Case': return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'Cast': return [e.expr];
    case 'Paren': return [...e.exprs];
    case 'Collate': return [e.expr];
    default: return [];
  }
}

/** The expressions of a window: PARTITION BY, ORDER BY and the frame's offsets. */
export function windowExprs(w: A.WindowSpec): A.Expr[] {
  const offsets = [w.frame?.start, w.frame?.end].flatMap((b) => (b && 'offset' in b ? [b.offset] : []));
  return [...w.partitionBy, ...w.orderBy.map((o) => o.expr), ...offsets];
}

/** The subqueries an expression holds directly. */
export function subqueriesOf(e: A.Expr): A.SelectStatement[] {
  return e.kind === 'InSelect' || e.kind === 'Exists' || e.kind === 'Subquery' ? [e.select] : [];
}

/** Every node of an expression tree, depth first, not entering subqueries. */
export function* walkExpr(e: A.Expr): Generator<A.Expr> {
  yield e;
  for (const child of childExprs(e)) yield* walkExpr(child);
}

/** The conjuncts of `a AND b AND c` (parentheses included). */
export function conjuncts(e: A.Expr | undefined): A.Expr[] {
  if (!e) return [];
  if (e.kind === 'Binary' && e.op === 'AND') return [...conjuncts(e.left), ...conjuncts(e.right)];
  if (e.kind === 'Paren' && e.exprs.length === 1) return conjuncts(e.exprs[0]);
  return [e];
}

const AGGREGATES = new Set(['avg', 'count', 'group_concat', 'max', 'min', 'sum', 'total', 'string_agg', 'json_group_array', 'json_group_object', 'jsonb_group_array', 'jsonb_group_object']);

/** An aggregate call: min/max with one argument aggregate, with two or more they are scalar. */
export function isAggregateCall(e: A.Expr): boolean {
  if (e.kind !== 'Call' || e.over) return false;
  const name = e.name.text.toLowerCase();
  if (name === 'min' || name === 'max') return e.args.length === 1;
  return AGGREGATES.has(name);
}

/** Every expression of a statement, subqueries, CTEs and DML parts included. */
export function* statementExprs(s: import('./ast').Statement): Generator<A.Expr> {
  switch (s.kind) {
    case 'Select': yield* selectExprs(s); return;
    case 'Insert':
      if (s.source.kind === 'Values') for (const row of s.source.rows) for (const e of row) yield* deepExpr(e);
      if (s.source.kind === 'Select') yield* selectExprs(s.source.select);
      return;
    case 'Update':
      for (const set of s.sets) yield* deepExpr(set.value);
      if (s.where) yield* deepExpr(s.where);
      return;
    case 'Delete':
      if (s.where) yield* deepExpr(s.where);
      return;
    case 'Call': for (const a of s.args) yield* deepExpr(a); return;
    case 'Explain': yield* statementExprs(s.statement); return;
    case 'Invalid': return;
  }
}

function* deepExpr(e: A.Expr): Generator<A.Expr> {
  for (const node of walkExpr(e)) {
    yield node;
    for (const sub of subqueriesOf(node)) yield* selectExprs(sub);
  }
}

function* selectExprs(s: A.SelectStatement): Generator<A.Expr> {
  for (const cte of s.with?.tables ?? []) yield* selectExprs(cte.select);
  yield* bodyExprs(s.body);
  for (const o of s.orderBy) yield* deepExpr(o.expr);
  if (s.limit) {
    yield* deepExpr(s.limit.limit);
    if (s.limit.offset) yield* deepExpr(s.limit.offset);
  }
}

function* bodyExprs(b: A.SelectBody): Generator<A.Expr> {
  if (b.kind === 'Compound') {
    yield* bodyExprs(b.left);
    yield* bodyExprs(b.right);
    return;
  }
  if (b.kind === 'Values') {
    for (const row of b.rows) for (const e of row) yield* deepExpr(e);
    return;
  }
  for (const c of b.columns) yield* deepExpr(c.expr);
  if (b.from) yield* fromExprs(b.from);
  if (b.where) yield* deepExpr(b.where);
  for (const g of b.groupBy) yield* deepExpr(g);
  if (b.having) yield* deepExpr(b.having);
  for (const w of b.windows) for (const e of windowExprs(w.spec)) yield* deepExpr(e);
}

function* fromExprs(f: A.FromItem): Generator<A.Expr> {
  if (f.kind === 'Join') {
    yield* fromExprs(f.left);
    yield* fromExprs(f.right);
    if (f.on) yield* deepExpr(f.on);
  } else if (f.kind === 'TableFunction') {
    for (const a of f.args) yield* deepExpr(a);
  } else if (f.kind === 'SubqueryFrom') {
    yield* selectExprs(f.select);
  } else if (f.kind === 'ParenFrom') {
    yield* fromExprs(f.from);
  }
}
