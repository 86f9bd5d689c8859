import { findColumn, findProcedure, findTable, tables, procedures, supportedStatements } from '../../gong/catalog';
import type { Column, ParamDef, TableDef } from '../../gong/catalog/types';
import { checkValue, type InputValue } from '../../gong/write/values';
import type * as A from '../syntax/ast';
import { diagnostic, Diagnostics as D, messageText, type DiagnosticMessage } from '../syntax/diagnostics';
import type { Diagnostic, Span } from '../syntax/tokens';
import { subqueriesOf, walkExpr, windowExprs } from '../syntax/walk';
import { hasColumn, JSON_TABLE_COLUMNS, Scope, type FromSource } from './scope';
import { dayAgainstInstant } from './dayAgainstInstant';
import { didYouMean } from './suggest';

/** `'2026-11-20' >= Scheduled` is `Scheduled <= '2026-11-20'`. */
const FLIPPED: Record<string, string> = { '=': '=', '>=': '<=' };

/** What the binder learned: diagnostics, and for the planner which object each reference is. */
export interface BindResult {
  readonly diagnostics: Diagnostic[];
  /** Each FROM reference to a Gong object, with its table. */
  readonly objects: Map<A.TableRef, TableDef>;
  /** Each column reference resolved to a source and the column's catalog spelling. */
  readonly columns: Map<A.ColumnRef, { source: FromSource; column: string }>;
}

/**
 * Resolves a statement against the catalog. Pure and fast (the editor runs it on every
 * keystroke); conservative: where a name cannot be known (a subquery's `*`, a table
 * function), nothing is reported rather than something wrong.
 */
export function bind(statement: A.Statement): BindResult {
  const binder = new Binder();
  binder.statement(statement);
  return binder.result;
}

class Binder {
  readonly result: BindResult = { diagnostics: [], objects: new Map(), columns: new Map() };
  private ctes: Map<string, FromSource>[] = [];
  private selecting = 0;

  statement(s: A.Statement): void {
    switch (s.kind) {
      case 'Select':
        this.select(s, undefined);
        return;
      case 'Insert': return this.insert(s);
      case 'Update': return this.update(s);
      case 'Delete': return this.delete(s);
      case 'Call': return this.call(s);
      case 'Explain': return this.statement(s.statement);
      case 'Invalid': return;
    }
  }

  // ---- SELECT ----

  /** Binds a SELECT; returns its output column names ('any' when not all are known). */
  select(s: A.SelectStatement, parent: Scope | undefined): readonly string[] | 'any' {
    this.selecting++;
    const pushed = s.with !== undefined;
    if (s.with) {
      const frame = new Map<string, FromSource>();
      this.ctes.push(frame);
      for (const cte of s.with.tables) {
        // A recursive CTE sees itself while its body is bound.
        if (s.with.recursive) frame.set(cte.name.text.toLowerCase(), { name: cte.name.text, kind: 'cte', columns: cte.columns.length ? cte.columns.map((c) => c.text) : 'any', node: cteNode(cte) });
        const out = this.select(cte.select, parent);
        frame.set(cte.name.text.toLowerCase(), { name: cte.name.text, kind: 'cte', columns: cte.columns.length ? cte.columns.map((c) => c.text) : out, node: cteNode(cte) });
      }
    }
    const { output, scope } = this.body(s.body, parent);
    const orderScope = scope ?? new Scope(parent);
    for (const o of s.orderBy) this.expr(o.expr, orderScope);
    if (s.limit) {
      this.expr(s.limit.limit, orderScope);
      if (s.limit.offset) this.expr(s.limit.offset, orderScope);
    }
    if (pushed) this.ctes.pop();
    this.selecting--;
    return output;
  }

