import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { call } from '../../helpers/sandboxClient';

const LIST = '/v2/calls?fromDateTime=2000-01-01T00:00:00Z';

describe('sandbox fault injection', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 300 }); });
  beforeEach(() => sandbox.faults.clear());
  after(() => sandbox.close());

  it('rateLimit: a burst of 429s with Retry-After, then normal service', async () => {
    sandbox.faults.add({ kind: 'rateLimit', route: 'GET /v2/calls', count: 2, retryAfterSec: 3 });
    const a = await call(sandbox, 'GET', LIST);
    const b = await call(sandbox, 'GET', LIST);
    const c = await call(sandbox, 'GET', LIST);
    assert.deepEqual([a.status, b.status, c.status], [429, 429, 200]);
    assert.equal(a.headers.get('retry-after'), '3');
  });

  it('serverError: 500, 502 and 503 with Gong\'s error body', async () => {
    for (const status of [500, 502, 503] as const) {
      sandbox.faults.add({ kind: 'serverError', status });
      const answer = await call(sandbox, 'GET', '/v2/workspaces');
      assert.equal(answer.status, status);
      assert.deepEqual(answer.json.errors, ['Failed to complete the operation due to an unexpected error']);
    }
  });

  it('skip lets the first matching requests through', async () => {
    sandbox.faults.add({ kind: 'serverError', route: 'GET /v2/workspaces', skip: 1 });
    assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
    assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 500);
    assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
  });

  it('reset: the connection dies mid-body', async () => {
    sandbox.faults.add({ kind: 'reset', route: 'GET /v2/calls' });
    await assert.rejects(call(sandbox, 'GET', LIST));
    assert.equal((await call(sandbox, 'GET', LIST)).status, 200, 'the server is still serving');
  });

  it('hangUp: the write is done, then the connection closes before any byte of the answer', async () => {
    sandbox.faults.add({ kind: 'hangUp', route: 'POST /v2/calls' });
    const host = sandbox.world.users.find((u) => u.active)!;
    const body = { clientUniqueId: 'pbx-hang-up-1', actualStart: '2026-01-05T10:00:00Z', direction: 'Inbound', primaryUser: host.id, parties: [{ userId: host.id }] };
    await assert.rejects(call(sandbox, 'POST', '/v2/calls', { body }));
    assert.ok(sandbox.store.clientUniqueIds.has('pbx-hang-up-1'), 'the call was created all the same');
    assert.equal(sandbox.log.entries().at(-1)?.fault, 'hangUp');
  });

  it('slow: the response is held back', async () => {
    sandbox.faults.add({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const answer = await call(sandbox, 'GET', '/v2/workspaces');
    assert.equal(answer.status, 200);
    assert.ok(performance.now() - started >= 290, 'answered only after the delay');
  });

  it('malformedJson: a 200 whose body does not parse', async () => {
    sandbox.faults.add({ kind: 'malformedJson' });
    const answer = await call(sandbox, 'GET', LIST);
    assert.equal(answer.status, 200);
    assert.equal(answer.json, undefined);
    assert.throws(() => JSON.parse(answer.text));
  });

  it('badCursor: the next page request fails with 400', async () => {
    sandbox.faults.add({ kind: 'badCursor' });
    const first = await call(sandbox, 'GET', LIST);
    const next = await call(sandbox, 'GET', `${LIST}&cursor=${encodeURIComponent(first.json.records.cursor)}`);
    assert.equal(next.status, 400);
  });

  it('random faults follow a seed: the same seed fails the same requests', async () => {
    const run = async () => {
      sandbox.faults.clear();
      sandbox.faults.setRandom({ seed: 7, probability: 0.5, kinds: ['serverError'] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call(sandbox, 'GET', '/v2/workspaces')).status);
      return statuses;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(first.includes(500) && first.includes(200));
  });

  it('faults are logged, and can be set over HTTP at /__sandbox/faults', async () => {
    const set = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules: [{ kind: 'serverError', status: 503 }] }) });
    assert.equal(set.status, 200);
    const before = sandbox.log.lastSeq;
    assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 503);
    const [entry] = sandbox.log.since(before);
    assert.equal(entry?.fault, 'serverError');
    assert.equal(entry?.status, 503);
  });
});
