import type { Column } from '../../gong/catalog/types';
import type { Binding } from '../bind/binder';
import type * as A from '../syntax/ast';
import { statementExprs, subqueriesOf, walkExpr } from '../syntax/walk';

/**
 * The columns of an object reference the statement can read. Loading only those into
 * SQLite is what keeps local evaluation fast (each value costs a copy into WebAssembly).
 * Anything uncertain — `*`, NATURAL joins, a name the binder could not place — loads more,
 * never less.
 */
export function neededColumns(statement: A.SelectStatement, binding: Binding, ref: A.TableRef, columns: readonly Column[]): Column[] {
  const alias = (ref.alias ?? ref.name).text.toLowerCase();
  const names = new Set<string>();
  const exprs = [...statementExprs(statement)];
  // count(*) reads no column; only a * in a result list does.
  const countStars = new Set(exprs.flatMap((e) => (e.kind === 'Call' ? e.args.filter((a) => a.kind === 'Star') : [])));
  for (const e of exprs) {
    if (e.kind === 'Star' && !countStars.has(e) && (!e.table || e.table.text.toLowerCase() === alias)) return [...columns];
    if (e.kind !== 'Column') continue;
    const resolved = binding.columns.get(e);
    if (resolved) {
      if (resolved.source.node === ref) names.add(resolved.column.toLowerCase());
    } else if (!e.table || e.table.text.toLowerCase() === alias) {
      names.add(e.name.text.toLowerCase());
    }
  }
  for (const join of joins(statement)) {
    if (join.natural) return [...columns];
    for (const u of join.using ?? []) names.add(u.text.toLowerCase());
  }
  const needed = columns.filter((c) => names.has(c.name.toLowerCase()));
  // A table needs a column to exist; count(*) needs only the rows.
  return needed.length > 0 ? needed : columns.slice(0, 1);
}

function* joins(s: A.SelectStatement): Generator<A.JoinItem> {
  for (const cte of s.with?.tables ?? []) yield* joins(cte.select);
  yield* bodyJoins(s.body);
  for (const e of statementExprs(s)) for (const node of walkExpr(e)) for (const sub of subqueriesOf(node)) yield* joins(sub);
}

function* bodyJoins(b: A.SelectBody): Generator<A.JoinItem> {
  if (b.kind === 'Compound') {
    yield* bodyJoins(b.left);
    yield* bodyJoins(b.right);
  } else if (b.kind === 'Core' && b.from) {
    yield* fromJoins(b.from);
  }
}

function* fromJoins(f: A.FromItem): Generator<A.JoinItem> {
  if (f.kind === 'Join') {
    yield f;
    yield* fromJoins(f.left);
    yield* fromJoins(f.right);
  } else if (f.kind === 'SubqueryFrom') {
    yield* joins(f.select);
  } else if (f.kind === 'ParenFrom') {
    yield* fromJoins(f.from);
  }
}
