import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { abortedError } from '../gong/http/errors';
import type { Predicate } from '../gong/read/plan';
import type { Row, SqlValue } from '../values';
import { MirrorError, MirrorInUseError, type Destination, type NativeSql, type PageCommit, type RowSink, type SyncedKey, type SyncState, type TranscriptMatch } from './destination';
import type { MirrorTable } from './schema';
import type { WorkerReply, WorkerRequest } from './sqliteProtocol';
import { earliestSql, selectSql, tableSpec } from './sqliteSql';
import { releaseAbandonedLock } from './sqliteLock';

/** A request before `call` numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
type Work = Unnumbered<WorkerRequest>;

/**
 * The embedded mirror: a SQLite file (node-sqlite3-wasm: file-backed, FTS5, no native code, so
 * the same file works in the CLI and in VS Code's extension host). Its one connection lives in
 * a worker thread (sqliteWorker.ts); every user of a file in one process shares it.
 */
class SqliteMirror implements Destination {
  readonly kind = 'sqlite' as const;
  readonly native: NativeSql = { query: (sql, params, sink, signal) => this.query(sql, params, sink, signal) };
  /** Users in this process; the connection closes with the last. */
  users = 1;
  private nextId = 1;
  private readonly pending = new Map<number, { onReply: (reply: WorkerReply) => void; fail: (error: Error) => void }>();
  private failure: Error | undefined;
  private abandoned = false;

