import type { Column } from '../../gong/catalog/types';
import { bind } from '../bind/binder';
import { LocalDatabase, type LocalOptions } from '../eval/local';
import { neededColumns } from '../plan/columns';
import { planQuery } from '../plan/planner';
import type * as A from '../syntax/ast';
import { scan } from '../syntax/scanner';
import type { Span } from '../syntax/tokens';
import { isAggregateCall, statementExprs, subqueriesOf, walkExpr } from '../syntax/walk';
import type { BindResult } from '../bind/binder';
import type { Scan } from '../plan/planner';
import { EngineError } from './errors';
import { localSql } from './localSql';

/** The local tables of a statement: one per object reference, named `gs_N`, with the columns it can read. */
export interface LocalTables {
  readonly names: ReadonlyMap<A.TableRef, string>;
  nameOf(ref: A.TableRef): string;
  columnsOf(ref: A.TableRef): readonly Column[];
}

export function localTables(select: A.SelectStatement, binding: BindResult, scans: readonly Scan[]): LocalTables {
  const names = new Map(scans.map((scan, i) => [scan.ref, `gs_${i}`]));
  const columns = new Map(scans.map((scan) => [scan.ref, neededColumns(select, binding, scan.ref, scan.table.columns)]));
  return { names, nameOf: (ref) => names.get(ref) as string, columnsOf: (ref) => columns.get(ref) as Column[] };
}

/**
 * SQLite's verdict on a statement before anything is read: the local SQL is compiled against
 * the local tables, created empty with the columns they will hold, so every error SQLite has
 * about the statement itself comes at 0 API calls, pointing at the user's text.
 */
export async function preflight(db: LocalDatabase, sql: string, statement: A.SelectStatement, text: string, tables: LocalTables): Promise<void> {
  for (const [ref, name] of tables.names) await db.createTable(name, tables.columnsOf(ref));
  try {
    await db.prepare(sql);
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'SQLITE' || error.span) throw error;
    throw new EngineError('SQLITE', error.message, sqliteErrorSpan(error.message.replace(/^SQLite: /, ''), statement, text));
  }
}

/**
 * SQLite's error about one statement of the editor, without reading anything: the preflight of
 * a run, for a SELECT (or the SELECT of INSERT … SELECT, or an EXPLAIN of one). Parameters
 * count as NULL (their values are asked at run time). Undefined when SQLite accepts it, or
 * when it is not a statement the check covers (the parser and binder speak for it then).
 */
export async function sqliteError(text: string, statement: A.Statement, local: LocalOptions = {}): Promise<EngineError | undefined> {
  const select = checkedSelect(statement);
  if (!select) return undefined;
  // A gongsql error anywhere in the statement speaks first (the run stops there, too).
  if (bind(statement).diagnostics.some((d) => d.severity === 'error')) return undefined;
  const binding = bind(select);
  const params = new Map(statementExprs(select).flatMap((e) => (e.kind === 'Parameter' ? [[e.name, null] as const] : [])));
  const db = LocalDatabase.open(local);
  try {
    const tables = localTables(select, binding, planQuery(select, binding, { pushdown: true, params }).scans);
    await preflight(db, localSql(select, { tables: tables.names, params, text }).sql, select, text, tables);
    return undefined;
  } catch (error) {
    if (error instanceof EngineError && error.code === 'SQLITE' && error.span) return error;
    if (local.signal?.aborted) throw error;
    return undefined;
  } finally {
    await db.close();
  }
}

function checkedSelect(s: A.Statement): A.SelectStatement | undefined {
  if (s.kind === 'Explain') return checkedSelect(s.statement);
  if (s.kind === 'Select') return s;
  if (s.kind === 'Insert' && s.source.kind === 'Select') return s.source.select;
  return undefined;
}

/**
 * Where in the user's text SQLite's error about a statement is. SQLite compiles the printed
 * local SQL, so its messages name things (a window, a function, the nth ORDER BY term, a
 * compound operator) that the tree finds among the user's own nodes; any other message points
 * at the whole statement.
 */
export function sqliteErrorSpan(message: string, statement: A.SelectStatement, text: string): Span {
  const parts = partsOf(statement);
  for (const locate of LOCATORS) {
    const span = locate(message, parts, text);
    if (span) return span;
  }
  return statement.span;
}

/** The pieces of a statement the locators search: every SELECT, every core and every expression node, in text order. */
interface Parts {
  readonly selects: readonly A.SelectStatement[];
  readonly cores: readonly A.SelectCore[];
  readonly compounds: readonly A.CompoundSelect[];
  readonly exprs: readonly A.Expr[];
}

type Locator = (message: string, parts: Parts, text: string) => Span | undefined;

