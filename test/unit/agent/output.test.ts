import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiCallBudget } from '../../../src/agent/budget';
import { boundRows } from '../../../src/agent/output';

describe('an agent\'s result: bounded in rows and bytes, and said so', () => {
  it('keeps whole rows up to the byte limit and says how many were left out', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`${9_007_199_254_740_993n + BigInt(i)}`, 'x'.repeat(100)]);
    const bounded = boundRows(['Id', 'Note'], rows, { maxRows: 1000, maxBytes: 1024 });
    assert.ok(bounded.rows.length > 0 && bounded.rows.length < 50);
    assert.ok(Buffer.byteLength(JSON.stringify(bounded.rows)) <= 1024);
    assert.equal(bounded.rows[0]?.Id, '9007199254740993', 'an id beyond 2^53 stays exact text');
    assert.match(bounded.note ?? '', new RegExp(`^${50 - bounded.rows.length} of 50 rows left out \\(the result is limited to 1 KB\\)`));
  });

  it('cuts a long text value, names the cut, and keeps repeated column names apart', () => {
    const bounded = boundRows(['Id', 'Id'], [['1', 'y'.repeat(2500)]], { maxRows: 10, maxBytes: 100_000 });
    assert.deepEqual(Object.keys(bounded.rows[0] ?? {}), ['Id', 'Id_2']);
    assert.match(String(bounded.rows[0]?.Id_2), /^y{2000}… \[500 more characters\]$/);
    assert.match(bounded.note ?? '', /1 long text value was cut at 2000 characters/);
  });

  it('returns everything, with no note, when it fits', () => {
    assert.deepEqual(boundRows(['A'], [[1], [null]], { maxRows: 2, maxBytes: 100 }), { rows: [{ A: 1 }, { A: null }], total: 2 });
  });
});

describe('the API-call budget', () => {
  it('gives a call the per-call limit until the session has less left', () => {
    const budget = new ApiCallBudget({ perCall: 50, perSession: 120 });
    assert.equal(budget.available(), 50);
    budget.spend(100);
    assert.equal(budget.available(), 20);
    budget.spend(30);
    assert.equal(budget.available(), 0);
    assert.deepEqual(budget.report(30), { thisCall: 30, sessionUsed: 130, sessionLimit: 120, sessionLeft: 0, perCallLimit: 50 });
  });

  it('refuses a limit that is not a whole number', () => {
    assert.throws(() => new ApiCallBudget({ perCall: 1.5, perSession: 10 }), /perCall must be a whole number/);
  });
});
