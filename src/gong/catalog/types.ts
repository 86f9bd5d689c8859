/**
 * The catalog's vocabulary. A table is data: its columns, the filters Gong can evaluate,
 * the read paths that serve each filter shape, how Gong's JSON becomes rows, and what DML
 * it supports. The explorer, completion, hover, diagnostics, planner and docs all read it.
 */

import type { SqlValue } from '../../values';

/**
 * A value as SQLite sees it (ids and date-times are text, booleans 0/1, nested values JSON
 * text). The value types live in src/values; re-exported for the connector's and the engine's modules.
 */
export type { Row, SqlValue } from '../../values';

export type ColumnType = 'id' | 'text' | 'integer' | 'real' | 'boolean' | 'datetime' | 'json';

/** Where a column's value comes from: a dotted path into the record, or a function of it. */
export type ValueSource = string | ((record: Record<string, unknown>, context: RowContext) => unknown);

/** What a row mapping knows besides the record: values a fan-out or the request fixed. */
export interface RowContext {
  /** e.g. `{ WorkspaceId: '…' }` when the rows came from one request per workspace. */
  readonly bound: Readonly<Record<string, SqlValue>>;
}

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Part of the object's identity. */
  readonly key: boolean;
  /** Used only by INSERT; SELECT returns it empty (a Gong peculiarity). */
  readonly insertOnly: boolean;
  /** Never written by INSERT or UPDATE. */
  readonly readOnly: boolean;
  /** How to read it from Gong's record; insert-only columns have none. */
  readonly source?: ValueSource;
  /**
   * A datetime column whose values are days ('YYYY-MM-DD') or the filter's text as written,
   * not instants: compared with a day it means what it says (no date-time-against-a-day warning).
   */
  readonly days?: true;
}

export type Operator = '=' | 'IN' | '>' | '>=' | '<' | '<=';
export const RANGE_OPERATORS: readonly Operator[] = ['>', '>=', '<', '<='];

/** A filter Gong evaluates itself (shown as a badge, in hover, and in EXPLAIN). */
export interface NativeFilter {
  readonly column: string;
  readonly operators: readonly Operator[];
  readonly description: string;
}

/** Where a request parameter goes: `query:name`, `body:filter.name` or `path:name`. */
export type ParamTarget = `query:${string}` | `body:${string}` | `path:${string}`;

/**
 * How a pushed value is written for Gong. `instantFrom` and `instantTo`: an ISO-8601 date-time
 * with an offset, where a plain date is a whole day (UTC): its start for `instantFrom`, the
 * start of the next day for `instantTo` (the day is included, as a last day always is).
 */
export type ParamFormat = 'id' | 'text' | 'datetime' | 'date' | 'instantFrom' | 'instantTo';

/** How one filter column reaches one read path. */
export type FilterRoute =
  | { readonly kind: 'equals'; readonly column: string; readonly to: ParamTarget; readonly format: ParamFormat }
  /**
   * `=` or `IN`, sent as a list; lists longer than `batch` become several requests.
   * `onePerValue`: each value selects at most one record of the response (a call per call
   * id), so a batch is answered in a single page.
   */
  | { readonly kind: 'list'; readonly column: string; readonly to: ParamTarget; readonly format: ParamFormat; readonly batch: number; readonly onePerValue: boolean }
  /**
   * `> >= < <=` as Gong's from-inclusive, to-exclusive window; `=` as the smallest window that
   * holds the value (a second, a day), or the one `span` gives.
   */
  | { readonly kind: 'range'; readonly column: string; readonly from?: ParamTarget; readonly to?: ParamTarget; readonly format: ParamFormat; readonly span?: EqualsSpan };

/**
 * The window `column = value` reads when it is wider than the value itself (a month for the
 * first day of a month): `text` as written, `ms` its instant, `bound` the values the path's
 * other `=` filters fix. A string says why the value cannot be read, for the error.
 */
export type EqualsSpan = (text: string, ms: number, bound: Readonly<Record<string, SqlValue>>) => { readonly from: number; readonly to: number } | string;

/** When a column that a path needs is not filtered: one request per value of another table's column, or of a fixed list. */
export type FanOut =
  | { readonly column: string; readonly from: { readonly table: string; readonly column: string } }
  | {
      readonly column: string;
      readonly values: readonly string[];
      /**
       * The query must choose the values (`=`, or `IN` for several): all of them would be
       * different views of the same data, mixed (Period: each call counted once per period kind).
       */
      readonly chosen?: true;
    };

/** One way to read a table: an endpoint and the filter shapes it can serve. */
export interface ReadPath {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Below the base URL, with `{name}` for path parameters. */
  readonly path: string;
  readonly bindings: readonly FilterRoute[];
  /** Columns that must be bound (by a filter or a fan-out) for the path to apply. */
  readonly requires: readonly string[];
  readonly fanOut?: FanOut;
  /** Cursor paging: in the query (GET) or the body (POST); none for single responses. */
  readonly paging: 'none' | 'query' | 'body';
  /** Any 404 is "no rows" (lookups by id), or only Gong's "No … found" (lists). */
  readonly notFound: 'empty' | 'noResults';
  /** Fixed request parts (e.g. a contentSelector), merged under the bound parameters. */
  readonly fixed?: { readonly query?: Readonly<Record<string, string>>; readonly body?: Readonly<Record<string, unknown>> };
  /**
   * Gong requires a whole-day window at these targets (the stats endpoints): an end the query
   * leaves open is filled in, `to` with the end of today and `from` with `defaultDays` before `to`.
   */
  readonly window?: { readonly from: ParamTarget; readonly to: ParamTarget; readonly defaultDays: number };
  /** The records of one response. */
  readonly records: (body: Record<string, unknown>) => Record<string, unknown>[];
  /** Scopes the request needs beyond its endpoint's (calls/extensive asking for media URLs). */
  readonly scopes?: readonly string[];
  /** Extra lookups a page needs before its rows are complete (e.g. speaker names). */
  readonly enrich?: (records: Record<string, unknown>[], fetch: EnrichFetch) => Promise<Record<string, unknown>[]>;
}