  private body(b: A.SelectBody, parent: Scope | undefined): { output: readonly string[] | 'any'; scope?: Scope } {
    if (b.kind === 'Values') {
      const scope = new Scope(parent);
      for (const row of b.rows) for (const e of row) this.expr(e, scope);
      return { output: (b.rows[0] ?? []).map((_, i) => `column${i + 1}`) };
    }
    if (b.kind === 'Compound') {
      const left = this.body(b.left, parent);
      this.body(b.right, parent);
      // ORDER BY of a compound refers to the first SELECT's output names.
      return { output: left.output, scope: left.scope };
    }
    const scope = new Scope(parent);
    if (b.from) this.from(b.from, scope);
    for (const c of b.columns) if (c.alias) scope.aliases.add(c.alias.text.toLowerCase());
    const output: string[] = [];
    let known = true;
    for (const c of b.columns) {
      this.expr(c.expr, scope);
      if (c.expr.kind === 'Star') {
        const stars = c.expr.table ? [scope.find(c.expr.table.text)] : scope.sources;
        for (const source of stars) {
          if (!source || source.columns === 'any') known = false;
          else output.push(...source.columns);
        }
      } else {
        output.push(c.alias?.text ?? (c.expr.kind === 'Column' ? c.expr.name.text : '?'));
      }
    }
    if (b.where) this.expr(b.where, scope);
    for (const g of b.groupBy) this.expr(g, scope);
    if (b.having) this.expr(b.having, scope);
    for (const w of b.windows) for (const e of windowExprs(w.spec)) this.expr(e, scope);
    return { output: known ? output : 'any', scope };
  }

  private from(item: A.FromItem, scope: Scope): void {
    switch (item.kind) {
      case 'Table': {
        const source = this.tableSource(item);
        scope.sources.push(source);
        return;
      }
      case 'TableFunction': {
        for (const a of item.args) this.expr(a, scope);
        const fn = item.name.text.toLowerCase();
        const columns = fn === 'json_each' || fn === 'json_tree' || fn === 'jsonb_each' || fn === 'jsonb_tree' ? JSON_TABLE_COLUMNS : 'any';
        scope.sources.push({ name: item.alias?.text ?? item.name.text, kind: 'function', columns, node: item });
        return;
      }
      case 'SubqueryFrom': {
        const columns = this.select(item.select, scope.parent);
        scope.sources.push({ name: item.alias?.text ?? '', kind: 'subquery', columns, node: item });
        return;
      }
      case 'Join': {
        this.from(item.left, scope);
        this.from(item.right, scope);
        for (const u of item.using ?? []) scope.shared.add(u.text.toLowerCase());
        if (item.natural) for (const s of scope.sources) if (s.columns !== 'any') for (const c of s.columns) scope.shared.add(c.toLowerCase());
        if (item.on) this.expr(item.on, scope);
        return;
      }
      case 'ParenFrom': {
        if (!item.alias) return this.from(item.from, scope);
        // `(a JOIN b) AS j`: SQLite makes it a subquery; only j is visible outside.
        const inner = new Scope(scope.parent);
        this.from(item.from, inner);
        const known = inner.sources.every((s) => s.columns !== 'any');
        const columns = known ? inner.sources.flatMap((s) => s.columns as readonly string[]) : 'any';
        scope.sources.push({ name: item.alias.text, kind: 'subquery', columns, node: item });
        return;
      }
    }
  }

  private tableSource(item: A.TableRef): FromSource {
    this.schema(item.schema);
    const name = item.name.text;
    const alias = item.alias?.text ?? name;
    for (let i = this.ctes.length - 1; i >= 0; i--) {
      const cte = this.ctes[i]?.get(name.toLowerCase());
      if (cte) return { ...cte, name: alias, node: item };
    }
    const table = findTable(name);
    if (table) {
      this.result.objects.set(item, table);
      return { name: alias, kind: 'object', table, columns: table.columns.map((c) => c.name), node: item };
    }
    if (name !== '') {
      const candidates = [...tables.map((t) => t.name), ...this.ctes.flatMap((f) => [...f.values()].map((s) => s.name))];
      this.unknown(D.unknownObject, [name], item.name.span, didYouMean(name, candidates));
    }
    return { name: alias, kind: 'subquery', columns: 'any', node: item };
  }

  // ---- expressions ----

  /** Iterative over the tree (a 20,000-term OR is that deep); recursive only into subqueries, which the parser bounds. */
  private expr(root: A.Expr, scope: Scope): void {
    for (const e of walkExpr(root)) {
      if (e.kind === 'Column') this.column(e, scope);
      if (e.kind === 'Star' && e.table && !scope.find(e.table.text)) this.report(D.unknownTableOrAlias, e.table.span, e.table.text);
      for (const sub of subqueriesOf(e)) this.select(sub, scope);
    }
    // Once its columns are resolved: a day compared with date-times.
    for (const e of walkExpr(root)) {
      if (e.kind === 'Binary') this.dayComparison(e, e.left, e.op, e.right) || this.dayComparison(e, e.right, FLIPPED[e.op] ?? '', e.left);
      if (e.kind === 'Between' && !e.not) this.dayComparison(e, e.expr, '<=', e.high);
    }
  }

