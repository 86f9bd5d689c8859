import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, QueryCache, type StatementResult } from '../../../src/engine';
import { readFunctionList } from '../../../src/engine/eval/functionList';
import type { GongClient } from '../../../src/gong';
import { SQLITE_FUNCTIONS } from '../../../src/engine/syntax/sqliteFunctions';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/** Arguments for an aggregate of Calls by its argument count, over a number and over an id (TEXT holding 19 digits). */
const ARGUMENTS: Record<number, readonly string[]> = { 0: [''], 1: ['Duration', 'WorkspaceId'], 2: ["Id, ' · '", "WorkspaceId, ','"] };
/** The few whose first argument is a label. */
const LABELLED = new Set(['json_group_object', 'jsonb_group_object']);
const argumentsOf = (name: string, narg: number) => (LABELLED.has(name) ? ['Id, Duration', 'Id, WorkspaceId'] : ARGUMENTS[Math.max(narg, 1)] ?? []);

/** Every aggregate form SQLite knows (from pragma_function_list, through the generated table), as queries over Calls. */
const AGGREGATES = SQLITE_FUNCTIONS.filter((f) => f.type !== 's' && !f.windowOnly).flatMap((f) => argumentsOf(f.name, f.narg).map((args) => `SELECT ${f.name}(${args}) FROM Calls`));

describe('every aggregate gives the same answer streamed and not streamed', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  /** Calls read in full once: a query whose object is cached loads everything before SQLite runs it. */
  const fullReads = new QueryCache();
  /** Runs the query as the planner decides: page by page when it thinks the query can stream. */
  const asPlanned = async (sql: string) => (await execute(sql, { client, connectionId: 'sb', useCache: false }))[0] as StatementResult;
  /** Runs the query over every row at once. */
  const loadingAll = async (sql: string) => (await execute(sql, { client, connectionId: 'sb', cache: fullReads }))[0] as StatementResult;

  const answer = (r: StatementResult) => ({ rows: r.rows });
  const failure = (error: Error) => ({ error: error.message });

  before(async () => {
    // 400 calls are four pages: a statement computed per page would give four rows.
    sandbox = await startSandbox({ rateLimit: false, scale: 400, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
    const warm = await loadingAll('SELECT Id FROM Calls');
    assert.ok(warm.stats.apiCalls >= 4, `Calls spans several pages (${warm.stats.apiCalls} calls)`);
    assert.equal((await loadingAll('SELECT count(*) FROM Calls')).stats.apiCalls, 0, 'the reference runs read every call from the cache');
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('covers the aggregates SQLite knows, the engine\'s statistics included', async () => {
    assert.deepEqual(SQLITE_FUNCTIONS, await readFunctionList(), 'the generated table is what pragma_function_list says now');
    for (const name of ['count', 'sum', 'avg', 'group_concat', 'json_group_array', 'median', 'mode', 'stdev', 'variance', 'lower_quartile', 'upper_quartile']) {
      assert.ok(AGGREGATES.some((sql) => sql.startsWith(`SELECT ${name}(`)), name);
    }
  });

  for (const sql of AGGREGATES) {
    it(sql, async () => {
      // SQLite's error is an answer too (sum of 19-digit ids overflows): the same one either way.
      const planned = await asPlanned(sql).then(answer, failure);
      const all = await loadingAll(sql).then(answer, failure);
      if ('rows' in planned) assert.equal(planned.rows.length, 1, 'an aggregate without GROUP BY is one row');
      assert.deepEqual(planned, all);
    });
  }

  it('SELECT median(Duration) FROM Calls is one row: the median of every call', async () => {
    const durations = (await loadingAll('SELECT Duration FROM Calls WHERE Duration IS NOT NULL ORDER BY Duration')).rows.map((r) => r[0] as number);
    const middle = (durations.length - 1) / 2;
    const expected = (durations[Math.floor(middle)]! + durations[Math.ceil(middle)]!) / 2;
    assert.deepEqual((await asPlanned('SELECT median(Duration) FROM Calls')).rows, [[expected]]);
  });

  it('mode(WorkspaceId) is a workspace\'s 19-digit id, digit for digit', async () => {
    const counts = (await loadingAll('SELECT WorkspaceId, count(*) AS n FROM Calls GROUP BY WorkspaceId ORDER BY n DESC, WorkspaceId LIMIT 1')).rows;
    const [[mode]] = (await asPlanned('SELECT mode(WorkspaceId) FROM Calls')).rows as [[unknown]];
    assert.equal(typeof mode, 'string');
    assert.match(mode as string, /^\d{19}$/);
    assert.equal(mode, counts[0]![0]);
    assert.ok(sandbox.world.workspaces.some((w) => w.id === mode));
  });
});
