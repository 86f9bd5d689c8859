import type { Predicate } from '../gong/read/plan';
import type { Row, SqlValue } from '../values';
import type { MirrorTable } from './schema';

/**
 * Where a mirror lives. The sync job and the engine's mirror reader talk only to this, so a
 * SQLite file and a PostgreSQL database behave alike (a contract test runs on both).
 *
 * Values go in and come out as the catalog maps them (`SqlValue`): ids and date-times as
 * text (never a JS number), booleans 0/1, JSON as text, so a query on a mirror answers what
 * the same query answers on Gong.
 */
export interface Destination {
  readonly kind: 'sqlite' | 'postgres';
  /** For messages: the file path, or the URL without its password. */
  readonly label: string;
  /** Creates what is missing: the tables, the state table, the transcripts' full-text index. */
  prepare(tables: readonly MirrorTable[]): Promise<void>;
  /** Every object's state, by object name. */
  readState(): Promise<Map<string, SyncState>>;
  /** Which Gong the mirror copies (source.ts), as recorded by its first run; null before. */
  readSource(): Promise<string | null>;
  recordSource(source: string): Promise<void>;
  /** One page, atomically: its rows, the per-call rows it replaces, the new state. Never half of it. */
  commit(page: PageCommit): Promise<void>;
  /**
   * The end of a full refresh, atomically with the state: rows not written by run `runAt`
   * get `_deleted_at = runAt` (unless already set); returns how many.
   */
  finishRefresh(table: MirrorTable, runAt: string, state: SyncState): Promise<number>;
  /**
   * The rows of an object that satisfy `predicates` (a superset is allowed, never fewer),
   * deleted rows left out, columns in `MirrorTable.columns` order, in batches. Only
   * `table.columns` are read: the engine passes the object's table narrowed to the columns a
   * statement reads (and those its predicates name), so a wide object is not read whole.
   */
  select(table: MirrorTable, predicates: readonly Predicate[]): AsyncIterable<Row[]>;
  /**
   * What per-call content follows: the key (first key column) and `_synced_at` of every row of
   * `table` after `after` in (`_synced_at`, key) order (without `after.key`: every row written
   * after `after.syncedAt`; null: every row), deleted rows included, in that order.
   */
  syncedAfter(table: MirrorTable, after: { readonly syncedAt: string; readonly key?: string } | null): Promise<SyncedKey[]>;
  /**
   * The smallest value of `column` among the live rows of `table` (text, as stored; undefined
   * when it has none): where a dated object's rows start, for the mirror's first-day warning.
   */
  earliest(table: MirrorTable, column: string): Promise<string | undefined>;
  /** Rows per object (deleted left out), for the explorer and EXPLAIN. */
  rowCounts(): Promise<Map<string, number>>;
  /** SQLite only: statements run on the database file itself (the engine's fast path). */
  readonly native?: NativeSql;
  /** Transcript sentences matching `query` (words, "a phrase", prefix*), best first. */
  searchTranscripts(query: string, limit: number): Promise<TranscriptMatch[]>;
  close(): Promise<void>;
}

/** A read-only statement run by the database itself, in SQLite's dialect, on the mirror's tables. */
export interface NativeSql {
  /** Rows come in batches after the column names; `signal` stops the statement (the database stays usable). */
  query(sql: string, params: readonly SqlValue[], sink: RowSink, signal?: AbortSignal): Promise<void>;
}

export interface RowSink {
  columns(names: readonly string[]): void;
  rows(batch: readonly Row[]): void;
}

export interface PageCommit {
  readonly table: MirrorTable;
  /** In `table.columns` order; upserted by `table.key`. */
  readonly rows: readonly Row[];
  /** Per-call content: every row of these calls is deleted first (a re-read call's content is replaced). */
  readonly replaceCalls?: readonly string[];
  /** The run's start, written to `_synced_at` of every row. */
  readonly runAt: string;
  /** States saved with the rows (the table's own, and for per-call content, what it has followed). */
  readonly states: readonly SyncState[];
}

export type SyncStatus = 'running' | 'done' | 'failed' | 'stopped';

/** One row of `_gongsql_sync`. */
export interface SyncState {
  readonly object: string;
  readonly policy: MirrorTable['policy']['kind'];
  /**
   * `window` / `createdSince`: the cursor value up to which every record is in the mirror
   * (ISO-8601). `perCall`: the `_synced_at` of the newest call whose content is in.
   * `fullRefresh`: null.
   */
  readonly watermark: string | null;
  /** Where an unfinished run stopped (opaque JSON for the job, e.g. a window and a page cursor); null when none. */
  readonly checkpoint: string | null;
  readonly lastRunStarted: string | null;
  readonly lastRunFinished: string | null;
  /** Rows written by the last run, and API calls it made, so far. */
  readonly rows: number;
  readonly apiCalls: number;
  readonly status: SyncStatus;
  /** The last run's error message (never a secret). */
  readonly error: string | null;
}

/** A row's key and when a run wrote it (see `Destination.syncedAfter`). */
export interface SyncedKey {
  readonly key: string;
  readonly syncedAt: string;
}

export interface TranscriptMatch {
  readonly callId: string;
  readonly callTitle: string | null;
  readonly callScheduled: string | null;
  readonly speakerName: string | null;
  readonly affiliation: string | null;
  readonly startMs: number;
  readonly text: string;
  /** The sentence with the matched words in «…». */
  readonly snippet: string;
}

/** Not a mirror, or one this version cannot read: says which and what to do. */
export class MirrorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MirrorError';
  }
}

/** Another process holds the mirror (a SQLite file takes one process at a time). */
export class MirrorInUseError extends MirrorError {}

export type { SqlValue };
