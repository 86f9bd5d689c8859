import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotConfirmed } from '../../../src/engine/run/context';
import { confirmQuestion, declinedRequest, declinedText } from '../../../src/extension/declined';

describe('a declined confirmation in the editor', () => {
  it('is recognised by its code, whichever bundle made the error', () => {
    const request = { kind: 'apiCalls', estimate: 120, threshold: 50 } as const;
    assert.deepEqual(declinedRequest(new NotConfirmed(request, 'x')), request);
    assert.deepEqual(declinedRequest(Object.assign(new Error('x'), { code: 'CONFIRMATION_REQUIRED', request })), request);
    assert.equal(declinedRequest(Object.assign(new Error('x'), { code: 'SQLITE' })), undefined);
    assert.equal(declinedRequest(undefined), undefined);
  });

  it('says "Not run: you declined …" for each question, naming no CLI flag', () => {
    const calls = declinedText({ kind: 'apiCalls', estimate: 120, threshold: 50 }, 'cell');
    const write = declinedText({ kind: 'unfilteredWrite', statement: 'DELETE', table: 'CRMIntegrations', rows: 1 }, 'statement');
    assert.equal(calls, 'Not run: you declined to spend about 120 Gong API calls on this cell.');
    assert.equal(write, 'Not run: you declined to DELETE the 1 row of CRMIntegrations (no WHERE).');
    const erase = declinedText({ kind: 'irreversibleCall', procedure: 'EraseDataForEmailAddress', action: 'erase all data Gong holds that references a@b.com' }, 'statement');
    assert.equal(erase, 'Not run: you declined to erase all data Gong holds that references a@b.com (CALL EraseDataForEmailAddress). Nothing was sent to Gong.');
    for (const said of [calls, write, erase]) assert.doesNotMatch(said, /--/);
  });

  it('asks about a costly read saying where its cost comes from, in a notebook cell as in a statement', () => {
    const request = { kind: 'apiCalls', estimate: 201, threshold: 50, detail: "Flows: reads Users (2 requests), then 1 request per user × 198 users (Gong's count of Users)" } as const;
    assert.deepEqual(confirmQuestion(request, 'cell'), ["This cell needs about 201 Gong API calls (more than 50). Flows: reads Users (2 requests), then 1 request per user × 198 users (Gong's count of Users). Run it?", 'Run']);
    assert.deepEqual(confirmQuestion({ kind: 'apiCalls', estimate: 60, threshold: 50 }, 'statement'), ['This statement needs about 60 Gong API calls (more than 50). Run it?', 'Run']);
  });
});