/** Lets `enrich` make further requests through the same client, counted and cancellable. */
export type EnrichFetch = (request: { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: Record<string, unknown>; paging: 'none' | 'query' | 'body'; records: (body: Record<string, unknown>) => Record<string, unknown>[] }) => Promise<Record<string, unknown>[]>;

/** A request a writer or procedure sends. */
export interface WriteRequest {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, unknown>;
  readonly upload?: { readonly field: string; readonly filePath: string };
}

export type DmlKind = 'INSERT' | 'UPDATE' | 'DELETE';

export interface Dml {
  /** Column values (already validated) → the request; the new row's key comes from the reply. */
  readonly insert?: {
    readonly params: readonly ParamDef[];
    readonly request: (values: Readonly<Record<string, unknown>>) => WriteRequest;
    readonly result: (reply: Record<string, unknown>) => Record<string, SqlValue>;
    /**
     * How a user finds out whether a row whose outcome is unknown was written: Gong refuses a
     * second row with the same `dedupeKey` (so running it again is safe), or a SELECT on the
     * `findBy` columns' values finds it.
     */
    readonly afterUnknown: { readonly dedupeKey: string } | { readonly findBy: readonly string[] };
  };
  readonly update?: { readonly key: string; readonly params: readonly ParamDef[]; readonly request: (key: string, changes: Readonly<Record<string, unknown>>) => WriteRequest };
  readonly delete?: { readonly key: string; readonly request: (key: string) => WriteRequest };
}

/**
 * How `gongsql sync` keeps a table current in a mirror. Sync code reads only this: an object
 * joins the mirror by declaring its policy here.
 */
export type MirrorPolicy =
  /**
   * Records appear and change late (calls are processed hours after they end): each run
   * re-reads from the watermark minus a look-back on `cursor` (a range filter) and upserts.
   */
  | { readonly kind: 'window'; readonly cursor: string }
  /**
   * Gong lets you read only what was created since a time: the watermark moves forward, nothing is re-read.
   * `history: 'all'`: a dimension other objects point at (Users): its first run reads everything, never cut by `--since`.
   */
  | { readonly kind: 'createdSince'; readonly cursor: string; readonly history?: 'all' }
  /**
   * Small: read whole each run; rows a run no longer returns get `_deleted_at`, never removed.
   * `onlyWhenNamed`: why a run syncs it only when `--objects` names it (it costs a request per user).
   */
  | { readonly kind: 'fullRefresh'; readonly onlyWhenNamed?: string }
  /**
   * Content of single calls: read for the calls a run synced (`callKey IN (…)`, 100 calls
   * per request); a call's rows are replaced whenever the call is re-read.
   */
  | { readonly kind: 'perCall'; readonly callKey: string }
  /** Not mirrored, and why (shown by `gongsql sync --objects` when asked for). */
  | { readonly kind: 'none'; readonly reason: string };

/** The explorer's groups, in its order; a group no table names is not shown. */
export const TABLE_GROUPS = ['Calls', 'Users', 'Stats', 'Settings', 'Library', 'CRM', 'Engage', 'Privacy', 'Admin'] as const;
export type TableGroup = (typeof TABLE_GROUPS)[number];

export interface TableDef {
  readonly name: string;
  /** Explorer group. */
  readonly group: TableGroup;
  readonly description: string;
  readonly columns: readonly Column[];
  readonly filters: readonly NativeFilter[];
  /** In order of preference when several apply with the same estimate. */
  readonly reads: readonly ReadPath[];
  readonly dml: Dml;
  /** Behaviour of Gong a user must know (hover, diagnostics, docs). */
  readonly peculiarities: readonly string[];
  /** How the table is kept in a mirror. */
  readonly mirror: MirrorPolicy;
}

/** A procedure or DML parameter, with what validation needs. */
export interface ParamDef {
  readonly name: string;
  readonly type: ParamType;
  readonly required: boolean;
  readonly description: string;
  readonly maxLength?: number;
  /** For `enum`. */
  readonly values?: readonly string[];
  /**
   * For `jsonArray` and `jsonObject` (required there; validate.ts checks it parses and passes):
   * a value Gong accepts, as written in SQL. Hover, Describe, the README and the
   * "must be a JSON array" error all show this one example.
   */
  readonly example?: string;
}

export type ParamType = 'text' | 'id' | 'integer' | 'number' | 'datetime' | 'enum' | 'jsonArray' | 'jsonObject' | 'language' | 'url' | 'email' | 'binary';

export interface ProcedureDef {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamDef[];
  readonly returns: readonly { readonly name: string; readonly type: ColumnType; readonly description: string }[];
  readonly peculiarities: readonly string[];
  /**
   * Set for a procedure whose effect cannot be undone (erasing a person's data): what it will
   * do, from the validated arguments, in one sentence. CALL asks for confirmation every time
   * and sends nothing without a yes.
   */
  readonly irreversible?: (args: Readonly<Record<string, unknown>>) => string;
  /** Validated arguments by parameter name → the result row, sending requests through `send`. */
  readonly run: (args: Readonly<Record<string, unknown>>, send: SendWrite) => Promise<Record<string, SqlValue>>;
}

/** Sends one write request; resolves to Gong's parsed reply body. */
export type SendWrite = (request: WriteRequest) => Promise<Record<string, unknown>>;
