import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bind, parse } from '../../../src/engine';
import { Diagnostics, diagnostic } from '../../../src/engine/syntax/diagnostics';

describe('the table of diagnostic messages', () => {
  it('gives every message a GS code of its layer, and no two messages the same code and text', () => {
    const seen = new Set<string>();
    for (const [name, m] of Object.entries(Diagnostics)) {
      assert.match(m.code, /^GS[12]\d{3}$/, name);
      assert.ok(!seen.has(`${m.code} ${m.template}`), name);
      seen.add(`${m.code} ${m.template}`);
    }
  });

  it('is where the scanner, parser and binder take every code and text from', () => {
    for (const file of ['src/engine/syntax/scanner.ts', 'src/engine/syntax/parser.ts', 'src/engine/bind/binder.ts']) {
      assert.deepEqual(readFileSync(file, 'utf8').match(/'GS\d{4}'/g) ?? [], [], file);
    }
  });

  it('fills the templates in order', () => {
    const d = diagnostic(Diagnostics.expectedName, { start: 1, end: 2 }, 'a table name', "'select'");
    assert.deepEqual(d, { code: 'GS1110', message: "Expected a table name, found 'select'", span: { start: 1, end: 2 }, severity: 'error' });
  });

  it('names what the parser and binder report', () => {
    assert.equal(parse('SELECT * FROM a OUTER JOIN b').diagnostics[0]?.code, Diagnostics.unknownJoinType.code);
    const [statement] = parse('DELETE FROM CRMIntegrations').statements;
    const [warning] = bind(statement!).diagnostics;
    assert.deepEqual([warning?.code, warning?.severity], [Diagnostics.deleteWithoutWhere.code, 'warning']);
  });
});
