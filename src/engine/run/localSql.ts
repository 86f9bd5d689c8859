import type { InputValue } from '../../gong/write/values';
import type * as A from '../syntax/ast';
import type { Span } from '../syntax/tokens';
import { print } from '../syntax/printer';
import { rewriteSelect } from '../syntax/transform';
import { BoundParameters } from './parameters';

/** SQL text for the local SQLite database and the values of its `?N` placeholders. */
export interface LocalSql {
  readonly sql: string;
  readonly values: InputValue[];
}

export interface LocalNames {
  /**
   * What each object reference reads: the local table it was loaded into, or a SELECT read
   * in its place (a mirror's live rows, when the statement runs on the mirror's file).
   */
  readonly tables: ReadonlyMap<A.TableRef, string | A.SelectStatement>;
  readonly params: ReadonlyMap<string, InputValue>;
  /** The user's text the tree was parsed from: result columns keep the titles SQLite gives it. */
  readonly text?: string;
}

/**
 * A SELECT as the local SQLite database runs it: the tree is rewritten, then printed. Each
 * object reference reads its local table under the name the query uses for it; schema
 * qualifiers go (there is one database); parameters become bound placeholders.
 */
export function localSql(select: A.SelectStatement, names: LocalNames): LocalSql {
  const parameters = new BoundParameters(names.params);
  const local = rewriteSelect(select, {
    table: (t) => (t.kind === 'Table' ? localTable(t, names.tables.get(t)) : { ...t, schema: undefined }),
    expr: (e) => {
      if (e.kind === 'Parameter') return parameters.placeholder(e);
      if ((e.kind === 'Column' || e.kind === 'Star') && e.schema) return { ...e, schema: undefined };
      return e;
    },
    core: names.text === undefined ? undefined : titled(names.text),
  });
  return { sql: print(local), values: parameters.values };
}

/** `SELECT e`: one expression computed by SQLite. */
export function valueSelect(e: A.Expr): A.SelectStatement {
  return { kind: 'Select', span: e.span, orderBy: [], body: { kind: 'Core', span: e.span, distinct: false, columns: [{ span: e.span, expr: e }], groupBy: [], windows: [] } };
}

/** An object reference reads its local table (or the SELECT in its place), aliased with the name the query uses for it. */
function localTable(t: A.TableRef, local: string | A.SelectStatement | undefined): A.FromItem {
  if (local === undefined) return { ...t, schema: undefined };
  const span = t.name.span;
  const alias = t.alias ?? { text: t.name.text, quoted: true, span };
  if (typeof local !== 'string') return { kind: 'SubqueryFrom', span: t.span, select: local, alias };
  // The object's indexes do not exist locally.
  return { ...t, schema: undefined, indexedBy: undefined, name: { text: local, quoted: true, span }, alias };
}

/**
 * SQLite titles a result column without AS by its column name when it is a column, else by
 * the text of the expression as written. The printed text differs from the user's (local
 * table names, placeholders, spacing), so such columns are aliased with the user's text.
 */
function titled(text: string): (c: A.SelectCore) => A.SelectCore {
  return (c) => ({
    ...c,
    columns: c.columns.map((col) => {
      if (col.alias || isColumn(col.expr)) return col;
      return { ...col, alias: { text: writtenText(text, col.expr.span), quoted: true, span: col.expr.span } };
    }),
  });
}

/**
 * An expression's text as SQLite takes it for a title: up to the next token, so comments
 * after the expression are part of it (`count(*) -- total`), spaces at either end are not.
 */
function writtenText(text: string, span: Span): string {
  let end = span.end;
  for (;;) {
    GAP.lastIndex = end;
    if (!GAP.exec(text) || GAP.lastIndex === end) break;
    end = GAP.lastIndex;
  }
  return text.slice(span.start, end).trim();
}

/** Whitespace or a comment: what the scanner skips between tokens. */
const GAP = /[ \t\n\r\f]+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y;

/** A column or `*`, parentheses around it included: SQLite titles those by the column's name. */
function isColumn(e: A.Expr): boolean {
  if (e.kind === 'Paren' && e.exprs.length === 1) return isColumn(e.exprs[0] as A.Expr);
  return e.kind === 'Column' || e.kind === 'Star';
}
