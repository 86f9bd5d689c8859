import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { STATS_DEFAULT_DAYS } from '../../../src/gong/catalog/stats';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect, select } from '../../helpers/connect';
import { call } from '../../helpers/sandboxClient';

const ANCHOR = Date.parse('2026-11-26T00:00:00Z');
const WINDOW = { fromDate: '2026-10-01', toDate: '2026-11-01' };

describe('user stats: sandbox routes, connector and SQL', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const sql = async (text: string) => (await execute(text, { client, connectionId: 'sb', useCache: false }))[0] as StatementResult;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 3000, anchorMs: ANCHOR });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('the window is required, named in the 400, and may not end after today', async () => {
    for (const path of ['/v2/stats/activity/aggregate', '/v2/stats/activity/day-by-day', '/v2/stats/interaction']) {
      const noFilter = await call(sandbox, 'POST', path, { body: {} });
      assert.equal(noFilter.status, 400);
      assert.deepEqual(noFilter.json.errors, ['filter is required']);
      const noFrom = await call(sandbox, 'POST', path, { body: { filter: { toDate: '2026-11-01' } } });
      assert.deepEqual([noFrom.status, noFrom.json.errors], [400, ['filter.fromDate is required']]);
      const future = await call(sandbox, 'POST', path, { body: { filter: { fromDate: '2026-11-01', toDate: '2099-01-01' } } });
      assert.deepEqual([future.status, future.json.errors], [400, ['filter.toDate must not be after the current day']]);
    }
    const noPeriod = await call(sandbox, 'POST', '/v2/stats/activity/aggregate-by-period', { body: { filter: WINDOW } });
    assert.deepEqual([noPeriod.status, noPeriod.json.errors], [400, ['aggregationPeriod is required: one of DAY, WEEK, MONTH, QUARTER, YEAR']]);
  });

  it('day by day needs its own scope: a token with the aggregate scope only gets 403 naming it', async () => {
    const scoped = await startSandbox({ rateLimit: false, scale: 200, anchorMs: ANCHOR, bearerTokens: [{ token: 'tok-stats', scopes: ['api:stats:user-actions'] }] });
    try {
      const body = { filter: { fromDate: '2026-01-01', toDate: '2026-11-01' } };
      const options = { body, authorization: 'Bearer tok-stats' };
      assert.equal((await call(scoped, 'POST', '/v2/stats/activity/aggregate', options)).status, 200);
      const forbidden = await call(scoped, 'POST', '/v2/stats/activity/day-by-day', options);
      assert.equal(forbidden.status, 403);
      assert.match(forbidden.json.errors[0], /api:stats:user-actions:detailed/);
      assert.equal((await call(scoped, 'POST', '/v2/stats/interaction', options)).status, 403);
    } finally {
      await scoped.close();
    }
  });

  it('engagement grows over time: more listening and sharing in the last half year than a year before', async () => {
    const sum = async (from: string, to: string) => (await sql(`SELECT sum(OwnCallsListenedTo + OthersCallsListenedTo + CallsSharedInternally + CallsSharedExternally) FROM UserActivityStats WHERE FromDate >= '${from}' AND ToDate <= '${to}'`)).rows[0]![0] as number;
    const recent = await sum('2026-05-01', '2026-10-31');
    const earlier = await sum('2025-06-01', '2025-11-30');
    assert.ok(recent > earlier * 1.2, `${recent} recent vs ${earlier} a year before`);
  });

  it('a window with no activity is 404, as Gong answers empty results', async () => {
    const none = await call(sandbox, 'POST', '/v2/stats/activity/aggregate', { body: { filter: { fromDate: '1990-01-01', toDate: '1990-02-01' } } });
    assert.deepEqual([none.status, none.json.errors], [404, ['No stats found corresponding to the provided filters']]);
  });

  it('users are paged by a body cursor, 100 a page', async () => {
    const first = await call(sandbox, 'POST', '/v2/stats/activity/aggregate', { body: { filter: { fromDate: '2025-06-01', toDate: '2026-11-26' } } });
    assert.equal(first.json.usersAggregateActivityStats.length, 100);
    assert.ok(first.json.records.cursor);
    const second = await call(sandbox, 'POST', '/v2/stats/activity/aggregate', { body: { cursor: first.json.records.cursor, filter: { fromDate: '2025-06-01', toDate: '2026-11-26' } } });
    const ids = [...first.json.usersAggregateActivityStats, ...second.json.usersAggregateActivityStats].map((u: { userId: string }) => u.userId);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, first.json.records.totalRecords);
  });

  it('calls hosted per user and day are the calls of the sandbox, day by day', async () => {
    const hosted = await sql(`SELECT UserId, Date, CallsAsHost FROM UserActivityDayByDay WHERE Date >= '${WINDOW.fromDate}' AND Date < '${WINDOW.toDate}' AND CallsAsHost > 0`);
    const expected = new Map<string, number>();
    for (const c of sandbox.store.callsInWindow(undefined, undefined)) {
      const day = c.meta.started.slice(0, 10);
      if (day >= WINDOW.fromDate && day < WINDOW.toDate) expected.set(`${c.meta.primaryUserId} ${day}`, (expected.get(`${c.meta.primaryUserId} ${day}`) ?? 0) + 1);
    }
    assert.deepEqual(new Map(hosted.rows.map((r) => [`${r[0]} ${r[1]}`, r[2]])), expected);
    assert.equal(hosted.stats.apiCalls, 2, 'one request per 100 users');
  });

  it('day by day keeps the days with activity, whatever the window read; its ids join Calls', async () => {
    const wire = await call(sandbox, 'POST', '/v2/stats/activity/day-by-day', { body: { filter: WINDOW } });
    const listed = wire.json.usersDetailedActivities.flatMap((u: { userDailyActivityStats: unknown[] }) => u.userDailyActivityStats);
    assert.equal(listed.length, 31 * wire.json.usersDetailedActivities.length, 'Gong lists every day of the window');
    const rows = (text: string) => sql(`SELECT UserId, Date, CallsAsHost, OthersCallsListenedTo FROM UserActivityDayByDay WHERE ${text} AND Date >= '2026-10-10' AND Date < '2026-10-20' ORDER BY 1, 2`);
    const narrow = await rows(`Date >= '2026-10-10' AND Date < '2026-10-20'`);
    const wide = await rows(`Date >= '${WINDOW.fromDate}' AND Date < '${WINDOW.toDate}'`);
    assert.ok(narrow.rows.length > 0 && narrow.rows.length < 10 * 150, 'quiet days are not rows');
    assert.deepEqual(narrow.rows, wide.rows);
    const joined = await sql(`SELECT count(*), sum(c.Id IS NOT NULL) FROM UserActivityDayByDay d, json_each(d.CallsAsHostCallIds) j LEFT JOIN Calls c ON c.Id = j.value WHERE d.Date >= '2026-11-01'`);
    const [count, found] = joined.rows[0] as number[];
    assert.ok(count! > 0);
    assert.equal(found, count);
  });

  it('the aggregate, the periods and the days agree; activity varies per rep', async () => {
    const total = await sql(`SELECT sum(CallsAsHost), sum(OthersCallsListenedTo), max(OthersCallsListenedTo), min(FromDate), max(ToDate) FROM UserActivityStats WHERE FromDate >= '2026-05-01' AND ToDate <= '2026-10-31'`);
    const byMonth = await sql(`SELECT sum(CallsAsHost), sum(OthersCallsListenedTo) FROM UserActivityByPeriod WHERE Period = 'MONTH' AND PeriodStart >= '2026-05-01' AND PeriodStart < '2026-11-01'`);
    const [hosted, listened, most, from, to] = total.rows[0] as [number, number, number, string, string];
    assert.deepEqual([from, to], ['2026-05-01', '2026-10-31']);
    assert.deepEqual(byMonth.rows, [[hosted, listened]]);
    assert.equal(byMonth.stats.apiCalls, 2, 'Period = pushed: one period, two pages of users');
    assert.ok(listened > 0 && most > 2 * (listened / 150), `a coach listens far more than average (${most} of ${listened})`);
    const months = await sql(`SELECT PeriodStart, PeriodEnd FROM UserActivityByPeriod WHERE Period = 'MONTH' AND UserId = (SELECT Id FROM Users LIMIT 1) AND PeriodStart >= '2026-05-15' AND PeriodStart < '2026-07-01'`);
    assert.deepEqual(months.rows, [['2026-05-15', '2026-05-31'], ['2026-06-01', '2026-06-30']], 'the first period is cut to the window; PeriodEnd is its last day, included');
  });

  it('interaction stats vary per rep, with outliers, and are read for the users asked for', async () => {
    const all = await select(client, 'UserInteractionStats', [{ column: 'FromDate', op: '>=', value: '2026-01-01' }]);
    const ratios = all.rows.map((r) => r.TalkRatio as number);
    assert.ok(Math.max(...ratios) > 0.75 && Math.min(...ratios) < 0.5, `talk ratios spread (${Math.min(...ratios)}..${Math.max(...ratios)})`);
    const some = all.rows.slice(0, 3).map((r) => r.UserId as string);
    const picked = await sql(`SELECT UserId, TalkRatio, Stats FROM UserInteractionStats WHERE FromDate >= '2026-01-01' AND UserId IN (${some.map((id) => `'${id}'`).join(', ')}) ORDER BY UserId`);
    assert.deepEqual(picked.rows.map((r) => r[0]), [...some].sort());
    assert.equal(picked.stats.apiCalls, 1);
    assert.equal(JSON.parse(picked.rows[0]![2] as string).length, 6);
  });

  it(`without a start the read covers the ${STATS_DEFAULT_DAYS} days before today, and EXPLAIN says so`, async () => {
    const explained = await sql('EXPLAIN SELECT * FROM UserActivityDayByDay');
    const [, , request, native, , calls] = explained.rows[0] as string[];
    assert.equal(request, 'POST /v2/stats/activity/day-by-day (100 per page)');
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const start = new Date(Date.parse(`${tomorrow}T00:00:00Z`) - STATS_DEFAULT_DAYS * 86_400_000).toISOString().slice(0, 10);
    assert.equal(native, `(none) → filter.fromDate=${start}, filter.toDate=${tomorrow}`);
    assert.match(String(calls), new RegExp(`no start given: the ${STATS_DEFAULT_DAYS} days before ${tomorrow}`));
    const read = await sql('SELECT min(Date), max(Date) FROM UserActivityDayByDay');
    const [first, last] = read.rows[0] as string[];
    assert.ok(first! >= start && first! < new Date(Date.parse(start) + 3 * 86_400_000).toISOString().slice(0, 10), `${first} starts the default window`);
    assert.ok(last! <= today);
  });

  it('a window left open says in the statement\'s messages what was read instead, naming the filter that closes it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // Besides the count of rows and calls every statement ends with.
    const said = (r: StatementResult) => r.messages.filter((m) => !/^\d+ rows? in /.test(m));
    const noEnd = await sql("SELECT count(*) FROM UserActivityStats WHERE FromDate >= '2026-10-01'");
    assert.deepEqual(said(noEnd), [`UserActivityStats read 2026-10-01 to ${today}, both included: with no end (ToDate <= '…') the window ends today.`]);
    const noStart = await sql("SELECT count(*) FROM UserInteractionStats WHERE ToDate <= '2026-10-31'");
    assert.deepEqual(said(noStart), [`UserInteractionStats read 2026-10-02 to 2026-10-31, both included: with no start (FromDate >= '…') the window is the ${STATS_DEFAULT_DAYS} days to its end.`]);
    const none = await sql('SELECT count(*) FROM UserActivityDayByDay');
    assert.match(said(none).join(), /^UserActivityDayByDay read \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, both included: with no window \(Date >= '…', Date <= '…'\) it is the 30 days to today\.$/);
    const closed = await sql("SELECT count(*) FROM UserActivityStats WHERE FromDate = '2026-10-01' AND ToDate = '2026-10-31'");
    assert.deepEqual(said(closed), []);
  });

  it('PeriodStart = reads the one period whole: the same totals as the period\'s days, where the default window would have cut it', async () => {
    const month = await sql("SELECT UserId, CallsAsHost, PeriodStart, PeriodEnd FROM UserActivityByPeriod WHERE Period = 'MONTH' AND PeriodStart = '2026-09-01' ORDER BY UserId");
    const days = await sql("SELECT UserId, sum(CallsAsHost) FROM UserActivityDayByDay WHERE Date >= '2026-09-01' AND Date <= '2026-09-30' GROUP BY UserId HAVING sum(CallsAsHost) > 0 ORDER BY UserId");
    assert.deepEqual(month.rows.filter((r) => (r[1] as number) > 0).map((r) => [r[0], r[1]]), days.rows);
    assert.ok(month.rows.every((r) => r[2] === '2026-09-01' && r[3] === '2026-09-30'), 'September, its last day included');
    assert.equal(month.stats.apiCalls, 2, 'one period, two pages of users');
    await assert.rejects(sql("SELECT * FROM UserActivityByPeriod WHERE Period = 'MONTH' AND PeriodStart = '2026-09-15'"), /PeriodStart = '2026-09-15' is not the first day of a MONTH/);
  });

  it("strict > and < on a window read the days whose rows they keep: trial 16's query returns the window it names", async () => {
    const strict = await sql("SELECT UserId, FromDate, ToDate, CallsAsHost FROM UserActivityStats WHERE ToDate < '2026-10-31' AND FromDate > '2026-10-01' ORDER BY UserId");
    const inclusive = await sql("SELECT UserId, FromDate, ToDate, CallsAsHost FROM UserActivityStats WHERE FromDate >= '2026-10-02' AND ToDate <= '2026-10-30' ORDER BY UserId");
    assert.ok(strict.rows.length > 10, `${strict.rows.length} rows, not 0`);
    assert.deepEqual(strict.rows, inclusive.rows);
    assert.ok(strict.rows.every((r) => r[1] === '2026-10-02' && r[2] === '2026-10-30'));
    await assert.rejects(sql("SELECT * FROM UserActivityStats WHERE FromDate = '2026-10-01T10:00:00Z'"), /FromDate holds days \('YYYY-MM-DD'\), which a date-time never equals: write FromDate = '2026-10-01'/);
  });

  it('UserActivityByPeriod without Period is refused before any request, listing the periods; Period IN reads those it names', async () => {
    const before = sandbox.log.lastSeq;
    await assert.rejects(sql("SELECT Period, count(*) FROM UserActivityByPeriod WHERE PeriodStart >= '2026-10-01' GROUP BY 1"),
      /UserActivityByPeriod needs a filter Gong requires: WHERE Period = '…' or IN \(…\) \(Period is one of DAY, WEEK, MONTH, QUARTER, YEAR\)/);
    assert.equal(sandbox.log.since(before).length, 0, 'no request');
    const two = await sql("SELECT Period, count(*) FROM UserActivityByPeriod WHERE Period IN ('MONTH', 'QUARTER') AND PeriodStart >= '2026-10-01' GROUP BY 1 ORDER BY 1");
    assert.deepEqual(two.rows.map((r) => r[0]), ['MONTH', 'QUARTER']);
  });

  it('AnsweredScorecardAnswers has a row per answer, joinable with the questions', async () => {
    const answers = await sql("SELECT count(*), sum(Score IS NOT NULL), count(DISTINCT AnsweredScorecardId) FROM AnsweredScorecardAnswers WHERE ReviewTime >= '2026-06-01'");
    const cards = await sql("SELECT sum(json_array_length(Answers)), count(*) FROM AnsweredScorecards WHERE ReviewTime >= '2026-06-01'");
    const [rows, scored, distinct] = answers.rows[0] as number[];
    assert.deepEqual([rows, distinct], cards.rows[0]);
    assert.ok(scored! > 0);
    const overall = await sql(`SELECT q.QuestionText, a.ReviewMethod, round(avg(a.Score), 2), min(a.Score), max(a.Score)
      FROM AnsweredScorecardAnswers a JOIN ScoreCardQuestions q ON q.QuestionId = a.QuestionId
      WHERE a.ReviewTime >= '2026-06-01' AND a.IsOverall = 1 GROUP BY 1, 2`);
    assert.ok(overall.rows.length > 0);
    for (const [text, , , min, max] of overall.rows) assert.deepEqual([text, (min as number) >= 1, (max as number) <= 5], ['Overall, how did the call go?', true, true]);
  });

  it('AnsweredScorecards pushes ReviewMethod', async () => {
    const manual = await sql("SELECT DISTINCT ReviewMethod FROM AnsweredScorecards WHERE ReviewMethod = 'MANUAL'");
    assert.deepEqual(manual.rows, [['MANUAL']]);
    const explained = await sql("EXPLAIN SELECT * FROM AnsweredScorecards WHERE ReviewMethod = 'AUTOMATIC'");
    assert.match(String(explained.rows[0]![3]), /reviewMethod=AUTOMATIC/);
  });
});
