import type { SqlValue } from '../../gong/catalog/types';
import type { InputValue } from '../../gong/write/values';
import { LocalDatabase, type LocalOptions } from '../eval/local';
import type * as A from '../syntax/ast';
import { statementExprs, subqueriesOf, walkExpr } from '../syntax/walk';
import { localSql, valueSelect } from './localSql';

/** Functions whose value changes from call to call: never folded. */
const VOLATILE = new Set(['random', 'randomblob', 'changes', 'last_insert_rowid', 'total_changes']);
const COMPARISONS = new Set(['=', '<', '<=', '>', '>=']);

/**
 * Computes, once, the constant operands of comparisons that are not plain literals, such as
 * `date('now', '-7 days')`, so that those filters can reach Gong too. SQLite computes them,
 * so the value is exactly what the local evaluation compares against.
 */
export async function foldConstants(statement: A.Statement, params: ReadonlyMap<string, InputValue>, local: LocalOptions = {}): Promise<Map<A.Expr, SqlValue>> {
  const candidates: A.Expr[] = [];
  for (const e of statementExprs(statement)) {
    if (e.kind === 'Binary' && COMPARISONS.has(e.op)) candidates.push(e.left, e.right);
    if (e.kind === 'Between') candidates.push(e.low, e.high);
    if (e.kind === 'InList') candidates.push(...e.items);
  }
  const foldable = candidates.filter((e) => e.kind !== 'Literal' && e.kind !== 'Parameter' && e.kind !== 'Column' && isConstant(e));
  const folded = new Map<A.Expr, SqlValue>();
  if (foldable.length === 0) return folded;
  const db = LocalDatabase.open(local);
  try {
    for (const e of foldable) {
      try {
        folded.set(e, await computed(db, e, params));
      } catch (error) {
        // Not computable on its own: it simply stays a local filter. A cancel is a cancel.
        if (local.signal?.aborted) throw error;
      }
    }
  } finally {
    await db.close();
  }
  return folded;
}

/**
 * The value of an expression that reads no row (`2*5`, `:n + 1`), computed by SQLite on the
 * run's own local database; undefined when it reads rows (a column, a subquery) and only the
 * statement can compute it.
 */
export async function foldValue(db: LocalDatabase, e: A.Expr, params: ReadonlyMap<string, InputValue>): Promise<SqlValue | undefined> {
  return isConstant(e) ? computed(db, e, params) : undefined;
}

async function computed(db: LocalDatabase, e: A.Expr, params: ReadonlyMap<string, InputValue>): Promise<SqlValue> {
  const { sql, values } = localSql(valueSelect(e), { tables: new Map(), params });
  let value: SqlValue = null;
  await db.query(sql, values, () => undefined, (rows) => { value = rows[0]?.[0] ?? null; });
  return value;
}

function isConstant(e: A.Expr): boolean {
  for (const node of walkExpr(e)) {
    if (node.kind === 'Column' || node.kind === 'Star' || subqueriesOf(node).length > 0) return false;
    if (node.kind === 'Call' && (node.over || VOLATILE.has(node.name.text.toLowerCase()))) return false;
  }
  return true;
}
