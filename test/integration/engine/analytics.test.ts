import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/**
 * The analytics queries of the README, run on the sandbox over HTTP: each answers what
 * analysts ask of Gong, and its answer is checked against the sandbox's own data.
 */

/** A team is a manager's direct reports (Users.ManagerId); the team is named by its manager. */
export const DAY_BY_DAY_ACTIVITY_PER_TEAM = `
SELECT d.Date,
       m.FirstName || ' ' || m.LastName AS Team,
       count(DISTINCT CASE WHEN d.CallsAsHost + d.CallsAttended > 0 THEN d.UserId END) AS RepsOnCalls,
       sum(d.CallsAsHost) AS CallsHosted,
       sum(d.CallsAttended) AS CallsAttended,
       sum(d.OwnCallsListenedTo + d.OthersCallsListenedTo) AS CallsListenedTo,
       sum(d.CallsReceivedFeedback) AS CallsWithFeedback
FROM UserActivityDayByDay d
JOIN Users u ON u.Id = d.UserId
JOIN Users m ON m.Id = u.ManagerId
WHERE d.Date >= '2026-11-01' AND d.Date < '2026-11-15'
GROUP BY d.Date, m.Id
ORDER BY d.Date, Team`;

describe('analytics queries on the sandbox', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const sql = async (text: string) => (await execute(text, { client, connectionId: 'sb', useCache: false }))[0] as StatementResult;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 4000, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('day-by-day activity per team: the calls each manager\'s reps hosted, every day', async () => {
    const result = await sql(DAY_BY_DAY_ACTIVITY_PER_TEAM);
    const column = (name: string) => result.columns.findIndex((c) => c.name === name);
    const [date, team, hosted] = [column('Date'), column('Team'), column('CallsHosted')];

    // The same figure from the sandbox's calls: hosted calls per day and per the host's manager.
    const users = new Map(sandbox.world.users.map((u) => [u.id, u]));
    const expected = new Map<string, number>();
    for (const call of sandbox.store.visibleCalls) {
      const day = call.meta.started.slice(0, 10);
      const manager = users.get(users.get(call.meta.primaryUserId)?.managerId ?? '');
      if (day < '2026-11-01' || day >= '2026-11-15' || !manager) continue;
      const key = `${day} ${manager.firstName} ${manager.lastName}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(result.rows.filter((r) => (r[hosted] as number) > 0).map((r) => [`${r[date]} ${r[team]}`, r[hosted]]));
    assert.deepEqual(got, expected);

    // A team is on a day when one of its reps did something that day: attending or listening without hosting counts too.
    assert.ok(new Set(result.rows.map((r) => r[date])).size >= 10);
    assert.ok(result.rows.some((r) => r[hosted] === 0));
    // Teams differ: the busiest team-day hosts several times the average one.
    const perTeam = [...new Set(result.rows.map((r) => r[team]))].map((t) => result.rows.filter((r) => r[team] === t).reduce((n, r) => n + (r[hosted] as number), 0));
    assert.ok(Math.max(...perTeam) > Math.min(...perTeam), `teams vary (${perTeam.join(', ')})`);
  });
});
