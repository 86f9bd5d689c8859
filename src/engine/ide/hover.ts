import { findColumn, findProcedure, findTable } from '../../gong/catalog';
import type { ProcedureDef } from '../../gong/catalog/types';
import type { Span, Token } from '../syntax/tokens';
import { referencesOf, statementContext } from './context';
import { columnDoc, paramDoc, procedureDoc, tableDoc } from './docs';

export interface Hover { readonly markdown: string; readonly span: Span }

/** What the word under the cursor is: an object, a column, a procedure or a procedure argument. */
export function hover(text: string, offset: number): Hover | undefined {
  const ctx = statementContext(text, offset);
  if (!ctx) return undefined;
  const i = ctx.tokens.findIndex((t) => t.kind !== 'EOF' && t.span.start <= offset && offset < t.span.end);
  const token = ctx.tokens[i];
  if (!token) return undefined;
  const prev = ctx.tokens[i - 1];
  const next = ctx.tokens[i + 1];
  const refs = referencesOf(ctx.statement);
  const statement = ctx.statement;

  if (statement?.kind === 'Call') {
    const procedure = findProcedure(statement.name.text);
    if (procedure && token.kind === 'Identifier' && token.value.toLowerCase() === procedure.name.toLowerCase()) return { markdown: procedureDoc(procedure), span: token.span };
    const argsStart = statement.argsSpan.start + ctx.span.start;
    const argsEnd = statement.argsSpan.end + ctx.span.start;
    if (procedure && offset >= argsStart && offset <= argsEnd) return argumentHover(procedure, ctx.tokens, argsStart, token);
  }
  if (token.kind !== 'Identifier' && token.kind !== 'QuotedIdentifier') return undefined;
  const name = token.value;
  if (prev?.kind === 'Dot') {
    const qualifier = ctx.tokens[i - 2]?.value.toLowerCase();
    const table = refs.find((r) => r.name.toLowerCase() === qualifier)?.table ?? (qualifier ? findTable(qualifier) : undefined);
    const column = table && findColumn(table, name);
    return table && column ? { markdown: columnDoc(table, column), span: token.span } : undefined;
  }
  const asRef = refs.find((r) => r.name.toLowerCase() === name.toLowerCase() && r.table);
  if (next?.kind === 'Dot' && asRef?.table) return { markdown: tableDoc(asRef.table), span: token.span };
  const table = findTable(name);
  if (table) return { markdown: tableDoc(table), span: token.span };
  if (asRef?.table) return { markdown: tableDoc(asRef.table), span: token.span };
  for (const ref of refs) {
    const column = ref.table && findColumn(ref.table, name);
    if (ref.table && column) return { markdown: columnDoc(ref.table, column), span: token.span };
  }
  return undefined;
}

/** The parameter an argument fills: counted by the commas at depth 0 before it. */
function argumentHover(procedure: ProcedureDef, tokens: readonly Token[], argsStart: number, token: Token): Hover | undefined {
  const index = argumentIndex(tokens, argsStart, token.span.start);
  const param = procedure.params[index];
  return param ? { markdown: paramDoc(procedure, param), span: token.span } : undefined;
}

export function argumentIndex(tokens: readonly Token[], argsStart: number, offset: number): number {
  let depth = 0;
  let index = 0;
  for (const t of tokens) {
    if (t.span.start < argsStart) continue;
    if (t.span.start >= offset) break;
    if (t.kind === 'LParen') depth++;
    else if (t.kind === 'RParen') depth--;
    else if (t.kind === 'Comma' && depth === 0) index++;
  }
  return index;
}
