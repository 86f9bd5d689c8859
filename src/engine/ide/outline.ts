import { bind } from '../bind/binder';
import { parse } from '../syntax/parser';
import type { Diagnostic, Span } from '../syntax/tokens';
import { statementSpans } from './statements';

/**
 * Syntax and binding diagnostics of a whole document, with document offsets. Each
 * statement is checked on its own and remembered by its text, so a keystroke re-checks
 * only the statement it changed.
 */
export function diagnostics(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const span of statementSpans(text)) {
    const slice = text.slice(span.start, span.end);
    let found = remembered.get(slice);
    if (!found) {
      const parsed = parse(slice);
      found = [...parsed.diagnostics, ...parsed.statements.flatMap((s) => bind(s).diagnostics)];
      if (remembered.size > 10_000) remembered.clear();
      remembered.set(slice, found);
    }
    for (const d of found) out.push({ ...d, span: { start: d.span.start + span.start, end: d.span.end + span.start }, ...(d.fixes && { fixes: d.fixes.map((f) => ({ ...f, span: { start: f.span.start + span.start, end: f.span.end + span.start } })) }) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const remembered = new Map<string, Diagnostic[]>();

export interface StatementSymbol { readonly name: string; readonly kind: string; readonly span: Span }

/** The outline: one entry per statement, named by its first line. */
export function statementSymbols(text: string): StatementSymbol[] {
  return statementSpans(text).map((span) => {
    const body = text.slice(span.start, span.end);
    const firstLine = body.split('\n')[0]?.trim() ?? '';
    const kind = (/^\s*(\w+)/.exec(body)?.[1] ?? '').toUpperCase();
    return { name: firstLine.length > 70 ? `${firstLine.slice(0, 67)}…` : firstLine, kind, span };
  });
}
