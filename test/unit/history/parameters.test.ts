import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erasedParameterNames, namedParameters } from '../../../src/engine/ide/parameters';
import { isSecretName, keptParams, type HistoryEntry } from '../../../src/history/entry';
import { matchesSearch, runTime } from '../../../src/history/search';
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

  it('never keeps the value an erase procedure erases (the email, the phone number), in the editor\'s memory or the history', async () => {
    const text = "SELECT * FROM DataPrivacyByEmail WHERE EmailAddress = :email;\nCALL EraseDataForEmailAddress(:email);\nCALL EraseDataForPhoneNumber($phone);\nSELECT :since";
    assert.deepEqual([...erasedParameterNames(text)].sort(), ['email', 'phone']);
    assert.deepEqual(namedParameters(text).map((p) => [p.name, p.erased]), [['email', true], ['phone', true], ['since', false]]);
    const state = memento();
    const remembered = new RememberedParameters(state);
    await remembered.remember('f', 'c', { email: 'someone@example.com', phone: '+15550100', since: '2026-01-01' }, erasedParameterNames(text));
    assert.deepEqual(remembered.recall('f', 'c'), { since: '2026-01-01' });
    assert.deepEqual(keptParams({ email: 'someone@example.com', since: '2026' }, erasedParameterNames(text)), { email: null, since: '2026' });
  });
});

describe('the history\'s search and its outcomes', () => {
  const entry = (outcome: HistoryEntry['outcome'], text = 'SELECT CAST(Id AS INTEGER) FROM Calls'): HistoryEntry => ({ id: outcome, at: '2026-11-30T14:58:14Z', text, connection: 'Sandbox', surface: 'editor', ms: 1, rows: 0, apiCalls: 0, statements: 1, outcome });
  it('finds runs by outcome: failed, cancelled, declined, error', () => {
    const all = (['ok', 'error', 'cancelled', 'declined'] as const).map((o) => entry(o));
    const found = (search: string) => all.filter((e) => matchesSearch(e, search)).map((e) => e.outcome);
    assert.deepEqual(found('failed'), ['error']);
    assert.deepEqual(found('error'), ['error']);
    assert.deepEqual(found('cancelled'), ['cancelled']);
    assert.deepEqual(found('declined cast'), ['declined']);
    assert.deepEqual(found('not run'), ['declined']);
  });
  it('matches the typed words as substrings, not letters spread over the text', () => {
    assert.ok(matchesSearch(entry('ok'), 'cast'));
    assert.ok(!matchesSearch(entry('ok', 'SELECT CallId, Speaker, Text FROM CallTranscripts'), 'cast'));
  });
  it('one time format everywhere', () => {
    assert.match(runTime('2026-11-30T14:58:14Z'), /^30 Nov 2026, \d\d:58:14$/);
  });
});
