import type * as A from './ast';
import { scan } from './scanner';
import { RESERVED, type Diagnostic, type Span, type Token } from './tokens';

export interface ParseResult {
  readonly statements: readonly A.Statement[];
  readonly diagnostics: readonly Diagnostic[];
  readonly tokens: readonly Token[];
}

/**
 * Parses a gongsql script: statements separated by `;`. Never throws. Broken input still
 * yields statements (with Missing nodes where something was expected) and diagnostics
 * with exact ranges, because the editor parses on every keystroke.
 */
export function parse(text: string): ParseResult {
  const { tokens, diagnostics } = scan(text);
  const parser = new Parser(tokens, diagnostics);
  const statements = parser.script();
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { statements, diagnostics, tokens };
}

/**
 * How deeply expressions, subqueries and parenthesised FROM items may nest (each NOT and
 * unary sign counts as a level). Beyond it the statement gets a diagnostic rather than
 * the stack overflowing; every later stage then walks trees at most this deep, except
 * left-deep chains (`a OR b OR …`, `1+1+…`), which they walk iteratively.
 */
export const MAX_DEPTH = 150;
/** SQLite's own limits: tables in one join, terms of a compound SELECT. */
export const MAX_JOIN_TABLES = 64;
export const MAX_COMPOUND_TERMS = 500;
/**
 * Peeks allowed at one token before the parser is declared stuck. Parsing consumes a token
 * after a bounded number of looks; a loop that does not is a bug, which this guard turns
 * into a diagnostic instead of a hang (matklad's "fuel" in resilient LL parsing).
 */
const FUEL = 100_000;

/** Thrown by the fuel guard; caught per statement, never leaves parse(). */
class Stuck extends Error {}

const JOIN_WORDS = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'OUTER']);
const AGGREGATE_CALLABLE_KEYWORDS = new Set(['LIKE', 'GLOB', 'REGEXP', 'MATCH', 'REPLACE']);

class Parser {
  private pos = 0;
  private depth = 0;
  private fuel = FUEL;
  private fuelPos = -1;
  private positional = 0;

  /** Each token's upper-case word ('' for non-identifiers), computed once: keyword checks are the parser's hot path. */
  private readonly words: string[];

  constructor(private readonly tokens: Token[], private readonly diagnostics: Diagnostic[]) {
    this.words = tokens.map((t) => (t.kind === 'Identifier' ? t.value.toUpperCase() : ''));
  }

  // script := statement (';' statement)*
  script(): A.Statement[] {
    const statements: A.Statement[] = [];
    while (!this.at('EOF')) {
      if (this.eat('Semicolon')) continue;
      const start = this.pos;
      const statement = this.guarded(() => this.statement(), start);
      statements.push(statement);
      if (!this.at('Semicolon') && !this.at('EOF')) {
        this.error('GS1101', `Unexpected ${describe(this.peek())}: expected ; or the end of the statement`, this.peek().span);
        this.skipTo(() => this.at('Semicolon'));
      }
      if (this.pos === start) this.pos++;
    }
    return statements;
  }

  /**
   * One statement, with the guards' last resort: a stuck parser (see FUEL) or any exception
   * becomes a diagnostic at the token reached, and parsing resumes after the next `;`.
   */
  private guarded(statement: () => A.Statement, start: number): A.Statement {
    try {
      return statement();
    } catch (e) {
      const at = this.peek(true);
      const why = e instanceof Stuck ? 'the parser made no progress' : e instanceof RangeError ? 'the statement is nested too deeply' : String(e);
      this.error('GS1191', `Cannot parse this statement: ${why} at ${describe(at)}`, at.span, true);
      this.depth = 0;
      this.fuelPos = -1;
      this.skipTo(() => this.at('Semicolon'));
      return { kind: 'Invalid', span: { start: this.tokens[start]?.span.start ?? 0, end: this.prevEnd() } };
    }
  }

  // statement := [EXPLAIN [QUERY PLAN]] (select | insert | update | delete | call)
  private statement(): A.Statement {
    const first = this.peek();
    if (this.eatKeyword('EXPLAIN')) {
      if (this.eatKeyword('QUERY')) this.expectKeyword('PLAN');
      if (this.isKeyword('EXPLAIN')) this.error('GS1101', 'EXPLAIN cannot be nested', this.peek().span);
      const inner = this.isKeyword('EXPLAIN') ? this.invalid() : this.statement();
      return { kind: 'Explain', span: this.spanFrom(first), statement: inner };
    }
    if (this.isKeyword('SELECT') || this.isKeyword('WITH') || this.isKeyword('VALUES') || this.at('LParen')) return this.select();
    if (this.isKeyword('INSERT')) return this.insert();
    if (this.isKeyword('UPDATE')) return this.update();
    if (this.isKeyword('DELETE')) return this.delete();
    if (this.isKeyword('CALL')) return this.call();
    this.error('GS1100', `Expected a statement (SELECT, INSERT, UPDATE, DELETE, CALL or EXPLAIN), found ${describe(first)}`, first.span);
    return this.invalid();
  }

