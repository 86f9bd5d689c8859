import { existsSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue as SqlJsValue } from 'sql.js';
import type { Column, Row, SqlValue } from '../../gong/catalog/types';
import { registerAggregates } from './aggregates';
import type { BoundValue, TableColumn } from './protocol';
import { quoteName } from '../syntax/quoteName';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * sql.js (SQLite compiled to WebAssembly), loaded once per thread: the engine evaluates only
 * in its worker (eval/worker.ts, through eval/local.ts); tools such as functionList.ts load
 * it where they run. Bundled builds ship sql-wasm.wasm next to the bundle; from sources it
 * is found in node_modules.
 *
 * Its legacy extension functions stay off (`useOldExtensionFunctions: false`): they are
 * deprecated, print a notice on stderr at each call, replace SQLite's own log()/floor()/ceil()
 * with different answers and truncate 64-bit integers in mode(). The statistics users expect
 * from them (median, mode, quartiles, stdev, variance) are registered again, exact, on every
 * database opened through this module (aggregates.ts).
 */
export function sqlite(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({
    useOldExtensionFunctions: false,
    locateFile: (file: string) => {
      const beside = join(__dirname, file);
      return existsSync(beside) ? beside : require.resolve(`sql.js/dist/${file}`);
    },
  } as Parameters<typeof initSqlJs>[0]).then(withAggregates);
  return loading;
}

/** The module with a Database that registers the engine's aggregates when it opens, so no caller can forget them. */
function withAggregates(SQL: SqlJsStatic): SqlJsStatic {
  class Database extends SQL.Database {
    constructor(data?: ArrayLike<number> | Buffer | null) {
      super(data);
      registerAggregates(this);
    }
  }
  return Object.assign(Object.create(SQL) as SqlJsStatic, { Database });
}

const SQL_TYPES: Record<Column['type'], string> = { id: 'TEXT', text: 'TEXT', datetime: 'TEXT', json: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER' };

/** The declared SQLite types of an object's columns. */
export function tableColumns(columns: readonly Column[]): TableColumn[] {
  return columns.map((c) => ({ name: c.name, sqlType: SQL_TYPES[c.type] }));
}

/**
 * Creates a table with the object's columns. A TEMP table: with `PRAGMA temp_store = MEMORY`
 * its pages live in SQLite's heap, which `PRAGMA hard_heap_limit` bounds, where sql.js keeps
 * the main database in a file of its in-memory file system that no limit covers.
 */
export function createTable(db: Database, name: string, columns: readonly TableColumn[]): void {
  db.run(`CREATE TEMP TABLE ${quoteName(name)} (${columns.map((c) => `${quoteName(c.name)} ${c.sqlType}`).join(', ')})`);
}

/**
 * Loads rows in one transaction, many rows per INSERT: each call into the WebAssembly
 * module costs more than the values it carries, so fewer, larger statements load faster.
 */
export function insertRows(db: Database, name: string, width: number, rows: readonly Row[]): void {
  if (rows.length === 0 || width === 0) return;
  const perStatement = Math.max(1, Math.min(200, Math.floor(30_000 / width)));
  const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
  const prepare = (count: number) => db.prepare(`INSERT INTO ${quoteName(name)} VALUES ${Array.from({ length: count }, () => tuple).join(',')}`);
  const full = prepare(perStatement);
  db.run('BEGIN');
  try {
    let i = 0;
    for (; i + perStatement <= rows.length; i += perStatement) full.run(rows.slice(i, i + perStatement).flat() as SqlJsValue[]);
    if (i < rows.length) {
      const rest = prepare(rows.length - i);
      try {
        rest.run(rows.slice(i).flat() as SqlJsValue[]);
      } finally {
        rest.free();
      }
    }
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  } finally {
    full.free();
  }
}

/** A value read back from SQLite: integers beyond 2^53 keep their digits as text, blobs become hex. */
export function fromSqlite(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) && BigInt(Number(value)) === value ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  return value as SqlValue;
}

/** A JS value for a SQLite parameter: bigint stays exact. */
export function toSqlite(value: unknown): BoundValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}
