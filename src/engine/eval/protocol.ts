import type { SqlValue } from '../../gong/catalog/types';

/**
 * The messages between the engine and its SQLite worker (eval/worker.ts). One database per
 * worker at a time; requests are answered in order, each by its `id`.
 *
 * Values cross as structured clones: SqlValue is text, a JS number or NULL, so ids (text)
 * and 64-bit integers (read back as digit strings beyond 2^53, see fromSqlite) stay exact;
 * a bound parameter may be a bigint, which the clone keeps too.
 */

/** A value SQLite binds. */
export type BoundValue = string | number | bigint | null;

export interface TableColumn {
  readonly name: string;
  /** SQLite's declared type: TEXT, INTEGER or REAL. */
  readonly sqlType: string;
}

export type Request =
  /** A fresh, empty database; SQLite's heap may grow to `heapLimitBytes` (PRAGMA hard_heap_limit). */
  | { type: 'open'; id: number; heapLimitBytes: number }
  | { type: 'createTable'; id: number; table: string; columns: readonly TableColumn[] }
  /** One chunk of rows, each `width` values long, inserted in one transaction. */
  | { type: 'insert'; id: number; table: string; width: number; rows: readonly SqlValue[][] }
  /** Empties a table (the streaming path reloads it page by page). */
  | { type: 'clear'; id: number; table: string }
  /** Runs a statement: `columns`, then `rows` batches, each sent once the previous one was taken (`more`), then `ok`. */
  | { type: 'query'; id: number; sql: string; values: readonly BoundValue[] }
  /** Compiles a statement without running it: SQLite's errors about the statement itself, before anything is read. */
  | { type: 'prepare'; id: number; sql: string }
  /** The engine took the last batch of query `id`: the worker may send the next. */
  | { type: 'more'; id: number }
  | { type: 'close'; id: number };

/**
 * Why a request failed: `sqlite` is the statement's own error (SQLite's message),
 * `memory` SQLite's heap reached its limit, `fatal` the WebAssembly module broke (the
 * worker is dropped).
 */
export type FailureKind = 'sqlite' | 'memory' | 'fatal';

export type Reply =
  | { type: 'ok'; id: number }
  /** Before `ok` to `close`: the memory the worker still holds (WebAssembly memory grows, never shrinks). */
  | { type: 'held'; id: number; bytes: number }
  | { type: 'columns'; id: number; names: string[] }
  /** `wide`: the columns where an integer of this batch was beyond 2^53, so came as its digits (SQLite's INTEGER still). */
  | { type: 'rows'; id: number; rows: SqlValue[][]; wide?: number[] }
  | { type: 'error'; id: number; kind: FailureKind; message: string };
