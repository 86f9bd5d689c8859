/**
 * The Messages tab's content: what each statement of a run said, with the statement (its
 * first line) and when it started, so "200 rows in 610 ms" says of what and when. Also the
 * result tabs' names, which say which statement a result came from.
 */
import type { ErrorLocation } from '../engine/ide/errorLocation';
import type * as A from '../engine/syntax/ast';
import { parse } from '../engine/syntax/parser';
import type { StatementMessages } from './protocol';

const LABEL_LENGTH = 80;
const TITLE_LENGTH = 24;

/** A statement's first non-blank line, shortened; "…" says that more follows. */
export function statementLabel(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const first = (lines[0] ?? '').trim();
  if (first.length > LABEL_LENGTH) return `${first.slice(0, LABEL_LENGTH - 1)}…`;
  return lines.length > 1 ? `${first} …` : first;
}

/**
 * A result tab's name: the object a statement reads or writes ("Calls", "UPDATE Users",
 * "EXPLAIN Calls"), else its first words, short enough for a tab. The object is the
 * statement's own (its first FROM item), never one inside a subquery or a WITH clause.
 */
export function resultTitle(text: string): string {
  const statement = parse(text).statements[0];
  const object = statement && objectOf(statement);
  const title = object ?? text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').trim().replace(/;$/, '');
  return title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1)}…` : title;
}

function objectOf(statement: A.Statement): string | undefined {
  switch (statement.kind) {
    case 'Explain': {
      const inner = objectOf(statement.statement);
      return inner && `EXPLAIN ${inner}`;
    }
    case 'Select':
      return firstTable(statement.body);
    case 'Insert':
    case 'Update':
    case 'Delete':
      return `${statement.kind.toUpperCase()} ${statement.table.text}`;
    case 'Call':
      return `CALL ${statement.name.text}`;
    default:
      return undefined;
  }
}

function firstTable(body: A.SelectBody): string | undefined {
  if (body.kind === 'Compound') return firstTable(body.left);
  if (body.kind !== 'Core' || !body.from) return undefined;
  let from: A.FromItem = body.from;
  for (;;) {
    if (from.kind === 'Join') from = from.left;
    else if (from.kind === 'ParenFrom') from = from.from;
    else break;
  }
  if (from.kind === 'Table' || from.kind === 'TableFunction') return from.name.text || undefined;
  return undefined;
}

/** How a statement ended early: an error (with where it is, when known), a cancel, or not run because the user said no. */
export type Stop = { error: string; location?: ErrorLocation } | { cancelled: true; ms: number; rows: number } | { notRun: string };

/** Statement starts and what each said, kept until the run ends and its messages are sent. */
export class StatementLog {
  private readonly starts = new Map<number, { statement: string; at: number }>();
  private readonly said = new Map<number, readonly string[]>();

  started(index: number, text: string, at = Date.now()): void {
    this.starts.set(index, { statement: statementLabel(text), at });
  }

  ended(index: number, messages: readonly string[]): void {
    this.said.set(index, messages);
  }

  /** Every statement that ran, in order; the one that stopped the run says why. */
  messages(stopped?: { index: number; stop: Stop }): StatementMessages[] {
    return [...this.starts.keys()].sort((a, b) => a - b).map((index) => {
      const group = { statement: '', at: Date.now(), ...this.starts.get(index), lines: this.said.get(index) ?? [] };
      if (stopped?.index !== index) return group;
      const { stop } = stopped;
      if ('notRun' in stop) return { ...group, lines: [...group.lines, stop.notRun] };
      if ('cancelled' in stop) return { ...group, lines: [...group.lines, `Cancelled after ${stop.ms.toLocaleString('en-US')} ms; ${stop.rows.toLocaleString('en-US')} row${stop.rows === 1 ? '' : 's'} read.`] };
      return { ...group, error: stop.error, ...(stop.location ? { location: stop.location } : {}) };
    });
  }
}
