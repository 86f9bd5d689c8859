import type { Column } from '../../gong/catalog/types';
import type { BindResult } from '../bind/binder';
import type * as A from '../syntax/ast';
import { statementExprs, subqueriesOf } from '../syntax/walk';
import { tableRefsOf } from './joinKeys';

/**
 * The columns of an object reference the statement can read. Loading only those into
 * SQLite is what keeps local evaluation fast (each value costs a copy into WebAssembly).
 * Anything uncertain — `*`, NATURAL joins, a name the binder could not place — loads more,
 * never less.
 */
export function neededColumns(statement: A.SelectStatement, binding: BindResult, ref: A.TableRef, columns: readonly Column[]): Column[] {
  const alias = (ref.alias ?? ref.name).text.toLowerCase();
  const names = new Set<string>();
  const { columns: refs, stars, subqueries } = referencesOf(statement);
  for (const e of stars) if (!e.table || e.table.text.toLowerCase() === alias) return [...columns];
  for (const e of refs) {
    const resolved = binding.columns.get(e);
    if (resolved) {
      if (resolved.source.node === ref) names.add(resolved.column.toLowerCase());
    } else if (!e.table || e.table.text.toLowerCase() === alias) {
      names.add(e.name.text.toLowerCase());
    }
  }
  for (const item of fromItems(statement, subqueries)) {
    if (item.kind === 'Join' && item.natural) return [...columns];
    if (item.kind === 'Join') for (const u of item.using ?? []) names.add(u.text.toLowerCase());
    // `(a JOIN b) AS j`: columns are named through j, which the binder leaves open.
    if (item.kind === 'ParenFrom' && item.alias && tableRefsOf(item.from).includes(ref)) return [...columns];
  }
  const needed = columns.filter((c) => names.has(c.name.toLowerCase()));
  // A table needs a column to exist; count(*) needs only the rows.
  return needed.length > 0 ? needed : columns.slice(0, 1);
}

/** What column pruning looks at in a statement: its column references, its `*`s that read columns, its subqueries. */
interface References {
  readonly columns: readonly A.ColumnRef[];
  readonly stars: readonly A.StarExpr[];
  readonly subqueries: readonly A.SelectStatement[];
}

/** Gathered in one pass and kept with the tree: the planner asks once per object reference. */
const references = new WeakMap<A.SelectStatement, References>();

function referencesOf(statement: A.SelectStatement): References {
  const known = references.get(statement);
  if (known) return known;
  const columns: A.ColumnRef[] = [];
  const stars: A.StarExpr[] = [];
  const subqueries: A.SelectStatement[] = [];
  // count(*) reads no column; only a * in a result list does.
  const countStars = new Set<A.Expr>();
  for (const e of statementExprs(statement)) {
    if (e.kind === 'Column') columns.push(e);
    else if (e.kind === 'Star') stars.push(e);
    else if (e.kind === 'Call') {
      for (const a of e.args) if (a.kind === 'Star') countStars.add(a);
    } else if (e.kind === 'InSelect' || e.kind === 'Exists' || e.kind === 'Subquery') subqueries.push(...subqueriesOf(e));
  }
  const found = { columns, stars: stars.filter((s) => !countStars.has(s)), subqueries };
  references.set(statement, found);
  return found;
}

/**
 * The joins and parenthesised FROM items of a statement and of every subquery in it
 * (the statement's subqueries include nested ones, so no expression is walked again).
 */
function* fromItems(s: A.SelectStatement, subqueries: readonly A.SelectStatement[]): Generator<A.FromItem> {
  yield* selectFromItems(s);
  for (const sub of subqueries) yield* selectFromItems(sub);
}

function* selectFromItems(s: A.SelectStatement): Generator<A.FromItem> {
  for (const cte of s.with?.tables ?? []) yield* selectFromItems(cte.select);
  yield* bodyFromItems(s.body);
}

function* bodyFromItems(b: A.SelectBody): Generator<A.FromItem> {
  if (b.kind === 'Compound') {
    yield* bodyFromItems(b.left);
    yield* bodyFromItems(b.right);
  } else if (b.kind === 'Core' && b.from) {
    yield* nestedFromItems(b.from);
  }
}

function* nestedFromItems(f: A.FromItem): Generator<A.FromItem> {
  if (f.kind === 'Join') {
    yield f;
    yield* nestedFromItems(f.left);
    yield* nestedFromItems(f.right);
  } else if (f.kind === 'ParenFrom') {
    yield f;
    yield* nestedFromItems(f.from);
  } else if (f.kind === 'SubqueryFrom') {
    yield* selectFromItems(f.select);
  }
}
