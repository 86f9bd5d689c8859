import { findTable, procedures, tables } from '../../gong/catalog';
import { LANGUAGE_CODES } from '../../gong/catalog/params';
import type { ParamDef, TableDef } from '../../gong/catalog/types';
import { JOIN_KEYWORDS, RESERVED, type Span, type Token } from '../syntax/tokens';
import { callArgumentAt, referencesOf, statementContext, tokensAround, type StatementContext } from './context';
import { columnDoc, procedureDoc, procedureSignature, tableDoc } from './docs';
import { CLAUSE_KEYWORDS, FUNCTIONS, STATEMENT_KEYWORDS } from './functions';

export interface CompletionItem {
  readonly label: string;
  readonly kind: 'keyword' | 'object' | 'column' | 'function' | 'procedure' | 'alias' | 'value';
  readonly detail?: string;
  readonly documentation?: string;
  /** Snippet syntax (`${1:name}`) when `snippet` is set. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  readonly sortText?: string;
  /** The text the item replaces, when it is more than the word at the cursor (a string being typed). */
  readonly replace?: Span;
}

const OBJECT_POSITIONS = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE']);
const word = (t: Token | undefined) => (t?.kind === 'Identifier' ? t.value.toUpperCase() : '');
const isName = (t: Token | undefined) => t?.kind === 'QuotedIdentifier' || (t?.kind === 'Identifier' && !RESERVED.has(t.value.toUpperCase()) && !JOIN_KEYWORDS.has(t.value.toUpperCase()));

/** Completions at `offset`, by what the cursor is in: an object position, `alias.`, CALL, a procedure's argument, an alias being typed, or an expression. */
export function complete(text: string, offset: number): CompletionItem[] {
  const ctx = statementContext(text, offset);
  if (!ctx || offset < ctx.span.start) return STATEMENT_KEYWORDS.map(keyword);
  const { before } = tokensAround(ctx.tokens, offset);
  if (before.length === 0) return STATEMENT_KEYWORDS.map(keyword);
  const prev = before[before.length - 1];
  const prev2 = before[before.length - 2];
  const refs = referencesOf(ctx.statement);

  if (prev?.kind === 'Dot') {
    // `alias.` gives that object's columns only.
    const name = prev2?.value.toLowerCase();
    const ref = refs.find((r) => r.name.toLowerCase() === name);
    const table = ref ? ref.table : name ? findTable(name) : undefined;
    return table ? columnsOf(table, undefined) : [];
  }
  if (word(prev) === 'CALL') return procedures.map(procedureItem);
  const argument = callArgumentAt(ctx, offset);
  if (argument && !argument.nested) return argumentItems(ctx, offset, argument.procedure.params[argument.index]);
  if (OBJECT_POSITIONS.has(word(prev)) || (prev?.kind === 'Comma' && clauseOf(before) === 'FROM')) return objects(refs.filter((r) => r.cte).map((r) => r.name));
  // Right after an object name (or AS) the user is naming an alias: offer nothing over it.
  if (word(prev) === 'AS' || (isName(prev) && (OBJECT_POSITIONS.has(word(prev2)) || (prev2?.kind === 'Comma' && clauseOf(before) === 'FROM')))) return [];

  const items: CompletionItem[] = [];
  const multiple = refs.length > 1;
  for (const ref of refs) {
    if (multiple || ref.name.toLowerCase() !== ref.table?.name.toLowerCase()) items.push({ label: ref.name, kind: 'alias', detail: ref.table ? `alias of ${ref.table.name}` : 'source', sortText: `1${ref.name}` });
    if (ref.table) items.push(...columnsOf(ref.table, multiple ? ref.name : undefined));
  }
  items.push(...FUNCTIONS.map((f): CompletionItem => ({ label: f.name, kind: 'function', detail: f.signature, documentation: f.doc, sortText: `3${f.name}` })));
  items.push(...CLAUSE_KEYWORDS.map(keyword));
  return items;
}

