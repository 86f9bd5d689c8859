import { execute } from '../engine/run/engine';
import { QueryCache } from '../engine/run/cache';
import { GongClient } from '../gong/http/client';
import { startSandbox } from '../sandbox';
import { formatResult } from './output';

/** Queries that show pushdown, joins over JSON, local evaluation and the cache, with what each costs. */
const EXAMPLES: { title: string; sql: (ws: string) => string }[] = [
  { title: 'Workspaces (one request)', sql: () => 'SELECT Id, Name, Description FROM Workspaces' },
  {
    title: 'Calls of the last 7 days in one workspace: both filters are sent to Gong',
    sql: (ws) => `SELECT Id, Started, Direction, Duration, Title FROM Calls
WHERE WorkspaceId = '${ws}' AND Scheduled >= date('now', '-7 days') LIMIT 10`,
  },
  {
    title: 'Who talks most: a join and GROUP BY evaluated locally in SQLite',
    sql: (ws) => `SELECT u.FirstName || ' ' || u.LastName AS Host, count(*) AS Calls, round(avg(c.Duration) / 60.0, 1) AS AvgMinutes
FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId
WHERE c.WorkspaceId = '${ws}' AND c.Scheduled >= date('now', '-30 days')
GROUP BY Host ORDER BY Calls DESC LIMIT 5`,
  },
  {
    title: 'The same query again: answered from the cache, 0 API calls',
    sql: (ws) => `SELECT u.FirstName || ' ' || u.LastName AS Host, count(*) AS Calls, round(avg(c.Duration) / 60.0, 1) AS AvgMinutes
FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId
WHERE c.WorkspaceId = '${ws}' AND c.Scheduled >= date('now', '-30 days')
GROUP BY Host ORDER BY Calls DESC LIMIT 5`,
  },
  {
    title: 'Scorecard questions from structured JSON',
    sql: () => `SELECT s.ScorecardName, json_extract(q.value, '$.questionText') AS Question, json_extract(q.value, '$.questionType') AS Type
FROM ScoreCards s, json_each(s.Questions) q LIMIT 6`,
  },
  {
    title: 'EXPLAIN: what would be sent to Gong',
    sql: (ws) => `EXPLAIN SELECT * FROM Calls c JOIN CallParties p ON p.CallId = c.Id
WHERE c.WorkspaceId = '${ws}' AND c.Scheduled BETWEEN '2026-01-01' AND '2026-02-01' AND p.Affiliation = 'External'`,
  },
];

/**
 * `npm run demo`: a sandbox that enforces Gong's 3 requests/s, and example queries printed
 * as tables with the API calls each cost.
 */
export async function demoCommand(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const sandbox = await startSandbox();
  const client = new GongClient({
    baseUrl: sandbox.url,
    connectionId: 'sandbox',
    credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
  });
  const cache = new QueryCache();
  const workspace = sandbox.world.workspaces[0]?.id ?? '';
  try {
    out.write(`Gong API sandbox at ${sandbox.url}: seed 42, 2,000 calls, Gong's 3 requests/s enforced.\n\n`);
    for (const example of EXAMPLES) {
      const sql = example.sql(workspace);
      out.write(`── ${example.title}\n${sql}\n\n`);
      const [result] = await execute(sql, { client, connectionId: 'sandbox', cache });
      if (!result) continue;
      out.write(formatResult(result, 'table'));
      out.write(`${result.messages.join('\n')}\n\n`);
    }
    out.write(`Total API calls made: ${sandbox.log.entries().length}\n`);
    return 0;
  } catch (error) {
    err.write(`demo failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await client.close();
    await sandbox.close();
  }
}
