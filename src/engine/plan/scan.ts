import type { TableDef } from '../../gong/catalog/types';
import type { ReadPlan } from '../../gong/read/plan';
import type * as A from '../syntax/ast';
import type { Offer } from './predicates';

// The planner's result types, in a module of their own so that the planner and the join
// keys it uses both import them without importing each other.

/**
 * `column = source.sourceColumn`: once the source's rows are read, this object is read with
 * `column IN (their values)` instead of on its own, when that costs fewer requests (a join
 * of a week of calls to their parties reads the parties of those calls, not of every call).
 */
export interface KeyFrom {
  readonly source: A.TableRef;
  readonly sourceColumn: string;
  readonly column: string;
}

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

