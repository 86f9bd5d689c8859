import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementSpans } from '../../../src/engine/ide';
import { bounded, cellsFromScript, parseNotebook, SAVED_ROWS, scriptFromCells, serializeNotebook, type NotebookCellJson } from '../../../src/notebook/format';

const cells: NotebookCellJson[] = [
  { kind: 'markdown', source: ['# Calls this week', 'Counted by direction.'] },
  { kind: 'gongsql', source: ['SELECT Direction, count(*)', 'FROM Calls', 'GROUP BY 1'], outputs: [{ columns: [{ name: 'Direction', type: 'text' }], rows: [['Inbound']], totalRows: 1, messages: [] }] },
];

describe('.gongsqlnb format', () => {
  it('writes one entry per cell, sources as lines, no outputs unless asked', () => {
    const text = serializeNotebook(cells, false);
    assert.equal(text, serializeNotebook(parseNotebook(text).cells, false), 'stable: same content, same bytes');
    assert.ok(!text.includes('outputs'));
    assert.match(text, /"source": \[\n\s+"SELECT Direction, count\(\*\)",\n\s+"FROM Calls",/);
    assert.deepEqual(parseNotebook(text).cells.map((c) => c.kind), ['markdown', 'gongsql']);
  });

  it('keeps outputs when asked, bounded and saying so', () => {
    const many = { columns: [{ name: 'n', type: 'integer' }], rows: Array.from({ length: SAVED_ROWS + 5 }, (_, i) => [i]), totalRows: SAVED_ROWS + 5, messages: [] };
    const kept = bounded(many);
    assert.equal(kept.rows.length, SAVED_ROWS);
    assert.match(kept.messages.at(-1)!, /first 1,000 of 1,005 rows/);
    const text = serializeNotebook([{ kind: 'gongsql', source: ['SELECT 1'], outputs: [many] }], true);
    assert.equal(parseNotebook(text).cells[0]!.outputs![0]!.rows.length, SAVED_ROWS);
  });

  it('reads an empty file as a new notebook and bad JSON as a clear problem', () => {
    assert.deepEqual(parseNotebook('').cells, [{ kind: 'gongsql', source: [''] }]);
    assert.match(parseNotebook('{oops').problem!, /cannot be read/);
    assert.match(parseNotebook('{"x": 1}').problem!, /no "cells"/);
  });

  it('turns a script into one cell per statement and back', () => {
    const script = 'SELECT 1;\n\n-- next\nSELECT 2 FROM Calls';
    const fromScript = cellsFromScript(script, statementSpans(script));
    assert.deepEqual(fromScript.map((c) => c.source.join('\n')), ['SELECT 1', '-- next\nSELECT 2 FROM Calls']);
    assert.equal(scriptFromCells(cells), '-- # Calls this week\n-- Counted by direction.\n\nSELECT Direction, count(*)\nFROM Calls\nGROUP BY 1;\n');
  });
});
