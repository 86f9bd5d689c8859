import { findProcedure, findTable } from '../../gong/catalog';
import type { ProcedureDef, TableDef } from '../../gong/catalog/types';
import type * as A from '../syntax/ast';
import { parse, type ParseResult } from '../syntax/parser';
import type { Span, Token } from '../syntax/tokens';
import { statementEditedAt } from './statements';

/** The statement around a cursor, parsed on its own, with offsets in the document. */
export interface StatementContext {
  readonly text: string;
  readonly span: Span;
  readonly parsed: ParseResult;
  /** Tokens in document offsets. */
  readonly tokens: readonly Token[];
  readonly statement: A.Statement | undefined;
}

export function statementContext(text: string, offset: number): StatementContext | undefined {
  const span = statementEditedAt(text, offset);
  if (!span) return undefined;
  // Parsing the statement alone keeps the editor fast on long files; spans are shifted back.
  const slice = text.slice(span.start, span.end);
  const parsed = parse(slice);
  const tokens = parsed.tokens.map((t) => ({ ...t, span: { start: t.span.start + span.start, end: t.span.end + span.start } }));
  return { text, span, parsed, tokens, statement: parsed.statements[0] };
}

/** An object reference of the statement: the name the query uses for it and the table. */
export interface Reference { readonly name: string; readonly table?: TableDef; readonly cte?: boolean }

/** Every FROM/JOIN/UPDATE/INSERT target of a statement, CTE names included. */
export function referencesOf(statement: A.Statement | undefined): Reference[] {
  const out: Reference[] = [];
  const ctes = new Set<string>();
  const visitFrom = (f: A.FromItem | undefined): void => {
    if (!f) return;
    if (f.kind === 'Join') {
      visitFrom(f.left);
      visitFrom(f.right);
    } else if (f.kind === 'Table') {
      const cte = ctes.has(f.name.text.toLowerCase());
      out.push({ name: f.alias?.text ?? f.name.text, table: cte ? undefined : findTable(f.name.text), cte });
    } else if (f.kind === 'ParenFrom') {
      visitFrom(f.from);
    } else if (f.kind === 'SubqueryFrom') {
      visitSelect(f.select);
    } else if (f.kind === 'TableFunction') {
      out.push({ name: f.alias?.text ?? f.name.text });
    }
  };
  const visitBody = (b: A.SelectBody): void => {
    if (b.kind === 'Compound') {
      visitBody(b.left);
      visitBody(b.right);
    } else if (b.kind === 'Core') {
      visitFrom(b.from);
    }
  };
  const visitSelect = (s: A.SelectStatement): void => {
    for (const c of s.with?.tables ?? []) {
      ctes.add(c.name.text.toLowerCase());
      visitSelect(c.select);
    }
    visitBody(s.body);
  };
  if (!statement) return out;
  switch (statement.kind) {
    case 'Select': visitSelect(statement); break;
    case 'Explain': return referencesOf(statement.statement);
    case 'Update':
    case 'Delete':
      out.push({ name: statement.alias?.text ?? statement.table.text, table: findTable(statement.table.text) });
      break;
    case 'Insert':
      out.push({ name: statement.table.text, table: findTable(statement.table.text) });
      if (statement.source.kind === 'Select') visitSelect(statement.source.select);
      break;
    default:
  }
  return out;
}

/** The token that ends at or contains `offset` (the word being typed), and the ones before it. */
export function tokensAround(tokens: readonly Token[], offset: number): { current?: Token; before: Token[] } {
  let i = tokens.findIndex((t) => t.kind !== 'EOF' && t.span.start < offset && offset <= t.span.end);
  const current = i >= 0 && (tokens[i]?.kind === 'Identifier' || tokens[i]?.kind === 'QuotedIdentifier') ? tokens[i] : undefined;
  if (!current) i = tokens.findIndex((t) => t.span.start >= offset || t.kind === 'EOF');
  const end = current ? i : i < 0 ? tokens.length : i;
  return { current, before: tokens.slice(0, end).filter((t) => t.kind !== 'EOF') };
}

/** Where a cursor is in `CALL Name(…)`'s argument list. */
export interface CallArgument {
  readonly procedure: ProcedureDef;
  /** The argument's position: commas at the list's own depth before the cursor. */
  readonly index: number;
  /** Inside parentheses within the argument (a function call), not in the argument itself. */
  readonly nested: boolean;
}

/** The argument of a known procedure's CALL that `offset` is in; undefined before `(` or after its `)`. */
export function callArgumentAt(ctx: StatementContext, offset: number): CallArgument | undefined {
  const procedure = ctx.statement?.kind === 'Call' ? findProcedure(ctx.statement.name.text) : undefined;
  const open = ctx.tokens.find((t) => t.kind === 'LParen');
  if (!procedure || !open || offset < open.span.end) return undefined;
  let depth = 1;
  let index = 0;
  for (const t of ctx.tokens) {
    if (t.span.start < open.span.end) continue;
    if (t.span.start >= offset) break;
    if (t.kind === 'LParen') depth++;
    else if (t.kind === 'RParen' && --depth === 0) return undefined;
    else if (t.kind === 'Comma' && depth === 1) index++;
  }
  return { procedure, index, nested: depth > 1 };
}
