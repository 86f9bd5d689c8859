import { quoteName } from '../engine/syntax/quoteName';
import type { Row, SqlValue } from '../values';
import { MirrorError, type Destination, type SyncState } from './destination';
import { mirrorTables, storedColumns, type MirrorTable } from './schema';

// Moving to PostgreSQL without asking Gong again: a SQLite mirror's tables and sync state,
// copied as they are stored (deleted rows, `_synced_at`, per-call `_ordinal` included), so
// the next `gongsql sync --to postgres://…` goes on exactly where the file's last run stopped.

/** A destination that takes rows as another mirror stored them (PostgreSQL's `load`). */
export interface MirrorLoader {
  load(table: MirrorTable, rows: readonly Row[], states?: readonly SyncState[]): Promise<void>;
}

export function canLoad(destination: Destination): destination is Destination & MirrorLoader {
  return typeof (destination as Partial<MirrorLoader>).load === 'function';
}

export interface CopySummary {
  readonly objects: readonly { readonly object: string; readonly rows: number }[];
  readonly rows: number;
  readonly ms: number;
}

/** Rows per read from the file and per transaction on the target. */
const BATCH = 5000;

/**
 * Copies every mirrored table of `source` (a SQLite file, read through its `native` SQL) into
 * `target`, then the sync state, last: a copy stopped half-way leaves no state, so running it
 * again (rows are upserted on their stored key) finishes it. A target that already holds a
 * synced mirror is refused: a copy is for moving, not merging.
 */
export async function copyMirror(source: Destination, target: Destination & MirrorLoader, onObject?: (object: string, rows: number) => void): Promise<CopySummary> {
  const started = Date.now();
  const native = source.native;
  if (!native) throw new MirrorError(`${source.label} cannot be copied from: only a SQLite mirror file can`);
  const existing = await target.readState();
  if (existing.size > 0) {
    throw new MirrorError(`${target.label} already holds a mirror (${existing.size} objects synced): copy into an empty database, or sync into it directly`);
  }
  const states = [...(await source.readState()).values()];
  const present = await sourceColumns(native);
  const tables = mirrorTables().filter((t) => present.has(t.name));
  await target.prepare(tables);
  const objects: { object: string; rows: number }[] = [];
  for (const table of tables) {
    const rows = await copyTable(native, target, table, present.get(table.name) ?? new Set());
    objects.push({ object: table.name, rows });
    onObject?.(table.name, rows);
  }
  const recorded = await source.readSource();
  if (recorded) await target.recordSource(recorded);
  // The state last, alone in its transaction: before it the target is not yet a synced mirror.
  const [first] = tables;
  if (first) await target.load(first, [], states);
  return { objects, rows: objects.reduce((n, o) => n + o.rows, 0), ms: Date.now() - started };
}

async function copyTable(native: NonNullable<Destination['native']>, target: MirrorLoader, table: MirrorTable, have: ReadonlySet<string>): Promise<number> {
  // A column a newer catalog added and the file does not have yet is copied as NULL.
  const select = storedColumns(table).map((c) => (have.has(c) ? quoteName(c) : 'NULL')).join(', ');
  let after: SqlValue = -1;
  let copied = 0;
  for (;;) {
    // Keyset paging on rowid: each batch is read whole before it is written, so memory stays one batch.
    const read = await all(native, `SELECT rowid, ${select} FROM ${quoteName(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`, [after]);
    if (read.length === 0) return copied;
    after = read[read.length - 1]?.[0] ?? after;
    const rows = read.map((r) => r.slice(1));
    await target.load(table, rows);
    copied += rows.length;
    if (rows.length < BATCH) return copied;
  }
}

/** The file's tables and their columns. */
async function sourceColumns(native: NonNullable<Destination['native']>): Promise<Map<string, Set<string>>> {
  const rows = await all(native, `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`, []);
  const tables = new Map<string, Set<string>>();
  for (const [table, column] of rows) {
    const name = String(table);
    if (!tables.has(name)) tables.set(name, new Set());
    tables.get(name)?.add(String(column));
  }
  return tables;
}

async function all(native: NonNullable<Destination['native']>, sql: string, params: readonly SqlValue[]): Promise<Row[]> {
  const rows: Row[] = [];
  await native.query(sql, params, { columns: () => undefined, rows: (batch) => { rows.push(...batch.map((r) => [...r])); } });
  return rows;
}
