import { bind } from '../bind/binder';
import { parse } from '../syntax/parser';
import type { Diagnostic, Span } from '../syntax/tokens';
import { statementSpans } from './statements';

/** Syntax and binding diagnostics of a whole document, with document offsets. */
export function diagnostics(text: string): Diagnostic[] {
  const parsed = parse(text);
  return [...parsed.diagnostics, ...parsed.statements.flatMap((s) => bind(s).diagnostics)].sort((a, b) => a.span.start - b.span.start);
}

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
