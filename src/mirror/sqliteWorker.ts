import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { Database, type Statement } from 'node-sqlite3-wasm';
import type { Row, SqlValue } from '../values';
import type { SyncState, TranscriptMatch } from './destination';
import { SOURCE_TABLE, STATE_TABLE, SYNCED_AT, DELETED_AT } from './schema';
import { claimOwner, clearStaleLock, MirrorInUse, ownerPid, releaseOwner } from './sqliteLock';
import type { TableSpec, WorkerReply, WorkerRequest } from './sqliteProtocol';
import {
  ftsQuery, insertContentSql, MIRROR_VERSION, PARTIES, SOURCE_DDL, STATE_DDL, tableDdl, TRANSCRIPT_INDEX, TRANSCRIPT_INDEX_DDL, TRANSCRIPTS, upsertSql,
} from './sqliteSql';
import { quoteName as q } from '../engine/syntax/quoteName';

/**
 * The thread that owns a SQLite mirror's one connection (node-sqlite3-wasm is synchronous and
 * its EXCLUSIVE lock allows one connection per file): the extension host's and the CLI's event
 * loops never wait on the file. Requests run one at a time, in arrival order.
 */
const port = parentPort;
if (!port) throw new Error('sqliteWorker.ts runs as a worker thread');

class MirrorFailure extends Error {}
class InUse extends MirrorFailure {}
class Cancelled extends Error {}

const BATCH_ROWS = 500;

let db: Database | undefined;
let file = '';
/** The query streaming rows, and whether its next batch may go. */
let streaming: { id: number; credit: () => void } | undefined;

const send = (reply: WorkerReply) => port.postMessage(reply);

let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'more') {
    if (streaming?.id === request.id) streaming.credit();
    return;
  }
  queue = queue.then(() => handle(request));
});

async function handle(request: Exclude<WorkerRequest, { type: 'more' }>): Promise<void> {
  try {
    const value = await answer(request);
    send({ type: 'ok', id: request.id, value });
  } catch (error) {
    const kind = error instanceof InUse ? 'inUse' : error instanceof MirrorFailure ? 'mirror' : error instanceof Cancelled ? 'cancelled' : 'sqlite';
    send({ type: 'error', id: request.id, kind, message: (error as Error).message });
  }
}

async function answer(request: Exclude<WorkerRequest, { type: 'more' }>): Promise<unknown> {
  switch (request.type) {
    case 'open': return open(request.file);
    case 'prepare': return prepare(request.tables);
    case 'readState': return readState();
    case 'readSource': return readSource();
    case 'recordSource': return transaction(() => recordSource(request.source));
    case 'commit': return transaction(() => commit(request));
    case 'finishRefresh': return transaction(() => finishRefresh(request.table, request.runAt, request.state));
    case 'rowCounts': return rowCounts();
    case 'syncedAfter': return syncedAfter(request.table, request.after);
    case 'query': return query(request.id, request.sql, request.params, request.cancel);
    case 'search': return search(request.query, request.limit);
    case 'close': return close();
  }
}

function database(): Database {
  if (!db) throw new Error('the mirror is not open');
  return db;
}

function open(path: string): void {
  file = path;
  let opened: Database | undefined;
  try {
    const problem = pathProblem(path);
    if (problem) throw new MirrorFailure(problem);
    clearStaleLock(path);
    opened = new Database(path);
    // Crash-safe under kill -9 only with these, on every open (measured; see ARCHITECTURE).
    opened.exec('PRAGMA busy_timeout = 5000');
    opened.exec('PRAGMA locking_mode = EXCLUSIVE');
    opened.exec('PRAGMA journal_mode = WAL');
    opened.exec('PRAGMA synchronous = FULL');
    checkIsMirror(opened, path);
    claimOwner(path);
  } catch (error) {
    try { opened?.close(); } catch { /* already broken */ }
    releaseOwner(path);
    if (error instanceof MirrorFailure) throw error;
    if (error instanceof MirrorInUse) throw new InUse(error.message);
    const message = (error as Error).message;
    if (/locked|busy/i.test(message)) {
      const pid = ownerPid(path);
      throw new InUse(`${path} is in use by another gongsql process${pid ? ` (pid ${pid})` : ''}: wait for it to finish, or stop it`);
    }
    if (/not a database|malformed|file is encrypted/i.test(message)) throw new MirrorFailure(`${path} is not a gongsql mirror: it is not a SQLite database`);
    throw new MirrorFailure(`${path} cannot be opened as a mirror: ${permissionProblem(path) ?? message}`);
  }
  db = opened;
}

