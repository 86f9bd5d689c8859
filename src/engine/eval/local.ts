import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Column, Row, SqlValue } from '../../gong/catalog/types';
import { abortedError } from '../../gong/http/errors';
import type { InputValue } from '../../gong/write/values';
import { EngineError } from '../run/errors';
import type { ResultColumn } from '../run/result';
import type { Reply, Request } from './protocol';
import { tableColumns, toSqlite } from './sqlite';

/** How much memory local evaluation may use, and the setting (or flag) that changes it, named in the error. */
export interface LocalMemoryLimit {
  readonly megabytes: number;
  readonly setting: string;
}

export const DEFAULT_LOCAL_MEMORY_MB = 1024;
/** Below this SQLite and the worker's own code leave no room for rows. */
export const MIN_LOCAL_MEMORY_MB = 64;

/** What a local database needs from a run: the signal that cancels it and the memory bound. */
export interface LocalOptions {
  readonly signal?: AbortSignal;
  readonly localMemory?: LocalMemoryLimit;
}

/** Values per insert message: a chunk is copied to the worker in a millisecond or two. */
const CHUNK_VALUES = 10_000;
/** An idle worker is kept this long for the next statement, then ended (its memory returned). */
const IDLE_MS = 30_000;
/** A worker that holds more than this after its database closed is ended rather than kept. */
const KEEP_BELOW_BYTES = 64 * 2 ** 20;

/**
 * A local SQLite database in a worker thread (eval/worker.ts): the engine loads each object's
 * rows into it and runs the user's statement there. The calling thread only copies chunks of
 * rows in and batches of rows out, so its event loop keeps turning. Cancel (the run's
 * AbortSignal) terminates the worker at once, whatever SQLite is doing; the next database
 * gets a fresh worker. Memory is bounded: SQLite's heap by `PRAGMA hard_heap_limit`, the
 * worker's JavaScript heap by its resource limits.
 */
