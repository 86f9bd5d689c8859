import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementSpans } from '../../../src/engine/ide';
import { bounded, cellsFromScript, parseNotebook, SAVED_ROWS, scriptFromCells, serializeNotebook, type NotebookCellJson } from '../../../src/notebook/notebookFile';

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

  it('refuses a file whose cells cannot be read, saying which cell and what is wrong', () => {
    const refused = (cellsJson: string) => parseNotebook(`{"gongsqlNotebook": 1, "cells": [{"kind": "gongsql", "source": ["SELECT 1"]}, ${cellsJson}]}`);
    const cases: [string, RegExp][] = [
      ['"SELECT 2"', /cell 2 is not an object/],
      ['null', /cell 2 is not an object/],
      ['{"kind": "gongsql"}', /cell 2 has no "source"/],
      ['{"kind": "gongsql", "source": {"text": "SELECT 2"}}', /cell 2 has a "source" that is not text or a list of lines/],
      ['{"kind": "gongsql", "source": ["SELECT 2", 3]}', /cell 2 has a "source" whose line 2 is not text/],
      ['{"kind": "python", "source": ["x = 1"]}', /cell 2 has the kind "python" \(expected "gongsql" or "markdown"\)/],
      ['{"source": ["SELECT 2"]}', /cell 2 has no "kind"/],
    ];
    for (const [cell, message] of cases) {
      const parsed = refused(cell);
      assert.match(parsed.problem ?? '', message, cell);
      assert.deepEqual(parsed.cells, [], 'nothing opens: a save would overwrite what could not be read');
    }
    assert.match(parseNotebook('null').problem!, /no "cells"/);
    assert.match(parseNotebook('[1]').problem!, /no "cells"/);
    assert.deepEqual(parseNotebook('{"cells": [{"kind": "gongsql", "source": "SELECT 1\\nFROM Calls"}]}').cells[0]!.source, ['SELECT 1', 'FROM Calls'], 'a source as one text is read as lines');
  });

  it('opens the cells without saved outputs that cannot be read, naming the cell, the output and what is wrong', () => {
    const good = { columns: [{ name: 'n', type: 'integer' }], rows: [[1]], totalRows: 1, messages: ['1 row'] };
    const cases: [unknown, RegExp][] = [
      ['oops', /^cell 2: "outputs" is not a list$/],
      [{ rows: [] }, /^cell 2: "outputs" is not a list$/],
      [[good, 7], /^cell 2: output 2: is not an object$/],
      [[{ ...good, columns: 'n' }], /^cell 2: output 1: "columns" is not a list$/],
      [[{ ...good, columns: [{ name: 'n' }] }], /^cell 2: output 1: column 1 has no text "name" and "type"$/],
      [[{ ...good, rows: undefined }], /^cell 2: output 1: "rows" is not a list$/],
      [[{ ...good, rows: [[1], [1, 2]] }], /^cell 2: output 1: row 2 is not a list of 1 values/],
      [[{ ...good, rows: [[{ x: 1 }]] }], /^cell 2: output 1: row 1 is not a list of 1 values \(text, numbers or null\)$/],
      [[{ ...good, totalRows: '1' }], /^cell 2: output 1: "totalRows" is not a whole number/],
      [[{ ...good, messages: [1] }], /^cell 2: output 1: "messages" is not a list of text$/],
    ];
    for (const [outputs, message] of cases) {
      const text = JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'markdown', source: ['# Notes'] }, { kind: 'gongsql', source: ['SELECT 1 AS n'], outputs }] });
      const parsed = parseNotebook(text);
      assert.equal(parsed.problem, undefined, JSON.stringify(outputs));
      assert.deepEqual(parsed.cells.map((c) => c.source), [['# Notes'], ['SELECT 1 AS n']], 'the cells open');
      assert.equal(parsed.dropped.length, 1, JSON.stringify(outputs));
      assert.match(`cell ${parsed.dropped[0]!.cell}: ${parsed.dropped[0]!.reason}`, message);
      // Only the bad output is left out; a good one beside it still shows.
      assert.deepEqual(parsed.cells[1]!.outputs ?? [], Array.isArray(outputs) && outputs[0] === good ? [good] : []);
    }
    const markdown = parseNotebook(JSON.stringify({ cells: [{ kind: 'markdown', source: ['x'], outputs: [good] }] }));
    assert.deepEqual(markdown.dropped, [{ cell: 1, reason: 'a markdown cell has no outputs' }]);
    assert.deepEqual(parseNotebook(JSON.stringify({ cells: [{ kind: 'gongsql', source: ['SELECT 1'], outputs: [good] }] })).dropped, [], 'a good output is kept');
  });

  it('saves a cell\'s chart (kind, axes, aggregation; never its points), and no chart or key inside an output', () => {
    const chart = { kind: 'line', x: 'Week', y: 'Calls', aggregate: 'sum' } as const;
    const output = { columns: [{ name: 'Week', type: 'text' }, { name: 'Calls', type: 'integer' }], rows: [['2026-01-05', 3]], totalRows: 1, messages: [], chart, key: 'b3c1' };
    const text = serializeNotebook([{ kind: 'gongsql', source: ['SELECT 1'], chart, outputs: [output] }], true);
    const saved = JSON.parse(text).cells[0];
    assert.deepEqual(Object.keys(saved), ['kind', 'source', 'chart', 'outputs']);
    assert.deepEqual(saved.chart, chart);
    assert.deepEqual(Object.keys(saved.outputs[0]), ['columns', 'rows', 'totalRows', 'messages'], 'the output keeps its rows only');
    assert.deepEqual(parseNotebook(text).cells[0]!.chart, chart, 'read back');
    assert.equal(serializeNotebook(parseNotebook(text).cells, true), text, 'stable');
    assert.ok(!serializeNotebook([{ kind: 'gongsql', source: ['SELECT 1'], chart }], false).includes('outputs'), 'the chart is kept without outputs');
    // A chart that cannot be read: the cell opens on its table, nothing else is lost.
    const odd = parseNotebook(JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['SELECT 1'], chart: { kind: 'radar', x: 'Week', aggregate: 'sum' } }] }));
    assert.equal(odd.problem, undefined);
    assert.deepEqual(odd.cells, [{ kind: 'gongsql', source: ['SELECT 1'] }]);
  });

  it('turns a script into one cell per statement and back', () => {
    const script = 'SELECT 1;\n\n-- next\nSELECT 2 FROM Calls';
    const fromScript = cellsFromScript(script, statementSpans(script));
    assert.deepEqual(fromScript.map((c) => c.source.join('\n')), ['SELECT 1', '-- next\nSELECT 2 FROM Calls']);
    assert.equal(scriptFromCells(cells), '-- # Calls this week\n-- Counted by direction.\n\nSELECT Direction, count(*)\nFROM Calls\nGROUP BY 1;\n');
  });

  it('exporting to a script leaves empty cells out, ends no comment with ";" and never comments a ";" out', () => {
    const code = (...source: string[]): NotebookCellJson => ({ kind: 'gongsql', source });
    const script = scriptFromCells([code('SELECT 1'), code(''), code('  ', ''), code('-- to do'), code('SELECT 2 -- two'), code('SELECT 3')]);
    assert.equal(script, 'SELECT 1;\n\n-- to do\n\nSELECT 2 -- two\n;\n\nSELECT 3;\n');
    assert.deepEqual(statementSpans(script).map((s) => script.slice(s.start, s.end)), ['SELECT 1', 'SELECT 2 -- two', 'SELECT 3']);
  });
});
