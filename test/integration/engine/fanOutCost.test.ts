import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, QueryCache, type ConfirmRequest, type RunOptions, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { requestsDuring } from '../../helpers/sandboxClient';

/**
 * Reads Gong answers one request per user (Flows, UserSettingsHistory) or per 100 calls
 * (CallUserAccess) are costed before any such request: the number of users comes from cached
 * Users, else from Gong's count on the first page of Users (one request), and a cost above the
 * threshold is asked about then, not after the calls are spent.
 */
describe('the cost of a read that asks once per user, before it is spent', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let users: number;
  const run = async (sql: string, options: Partial<RunOptions> = {}): Promise<StatementResult> => {
    const [result] = await execute(sql, { client, connectionId: 'sb', ...options });
    return result!;
  };
  /** A confirm that answers `answer` and keeps the questions and how many requests Gong had seen when each was asked. */
  const asking = (answer: boolean) => {
    const asked: { request: ConfirmRequest; seenBefore: number }[] = [];
    const start = sandbox.log.lastSeq;
    const confirm = async (request: ConfirmRequest) => {
      asked.push({ request, seenBefore: sandbox.log.since(start).length });
      return answer;
    };
    return { asked, confirm };
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 100 });
    client = connect(sandbox);
    users = sandbox.world.users.filter((u) => !sandbox.world.avatarUserIds.has(u.id)).length;
    assert.ok(users > 100, 'more users than one page: Gong\'s count on the first page is the count');
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('SELECT * FROM Flows asks after one request (the first page of Users, which says how many), before any per-user request; a no spends nothing more', async () => {
    const { asked, confirm } = asking(false);
    const requests = await requestsDuring(sandbox, () => assert.rejects(run('SELECT * FROM Flows', { confirm, useCache: false }), /needs about \d+ API calls/));
    assert.equal(asked.length, 1);
    const [{ request, seenBefore }] = asked as [{ request: ConfirmRequest; seenBefore: number }];
    assert.equal(seenBefore, 1, 'one request (the count) before the question');
    assert.equal(requests.length, 1, 'nothing per user after the no');
    assert.match(requests[0]!.path, /^\/v2\/users(\/extensive)?$/);
    assert.equal(request.kind, 'apiCalls');
    const pages = Math.ceil(users / 100);
    assert.equal((request as Extract<ConfirmRequest, { kind: 'apiCalls' }>).estimate, 1 + pages + users);
    assert.match((request as Extract<ConfirmRequest, { kind: 'apiCalls' }>).detail ?? '', new RegExp(`^Flows: reads Users \\(${pages} requests\\), then 1 request per user × ${users} users \\(Gong's count of Users\\)$`));
  });

  it('with Users cached, UserSettingsHistory asks before its first request, with the exact count, and a yes reads one request per user (Users not read again)', async () => {
    const cache = new QueryCache();
    await run('SELECT * FROM Users', { cache, confirm: async () => true });
    const declined = asking(false);
    const none = await requestsDuring(sandbox, () => assert.rejects(run('SELECT * FROM UserSettingsHistory', { cache, confirm: declined.confirm }), /not run without confirmation/));
    assert.deepEqual(none, [], 'asked before the first request');
    assert.equal(declined.asked[0]!.seenBefore, 0);
    const request = declined.asked[0]!.request as Extract<ConfirmRequest, { kind: 'apiCalls' }>;
    assert.equal(request.estimate, users);
    assert.equal(request.detail, `UserSettingsHistory: 1 request per user × ${users} users (Users cached)`);
    const accepted = asking(true);
    const sent = await requestsDuring(sandbox, () => run('SELECT count(*) FROM UserSettingsHistory', { cache, confirm: accepted.confirm }));
    assert.equal(accepted.asked[0]!.seenBefore, 0);
    assert.equal(sent.length, users, 'one request per user, as estimated');
    assert.ok(sent.every((r) => /^\/v2\/users\/\d+\/settings-history$/.test(r.path)));
  });

  it('without a confirm the statement stops at the count with an error that says the per-user cost', async () => {
    const requests = await requestsDuring(sandbox, () => assert.rejects(run('SELECT Id FROM FlowFolders', { useCache: false }),
      new RegExp(`needs about ${1 + Math.ceil(users / 100) + users} API calls, more than the 50 allowed without confirmation \\(Gong allows 10,000 a day\\); FlowFolders: reads Users \\(\\d requests\\), then 1 request per user × ${users} users`)));
    assert.equal(requests.length, 1);
  });

  it('a fan-out under the threshold is not asked about: an owner filter is one request', async () => {
    const { asked, confirm } = asking(false);
    await run(`SELECT * FROM Flows WHERE FlowOwnerEmail = '${sandbox.world.users[0]!.emailAddress}'`, { confirm });
    assert.deepEqual(asked, []);
  });

  it('EXPLAIN says the per-user cost with the number of users, and what counting them took', async () => {
    const explained = await run('EXPLAIN SELECT * FROM UserSettingsHistory', { useCache: false });
    const estimated = String(explained.rows[0]![5]);
    assert.match(estimated, new RegExp(`1 request per user × ${users} users`));
    assert.match(String(explained.rows[0]![2]), /× each UserId \(from Users\)/);
    assert.match(explained.messages.join('\n'), /Counting Users took 1 API call/);
    const cache = new QueryCache();
    await run('SELECT * FROM Users', { cache, confirm: async () => true });
    const free = await requestsDuring(sandbox, async () => {
      const cached = await run('EXPLAIN SELECT * FROM Flows', { cache });
      assert.equal(String(cached.rows[0]![5]), `${users}+ (1 request per user × ${users} users (Users cached))`);
    });
    assert.deepEqual(free, [], 'with Users cached EXPLAIN costs nothing');
  });

  it('CallUserAccess without a filter: 1 request per 100 calls × the calls Gong counts', async () => {
    const calls = sandbox.store.visibleCalls.length;
    const explained = await run('EXPLAIN SELECT * FROM CallUserAccess', { useCache: false });
    assert.match(String(explained.rows[0]![5]), new RegExp(`1 request per 100 calls × ${calls} calls \\(Calls read: 1 request\\)`));
  });
});
