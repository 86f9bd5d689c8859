/**
 * The Messages tab's content: what each statement of a run said, with the statement (its
 * first line) and when it started, so "200 rows in 610 ms" says of what and when.
 */
import type { StatementMessages } from './protocol';

const LABEL_LENGTH = 80;

/** A statement's first non-blank line, shortened; "…" says that more follows. */
export function statementLabel(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  const first = (lines[0] ?? '').trim();
  if (first.length > LABEL_LENGTH) return `${first.slice(0, LABEL_LENGTH - 1)}…`;
  return lines.length > 1 ? `${first} …` : first;
}

/** Statement starts, remembered until the run's messages are sent. */
export class StatementLog {
  private readonly starts = new Map<number, { statement: string; at: number }>();

  started(index: number, text: string, at = Date.now()): void {
    this.starts.set(index, { statement: statementLabel(text), at });
  }

  messages(results: readonly { readonly index: number; readonly messages: readonly string[] }[]): StatementMessages[] {
    return results.map((r) => ({ statement: '', at: Date.now(), ...this.starts.get(r.index), lines: r.messages }));
  }
}
