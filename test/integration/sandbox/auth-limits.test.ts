import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox } from '../../../src/sandbox';
import { basicAuth, call } from '../../helpers/sandboxClient';

describe('sandbox authentication', () => {
  it('401 without or with wrong credentials, 200 with the right ones', async () => {
    const sandbox = await startSandbox({ rateLimit: false, scale: 10, credentials: [{ accessKey: 'KEY1', accessKeySecret: 'SECRET1' }] });
    try {
      const none = await call(sandbox, 'GET', '/v2/workspaces', { authorization: null });
      assert.equal(none.status, 401);
      assert.ok(Array.isArray(none.json.errors) && typeof none.json.requestId === 'string');
      const wrong = await call(sandbox, 'GET', '/v2/workspaces', { authorization: basicAuth('KEY1', 'nope') });
      assert.equal(wrong.status, 401);
      assert.ok(!wrong.text.includes('SECRET1') && !wrong.text.includes('nope'), 'no secret echoed');
      const right = await call(sandbox, 'GET', '/v2/workspaces', { authorization: basicAuth('KEY1', 'SECRET1') });
      assert.equal(right.status, 200);
      assert.equal(right.json.workspaces.length, 3);
    } finally {
      await sandbox.close();
    }
  });

  it('Bearer tokens work until they expire; a missing scope is 403', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const sandbox = await startSandbox({
      rateLimit: false, scale: 10, now: () => now,
      bearerTokens: [{ token: 'tok-full', expiresAtMs: now + 60_000 }, { token: 'tok-users', scopes: ['api:users:read'] }],
    });
    try {
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces', { authorization: 'Bearer tok-full' })).status, 200);
      assert.equal((await call(sandbox, 'GET', '/v2/users', { authorization: 'Bearer tok-users' })).status, 200);
      const forbidden = await call(sandbox, 'GET', '/v2/workspaces', { authorization: 'Bearer tok-users' });
      assert.equal(forbidden.status, 403);
      assert.match(forbidden.json.errors[0], /api:workspaces:read/);
      now += 61_000;
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces', { authorization: 'Bearer tok-full' })).status, 401);
    } finally {
      await sandbox.close();
    }
  });
});

describe('sandbox rate limits', () => {
  it('answers a burst over 3/s with 429 and an integer Retry-After, then serves again when tokens return', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const sandbox = await startSandbox({ scale: 10, now: () => now });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(sandbox, 'GET', '/v2/workspaces')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await call(sandbox, 'GET', '/v2/workspaces');
      assert.equal(limited.status, 429);
      assert.match(limited.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      assert.equal(typeof limited.json.requestId, 'string');
      now += 1000;
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
    } finally {
      await sandbox.close();
    }
  });

  it('stops at the daily quota with a Retry-After until the next UTC day', async () => {
    let now = Date.parse('2026-01-01T20:00:00Z');
    const sandbox = await startSandbox({ scale: 10, now: () => now, rateLimit: { perSecond: 100, perDay: 2 } });
    try {
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
      const over = await call(sandbox, 'GET', '/v2/workspaces');
      assert.equal(over.status, 429);
      assert.equal(over.headers.get('retry-after'), String(4 * 3600));
      now = Date.parse('2026-01-02T00:00:01Z');
      assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200);
    } finally {
      await sandbox.close();
    }
  });
});