  private invalid(): A.InvalidStatement {
    const first = this.peek();
    this.skipTo(() => this.at('Semicolon'));
    return { kind: 'Invalid', span: this.spanFrom(first) };
  }

  // select := [WITH [RECURSIVE] cte (, cte)*] body [ORDER BY items] [LIMIT expr [(OFFSET | ,) expr]]
  select(): A.SelectStatement {
    return this.nested(() => this.missingSelect(), () => this.selectStatement());
  }

  private selectStatement(): A.SelectStatement {
    const first = this.peek();
    let withClause: A.SelectStatement['with'];
    if (this.eatKeyword('WITH')) {
      const recursive = this.eatKeyword('RECURSIVE');
      const tables: A.CommonTable[] = [];
      do tables.push(this.commonTable()); while (this.eat('Comma'));
      withClause = { recursive, tables };
    }
    const body = this.compound();
    const orderBy = this.eatKeywords('ORDER', 'BY') ? this.list(() => this.orderItem()) : [];
    let limit: A.SelectStatement['limit'];
    const limitToken = this.peek();
    if (this.eatKeyword('LIMIT')) {
      const first = this.expr();
      let offset: A.Expr | undefined;
      if (this.eatKeyword('OFFSET')) offset = this.expr();
      else if (this.eat('Comma')) {
        // `LIMIT offset, count` is SQLite's other spelling.
        offset = first;
        const count = this.expr();
        limit = { span: this.spanFrom(limitToken), limit: count, offset };
      }
      limit ??= { span: this.spanFrom(limitToken), limit: first, offset };
    }
    return { kind: 'Select', span: this.spanFrom(first), with: withClause, body, orderBy, limit };
  }

  // cte := name [(columns)] AS [NOT] [MATERIALIZED] (select)
  private commonTable(): A.CommonTable {
    const first = this.peek();
    const name = this.name('a name for the common table expression');
    const columns = this.at('LParen') ? this.parenthesized(() => this.list(() => this.name('a column name'))) : [];
    this.expectKeyword('AS');
    this.eatKeyword('NOT');
    this.eatKeyword('MATERIALIZED');
    const select = this.parenthesized(() => this.select()) ?? this.missingSelect();
    return { span: this.spanFrom(first), name, columns: columns ?? [], select };
  }

  // body := core ((UNION [ALL] | INTERSECT | EXCEPT) core)*
  private compound(): A.SelectBody {
    let left = this.selectCore();
    let terms = 1;
    for (;;) {
      const opToken = this.peek();
      let op: A.CompoundSelect['op'] | undefined;
      if (this.eatKeyword('UNION')) op = this.eatKeyword('ALL') ? 'UNION ALL' : 'UNION';
      else if (this.eatKeyword('INTERSECT')) op = 'INTERSECT';
      else if (this.eatKeyword('EXCEPT')) op = 'EXCEPT';
      if (!op) return left;
      if (++terms > MAX_COMPOUND_TERMS) return this.tooMany('GS1193', `Too many terms in a compound SELECT (at most ${MAX_COMPOUND_TERMS})`, left, opToken);
      const right = this.selectCore();
      left = { kind: 'Compound', span: { start: left.span.start, end: right.span.end }, op, left, right };
    }
  }

  // core := SELECT [DISTINCT|ALL] columns [FROM from] [WHERE e] [GROUP BY es [HAVING e]] [WINDOW …] | VALUES rows | (select)
  private selectCore(): A.SelectBody {
    const first = this.peek();
    if (this.eatKeyword('VALUES')) {
      const rows = this.list(() => this.parenthesized(() => this.list(() => this.expr())) ?? []);
      return { kind: 'Values', span: this.spanFrom(first), rows };
    }
    if (!this.expectKeyword('SELECT')) {
      return { kind: 'Core', span: this.spanFrom(first), distinct: false, columns: [], groupBy: [], windows: [] };
    }
    const distinct = this.eatKeyword('DISTINCT');
    if (!distinct) this.eatKeyword('ALL');
    const columns = this.list(() => this.resultColumn());
    const from = this.eatKeyword('FROM') ? this.from() : undefined;
    const where = this.eatKeyword('WHERE') ? this.expr() : undefined;
    const groupBy = this.eatKeywords('GROUP', 'BY') ? this.list(() => this.expr()) : [];
    const having = this.eatKeyword('HAVING') ? this.expr() : undefined;
    const windows: A.SelectCore['windows'][number][] = [];
    if (this.eatKeyword('WINDOW')) {
      do {
        const name = this.name('a window name');
        this.expectKeyword('AS');
        windows.push({ name, spec: this.windowSpec() });
      } while (this.eat('Comma'));
    }
    return { kind: 'Core', span: this.spanFrom(first), distinct, columns, from, where, groupBy, having, windows };
  }

