import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretName, keptParams } from '../../../src/history/entry';
import { RememberedParameters } from '../../../src/history/parameters';

/** VS Code's global state, as a map. */
function memento() {
  const values = new Map<string, unknown>();
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key: string, value: unknown) => { values.set(key, value); } };
}

describe(':name values remembered per file and connection', () => {
  it('offers the last values of that file on that connection only', async () => {
    const remembered = new RememberedParameters(memento());
    await remembered.remember('file:///a.gongsql', 'Sandbox', { workspace: 'EMEA', since: '2026-01-01' });
    await remembered.remember('file:///a.gongsql', 'Sandbox', { since: '2026-02-01' });
    assert.deepEqual(remembered.recall('file:///a.gongsql', 'Sandbox'), { workspace: 'EMEA', since: '2026-02-01' });
    assert.deepEqual(remembered.recall('file:///a.gongsql', 'Prod'), {});
    assert.deepEqual(remembered.recall('file:///b.gongsql', 'Sandbox'), {});
  });

  it('never keeps nor offers a value whose name says secret, token, key or password', async () => {
    const state = memento();
    const remembered = new RememberedParameters(state);
    await remembered.remember('f', 'c', { apiToken: 't0k', client_secret: 's3c', accessKey: 'k3y', Password: 'pw', user: 'ann' });
    assert.deepEqual(remembered.recall('f', 'c'), { user: 'ann' });
    assert.ok(!JSON.stringify([...state.values]).match(/t0k|s3c|k3y|pw/), 'nothing secret reached the state');
    // A value saved under a secret name by an older version is still never offered.
    state.values.set('gongsql.parameters.c.g', { token: 'old', n: '1' });
    assert.deepEqual(remembered.recall('g', 'c'), { n: '1' });
    assert.deepEqual(keptParams({ token: 'x', n: 2 }), { token: null, n: '2' });
    assert.ok(['secret', 'TOKEN', 'apikey', 'passwd', 'pwd'].every(isSecretName));
    assert.ok(!['workspace', 'since', 'email'].some(isSecretName));
  });
});
