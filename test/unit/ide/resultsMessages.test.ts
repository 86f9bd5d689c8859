import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultTitle, StatementLog, statementLabel } from '../../../src/results/messages';

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
    log.ended(0, ['200 rows in 610 ms']);
    log.ended(1, ['a', 'b']);
    assert.deepEqual(log.messages(), [
      { statement: 'SELECT Id FROM Calls LIMIT 200;', at: Date.UTC(2026, 10, 30, 9, 41, 7), lines: ['200 rows in 610 ms'] },
      { statement: 'EXPLAIN SELECT Id …', at: Date.UTC(2026, 10, 30, 9, 41, 8), lines: ['a', 'b'] },
    ]);
  });

  it('keeps earlier statements\' messages when a later one fails or is cancelled', () => {
    const log = new StatementLog();
    log.started(0, 'SELECT Id FROM Calls LIMIT 3;', 1000);
    log.ended(0, ['3 rows in 12 ms']);
    log.started(1, "SELECT json_extract('{bad', '$.a') FROM Calls;", 2000);
    const location = { line: 2, column: 1, statement: "SELECT json_extract('{bad', '$.a') FROM Calls;" };
    assert.deepEqual(log.messages({ index: 1, stop: { error: 'malformed JSON', location } }), [
      { statement: 'SELECT Id FROM Calls LIMIT 3;', at: 1000, lines: ['3 rows in 12 ms'] },
      { statement: "SELECT json_extract('{bad', '$.a') FROM Calls;", at: 2000, lines: [], error: 'malformed JSON', location },
    ]);
    assert.deepEqual(log.messages({ index: 1, stop: { cancelled: true, ms: 2345, rows: 1200 } })[1]?.lines, ['Cancelled after 2,345 ms; 1,200 rows read.']);
    const declined = log.messages({ index: 1, stop: { notRun: 'Not run: you declined to UPDATE all 12 rows of PermissionProfiles (no WHERE).' } })[1];
    assert.deepEqual(declined?.lines, ['Not run: you declined to UPDATE all 12 rows of PermissionProfiles (no WHERE).']);
    assert.equal(declined && 'error' in declined, false, 'not an error');
  });

  it('names a result tab after the object its statement reads or writes, else its first words', () => {
    assert.equal(resultTitle('SELECT Id, Title FROM Calls WHERE Duration > 60'), 'Calls');
    assert.equal(resultTitle('-- the week\nselect u.Id from Users u'), 'Users');
    assert.equal(resultTitle('EXPLAIN SELECT * FROM Calls'), 'EXPLAIN Calls');
    assert.equal(resultTitle("UPDATE Users SET Title = 'x' WHERE Id = '1'"), 'UPDATE Users');
    assert.equal(resultTitle('SELECT 1 + 1;'), 'SELECT 1 + 1');
    assert.equal(resultTitle('SELECT Name, (SELECT count(*) FROM Users) FROM Workspaces'), 'Workspaces', 'the statement\'s own object, not a subquery\'s');
    assert.equal(resultTitle('WITH u AS (SELECT * FROM Users) SELECT * FROM Calls JOIN u ON 1'), 'Calls');
    assert.equal(resultTitle('SELECT * FROM gong.Calls'), 'Calls');
    assert.equal(resultTitle('DELETE FROM "Users" WHERE Id = 1'), 'DELETE Users');
    assert.equal(resultTitle("SELECT 'a very long literal that goes on';"), "SELECT 'a very long lit…");
  });
});
