/**
 * The typed messages between the extension host and the results webview. Both sides
 * import this module (the webview with `import type` only).
 */
import type { SqlValue } from '../gong/catalog/types';
import type { FilterSpec, SortSpec } from './rowView';

export interface ColumnInfo { readonly name: string; readonly type: string }

export interface ResultInfo {
  /** Identifies the result set within a run. */
  readonly id: number;
  readonly title: string;
  readonly columns: readonly ColumnInfo[];
}

/** What one statement of a run said, with the statement and when it started. */
export interface StatementMessages {
  /** The statement's first line, shortened (messages.ts). */
  readonly statement: string;
  /** When it started, in ms since the epoch: shown as the clock time. */
  readonly at: number;
  readonly lines: readonly string[];
}

export type HostToWebview =
  | { type: 'running'; text: string }
  /** A new run starts: earlier results are gone. */
  | { type: 'begin'; run: number }
  /** A result set of the run (rows follow as counts grow; the webview asks for windows). */
  | { type: 'result'; run: number; result: ResultInfo }
  | { type: 'count'; run: number; result: number; count: number; done: boolean }
  | { type: 'rows'; run: number; result: number; request: number; start: number; rows: readonly (readonly SqlValue[])[] }
  | { type: 'messages'; run: number; messages: readonly StatementMessages[] }
  | { type: 'error'; message: string };

export type WebviewToHost =
  | { type: 'ready' }
  /** Rows `start … start+count` of the result in its current view order. */
  | { type: 'window'; run: number; result: number; request: number; start: number; count: number }
  /** A new sort or filter: the host answers with a `count`. */
  | { type: 'view'; run: number; result: number; sort?: SortSpec; filter: FilterSpec }
  /** Copies view rows `from … to` (inclusive) of the given columns, in that order, as TSV. */
  | { type: 'copy'; run: number; result: number; from: number; to: number; columns: readonly number[]; withHeaders: boolean }
  | { type: 'export'; run: number; result: number; format: 'csv' | 'json' };
