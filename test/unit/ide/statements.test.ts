import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementAt, statementEditedAt } from '../../../src/engine/ide';

/** `|` marks the cursor; the answer is the statement's text, or undefined. */
const run = (marked: string): string | undefined => {
  const text = marked.replace('|', '');
  const span = statementAt(text, marked.indexOf('|'));
  return span && text.slice(span.start, span.end);
};

describe('the statement a run takes (statementAt)', () => {
  it('a cursor inside a statement or at its end', () => {
    assert.equal(run('SELECT Id, |Title FROM Calls'), 'SELECT Id, Title FROM Calls');
    assert.equal(run('|SELECT 1'), 'SELECT 1');
    assert.equal(run('SELECT 1|'), 'SELECT 1');
  });

  it('a cursor just after the ;, as typing leaves it', () => {
    assert.equal(run('SELECT Id, Title FROM Calls LIMIT 25;|'), 'SELECT Id, Title FROM Calls LIMIT 25');
    assert.equal(run('SELECT 1;   |'), 'SELECT 1');
  });

  it('blank and comment-only lines after a statement, up to the next one', () => {
    assert.equal(run('SELECT 1;\n\n|'), 'SELECT 1');
    assert.equal(run('SELECT 1;\n\n|\nSELECT 2;'), 'SELECT 1');
    assert.equal(run('SELECT 1;\n-- next| one\nSELECT 2;'), 'SELECT 1');
    assert.equal(run('SELECT 1;\n/* a\n| b */\nSELECT 2;'), 'SELECT 1');
    assert.equal(run('SELECT 1;\n-- next one\n|SELECT 2;'), 'SELECT 2');
  });

  it('two statements on one line: each ; belongs to the statement before it', () => {
    assert.equal(run('SELECT 1;| SELECT 2;'), 'SELECT 1');
    assert.equal(run('SELECT 1; SELECT 2;|'), 'SELECT 2');
    assert.equal(run('SELECT 1; |SELECT 2;'), 'SELECT 2');
  });

  it('a ; inside a string, a quoted name or a comment ends nothing', () => {
    assert.equal(run("SELECT ';' AS a|"), "SELECT ';' AS a");
    assert.equal(run("SELECT 'a;b' AS x;|"), "SELECT 'a;b' AS x");
    assert.equal(run('SELECT "b;c" FROM t; -- x; y|'), 'SELECT "b;c" FROM t');
    assert.equal(run('SELECT 1 /* ; */ + 2;\n|'), 'SELECT 1 /* ; */ + 2');
    assert.equal(run('SELECT [a;b] FROM t;| SELECT 2'), 'SELECT [a;b] FROM t');
  });

  it('nothing in an empty file, a file of comments, or before the first statement', () => {
    assert.equal(run('|'), undefined);
    assert.equal(run('\n\n|\n'), undefined);
    assert.equal(run('-- only a comment|\n/* and ; another */\n'), undefined);
    assert.equal(run('-- header|\n\nSELECT 1;'), undefined);
    assert.equal(run('|  SELECT 1;'), undefined);
  });
});

describe('the statement being typed (statementEditedAt)', () => {
  it('after a ; a new statement begins', () => {
    assert.equal(statementEditedAt('SELECT 1; ', 10), undefined);
    assert.deepEqual(statementEditedAt('SELECT * FROM Calls WHERE ', 26), { start: 0, end: 25 });
  });
});
