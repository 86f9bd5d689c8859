import type * as A from './ast';
import { functionForm } from './functionCatalog';

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

const NO_SUBQUERIES: readonly A.SelectStatement[] = [];

/** The subqueries an expression holds directly (called for every node: no allocation when none). */
export function subqueriesOf(e: A.Expr): readonly A.SelectStatement[] {
  return e.kind === 'InSelect' || e.kind === 'Exists' || e.kind === 'Subquery' ? [e.select] : NO_SUBQUERIES;
}

/** The expressions of a window: partition, order and frame offsets. */
export function windowExprs(w: A.WindowSpec): A.Expr[] {
  const bounds = w.frame ? [w.frame.start, ...(w.frame.end ? [w.frame.end] : [])] : [];
  return [...w.partitionBy, ...w.orderBy.map((o) => o.expr), ...bounds.flatMap((b) => ('offset' in b ? [b.offset] : []))];
}

/** Walks of large expressions, kept while their tree lives: binder and planner walk the same ones. */
const walks = new WeakMap<A.Expr, readonly A.Expr[]>();

/**
 * Every node of an expression tree, depth first, not entering subqueries. Iterative: a
 * 100,000-term `1+1+…` is a tree 100,000 deep, which recursion would not survive. An
 * array, not a generator, and large walks are remembered (trees are immutable): parse +
 * bind + plan of a 100,000-term chain stays under 100 ms.
 */
export function walkExpr(e: A.Expr): readonly A.Expr[] {
  const known = walks.get(e);
  if (known) return known;
  const out: A.Expr[] = [];
  const stack: A.Expr[] = [e];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    // The chains that get long, and the leaves, without allocating a child list.
    if (node.kind === 'Binary' && !node.escape) {
      stack.push(node.right, node.left);
      continue;
    }
    if (node.kind === 'Literal' || node.kind === 'Column' || node.kind === 'Parameter') continue;
    const children = childExprs(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as A.Expr);
  }
  if (out.length > 64) walks.set(e, out);
  return out;
}

/** The conjuncts of `a AND b AND c` (parentheses included), in order; iterative like walkExpr. */
export function conjuncts(e: A.Expr | undefined): A.Expr[] {
  const out: A.Expr[] = [];
  const stack: A.Expr[] = e ? [e] : [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'Binary' && node.op === 'AND') stack.push(node.right, node.left);
    else if (node.kind === 'Paren' && node.exprs.length === 1) stack.push(node.exprs[0] as A.Expr);
    else out.push(node);
  }
  return out;
}

/**
 * A call SQLite computes over all the rows of its group: an aggregate form by SQLite's own
 * function list (min/max aggregate with one argument, scalar with more), not a hand list.
 */
export function isAggregateCall(e: A.Expr): boolean {
  if (e.kind !== 'Call' || e.over) return false;
  const form = functionForm(e.name.text, e.args.length);
  return form !== undefined && form.type !== 's';
}

/** Walks of whole statements, kept while their tree lives: binder, planner and column pruning each ask. */
const statementWalks = new WeakMap<A.Statement, readonly A.Expr[]>();

/** Every expression node of a statement, subqueries, CTEs, windows and DML parts included. */
export function statementExprs(s: A.Statement): readonly A.Expr[] {
  const known = statementWalks.get(s);
  if (known) return known;
  const out: A.Expr[] = [];
  statementInto(s, out);
  statementWalks.set(s, out);
  return out;
}

function statementInto(s: A.Statement, out: A.Expr[]): void {
  switch (s.kind) {
    case 'Select': return selectInto(s, out);
    case 'Insert':
      if (s.source.kind === 'Values') for (const row of s.source.rows) for (const e of row) deepInto(e, out);
      if (s.source.kind === 'Select') selectInto(s.source.select, out);
      return;
    case 'Update':
      for (const set of s.sets) deepInto(set.value, out);
      if (s.where) deepInto(s.where, out);
      return;
    case 'Delete':
      if (s.where) deepInto(s.where, out);
      return;
    case 'Call': for (const a of s.args) deepInto(a, out); return;
    case 'Explain': return statementInto(s.statement, out);
    case 'Invalid': return;
  }
}

/** An expression's nodes, then those of the subqueries it holds (recursion bounded by the parser's MAX_DEPTH). */
function deepInto(e: A.Expr, out: A.Expr[]): void {
  const nodes = walkExpr(e);
  for (const node of nodes) out.push(node);
  for (const node of nodes) for (const sub of subqueriesOf(node)) selectInto(sub, out);
}

function selectInto(s: A.SelectStatement, out: A.Expr[]): void {
  for (const cte of s.with?.tables ?? []) selectInto(cte.select, out);
  bodyInto(s.body, out);
  for (const o of s.orderBy) deepInto(o.expr, out);
  if (s.limit) {
    deepInto(s.limit.limit, out);
    if (s.limit.offset) deepInto(s.limit.offset, out);
  }
}

function bodyInto(b: A.SelectBody, out: A.Expr[]): void {
  if (b.kind === 'Compound') {
    bodyInto(b.left, out);
    bodyInto(b.right, out);
    return;
  }
  if (b.kind === 'Values') {
    for (const row of b.rows) for (const e of row) deepInto(e, out);
    return;
  }
  for (const c of b.columns) deepInto(c.expr, out);
  if (b.from) fromInto(b.from, out);
  if (b.where) deepInto(b.where, out);
  for (const g of b.groupBy) deepInto(g, out);
  if (b.having) deepInto(b.having, out);
  for (const w of b.windows) for (const e of windowExprs(w.spec)) deepInto(e, out);
}

function fromInto(f: A.FromItem, out: A.Expr[]): void {
  if (f.kind === 'Join') {
    fromInto(f.left, out);
    fromInto(f.right, out);
    if (f.on) deepInto(f.on, out);
  } else if (f.kind === 'TableFunction') {
    for (const a of f.args) deepInto(a, out);
  } else if (f.kind === 'SubqueryFrom') {
    selectInto(f.select, out);
  } else if (f.kind === 'ParenFrom') {
    fromInto(f.from, out);
  }
}
