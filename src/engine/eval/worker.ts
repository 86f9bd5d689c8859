import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { Database, Statement } from 'sql.js';
import type { SqlValue } from '../../gong/catalog/types';
import type { FailureKind, Reply, Request } from './protocol';
import { quoteName } from '../syntax/quoteName';
import { createTable, fromSqlite, insertRows, sqlite } from './sqlite';

/**
 * The engine's SQLite thread: holds one local database at a time and answers the requests of
 * eval/local.ts. It runs apart from the extension host's (or the CLI's) event loop, so a
 * long statement blocks nobody, and the engine stops a runaway one by terminating it.
 */
const port = parentPort;
if (!port) throw new Error('eval/worker.ts runs as a worker thread');

/** A batch goes when it has this many rows, this many characters of text, or is this old. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 1_000_000;
const BATCH_MS = 50;

let db: Database | undefined;
/** The query running, and how many batches the engine may still take without asking (`more` adds one). */
let querying: number | undefined;
let credits = 0;
let onCredit: (() => void) | undefined;

const send = (reply: Reply) => port.postMessage(reply);

// Requests run one after another in arrival order; `more` answers a query that is waiting.
let queue = Promise.resolve();
port.on('message', (request: Request) => {
  if (request.type === 'more') {
    if (request.id !== querying) return;
    credits++;
    onCredit?.();
    return;
  }
  const next = request;
  queue = queue.then(() => handle(next));
});

type Work = Exclude<Request, { type: 'more' }>;

async function handle(request: Work): Promise<void> {
  try {
    await answer(request);
  } catch (error) {
    const kind = failureKind(error);
    send({ type: 'error', id: request.id, kind, message: (error as Error).message });
    // The WebAssembly module cannot be trusted after it broke: the engine drops this worker.
  }
}

async function answer(request: Work): Promise<void> {
  switch (request.type) {
    case 'open': {
      const SQL = await sqlite();
      db?.close();
      db = new SQL.Database();
      // Tables are TEMP and temp storage is memory: every page is in SQLite's heap, which the limit bounds.
      db.run(`PRAGMA temp_store = MEMORY; PRAGMA hard_heap_limit = ${Math.floor(request.heapLimitBytes)}`);
      break;
    }
    case 'createTable':
      createTable(open(), request.table, request.columns);
      break;
    case 'insert':
      insertRows(open(), request.table, request.width, request.rows);
      break;
    case 'clear':
      open().run(`DELETE FROM ${quoteName(request.table)}`);
      break;
    case 'prepare':
      open().prepare(request.sql).free();
      break;
    case 'query':
      await query(request.id, request.sql, request.values);
      break;
    case 'close':
      db?.close();
      db = undefined;
      send({ type: 'held', id: request.id, bytes: getHeapStatistics().external_memory });
      break;
  }
  send({ type: 'ok', id: request.id });
}

function open(): Database {
  if (!db) throw new Error('no open database');
  return db;
}

/** Runs one statement, sending its columns and then its rows in batches, one batch ahead of the engine at most. */
async function query(id: number, sql: string, values: Extract<Request, { type: 'query' }>['values']): Promise<void> {
  const statement = open().prepare(sql);
  querying = id;
  credits = 1;
  try {
    if (values.length > 0) statement.bind(values as never);
    send({ type: 'columns', id, names: statement.getColumnNames() });
    let batch: SqlValue[][] = [];
    const wide = new Set<number>();
    let chars = 0;
    let started = performance.now();
    while (statement.step()) {
      const row = readRow(statement, wide);
      for (const v of row) if (typeof v === 'string') chars += v.length;
      batch.push(row);
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS || performance.now() - started >= BATCH_MS) {
        await sendRows(id, batch, wide);
        batch = [];
        wide.clear();
        chars = 0;
        started = performance.now();
      }
    }
    if (batch.length > 0) await sendRows(id, batch, wide);
  } finally {
    querying = undefined;
    statement.free();
  }
}

/**
 * A row with 64-bit integers read exactly (useBigInt; the typings lack the option): one beyond
 * 2^53 comes as its digits, and its column is added to `wide` so it still counts as an integer.
 */
function readRow(statement: Statement, wide: Set<number>): SqlValue[] {
  const raw = (statement as unknown as { get(p: null, o: { useBigInt: boolean }): unknown[] }).get(null, { useBigInt: true });
  return raw.map((value, i) => {
    const read = fromSqlite(value);
    if (typeof value === 'bigint' && typeof read === 'string') wide.add(i);
    return read;
  });
}

/** Sends a batch once the engine has taken the previous one: it never has more than one waiting. */
async function sendRows(id: number, rows: SqlValue[][], wide: ReadonlySet<number>): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => { onCredit = resolve; });
  onCredit = undefined;
  credits--;
  send({ type: 'rows', id, rows, ...(wide.size > 0 ? { wide: [...wide] } : {}) });
}

function failureKind(error: unknown): FailureKind {
  const message = (error as Error)?.message ?? '';
  // SQLite's SQLITE_NOMEM once the heap reaches hard_heap_limit; Emscripten's abort when its own allocator fails.
  if (message === 'out of memory' || /\bOOM\b|Cannot enlarge memory/.test(message)) return 'memory';
  if (error instanceof WebAssembly.RuntimeError) return 'fatal';
  return 'sqlite';
}