  // resultColumn := * | name.* | expr [[AS] alias]
  private resultColumn(): A.ResultColumn {
    const first = this.peek();
    if (this.at('Operator', '*')) {
      this.pos++;
      return { span: first.span, expr: { kind: 'Star', span: first.span } };
    }
    if (this.isName(this.peek()) && this.peekAt(1).kind === 'Dot' && this.peekAt(2).text === '*') {
      const table = this.name('a table name');
      this.pos += 2;
      return { span: this.spanFrom(first), expr: { kind: 'Star', span: this.spanFrom(first), table } };
    }
    const expr = this.expr();
    const alias = this.alias();
    return { span: this.spanFrom(first), expr, alias };
  }

  private alias(): A.Name | undefined {
    if (this.eatKeyword('AS')) {
      if (this.at('String')) {
        const t = this.next();
        return { text: t.value, span: t.span, quoted: true };
      }
      return this.name('an alias after AS');
    }
    return this.isName(this.peek()) ? this.name('') : undefined;
  }

  // from := item (joinOp item [ON e | USING (names)])*
  private from(): A.FromItem {
    let left = this.fromItem();
    let tables = 1;
    for (;;) {
      const opStart = this.peek();
      const op = this.joinOp();
      if (!op) return left;
      if (++tables > MAX_JOIN_TABLES) return this.tooMany('GS1123', `Too many tables in one join (at most ${MAX_JOIN_TABLES})`, left, opStart);
      const right = this.fromItem();
      let on: A.Expr | undefined;
      let using: A.Name[] | undefined;
      const constraint = this.peek();
      if (this.eatKeyword('ON')) on = this.expr();
      else if (this.eatKeyword('USING')) using = this.parenthesized(() => this.list(() => this.name('a column name'))) ?? [];
      if (op.natural && (on || using)) this.error('GS1124', 'A NATURAL join cannot have an ON or USING clause', constraint.span);
      left = { kind: 'Join', span: { start: left.span.start, end: this.prevEnd() }, left, right, type: op.type, natural: op.natural, on, using };
    }
  }

  /**
   * `,` or up to three join words then JOIN, in any order, combined as SQLite does
   * (`LEFT OUTER`, `OUTER LEFT`, `NATURAL LEFT` …); OUTER alone or INNER with OUTER is an error.
   */
  private joinOp(): { type: A.JoinItem['type']; natural: boolean } | undefined {
    if (this.eat('Comma')) return { type: 'CROSS', natural: false };
    if (!JOIN_WORDS.has(this.keyword())) return undefined;
    const first = this.peek();
    const words: string[] = [];
    while (!this.isKeyword('JOIN') && words.length < 3 && (words.length === 0 || this.isName(this.peek()) || JOIN_WORDS.has(this.keyword()))) {
      words.push(this.next().value.toUpperCase());
    }
    const has = (...w: string[]) => words.some((x) => w.includes(x));
    const outer = has('LEFT', 'RIGHT', 'FULL', 'OUTER');
    const valid = words.every((w) => JOIN_WORDS.has(w)) && !(has('INNER', 'CROSS') && outer) && !(outer && !has('LEFT', 'RIGHT', 'FULL'));
    if (!valid) this.error('GS1121', `Unknown join type: ${words.join(' ')} JOIN`, this.spanFrom(first));
    this.expectKeyword('JOIN');
    const left = has('LEFT', 'FULL');
    const right = has('RIGHT', 'FULL');
    const type = left && right ? 'FULL' : left ? 'LEFT' : right ? 'RIGHT' : has('CROSS') ? 'CROSS' : 'INNER';
    return { type, natural: has('NATURAL') };
  }

  // item := name [[AS] alias] | name(args) [[AS] alias] | (select) [[AS] alias] | (from)
  private fromItem(): A.FromItem {
    const first = this.peek();
    if (this.at('LParen')) {
      this.pos++;
      if (this.isKeyword('SELECT') || this.isKeyword('WITH') || this.isKeyword('VALUES')) {
        const select = this.select();
        this.expect('RParen');
        return { kind: 'SubqueryFrom', span: this.spanFrom(first), select, alias: this.alias() };
      }
      const inner = this.nested(() => this.missingFrom(), () => this.from());
      this.expect('RParen');
      return inner;
    }
    const name = this.qualifiedName('a table name');
    if (this.at('LParen')) {
      const args = this.parenthesized(() => (this.at('RParen') ? [] : this.list(() => this.expr()))) ?? [];
      return { kind: 'TableFunction', span: this.spanFrom(first), name, args, alias: this.alias() };
    }
    const alias = this.alias();
    return { kind: 'Table', span: this.spanFrom(first), name, alias };
  }

