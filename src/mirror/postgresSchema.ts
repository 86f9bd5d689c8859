import type { Predicate } from '../gong/read/plan';
import type { ColumnType } from '../gong/catalog/types';
import type { Row, SqlValue } from '../values';
import { TS_CONFIG } from './postgresSearch';
import { callKeyOf, DELETED_AT, ORDINAL, STATE_TABLE, storedColumns, SYNCED_AT, type MirrorColumn, type MirrorTable } from './schema';

// The PostgreSQL side of the mirror's tables: types, DDL, COPY's text format and the pushed
// predicates. Only plain tables, B-tree keys and one GIN index: what Citus, YugabyteDB and
// CockroachDB accept as PostgreSQL does (docs/ARCHITECTURE.md, "The PostgreSQL destination").

/** What differs between the engines the mirror runs on (CockroachDB is told apart by `version()`). */
export interface Dialect {
  readonly cockroach: boolean;
}

/**
 * Text compared byte by byte, as SQLite's BINARY: COLLATE "C" (a server's default collation is
 * usually linguistic, where 'B' < 'a' is false). CockroachDB compares strings byte by byte
 * already and refuses COLLATE "C" on a column, so there it is plain text.
 */
function byteText(dialect: Dialect): string {
  return dialect.cockroach ? 'text' : 'text COLLATE "C"';
}

/**
 * Values must come back exactly as the catalog maps them: ids, date-times and JSON are text
 * compared byte by byte, integers bigint (read back exactly), reals double precision,
 * booleans 0/1 in a smallint.
 */
function columnType(type: ColumnType, dialect: Dialect): string {
  switch (type) {
    case 'integer': return 'bigint';
    case 'real': return 'double precision';
    case 'boolean': return 'smallint';
    default: return byteText(dialect);
  }
}

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(['id', 'text', 'datetime', 'json']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What identifies a stored row: the catalog's key, or (call key, `_ordinal`) for per-call content (as in the SQLite file). */
export function storedKey(table: MirrorTable): string[] {
  const callKey = callKeyOf(table);
  return callKey ? [callKey, ORDINAL] : [...table.key];
}

/**
 * Transcript sentences also keep their words as a tsvector, written by the same INSERT from
 * the sentence (a plain column: no generated column, no trigger), under a GIN index. Stored,
 * ranking and phrase checks read it instead of parsing every matching sentence again.
 */
export const SEARCH_COLUMN = '_search';
export const SEARCHED_TABLE = 'CallTranscripts';
const searchable = (table: MirrorTable): boolean => table.name === SEARCHED_TABLE;

function columnDefinitions(table: MirrorTable, dialect: Dialect): string[] {
  return [
    ...table.columns.map((c) => `${quoteIdent(c.name)} ${columnType(c.type, dialect)}`),
    ...(callKeyOf(table) ? [`${quoteIdent(ORDINAL)} integer NOT NULL`] : []),
    `${quoteIdent(SYNCED_AT)} ${byteText(dialect)} NOT NULL`,
    `${quoteIdent(DELETED_AT)} ${byteText(dialect)}`,
  ];
}

/** The table, and for per-call content an index on the catalog's key (as the SQLite file has). */
export function createTableSql(table: MirrorTable, dialect: Dialect): string[] {
  const key = storedKey(table);
  const primary = key.length > 0 ? `, PRIMARY KEY (${key.map(quoteIdent).join(', ')})` : '';
  const search = searchable(table) ? [`${quoteIdent(SEARCH_COLUMN)} tsvector`] : [];
  const statements = [`CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (${[...columnDefinitions(table, dialect), ...search].join(', ')}${primary})`];
  if (searchable(table)) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${table.name}_search`)} ON ${quoteIdent(table.name)} USING gin (${quoteIdent(SEARCH_COLUMN)})`);
    // A common word's newest matches are read in this order (see searchTranscripts).
    statements.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${table.name}_scheduled`)} ON ${quoteIdent(table.name)} ("CallScheduled")`);
  }
  if (callKeyOf(table) && table.key.length > 1) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${table.name}_key`)} ON ${quoteIdent(table.name)} (${table.key.map(quoteIdent).join(', ')})`);
  }
  return statements;
}

/** Columns a later catalog added to an existing table. */
export function addColumnSql(table: MirrorTable, column: MirrorColumn, dialect: Dialect): string {
  return `ALTER TABLE ${quoteIdent(table.name)} ADD COLUMN IF NOT EXISTS ${quoteIdent(column.name)} ${columnType(column.type, dialect)}`;
}

/** A session's staging table for one mirrored table: COPY lands here, then one upsert moves it. */
export function stagingName(table: MirrorTable): string {
  return `_gongsql_stage_${table.name}`;
}

