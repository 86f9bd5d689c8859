import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import type { Predicate } from '../gong/read/plan';
import type { Row, SqlValue } from '../values';
import { MirrorError, type Destination, type PageCommit, type SyncedKey, type SyncState, type TranscriptMatch } from './destination';
import {
  addColumnSql, copyLine, copySql, createStateSql, createStagingSql, createTableSql, lastPerKey, quoteIdent,
  insertFromStagingSql, SEARCH_COLUMN, type Dialect, SEARCHED_TABLE, STATE_COLUMNS, stagingName, UPSERT_STATE_SQL, whereClause,
} from './postgresSchema';
import { snippet, toTsQuery, TS_CONFIG } from './postgresSearch';
import { callKeyOf, DELETED_AT, mirrorTables, SOURCE_TABLE, STATE_TABLE, SYNCED_AT, type MirrorTable } from './schema';

/** Rows per FETCH of a select's cursor (and per batch it yields). */
const FETCH_ROWS = 1000;

/**
 * A mirror in a PostgreSQL database (or Citus, YugabyteDB, CockroachDB at the same URL).
 * `pg` is loaded here, on the first PostgreSQL mirror, so sessions without one never load it.
 */
export async function openPostgresMirror(url: string): Promise<Destination> {
  const label = redactUrl(url);
  const sslmode = sslModeOf(url, label);
  try {
    return await connectPool(withLibpqSsl(url, sslmode), label, passwordOf(url));
  } catch (error) {
    // libpq's prefer and allow go on without TLS when the server has none.
    if ((sslmode === 'prefer' || sslmode === 'allow') && /does not support SSL/i.test((error as Error).message)) {
      return connectPool(withLibpqSsl(url, 'disable'), label, passwordOf(url));
    }
    throw error;
  }
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** The URL's sslmode (libpq's names only: another value is an error, not a guess). */
function sslModeOf(url: string, label: string): string | undefined {
  let mode: string | null;
  try {
    mode = new URL(url).searchParams.get('sslmode');
  } catch {
    return undefined;
  }
  if (mode !== null && !SSL_MODES.includes(mode)) throw new MirrorError(`PostgreSQL mirror ${label}: sslmode=${mode} is not one of ${SSL_MODES.join(', ')}`);
  return mode ?? undefined;
}

/**
 * The URL as pg reads it with libpq's meanings (pg alone treats prefer, require and verify-ca
 * as verify-full, with a warning): disable without TLS; allow, prefer and require with TLS and
 * no certificate check; verify-ca checks the certificate, verify-full also the host name.
 */
function withLibpqSsl(url: string, sslmode: string | undefined): string {
  if (sslmode === undefined) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', sslmode === 'allow' ? 'prefer' : sslmode);
  parsed.searchParams.set('uselibpqcompat', 'true');
  return parsed.toString();
}

async function connectPool(url: string, label: string, secret: string | undefined): Promise<Destination> {
  const pg = require('pg') as typeof import('pg');
  // A select holds its connection until its reader is done; a statement reads several objects at once.
  const pool = new pg.Pool({ connectionString: url, max: 8, types: { getTypeParser: typeParser(pg) } });
  // An idle connection's error (the server restarting) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const mirror = new PostgresMirror(pool, label, secret);
  try {
    await mirror.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw mirror.failure(error, 'cannot connect');
  }
  return mirror;
}

/**
 * bigint (int8) comes back as a number when it is one exactly, else as its exact text: counts
 * and integer columns are numbers as SQLite gives them, and no value is ever rounded.
 */
