import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execute, type RunOptions, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import type { Destination } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { syncMirror } from '../../helpers/syncMirror';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// One corpus of statements, three sources: the live sandbox, and a SQLite and a PostgreSQL
// mirror that `gongsql sync` (the job) made of it. Every statement must give the same columns and rows everywhere
// (in order when its ORDER BY fixes one), and the mirrors must cost 0 API calls.

interface Case {
  readonly sql: (s: Sandbox) => string;
  /** ORDER BY fixes the order of every row: compared in order; else as a multiset. */
  readonly ordered?: boolean;
  /** LIMIT without a full ORDER BY: which rows come is anyone's choice, how many is not. */
  readonly countOnly?: boolean;
}

const at = (s: Sandbox, i: number) => s.store.visibleCalls[i]!.meta.scheduled!;
const day = (s: Sandbox, i: number) => at(s, i).slice(0, 10);
const call = (s: Sandbox, i: number) => s.store.visibleCalls[i]!.meta.id;
const ws = (s: Sandbox, i: number) => s.world.workspaces[i]!.id;

const CORPUS: Record<string, Case> = {
  'join calls to their parties, filtered on a date': { sql: (s) => `SELECT c.Id, p.Name, p.Affiliation FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '${at(s, 40)}'` },
  'left join users, three objects': { sql: (s) => `SELECT c.Id, u.EmailAddress, t.Name FROM Calls c LEFT JOIN Users u ON u.Id = c.PrimaryUserId LEFT JOIN CallTopics t ON t.CallId = c.Id WHERE c.WorkspaceId = '${ws(s, 0)}'` },
  'GROUP BY with HAVING and every common aggregate': { sql: () => `SELECT WorkspaceId, count(*) AS n, sum(Duration), min(Scheduled), max(Duration), round(avg(Duration), 3) FROM Calls GROUP BY WorkspaceId HAVING count(*) > 1`, ordered: false },
  'GROUP BY over a join, ordered': { sql: () => `SELECT c.Direction, p.Affiliation, count(*) AS n FROM Calls c JOIN CallParties p ON p.CallId = c.Id GROUP BY 1, 2 ORDER BY 1, 2`, ordered: true },
  'window functions: row_number, running sum, lag': { sql: () => `SELECT Id, WorkspaceId, row_number() OVER w AS rn, sum(Duration) OVER w AS running, lag(Id) OVER w AS previous FROM Calls WINDOW w AS (PARTITION BY WorkspaceId ORDER BY Scheduled, Id) ORDER BY WorkspaceId, rn`, ordered: true },
  'rank over an aggregate': { sql: () => `SELECT PrimaryUserId, count(*) AS n, rank() OVER (ORDER BY count(*) DESC) AS r FROM Calls GROUP BY PrimaryUserId ORDER BY r, PrimaryUserId`, ordered: true },
  'id equality as text': { sql: (s) => `SELECT * FROM Calls WHERE Id = '${call(s, 7)}'` },
  'id equality as a bare 19-digit literal': { sql: (s) => `SELECT Id, Title FROM Calls WHERE Id = ${call(s, 8)}` },
  'id IN, one unknown': { sql: (s) => `SELECT Id FROM Calls WHERE Id IN ('${call(s, 1)}', '${call(s, 2)}', ${call(s, 3)}, '999')` },
  'workspace as a bare number': { sql: (s) => `SELECT Id FROM Calls WHERE WorkspaceId = ${ws(s, 1)}` },
  'date range with BETWEEN': { sql: (s) => `SELECT Id, Scheduled FROM Calls WHERE Scheduled BETWEEN '${at(s, 20)}' AND '${at(s, 60)}'` },
  'date literal without time': { sql: (s) => `SELECT Id FROM Calls WHERE Scheduled >= '${day(s, 30)}' AND Scheduled < '${day(s, 90)}'` },
  'folded constant: the last 60 days': { sql: () => `SELECT Id FROM Calls WHERE Scheduled >= date('now', '-60 days')` },
  'strftime grouping by month': { sql: () => `SELECT strftime('%Y-%m', Scheduled) AS month, count(*) FROM Calls GROUP BY month ORDER BY month`, ordered: true },
  'boolean = 1': { sql: () => `SELECT Id FROM Calls WHERE IsPrivate = 1` },
  'boolean NOT': { sql: () => `SELECT Id, EmailAddress FROM Users WHERE NOT Active` },
  'boolean as true': { sql: () => `SELECT count(*) FROM Users WHERE Active = true` },
  'integer compared with text (SQLite affinity)': { sql: () => `SELECT Id FROM Calls WHERE Duration > '600'` },
  'integer compared with numeric text SQLite converts': { sql: () => `SELECT Id FROM Calls WHERE Duration >= '6e2' AND Duration < ' 1200'` },
  'NULL tests': { sql: () => `SELECT Id FROM Calls WHERE Title IS NULL OR SdrDisposition IS NOT NULL` },
  'ORDER BY LIMIT OFFSET': { sql: () => `SELECT Id, Duration FROM Calls ORDER BY Duration DESC, Id LIMIT 5 OFFSET 3`, ordered: true },
  'LIMIT without ORDER BY': { sql: () => `SELECT Id FROM Calls LIMIT 7`, countOnly: true },
  'LIMIT on a filtered read': { sql: (s) => `SELECT Id FROM Calls WHERE Scheduled >= '${at(s, 20)}' LIMIT 4`, countOnly: true },
  'DISTINCT, CASE and a CTE': { sql: () => `WITH long AS (SELECT Id, CASE WHEN Duration > 1800 THEN 'long' ELSE 'short' END AS kind FROM Calls) SELECT DISTINCT kind FROM long` },
  'UNION of two objects': { sql: () => `SELECT Id FROM Workspaces UNION SELECT WorkspaceId FROM Calls` },
  'IN subquery (keys from another object)': { sql: (s) => `SELECT CallId, Name FROM CallParties WHERE CallId IN (SELECT Id FROM Calls WHERE Scheduled >= '${at(s, 50)}')` },
  'correlated subquery': { sql: () => `SELECT c.Id, (SELECT count(*) FROM CallParties p WHERE p.CallId = c.Id) AS parties FROM Calls c` },
  'a statistic only the engine has (median)': { sql: () => `SELECT WorkspaceId, median(Duration) FROM Calls GROUP BY WorkspaceId` },
  'transcripts of one call, in order': { sql: (s) => `SELECT SpeakerName, StartMs, Text FROM CallTranscripts WHERE CallId = '${call(s, 3)}' ORDER BY StartMs, Text`, ordered: true },
  'transcript word search over a window of calls': { sql: (s) => `SELECT t.CallId, count(*) AS hits FROM CallTranscripts t WHERE t.CallId IN (SELECT Id FROM Calls WHERE Scheduled >= '${at(s, 60)}') AND t.Text LIKE '%roadmap%' GROUP BY t.CallId` },
  'scorecard questions joined to their scorecards': { sql: () => `SELECT s.ScorecardName, count(q.QuestionId) FROM ScoreCards s LEFT JOIN ScoreCardQuestions q ON q.ScorecardId = s.ScorecardId GROUP BY s.ScorecardId` },
  'the whole of a small object': { sql: () => `SELECT * FROM Workspaces` },
};

