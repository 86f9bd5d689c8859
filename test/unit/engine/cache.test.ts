import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryCache } from '../../../src/engine';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(i)]);

describe('QueryCache', () => {
  it('keeps a read for its lifetime, and drops expired reads whenever another is stored', () => {
    let clock = 0;
    const cache = new QueryCache({ ttlMs: 1000, now: () => clock });
    cache.set('a', rows(3));
    clock = 999;
    assert.equal(cache.get('a')?.length, 3);
    clock = 1000;
    cache.set('b', rows(2));
    assert.deepEqual(cache.size, { reads: 1, rows: 2 }, 'a expired and was dropped though nobody asked for it');
    assert.equal(cache.get('a'), undefined);
  });

  it('holds at most maxRows rows, dropping the oldest reads first', () => {
    const cache = new QueryCache({ maxRows: 10 });
    cache.set('old', rows(4));
    cache.set('mid', rows(4));
    cache.set('new', rows(4));
    assert.equal(cache.get('old'), undefined);
    assert.equal(cache.get('mid')?.length, 4);
    assert.deepEqual(cache.size, { reads: 2, rows: 8 });
    cache.set('huge', rows(11));
    assert.equal(cache.get('huge'), undefined, 'a read larger than the cap is not kept');
    cache.set('mid', rows(1));
    assert.deepEqual(cache.size, { reads: 2, rows: 5 }, 'storing a key again replaces its rows');
  });

  it('reads its lifetime on every store, so a setting of 0 keeps nothing', () => {
    let minutes = 0;
    const cache = new QueryCache({ ttlMs: () => minutes * 60_000 });
    cache.set('a', rows(1));
    assert.equal(cache.get('a'), undefined);
    minutes = 5;
    cache.set('a', rows(1));
    assert.equal(cache.get('a')?.length, 1);
  });
});
