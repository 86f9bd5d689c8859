import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorForStatus } from '../../../src/gong/http/errors';

describe('errorForStatus', () => {
  it('a 401 says what to fix for the kind of credentials used, never "sign in" for a key', () => {
    const said = (kind: 'basic' | 'bearer' | 'oauth') => errorForStatus(401, 'GET /v2/users', { errors: ['Unauthorized'] }, undefined, kind).message;
    assert.match(said('basic'), /^Gong rejected the credentials \(401\) on GET \/v2\/users: Unauthorized\. Check the connection's access key and secret\.$/);
    assert.doesNotMatch(said('basic'), /sign in/i);
    assert.match(said('bearer'), /Check the access token: it may be wrong or expired\.$/);
    assert.match(said('oauth'), /Sign in with Gong again\.$/);
  });
});
