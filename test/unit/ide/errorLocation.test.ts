import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateError, locatedMessage, statementAt } from '../../../src/engine/ide';
import { execute } from '../../../src/engine/run/engine';
import { EngineError } from '../../../src/engine/run/errors';

const FILE = 'SELECT 1;\n\n-- the calls\nSELECT Id,\n  Nope FROM Calls;\nSELEC 2;\n';

/** What the editor does: run the statement under `offset` alone, then map the error back. */
async function runStatementAt(source: string, offset: number) {
  const span = statementAt(source, offset)!;
  try {
    await execute(source.slice(span.start, span.end), {} as never);
  } catch (error) {
    assert.ok(error instanceof EngineError && error.span, String(error));
    return locateError(source, span.start, error.span.start);
  }
  throw new Error('no error');
}

describe('error positions in the file, not the statement', () => {
  it('a name error in a statement that starts on line 4 is reported on line 5 of the file', async () => {
    const location = await runStatementAt(FILE, FILE.indexOf('Nope'));
    assert.deepEqual(location, { line: 5, column: 3, statement: 'SELECT Id,' });
    assert.equal(locatedMessage('Unknown column Nope in Calls', location), 'Line 5, column 3: Unknown column Nope in Calls (in: SELECT Id,)');
  });

  it('a syntax error on line 6 (SELEC) is line 6, column 1', async () => {
    assert.deepEqual(await runStatementAt(FILE, FILE.length), { line: 6, column: 1, statement: 'SELEC 2' });
  });

  it('a selection or CodeLens range that starts mid-line keeps the column', () => {
    const source = 'SELECT 1; SELECT Nope FROM Calls;';
    assert.deepEqual(locateError(source, 10, 7), { line: 1, column: 18, statement: 'SELECT Nope FROM Calls' });
  });

  it('an offset inside a prefix the run added (EXPLAIN) is the start of what was run', () => {
    assert.deepEqual(locateError('\n\nSELEC 1', 2, -8), { line: 3, column: 1, statement: 'SELEC 1' });
  });

  it('a whole notebook cell: positions in the cell (syntax errors come first)', async () => {
    await assert.rejects(execute(FILE, {} as never), (error: EngineError) => {
      assert.deepEqual(locateError(FILE, 0, error.span!.start), { line: 6, column: 1, statement: 'SELEC 2' });
      return true;
    });
  });

  it('a long first line is shortened; no location leaves the message alone', () => {
    const long = `SELECT ${'a, '.repeat(60)}Nope FROM Calls`;
    const { statement } = locateError(long, 0, long.indexOf('Nope'));
    assert.equal(statement.length, 80);
    assert.ok(statement.endsWith('…'));
    assert.equal(locatedMessage('Cancelled.', undefined), 'Cancelled.');
  });
});