export function createStagingSql(table: MirrorTable, dialect: Dialect): string {
  return `CREATE TEMPORARY TABLE IF NOT EXISTS ${quoteIdent(stagingName(table))} (${columnDefinitions(table, dialect).join(', ')})`;
}

export const STATE_COLUMNS = ['object', 'policy', 'watermark', 'checkpoint', 'last_run_started', 'last_run_finished', 'rows', 'api_calls', 'status', 'error'] as const;

export function createStateSql(dialect: Dialect): string {
  const text = byteText(dialect);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(STATE_TABLE)} (
  "object" ${text} PRIMARY KEY, "policy" text NOT NULL, "watermark" ${text}, "checkpoint" text,
  "last_run_started" ${text}, "last_run_finished" ${text}, "rows" bigint NOT NULL DEFAULT 0,
  "api_calls" bigint NOT NULL DEFAULT 0, "status" text NOT NULL, "error" text)`;
}

export const UPSERT_STATE_SQL = `INSERT INTO ${quoteIdent(STATE_TABLE)} (${STATE_COLUMNS.map(quoteIdent).join(', ')})
  VALUES (${STATE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT ("object") DO UPDATE SET ${STATE_COLUMNS.slice(1).map((c) => `${quoteIdent(c)} = EXCLUDED.${quoteIdent(c)}`).join(', ')}`;

export function copySql(target: string, table: MirrorTable): string {
  return `COPY ${quoteIdent(target)} (${storedColumns(table).map(quoteIdent).join(', ')}) FROM STDIN`;
}

/**
 * Staged rows into the table. Objects upserted by key: new keys inserted, known ones
 * overwritten (and undeleted when the row says so). Per-call content (`conflicts` false): its
 * calls' rows were deleted just before, so nothing can conflict.
 */
export function insertFromStagingSql(table: MirrorTable, conflicts: boolean): string {
  const stored = storedColumns(table).map(quoteIdent);
  const names = searchable(table) ? [...stored, quoteIdent(SEARCH_COLUMN)] : stored;
  const values = searchable(table) ? [...stored, `to_tsvector('${TS_CONFIG}', concat_ws(' ', "Text", "SpeakerName", "Affiliation"))`] : stored;
  const insert = `INSERT INTO ${quoteIdent(table.name)} (${names.join(', ')}) SELECT ${values.join(', ')} FROM ${quoteIdent(stagingName(table))}`;
  const key = storedKey(table);
  if (!conflicts || key.length === 0) return insert;
  const updates = names.filter((c) => !key.map(quoteIdent).includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
  return `${insert} ON CONFLICT (${key.map(quoteIdent).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}

/** One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes. */
export function copyLine(row: readonly SqlValue[]): string {
  return `${row.map(copyField).join('\t')}\n`;
}

function copyField(value: SqlValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * The last stored row per key (rows in `storedColumns` order): one page may carry a record
 * twice, and one INSERT … ON CONFLICT may not touch a row twice.
 */
export function lastPerKey(table: MirrorTable, rows: readonly Row[]): readonly Row[] {
  const columns = storedColumns(table);
  const positions = storedKey(table).map((k) => columns.indexOf(k));
  if (positions.length === 0) return rows;
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(JSON.stringify(positions.map((i) => row[i])), row);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

/**
 * The pushed predicates as a WHERE clause. A predicate is translated only when its values
 * have the column's own kind (text for text columns, numbers for numeric ones), so PostgreSQL
 * compares exactly as SQLite does; any other is left out (a superset, which the engine
 * re-checks), never guessed.
 */
export function whereClause(table: MirrorTable, predicates: readonly Predicate[]): { sql: string; params: unknown[] } {
  const conditions = [`${quoteIdent(DELETED_AT)} IS NULL`];
  const params: unknown[] = [];
  for (const p of predicates) {
    const column = table.columns.find((c) => c.name.toLowerCase() === p.column.toLowerCase());
    if (!column) continue;
    const values = Array.isArray(p.value) ? (p.value as readonly SqlValue[]) : [p.value as SqlValue];
    if (values.length === 0 && p.op === 'IN') return { sql: 'FALSE', params: [] };
    if (!values.every((v) => sameKind(column.type, v))) continue;
    const cast = TEXT_TYPES.has(column.type) ? 'text' : 'numeric';
    if (p.op === 'IN') {
      params.push(values.map((v) => (cast === 'numeric' ? String(v) : v)));
      conditions.push(`${quoteIdent(column.name)} = ANY($${params.length}::${cast}[])`);
    } else {
      params.push(cast === 'numeric' ? String(values[0]) : values[0]);
      conditions.push(`${quoteIdent(column.name)} ${p.op} $${params.length}::${cast}`);
    }
  }
  return { sql: conditions.join(' AND '), params };
}

function sameKind(type: ColumnType, value: SqlValue): boolean {
  if (value === null) return false;
  return TEXT_TYPES.has(type) ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
}
