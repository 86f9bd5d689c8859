import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type ConfirmRequest, type RunOptions, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { requestsDuring } from '../../helpers/sandboxClient';
import { QUESTION_RATE_VS_WIN_RATE, TALK_RATIO_BY_REP_PER_MONTH } from './analyticsQueries';

type ApiCalls = Extract<ConfirmRequest, { kind: 'apiCalls' }>;

/**
 * A statement of several reads is asked about with all of them counted, before it spends
 * them: each paged read's first page gives Gong's count of its pages (the page is kept, not
 * read again), and a read keyed by another's rows is costed from that count, so the question
 * comes before the keyed reads (and before the rest of the first read), not after.
 */
describe('the cost of every read of a statement, asked about before it is spent', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = async (sql: string, options: Partial<RunOptions> = {}): Promise<StatementResult> => {
    const [result] = await execute(sql, { client, connectionId: 'sb', useCache: false, confirmThreshold: 5, ...options });
    return result!;
  };
  /** A confirm that answers `answer`, keeping each question and how many requests Gong had seen when it was asked. */
  const asking = (answer: boolean) => {
    const asked: { request: ApiCalls; seenBefore: number }[] = [];
    const start = sandbox.log.lastSeq;
    const confirm = async (request: ConfirmRequest) => {
      asked.push({ request: request as ApiCalls, seenBefore: sandbox.log.since(start).length });
      return answer;
    };
    return { asked, confirm };
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 2000, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('reads keyed by Calls\' ids are costed from Gong\'s count of Calls: asked after Calls\' first page, and a no spends nothing more', async () => {
    const declined = asking(false);
    const sent = await requestsDuring(sandbox, () => assert.rejects(run(TALK_RATIO_BY_REP_PER_MONTH.sql, { confirm: declined.confirm }), /not run without confirmation/));
    assert.equal(declined.asked.length, 1);
    const [{ request, seenBefore }] = declined.asked as [{ request: ApiCalls; seenBefore: number }];
    assert.equal(seenBefore, 1, 'only the first page of Calls before the question');
    assert.equal(sent.length, 1, 'nothing after the no');
    const calls = sandbox.store.visibleCalls.filter((c) => c.meta.scheduled! >= '2026-09-01').length;
    const pages = Math.ceil(calls / 100);
    assert.ok(pages > 1, 'Calls takes several pages');
    assert.equal(request.estimate, 3 * pages, 'Calls\' pages, then a request per 100 of their ids for the stats and for the users');
    assert.match(request.detail ?? '', new RegExp(`CallInteractionStats: after c\\.Id is read: 1 request per 100 of its values × at most ${calls.toLocaleString('en-US')} values \\(Gong's count of Calls\\)`));

    const accepted = asking(true);
    const spent = await requestsDuring(sandbox, () => run(TALK_RATIO_BY_REP_PER_MONTH.sql, { confirm: accepted.confirm }));
    assert.equal(accepted.asked[0]!.seenBefore, 1);
    assert.ok(spent.length <= accepted.asked[0]!.request.estimate, `spent ${spent.length}, estimated ${accepted.asked[0]!.request.estimate}`);
    assert.equal(spent.filter((r) => r.method === 'GET' && r.path === '/v2/calls').length, pages, 'Calls\' first page is kept, not read again');
  });

  it('a per-call object read whole (joined through a CTE, so not by keys) is in the estimate: a yes spends exactly what was asked', async () => {
    const whole = QUESTION_RATE_VS_WIN_RATE.sql.replace('i.CallId = c.Id', 'i.CallId = d.CallId');
    const accepted = asking(true);
    let result: StatementResult | undefined;
    const spent = await requestsDuring(sandbox, async () => { result = await run(whole, { confirm: accepted.confirm }); });
    const [{ request, seenBefore }] = accepted.asked as [{ request: ApiCalls; seenBefore: number }];
    assert.equal(seenBefore, 3, 'the first page of each of the three reads, then the question');
    const stats = Math.ceil(sandbox.store.visibleCalls.filter((c) => c.analytics).length / 100);
    assert.match(request.detail ?? '', new RegExp(`CallInteractionStats: about ${stats} requests: Gong's count is [\\d,]+ records`));
    assert.equal(request.estimate, spent.length, 'every request counted, none spent twice');
    assert.equal(result!.stats.apiCalls, spent.length);
  });

  it('the README\'s question-rate query reads the stats of its calls by their ids, not the whole history', async () => {
    const explained = await run(`EXPLAIN ${QUESTION_RATE_VS_WIN_RATE.sql}`);
    const stats = explained.rows.find((r) => r[0] === 'CallInteractionStats') as string[];
    assert.equal(stats[3], 'CallId IN (the c.Id values read)');
    assert.match(stats[5]!, /^\d+ \(after c\.Id is read: 1 request per 100 of its values × at most [\d,]+ values \(Gong's count of Calls\)\)$/);
    const accepted = asking(true);
    const spent = await requestsDuring(sandbox, () => run(QUESTION_RATE_VS_WIN_RATE.sql, { confirm: accepted.confirm }));
    assert.ok(spent.length <= accepted.asked[0]!.request.estimate, `spent ${spent.length}, estimated ${accepted.asked[0]!.request.estimate}`);
    const since = sandbox.store.visibleCalls.filter((c) => c.meta.scheduled! >= '2026-05-01').length;
    const whole = Math.ceil(sandbox.store.visibleCalls.filter((c) => c.analytics).length / 100);
    assert.ok(spent.length <= 3 * Math.ceil(since / 100), `the deals, the calls and their stats of half a year: ${spent.length} requests`);
    assert.ok(spent.length < 2 * Math.ceil(since / 100) + whole, 'fewer than with the stats of every call');
  });
  it('a streamed read with LIMIT and no WHERE is asked about the pages LIMIT needs, not every page of the object', async () => {
    const quiet = asking(false);
    const spent = await requestsDuring(sandbox, () => run('SELECT Id FROM Calls LIMIT 150', { confirm: quiet.confirm }));
    assert.equal(quiet.asked.length, 0, 'two pages are within the threshold of 5');
    assert.equal(spent.length, 2);
    // With a WHERE evaluated locally the pages it takes are unknown: every page counts.
    const filtered = asking(false);
    await assert.rejects(run("SELECT Id FROM Calls WHERE Title <> '' LIMIT 150", { confirm: filtered.confirm }), /not run without confirmation/);
    assert.equal(filtered.asked[0]?.request.estimate, Math.ceil(sandbox.store.visibleCalls.length / 100));
  });

  it('a streamed LIMIT over an object whose records unwind into fewer rows asks for the rest when the pages LIMIT needed fall short', async () => {
    // CallComments: a row per comment, none for a call without comments, so 150 rows take more than 2 pages of calls.
    const pages = Math.ceil(sandbox.store.visibleCalls.length / 100);
    const declined = asking(false);
    const sent = await requestsDuring(sandbox, () => assert.rejects(run('SELECT Id FROM CallComments LIMIT 150', { confirm: declined.confirm }), /not run without confirmation/));
    assert.equal(declined.asked.length, 1);
    assert.equal(declined.asked[0]?.seenBefore, 2, 'asked after the 2 pages LIMIT needed if every call had a comment');
    assert.equal(declined.asked[0]?.request.estimate, pages, 'the 2 read and every page left');
    assert.equal(sent.length, 2, 'nothing after the no');
  });
});