  /** Warns when `column op 'YYYY-MM-DD'` compares a column of date-times with a plain day. */
  private dayComparison(e: A.Expr, columnSide: A.Expr, op: string, literal: A.Expr): boolean {
    if (columnSide.kind !== 'Column' || literal.kind !== 'Literal' || literal.type !== 'string') return false;
    const resolved = this.result.columns.get(columnSide);
    const table = resolved?.source.table;
    const name = columnSide.table ? `${columnSide.table.text}.${columnSide.name.text}` : columnSide.name.text;
    const found = table && dayAgainstInstant(findColumn(table, resolved.column), op, literal.value, name);
    if (found) this.report(found.message, e.span, ...found.args);
    return found !== undefined;
  }

  private column(ref: A.ColumnRef, scope: Scope): void {
    const name = ref.name.text;
    if (name === '') return;
    if (ref.table) {
      const source = scope.find(ref.table.text);
      if (!source) {
        const names = allSources(scope).map((s) => s.name);
        this.unknown(D.unknownTableOrAlias, [ref.table.text], ref.table.span, didYouMean(ref.table.text, names));
        return;
      }
      this.resolveIn(ref, source);
      return;
    }
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const matches = s.sources.filter((src) => src.columns !== 'any' && hasColumn(src, name));
      if (matches.length > 1 && !s.shared.has(name.toLowerCase())) {
        this.report(D.ambiguousColumn, ref.name.span, name, matches.map((m) => m.name).join(' and '));
        return;
      }
      if (matches.length >= 1) {
        this.resolveIn(ref, matches[0] as FromSource);
        return;
      }
      // An unknowable source may hold it; a result alias may be meant.
      if (s.sources.some((src) => src.columns === 'any') || s.aliases.has(name.toLowerCase())) return;
    }
    const visible = allSources(scope).flatMap((s) => (s.columns === 'any' ? [] : s.columns));
    const text = meantAsText(ref);
    const shown = text === undefined ? name : `"${name}"`;
    if (allSources(scope).length === 0 && this.selecting > 0) {
      this.unknown(D.unknownColumnWithoutFrom, [shown], ref.name.span, undefined, text);
      return;
    }
    const sources = allSources(scope);
    const suggestion = didYouMean(name, visible);
    if (sources.length === 1) this.unknown(D.unknownColumnIn, [shown, sourceName(sources[0] as FromSource)], ref.name.span, suggestion, text);
    else this.unknown(D.unknownColumn, [shown], ref.name.span, suggestion, text);
  }

  private resolveIn(ref: A.ColumnRef, source: FromSource): void {
    if (source.columns === 'any') return;
    const name = ref.name.text;
    if (!hasColumn(source, name)) {
      this.unknown(D.unknownColumnIn, [name, sourceName(source)], ref.name.span, didYouMean(name, source.columns));
      return;
    }
    const column = source.table ? findColumn(source.table, name) : undefined;
    this.result.columns.set(ref, { source, column: column?.name ?? name });
    if (column?.insertOnly) {
      this.report(D.insertOnlyColumn, ref.name.span, source.table?.name ?? '', column.name);
    }
  }

  /** `gong.Calls` and `main.Calls` name the object; any other schema is unknown. */
  private schema(schema: A.Name | undefined): void {
    if (schema && !SCHEMAS.has(schema.text.toLowerCase())) this.report(D.unknownSchema, schema.span, schema.text);
  }

  // ---- DML and CALL ----

  private dmlTable(name: A.Name, kind: 'INSERT' | 'UPDATE' | 'DELETE'): TableDef | undefined {
    const table = findTable(name.text);
    if (!table) {
      if (name.text !== '') this.unknown(D.unknownObject, [name.text], name.span, didYouMean(name.text, tables.map((t) => t.name)));
      return undefined;
    }
    if (!table.dml[kind.toLowerCase() as 'insert' | 'update' | 'delete']) {
      this.report(D.unsupportedStatement, name.span, table.name, kind, supportedStatements(table));
      return undefined;
    }
    return table;
  }

  private insert(s: A.InsertStatement): void {
    this.schema(s.schema);
    const table = this.dmlTable(s.table, 'INSERT');
    if (s.source.kind === 'Select') this.select(s.source.select, undefined);
    if (s.source.kind === 'Values') for (const row of s.source.rows) for (const e of row) this.expr(e, new Scope());
    if (!table?.dml.insert) return;
    const params = table.dml.insert.params;
    const columns = s.columns.map((c) => this.writableParam(table, c, params));
    if (s.columns.length === 0) {
      this.report(D.insertWithoutColumns, s.table.span, table.name, params.filter((p) => p.required).map((p) => p.name).join(', '));
      return;
    }
    const missing = params.filter((p) => p.required && !s.columns.some((c) => c.text.toLowerCase() === p.name.toLowerCase()));
    if (missing.length > 0) this.report(D.missingInsertColumns, s.table.span, table.name, missing.map((p) => p.name).join(', '));
    if (s.source.kind !== 'Values') return;
    for (const row of s.source.rows) {
      const span = row.length > 0 ? { start: (row[0] as A.Expr).span.start, end: (row[row.length - 1] as A.Expr).span.end } : s.span;
      if (row.length !== s.columns.length) {
        this.report(D.valueCount, span, row.length, s.columns.length);
        continue;
      }
      row.forEach((e, i) => this.checkArgument(columns[i], e));
    }
  }

  private update(s: A.UpdateStatement): void {
    this.schema(s.schema);
    const table = this.dmlTable(s.table, 'UPDATE');
    const scope = new Scope();
    if (table) scope.sources.push({ name: s.alias?.text ?? table.name, kind: 'object', table, columns: table.columns.map((c) => c.name), node: { kind: 'Table', span: s.table.span, name: s.table } });
    else scope.sources.push({ name: s.alias?.text ?? s.table.text, kind: 'subquery', columns: 'any', node: { kind: 'Table', span: s.table.span, name: s.table } });
    for (const set of s.sets) {
      this.expr(set.value, scope);
      if (table?.dml.update) this.checkArgument(this.writableParam(table, set.column, table.dml.update.params), set.value);
    }
    if (s.where) this.expr(s.where, scope);
    else if (table) this.report(D.updateWithoutWhere, s.table.span, table.name);
  }

  private delete(s: A.DeleteStatement): void {
    this.schema(s.schema);
    const table = this.dmlTable(s.table, 'DELETE');
    const scope = new Scope();
    scope.sources.push({ name: s.alias?.text ?? s.table.text, kind: table ? 'object' : 'subquery', table, columns: table ? table.columns.map((c) => c.name) : 'any', node: { kind: 'Table', span: s.table.span, name: s.table } });
    if (s.where) this.expr(s.where, scope);
    else if (table) this.report(D.deleteWithoutWhere, s.table.span, table.name);
  }

  /** The parameter a DML column maps to; a diagnostic when the column is unknown or read-only. */
  private writableParam(table: TableDef, name: A.Name, params: readonly ParamDef[]): ParamDef | undefined {
    const param = params.find((p) => p.name.toLowerCase() === name.text.toLowerCase());
    if (param) return param;
    const column: Column | undefined = findColumn(table, name.text);
    if (column) this.report(D.readOnlyColumn, name.span, table.name, column.name);
    else this.unknown(D.unknownColumnIn, [name.text, table.name], name.span, didYouMean(name.text, params.map((p) => p.name)));
    return undefined;
  }

  private call(s: A.CallStatement): void {
    const procedure = findProcedure(s.name.text);
    for (const a of s.args) this.expr(a, new Scope());
    if (!procedure) {
      if (s.name.text !== '') this.unknown(D.unknownProcedure, [s.name.text], s.name.span, didYouMean(s.name.text, procedures.map((p) => p.name)));
      return;
    }
    const params = procedure.params;
    s.args.slice(params.length).forEach((a) => this.report(D.tooManyArguments, a.span, procedure.name, params.length));
    const missing = params.filter((p, i) => p.required && (i >= s.args.length || isNullLiteral(s.args[i] as A.Expr)));
    if (missing.length > 0) {
      const at = { start: s.argsSpan.end, end: s.argsSpan.end };
      this.report(D.missingArguments, s.args.length === 0 ? s.name.span : at, procedure.name, missing.map((p) => `${p.name} (argument ${params.indexOf(p) + 1})`).join(', '));
    }
    s.args.forEach((a, i) => this.checkArgument(params[i], a));
  }

  /** Constant arguments are checked now (enums, date-times, JSON, language codes, lengths). */
  private checkArgument(param: ParamDef | undefined, e: A.Expr): void {
    if (!param || param.type === 'binary') return;
    const value = constantValue(e);
    if (value === undefined) return;
    const checked = checkValue(param, value);
    if (!checked.ok) this.report(D.invalidArgument, e.span, param.name, checked.message);
  }

  // ---- diagnostics ----

  private report(message: DiagnosticMessage, span: Span, ...args: (string | number)[]): void {
    this.result.diagnostics.push(diagnostic(message, span, ...args));
  }

  /**
   * An unknown name, with a "did you mean" and its quick fix when a close name exists, and,
   * for a double-quoted name SQLite would have read as a string, the string in single quotes.
   */
  private unknown(message: DiagnosticMessage, args: readonly string[], span: Span, suggestion: string | undefined, asText?: string): void {
    const base = messageText(message, args);
    const text = asText === undefined ? base : messageText(D.doubleQuotedText, [base, asText]);
    const fixes = [
      ...(asText === undefined ? [] : [{ title: `Change to ${asText}`, span, text: asText }]),
      ...(suggestion ? [{ title: `Change to ${suggestion}`, span, text: suggestion }] : []),
    ];
    this.result.diagnostics.push({
      code: message.code,
      message: suggestion ? `${text}. Did you mean ${suggestion}?` : text,
      span,
      severity: message.severity,
      fixes: fixes.length ? fixes : undefined,
    });
  }
}

