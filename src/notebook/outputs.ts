import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ChartSpec } from '../results/chart';
import { formatTable } from '../engine/render/table';
import { csvLine } from '../engine/render/csv';
import type { StatementResult } from '../engine/run/result';
import { RESULT_MIME, type ResultOutput } from './notebookFile';

/** Rows a cell output carries to the renderer; the output says when a result had more. */
export const OUTPUT_ROWS = 10_000;

/** A cell's results as outputs: the grid's MIME type first, CSV and plain text as fallbacks; `chart` is the cell's chart. */
export function resultOutputs(results: readonly StatementResult[], chart?: ChartSpec): vscode.NotebookCellOutput[] {
  return results.map((r) => {
    const rows = r.rows.slice(0, OUTPUT_ROWS);
    const truncated = r.rows.length > rows.length ? [`Showing the first ${rows.length.toLocaleString('en-US')} of ${r.rows.length.toLocaleString('en-US')} rows.`] : [];
    const output: ResultOutput = { columns: r.columns.map((c) => ({ name: c.name, type: c.type })), rows, totalRows: r.rows.length, messages: [...r.messages, ...truncated], ...(r.layout ? { layout: r.layout } : {}) };
    return outputOf(output, chart);
  });
}

/** The output's metadata key that names it when its renderer changes the cell's chart (chartMessages.ts). */
export const OUTPUT_KEY = 'gongsqlOutput';

export function outputOf(saved: ResultOutput, chart?: ChartSpec): vscode.NotebookCellOutput {
  const key = randomUUID();
  const output: ResultOutput = { ...saved, key, ...(chart ? { chart } : {}) };
  const names = output.columns.map((c) => c.name);
  const items = names.length > 0
    ? [
      vscode.NotebookCellOutputItem.json(output, RESULT_MIME),
      vscode.NotebookCellOutputItem.text([csvLine(names), ...output.rows.map((row) => csvLine(row))].join(''), 'text/csv'),
      vscode.NotebookCellOutputItem.text(`${formatTable(names, output.rows as unknown[][], 60)}\n${output.messages.join('\n')}`, 'text/plain'),
    ]
    : [vscode.NotebookCellOutputItem.text(output.messages.join('\n'), 'text/plain')];
  return new vscode.NotebookCellOutput(items, { [OUTPUT_KEY]: key });
}
