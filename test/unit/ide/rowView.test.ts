import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toTsv, viewIndex } from '../../../src/results/rowView';

const rows = [
  ['9209112928780475146', 'b', 10, '2026-01-02T00:00:00Z', null],
  ['234599484848423', 'a', 9, '2025-12-31T23:00:00Z', '{"x":1}'],
  [null, 'C', 100, null, 'plain'],
  ['1000000000000000000', null, -1, '2026-01-01T00:00:00Z', 'tab\there'],
];
const order = (column: number, direction: 'asc' | 'desc') => [...viewIndex(rows, { column, direction })];

describe('result views', () => {
  it('sorts numeric text (19-digit ids) as numbers, NULLs last both ways', () => {
    assert.deepEqual(order(0, 'asc'), [1, 3, 0, 2]);
    assert.deepEqual(order(0, 'desc'), [0, 3, 1, 2]);
  });

  it('sorts numbers as numbers, dates as instants, text case-insensitively', () => {
    assert.deepEqual(order(2, 'asc'), [3, 1, 0, 2]);
    assert.deepEqual(order(3, 'asc'), [1, 3, 0, 2]);
    assert.deepEqual(order(1, 'asc'), [1, 0, 2, 3]);
  });

  it('filters by any column (quick) and per column, case-insensitively, never matching NULL', () => {
    assert.deepEqual([...viewIndex(rows, undefined, { quick: 'PLAIN' })], [2]);
    assert.deepEqual([...viewIndex(rows, undefined, { columns: { 1: 'c' } })], [2]);
    assert.deepEqual([...viewIndex(rows, { column: 2, direction: 'desc' }, { columns: { 3: '2026' } })], [0, 3]);
  });

  it('copies as TSV: NULL empty, tabs and line breaks inside values flattened', () => {
    assert.equal(toTsv(['a', 'b'], [[null, 'x\ty'], [1, 'z\nw']]), 'a\tb\n\tx y\n1\tz w');
  });
});
