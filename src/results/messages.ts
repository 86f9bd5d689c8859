/**
 * The Messages tab's content: what each statement of a run said, with the statement (its
 * first line) and when it started, so "200 rows in 610 ms" says of what and when. Also the
 * result tabs' names, which say which statement a result came from.
 */
import type { ErrorLocation } from '../engine/ide/errorLocation';
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
 * "EXPLAIN Calls"), else its first words, short enough for a tab.
 */
export function resultTitle(text: string): string {
  const code = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').trim();
  const explain = /^EXPLAIN\s+/i.test(code) ? 'EXPLAIN ' : '';
  const body = code.slice(explain.length);
  const verb = /^(INSERT|UPDATE|DELETE|CALL)\b/i.exec(body)?.[1]?.toUpperCase();
  const object = /^(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|CALL)\s+([\w."]+)/i.exec(body)?.[1] ?? /\bFROM\s+([\w."]+)/i.exec(body)?.[1];
  const title = object ? `${explain}${verb ? `${verb} ` : ''}${object.replace(/"/g, '')}` : code.replace(/;$/, '');
  return title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1)}…` : title;
}

/** How a statement ended early: an error (with where it is, when known) or a cancel. */
export type Stop = { error: string; location?: ErrorLocation } | { cancelled: true; ms: number; rows: number };

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
      if ('cancelled' in stop) return { ...group, lines: [...group.lines, `Cancelled after ${stop.ms.toLocaleString('en-US')} ms; ${stop.rows.toLocaleString('en-US')} row${stop.rows === 1 ? '' : 's'} read.`] };
      return { ...group, error: stop.error, ...(stop.location ? { location: stop.location } : {}) };
    });
  }
}
