import type { Row, SqlValue } from '../values';
import type { SyncState } from './destination';

/**
 * The messages between a SQLite mirror (sqlite.ts) and the worker thread that owns the file's
 * one connection (sqliteWorker.ts). Values cross as structured clones: ids are text, integers
 * beyond 2^53 come back as their digits, so nothing loses precision on the way.
 */

/** A mirrored table as the worker needs it (MirrorTable minus the catalog's functions). */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly sqlType: 'TEXT' | 'INTEGER' | 'REAL' }[];
  readonly key: readonly string[];
  /** Per-call content: the column naming the call (rows are replaced per call, never upserted). */
  readonly callKey?: string;
}

export type WorkerRequest =
  | { type: 'open'; id: number; file: string }
  | { type: 'prepare'; id: number; tables: readonly TableSpec[] }
  | { type: 'readState'; id: number }
  | { type: 'readSource'; id: number }
  | { type: 'recordSource'; id: number; source: string }
  | { type: 'commit'; id: number; table: TableSpec; rows: readonly Row[]; replaceCalls?: readonly string[]; runAt: string; states: readonly SyncState[] }
  | { type: 'finishRefresh'; id: number; table: TableSpec; runAt: string; state: SyncState }
  | { type: 'rowCounts'; id: number }
  | { type: 'syncedAfter'; id: number; table: TableSpec; after: { readonly syncedAt: string; readonly key?: string } | null }
  /** Streams `columns`, then `rows` batches (each after `more`), then `ok`; `cancel` (shared Int32) set to 1 stops it. */
  | { type: 'query'; id: number; sql: string; params: readonly SqlValue[]; cancel: Int32Array }
  | { type: 'search'; id: number; query: string; limit: number }
  | { type: 'more'; id: number }
  | { type: 'close'; id: number };

export type WorkerReply =
  | { type: 'ok'; id: number; value?: unknown }
  /** `mirror`: the file is not a mirror (a MirrorError); `inUse`: another process holds it; `cancelled`: a query stopped by its signal. */
  | { type: 'error'; id: number; message: string; kind: 'mirror' | 'inUse' | 'cancelled' | 'sqlite' }
  | { type: 'columns'; id: number; names: string[] }
  | { type: 'rows'; id: number; rows: Row[] };
