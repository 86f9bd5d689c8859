import type { RowStatus } from '../../gong/write/writer';
import type { ColumnType, SqlValue } from '../../gong/catalog/types';
import type { ReadStats } from '../../gong/read/reader';

/**
 * The one result model shared by the grid, notebooks and the CLI: typed columns, rows
 * delivered in batches, messages, and what the statement cost.
 */
export interface ResultColumn {
  readonly name: string;
  /** From the values seen: SQLite's storage classes, 'mixed' when they differ, 'null' when all are NULL. */
  type: 'integer' | 'real' | 'text' | 'null' | 'mixed';
  /** The catalog's type when the column is an object's column as it is (see declaredTypes), known at the statement's end. */
  declared?: ColumnType;
}

/**
 * How a result reads best: 'table' (a row per record) or 'record' (a record per column, its
 * fields as rows, values wrapped), for few records of long text such as EXPLAIN's sentences.
 */
export type ResultLayout = 'table' | 'record';

export interface ExecStats extends ReadStats {
  /** Object reads answered from the cache. */
  cachedScans: number;
  ms: number;
}

export interface StatementResult {
  /** Position of the statement in the script. */
  readonly index: number;
  readonly kind: 'select' | 'insert' | 'update' | 'delete' | 'call' | 'explain';
  readonly columns: ResultColumn[];
  readonly rows: SqlValue[][];
  readonly messages: string[];
  readonly stats: ExecStats;
  /** How the result is best shown; a table when absent. */
  readonly layout?: ResultLayout;
  /** INSERT/UPDATE/DELETE: how many rows ended in each outcome (a row whose outcome is unknown may be written). */
  readonly outcomes?: Readonly<Record<RowStatus, number>>;
}

/** What the engine reports while it runs. */
export type EngineEvent =
  | { type: 'statementStart'; index: number; text: string }
  | { type: 'columns'; index: number; columns: readonly ResultColumn[] }
  | { type: 'rows'; index: number; rows: readonly SqlValue[][] }
  | { type: 'progress'; index: number; stats: Readonly<ExecStats> }
  | { type: 'message'; index: number; text: string }
  | { type: 'statementEnd'; index: number; result: StatementResult }
  /** The statement failed; `stats` says what it had cost until then. */
  | { type: 'statementError'; index: number; error: unknown; stats: Readonly<ExecStats> };

export function typeOf(value: SqlValue): ResultColumn['type'] {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'real';
  return 'text';
}

/** An integer beyond 2^53 as SQLite's worker hands it: its exact digits. */
const INTEGER_DIGITS = /^-?[1-9]\d{15,18}$/;

/**
 * Widens column types with a batch of rows. `wide`: the batch's columns where an integer beyond
 * 2^53 came as its digits (see eval/worker.ts): there, such digits are an integer, not text.
 */
export function observeTypes(columns: ResultColumn[], rows: readonly SqlValue[][], wide: readonly number[] = []): void {
  for (const row of rows) {
    row.forEach((value, i) => {
      const column = columns[i];
      if (!column) return;
      const t = typeof value === 'string' && wide.includes(i) && INTEGER_DIGITS.test(value) ? 'integer' : typeOf(value);
      if (t === 'null' || column.type === t || column.type === 'mixed') return;
      if (column.type === 'null') column.type = t;
      else if ((column.type === 'integer' && t === 'real') || (column.type === 'real' && t === 'integer')) column.type = 'real';
      else column.type = 'mixed';
    });
  }
}