/**
 * The string literal a bare double-quoted column name may have meant (`"North America Sales"`
 * → `'North America Sales'`): SQLite falls back to a string there, which hides the mistake
 * until the answer is wrong, so gongsql keeps the error and offers the single quotes.
 */
function meantAsText(ref: A.ColumnRef): string | undefined {
  if (ref.table || ref.name.quote !== '"') return undefined;
  return `'${ref.name.text.replace(/'/g, "''")}'`;
}

/** Where a statement may say its objects are: `gong` (the connector) or SQLite's `main`. */
const SCHEMAS = new Set(['gong', 'main']);

function cteNode(cte: A.CommonTable): A.TableRef {
  return { kind: 'Table', span: cte.span, name: cte.name };
}

/** How a message names a source: its object, its alias, else "the subquery" (an unaliased one has no name). */
function sourceName(source: FromSource): string {
  return source.table?.name ?? (source.name || 'the subquery');
}

function allSources(scope: Scope): FromSource[] {
  const out: FromSource[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) out.push(...s.sources);
  return out;
}

function isNullLiteral(e: A.Expr): boolean {
  return e.kind === 'Literal' && e.type === 'null';
}

/**
 * The value of a constant expression as the connector takes it: integer literals beyond
 * 2^53 become bigint (their digits are kept); undefined when the expression is not constant.
 */
export function constantValue(e: A.Expr): InputValue | undefined {
  if (e.kind === 'Paren' && e.exprs.length === 1) return constantValue(e.exprs[0] as A.Expr);
  if (e.kind === 'Unary' && (e.op === '-' || e.op === '+') && e.operand.kind === 'Literal' && (e.operand.type === 'integer' || e.operand.type === 'float')) {
    const inner = constantValue(e.operand);
    if (e.op === '+') return inner;
    return typeof inner === 'bigint' ? -inner : typeof inner === 'number' ? -inner : undefined;
  }
  if (e.kind !== 'Literal') return undefined;
  switch (e.type) {
    case 'integer': {
      if (/^0[xX]/.test(e.value)) return Number(e.value);
      const n = Number(e.value);
      return Number.isSafeInteger(n) ? n : BigInt(e.value);
    }
    case 'float': return Number(e.value);
    case 'string': return e.value;
    case 'null': return null;
    case 'boolean': return e.value === 'TRUE' ? 1 : 0;
    default: return undefined;
  }
}
