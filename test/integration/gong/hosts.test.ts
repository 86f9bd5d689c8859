import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { GongClient, GongError, OAuthSession } from '../../../src/gong';

/** A token endpoint on 127.0.0.1 that names whichever API host the test chooses. */
describe('credentials go only to https or loopback hosts, and OAuth tokens only to Gong', () => {
  let server: Server;
  let url = '';
  let apiHost = '';
  const received: IncomingHttpHeaders[] = [];
  before(async () => {
    server = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, scope: 'api:calls:read:basic', api_base_url_for_customer: apiHost }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const exchange = () => OAuthSession.exchangeCode({ tokenUrl: `${url}/oauth2/generate-customer-token`, clientId: 'c', clientSecret: 's' }, 'code', 'vscode://gongsql.gongsql/oauth');

  it('a token answer naming a host outside *.gong.io is refused, and no token is kept', async () => {
    for (const host of ['https://evil.example', 'https://api.gong.io.evil.example', 'http://us-1.api.gong.io']) {
      apiHost = host;
      await assert.rejects(exchange(), (e: unknown) => e instanceof GongError && e.code === 'PROTOCOL' && e.message.includes(new URL(host).origin) && /not kept/.test(e.message), host);
    }
  });

  it("a token answer naming Gong's host (or loopback) is taken", async () => {
    for (const host of ['https://us-55616.api.gong.io', url]) {
      apiHost = host;
      assert.equal((await exchange()).apiBaseUrl, host);
    }
  });

  it('the client secret is never sent to a plain-http sign-in address off this machine', async () => {
    const before = received.length;
    await assert.rejects(
      OAuthSession.exchangeCode({ tokenUrl: 'http://app.gong.io/oauth2/generate-customer-token', clientId: 'c', clientSecret: 's' }, 'code', 'x'),
      (e: unknown) => e instanceof GongError && e.code === 'VALIDATION' && /sign-in address http:\/\/app\.gong\.io must use https/.test(e.message),
    );
    assert.equal(received.length, before);
  });

  it('a client refuses a plain-http base URL off this machine before sending anything', () => {
    assert.throws(() => new GongClient({ baseUrl: 'http://api.gong.io', credentials: { kind: 'basic', accessKey: 'k', accessKeySecret: 's' } }),
      (e: unknown) => e instanceof GongError && e.code === 'VALIDATION' && /must use https/.test(e.message) && !e.message.includes('s@'));
  });
});