  // orderItem := expr [COLLATE c] [ASC|DESC] [NULLS (FIRST|LAST)]
  private orderItem(): A.OrderItem {
    const first = this.peek();
    const expr = this.expr();
    const desc = this.eatKeyword('DESC');
    if (!desc) this.eatKeyword('ASC');
    if (this.eatKeyword('NULLS') && !this.eatKeyword('FIRST') && !this.eatKeyword('LAST')) {
      this.error('GS1120', 'Expected FIRST or LAST after NULLS', this.peek().span);
    }
    return { span: this.spanFrom(first), expr, desc };
  }

  // insert := INSERT [OR action] INTO name [(columns)] (VALUES rows | select)
  private insert(): A.InsertStatement {
    const first = this.next();
    if (this.eatKeyword('OR')) this.next();
    this.expectKeyword('INTO');
    const table = this.qualifiedName('the object to insert into');
    const columns = this.at('LParen') ? this.parenthesized(() => this.list(() => this.name('a column name'))) ?? [] : [];
    let source: A.InsertStatement['source'];
    if (this.eatKeyword('VALUES')) {
      source = { kind: 'Values', rows: this.list(() => this.parenthesized(() => this.list(() => this.expr())) ?? []) };
    } else if (this.isKeyword('SELECT') || this.isKeyword('WITH')) {
      source = { kind: 'Select', select: this.select() };
    } else {
      this.error('GS1130', 'Expected VALUES or SELECT', this.peek().span);
      source = { kind: 'Missing', span: this.zeroWidth() };
    }
    return { kind: 'Insert', span: this.spanFrom(first), table, columns, source };
  }

  // update := UPDATE name [[AS] alias] SET col = expr (, col = expr)* [WHERE expr]
  private update(): A.UpdateStatement {
    const first = this.next();
    const table = this.qualifiedName('the object to update');
    const alias = this.isKeyword('SET') ? undefined : this.alias();
    this.expectKeyword('SET');
    const sets = this.list(() => {
      const column = this.name('a column to set');
      if (!this.at('Operator', '=')) this.error('GS1131', `Expected = after ${column.text}`, this.peek().span);
      else this.pos++;
      return { column, value: this.expr() };
    });
    const where = this.eatKeyword('WHERE') ? this.expr() : undefined;
    return { kind: 'Update', span: this.spanFrom(first), table, alias, sets, where };
  }

  // delete := DELETE FROM name [[AS] alias] [WHERE expr]
  private delete(): A.DeleteStatement {
    const first = this.next();
    this.expectKeyword('FROM');
    const table = this.qualifiedName('the object to delete from');
    const alias = this.isKeyword('WHERE') ? undefined : this.alias();
    const where = this.eatKeyword('WHERE') ? this.expr() : undefined;
    return { kind: 'Delete', span: this.spanFrom(first), table, alias, where };
  }

  // call := CALL name ( [expr (, expr)*] )
  private call(): A.CallStatement {
    const first = this.next();
    const name = this.qualifiedName('a procedure name');
    const open = this.peek();
    let args: A.Expr[] = [];
    let argsSpan: Span = this.zeroWidth();
    if (this.expect('LParen')) {
      args = this.at('RParen') ? [] : this.list(() => this.expr());
      const close = this.peek();
      argsSpan = { start: open.span.end, end: close.span.start };
      this.expect('RParen');
    }
    return { kind: 'Call', span: this.spanFrom(first), name, args, argsSpan };
  }

  // ---- expressions, by precedence climbing over SQLite's levels ----

  expr(): A.Expr {
    return this.nested(() => this.missingExpr(), () => this.or());
  }

  private or(): A.Expr {
    let left = this.and();
    while (this.isKeyword('OR')) {
      this.pos++;
      left = binary('OR', left, this.and());
    }
    return left;
  }

  private and(): A.Expr {
    let left = this.not();
    while (this.isKeyword('AND')) {
      this.pos++;
      left = binary('AND', left, this.not());
    }
    return left;
  }

  /** `NOT NOT … e`: a loop, each NOT one level of depth (20,000 of them must not overflow the stack). */
  private not(): A.Expr {
    return this.prefixed(() => (this.isKeyword('NOT') && !this.isKeywordAt(1, 'EXISTS') ? 'NOT' : undefined), () => this.equality());
  }

  /** A chain of prefix operators before an operand, built in a loop and counted as depth. */
  private prefixed(prefix: () => string | undefined, operand: () => A.Expr): A.Expr {
    const ops: Token[] = [];
    for (let op = prefix(); op; op = prefix()) {
      if (this.depth + ops.length >= MAX_DEPTH) return this.tooDeep();
      ops.push(this.next());
    }
    this.depth += ops.length;
    let e: A.Expr;
    try {
      e = operand();
    } finally {
      this.depth -= ops.length;
    }
    for (let i = ops.length - 1; i >= 0; i--) {
      const t = ops[i] as Token;
      e = { kind: 'Unary', span: { start: t.span.start, end: e.span.end }, op: t.kind === 'Identifier' ? 'NOT' : t.text, operand: e };
    }
    return e;
  }