export class LocalDatabase {
  private nextId = 1;
  /** Requests sent and not yet answered, by id; the worker answers them in order. */
  private readonly pending = new Map<number, { onReply: (reply: Reply) => void; fail: (error: Error) => void }>();
  /** Once set, the worker is gone and every request fails with this. */
  private failure: Error | undefined;
  private closed = false;
  private readonly onMessage = (reply: Reply) => this.receive(reply);
  private readonly onError = (error: Error & { code?: string }) => this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.memoryError() : new EngineError('SQLITE', `Local evaluation failed: ${error.message}`));
  private readonly onExit = (code: number) => this.fail(new EngineError('SQLITE', `Local evaluation stopped unexpectedly (exit code ${code})`));
  private readonly onAbort = () => this.fail(abortedError());

  private constructor(private readonly worker: Worker, private readonly budget: Budget, private readonly limit: LocalMemoryLimit, private readonly signal: AbortSignal | undefined) {
    worker.on('message', this.onMessage);
    worker.on('error', this.onError);
    worker.on('exit', this.onExit);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Opens a database at once; the worker gets ready while the caller reads from Gong. */
  static open(options: LocalOptions = {}): LocalDatabase {
    if (options.signal?.aborted) throw abortedError();
    const limit = options.localMemory ?? { megabytes: DEFAULT_LOCAL_MEMORY_MB, setting: 'the local memory limit' };
    const budget = budgetOf(limit.megabytes);
    const db = new LocalDatabase(lease(budget), budget, limit, options.signal);
    // Not awaited: a failure here fails every request after it.
    db.send({ type: 'open', heapLimitBytes: budget.sqliteHeapBytes }).catch((error: Error) => db.fail(error));
    return db;
  }

  createTable(table: string, columns: readonly Column[]): Promise<void> {
    return this.send({ type: 'createTable', table, columns: tableColumns(columns) });
  }

  /**
   * Loads rows in chunks, each sent once the worker has taken the previous one; `shape` cuts
   * each row to the table's columns, a chunk at a time, so no step takes long.
   */
  async insertRows(table: string, width: number, rows: readonly Row[], shape: (row: Row) => Row = (row) => row): Promise<void> {
    if (rows.length === 0 || width === 0) return;
    const perChunk = Math.max(1, Math.floor(CHUNK_VALUES / width));
    // Two chunks in flight: the worker inserts one while this thread copies the next.
    let previous: Promise<void> | undefined;
    for (let i = 0; i < rows.length; i += perChunk) {
      const sent = this.send({ type: 'insert', table, width, rows: rows.slice(i, i + perChunk).map(shape) });
      sent.catch(() => undefined);
      await previous;
      previous = sent;
    }
    await previous;
  }

  /** Empties a table. */
  clear(table: string): Promise<void> {
    return this.send({ type: 'clear', table });
  }

  /** Compiles SQL without running it: fails with SQLite's error when SQLite rejects the statement. */
  prepare(sql: string): Promise<void> {
    return this.send({ type: 'prepare', sql });
  }

  /** Runs SQL, reporting the columns once and rows in batches as the worker sends them. */
  query(sql: string, values: readonly InputValue[], onColumns: (columns: ResultColumn[]) => void, onRows: (rows: SqlValue[][], wide?: readonly number[]) => void): Promise<void> {
    return this.send({ type: 'query', sql, values: values.map(toSqlite) }, (reply) => {
      if (reply.type === 'columns') onColumns(reply.names.map((name) => ({ name, type: 'null' as const })));
      if (reply.type === 'rows') {
        // Asked first, so that the worker makes the next batch while this one is used.
        this.worker.postMessage({ type: 'more', id: reply.id } satisfies Request);
        onRows(reply.rows, reply.wide);
      }
    });
  }

  /** Closes the database; a healthy worker that holds little memory waits for the next one. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let held = Infinity;
    await this.send({ type: 'close' }, (reply) => { if (reply.type === 'held') held = reply.bytes; }).catch(() => undefined);
    this.detach();
    if (this.failure || held >= KEEP_BELOW_BYTES) void this.worker.terminate();
    else giveBack(this.worker, this.budget);
  }

  private send(request: DistributiveOmit<Exclude<Request, { type: 'more' }>, 'id'>, onData?: (reply: Reply) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const id = this.nextId++;
      this.pending.set(id, {
        fail: reject,
        onReply: (reply) => {
          if (reply.type === 'ok') resolve();
          else if (reply.type === 'error') reject(this.failed(reply));
          else onData?.(reply);
        },
      });
      this.worker.postMessage({ ...request, id } as Request);
    });
  }

  private receive(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'ok' || reply.type === 'error') this.pending.delete(reply.id);
    try {
      waiting.onReply(reply);
    } catch (error) {
      // The caller's own callback threw: the statement cannot go on.
      this.fail(error as Error);
    }
  }

  /** The error of a failed request; a memory or WebAssembly failure also drops the worker. */
  private failed(reply: Extract<Reply, { type: 'error' }>): Error {
    if (reply.kind === 'sqlite') return new EngineError('SQLITE', `SQLite: ${reply.message}`);
    const error = reply.kind === 'memory' ? this.memoryError() : new EngineError('SQLITE', `SQLite: ${reply.message}`);
    this.fail(error);
    return error;
  }

  private memoryError(): EngineError {
    return new EngineError('MEMORY_LIMIT', `Local evaluation needs more than the ${this.limit.megabytes} MB of memory it may use (${this.limit.setting}): raise it, or read fewer rows or columns (filters, LIMIT).`);
  }

  /** Stops for good: the worker is terminated, every waiting request fails with `error`. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.detach();
    void this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const request of waiting) request.fail(error);
  }

  private detach(): void {
    this.worker.off('message', this.onMessage);
    this.worker.off('error', this.onError);
    this.worker.off('exit', this.onExit);
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The limit split between the two heaps of the worker: three quarters for SQLite (tables,
 * sorts, temporary b-trees), a quarter, at least 32 MB, for JavaScript (rows in flight).
 */
interface Budget { readonly jsHeapMb: number; readonly sqliteHeapBytes: number }

function budgetOf(megabytes: number): Budget {
  const jsHeapMb = Math.max(32, Math.floor(megabytes / 4));
  return { jsHeapMb, sqliteHeapBytes: Math.max(16, megabytes - jsHeapMb) * 2 ** 20 };
}

interface Idle { readonly worker: Worker; readonly budget: Budget; readonly timer: NodeJS.Timeout }

/**
 * Workers kept for the next databases, oldest first. A few, not one: an INSERT's computed
 * values open a database each, at the same time.
 */
const idle: Idle[] = [];
const MAX_IDLE = 3;

/** A worker for one database: an idle one with the same limits, else a new one. */
function lease(budget: Budget): Worker {
  const i = idle.findIndex((w) => w.budget.jsHeapMb === budget.jsHeapMb);
  if (i < 0) return spawn(budget);
  const [kept] = idle.splice(i, 1) as [Idle];
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

/** Keeps a worker for the next database, without keeping the process alive; the oldest beyond a few is ended. */
function giveBack(worker: Worker, budget: Budget): void {
  worker.unref();
  const timer = setTimeout(() => drop(worker), IDLE_MS).unref();
  idle.push({ worker, budget, timer });
  if (idle.length > MAX_IDLE) drop((idle[0] as Idle).worker);
}

function drop(worker: Worker): void {
  const i = idle.findIndex((w) => w.worker === worker);
  if (i < 0) return;
  clearTimeout((idle[i] as Idle).timer);
  idle.splice(i, 1);
  void worker.terminate();
}

function spawn(budget: Budget): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: budget.jsHeapMb } };
  // Bundled builds ship localWorker.js beside the bundle (scripts/build.mjs).
  const bundled = join(__dirname, 'localWorker.js');
  const worker = existsSync(bundled)
    ? new Worker(bundled, options)
    // From sources (tests, benches), tsx compiles the TypeScript entry as it does the rest.
    : new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`, { ...options, eval: true });
  // An idle worker that dies is simply not reused.
  worker.on('exit', () => drop(worker));
  return worker;
}
