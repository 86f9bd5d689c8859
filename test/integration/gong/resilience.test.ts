import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GongClient, GongError, type ClientEvent } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { waitFor } from '../../helpers/sandboxClient';
import { connect, select } from '../../helpers/connect';

const expectedIds = (s: Sandbox) => s.store.visibleCalls.map((c) => c.meta.id).sort();

describe('connector under faults: a retry or a clear error, never missing or duplicated rows', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 450 }); });
  beforeEach(() => sandbox.faults.clear());
  after(() => sandbox.close());

  const transient = [
    { kind: 'rateLimit', retryAfterSec: 1 },
    { kind: 'serverError', status: 500 },
    { kind: 'serverError', status: 502 },
    { kind: 'serverError', status: 503 },
    { kind: 'reset' },
    { kind: 'malformedJson' },
    { kind: 'slow', delayMs: 200 },
  ] as const;
  for (const fault of transient) {
    it(`${fault.kind}${'status' in fault ? ` ${fault.status}` : ''} on page 3 is retried and the scan is exact`, async () => {
      sandbox.faults.add({ ...fault, route: 'GET /v2/calls', skip: 2, count: 2 });
      const events: ClientEvent[] = [];
      const client = connect(sandbox, { onEvent: (e) => events.push(e) });
      try {
        const { rows } = await select(client, 'Calls');
        const ids = rows.map((r) => r.Id as string).sort();
        assert.deepEqual(ids, expectedIds(sandbox));
        assert.equal(sandbox.faults.pending, 0, 'the faults fired');
        if (fault.kind !== 'slow') assert.ok(events.some((e) => e.type === 'wait'), 'the client waited before retrying');
      } finally {
        await client.close();
      }
    });
  }

  it('a broken cursor ends in a clear error naming the endpoint and Gong\'s requestId', async () => {
    sandbox.faults.add({ kind: 'badCursor', route: 'GET /v2/calls' });
    const client = connect(sandbox);
    try {
      await assert.rejects(select(client, 'Calls'), (e: unknown) => {
        assert.ok(e instanceof GongError);
        assert.equal(e.code, 'API');
        assert.equal(e.status, 400);
        assert.match(e.message, /GET \/v2\/calls/);
        assert.match(e.message, /cursor/i);
        assert.ok(e.requestId);
        return true;
      });
    } finally {
      await client.close();
    }
  });

  it('persistent 5xx gives up after the retry limit with an actionable error', async () => {
    sandbox.faults.add({ kind: 'serverError', status: 503, route: 'GET /v2/workspaces', count: 100 });
    const client = connect(sandbox, { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const before = sandbox.log.lastSeq;
    try {
      await assert.rejects(select(client, 'Workspaces'), (e: unknown) => e instanceof GongError && e.status === 503 && /try again later/.test(e.message));
      assert.equal(sandbox.log.lastSeq - before, 3, 'the first attempt and two retries');
    } finally {
      await client.close();
    }
  });

  it('a 429 whose Retry-After is past the deadline is reported, with the wait', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfterSec: 3600, route: 'GET /v2/workspaces' });
    const client = connect(sandbox, { retry: { deadlineMs: 10_000 } });
    try {
      await assert.rejects(select(client, 'Workspaces'), (e: unknown) => e instanceof GongError && e.code === 'RATE_LIMITED' && e.retryAfterMs === 3_600_000);
    } finally {
      await client.close();
    }
  });

  it('cancel aborts the request in flight at once and starts no new one', async () => {
    sandbox.faults.add({ kind: 'slow', delayMs: 30_000, route: 'GET /v2/calls', skip: 1 });
    const client = connect(sandbox);
    const controller = new AbortController();
    const before = sandbox.log.lastSeq;
    const reading = select(client, 'Calls', [], controller.signal);
    await waitFor(() => sandbox.log.lastSeq - before === 1 && sandbox.inFlight() === 1, 'the second page to be in flight');
    const cancelledAt = Date.now();
    controller.abort();
    await assert.rejects(reading, (e: unknown) => e instanceof GongError && e.code === 'ABORTED');
    assert.ok(Date.now() - cancelledAt < 5000, 'cancel did not wait for the slow response');
    await waitFor(() => sandbox.inFlight() === 0, 'the server to see the request end');
    assert.equal(sandbox.log.lastSeq - before, 2, 'nothing was requested after the cancel');
    await client.close();
  });
});

describe('connector pacing against a sandbox that enforces 3 requests/s', () => {
  it('a 10-page scan sees no 429 and takes about 10/3 s', async () => {
    const sandbox = await startSandbox({ scale: 1000 });
    const client = connect(sandbox, { rateLimit: {} });
    try {
      const started = Date.now();
      const { rows, stats } = await select(client, 'Calls');
      assert.equal(rows.length, sandbox.store.visibleCalls.length);
      assert.equal(sandbox.log.entries().filter((e) => e.status === 429).length, 0, 'no 429s');
      assert.equal(stats.apiCalls, Math.ceil(rows.length / 100));
      assert.ok(Date.now() - started >= ((stats.apiCalls - 1) / 3) * 1000 - 50, 'requests were spaced');
      assert.equal(client.usedToday(), stats.apiCalls, 'the daily counter counted each call');
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe('credentials never leak', () => {
  it('appear in no error message, error object, event or inspected client', async () => {
    const sandbox = await startSandbox({ rateLimit: false, scale: 5 });
    const secret = 'S3cr3t-never-shown';
    const key = 'KEY-never-shown';
    const basic = Buffer.from(`${key}:${secret}`).toString('base64');
    const events: ClientEvent[] = [];
    const make = (baseUrl: string) => new GongClient({ baseUrl, credentials: { kind: 'basic', accessKey: key, accessKeySecret: secret }, retry: { maxRetries: 1, baseDelayMs: 1 }, onEvent: (e) => events.push(e) });
    const wrong = make(sandbox.url);
    const port = sandbox.port;
    const errors: unknown[] = [];
    try {
      await select(wrong, 'Workspaces').catch((e) => errors.push(e));
      sandbox.faults.add({ kind: 'serverError', count: 5 });
      await sandbox.close();
      const unreachable = make(`http://127.0.0.1:${port}`);
      await select(unreachable, 'Workspaces').catch((e) => errors.push(e));
      const bearer = new GongClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: { kind: 'bearer', accessToken: secret }, retry: { maxRetries: 0 } });
      await select(bearer, 'Workspaces').catch((e) => errors.push(e));
      assert.equal(errors.length, 3);
      assert.equal((errors[0] as GongError).code, 'AUTH');
      assert.equal((errors[1] as GongError).code, 'NETWORK');
      const texts = [
        ...errors.flatMap((e) => [String(e), (e as Error).message, inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e)]),
        ...events.map((e) => JSON.stringify(e)),
        inspect(wrong, { depth: 10, showHidden: true }), JSON.stringify(wrong), inspect(bearer, { depth: 10 }),
      ];
      for (const text of texts) {
        for (const s of [secret, key, basic]) assert.ok(!text.includes(s), `leaked in: ${text.slice(0, 200)}`);
      }
      await Promise.all([wrong.close(), unreachable.close(), bearer.close()]);
    } finally {
      await sandbox.close();
    }
  });
});