function columnsOf(table: TableDef, qualifier: string | undefined): CompletionItem[] {
  return table.columns.map((c) => ({
    label: c.name,
    kind: 'column' as const,
    detail: `${qualifier ? `${qualifier}.` : ''}${table.name} · ${c.type}${c.insertOnly ? ' · insert-only' : ''}`,
    documentation: columnDoc(table, c),
    // Insert-only columns sort last: SELECT returns them empty.
    sortText: `${c.insertOnly ? 8 : 0}${String(table.columns.indexOf(c)).padStart(3, '0')}`,
  }));
}

function objects(cteNames: string[]): CompletionItem[] {
  return [
    ...cteNames.map((name): CompletionItem => ({ label: name, kind: 'object', detail: 'common table expression', sortText: `0${name}` })),
    ...tables.map((t): CompletionItem => ({ label: t.name, kind: 'object', detail: `${t.group} · ${t.description}`, documentation: tableDoc(t), sortText: `1${t.name}` })),
  ];
}

/** `Name(${1:Required}, …)`: required parameters only, as tab stops (optional ones in the detail). */
function procedureItem(p: (typeof procedures)[number]): CompletionItem {
  const required = p.params.filter((x) => x.required);
  const stops = required.map((x, i) => `\${${i + 1}:${x.name}}`).join(', ');
  return { label: p.name, kind: 'procedure', detail: procedureSignature(p), documentation: procedureDoc(p), insertText: `${p.name}(${stops})`, snippet: true };
}

/**
 * In a procedure's argument list, only values that fit the parameter, and only where an
 * argument starts (or is being typed): functions and keywords there would hide signature help.
 */
function argumentItems(ctx: StatementContext, offset: number, param: ParamDef | undefined): CompletionItem[] {
  const { before } = tokensAround(ctx.tokens, offset);
  const last = before[before.length - 1];
  // A string or :parameter the cursor is in (or at the end of, while still open) is replaced whole.
  const typing = last && (last.kind === 'String' || last.kind === 'Parameter') && (offset < last.span.end || !closed(ctx.text, last)) ? last : undefined;
  const start = typing ? before[before.length - 2] : last;
  if (!param || (start?.kind !== 'LParen' && start?.kind !== 'Comma')) return [];
  return parameterValues(param).map((item) => (typing ? { ...item, replace: typing.span } : item));
}

const closed = (text: string, t: Token) => t.kind === 'String' && t.span.end - t.span.start > 1 && text[t.span.end - 1] === "'";
const literal = (value: string, detail: string, order: number): CompletionItem => ({ label: `'${value}'`, kind: 'value', detail, sortText: String(order).padStart(4, '0') });

/** What fits a parameter: an enum's values, language codes, a date-time template, a file parameter; nothing for ids, numbers and free text. */
function parameterValues(param: ParamDef): CompletionItem[] {
  switch (param.type) {
    case 'enum': return (param.values ?? []).map((v, i) => literal(v, param.name, i));
    case 'language': return LANGUAGE_CODES.map((v, i) => literal(v, `${param.name} (language code)`, i));
    case 'datetime': return [{ label: "'YYYY-MM-DD HH:MM:SS'", kind: 'value', detail: `${param.name} (read as UTC)`, insertText: "'${1:YYYY-MM-DD} ${2:HH:MM:SS}'", snippet: true }];
    case 'binary': return [{ label: `:${param.name}`, kind: 'value', detail: 'asks for the file when the statement runs' }];
    default: return [];
  }
}

function keyword(k: string): CompletionItem {
  return { label: k, kind: 'keyword', sortText: `5${k}` };
}

/** The clause keyword the cursor is in (the last one at parenthesis depth 0). */
function clauseOf(before: readonly Token[]): string {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i] as Token;
    if (t.kind === 'RParen') depth++;
    else if (t.kind === 'LParen') depth--;
    else if (depth <= 0 && ['SELECT', 'FROM', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'SET', 'VALUES', 'ON'].includes(word(t))) return word(t);
  }
  return '';
}
