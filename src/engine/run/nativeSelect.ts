import type { SqlValue, TableDef } from '../../gong/catalog/types';
import type { NativeSql } from '../../mirror/destination';
import { DELETED_AT, mirrorTable } from '../../mirror/schema';
import type { Scan } from '../plan/planner';
import type * as A from '../syntax/ast';
import { parse } from '../syntax/parser';
import { quoteName } from '../syntax/quoteName';
import { announceColumns, type RunContext } from './context';
import { localSql } from './localSql';
import { observeTypes, type ResultColumn } from './result';

export interface NativeOutput {
  columns: ResultColumn[];
  rows: SqlValue[][];
}

/**
 * Runs a whole SELECT on the mirror's SQLite file, where the rows already are: nothing is
 * loaded into the engine's own SQLite. Each object reference reads its table's live rows
 * (`_deleted_at IS NULL`) with the catalog's columns, so `*` and every answer are what the
 * same statement gives on Gong. Undefined when the file's SQLite does not take the statement
 * (a function only the engine has, such as `median`): the engine then reads the rows and
 * evaluates it itself, which also points its errors at the user's text.
 */
export async function runNative(native: NativeSql, text: string, select: A.SelectStatement, scans: readonly Scan[], ctx: RunContext, emitRows: boolean): Promise<NativeOutput | undefined> {
  const statement = nativeStatement(text, select, scans, ctx);
  if (!statement) return undefined;
  const { sql, values } = statement;
  const out: NativeOutput = { columns: [], rows: [] };
  let started = false;
  try {
    await native.query(sql, values, {
      columns: (names) => {
        started = true;
        out.columns = names.map((name) => ({ name, type: 'null' }));
        announceColumns(ctx, out.columns, emitRows);
      },
      rows: (batch) => {
        const rows = batch as SqlValue[][];
        observeTypes(out.columns, rows);
        for (const row of rows) out.rows.push(row);
        if (emitRows) ctx.emit({ type: 'rows', index: ctx.index, rows });
      },
    }, ctx.options.signal);
  } catch (error) {
    // Not compiled there: the engine's own evaluation takes over (and says what is wrong, if anything).
    if (started || ctx.options.signal?.aborted) throw error;
    return undefined;
  }
  return out;
}

/**
 * Whether the file's SQLite takes the statement, without running it (`EXPLAIN` compiles it
 * and lists its program), for the engine's own EXPLAIN.
 */
export async function compilesNatively(native: NativeSql, text: string, select: A.SelectStatement, scans: readonly Scan[], ctx: RunContext): Promise<boolean> {
  const statement = nativeStatement(text, select, scans, ctx);
  if (!statement) return false;
  try {
    await native.query(`EXPLAIN ${statement.sql}`, statement.values, { columns: () => undefined, rows: () => undefined }, ctx.options.signal);
    return true;
  } catch (error) {
    if (ctx.options.signal?.aborted) throw error;
    return false;
  }
}

/** The statement as the mirror's file runs it; undefined when a parameter is not a plain SQL value (a bigint, a list). */
function nativeStatement(text: string, select: A.SelectStatement, scans: readonly Scan[], ctx: RunContext): { sql: string; values: SqlValue[] } | undefined {
  const tables = new Map(scans.map((scan) => [scan.ref, liveRows(scan.table)]));
  const { sql, values } = localSql(select, { tables, params: ctx.params, text });
  const plain = (v: unknown): v is SqlValue => v === null || typeof v === 'string' || typeof v === 'number';
  return values.every(plain) ? { sql, values } : undefined;
}

/** `SELECT <catalog columns> FROM "<object>" WHERE _deleted_at IS NULL`, parsed once per object. */
function liveRows(table: TableDef): A.SelectStatement {
  let select = LIVE.get(table);
  if (!select) {
    const mirrored = new Set(mirrorTable(table)?.columns.map((c) => c.name));
    const columns = table.columns.map((c) => (mirrored.has(c.name) ? quoteName(c.name) : `NULL AS ${quoteName(c.name)}`));
    const text = `SELECT ${columns.join(', ')} FROM ${quoteName(table.name)} WHERE ${quoteName(DELETED_AT)} IS NULL`;
    select = parse(text).statements[0] as A.SelectStatement;
    LIVE.set(table, select);
  }
  return select;
}

const LIVE = new WeakMap<TableDef, A.SelectStatement>();
