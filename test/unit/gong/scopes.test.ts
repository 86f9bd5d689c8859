import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allScopes, ENDPOINT_SCOPES, scopeOf } from '../../../src/gong';
import { ALL_SCOPES } from '../../../src/sandbox';
import { apiRoutes } from '../../../src/sandbox/routes';

describe('OAuth scopes per endpoint', () => {
  it('match the sandbox\'s routes one for one (each side written from the reference on its own)', () => {
    const sandbox = Object.fromEntries(apiRoutes.map((r) => [`${r.method} ${r.pattern}`, r.scope]));
    assert.deepEqual(ENDPOINT_SCOPES, sandbox);
  });

  it('finds the scope of a request with ids in its path, and asks for reads and writes at sign-in', () => {
    assert.equal(scopeOf('PUT /v2/calls/7782342274025937895/media'), 'api:calls:create');
    assert.equal(scopeOf('GET /v2/calls/7782342274025937895'), 'api:calls:read:basic');
    assert.equal(scopeOf('GET /v2/permission-profile'), undefined);
    assert.equal(scopeOf('GET /v2/unknown'), undefined);
    const scopes = allScopes();
    assert.ok(scopes.includes('api:calls:create') && scopes.includes('api:workspaces:read'));
    assert.ok(scopes.includes('api:calls:read:media-url'), 'CallMedia\'s extra scope is asked for too');
    assert.equal(new Set(scopes).size, scopes.length);
  });

  it('are all granted by the sandbox\'s consent page when the app asks for all of them', () => {
    // The consent page drops scopes it does not know; a stale list there silently narrowed sign-in.
    assert.deepEqual([...ALL_SCOPES].sort(), allScopes().sort());
  });
});