function typeParser(pg: typeof import('pg')): typeof pg.types.getTypeParser {
  const parseInt8 = (text: string): SqlValue => {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  };
  return ((oid: number, format?: string) => (oid === pg.types.builtins.INT8 && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser;
}

/** The URL as messages may show it: without the password (and without any query string, which may carry one). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function passwordOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const password = parsed.password ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
    return password || undefined;
  } catch {
    return undefined;
  }
}

class PostgresMirror implements Destination {
  readonly kind = 'postgres';
  /** Connections already set up (CockroachDB needs temporary tables switched on, per session). */
  private readonly ready = new WeakSet<PoolClient>();
  private readonly staged = new WeakMap<PoolClient, Set<string>>();
  private dialect: Dialect = { cockroach: false };
  /** Rows this session wrote per table, and at how many the table's statistics are next refreshed. */
  private readonly growth = new Map<string, { rows: number; next: number }>();

  constructor(private readonly pool: Pool, readonly label: string, private readonly secret: string | undefined) {}

  async connect(): Promise<void> {
    await this.withClient(async (client) => {
      const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
      this.dialect = { cockroach: /CockroachDB/i.test(rows[0]?.version ?? '') };
    });
  }

  async prepare(tables: readonly MirrorTable[]): Promise<void> {
    await this.transaction('prepare the mirror', async (client) => {
      await client.query(createStateSql(this.dialect));
      const existing = await this.existingColumns(client);
      for (const table of tables) {
        const have = existing.get(table.name);
        // Someone else's table of the same name is never altered or written to.
        if (have && !have.has(SYNCED_AT)) {
          throw new MirrorError(`the database already has a table ${table.name} that is not a gongsql mirror's: use another database (or schema)`);
        }
        for (const statement of createTableSql(table, this.dialect)) await client.query(statement);
        for (const column of table.columns) if (have && !have.has(column.name)) await client.query(addColumnSql(table, column, this.dialect));
      }
    });
  }

  async readState(): Promise<Map<string, SyncState>> {
    const states = new Map<string, SyncState>();
    await this.withClient(async (client) => {
      if (!(await this.existingTables(client)).has(STATE_TABLE)) return;
      const { rows } = await client.query(`SELECT ${STATE_COLUMNS.map(quoteIdent).join(', ')} FROM ${quoteIdent(STATE_TABLE)}`);
      for (const r of rows) {
        states.set(r.object, {
          object: r.object, policy: r.policy, watermark: r.watermark, checkpoint: r.checkpoint,
          lastRunStarted: r.last_run_started, lastRunFinished: r.last_run_finished,
          rows: Number(r.rows), apiCalls: Number(r.api_calls), status: r.status, error: r.error,
        });
      }
    }, 'read the sync state');
    return states;
  }

  async readSource(): Promise<string | null> {
    return this.withClient(async (client) => {
      if (!(await this.existingTables(client)).has(SOURCE_TABLE)) return null;
      const { rows } = await client.query<{ source: string }>(`SELECT "source" FROM ${quoteIdent(SOURCE_TABLE)} WHERE "id" = 1`);
      return rows[0]?.source ?? null;
    }, 'read the mirror\'s source');
  }

  async recordSource(source: string): Promise<void> {
    await this.transaction('record the mirror\'s source', async (client) => {
      await client.query(`CREATE TABLE IF NOT EXISTS ${quoteIdent(SOURCE_TABLE)} ("id" integer PRIMARY KEY CHECK ("id" = 1), "source" text NOT NULL)`);
      await client.query(`INSERT INTO ${quoteIdent(SOURCE_TABLE)} ("id", "source") VALUES (1, $1) ON CONFLICT ("id") DO UPDATE SET "source" = EXCLUDED."source"`, [source]);
    });
  }

  async commit(page: PageCommit): Promise<void> {
    const { table } = page;
    const callKey = callKeyOf(table);
    await this.transaction(`write ${table.name}`, async (client) => {
      if (callKey) await this.replaceContent(client, table, callKey, page);
      else if (page.rows.length > 0) await this.insert(client, table, lastPerKey(table, page.rows.map((row) => [...row, page.runAt, null])), true);
      await saveStates(client, page.states);
    });
    await this.analyzeAsItGrows(table, page.rows.length);
  }

  /**
   * A table filled in one run has no statistics until autovacuum comes by (a minute or more
   * later): the planner then guesses half the table for `CallId = ANY(…)` and replacing a
   * page's calls scans the whole table, slower with every page. ANALYZE at 1,000 rows written
   * and each time that doubles keeps the key index chosen, at a logarithmic cost.
   */
  private async analyzeAsItGrows(table: MirrorTable, written: number): Promise<void> {
    const growth = this.growth.get(table.name) ?? { rows: 0, next: 1000 };
    growth.rows += written;
    this.growth.set(table.name, growth);
    if (growth.rows < growth.next) return;
    growth.next = growth.rows * 2;
    await this.withClient((client) => client.query(`ANALYZE ${quoteIdent(table.name)}`), `analyze ${table.name}`);
  }

  /**
   * Per-call content: every row of the page's calls goes, then the page's rows come in,
   * numbered within their call (`_ordinal`) as the SQLite file numbers them.
   */
  private async replaceContent(client: PoolClient, table: MirrorTable, callKey: string, page: PageCommit): Promise<void> {
    const at = table.columns.findIndex((c) => c.name === callKey);
    const calls = page.replaceCalls ?? [...new Set(page.rows.map((r) => String(r[at])))];
    if (calls.length > 0) await client.query(`DELETE FROM ${quoteIdent(table.name)} WHERE ${quoteIdent(callKey)} = ANY($1::text[])`, [calls]);
    if (page.rows.length === 0) return;
    const ordinals = new Map<SqlValue | undefined, number>();
    const rows = page.rows.map((row) => {
      const ordinal = ordinals.get(row[at]) ?? 0;
      ordinals.set(row[at], ordinal + 1);
      return [...row, ordinal, page.runAt, null];
    });
    await this.insert(client, table, rows, false);
  }

  /**
   * Rows in `storedColumns` order: COPY into the session's staging table, then one INSERT
   * (… ON CONFLICT when `conflicts`) moves them, so per-row work like the transcripts' search
   * words is done by the database in one statement.
   */
  private async insert(client: PoolClient, table: MirrorTable, rows: readonly Row[], conflicts: boolean): Promise<void> {
    await this.ensureStaging(client, table);
    const staging = stagingName(table);
    await copyInto(client, staging, table, rows);
    await client.query(insertFromStagingSql(table, conflicts));
    await client.query(`DELETE FROM ${quoteIdent(staging)}`);
  }

  private async ensureStaging(client: PoolClient, table: MirrorTable): Promise<void> {
    let tables = this.staged.get(client);
    if (!tables) this.staged.set(client, (tables = new Set()));
    if (tables.has(table.name)) return;
    await client.query(createStagingSql(table, this.dialect));
    tables.add(table.name);
  }

  /**
   * A copy from another mirror: rows as stored there (`storedColumns` order, so they keep
   * their `_ordinal`, `_synced_at` and `_deleted_at`), upserted on the stored key, with
   * `states` in the same transaction.
   */
  async load(table: MirrorTable, rows: readonly Row[], states: readonly SyncState[] = []): Promise<void> {
    await this.transaction(`copy ${table.name}`, async (client) => {
      if (rows.length > 0) await this.insert(client, table, lastPerKey(table, rows), true);
      await saveStates(client, states);
    });
    await this.analyzeAsItGrows(table, rows.length);
  }

  async finishRefresh(table: MirrorTable, runAt: string, state: SyncState): Promise<number> {
    return this.transaction(`finish the refresh of ${table.name}`, async (client) => {
      const result = await client.query(
        `UPDATE ${quoteIdent(table.name)} SET ${quoteIdent(DELETED_AT)} = $1 WHERE ${quoteIdent(DELETED_AT)} IS NULL AND (${quoteIdent(SYNCED_AT)} IS NULL OR ${quoteIdent(SYNCED_AT)} <> $1)`,
        [runAt],
      );
      await saveStates(client, [state]);
      return result.rowCount ?? 0;
    });
  }

  async syncedAfter(table: MirrorTable, after: { readonly syncedAt: string; readonly key?: string } | null): Promise<SyncedKey[]> {
    const key = quoteIdent(table.key[0] ?? '');
    const synced = quoteIdent(SYNCED_AT);
    const where = after === null ? 'TRUE' : after.key === undefined ? `${synced} > $1` : `(${synced} > $1 OR (${synced} = $1 AND ${key} > $2))`;
    const params = after === null ? [] : after.key === undefined ? [after.syncedAt] : [after.syncedAt, after.key];
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ k: SqlValue; s: string }>(`SELECT ${key} AS k, ${synced} AS s FROM ${quoteIdent(table.name)} WHERE ${where} ORDER BY ${synced}, ${key}`, params);
      return rows.map((r) => ({ key: String(r.k), syncedAt: r.s }));
    }, `read what ${table.name} synced`);
  }

  async *select(table: MirrorTable, predicates: readonly Predicate[]): AsyncIterable<Row[]> {
    const where = whereClause(table, predicates);
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    const client = await this.checkout(`read ${table.name}`);
    let open = false;
    try {
      // A cursor lives in a transaction; READ ONLY also lets a distributed engine read without locks.
      await client.query('BEGIN READ ONLY');
      open = true;
      await client.query(`DECLARE "_gongsql_select" NO SCROLL CURSOR FOR SELECT ${columns} FROM ${quoteIdent(table.name)} WHERE ${where.sql}`, where.params);
      for (;;) {
        const batch = await client.query<Row>({ text: `FETCH ${FETCH_ROWS} FROM "_gongsql_select"`, rowMode: 'array' });
        if (batch.rows.length > 0) yield batch.rows;
        if (batch.rows.length < FETCH_ROWS) break;
      }
      await client.query('COMMIT');
      open = false;
    } catch (error) {
      throw this.failure(error, `read ${table.name}`);
    } finally {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  async earliest(table: MirrorTable, column: string): Promise<string | undefined> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ first: string | null }>(`SELECT min(${quoteIdent(column)}) AS "first" FROM ${quoteIdent(table.name)} WHERE ${quoteIdent(DELETED_AT)} IS NULL`);
      return rows[0]?.first ?? undefined;
    }, `read the earliest ${column} of ${table.name}`);
  }

  async rowCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.withClient(async (client) => {
      const existing = await this.existingTables(client);
      const tables = mirrorTables().filter((t) => existing.has(t.name));
      if (tables.length === 0) return;
      const sql = tables.map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM ${quoteIdent(t.name)} WHERE ${quoteIdent(DELETED_AT)} IS NULL`).join(' UNION ALL ');
      for (const r of (await client.query<{ name: string; n: number }>(sql)).rows) counts.set(r.name, Number(r.n));
    }, 'count the rows');
    return counts;
  }

  async searchTranscripts(query: string, limit: number): Promise<TranscriptMatch[]> {
    const tsQuery = toTsQuery(query);
    if (tsQuery === undefined) return [];
    return this.withClient(async (client) => {
      const existing = await this.existingTables(client);
      if (!existing.has(SEARCHED_TABLE)) return [];
      const { rows: [probe] } = await client.query<{ n: number }>(COMMON_SQL, [tsQuery]);
      const common = Number(probe?.n ?? 0) >= COMMON;
      const { rows } = await client.query<Row>({ text: searchSql(existing, common), values: [tsQuery, limit], rowMode: 'array' });
      return rows.map(([callId, callTitle, callScheduled, speakerName, affiliation, startMs, text]) => ({
        callId: String(callId), callTitle: textOrNull(callTitle), callScheduled: textOrNull(callScheduled),
        speakerName: textOrNull(speakerName), affiliation: textOrNull(affiliation),
        startMs: Number(startMs), text: String(text ?? ''), snippet: snippet(String(text ?? ''), query),
      }));
    }, 'search the transcripts');
  }

  async close(): Promise<void> {
    if (this.pool.ended) return;
    await this.pool.end();
  }

  /** An error as the user may see it: with the mirror's label, never the password. */
  failure(error: unknown, what: string): MirrorError {
    if (error instanceof MirrorError) return error;
    const raw = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code;
    const message = code === '42P01' ? `${raw} (run gongsql sync first)`
      // pg's words when the server asks for a password and neither the URL nor the environment gave one.
      : /empty password|client password must be a string|password authentication failed/i.test(raw) ? `${raw} (set PGPASSWORD in the environment, or put the password in the URL)`
      : raw;
    const safe = this.secret ? message.split(this.secret).join('***') : message;
    return new MirrorError(`PostgreSQL mirror ${this.label}: could not ${what.replace(/^cannot /, '')}: ${safe}`);
  }

  private async checkout(what: string): Promise<PoolClient> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.failure(error, what);
    }
    if (!this.ready.has(client)) {
      if (this.dialect.cockroach) await client.query('SET experimental_enable_temp_tables = on');
      this.ready.add(client);
    }
    return client;
  }

  private async withClient<T>(run: (client: PoolClient) => Promise<T>, what = 'connect'): Promise<T> {
    const client = await this.checkout(what);
    try {
      return await run(client);
    } catch (error) {
      throw this.failure(error, what);
    } finally {
      client.release();
    }
  }

  /** One transaction: all of `run` or none of it. */
  private transaction<T>(what: string, run: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await run(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }, what);
  }

  private async existingTables(client: PoolClient): Promise<Set<string>> {
    const { rows } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    return new Set(rows.map((r) => r.name));
  }

  private async existingColumns(client: PoolClient): Promise<Map<string, Set<string>>> {
    const { rows } = await client.query<{ t: string; c: string }>(
      'SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()',
    );
    const columns = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!columns.has(r.t)) columns.set(r.t, new Set());
      columns.get(r.t)!.add(r.c);
    }
    return columns;
  }
}

async function saveStates(client: PoolClient, states: readonly SyncState[]): Promise<void> {
  for (const s of states) {
    await client.query(UPSERT_STATE_SQL, [s.object, s.policy, s.watermark, s.checkpoint, s.lastRunStarted, s.lastRunFinished, s.rows, s.apiCalls, s.status, s.error]);
  }
}

async function copyInto(client: PoolClient, target: string, table: MirrorTable, rows: readonly Row[]): Promise<void> {
  const { from } = require('pg-copy-streams') as typeof import('pg-copy-streams');
  await pipeline(Readable.from(copyChunks(rows)), client.query(from(copySql(target, table))));
}

/** COPY's input in chunks of lines (one write per row would be slow). */
function* copyChunks(rows: readonly Row[]): Generator<string> {
  const chunk: string[] = [];
  for (const row of rows) {
    chunk.push(copyLine(row));
    if (chunk.length === 500) yield chunk.splice(0).join('');
  }
  if (chunk.length > 0) yield chunk.join('');
}

/**
 * Above this many matches a word is common: ranking every match would read each of their
 * rows (70,000 rows of a million sentences take ~300 ms), so the newest `RANKED` are ranked.
 */
const COMMON = 5000;
const RANKED = 1000;

/**
 * Matches by the GIN index, best first (ts_rank, then newest); for a common word, the best
 * of its `RANKED` newest matches (read in CallScheduled order, which stops early as matches
 * are dense). The call's title from Calls and the speaker's affiliation from CallParties (by
 * SpeakerId), when those objects are mirrored too.
 */
function searchSql(existing: ReadonlySet<string>, common: boolean): string {
  const query = `to_tsquery('${TS_CONFIG}', $1)`;
  const title = existing.has('Calls')
    ? `(SELECT c."Title" FROM "Calls" c WHERE c."Id" = m."CallId" LIMIT 1)`
    : 'NULL';
  const affiliation = existing.has('CallParties')
    ? `(SELECT p."Affiliation" FROM "CallParties" p WHERE p."CallId" = m."CallId" AND p."SpeakerId" = m."SpeakerId" AND p."${DELETED_AT}" IS NULL LIMIT 1)`
    : 'NULL';
  const matches = `SELECT t."CallId", t."CallScheduled", t."SpeakerId", t."SpeakerName", t."StartMs", t."Text", ts_rank(t.${quoteIdent(SEARCH_COLUMN)}, ${query}) AS rank
    FROM ${quoteIdent(SEARCHED_TABLE)} t WHERE ${matchesWhere()}${common ? ` ORDER BY t."CallScheduled" DESC LIMIT ${RANKED}` : ''}`;
  return `SELECT m."CallId", ${title}, m."CallScheduled", m."SpeakerName", ${affiliation}, m."StartMs", m."Text"
    FROM (${matches}) m ORDER BY m."SpeakerName" IS NULL, m.rank DESC, m."CallScheduled" DESC, m."CallId", m."StartMs" LIMIT $2`;
}

function matchesWhere(): string {
  return `t.${quoteIdent(SEARCH_COLUMN)} @@ to_tsquery('${TS_CONFIG}', $1) AND t."${DELETED_AT}" IS NULL`;
}

/** Whether the query matches at least `COMMON` sentences (reads at most that many). */
const COMMON_SQL = `SELECT count(*) AS n FROM (SELECT 1 FROM ${quoteIdent(SEARCHED_TABLE)} t WHERE ${matchesWhere()} LIMIT ${COMMON}) s`;

function textOrNull(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
