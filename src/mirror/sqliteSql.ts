import { quoteName } from '../engine/syntax/quoteName';
import type { Predicate } from '../gong/read/plan';
import type { SqlValue } from '../values';
import { DELETED_AT, ORDINAL, SOURCE_TABLE, STATE_TABLE, SYNCED_AT, type MirrorTable } from './schema';
import type { TableSpec } from './sqliteProtocol';

/**
 * The SQL of a SQLite mirror, as text: the worker runs it, this module only writes it. Names
 * are quoted the engine's way; values are always bound, never spliced.
 */

/** The format of the file's tables (PRAGMA user_version); a newer one is refused. */
export const MIRROR_VERSION = 1;

/** Where transcript sentences are searched: FTS5 over the sentence, the speaker and the speaker's affiliation. */
export const TRANSCRIPT_INDEX = '_gongsql_transcripts_fts';
/** The transcript table and the parties table whose Affiliation the index takes, by SpeakerId. */
export const TRANSCRIPTS = 'CallTranscripts';
export const PARTIES = 'CallParties';

const q = quoteName;

export function tableSpec(table: MirrorTable): TableSpec {
  return {
    name: table.name,
    columns: table.columns.map((c) => ({ name: c.name, sqlType: c.type === 'integer' || c.type === 'boolean' ? 'INTEGER' : c.type === 'real' ? 'REAL' : 'TEXT' })),
    key: table.key,
    callKey: table.policy.kind === 'perCall' ? table.policy.callKey : undefined,
  };
}

export const SOURCE_DDL = `CREATE TABLE IF NOT EXISTS ${SOURCE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL)`;

export const STATE_DDL = `CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (
  object TEXT PRIMARY KEY, policy TEXT NOT NULL, watermark TEXT, checkpoint TEXT,
  last_run_started TEXT, last_run_finished TEXT, rows INTEGER NOT NULL DEFAULT 0,
  api_calls INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, error TEXT)`;

/**
 * A mirrored object's table. Objects read whole or by window are upserted on the catalog's
 * key (its PRIMARY KEY). Per-call content is replaced call by call and Gong's own keys are not
 * unique within a call (two sentences can start on the same millisecond), so its rows keep
 * their order within the call in `_ordinal`, and (call key, `_ordinal`) is the PRIMARY KEY.
 */
export function tableDdl(table: TableSpec): string[] {
  const columns = table.columns.map((c) => `${q(c.name)} ${c.sqlType}`);
  const bookkeeping = [`${SYNCED_AT} TEXT NOT NULL`, `${DELETED_AT} TEXT`];
  if (table.callKey) {
    return [
      `CREATE TABLE IF NOT EXISTS ${q(table.name)} (${[...columns, ORDINAL + ' INTEGER NOT NULL', ...bookkeeping, `PRIMARY KEY (${q(table.callKey)}, ${ORDINAL})`].join(', ')})`,
      ...(table.key.length > 1 ? [`CREATE INDEX IF NOT EXISTS ${q(`${table.name}_key`)} ON ${q(table.name)} (${table.key.map(q).join(', ')})`] : []),
    ];
  }
  const key = table.key.length > 0 ? [`PRIMARY KEY (${table.key.map(q).join(', ')})`] : [];
  return [`CREATE TABLE IF NOT EXISTS ${q(table.name)} (${[...columns, ...bookkeeping, ...key].join(', ')})`];
}


export const TRANSCRIPT_INDEX_DDL = `CREATE VIRTUAL TABLE IF NOT EXISTS ${TRANSCRIPT_INDEX} USING fts5(Text, SpeakerName, Affiliation, tokenize = 'unicode61 remove_diacritics 2')`;

/** Upsert of one row: every column, `_synced_at` set, `_deleted_at` cleared (Gong has the row again). */
export function upsertSql(table: TableSpec): string {
  const names = [...table.columns.map((c) => q(c.name)), SYNCED_AT, DELETED_AT];
  const values = [...table.columns.map(() => '?'), '?', 'NULL'];
  const insert = `INSERT INTO ${q(table.name)} (${names.join(', ')}) VALUES (${values.join(', ')})`;
  if (table.key.length === 0) return insert;
  const updates = [...table.columns.filter((c) => !table.key.includes(c.name)).map((c) => q(c.name)), SYNCED_AT, DELETED_AT].map((n) => `${n} = excluded.${n}`);
  return `${insert} ON CONFLICT (${table.key.map(q).join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}

/** Insert of one per-call row, with its ordinal within the call. */
export function insertContentSql(table: TableSpec): string {
  const names = [...table.columns.map((c) => q(c.name)), ORDINAL, SYNCED_AT];
  return `INSERT INTO ${q(table.name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
}

/** The WHERE of `Destination.select`: deleted rows out, each predicate as SQLite evaluates it. */
export function selectSql(table: MirrorTable, predicates: readonly Predicate[]): { sql: string; params: SqlValue[] } {
  const where = [`${DELETED_AT} IS NULL`];
  const params: SqlValue[] = [];
  for (const p of predicates) {
    if (!table.columns.some((c) => c.name === p.column)) continue;
    if (p.op === 'IN' || Array.isArray(p.value)) {
      const values = (Array.isArray(p.value) ? p.value : [p.value]) as SqlValue[];
      if (values.length === 0) return { sql: `SELECT ${table.columns.map((c) => q(c.name)).join(', ')} FROM ${q(table.name)} WHERE 0`, params: [] };
      where.push(`${q(p.column)} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    } else {
      where.push(`${q(p.column)} ${p.op} ?`);
      params.push(p.value as SqlValue);
    }
  }
  return { sql: `SELECT ${table.columns.map((c) => q(c.name)).join(', ')} FROM ${q(table.name)} WHERE ${where.join(' AND ')}`, params };
}

/** The smallest value of a column among the live rows (see `Destination.earliest`). */
export function earliestSql(table: MirrorTable, column: string): string {
  return `SELECT min(${q(column)}) FROM ${q(table.name)} WHERE ${DELETED_AT} IS NULL`;
}

/**
 * A user's search as an FTS5 query on the sentence, the speaker and the affiliation (every term
 * in one of them: `Vera pricing`): each word a quoted term (so `don't`
 * or `c++` are words, not syntax), `"a phrase"` kept, a trailing `*` a prefix.
 */
export function ftsQuery(text: string): string | undefined {
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      if (phrase.trim() !== '') terms.push(`"${phrase.replace(/"/g, '""')}"`);
      continue;
    }
    const word = match[2] as string;
    const prefix = word.endsWith('*');
    const bare = word.replace(/\*+$/, '').replace(/"/g, '');
    if (bare !== '') terms.push(`"${bare}"${prefix ? '*' : ''}`);
  }
  return terms.length === 0 ? undefined : terms.join(' ');
}