const LOCATORS: readonly Locator[] = [
  // no such window: w → the `w` of `OVER w`.
  (m, p) => named(m, /^no such window: (.+)$/, (name) => calls(p).find((c) => c.over?.name && same(c.over.name.text, name))?.over?.name?.span),
  // misuse of aggregate: count() / misuse of window function row_number() → the misplaced call.
  (m, p) => named(m, /^misuse of (?:aggregate|window)(?: function)?:? (\w+)\(\)/, (name) => misusedCall(p, name)?.span),
  // 1st ORDER BY term out of range, 2nd GROUP BY term … → that term.
  (m, p) => {
    const found = /^(\d+)\w\w (ORDER|GROUP) BY term/.exec(m);
    if (!found) return undefined;
    const n = Number(found[1]) - 1;
    const terms = found[2] === 'ORDER' ? p.selects.map((s) => s.orderBy[n]?.expr) : p.cores.map((c) => c.groupBy[n]);
    return (terms.find((e) => e?.kind === 'Literal') ?? terms.find((e) => e))?.span;
  },
  // SELECTs to the left and right of UNION do not have the same number of result columns → the operator.
  (m, p, text) => named(m, /^SELECTs to the left and right of (.+?) do not have/, (op) => {
    const compound = p.compounds.find((c) => c.op === op.toUpperCase()) ?? p.compounds[0];
    return compound && operatorSpan(compound, text);
  }),
  // HAVING clause on a non-aggregate query / a GROUP BY clause is required before HAVING → the HAVING condition.
  (m, p) => (/HAVING/.test(m) ? p.cores.find((c) => c.having && c.groupBy.length === 0)?.having?.span : undefined),
  // row value misused / sub-select returns 2 columns - expected 1 → the row value or the subquery.
  (m, p) => (/^row value misused|^sub-select returns/.test(m) ? p.exprs.find(isRowValue)?.span : undefined),
  (m, p) => named(m, /^no such column: (?:.*\.)?(.+)$/, (name) => p.exprs.find((e) => e.kind === 'Column' && same(e.name.text, name))?.span),
  (m, p) => named(m, /^(?:no such function: |wrong number of arguments to function )(\w+)/, (name) => calls(p).find((c) => same(c.name.text, name))?.span),
  // near "x": syntax error → that token within the statement (the tree has no node for what SQLite did not expect).
  (m, p, text) => named(m, /^near "(.+)": syntax error/, (token) => {
    const statement = p.selects[0] as A.SelectStatement;
    const at = text.slice(statement.span.start, statement.span.end).indexOf(token);
    return at < 0 ? undefined : { start: statement.span.start + at, end: statement.span.start + at + token.length };
  }),
];

function named(message: string, pattern: RegExp, find: (name: string) => Span | undefined): Span | undefined {
  const found = pattern.exec(message);
  return found ? find(found[1] as string) : undefined;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function calls(p: Parts): A.CallExpr[] {
  return p.exprs.filter((e): e is A.CallExpr => e.kind === 'Call');
}

/**
 * The call SQLite refuses: an aggregate inside another aggregate or in WHERE, GROUP BY or a
 * join's ON, else the first call of that name (a window function without OVER).
 */
function misusedCall(p: Parts, name: string): A.CallExpr | undefined {
  const named = calls(p).filter((c) => same(c.name.text, name));
  const misplaced = new Set<A.Expr>();
  for (const call of calls(p)) {
    if (isAggregateCall(call)) for (const arg of call.args) for (const node of walkExpr(arg)) misplaced.add(node);
  }
  for (const core of p.cores) {
    for (const e of [core.where, ...core.groupBy, ...joinConditions(core.from)]) if (e) for (const node of walkExpr(e)) misplaced.add(node);
  }
  return named.find((c) => misplaced.has(c)) ?? named[0];
}

function joinConditions(from: A.FromItem | undefined): A.Expr[] {
  if (!from) return [];
  if (from.kind === 'Join') return [...joinConditions(from.left), ...joinConditions(from.right), ...(from.on ? [from.on] : [])];
  if (from.kind === 'ParenFrom') return joinConditions(from.from);
  return [];
}

/** `(a, b)` or a subquery of more than one column where SQLite expects one value. */
function isRowValue(e: A.Expr): boolean {
  if (e.kind === 'Paren') return e.exprs.length > 1;
  if (e.kind !== 'Subquery') return false;
  const body = e.select.body;
  return body.kind === 'Core' && (body.columns.length > 1 || body.columns.some((c) => c.expr.kind === 'Star'));
}

/** `UNION`, `UNION ALL`, …: the words between the two sides (the tree keeps no span of its own for them). */
function operatorSpan(c: A.CompoundSelect, text: string): Span {
  const words = scan(text.slice(c.left.span.end, c.right.span.start)).tokens.filter((t) => t.kind !== 'EOF');
  const first = words[0];
  const last = words[words.length - 1];
  return first && last ? { start: c.left.span.end + first.span.start, end: c.left.span.end + last.span.end } : c.span;
}

/** Every SELECT, core, compound and expression node of a statement: CTEs, FROM subqueries and expression subqueries included. */
function partsOf(root: A.SelectStatement): Parts {
  const selects: A.SelectStatement[] = [];
  const cores: A.SelectCore[] = [];
  const compounds: A.CompoundSelect[] = [];
  const exprs: A.Expr[] = [];
  const pending: A.SelectStatement[] = [root];
  const expr = (e: A.Expr | undefined) => {
    if (!e) return;
    for (const node of walkExpr(e)) {
      exprs.push(node);
      pending.push(...subqueriesOf(node));
    }
  };
  const from = (f: A.FromItem | undefined): void => {
    if (!f) return;
    if (f.kind === 'Join') {
      from(f.left);
      from(f.right);
      expr(f.on);
    } else if (f.kind === 'ParenFrom') from(f.from);
    else if (f.kind === 'SubqueryFrom') pending.push(f.select);
    else if (f.kind === 'TableFunction') f.args.forEach(expr);
  };
  const body = (b: A.SelectBody): void => {
    if (b.kind === 'Compound') {
      compounds.push(b);
      body(b.left);
      body(b.right);
    } else if (b.kind === 'Values') {
      for (const row of b.rows) row.forEach(expr);
    } else {
      cores.push(b);
      for (const c of b.columns) expr(c.expr);
      from(b.from);
      expr(b.where);
      b.groupBy.forEach(expr);
      expr(b.having);
    }
  };
  for (let s = pending.shift(); s; s = pending.shift()) {
    selects.push(s);
    for (const cte of s.with?.tables ?? []) pending.push(cte.select);
    body(s.body);
    for (const o of s.orderBy) expr(o.expr);
    expr(s.limit?.limit);
    expr(s.limit?.offset);
  }
  return { selects, cores, compounds, exprs };
}
