import type { Operator, SqlValue } from '../../gong/catalog/types';
import type { Predicate } from '../../gong/read/plan';
import type { BindResult } from '../bind/binder';
import { constantValue } from '../bind/binder';
import type * as A from '../syntax/ast';
import type { InputValue } from '../../gong/write/values';

/** A predicate offered to one object reference, with the conjunct it came from. */
export interface Offer { readonly ref: A.TableRef; readonly predicate: Predicate; readonly source: A.Expr }

const FLIP: Record<string, Operator> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * The forms Gong can evaluate: `col op constant` (either side), `col IN (constants)` and
 * `col BETWEEN a AND b`. All are null-rejecting, which is what makes pushing them into
 * either side of an outer join's WHERE safe.
 */
export function offersOf(conjunct: A.Expr, binding: BindResult, params: ParamValues, folded: FoldedValues = new Map()): Offer[] {
  const object = (e: A.Expr) => {
    if (e.kind !== 'Column') return undefined;
    const resolved = binding.columns.get(e);
    if (!resolved || resolved.source.kind !== 'object' || resolved.source.node.kind !== 'Table') return undefined;
    return { ref: resolved.source.node, column: resolved.column };
  };
  const value = (e: A.Expr) => (folded.has(e) ? folded.get(e) ?? undefined : sqlValue(e, params));
  if (conjunct.kind === 'Binary' && conjunct.op in FLIP) {
    const left = object(conjunct.left);
    const right = object(conjunct.right);
    if (left && !right) {
      const v = value(conjunct.right);
      if (v !== undefined) return [{ ref: left.ref, predicate: { column: left.column, op: conjunct.op as Operator, value: v }, source: conjunct }];
    }
    if (right && !left) {
      const v = value(conjunct.left);
      if (v !== undefined) return [{ ref: right.ref, predicate: { column: right.column, op: FLIP[conjunct.op] as Operator, value: v }, source: conjunct }];
    }
    return [];
  }
  if (conjunct.kind === 'InList' && !conjunct.not) {
    const col = object(conjunct.expr);
    const values = conjunct.items.map(value);
    if (col && values.length > 0 && values.every((v) => v !== undefined)) {
      return [{ ref: col.ref, predicate: { column: col.column, op: 'IN', value: values as SqlValue[] }, source: conjunct }];
    }
    return [];
  }
  if (conjunct.kind === 'Between' && !conjunct.not) {
    const col = object(conjunct.expr);
    const low = value(conjunct.low);
    const high = value(conjunct.high);
    if (col && low !== undefined && high !== undefined) {
      return [
        { ref: col.ref, predicate: { column: col.column, op: '>=', value: low }, source: conjunct },
        { ref: col.ref, predicate: { column: col.column, op: '<=', value: high }, source: conjunct },
      ];
    }
  }
  return [];
}

export type ParamValues = ReadonlyMap<string, InputValue>;
/** Constant expressions already computed (e.g. date('now', '-7 days')). */
export type FoldedValues = ReadonlyMap<A.Expr, SqlValue>;

/** A constant as a SQL value for pushdown: big integers keep their digits as text. NULL is never pushed. */
function sqlValue(e: A.Expr, params: ParamValues): SqlValue | undefined {
  const v = e.kind === 'Parameter' ? params.get(e.name) : constantValue(e);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return undefined;
}
