/**
 * The .gongsqlnb file format: JSON that diffs well. One entry per cell, keys in a fixed
 * order, sources as arrays of lines; outputs only when the user asked for them, bounded,
 * and never anything about the connection (no secret can reach the file).
 */
import type { ResultLayout } from '../engine/run/result';
import type { SqlValue } from '../values';
import { statementSpans } from '../engine/ide/statements';
import { readChartSpec, type ChartSpec } from '../results/chart';
import { hasParameterSets, NO_SETS, readParameterSets, type ParameterSets } from './parameterSets';

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
  /** How the grid first shows it ('record' for EXPLAIN); a table when absent. */
  readonly layout?: ResultLayout;
  /** The cell's chart: the output opens on it (from the cell's metadata; never saved in the output). */
  readonly chart?: ChartSpec;
  /** Names the output to the extension host when the renderer changes its cell's chart (never saved). */
  readonly key?: string;
}

export interface NotebookCellJson {
  readonly kind: 'gongsql' | 'markdown';
  readonly source: readonly string[];
  /** The chart the cell's results show (kind, axes, series, aggregation), not its points: the cell's metadata in VS Code. */
  readonly chart?: ChartSpec;
  readonly outputs?: readonly ResultOutput[];
}

export interface NotebookJson {
  readonly gongsqlNotebook: 1;
  readonly cells: readonly NotebookCellJson[];
  /** Named `:name` values cells run with (parameterSets.ts); absent when there are none. */
  readonly parameters?: ParameterSets;
}

/** A saved output left out: its cell (from 1) and what is wrong with it, e.g. `output 1: "rows" is not a list`. */
export interface DroppedOutput { readonly cell: number; readonly reason: string }

/** What reading a notebook gives: its cells, or why it cannot open; and outputs left out, each saying where and why. */
export interface ParsedNotebook {
  cells: NotebookCellJson[];
  /** Set when the file cannot open at all (opening it empty and saving would destroy it). */
  problem?: string;
  /** Saved outputs that could not be read and are not shown: the file keeps them until the user saves. */
  dropped: DroppedOutput[];
  /** The notebook's parameter sets (none when it has none). */
  parameters?: ParameterSets;
}

/**
 * Reads a notebook. Empty text is a new notebook with one empty cell; a file whose cells
 * cannot be read refuses to open, saying where; saved outputs that cannot be read are left
 * out (each named in `dropped`), so the cells still open. Never throws.
 */
export function parseNotebook(text: string): ParsedNotebook {
  if (text.trim() === '') return { cells: [{ kind: 'gongsql', source: [''] }], dropped: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { cells: [], dropped: [], problem: `This notebook's JSON cannot be read: ${(error as Error).message}` };
  }
  if (!isObject(json) || !Array.isArray(json.cells)) return { cells: [], dropped: [], problem: 'This file is not a Gong SQL notebook: it has no "cells" list.' };
  const cells: NotebookCellJson[] = [];
  const dropped: DroppedOutput[] = [];
  for (const [i, raw] of json.cells.entries()) {
    const where = `cell ${i + 1}`;
    const cell = readCell(raw);
    if (typeof cell === 'string') return { cells: [], dropped: [], problem: `This notebook cannot be opened: ${where} ${cell}.` };
    const { outputs, problems } = readOutputs(isObject(raw) ? raw.outputs : undefined, cell.kind);
    dropped.push(...problems.map((reason) => ({ cell: i + 1, reason })));
    // A chart that cannot be read is left out: the cell opens on its table.
    const chart = isObject(raw) && cell.kind === 'gongsql' ? readChartSpec(raw.chart) : undefined;
    cells.push({ ...cell, ...(chart ? { chart } : {}), ...(outputs.length > 0 ? { outputs } : {}) });
  }
  return { cells, dropped, parameters: readParameterSets(json.parameters) };
}