describe('the same rows on the live sandbox, a SQLite mirror and a PostgreSQL mirror', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let postgres: TestPostgres;
  let dir: string;
  const mirrors: { name: string; destination: Destination }[] = [];

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 150 });
    client = connect(sandbox);
    dir = await mkdtemp(join(tmpdir(), 'gongsql-mirror-query-'));
    postgres = await startPostgres();
    mirrors.push({ name: 'SQLite', destination: await openDestination(join(dir, 'gong.sqlite')) });
    mirrors.push({ name: 'PostgreSQL', destination: await openDestination(await postgres.createDatabase()) });
    for (const m of mirrors) {
      await syncMirror(client, m.destination);
      // The mirror holds every visible call, so a filter on the live side can find nothing it lacks.
      assert.equal((await m.destination.rowCounts()).get('Calls'), sandbox.store.visibleCalls.length);
    }
  });
  after(async () => {
    for (const m of mirrors) await m.destination.close();
    await client.close();
    await sandbox.close();
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const live = (sql: string) => execute(sql, { client, connectionId: 'live', confirm: async () => true });
  const onMirror = (destination: Destination, sql: string, options: Partial<RunOptions> = {}) => execute(sql, { mirror: destination, connectionId: 'mirror', ...options });

  for (const [name, c] of Object.entries(CORPUS)) {
    it(name, async () => {
      const sql = c.sql(sandbox);
      const [expected] = await live(sql);
      const seq = sandbox.log.lastSeq;
      for (const m of mirrors) {
        for (const pushdown of [true, false]) {
          const [got] = await onMirror(m.destination, sql, { pushdown });
          const where = `${m.name}${pushdown ? '' : ' (no pushdown)'}`;
          assert.deepEqual(got!.columns.map((col) => col.name), expected!.columns.map((col) => col.name), `${where}: columns`);
          assert.deepEqual(shape(got!, c), shape(expected!, c), `${where}: rows`);
          assert.equal(got!.stats.apiCalls, 0, where);
        }
      }
      assert.equal(sandbox.log.since(seq).length, 0, 'a mirror sends no request');
    });
  }
});

/** Rows as the case compares them: in order, as a sorted multiset, or only how many. */
function shape(result: StatementResult, c: Case): unknown {
  if (c.countOnly) return result.rows.length;
  const rows = result.rows.map((r) => JSON.stringify(r));
  return c.ordered ? rows : rows.sort();
}
