/**
 * The .gongsqlnb file format: JSON that diffs well. One entry per cell, keys in a fixed
 * order, sources as arrays of lines; outputs only when the user asked for them, bounded,
 * and never anything about the connection (no secret can reach the file).
 */
import type { SqlValue } from '../gong/catalog/types';

export const NOTEBOOK_TYPE = 'gongsql-notebook';
export const RESULT_MIME = 'application/vnd.gongsql.result+json';
/** Rows a saved output keeps at most; the output says when it holds fewer than the result. */
export const SAVED_ROWS = 1000;

export interface ResultOutput {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly SqlValue[])[];
  /** Rows the statement returned; more than `rows.length` when the output is truncated. */
  readonly totalRows: number;
  readonly messages: readonly string[];
}

export interface NotebookCellJson {
  readonly kind: 'gongsql' | 'markdown';
  readonly source: readonly string[];
  readonly outputs?: readonly ResultOutput[];
}

export interface NotebookJson {
  readonly gongsqlNotebook: 1;
  readonly cells: readonly NotebookCellJson[];
}

/** Reads a notebook; empty or unreadable text is a new notebook with one empty cell (never a crash). */
export function parseNotebook(text: string): { cells: NotebookCellJson[]; problem?: string } {
  if (text.trim() === '') return { cells: [{ kind: 'gongsql', source: [''] }] };
  try {
    const json = JSON.parse(text) as Partial<NotebookJson>;
    if (!Array.isArray(json.cells)) return { cells: [], problem: 'This file is not a Gong SQL notebook: it has no "cells" list.' };
    const cells = json.cells.map((c): NotebookCellJson => ({
      kind: c?.kind === 'markdown' ? 'markdown' : 'gongsql',
      source: Array.isArray(c?.source) ? c.source.map(String) : typeof c?.source === 'string' ? String(c.source).split('\n') : [''],
      ...(Array.isArray(c?.outputs) && c.outputs.length ? { outputs: c.outputs } : {}),
    }));
    return { cells };
  } catch (error) {
    return { cells: [], problem: `This notebook's JSON cannot be read: ${(error as Error).message}` };
  }
}

/** Writes a notebook in a stable form: same content, same bytes. */
export function serializeNotebook(cells: readonly NotebookCellJson[], keepOutputs: boolean): string {
  const out: NotebookJson = {
    gongsqlNotebook: 1,
    cells: cells.map((c) => ({
      kind: c.kind,
      source: c.source,
      ...(keepOutputs && c.outputs?.length ? { outputs: c.outputs.map(bounded) } : {}),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** An output as saved: at most SAVED_ROWS rows, and a message saying so when rows were left out. */
export function bounded(output: ResultOutput): ResultOutput {
  if (output.rows.length <= SAVED_ROWS) return output;
  return {
    ...output,
    rows: output.rows.slice(0, SAVED_ROWS),
    messages: [...output.messages, `Saved with the first ${SAVED_ROWS.toLocaleString('en-US')} of ${output.totalRows.toLocaleString('en-US')} rows; run the cell again for all of them.`],
  };
}

/** The source of a cell as one text. */
export const sourceText = (cell: NotebookCellJson) => cell.source.join('\n');

/** A .gongsql script as notebook cells, one per statement (comments between stay with the next). */
export function cellsFromScript(text: string, spans: readonly { start: number; end: number }[]): NotebookCellJson[] {
  if (spans.length === 0) return [{ kind: 'gongsql', source: [text.trim()] }];
  // Each cell runs from just after the previous statement's `;`, so comments are kept.
  return spans.map((s, i) => {
    const from = i === 0 ? 0 : text.indexOf(';', (spans[i - 1] as { end: number }).end) + 1;
    const to = i === spans.length - 1 ? text.length : s.end;
    return { kind: 'gongsql' as const, source: text.slice(from, to).trim().replace(/;\s*$/, '').split('\n') };
  });
}

/** A notebook as a .gongsql script: statements separated by `;`, markdown kept as comments. */
export function scriptFromCells(cells: readonly NotebookCellJson[]): string {
  return cells.map((c) => {
    const text = sourceText(c).trim();
    if (c.kind === 'markdown') return text.split('\n').map((l) => `-- ${l}`.trimEnd()).join('\n');
    return text.endsWith(';') ? text : `${text};`;
  }).filter((t) => t.length > 0).join('\n\n') + '\n';
}
