import { findColumn, findProcedure, findTable } from '../../gong/catalog';
import type { Span } from '../syntax/tokens';
import { callArgumentAt, referencesOf, statementContext } from './context';
import { columnDoc, functionDoc, paramDoc, procedureDoc, tableDoc } from './docs';
import { FUNCTIONS } from './functions';

export interface Hover { readonly markdown: string; readonly span: Span }

/** What the word under the cursor is: an object, a column, a function, a procedure or a procedure argument. */
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
    // The parameter an argument fills.
    const argument = callArgumentAt(ctx, token.span.start);
    const param = argument?.procedure.params[argument.index];
    if (argument) return param ? { markdown: paramDoc(argument.procedure, param), span: token.span } : undefined;
  }
  if (token.kind !== 'Identifier' && token.kind !== 'QuotedIdentifier') return undefined;
  const name = token.value;
  if (prev?.kind === 'Dot') {
    const qualifier = ctx.tokens[i - 2]?.value.toLowerCase();
    const table = refs.find((r) => r.name.toLowerCase() === qualifier)?.table ?? (qualifier ? findTable(qualifier) : undefined);
    const column = table && findColumn(table, name);
    return table && column ? { markdown: columnDoc(table, column), span: token.span } : undefined;
  }
  const fn = next?.kind === 'LParen' ? FUNCTIONS.find((f) => f.name === name.toLowerCase()) : undefined;
  if (fn) return { markdown: functionDoc(fn), span: token.span };
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
