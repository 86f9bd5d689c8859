import { tables } from '../gong/catalog';
import type { ColumnType, MirrorPolicy, TableDef } from '../gong/catalog/types';

/**
 * A catalog table as a mirror holds it: the columns SELECT returns (insert-only columns are
 * never read, so never mirrored) plus the mirror's own bookkeeping columns. The mirror's
 * table has the object's name, so the same SQL runs on Gong and on the mirror.
 */
export interface MirrorTable {
  readonly name: string;
  readonly table: TableDef;
  readonly policy: Exclude<MirrorPolicy, { kind: 'none' }>;
  /** Catalog columns in catalog order (without insert-only ones): the order of a row. */
  readonly columns: readonly MirrorColumn[];
  /** Upsert key: the catalog's key columns. */
  readonly key: readonly string[];
}

export interface MirrorColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/** When a run wrote (upserted or re-confirmed) the row: the run's start, ISO-8601. */
export const SYNCED_AT = '_synced_at';
/** When a full refresh first no longer returned the row; NULL while Gong still has it. */
export const DELETED_AT = '_deleted_at';
/**
 * Per-call content's position within its call, as Gong listed it: Gong's own keys are not
 * unique within a call (two sentences can start on the same millisecond), so per-call tables
 * are keyed by (call key, `_ordinal`) on every destination.
 */
export const ORDINAL = '_ordinal';
/** The table holding each object's sync state. */
export const STATE_TABLE = '_gongsql_sync';
/** One row: which Gong the mirror copies (source.ts). */
export const SOURCE_TABLE = '_gongsql_source';

export function mirrorTable(table: TableDef): MirrorTable | undefined {
  const policy = table.mirror;
  if (policy.kind === 'none') return undefined;
  const columns = table.columns.filter((c) => !c.insertOnly).map((c) => ({ name: c.name, type: c.type }));
  return { name: table.name, table, policy, columns, key: table.columns.filter((c) => c.key && !c.insertOnly).map((c) => c.name) };
}

/** Every mirrored object, in catalog order (parents before the per-call content that follows them). */
export function mirrorTables(): MirrorTable[] {
  return tables.map(mirrorTable).filter((t): t is MirrorTable => t !== undefined);
}

/** Per-call content's call key column; undefined for objects upserted by their key. */
export function callKeyOf(table: MirrorTable): string | undefined {
  return table.policy.kind === 'perCall' ? table.policy.callKey : undefined;
}

/**
 * A mirror table's stored columns, in the order a copy between mirrors moves them: the
 * catalog's, `_ordinal` for per-call content, then `_synced_at` and `_deleted_at`.
 */
export function storedColumns(table: MirrorTable): string[] {
  return [...table.columns.map((c) => c.name), ...(callKeyOf(table) ? [ORDINAL] : []), SYNCED_AT, DELETED_AT];
}
