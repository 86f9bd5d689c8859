import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind, parse, planQuery, type Ast } from '../../../src/engine';
import { neededColumns } from '../../../src/engine/plan/columns';
import { mirrorPredicates, projected } from '../../../src/engine/run/mirrorRead';
import { mirrorTable } from '../../../src/mirror/schema';

// What a mirror is asked for: the filters that compare there as in SQLite, and the columns read.

function scanOf(sql: string) {
  const select = parse(sql).statements[0] as Ast.SelectStatement;
  const binding = bind(select);
  const scan = planQuery(select, binding, { pushdown: true, params: new Map() }).scans[0]!;
  return { scan, read: neededColumns(select, binding, scan.ref, scan.table.columns) };
}

const describeAll = (sql: string) => mirrorPredicates(scanOf(sql).scan).map((p) => `${p.column} ${p.op} ${JSON.stringify(p.value)}`);

describe('mirror pushdown', () => {
  it('offers every filter of the column\'s storage class, Gong\'s or not', () => {
    assert.deepEqual(describeAll(`SELECT Id FROM Calls WHERE Scheduled >= '2026-01-01' AND Duration > 600 AND Direction = 'Inbound' AND IsPrivate = 0`),
      ['Scheduled >= "2026-01-01"', 'Duration > 600', 'Direction = "Inbound"', 'IsPrivate = 0']);
  });

  it('keeps comparisons across storage classes local: SQLite\'s affinity decides them', () => {
    assert.deepEqual(describeAll(`SELECT Id FROM Calls WHERE Duration > '600' AND Id = 5 AND Title IN ('a', 3)`), []);
  });

  it('keeps an id written as a bare 19-digit integer (its digits as text)', () => {
    assert.deepEqual(describeAll(`SELECT Id FROM Calls WHERE Id = 7782342274025937895`), ['Id = "7782342274025937895"']);
  });

  it('reads only the columns the statement reads and those its filters name', () => {
    const { scan, read } = scanOf(`SELECT Title FROM Calls WHERE Scheduled >= '2026-01-01' AND Duration > 60`);
    const table = projected(mirrorTable(scan.table)!, read, mirrorPredicates(scan));
    assert.deepEqual(table.columns.map((c) => c.name), ['Title', 'Scheduled', 'Duration']);
    const all = scanOf(`SELECT * FROM Calls`);
    const whole = mirrorTable(all.scan.table)!;
    assert.equal(projected(whole, all.read, []), whole, '* reads the whole table');
  });
});
