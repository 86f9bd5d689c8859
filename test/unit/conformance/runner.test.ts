import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCorpusDir } from '../../../scripts/conformance/corpus';
import { runConformance } from '../../../scripts/conformance/runner';
import { isSyntaxMessage } from '../../../scripts/conformance/sqliteVerdict';

const fixture = join(__dirname, '../../fixtures/conformance');

describe('conformance runner (npm run conformance)', () => {
  it('judges a corpus directory: SQLite by prepare() on the schema so far, gongsql by its diagnostics', async () => {
    const summary = await runConformance(fixture);
    assert.deepEqual(summary.counts, { bothAccept: 8, bothReject: 3, falseError: 0, acceptedInvalid: 0, hang: 0, exception: 0 });
    const byLine = new Map(summary.judged.map((j) => [j.query.line, j]));
    assert.equal(byLine.get(4)?.sqlite, 'no such column: nope');
    assert.equal(byLine.get(8)?.sqlite, 'no such table: t1');
    assert.equal(byLine.get(9)?.outcome, 'bothReject');
    assert.equal(byLine.get(14)?.tclParameter, true);
  });

  it('counts every outcome, a hang and an exception included, and goes on after them', async () => {
    const summary = await runConformance(fixture, { timeoutMs: 1500, parserModule: join(fixture, 'brokenParser.ts') });
    const outcome = (line: number) => summary.judged.find((j) => j.query.line === line)?.outcome;
    assert.equal(outcome(10), 'falseError');
    assert.equal(outcome(11), 'hang');
    assert.equal(outcome(12), 'exception');
    assert.equal(outcome(13), 'acceptedInvalid');
    assert.equal(outcome(14), 'falseError');
    assert.equal(summary.falseErrorsExceptTcl, 1);
    assert.equal(summary.counts.hang, 1);
  });

  it('tells syntax errors from semantic ones', () => {
    for (const m of ['near "FROM": syntax error', 'incomplete input', 'unrecognized token: "123abc"', 'unknown join type: outer', 'hex literal too big: 0x1', 'unsupported frame specification']) {
      assert.ok(isSyntaxMessage(m), m);
    }
    for (const m of ['no such table: t', 'no such column: x', 'no such function: f', 'row value misused', 'misuse of aggregate: count()', 'ambiguous column name: a']) {
      assert.ok(!isSyntaxMessage(m), m);
    }
  });
});

describe('SQLite\'s own test queries (the corpus beside the checkout)', () => {
  const dir = process.env.GONGSQL_CONFORMANCE_DIR ?? defaultCorpusDir();
  it('agrees with SQLite: 0 hangs, 0 exceptions, 0 false syntax errors (TCL-only forms aside), at most 10 invalid queries accepted', { skip: dir ? false : 'the corpus (../shared/conformance/sqlite) is absent; set GONGSQL_CONFORMANCE_DIR to run it' }, async () => {
    const summary = await runConformance(dir as string);
    assert.ok(summary.queries > 9000, `${summary.queries} queries`);
    assert.equal(summary.counts.hang, 0);
    assert.equal(summary.counts.exception, 0);
    const falseErrors = summary.judged.filter((j) => j.outcome === 'falseError' && !j.tclParameter).map((j) => j.query.sql);
    assert.deepEqual(falseErrors, []);
    assert.ok(summary.counts.acceptedInvalid <= 10, `${summary.counts.acceptedInvalid} invalid queries accepted`);
  });
});