/** What makes a path no place for a mirror, said before SQLite's "could not open". */
function pathProblem(path: string): string | undefined {
  if (existsSync(path) && statSync(path).isDirectory()) return `${path} is a folder: give the mirror's file (e.g. ${join(path, 'gong.sqlite')})`;
  if (!existsSync(dirname(path))) return `${path} cannot be made: the folder ${dirname(path)} does not exist`;
  return undefined;
}

/**
 * Why an open failed when it is about permissions: gongsql reads the file and writes beside
 * it (its lock `<file>.lock`, the `-wal` journal), even for a query.
 */
function permissionProblem(path: string): string | undefined {
  const can = (target: string, mode: number) => { try { accessSync(target, mode); return true; } catch { return false; } };
  if (existsSync(path) && !can(path, constants.R_OK)) return 'permission denied: you may not read this file';
  if (existsSync(path) && !can(path, constants.W_OK)) return 'permission denied: the file is read-only for you, and gongsql writes to a mirror even to query it (its lock and journal); copy it to a folder of yours';
  if (!can(dirname(path), constants.W_OK)) return `permission denied: gongsql writes its lock and journal beside the mirror, and the folder ${dirname(path)} is read-only for you; copy the file to a folder of yours`;
  return undefined;
}

/** An empty file becomes a mirror; a SQLite file with other tables and no sync state is someone else's. */
function checkIsMirror(opened: Database, path: string): void {
  const tables = opened.all(`SELECT name FROM sqlite_master WHERE type = 'table'`).map((r) => r.name as string);
  const version = opened.get('PRAGMA user_version')?.user_version as number;
  if (tables.length > 0 && !tables.includes(STATE_TABLE)) {
    throw new MirrorFailure(`${path} is not a gongsql mirror: it is a SQLite database without a ${STATE_TABLE} table (choose another file)`);
  }
  if (version > MIRROR_VERSION) throw new MirrorFailure(`${path} was written by a newer gongsql (mirror format ${version}); update gongsql to use it`);
  if (tables.length === 0) {
    opened.exec(STATE_DDL);
    opened.exec(`PRAGMA user_version = ${MIRROR_VERSION}`);
  }
}

function prepare(tables: readonly TableSpec[]): void {
  transaction(() => {
    const d = database();
    d.exec(STATE_DDL);
    for (const table of tables) for (const ddl of tableDdl(table)) d.exec(ddl);
    if (tables.some((t) => t.name === TRANSCRIPTS)) d.exec(TRANSCRIPT_INDEX_DDL);
  });
}

function transaction<T>(work: () => T): T {
  const d = database();
  d.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    d.exec('COMMIT');
    return result;
  } catch (error) {
    if (d.inTransaction) d.exec('ROLLBACK');
    throw error;
  }
}

function withStatement<T>(sql: string, use: (stmt: Statement) => T): T {
  const stmt = database().prepare(sql);
  try {
    return use(stmt);
  } finally {
    stmt.finalize();
  }
}

function readState(): SyncState[] {
  return database().all(`SELECT * FROM ${STATE_TABLE}`).map((r) => ({
    object: r.object as string,
    policy: r.policy as SyncState['policy'],
    watermark: r.watermark as string | null,
    checkpoint: r.checkpoint as string | null,
    lastRunStarted: r.last_run_started as string | null,
    lastRunFinished: r.last_run_finished as string | null,
    rows: Number(r.rows),
    apiCalls: Number(r.api_calls),
    status: r.status as SyncState['status'],
    error: r.error as string | null,
  }));
}

function readSource(): string | null {
  const d = database();
  if (d.get(`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?`, [SOURCE_TABLE]) === null) return null;
  return (d.get(`SELECT source FROM ${SOURCE_TABLE} WHERE id = 1`)?.source as string | undefined) ?? null;
}

