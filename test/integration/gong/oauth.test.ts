import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GongClient, GongError, MemoryTokenStore, OAuthSession, type OAuthApp, type TokenSet, type TokenStore } from '../../../src/gong';
import { DEMO_OAUTH_CLIENT, startSandbox, type Sandbox } from '../../../src/sandbox';

const REDIRECT = 'http://127.0.0.1:9/callback';

/** Goes through the consent page as a browser would: GET the page, POST the decision. */
async function consent(sandbox: Sandbox, decision: 'approve' | 'deny', scope?: string): Promise<URL> {
  const params = new URLSearchParams({ client_id: DEMO_OAUTH_CLIENT.clientId, response_type: 'code', redirect_uri: REDIRECT, state: 'st-42', ...(scope && { scope }) });
  const pageUrl = `${sandbox.url}/oauth2/authorize?${params}`;
  const page = await fetch(pageUrl);
  assert.equal(page.status, 200);
  const html = await page.text();
  const form = new URLSearchParams([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
  form.set('decision', decision);
  // The form posts to an address relative to the page, so the page also works behind a proxy.
  const action = new URL(/<form method="post" action="([^"]*)"/.exec(html)![1]!, pageUrl);
  const answer = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(answer.status, 302);
  return new URL(answer.headers.get('location')!);
}

describe('Sign in with Gong (OAuth 2) against the sandbox', () => {
  let sandbox: Sandbox;
  let clock = Date.parse('2026-06-01T00:00:00Z');
  const app = (s: Sandbox): OAuthApp => ({ tokenUrl: `${s.url}/oauth2/generate-customer-token`, clientId: DEMO_OAUTH_CLIENT.clientId, clientSecret: DEMO_OAUTH_CLIENT.clientSecret });
  const tokenCalls = () => sandbox.log.entries().filter((e) => e.path === '/oauth2/generate-customer-token').length;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 20, now: () => clock, oauth: { accessTokenTtlSec: 3600 } }); });
  after(() => sandbox.close());

  it('shows the requested scopes, escaped, and redirects with a code and the state', async () => {
    const page = await (await fetch(`${sandbox.url}/oauth2/authorize?client_id=${DEMO_OAUTH_CLIENT.clientId}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}&state=%3Cb%3E&scope=api:users:read`)).text();
    assert.match(page, /<li>api:users:read<\/li>/);
    assert.ok(page.includes('value="&lt;b&gt;"') && !page.includes('<b>'), 'the state is escaped');
    const back = await consent(sandbox, 'approve');
    assert.equal(back.searchParams.get('state'), 'st-42');
    assert.match(back.searchParams.get('code') ?? '', /^[\w-]{20,}$/);
  });

  it('exchanges the code once, for tokens that carry the API host; the code cannot be reused', async () => {
    const code = (await consent(sandbox, 'approve')).searchParams.get('code')!;
    const tokens = await OAuthSession.exchangeCode(app(sandbox), code, REDIRECT);
    assert.equal(tokens.apiBaseUrl, sandbox.url);
    assert.match(tokens.scope, /api:workspaces:read/);
    await assert.rejects(OAuthSession.exchangeCode(app(sandbox), code, REDIRECT), (e: unknown) => e instanceof GongError && e.code === 'AUTH' && /sign in with Gong again/.test(e.message));
  });

  it('an expired code and a denied consent end with a clear message', async () => {
    const code = (await consent(sandbox, 'approve')).searchParams.get('code')!;
    clock += 601_000;
    await assert.rejects(OAuthSession.exchangeCode(app(sandbox), code, REDIRECT), /invalid or expired/);
    const denied = await consent(sandbox, 'deny');
    assert.equal(denied.searchParams.get('error'), 'access_denied');
    assert.equal(denied.searchParams.get('code'), null);
  });

  async function signedIn(scope?: string): Promise<{ client: GongClient; store: MemoryTokenStore; first: TokenSet }> {
    const code = (await consent(sandbox, 'approve', scope)).searchParams.get('code')!;
    const first = await OAuthSession.exchangeCode(app(sandbox), code, REDIRECT);
    // The session's clock is the sandbox's, so expiry can be tested without waiting.
    const store = new MemoryTokenStore({ ...first, expiresAtMs: clock + 3600_000 });
    const session = new OAuthSession(app(sandbox), store, () => clock);
    const client = new GongClient({ baseUrl: first.apiBaseUrl, credentials: { kind: 'oauth', session }, rateLimit: { perSecond: 1000 } });
    return { client, store, first };
  }

  it('queries over the Bearer token, refreshes before expiry and rotates the refresh token', async () => {
    const { client, store, first } = await signedIn();
    const ok = await client.request({ method: 'GET', path: '/v2/workspaces' });
    assert.equal((ok.body?.workspaces as unknown[]).length, 3);
    clock += 3590_000;
    const before = tokenCalls();
    await client.request({ method: 'GET', path: '/v2/workspaces' });
    assert.equal(tokenCalls() - before, 1, 'one refresh before expiry');
    const rotated = (await store.load())!;
    assert.notEqual(rotated.refreshToken, first.refreshToken, 'a new refresh token was saved');
    // The old refresh token is spent: Gong answers invalid_grant.
    const reuse = await fetch(app(sandbox).tokenUrl, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${DEMO_OAUTH_CLIENT.clientId}:${DEMO_OAUTH_CLIENT.clientSecret}`).toString('base64')}` }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refreshToken }) });
    assert.equal(reuse.status, 400);
    assert.equal((await reuse.json() as { error: string }).error, 'invalid_grant');
    await client.close();
  });

  it('concurrent requests on an expired token share one refresh, and all succeed', async () => {
    const { client } = await signedIn();
    clock += 3700_000;
    const before = tokenCalls();
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.request({ method: 'GET', path: '/v2/workspaces' })));
    assert.ok(answers.every((a) => a.status === 200));
    assert.equal(tokenCalls() - before, 1, 'a single refresh');
    await client.close();
  });

  it('a refresh token another window spent a moment earlier: its saved tokens are used, not an error', async () => {
    const { store } = await signedIn();
    clock += 3700_000;
    const before = tokenCalls();
    const windowA = new OAuthSession(app(sandbox), store, () => clock);
    // Window B read the shared store before A saved, and sees A's tokens only once its own refresh was answered.
    const snapshot = await store.load();
    const lagging: TokenStore = { load: async () => (tokenCalls() - before < 2 ? snapshot : store.load()), save: (t) => store.save(t) };
    const windowB = new OAuthSession(app(sandbox), lagging, () => clock);
    const a = await windowA.accessToken();
    const b = await windowB.accessToken();
    assert.equal(tokenCalls() - before, 2, 'B tried its refresh, was refused, and asked no more');
    assert.equal(b, a);
  });

  it('a 401 on a token the session believed valid triggers exactly one refresh and one retry', async () => {
    const { client, store } = await signedIn();
    const current = (await store.load())!;
    // The token looks fresh to the session but Gong no longer accepts it.
    await store.save({ ...current, accessToken: 'revoked-by-gong' });
    const before = tokenCalls();
    const ok = await client.request({ method: 'GET', path: '/v2/workspaces' });
    assert.equal(ok.status, 200);
    assert.equal(tokenCalls() - before, 1);
    await client.close();
  });

  it('a revoked refresh token ends in one clear error, never a loop', async () => {
    const { client, store } = await signedIn();
    const current = (await store.load())!;
    await store.save({ ...current, accessToken: 'revoked-by-gong', refreshToken: 'revoked-refresh' });
    const before = tokenCalls();
    await assert.rejects(client.request({ method: 'GET', path: '/v2/workspaces' }), (e: unknown) => e instanceof GongError && e.code === 'AUTH' && /sign in with Gong again/.test(e.message));
    assert.equal(tokenCalls() - before, 1);
    await client.close();
  });

  it('an app revoked in Gong: its tokens stop working, one refresh is tried, the error asks to sign in again', async () => {
    const { client } = await signedIn();
    assert.equal((await client.request({ method: 'GET', path: '/v2/workspaces' })).status, 200);
    sandbox.revokeOAuth(DEMO_OAUTH_CLIENT.clientId);
    const before = tokenCalls();
    await assert.rejects(client.request({ method: 'GET', path: '/v2/workspaces' }), (e: unknown) => e instanceof GongError && e.code === 'AUTH' && /expired or revoked.*sign in with Gong again/.test(e.message));
    assert.equal(tokenCalls() - before, 1);
    await client.close();
  });

  it('honours scopes: a missing one is a 403', async () => {
    const { client } = await signedIn('api:users:read');
    assert.equal((await client.request({ method: 'GET', path: '/v2/users' })).status, 200);
    await assert.rejects(client.request({ method: 'GET', path: '/v2/workspaces' }), (e: unknown) => e instanceof GongError && e.code === 'PERMISSION' && /needs the scope api:workspaces:read/.test(e.message));
    await client.close();
  });
});