  // = == != <> IS [NOT] [DISTINCT FROM] IN LIKE GLOB MATCH REGEXP BETWEEN ISNULL NOTNULL NOT NULL
  private equality(): A.Expr {
    let left = this.comparison();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'Operator' && ['=', '==', '!=', '<>'].includes(t.text)) {
        this.pos++;
        left = binary(t.text === '==' ? '=' : t.text === '<>' ? '!=' : t.text, left, this.comparison());
        continue;
      }
      if (this.eatKeyword('ISNULL') || this.eatKeyword('NOTNULL')) {
        left = { kind: 'IsNull', span: { start: left.span.start, end: this.prevEnd() }, not: t.value.toUpperCase() === 'NOTNULL', expr: left };
        continue;
      }
      if (this.isKeyword('IS')) {
        this.pos++;
        const not = this.eatKeyword('NOT');
        if (this.eatKeyword('NULL')) {
          left = { kind: 'IsNull', span: { start: left.span.start, end: this.prevEnd() }, not, expr: left };
          continue;
        }
        const distinct = this.eatKeyword('DISTINCT');
        if (distinct) this.expectKeyword('FROM');
        // IS DISTINCT FROM is IS NOT; IS NOT DISTINCT FROM is IS.
        left = binary(not !== distinct ? 'IS NOT' : 'IS', left, this.comparison());
        continue;
      }
      const not = this.isKeyword('NOT') && ['IN', 'LIKE', 'GLOB', 'MATCH', 'REGEXP', 'BETWEEN', 'NULL'].includes(this.keywordAt(1));
      if (not) this.pos++;
      if (not && this.eatKeyword('NULL')) {
        left = { kind: 'IsNull', span: { start: left.span.start, end: this.prevEnd() }, not: true, expr: left };
        continue;
      }
      if (this.eatKeyword('IN')) {
        left = this.inRest(left, not);
        continue;
      }
      const word = this.keyword();
      if (['LIKE', 'GLOB', 'MATCH', 'REGEXP'].includes(word)) {
        this.pos++;
        const right = this.comparison();
        const escape = word === 'LIKE' && this.eatKeyword('ESCAPE') ? this.comparison() : undefined;
        const match = binary(not ? `NOT ${word}` : word, left, right);
        left = escape ? { ...match, span: { start: match.span.start, end: escape.span.end }, escape } : match;
        continue;
      }
      if (this.eatKeyword('BETWEEN')) {
        const low = this.comparison();
        this.expectKeyword('AND');
        const high = this.comparison();
        left = { kind: 'Between', span: { start: left.span.start, end: high.span.end }, not, expr: left, low, high };
        continue;
      }
      if (not) this.pos--;
      return left;
    }
  }

  // IN ( select | exprs | ) | IN name
  private inRest(left: A.Expr, not: boolean): A.Expr {
    if (this.at('LParen')) {
      this.pos++;
      if (this.isKeyword('SELECT') || this.isKeyword('WITH') || this.isKeyword('VALUES')) {
        const select = this.select();
        this.expect('RParen');
        return { kind: 'InSelect', span: { start: left.span.start, end: this.prevEnd() }, not, expr: left, select };
      }
      const items = this.at('RParen') ? [] : this.list(() => this.expr());
      this.expect('RParen');
      return { kind: 'InList', span: { start: left.span.start, end: this.prevEnd() }, not, expr: left, items };
    }
    // `x IN tableName`: a subquery over the whole table.
    const first = this.peek();
    const name = this.qualifiedName('a list in parentheses or a table name after IN');
    const span = this.spanFrom(first);
    const select: A.SelectStatement = {
      kind: 'Select', span, orderBy: [],
      body: { kind: 'Core', span, distinct: false, columns: [{ span, expr: { kind: 'Star', span } }], from: { kind: 'Table', span, name }, groupBy: [], windows: [] },
    };
    return { kind: 'InSelect', span: { start: left.span.start, end: span.end }, not, expr: left, select };
  }

  private comparison(): A.Expr {
    return this.binaryLevel(['<', '<=', '>', '>='], () => this.bitwise());
  }

  private bitwise(): A.Expr {
    return this.binaryLevel(['&', '|', '<<', '>>'], () => this.additive());
  }

  private additive(): A.Expr {
    return this.binaryLevel(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): A.Expr {
    return this.binaryLevel(['*', '/', '%'], () => this.concat());
  }

  private concat(): A.Expr {
    return this.binaryLevel(['||', '->', '->>'], () => this.unary());
  }

  private binaryLevel(ops: string[], operand: () => A.Expr): A.Expr {
    let left = operand();
    while (this.peek().kind === 'Operator' && ops.includes(this.peek().text)) {
      const op = this.next().text;
      left = binary(op, left, operand());
    }
    return left;
  }

  private unary(): A.Expr {
    return this.prefixed(() => {
      const t = this.peek();
      return t.kind === 'Operator' && (t.text === '-' || t.text === '+' || t.text === '~') ? t.text : undefined;
    }, () => this.collated());
  }

  private collated(): A.Expr {
    let expr = this.primary();
    while (this.eatKeyword('COLLATE')) {
      const c = this.name('a collation name');
      expr = { kind: 'Collate', span: { start: expr.span.start, end: c.span.end }, expr, collation: c.text };
    }
    return expr;
  }

  private primary(): A.Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'Integer':
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'integer', value: t.text.replace(/_/g, '') };
      case 'Float':
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'float', value: t.text.replace(/_/g, '') };
      case 'String':
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'string', value: t.value };
      case 'Blob':
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'blob', value: t.text };
      case 'Parameter': {
        this.pos++;
        const name = t.text === '?' ? `?${++this.positional}` : t.text.startsWith('?') ? t.text : t.value;
        if (t.text.startsWith('?') && t.text.length > 1) this.positional = Math.max(this.positional, Number(t.text.slice(1)));
        return { kind: 'Parameter', span: t.span, name };
      }
      case 'LParen': {
        this.pos++;
        if (this.isKeyword('SELECT') || this.isKeyword('WITH') || this.isKeyword('VALUES')) {
          const select = this.select();
          this.expect('RParen');
          return { kind: 'Subquery', span: this.spanFrom(t), select };
        }
        const exprs = this.list(() => this.expr());
        this.expect('RParen');
        return { kind: 'Paren', span: this.spanFrom(t), exprs };
      }
      case 'Identifier':
      case 'QuotedIdentifier':
        return this.identifierExpr();
      case 'Operator':
        if (t.text === '*') {
          this.pos++;
          return { kind: 'Star', span: t.span };
        }
    }
    return this.missing(`Expected an expression, found ${describe(t)}`);
  }

  private identifierExpr(): A.Expr {
    const t = this.peek();
    const word = t.kind === 'Identifier' ? t.value.toUpperCase() : '';
    if (word === 'NULL') { this.pos++; return { kind: 'Literal', span: t.span, type: 'null', value: 'NULL' }; }
    if (word === 'TRUE' || word === 'FALSE') { this.pos++; return { kind: 'Literal', span: t.span, type: 'boolean', value: word }; }
    if (word === 'CURRENT_DATE' || word === 'CURRENT_TIME' || word === 'CURRENT_TIMESTAMP') { this.pos++; return { kind: 'Literal', span: t.span, type: 'current', value: word }; }
    if (word === 'CASE') return this.caseExpr();
    if (word === 'CAST') return this.castExpr();
    if (word === 'EXISTS' || (word === 'NOT' && this.isKeywordAt(1, 'EXISTS'))) {
      const not = this.eatKeyword('NOT');
      this.pos++;
      const select = this.parenthesized(() => this.select()) ?? this.missingSelect();
      return { kind: 'Exists', span: this.spanFrom(t), not, select };
    }
    if (this.peekAt(1).kind === 'LParen' && (t.kind === 'QuotedIdentifier' || !RESERVED.has(word) || AGGREGATE_CALLABLE_KEYWORDS.has(word))) return this.callExpr();
    if (t.kind === 'Identifier' && RESERVED.has(word)) return this.missing(`Expected an expression, found the keyword ${word}`);
    const first = this.name('');
    if (this.at('Dot')) {
      this.pos++;
      if (this.at('Operator', '*')) {
        const star = this.next();
        return { kind: 'Star', span: { start: first.span.start, end: star.span.end }, table: first };
      }
      const second = this.name('a column name after the dot');
      if (this.at('Dot')) {
        // schema.table.column: the schema is not used.
        this.pos++;
        const third = this.name('a column name after the dot');
        return { kind: 'Column', span: { start: first.span.start, end: third.span.end }, table: second, name: third };
      }
      return { kind: 'Column', span: { start: first.span.start, end: second.span.end }, table: first, name: second };
    }
    return { kind: 'Column', span: first.span, name: first };
  }

  // call := name ( [DISTINCT] args | * ) [FILTER (WHERE e)] [OVER window]
  private callExpr(): A.Expr {
    const first = this.peek();
    const name = this.name('');
    this.expect('LParen');
    const distinct = this.eatKeyword('DISTINCT');
    let args: A.Expr[] = [];
    if (this.at('Operator', '*')) {
      const star = this.next();
      args = [{ kind: 'Star', span: star.span }];
    } else if (!this.at('RParen')) {
      args = this.list(() => this.expr());
      // Aggregate ORDER BY inside the call, e.g. group_concat(x ORDER BY y).
      if (this.eatKeywords('ORDER', 'BY')) this.list(() => this.orderItem());
    }
    this.expect('RParen');
    let filter: A.Expr | undefined;
    if (this.eatKeyword('FILTER')) {
      filter = this.parenthesized(() => {
        this.expectKeyword('WHERE');
        return this.expr();
      });
    }
    let over: A.WindowSpec | undefined;
    if (this.eatKeyword('OVER')) {
      over = this.at('LParen') ? this.windowSpec() : (() => {
        const n = this.name('a window name');
        return { span: n.span, name: n, partitionBy: [], orderBy: [] };
      })();
    }
    return { kind: 'Call', span: this.spanFrom(first), name, distinct, args, filter, over };
  }

  // window := ( [base] [PARTITION BY es] [ORDER BY items] [frame] )
  private windowSpec(): A.WindowSpec {
    const first = this.peek();
    let name: A.Name | undefined;
    let partitionBy: A.Expr[] = [];
    let orderBy: A.OrderItem[] = [];
    this.expect('LParen');
    if (this.isName(this.peek()) && !['PARTITION', 'ORDER', 'RANGE', 'ROWS', 'GROUPS'].includes(this.keyword())) name = this.name('');
    if (this.eatKeywords('PARTITION', 'BY')) partitionBy = this.list(() => this.expr());
    if (this.eatKeywords('ORDER', 'BY')) orderBy = this.list(() => this.orderItem());
    // The frame (ROWS BETWEEN …) is SQLite's to interpret: skip it, balancing parentheses.
    let level = 0;
    while (!this.at('EOF') && !this.at('Semicolon') && !(level === 0 && this.at('RParen'))) {
      if (this.at('LParen')) level++;
      if (this.at('RParen')) level--;
      this.pos++;
    }
    this.expect('RParen');
    return { span: this.spanFrom(first), name, partitionBy, orderBy };
  }

  // case := CASE [e] (WHEN e THEN e)+ [ELSE e] END
  private caseExpr(): A.Expr {
    const first = this.next();
    const operand = this.isKeyword('WHEN') ? undefined : this.expr();
    const whens: { when: A.Expr; then: A.Expr }[] = [];
    while (this.eatKeyword('WHEN')) {
      const when = this.expr();
      this.expectKeyword('THEN');
      whens.push({ when, then: this.expr() });
    }
    if (whens.length === 0) this.error('GS1140', 'CASE needs at least one WHEN … THEN …', this.peek().span);
    const otherwise = this.eatKeyword('ELSE') ? this.expr() : undefined;
    this.expectKeyword('END');
    return { kind: 'Case', span: this.spanFrom(first), operand, whens, else: otherwise };
  }

  // cast := CAST ( e AS type )
  private castExpr(): A.Expr {
    const first = this.next();
    let expr: A.Expr = { kind: 'Missing', span: this.zeroWidth() };
    let type = '';
    this.parenthesized(() => {
      expr = this.expr();
      this.expectKeyword('AS');
      const words: string[] = [];
      while (this.at('Identifier') || this.at('LParen')) {
        if (this.at('LParen')) {
          while (!this.at('RParen') && !this.at('EOF')) this.pos++;
          break;
        }
        words.push(this.next().value);
      }
      if (words.length === 0) this.error('GS1141', 'Expected a type name after AS', this.peek().span);
      type = words.join(' ');
      return true;
    });
    return { kind: 'Cast', span: this.spanFrom(first), expr, type };
  }

  // ---- helpers ----

  private list<T>(element: () => T): T[] {
    const items = [element()];
    while (this.eat('Comma')) {
      if (this.at('RParen') || this.at('EOF') || this.at('Semicolon')) {
        this.error('GS1150', 'Expected another item after the comma', this.peek().span);
        break;
      }
      items.push(element());
    }
    return items;
  }

  private parenthesized<T>(inner: () => T): T | undefined {
    if (!this.expect('LParen')) return undefined;
    const value = inner();
    this.expect('RParen');
    return value;
  }

  private name(what: string): A.Name {
    const t = this.peek();
    if (this.isName(t)) {
      this.pos++;
      return { text: t.value, span: t.span, quoted: t.kind === 'QuotedIdentifier' };
    }
    this.error('GS1110', `Expected ${what || 'a name'}, found ${describe(t)}`, t.span);
    return { text: '', span: this.zeroWidth(), quoted: false };
  }

  /** `schema.name` is accepted; the schema is not used. */
  private qualifiedName(what: string): A.Name {
    const first = this.name(what);
    if (this.at('Dot') && this.isName(this.peekAt(1))) {
      this.pos++;
      return this.name(what);
    }
    return first;
  }

  private isName(t: Token): boolean {
    return t.kind === 'QuotedIdentifier' || (t.kind === 'Identifier' && !RESERVED.has(t.value.toUpperCase()));
  }

  private missing(message: string): A.MissingExpr {
    const t = this.peek();
    this.error('GS1160', message, t.span);
    return { kind: 'Missing', span: { start: t.span.start, end: t.span.start } };
  }

  /** Runs one nesting level, or reports that the text nests too deeply and gives up on the statement. */
  private nested<T>(missing: () => T, inner: () => T): T {
    if (this.depth >= MAX_DEPTH) {
      this.tooDeep();
      return missing();
    }
    this.depth++;
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }

  /** A list past SQLite's limit: reported, and the rest of the statement skipped (later stages walk these lists recursively). */
  private tooMany<T>(code: string, message: string, sofar: T, at = this.peek()): T {
    this.error(code, message, at.span);
    this.skipTo(() => this.at('Semicolon'));
    return sofar;
  }

  private tooDeep(): A.MissingExpr {
    const t = this.peek();
    this.error('GS1190', `Nested too deeply: more than ${MAX_DEPTH} levels of parentheses, subqueries or operators`, t.span);
    this.skipTo(() => this.at('Semicolon'));
    return { kind: 'Missing', span: { start: t.span.start, end: t.span.start } };
  }

  private missingExpr(): A.MissingExpr {
    return { kind: 'Missing', span: this.zeroWidth() };
  }

  private missingFrom(): A.FromItem {
    const span = this.zeroWidth();
    return { kind: 'Table', span, name: { text: '', span, quoted: false } };
  }

  private missingSelect(): A.SelectStatement {
    const span = this.zeroWidth();
    return { kind: 'Select', span, body: { kind: 'Core', span, distinct: false, columns: [], groupBy: [], windows: [] }, orderBy: [] };
  }

  /** The current token; every look spends fuel until a token is consumed (see FUEL). */
  private peek(unguarded = false): Token {
    if (!unguarded) this.spendFuel();
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private peekAt(offset: number): Token {
    this.spendFuel();
    return this.tokens[this.pos + offset] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private spendFuel(): void {
    if (this.pos !== this.fuelPos) {
      this.fuelPos = this.pos;
      this.fuel = FUEL;
    } else if (--this.fuel <= 0) {
      throw new Stuck();
    }
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'EOF') this.pos++;
    return t;
  }

  private at(kind: Token['kind'], text?: string): boolean {
    const t = this.peek();
    return t.kind === kind && (text === undefined || t.text === text);
  }

  private eat(kind: Token['kind']): boolean {
    if (!this.at(kind)) return false;
    this.pos++;
    return true;
  }

  private expect(kind: Token['kind']): boolean {
    if (this.eat(kind)) return true;
    const wanted = kind === 'LParen' ? '(' : kind === 'RParen' ? ')' : kind;
    this.error('GS1170', `Expected ${wanted}, found ${describe(this.peek())}`, this.peek().span);
    return false;
  }

  private keyword(): string {
    return this.keywordAt(0);
  }

  private keywordAt(offset: number): string {
    this.spendFuel();
    return this.words[Math.min(this.pos + offset, this.words.length - 1)] as string;
  }

  private isKeyword(word: string): boolean {
    return this.keyword() === word;
  }

  private isKeywordAt(offset: number, word: string): boolean {
    return this.keywordAt(offset) === word;
  }

  private eatKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.pos++;
    return true;
  }

  private eatKeywords(first: string, second: string): boolean {
    if (!this.isKeyword(first)) return false;
    this.pos++;
    if (!this.eatKeyword(second)) this.error('GS1171', `Expected ${second} after ${first}`, this.peek().span);
    return true;
  }

  private expectKeyword(word: string): boolean {
    if (this.eatKeyword(word)) return true;
    this.error('GS1172', `Expected ${word}, found ${describe(this.peek())}`, this.peek().span);
    return false;
  }

  private error(code: string, message: string, span: Span, always = false): void {
    // One error per position: recovery must not stack a cascade on the same token.
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (!always && last && last.span.start === span.start && last.severity === 'error') return;
    this.diagnostics.push({ code, message, span, severity: 'error' });
  }

  private skipTo(stop: () => boolean): void {
    let level = 0;
    while (!this.at('EOF')) {
      if (level === 0 && stop()) return;
      if (this.at('LParen')) level++;
      if (this.at('RParen')) level = Math.max(0, level - 1);
      this.pos++;
    }
  }

  private spanFrom(first: Token): Span {
    return { start: first.span.start, end: Math.max(first.span.start, this.prevEnd()) };
  }

  private prevEnd(): number {
    return this.tokens[this.pos - 1]?.span.end ?? 0;
  }

  private zeroWidth(): Span {
    const at = this.peek().span.start;
    return { start: at, end: at };
  }
}

function binary(op: string, left: A.Expr, right: A.Expr): A.BinaryExpr {
  return { kind: 'Binary', span: { start: left.span.start, end: Math.max(left.span.end, right.span.end) }, op, left, right };
}

function describe(t: Token): string {
  if (t.kind === 'EOF') return 'the end of the text';
  return `'${t.text.length > 30 ? `${t.text.slice(0, 27)}…` : t.text}'`;
}