function recordSource(source: string): void {
  const d = database();
  d.exec(SOURCE_DDL);
  d.run(`INSERT OR REPLACE INTO ${SOURCE_TABLE} (id, source) VALUES (1, ?)`, [source]);
}

function saveStates(states: readonly SyncState[]): void {
  withStatement(
    `INSERT OR REPLACE INTO ${STATE_TABLE} (object, policy, watermark, checkpoint, last_run_started, last_run_finished, rows, api_calls, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (stmt) => {
      for (const s of states) stmt.run([s.object, s.policy, s.watermark, s.checkpoint, s.lastRunStarted, s.lastRunFinished, s.rows, s.apiCalls, s.status, s.error]);
    },
  );
}

function commit({ table, rows, replaceCalls, runAt, states }: Extract<WorkerRequest, { type: 'commit' }>): void {
  const d = database();
  const isTranscripts = table.name === TRANSCRIPTS;
  if (table.callKey) {
    const calls = replaceCalls ?? [...new Set(rows.map((r) => r[callIndex(table)] as string))];
    for (let i = 0; i < calls.length; i += 500) {
      const chunk = calls.slice(i, i + 500);
      const list = chunk.map(() => '?').join(', ');
      if (isTranscripts) d.run(`DELETE FROM ${TRANSCRIPT_INDEX} WHERE rowid IN (SELECT rowid FROM ${q(table.name)} WHERE ${q(table.callKey)} IN (${list}))`, chunk);
      d.run(`DELETE FROM ${q(table.name)} WHERE ${q(table.callKey)} IN (${list})`, chunk);
    }
    const ordinals = new Map<string, number>();
    withStatement(insertContentSql(table), (stmt) => {
      for (const row of rows) {
        const call = row[callIndex(table)] as string;
        const ordinal = ordinals.get(call) ?? 0;
        ordinals.set(call, ordinal + 1);
        stmt.run([...row, ordinal, runAt]);
      }
    });
    if (isTranscripts && calls.length > 0) indexTranscripts(table, calls);
  } else {
    withStatement(upsertSql(table), (stmt) => {
      for (const row of rows) stmt.run([...row, runAt]);
    });
  }
  saveStates(states);
}

function callIndex(table: TableSpec): number {
  return table.columns.findIndex((c) => c.name === table.callKey);
}

/** Adds the calls' sentences to the full-text index, each with its speaker's affiliation from the call's parties. */
function indexTranscripts(table: TableSpec, calls: readonly string[]): void {
  const d = database();
  const hasParties = d.get(`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?`, [PARTIES]) !== null;
  const affiliation = hasParties
    ? `(SELECT p.Affiliation FROM ${q(PARTIES)} p WHERE p.CallId = t.CallId AND p.SpeakerId = t.SpeakerId LIMIT 1)`
    : 'NULL';
  for (let i = 0; i < calls.length; i += 500) {
    const chunk = calls.slice(i, i + 500);
    d.run(
      `INSERT INTO ${TRANSCRIPT_INDEX} (rowid, Text, SpeakerName, Affiliation) SELECT t.rowid, t.Text, t.SpeakerName, ${affiliation} FROM ${q(table.name)} t WHERE t.${q(table.callKey as string)} IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
  }
}

function finishRefresh(table: TableSpec, runAt: string, state: SyncState): number {
  const { changes } = database().run(`UPDATE ${q(table.name)} SET ${DELETED_AT} = ? WHERE ${SYNCED_AT} IS NOT ? AND ${DELETED_AT} IS NULL`, [runAt, runAt]);
  saveStates([state]);
  return changes;
}

