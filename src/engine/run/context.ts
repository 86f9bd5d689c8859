import type { GongClient } from '../../gong/http/client';
import type { Destination } from '../../mirror/destination';
import type { InputValue } from '../../gong/write/values';
import type { LocalMemoryLimit } from '../eval/local';
import type { QueryCache } from './cache';
import { EngineError } from './errors';
import type { EngineEvent, ExecStats, ResultColumn } from './result';
import type { Span } from '../syntax/tokens';

/** Why the engine asks before going on. */
export type ConfirmRequest =
  /** `detail` says where a fan-out's cost comes from: "Flows: 1 request per user × 50 users (…)". */
  | { kind: 'apiCalls'; estimate: number; threshold: number; detail?: string }
  | { kind: 'unfilteredWrite'; statement: 'UPDATE' | 'DELETE'; table: string; rows: number }
  /** A CALL of a procedure that cannot be undone (erasing a person's data); `action` says what it does. */
  | { kind: 'irreversibleCall'; procedure: string; action: string };

/** Each question the engine can ask; a yes answers only its own kind. */
export type ConfirmKind = ConfirmRequest['kind'];

export interface RunOptions {
  /** Gong. Absent on a mirror connection (`mirror`), which never sends a request. */
  client?: GongClient;
  /** Names the connection in cache keys. */
  connectionId: string;
  /**
   * A mirror connection: every object is read from this mirror (0 API calls), and on a
   * SQLite file a statement runs on the file itself when it compiles there. Writes are refused.
   */
  mirror?: Destination;
  /**
   * A live connection may answer a read from this mirror instead of Gong when the mirror
   * covers the read's window and its last sync of the object is at most `maxAgeMs` old.
   * Off when absent; the statement's messages say when it happened.
   */
  answerFromMirror?: { readonly destination: Destination; readonly maxAgeMs: number };
  cache?: QueryCache;
  /** false skips cached rows (they are refreshed). */
  useCache?: boolean;
  /** false evaluates every filter locally. */
  pushdown?: boolean;
  /** Values of `:name` and `?N` parameters. */
  params?: Readonly<Record<string, InputValue>>;
  /** Cancels the run: requests to Gong are aborted, local evaluation (SQLite's worker) is terminated. */
  signal?: AbortSignal;
  /** The memory local evaluation may use (default 1,024 MB) and the setting that changes it. */
  localMemory?: LocalMemoryLimit;
  /**
   * EXPLAIN sends nothing: no first page is read to count a join's or a fan-out's requests, so
   * their estimates stay open ("2+"). For a preview before a confirmation (VS Code asks that
   * preparing a tool call have no side effects), not for a person's EXPLAIN, which is told what counting cost.
   */
  explainSendsNothing?: boolean;
  /** Estimated API calls above which `confirm` is asked (default 50). */
  confirmThreshold?: number;
  /** Asked before a costly read or an UPDATE/DELETE without WHERE; absent means "no". */
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  onEvent?: (event: EngineEvent) => void;
}

/**
 * A statement not run because its question (many API calls, UPDATE/DELETE without WHERE) was
 * not answered yes. The message says what it would have done; how to say yes is for the
 * front end to say (the CLI names its flags, the editor asked in a dialog).
 */
export class NotConfirmed extends EngineError {
  constructor(readonly request: ConfirmRequest, message: string, span?: Span) {
    super('CONFIRMATION_REQUIRED', message, span);
  }
}

/** Gong's client for a statement that must talk to Gong; a mirror connection has none. */
export function gongClient(options: RunOptions): GongClient {
  if (options.client) return options.client;
  if (options.mirror) throw new EngineError('READ_ONLY', readOnlyMessage(options.mirror.label));
  throw new Error('no Gong client and no mirror in the run options');
}

/** What a write on a mirror connection is told. */
export function readOnlyMessage(label: string): string {
  return `The mirror ${label} is read-only: it is a copy that \`gongsql sync\` keeps current. INSERT, UPDATE, DELETE and CALL go to Gong: run the statement on a live connection (in the CLI without --mirror, with --sandbox or Gong credentials).`;
}

/** Per-statement state shared by the select, DML and explain runners. */
export interface RunContext {
  readonly options: RunOptions;
  readonly params: ReadonlyMap<string, InputValue>;
  readonly index: number;
  readonly stats: ExecStats;
  /** The kinds of question answered yes in this statement: each is asked until it is. */
  readonly confirmed: Set<ConfirmKind>;
  emit(event: EngineEvent): void;
}

/**
 * Asks `request` unless its kind was answered yes earlier in the statement. The answer is
 * recorded under the request's own kind, so a yes to many API calls never answers
 * "UPDATE without WHERE" (the resolving read of an UPDATE asks the first, then the second).
 */
export async function confirmed(ctx: RunContext, request: ConfirmRequest): Promise<boolean> {
  if (ctx.confirmed.has(request.kind)) return true;
  const yes = (await ctx.options.confirm?.(request)) === true;
  if (yes) ctx.confirmed.add(request.kind);
  return yes;
}

/** The question of an irreversible CALL, worded once for every front end: "Erase … . This cannot be undone." */
export function irreversibleQuestion(request: Extract<ConfirmRequest, { kind: 'irreversibleCall' }>): string {
  return `CALL ${request.procedure} will ${request.action}. This cannot be undone.`;
}

/** `the 1 row` or `all 3 rows`: what an UPDATE or DELETE without WHERE would change. */
export function everyRow(count: number): string {
  return count === 1 ? 'the 1 row' : `all ${count} rows`;
}

/** Tells the front end a result's columns, unless the runner reads the rows for itself (`emitRows` false). */
export function announceColumns(ctx: RunContext, columns: ResultColumn[], emitRows: boolean): void {
  if (emitRows) ctx.emit({ type: 'columns', index: ctx.index, columns });
}