  constructor(readonly label: string, private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => this.pending.get(reply.id)?.onReply(reply));
    worker.on('error', (error) => this.fail(new MirrorError(`The mirror ${label} failed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(new MirrorError(`The mirror ${label} was closed${code === 0 ? '' : ` (its thread stopped with code ${code})`}`)));
  }

  prepare(tables: readonly MirrorTable[]): Promise<void> {
    return this.call({ type: 'prepare', tables: tables.map(tableSpec) });
  }

  async readState(): Promise<Map<string, SyncState>> {
    const states = await this.call<SyncState[]>({ type: 'readState' });
    return new Map(states.map((s) => [s.object, s]));
  }

  readSource(): Promise<string | null> {
    return this.call({ type: 'readSource' });
  }

  recordSource(source: string): Promise<void> {
    return this.call({ type: 'recordSource', source });
  }

  commit(page: PageCommit): Promise<void> {
    return this.call({ type: 'commit', table: tableSpec(page.table), rows: page.rows, replaceCalls: page.replaceCalls, runAt: page.runAt, states: page.states });
  }

  finishRefresh(table: MirrorTable, runAt: string, state: SyncState): Promise<number> {
    return this.call({ type: 'finishRefresh', table: tableSpec(table), runAt, state });
  }

  async *select(table: MirrorTable, predicates: readonly Predicate[]): AsyncIterable<Row[]> {
    const { sql, params } = selectSql(table, predicates);
    yield* this.stream(sql, params);
  }

  async earliest(table: MirrorTable, column: string): Promise<string | undefined> {
    let first: string | undefined;
    await this.query(earliestSql(table, column), [], {
      columns: () => undefined,
      rows: (batch) => { first = batch[0]?.[0] == null ? undefined : String(batch[0][0]); },
    });
    return first;
  }

  async rowCounts(): Promise<Map<string, number>> {
    return new Map(await this.call<[string, number][]>({ type: 'rowCounts' }));
  }

  syncedAfter(table: MirrorTable, after: { readonly syncedAt: string; readonly key?: string } | null): Promise<SyncedKey[]> {
    return this.call({ type: 'syncedAfter', table: tableSpec(table), after });
  }

  searchTranscripts(query: string, limit: number): Promise<TranscriptMatch[]> {
    return this.call({ type: 'search', query, limit });
  }

  /** Its thread stopped (a crash, or closed): the next open starts a new one (the lock it left is this process's, so cleared). */
  get broken(): boolean {
    return this.failure !== undefined;
  }

  /** Opens the file in the worker (once, by openSqliteMirror). */
  openFile(): Promise<void> {
    return this.call({ type: 'open', file: this.label });
  }

  async close(): Promise<void> {
    if (--this.users > 0) return;
    // An abandoned connection's entry is gone already (a new one may be there now).
    if (!this.abandoned) open.delete(this.label);
    await this.call({ type: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }

  /** A statement's rows as an async iterable of batches (the engine's pushdown reads it). */
  private async *stream(sql: string, params: readonly SqlValue[]): AsyncIterable<Row[]> {
    const batches: Row[][] = [];
    let done = false;
    let failed: Error | undefined;
    let wake: (() => void) | undefined;
    const controller = new AbortController();
    const finished = this.query(sql, params, { columns: () => undefined, rows: (batch) => { batches.push([...batch]); wake?.(); } }, controller.signal)
      .then(() => { done = true; }, (error: Error) => { failed = error; })
      .finally(() => wake?.());
    try {
      for (;;) {
        const batch = batches.shift();
        if (batch) {
          yield batch;
          continue;
        }
        if (failed && !controller.signal.aborted) throw failed;
        if (done || failed) return;
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
      }
    } finally {
      // A consumer that stops early (LIMIT) stops the statement.
      if (!done) controller.abort();
      await finished;
    }
  }

  private query(sql: string, params: readonly SqlValue[], sink: RowSink, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedError());
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    // Known from the first batch on, which is when the worker may wait for the reader.
    let id = 0;
    let grace: NodeJS.Timeout | undefined;
    const onAbort = () => {
      Atomics.store(cancel, 0, 1);
      // Wakes a worker waiting for the next batch to be taken; it then sees the flag.
      if (id !== 0) this.worker.postMessage({ type: 'more', id } satisfies WorkerRequest);
      // The flag is read between rows: a statement busy inside one step (a big join before its
      // first row) would not see it for seconds. Its thread is ended instead.
      grace = setTimeout(() => this.abandon(), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    return this.call<void>({ type: 'query', sql, params, cancel }, (reply, replyId) => {
      id = replyId;
      if (reply.type === 'columns') sink.columns(reply.names);
      if (reply.type === 'rows') {
        // Asked first, so that the worker makes the next batch while this one is used.
        this.worker.postMessage({ type: 'more', id: reply.id } satisfies WorkerRequest);
        sink.rows(reply.rows);
      }
    }).finally(() => {
      clearTimeout(grace);
      signal?.removeEventListener('abort', onAbort);
    });
  }

  /**
   * Ends the worker in the middle of a statement: every pending call is cancelled, the next
   * open starts a new connection, and the file's lock (this process's) is removed once the
   * thread is gone. Only reads run through `query`, so no write is cut short.
   */
  private abandon(): void {
    if (this.failure) return;
    this.abandoned = true;
    this.fail(abortedError());
    open.delete(this.label);
    void this.worker.terminate().then(() => releaseAbandonedLock(this.label));
  }

  private call<T>(request: Work, onData?: (reply: WorkerReply, id: number) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const id = this.nextId++;
      this.pending.set(id, {
        fail: reject,
        onReply: (reply) => {
          if (reply.type === 'ok') {
            this.pending.delete(id);
            resolve(reply.value as T);
          } else if (reply.type === 'error') {
            this.pending.delete(id);
            reject(reply.kind === 'cancelled' ? abortedError() : reply.kind === 'inUse' ? new MirrorInUseError(reply.message) : reply.kind === 'mirror' ? new MirrorError(reply.message) : new MirrorError(`${this.label}: ${reply.message}`));
          } else onData?.(reply, id);
        },
      });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { fail } of this.pending.values()) fail(this.failure);
    this.pending.clear();
  }
}

/** How long a cancelled statement has to notice its flag before its thread is ended. */
const CANCEL_GRACE_MS = 300;

/** Open mirrors of this process, by absolute path: one connection per file. */
const open = new Map<string, Promise<SqliteMirror>>();

/** How long an open waits for a file another process holds, and what it says when it starts waiting. */
export interface WaitForUse {
  readonly ms: number;
  readonly onWait: (message: string) => void;
}

/**
 * Opens (or shares) the SQLite mirror at `file`, created empty when there is none. With
 * `wait`, a file another process holds is tried again (twice a second) for up to `wait.ms`
 * before the in-use error: a query waits for another query to finish.
 */
export async function openSqliteMirror(file: string, wait?: WaitForUse): Promise<Destination> {
  const until = Date.now() + (wait?.ms ?? 0);
  let told = false;
  for (;;) {
    try {
      return await openShared(file);
    } catch (error) {
      if (!(error instanceof MirrorInUseError) || !wait || Date.now() >= until) throw error;
      if (!told) wait.onWait(`${error.message.replace(/: wait for it to finish, or stop it$/, '')}; waiting up to ${Math.round(wait.ms / 1000)} s`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function openShared(file: string): Promise<Destination> {
  const path = resolve(file);
  const shared = open.get(path);
  const mirror = shared && await shared.catch(() => undefined);
  if (mirror && !mirror.broken) {
    mirror.users++;
    return mirror;
  }
  // Another caller started a new connection while this one waited: share that one.
  if (open.get(path) !== shared) return openShared(file);
  const opening = start(path);
  open.set(path, opening);
  try {
    return await opening;
  } catch (error) {
    open.delete(path);
    throw error;
  }
}

async function start(path: string): Promise<SqliteMirror> {
  const mirror = new SqliteMirror(path, spawn());
  try {
    await mirror.openFile();
  } catch (error) {
    await mirror.close();
    throw error;
  }
  return mirror;
}

function spawn(): Worker {
  // Bundled builds ship mirrorWorker.js (and node-sqlite3-wasm.wasm) beside the bundle (scripts/build.mjs).
  const bundled = join(__dirname, 'mirrorWorker.js');
  return existsSync(bundled)
    ? new Worker(bundled)
    // From sources (tests, benches), tsx compiles the TypeScript entry as it does the rest.
    : new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'sqliteWorker.ts'))});`, { eval: true });
}
