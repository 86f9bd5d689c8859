/**
 * The typed messages between the extension host and the results webview. Both sides
 * import this module (the webview with `import type` only).
 */
import type { ErrorLocation } from '../engine/ide/errorLocation';
import type { FileFormat } from '../engine/render/fileFormats';
import type { ResultLayout } from '../engine/run/result';
import type { SqlValue } from '../values';
import type { FilterSpec, SortSpec } from './rowView';

/** What Export writes the whole result as: text (CSV, JSON) or a typed file (Excel, Parquet). */
export type ExportFormat = 'csv' | 'json' | FileFormat;

export interface ColumnInfo { readonly name: string; readonly type: string }

export interface ResultInfo {
  /** Identifies the result set within a run. */
  readonly id: number;
  /** Short: the statement's object or first words (messages.ts resultTitle). */
  readonly title: string;
  /** The statement's first line, the tab's tooltip. */
  readonly statement?: string;
  readonly columns: readonly ColumnInfo[];
  /** How the grid first shows it (the engine says 'record' for EXPLAIN); a table when absent. */
  readonly layout?: ResultLayout;
}

/**
 * What a panel keeps in its webview state (VS Code saves it with the window) so that after a
 * window reload it can say which statement its results came from and run it again.
 */
export interface SavedResults {
  /** The editor's document URI, as a string: the restored panel is that editor's panel again. */
  readonly document: string;
  readonly title: string;
  /** The text that ran. */
  readonly statement: string;
}

/** What one statement of a run said, with the statement and when it started. */
export interface StatementMessages {
  /** The statement's first line, shortened (messages.ts). */
  readonly statement: string;
  /** When it started, in ms since the epoch: shown as the clock time. */
  readonly at: number;
  readonly lines: readonly string[];
  /** The statement failed with this; `location` (its file line and column) is a link to it. */
  readonly error?: string;
  readonly location?: ErrorLocation;
}

export type HostToWebview =
  | { type: 'running'; text: string }
  /** A new run starts: earlier results are gone. */
  | { type: 'begin'; run: number }
  /** A result set of the run (rows follow as counts grow; the webview asks for windows). */
  | { type: 'result'; run: number; result: ResultInfo }
  | { type: 'count'; run: number; result: number; count: number; done: boolean }
  | { type: 'rows'; run: number; result: number; request: number; start: number; rows: readonly (readonly SqlValue[])[] }
  /** The run ended (finished, failed or cancelled): every statement that ran, in order. */
  | { type: 'messages'; run: number; messages: readonly StatementMessages[] }
  /** A run that failed before any statement started (syntax, names, connection); `location` (file line and column, the statement's first line) is a link to it. */
  | { type: 'error'; message: string; location?: ErrorLocation }
  /** Keep this in the webview state (a run started). */
  | { type: 'remember'; state: SavedResults }
  /** A panel restored after a window reload: its rows went with the old extension host. */
  | { type: 'restored'; statement: string };

export type WebviewToHost =
  | { type: 'ready' }
  /** Rows `start … start+count` of the result in its current view order. */
  | { type: 'window'; run: number; result: number; request: number; start: number; count: number }
  /** A new sort or filter: the host answers with a `count`. */
  | { type: 'view'; run: number; result: number; sort?: SortSpec; filter: FilterSpec }
  /** Copies view rows `from … to` (inclusive) of the given columns, in that order, as TSV. */
  | { type: 'copy'; run: number; result: number; from: number; to: number; columns: readonly number[]; withHeaders: boolean }
  | { type: 'export'; run: number; result: number; format: ExportFormat }
  /** Puts the cursor of the panel's editor on an error's location. */
  | { type: 'reveal'; line: number; column: number }
  /** The Run button of a restored panel: run its statement again. */
  | { type: 'rerun' }
  /** Export PNG / Export SVG of the Chart tab: the image (PNG as base64, SVG as text) to save where the user says. */
  | { type: 'saveChart'; title: string; format: 'png' | 'svg'; data: string };
