import { lineColumn } from '../run/errors';
import { statementAt } from './statements';

/** Where a problem is in the file or cell a run came from, for messages and "Go to". */
export interface ErrorLocation {
  /** 1-based, in the whole source (not the statement that ran). */
  readonly line: number;
  readonly column: number;
  /** The first line of the statement holding the problem, to show with the message. */
  readonly statement: string;
}

const STATEMENT_SHOWN = 80;

/**
 * The engine counts offsets in the text it ran: a statement, a selection or a CodeLens range
 * that starts at `base` in `source` (the file or cell). `offset` is in that text; a negative
 * one (inside a prefix the run added, EXPLAIN) means the start of what the user wrote.
 */
export function locateError(source: string, base: number, offset: number): ErrorLocation {
  const at = Math.min(base + Math.max(offset, 0), source.length);
  const { line, column } = lineColumn(source, at);
  const statement = statementAt(source, at);
  const first = statement ? (source.slice(statement.start, statement.end).split('\n')[0] as string).trim() : '';
  return { line, column, statement: first.length > STATEMENT_SHOWN ? `${first.slice(0, STATEMENT_SHOWN - 1)}…` : first };
}

/** "Line 7, column 12". */
export function positionText(location: ErrorLocation): string {
  return `Line ${location.line}, column ${location.column}`;
}

/** The one-line message: position, problem and the statement it is in. */
export function locatedMessage(message: string, location: ErrorLocation | undefined): string {
  if (!location) return message;
  return `${positionText(location)}: ${message}${location.statement ? ` (in: ${location.statement})` : ''}`;
}
