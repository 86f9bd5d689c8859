import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementLog, statementLabel } from '../../../src/results/messages';

describe('the Messages tab of the results panel', () => {
  it('labels a statement with its first line, shortened', () => {
    assert.equal(statementLabel('  SELECT Id FROM Calls LIMIT 5'), 'SELECT Id FROM Calls LIMIT 5');
    assert.equal(statementLabel('SELECT Id, Title\nFROM Calls\nWHERE Duration > 60'), 'SELECT Id, Title …');
    const long = `SELECT ${Array.from({ length: 30 }, (_, i) => `Column${i}`).join(', ')} FROM Calls`;
    const label = statementLabel(long);
    assert.equal(label.length, 80);
    assert.ok(label.endsWith('…') && long.startsWith(label.slice(0, -1)));
  });

  it('gives each statement\'s messages its label and start time', () => {
    const log = new StatementLog();
    log.started(0, 'SELECT Id FROM Calls LIMIT 200;', Date.UTC(2026, 10, 30, 9, 41, 7));
    log.started(1, 'EXPLAIN SELECT Id\nFROM Users', Date.UTC(2026, 10, 30, 9, 41, 8));
    assert.deepEqual(log.messages([{ index: 0, messages: ['200 rows in 610 ms'] }, { index: 1, messages: ['a', 'b'] }]), [
      { statement: 'SELECT Id FROM Calls LIMIT 200;', at: Date.UTC(2026, 10, 30, 9, 41, 7), lines: ['200 rows in 610 ms'] },
      { statement: 'EXPLAIN SELECT Id …', at: Date.UTC(2026, 10, 30, 9, 41, 8), lines: ['a', 'b'] },
    ]);
  });
});