/** A cell's kind and source, or what is wrong with it (the cell cannot be shown without them). */
function readCell(raw: unknown): NotebookCellJson | string {
  if (!isObject(raw)) return 'is not an object';
  if (raw.kind !== 'gongsql' && raw.kind !== 'markdown') return `has ${raw.kind === undefined ? 'no "kind"' : `the kind ${JSON.stringify(raw.kind)}`} (expected "gongsql" or "markdown")`;
  if (typeof raw.source === 'string') return { kind: raw.kind, source: raw.source.split('\n') };
  if (!Array.isArray(raw.source)) return raw.source === undefined ? 'has no "source"' : 'has a "source" that is not text or a list of lines';
  const line = raw.source.findIndex((l) => typeof l !== 'string');
  if (line >= 0) return `has a "source" whose line ${line + 1} is not text`;
  return { kind: raw.kind, source: raw.source as string[] };
}

/** The outputs that can be shown, and a sentence for each one that cannot. */
function readOutputs(raw: unknown, kind: NotebookCellJson['kind']): { outputs: ResultOutput[]; problems: string[] } {
  if (raw === undefined) return { outputs: [], problems: [] };
  if (!Array.isArray(raw)) return { outputs: [], problems: ['"outputs" is not a list'] };
  if (kind === 'markdown' && raw.length > 0) return { outputs: [], problems: ['a markdown cell has no outputs'] };
  const outputs: ResultOutput[] = [];
  const problems: string[] = [];
  for (const [i, output] of raw.entries()) {
    const problem = outputProblem(output);
    if (problem) problems.push(`output ${i + 1}: ${problem}`);
    else outputs.push(output as ResultOutput);
  }
  return { outputs, problems };
}

/** What makes a saved output unreadable (the grid and the fallbacks need every part of it), or undefined. */
function outputProblem(output: unknown): string | undefined {
  if (!isObject(output)) return 'is not an object';
  const { columns, rows, totalRows, messages } = output;
  if (!Array.isArray(columns)) return '"columns" is not a list';
  const column = columns.findIndex((c) => !isObject(c) || typeof c.name !== 'string' || typeof c.type !== 'string');
  if (column >= 0) return `column ${column + 1} has no text "name" and "type"`;
  if (!Array.isArray(rows)) return '"rows" is not a list';
  const row = rows.findIndex((r) => !Array.isArray(r) || r.length !== columns.length || !r.every(isSqlValue));
  if (row >= 0) return `row ${row + 1} is not a list of ${columns.length} values (text, numbers or null)`;
  if (typeof totalRows !== 'number' || !Number.isInteger(totalRows) || totalRows < rows.length) return '"totalRows" is not a whole number of at least the rows saved';
  if (!Array.isArray(messages) || !messages.every((m) => typeof m === 'string')) return '"messages" is not a list of text';
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSqlValue = (value: unknown): value is SqlValue => value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Writes a notebook in a stable form: same content, same bytes. */
export function serializeNotebook(cells: readonly NotebookCellJson[], keepOutputs: boolean, parameters: ParameterSets = NO_SETS): string {
  const out: NotebookJson = {
    gongsqlNotebook: 1,
    cells: cells.map((c) => ({
      kind: c.kind,
      source: c.source,
      ...(c.chart ? { chart: c.chart } : {}),
      ...(keepOutputs && c.outputs?.length ? { outputs: c.outputs.map((o) => bounded(withoutChart(o))) } : {}),
    })),
    ...(hasParameterSets(parameters) ? { parameters: readParameterSets(parameters) } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The chart and the key belong to the cell and to this window: a saved output holds neither. */
function withoutChart(output: ResultOutput): ResultOutput {
  const { chart: _chart, key: _key, ...saved } = output;
  return saved;
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
    return endStatement(text);
  }).filter((t) => t.length > 0).join('\n\n') + '\n';
}

/**
 * A code cell's text ending with `;` where it has a statement: an empty cell stays empty (and
 * is left out), comments alone get no `;`, and after a trailing `-- comment` the `;` goes on
 * a line of its own (on the comment's line it would be commented out, merging two cells).
 */
function endStatement(text: string): string {
  const statements = statementSpans(text).length;
  if (statements === 0 || text.endsWith(';')) return text;
  const swallowed = statementSpans(`${text};SELECT`).length === statements;
  return swallowed ? `${text}\n;` : `${text};`;
}
