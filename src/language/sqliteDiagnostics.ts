import * as vscode from 'vscode';
import { statementSpans } from '../engine/ide';
import type { Span } from '../engine/syntax/tokens';
import { toRange } from './convert';

/** SQLite's error about one statement's text (its span in that text), or undefined when SQLite accepts it. */
export type SqliteCheck = (statement: string) => Promise<{ message: string; span: Span } | undefined>;

/** Checks waited for after the last keystroke: SQLite runs when typing pauses. */
const DEBOUNCE_MS = 400;
/** Answers kept by statement text; beyond this many the memory is cleared. */
const REMEMBERED = 500;

/**
 * The editor's SQLite diagnostics: what SQLite would reject when the statement runs
 * (`no such window`, `misuse of aggregate`, …), found by compiling each statement on the local
 * worker (no request to Gong). Asynchronous and debounced, so typing never waits; an answer
 * for a document that changed since it was asked is dropped. Statements with a gongsql error
 * are left to that error.
 */
export class SqliteDiagnostics implements vscode.Disposable {
  private readonly found = new Map<string, vscode.Diagnostic[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly answers = new Map<string, Promise<Awaited<ReturnType<SqliteCheck>>>>();

  constructor(private readonly check: SqliteCheck, private readonly publish: (document: vscode.TextDocument) => void) {}

  /** The SQLite diagnostics of a document as last checked (none while a changed one waits for its check). */
  of(document: vscode.TextDocument): readonly vscode.Diagnostic[] {
    return this.found.get(document.uri.toString()) ?? [];
  }

  /** The document changed (or opened): its old answers no longer fit; a check follows when typing pauses. */
  changed(document: vscode.TextDocument, own: readonly vscode.Diagnostic[]): void {
    const key = document.uri.toString();
    this.found.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(document, own).catch(() => undefined);
    }, DEBOUNCE_MS));
  }

  closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.found.delete(key);
  }

  dispose(): void {
    this.timers.forEach(clearTimeout);
  }

  private async run(document: vscode.TextDocument, own: readonly vscode.Diagnostic[]): Promise<void> {
    const version = document.version;
    const text = document.getText();
    const found: vscode.Diagnostic[] = [];
    for (const span of statementSpans(text)) {
      const range = toRange(document, span);
      if (own.some((d) => d.severity === vscode.DiagnosticSeverity.Error && range.intersection(d.range))) continue;
      const problem = await this.answer(text.slice(span.start, span.end));
      // Stale: the text it was asked about is gone.
      if (document.isClosed || document.version !== version) return;
      if (!problem) continue;
      const diagnostic = new vscode.Diagnostic(toRange(document, { start: span.start + problem.span.start, end: span.start + problem.span.end }), problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'SQLite';
      found.push(diagnostic);
    }
    this.found.set(document.uri.toString(), found);
    this.publish(document);
  }

  private answer(statement: string): ReturnType<SqliteCheck> {
    let answer = this.answers.get(statement);
    if (!answer) {
      if (this.answers.size >= REMEMBERED) this.answers.clear();
      answer = this.check(statement).catch(() => undefined);
      this.answers.set(statement, answer);
    }
    return answer;
  }
}