function rowCounts(): [string, number][] {
  const d = database();
  const names = d.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`).map((r) => r.name as string);
  const counts: [string, number][] = [];
  for (const name of names) {
    const columns = d.all(`PRAGMA table_info(${q(name)})`).map((r) => r.name as string);
    if (!columns.includes(DELETED_AT)) continue;
    counts.push([name, Number(d.get(`SELECT COUNT(*) AS n FROM ${q(name)} WHERE ${DELETED_AT} IS NULL`)?.n ?? 0)]);
  }
  return counts;
}

function syncedAfter(table: TableSpec, after: { syncedAt: string; key?: string } | null): { key: string; syncedAt: string }[] {
  const key = q(table.key[0] as string);
  const where = after === null ? '' : after.key === undefined ? `WHERE ${SYNCED_AT} > ?` : `WHERE (${SYNCED_AT} > ? OR (${SYNCED_AT} = ? AND ${key} > ?))`;
  const params = after === null ? [] : after.key === undefined ? [after.syncedAt] : [after.syncedAt, after.syncedAt, after.key];
  return database().all(`SELECT ${key} AS k, ${SYNCED_AT} AS s FROM ${q(table.name)} ${where} ORDER BY ${SYNCED_AT}, ${key}`, params)
    .map((r) => ({ key: String(r.k), syncedAt: r.s as string }));
}

/**
 * Runs a statement and streams its rows: a batch is sent once the previous one was taken, so a
 * slow reader never makes the worker hold more than two batches. The shared `cancel` flag is
 * read between rows, so a cancel stops the statement even while it produces rows.
 */
async function query(id: number, sql: string, params: readonly SqlValue[], cancel: Int32Array): Promise<void> {
  const stmt = database().prepare(sql) as Statement & Internals;
  try {
    stmt._bind([...params]);
    const names = stmt._getColumnNames();
    // Positions as keys: duplicate column names (a.Id, b.Id) must not collapse.
    const positions = names.map((_, i) => String(i));
    send({ type: 'columns', id, names });
    let batch: Row[] = [];
    let credits = 1;
    let wake: (() => void) | undefined;
    streaming = { id, credit: () => { credits++; wake?.(); } };
    const flush = async () => {
      while (credits === 0) {
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
        if (Atomics.load(cancel, 0) === 1) throw new Cancelled('Cancelled');
      }
      credits--;
      send({ type: 'rows', id, rows: batch });
      batch = [];
    };
    for (;;) {
      if (Atomics.load(cancel, 0) === 1) throw new Cancelled('Cancelled');
      if (!stmt._step()) break;
      const values = stmt._getRow(positions, false);
      batch.push(positions.map((p) => fromSqlite(values[p])));
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    streaming = undefined;
    stmt.finalize();
  }
}

/** node-sqlite3-wasm's statement internals, used to read rows by position. */
interface Internals {
  _bind(values: unknown[]): void;
  _getColumnNames(): string[];
  _step(): boolean;
  _getRow(columns: string[], expand: boolean): Record<string, unknown>;
}

function fromSqlite(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return value as SqlValue;
}

function search(text: string, limit: number): TranscriptMatch[] {
  const match = ftsQuery(text);
  const d = database();
  if (match === undefined || d.get(`SELECT 1 AS found FROM sqlite_master WHERE name = ?`, [TRANSCRIPT_INDEX]) === null) return [];
  const hasCalls = d.get(`SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'Calls'`) !== null;
  const call = hasCalls ? 'c.Title, c.Scheduled' : 'NULL AS Title, NULL AS Scheduled';
  const join = hasCalls ? 'LEFT JOIN Calls c ON c.Id = t.CallId' : '';
  const rows = d.all(
    `SELECT t.CallId, ${call}, t.SpeakerName, f.Affiliation, t.StartMs, t.Text, snippet(${TRANSCRIPT_INDEX}, 0, '«', '»', '…', 24) AS snippet
     FROM ${TRANSCRIPT_INDEX} f JOIN ${q(TRANSCRIPTS)} t ON t.rowid = f.rowid ${join}
     WHERE ${TRANSCRIPT_INDEX} MATCH ? ORDER BY t.SpeakerName IS NULL, rank LIMIT ?`,
    [match, limit],
  );
  return rows.map((r) => ({
    callId: String(r.CallId),
    callTitle: (r.Title as string | null) ?? null,
    callScheduled: (r.Scheduled as string | null) ?? null,
    speakerName: r.SpeakerName as string | null,
    affiliation: r.Affiliation as string | null,
    startMs: Number(r.StartMs),
    text: r.Text as string,
    snippet: r.snippet as string,
  }));
}

function close(): void {
  if (!db) return;
  db.close();
  db = undefined;
  releaseOwner(file);
}
