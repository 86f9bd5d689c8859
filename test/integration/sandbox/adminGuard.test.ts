import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';

/** One request with exactly these headers (fetch would not let a test choose Host). */
function send(sandbox: Sandbox, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: { errors?: string[] } }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FAULT = JSON.stringify({ rules: [{ kind: 'serverError', status: 503 }] });
const json = { 'content-type': 'application/json' };

describe('the sandbox-only /__sandbox endpoints answer local programs only', () => {
  let sandbox: Sandbox;
  let local: string;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 20 });
    local = `127.0.0.1:${sandbox.port}`;
  });
  beforeEach(() => sandbox.faults.clear());
  after(() => sandbox.close());

  it('accepts every loopback Host, with or without a port', async () => {
    for (const host of [local, '127.0.0.1', `localhost:${sandbox.port}`, 'LOCALHOST', `[::1]:${sandbox.port}`, '127.1.2.3:80']) {
      assert.equal((await send(sandbox, 'GET', '/__sandbox/log', { host })).status, 200, host);
    }
  });

  it('refuses a foreign Host (a DNS-rebinding name), for reads and writes', async () => {
    for (const host of [`rebind.example:${sandbox.port}`, 'evil.127.0.0.1.nip.io', '127.0.0.1.evil.example', '']) {
      const read = await send(sandbox, 'GET', '/__sandbox/log', { host });
      assert.equal(read.status, 403, host);
      assert.match(read.json.errors?.[0] ?? '', /loopback host/);
      assert.equal((await send(sandbox, 'POST', '/__sandbox/faults', { host, ...json }, FAULT)).status, 403, host);
    }
    assert.equal(sandbox.faults.pending, 0, 'no fault was set');
  });

  it('refuses a request from a web page on another origin, accepts its own origin', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:9999', 'null']) {
      const answer = await send(sandbox, 'POST', '/__sandbox/faults', { host: local, origin, ...json }, FAULT);
      assert.equal(answer.status, 403, origin);
      assert.match(answer.json.errors?.[0] ?? '', /another origin/);
      assert.equal((await send(sandbox, 'DELETE', '/__sandbox/log', { host: local, origin })).status, 403, origin);
    }
    assert.equal(sandbox.faults.pending, 0, 'no fault was set');
    assert.equal((await send(sandbox, 'GET', '/__sandbox/log', { host: local, origin: `http://${local}` })).status, 200);
  });

  it('a POST must be application/json (an HTML form cannot send that)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await send(sandbox, 'POST', '/__sandbox/faults', { host: local, 'content-type': type }, FAULT);
      assert.equal(answer.status, 415, type);
    }
    assert.equal((await send(sandbox, 'POST', '/__sandbox/faults', { host: local }, FAULT)).status, 415, 'no Content-Type');
    assert.equal(sandbox.faults.pending, 0);
    const set = await send(sandbox, 'POST', '/__sandbox/faults', { host: local, 'content-type': 'application/json; charset=utf-8' }, FAULT);
    assert.equal(set.status, 200);
    assert.equal(sandbox.faults.pending, 1);
  });

  it('Gong API routes are not limited to loopback Hosts (a proxy may forward them)', async () => {
    const { accessKey, accessKeySecret } = sandbox.credentials;
    const authorization = `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString('base64')}`;
    const answer = await send(sandbox, 'GET', '/v2/workspaces', { host: 'localhost:8080', origin: 'http://localhost:8080', authorization });
    assert.equal(answer.status, 200);
  });
});
