import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostChanges, hostsOf, mayReceive } from '../../../src/extension/secretHosts';

const saved = { api: 'https://api.gong.io' };

describe('a stored secret goes only to the host it was saved for', () => {
  it('the hosts of a setting: the API origin, and the sign-in origin for Sign in with Gong', () => {
    assert.deepEqual(hostsOf({ name: 'Gong', baseUrl: 'https://us-1.api.gong.io/' }), { api: 'https://us-1.api.gong.io' });
    assert.deepEqual(hostsOf({ name: 'G', baseUrl: 'http://127.0.0.1:4010', kind: 'oauth', authUrl: 'https://app.gong.io/', clientId: 'c' }), { api: 'http://127.0.0.1:4010', signIn: 'https://app.gong.io' });
  });

  it('same host: nothing to ask; another host or port: asked, naming both', () => {
    assert.deepEqual(hostChanges(saved, { api: 'https://api.gong.io' }), []);
    assert.deepEqual(hostChanges(saved, { api: 'http://127.0.0.1:9999' }), [{ what: 'API host', saved: 'https://api.gong.io', now: 'http://127.0.0.1:9999' }]);
    assert.deepEqual(hostChanges({ api: 'http://127.0.0.1:1' }, { api: 'http://127.0.0.1:2' }).map((c) => c.now), ['http://127.0.0.1:2']);
    // Even another Gong host: the secret was saved for one tenant's host.
    assert.equal(hostChanges(saved, { api: 'https://us-9.api.gong.io' }).length, 1);
  });

  it("Sign in with Gong: the sign-in host (client secret, refresh token) is bound too", () => {
    const oauth = { api: 'https://us-1.api.gong.io', signIn: 'https://app.gong.io' };
    assert.deepEqual(hostChanges(oauth, oauth), []);
    assert.deepEqual(hostChanges(oauth, { ...oauth, signIn: 'https://evil.example' }), [{ what: 'sign-in host', saved: 'https://app.gong.io', now: 'https://evil.example' }]);
    // A key connection turned into an OAuth one by hand has no sign-in host to compare with.
    assert.deepEqual(hostChanges(saved, { api: saved.api, signIn: 'https://app.gong.io' }).map((c) => c.what), ['sign-in host']);
  });

  it("secrets saved before hosts were recorded: bound on first use to Gong's https hosts only", () => {
    assert.deepEqual(hostChanges(undefined, { api: 'https://us-1.api.gong.io', signIn: 'https://app.gong.io' }), []);
    for (const api of ['https://proxy.example.com', 'http://127.0.0.1:4010', 'https://api.gong.io.evil.example']) {
      assert.deepEqual(hostChanges(undefined, { api }), [{ what: 'API host', saved: undefined, now: api }], api);
    }
    assert.ok(mayReceive(undefined, 'signIn', 'https://app.gong.io'));
    assert.ok(!mayReceive(saved, 'signIn', 'https://app.gong.io'), 'a saved record without a sign-in host');
  });
});
