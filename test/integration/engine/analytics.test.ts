import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { SandboxCall, User } from '../../../src/sandbox/data/model';
import { isAnswered } from '../../../src/sandbox/data/analytics';
import { connect } from '../../helpers/connect';
import {
  ANALYTICS_QUERIES, CALLS_PER_OUTCOME, DAY_BY_DAY_ACTIVITY_PER_TEAM, DEAL_STAGE_AT_CALL_VS_NOW, LONGEST_MONOLOGUES_LAST_30_DAYS,
  QUESTION_RATE_VS_WIN_RATE, readmeBlock, TALK_RATIO_BY_REP_PER_MONTH, type AnalyticsQuery,
} from './analyticsQueries';

/**
 * The analytics queries of the README, run on the sandbox over HTTP: each answers what
 * analysts ask of Gong, and its answer is checked against the sandbox's own data.
 */

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Adds one to `key`'s count. */
const count = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

describe('analytics queries on the sandbox', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let calls: SandboxCall[];
  let users: Map<string, User>;
  const run = async (query: AnalyticsQuery) => {
    // Yes to the cost question, as a user running the README's query would answer.
    const result = (await execute(query.sql, { client, connectionId: 'sb', useCache: false, confirm: async () => true }))[0] as StatementResult;
    // Rows as objects by column name, so the checks read as the query's own words.
    return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])) as Record<string, any>);
  };
  const repEmail = (id: string) => users.get(id)!.emailAddress;
  const since = (day: string) => calls.filter((c) => c.meta.scheduled! >= day);

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 4000, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
    calls = sandbox.store.visibleCalls.filter((c) => c.analytics);
    users = new Map(sandbox.world.users.map((u) => [u.id, u]));
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('README.md shows exactly these queries, in its "Conversation analytics" section', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Conversation analytics'));
    let at = 0;
    for (const query of ANALYTICS_QUERIES) {
      const found = section.indexOf(readmeBlock(query), at);
      assert.ok(found >= 0, `README.md's "Conversation analytics" shows ${query.title} as in test/integration/engine/analyticsQueries.ts, in order:\n${readmeBlock(query)}`);
      at = found;
    }
  });

  it('talk ratio by rep per month: each rep\'s monthly average, and reps and months differ', async () => {
    const rows = await run(TALK_RATIO_BY_REP_PER_MONTH);
    const ratios = new Map<string, number[]>();
    for (const c of since('2026-09-01').filter(isAnswered)) {
      const key = `${repEmail(c.meta.primaryUserId)} ${c.meta.scheduled!.slice(0, 7)}`;
      ratios.set(key, [...(ratios.get(key) ?? []), c.analytics!.talkRatio]);
    }
    assert.deepEqual(new Set(rows.map((r) => `${r.Rep} ${r.Month}`)), new Set(ratios.keys()));
    for (const r of rows) {
      const want = ratios.get(`${r.Rep} ${r.Month}`)!;
      assert.equal(r.Calls, want.length);
      assert.ok(Math.abs(r.TalkRatio - mean(want)) <= 0.005 + 1e-9, `${r.Rep} ${r.Month}: ${r.TalkRatio} vs ${mean(want)}`);
    }
    // Reps differ: among reps with 6 calls or more, their averages over the months lie far apart.
    const perRep = [...new Set(rows.map((r) => r.Rep))].map((rep) => rows.filter((r) => r.Rep === rep))
      .filter((months) => months.reduce((n, r) => n + r.Calls, 0) >= 6)
      .map((months) => months.reduce((sum, r) => sum + r.TalkRatio * r.Calls, 0) / months.reduce((n, r) => n + r.Calls, 0));
    assert.ok(perRep.length >= 5, `reps with 6 calls: ${perRep.length}`);
    assert.ok(Math.max(...perRep) - Math.min(...perRep) > 0.1, `reps' talk ratios differ: ${perRep.join(', ')}`);
  });

  it('longest monologues of the last 30 days: the five longest, outliers far above a typical call', async () => {
    const rows = await run(LONGEST_MONOLOGUES_LAST_30_DAYS);
    const recent = since('2026-10-27').map((c) => c.analytics!.longestMonologue).sort((a, b) => b - a);
    assert.deepEqual(rows.map((r) => r.LongestMonologue), recent.slice(0, 5));
    const median = recent[Math.floor(recent.length / 2)]!;
    assert.ok(rows[0]!.LongestMonologue > 2 * median, `the longest (${rows[0]!.LongestMonologue}s) is an outlier next to the median ${median}s`);
    assert.ok(rows.every((r) => /@/.test(r.Rep)), 'each is named by its rep');
  });

  it('deal stage at call time vs now: every opportunity\'s move since the call, counted', async () => {
    const seq = sandbox.log.lastSeq;
    const rows = await run(DEAL_STAGE_AT_CALL_VS_NOW);
    // One read with both timings (the log keeps 2,000 characters of a body: the first request is whole).
    assert.deepEqual(JSON.parse(sandbox.log.since(seq)[0]!.body!).contentSelector, { context: 'Extended', contextTiming: ['Now', 'TimeOfCall'], exposedFields: {} });
    const moves = new Map<string, number>();
    for (const c of since('2026-10-01').filter((c) => c.context.length > 0)) count(moves, `${c.analytics!.stageAtCall} → ${c.analytics!.stageNow}`);
    assert.deepEqual(new Map(rows.map((r) => [`${r.StageAtCall} → ${r.StageNow}`, r.Calls])), moves);
    assert.ok(rows.some((r) => r.StageNow === 'Closed Won') && rows.some((r) => r.StageNow === 'Closed Lost'), 'deals closed since their calls, both ways');
  });

  it('calls per outcome: the count of each outcome, dialer and meeting ones', async () => {
    const rows = await run(CALLS_PER_OUTCOME);
    const outcomes = new Map<string, number>();
    for (const c of since('2026-09-01')) if (c.analytics!.outcome) count(outcomes, `${c.analytics!.outcome.category}/${c.analytics!.outcome.name}`);
    assert.deepEqual(new Map(rows.map((r) => [`${r.Category}/${r.Outcome}`, r.Calls])), outcomes);
    const names = new Set(rows.map((r) => r.Outcome));
    assert.ok(['Left voicemail', 'Meeting booked', 'Next steps set'].every((n) => names.has(n)) && rows.length >= 8, 'dialer and meeting outcomes');
    assert.deepEqual(new Set(rows.map((r) => r.Category)), new Set(['ANSWERED', 'NOT_ANSWERED']), "the categories of Gong's outcome list");
    assert.ok(rows[0]!.Calls > 2 * rows.at(-1)!.Calls, 'some outcomes are much commoner than others');
  });

  it('question rate vs win rate: calls with more questions end in won deals more often', async () => {
    const rows = await run(QUESTION_RATE_VS_WIN_RATE);
    const band = (perHour: number) => (perHour < 10 ? 'under 10' : perHour < 15 ? '10 to 15' : perHour < 20 ? '15 to 20' : '20 or more');
    const bands = new Map<string, { calls: number; won: number }>();
    for (const c of since('2026-05-01').filter((c) => c.context.length > 0 && c.meta.duration > 0)) {
      const key = band((c.analytics!.companyQuestions * 3600) / c.meta.duration);
      const b = bands.get(key) ?? { calls: 0, won: 0 };
      bands.set(key, { calls: b.calls + 1, won: b.won + (c.analytics!.stageNow === 'Closed Won' ? 1 : 0) });
    }
    assert.deepEqual(rows.map((r) => r.QuestionsPerHour), ['under 10', '10 to 15', '15 to 20', '20 or more'].filter((b) => bands.has(b)), 'bands in order');
    for (const r of rows) {
      const want = bands.get(r.QuestionsPerHour)!;
      assert.equal(r.Calls, want.calls);
      assert.ok(Math.abs(r.WinRate - want.won / want.calls) <= 0.005 + 1e-9, `${r.QuestionsPerHour}: ${r.WinRate} vs ${want.won}/${want.calls}`);
    }
    // The sandbox's better reps ask more and win more: the most questioning band wins clearly more often than the least.
    assert.ok(rows.length >= 3 && rows.at(-1)!.WinRate > rows[0]!.WinRate + 0.1, `win rates by band: ${rows.map((r) => `${r.QuestionsPerHour} ${r.WinRate}`).join(', ')}`);
  });

  it('day-by-day activity per team: the calls each manager\'s reps hosted, every day', async () => {
    const rows = await run(DAY_BY_DAY_ACTIVITY_PER_TEAM);
    // The same figure from the sandbox's calls: hosted calls per day and per the host's manager.
    const expected = new Map<string, number>();
    for (const call of sandbox.store.visibleCalls) {
      const day = call.meta.started.slice(0, 10);
      const manager = users.get(users.get(call.meta.primaryUserId)?.managerId ?? '');
      if (day < '2026-11-01' || day >= '2026-11-15' || !manager) continue;
      count(expected, `${day} ${manager.firstName} ${manager.lastName}`);
    }
    assert.deepEqual(new Map(rows.filter((r) => r.CallsHosted > 0).map((r) => [`${r.Date} ${r.Team}`, r.CallsHosted])), expected);

    // A team is on a day when one of its reps did something that day: attending or listening without hosting counts too.
    assert.ok(new Set(rows.map((r) => r.Date)).size >= 10);
    assert.ok(rows.some((r) => r.CallsHosted === 0));
    // Teams differ: the busiest team hosts more than the quietest.
    const perTeam = [...new Set(rows.map((r) => r.Team))].map((t) => rows.filter((r) => r.Team === t).reduce((n, r) => n + r.CallsHosted, 0));
    assert.ok(Math.max(...perTeam) > Math.min(...perTeam), `teams vary (${perTeam.join(', ')})`);
  });
});
