import type * as A from './ast';
import { Diagnostics as D, diagnostic, type DiagnosticMessage } from './diagnostics';
import { scan } from './scanner';
import { JOIN_KEYWORDS, RESERVED, type Diagnostic, type Span, type Token } from './tokens';

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
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const { tokens, diagnostics } = scan(text);
  const parser = new Parser(tokens, diagnostics, options.fuel ?? FUEL);
  const statements = parser.script();
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { statements, diagnostics, tokens };
}

/**
 * How deeply expressions, subqueries and parenthesised FROM items may nest (each NOT and
 * unary sign counts as a level; a SELECT and each of its expressions are a level each, so a
 * scalar subquery is two). Beyond it the statement gets a diagnostic rather than the stack
 * overflowing; every later stage then walks trees at most this deep, except left-deep chains
 * (`a OR b OR …`, `1+1+…`), which they walk iteratively.
 *
 * Why 250 and not SQLite's 1000: measured on Node 20, the deepest every stage goes on the
 * default stack (≈ 984 KB, as in VS Code's extension host) is about 500 levels; the first to
 * overflow are the parser on nested scalar subqueries, the binder on nested FROM subqueries
 * and the printer (localSql) on nested parentheses. 250 is half of that: limits.test.ts runs
 * every stage at this depth in a worker with half the default stack.
 */
export const MAX_DEPTH = 250;
/** SQLite's own limits: tables in one join, terms of a compound SELECT. */
export const MAX_JOIN_TABLES = 64;
export const MAX_COMPOUND_TERMS = 500;
/**
 * Peeks allowed at one token before the parser is declared stuck. Parsing consumes a token
 * after a bounded number of looks; a loop that does not is a bug, which this guard turns
 * into a diagnostic instead of a hang (matklad's "fuel" in resilient LL parsing).
 */
const FUEL = 100_000;

export interface ParseOptions {
  /** Looks allowed at one token (see FUEL); tests lower it to see the guard work. */
  readonly fuel?: number;
}

/** Thrown by the fuel guard; caught per statement, never leaves parse(). */
class Stuck extends Error {}

/**
 * Binding power of SQLite's binary operators (parse.y's %left/%right lines, weakest first);
 * a prefix NOT binds at 3, a prefix - + ~ at 12 (BITNOT), COLLATE is 11.
 */
const INFIX: Record<string, number> = {
  OR: 1, AND: 2,
  '=': 4, '==': 4, '!=': 4, '<>': 4, IS: 4, IN: 4, LIKE: 4, GLOB: 4, REGEXP: 4, MATCH: 4, BETWEEN: 4, ISNULL: 4, NOTNULL: 4, NOT: 4,
  '<': 5, '<=': 5, '>': 5, '>=': 5,
  '&': 7, '|': 7, '<<': 7, '>>': 7,
  '+': 8, '-': 8,
  '*': 9, '/': 9, '%': 9,
  '||': 10, '->': 10, '->>': 10,
  COLLATE: 11,
};
const NOT_PRECEDENCE = 3;
const SIGN_PRECEDENCE = 12;
/** Words NOT may precede in operator position: `x NOT IN …`, `x NOT LIKE …`, `x NOT NULL`. */
const AFTER_INFIX_NOT = new Set(['IN', 'LIKE', 'GLOB', 'REGEXP', 'MATCH', 'BETWEEN', 'NULL']);
const LIKE_OPERATORS = new Set(['LIKE', 'GLOB', 'REGEXP', 'MATCH']);
const SELECT_STARTS = new Set(['SELECT', 'VALUES', 'WITH']);
const FRAME_UNITS = new Set(['ROWS', 'RANGE', 'GROUPS']);
/** Words a window definition starts with, which therefore are not a base window's name. */
const WINDOW_CLAUSE_WORDS = new Set(['PARTITION', 'ORDER', 'ROWS', 'RANGE', 'GROUPS']);
/** The largest `?N` SQLite accepts (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_VARIABLE_NUMBER = 32766;

class Parser {
  private pos = 0;
  private depth = 0;
  private fuel = 0;
  private fuelPos = -1;
  private positional = 0;

  /** Each token's upper-case word ('' for non-identifiers), computed once: keyword checks are the parser's hot path. */
  private readonly words: string[];

  constructor(private readonly tokens: Token[], private readonly diagnostics: Diagnostic[], private readonly maxFuel: number) {
    this.words = tokens.map((t) => (t.kind === 'Identifier' ? t.value.toUpperCase() : ''));
  }

  // script := statement (';' statement)*
  // The loop over statements and the recovery after a guard fired look at tokens directly,
  // without spending fuel: they always advance, and they must work when a guard has fired.
  script(): A.Statement[] {
    const statements: A.Statement[] = [];
    while (this.current().kind !== 'EOF') {
      if (this.current().kind === 'Semicolon') {
        this.pos++;
        continue;
      }
      const start = this.pos;
      statements.push(this.guarded(() => this.statement(), start));
      const t = this.current();
      if (t.kind !== 'Semicolon' && t.kind !== 'EOF') {
        this.error(D.expectedEndOfStatement, t.span, describe(t));
        this.recover();
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
      const at = this.current();
      const why = e instanceof Stuck ? 'the parser made no progress' : e instanceof RangeError ? 'the statement is nested too deeply' : String(e);
      this.diagnostics.push(diagnostic(D.cannotParse, at.span, why, describe(at)));
      this.depth = 0;
      this.recover();
      return { kind: 'Invalid', span: { start: this.tokens[start]?.span.start ?? 0, end: this.prevEnd() } };
    }
  }

  /** The current token, without spending fuel. */
  private current(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)] as Token;
  }

  /** Skips to the next `;` outside parentheses (or the end), without spending fuel. */
  private recover(): void {
    let level = 0;
    for (let t = this.current(); t.kind !== 'EOF' && !(level === 0 && t.kind === 'Semicolon'); t = this.current()) {
      if (t.kind === 'LParen') level++;
      if (t.kind === 'RParen') level = Math.max(0, level - 1);
      this.pos++;
    }
    this.fuelPos = -1;
  }

  // statement := [EXPLAIN [QUERY PLAN]] (select | insert | update | delete | call)
  private statement(): A.Statement {
    const first = this.peek();
    if (this.eatKeyword('EXPLAIN')) {
      if (this.eatKeyword('QUERY')) this.expectKeyword('PLAN');
      if (this.isKeyword('EXPLAIN')) this.error(D.nestedExplain, this.peek().span);
      const inner = this.isKeyword('EXPLAIN') ? this.invalid() : this.statement();
      return { kind: 'Explain', span: this.spanFrom(first), statement: inner };
    }
    if (SELECT_STARTS.has(this.keyword())) return this.select();
    if (this.isKeyword('INSERT')) return this.insert();
    if (this.isKeyword('UPDATE')) return this.update();
    if (this.isKeyword('DELETE')) return this.delete();
    if (this.isKeyword('CALL')) return this.call();
    this.error(D.expectedStatement, first.span, describe(first));
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
    // ORDER BY and LIMIT belong to a last term that is a SELECT: VALUES takes neither.
    const last = lastTerm(body);
    if (last.kind === 'Values' && (this.isKeyword('ORDER') || this.isKeyword('LIMIT'))) {
      this.error(D.clauseAfterValues, this.peek().span, this.keyword() === 'ORDER' ? 'ORDER BY' : 'LIMIT');
    }
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
    if (this.isKeyword('UNION') || this.isKeyword('INTERSECT') || this.isKeyword('EXCEPT')) {
      const clause = limit ? 'LIMIT' : 'ORDER BY';
      if (limit || orderBy.length > 0) this.error(D.clauseInsideCompound, this.peek().span, clause, this.keyword());
    }
    return { kind: 'Select', span: this.spanFrom(first), with: withClause, body, orderBy, limit };
  }

  // cte := name [(column [COLLATE c] [ASC|DESC], …)] AS [[NOT] MATERIALIZED] (select)
  private commonTable(): A.CommonTable {
    const first = this.peek();
    const name = this.name('a name for the common table expression');
    const columns = this.at('LParen') ? this.parenthesized(() => this.list(() => this.cteColumn())) : [];
    this.expectKeyword('AS');
    let materialized: boolean | undefined;
    if (this.isKeyword('NOT') && this.isKeywordAt(1, 'MATERIALIZED')) {
      this.pos += 2;
      materialized = false;
    } else if (this.eatKeyword('MATERIALIZED')) {
      materialized = true;
    }
    const select = this.parenthesized(() => this.select()) ?? this.missingSelect();
    return { span: this.spanFrom(first), name, columns: columns ?? [], materialized, select };
  }

  /** SQLite's eidlist item: a name, optionally with COLLATE and a sort order (which it ignores). */
  private cteColumn(): A.Name {
    const name = this.name('a column name');
    if (this.eatKeyword('COLLATE')) this.collation();
    if (!this.eatKeyword('ASC')) this.eatKeyword('DESC');
    return name;
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
      if (++terms > MAX_COMPOUND_TERMS) return this.tooMany(D.tooManyCompoundTerms, MAX_COMPOUND_TERMS, left, opToken);
      const right = this.selectCore();
      left = { kind: 'Compound', span: { start: left.span.start, end: right.span.end }, op, left, right };
    }
  }

  // core := SELECT [DISTINCT|ALL] columns [FROM from] [WHERE e] [GROUP BY es] [HAVING e] [WINDOW …] | VALUES rows
  private selectCore(): A.SelectBody {
    const first = this.peek();
    if (this.eatKeyword('VALUES')) return this.values(first);
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
    if (this.atWindowClause()) {
      this.pos++;
      do {
        const name = this.name('a window name');
        this.expectKeyword('AS');
        windows.push({ name, spec: this.windowSpec() });
      } while (this.eat('Comma'));
    }
    return { kind: 'Core', span: this.spanFrom(first), distinct, columns, from, where, groupBy, having, windows };
  }

  // values := VALUES (exprs) (, (exprs))* — every row as long as the first
  private values(first: Token): A.ValuesBody {
    const rows = this.list(() => {
      const open = this.peek();
      const row = this.parenthesized(() => this.list(() => this.expr())) ?? [];
      return { row, span: this.spanFrom(open) };
    });
    const width = rows[0]?.row.length ?? 0;
    const uneven = rows.find((r) => r.row.length !== width);
    if (uneven) this.error(D.unevenValues, uneven.span, width);
    return { kind: 'Values', span: this.spanFrom(first), rows: rows.map((r) => r.row) };
  }

  // resultColumn := * | name.* | expr [[AS] alias]
  private resultColumn(): A.SelectItem {
    const first = this.peek();
    if (this.at('Operator', '*')) {
      this.pos++;
      return { span: first.span, expr: { kind: 'Star', span: first.span } };
    }
    if (this.isName(this.peek(), 'table') && this.peekAt(1).kind === 'Dot' && this.peekAt(2).text === '*') {
      const table = this.name('a table name', 'table');
      this.pos += 2;
      return { span: this.spanFrom(first), expr: { kind: 'Star', span: this.spanFrom(first), table } };
    }
    const expr = this.expr();
    const alias = this.alias();
    return { span: this.spanFrom(first), expr, alias };
  }

  /** `AS name` (any name, a string included) or a bare alias (SQLite's `ids`: no join keyword, no contextual keyword in use). */
  private alias(): A.Name | undefined {
    if (this.eatKeyword('AS')) return this.name('an alias after AS', 'table');
    const t = this.peek();
    if (t.kind === 'String' || t.kind === 'QuotedIdentifier') return this.name('', 'table');
    const word = this.keyword();
    if (t.kind !== 'Identifier' || RESERVED.has(word) || JOIN_KEYWORDS.has(word) || word === 'INDEXED') return undefined;
    if (word === 'WINDOW' && this.atWindowClause()) return undefined;
    return this.name('');
  }

  // from := item (joinOp item [ON e | USING (names)])*
  private from(): A.FromItem {
    let left = this.fromItem();
    let tables = 1;
    for (;;) {
      const opStart = this.peek();
      const op = this.joinOp();
      if (!op) return left;
      if (++tables > MAX_JOIN_TABLES) return this.tooMany(D.tooManyJoinTables, MAX_JOIN_TABLES, left, opStart);
      const right = this.fromItem();
      let on: A.Expr | undefined;
      let using: A.Name[] | undefined;
      const constraint = this.peek();
      if (this.eatKeyword('ON')) on = this.expr();
      else if (this.eatKeyword('USING')) using = this.parenthesized(() => this.list(() => this.name('a column name'))) ?? [];
      if (op.natural && (on || using)) this.error(D.naturalJoinConstraint, constraint.span);
      left = { kind: 'Join', span: { start: left.span.start, end: this.prevEnd() }, left, right, type: op.type, natural: op.natural, on, using };
    }
  }

  /**
   * `,` or up to three join words then JOIN, in any order, combined as SQLite does
   * (`LEFT OUTER`, `OUTER LEFT`, `NATURAL LEFT` …); OUTER alone or INNER with OUTER is an error.
   */
  private joinOp(): { type: A.JoinItem['type']; natural: boolean } | undefined {
    if (this.eat('Comma')) return { type: 'CROSS', natural: false };
    if (!this.isKeyword('JOIN') && !JOIN_KEYWORDS.has(this.keyword())) return undefined;
    const first = this.peek();
    const words: string[] = [];
    while (!this.isKeyword('JOIN') && words.length < 3 && (words.length === 0 || this.isName(this.peek()))) {
      words.push(this.next().value.toUpperCase());
    }
    const has = (...w: string[]) => words.some((x) => w.includes(x));
    const outer = has('LEFT', 'RIGHT', 'FULL', 'OUTER');
    const valid = words.every((w) => JOIN_KEYWORDS.has(w)) && !(has('INNER', 'CROSS') && outer) && !(outer && !has('LEFT', 'RIGHT', 'FULL'));
    if (!valid) this.error(D.unknownJoinType, this.spanFrom(first), words.join(' '));
    this.expectKeyword('JOIN');
    const left = has('LEFT', 'FULL');
    const right = has('RIGHT', 'FULL');
    const type = left && right ? 'FULL' : left ? 'LEFT' : right ? 'RIGHT' : has('CROSS') ? 'CROSS' : 'INNER';
    return { type, natural: has('NATURAL') };
  }

  // item := [schema.]name [[AS] alias] [INDEXED BY name | NOT INDEXED] | [schema.]name(args) [[AS] alias]
  //       | (select) [[AS] alias] | (from) [[AS] alias]
  private fromItem(): A.FromItem {
    const first = this.peek();
    if (this.at('LParen')) {
      this.pos++;
      if (SELECT_STARTS.has(this.keyword())) {
        const select = this.select();
        this.expect('RParen');
        return { kind: 'SubqueryFrom', span: this.spanFrom(first), select, alias: this.alias() };
      }
      const inner = this.nested(() => this.missingFrom(), () => this.from());
      this.expect('RParen');
      return { kind: 'ParenFrom', span: this.spanFrom(first), from: inner, alias: this.alias() };
    }
    const { schema, name } = this.qualifiedName('a table name');
    if (this.at('LParen')) {
      const args = this.parenthesized(() => (this.at('RParen') ? [] : this.list(() => this.expr()))) ?? [];
      return { kind: 'TableFunction', span: this.spanFrom(first), schema, name, args, alias: this.alias() };
    }
    const alias = this.alias();
    let indexedBy: A.Name | null | undefined;
    if (this.eatKeyword('INDEXED')) {
      this.expectKeyword('BY');
      indexedBy = this.name('an index name');
    } else if (this.isKeyword('NOT') && this.isKeywordAt(1, 'INDEXED')) {
      this.pos += 2;
      indexedBy = null;
    }
    return { kind: 'Table', span: this.spanFrom(first), schema, name, alias, indexedBy };
  }

  // orderItem := expr [ASC|DESC] [NULLS (FIRST|LAST)]
  private orderItem(): A.OrderItem {
    const first = this.peek();
    const expr = this.expr();
    const desc = this.eatKeyword('DESC');
    if (!desc) this.eatKeyword('ASC');
    let nulls: A.OrderItem['nulls'];
    if (this.eatKeyword('NULLS')) {
      if (this.eatKeyword('FIRST')) nulls = 'FIRST';
      else if (this.eatKeyword('LAST')) nulls = 'LAST';
      else this.error(D.expectedNullsOrder, this.peek().span);
    }
    return { span: this.spanFrom(first), expr, desc, nulls };
  }

  // insert := INSERT [OR action] INTO name [(columns)] (VALUES rows | select)
  private insert(): A.InsertStatement {
    const first = this.next();
    if (this.eatKeyword('OR')) this.next();
    this.expectKeyword('INTO');
    const { schema, name: table } = this.qualifiedName('the object to insert into');
    const columns = this.at('LParen') ? this.parenthesized(() => this.list(() => this.name('a column name'))) ?? [] : [];
    let source: A.InsertStatement['source'];
    if (this.isKeyword('VALUES')) {
      const values = this.values(this.next());
      source = { kind: 'Values', rows: values.rows };
    } else if (this.isKeyword('SELECT') || this.isKeyword('WITH')) {
      source = { kind: 'Select', select: this.select() };
    } else {
      this.error(D.expectedValuesOrSelect, this.peek().span);
      source = { kind: 'Missing', span: this.zeroWidth() };
    }
    return { kind: 'Insert', span: this.spanFrom(first), schema, table, columns, source };
  }

  // update := UPDATE name [[AS] alias] SET col = expr (, col = expr)* [WHERE expr]
  private update(): A.UpdateStatement {
    const first = this.next();
    const { schema, name: table } = this.qualifiedName('the object to update');
    const alias = this.isKeyword('SET') ? undefined : this.alias();
    this.expectKeyword('SET');
    const sets = this.list(() => {
      const column = this.name('a column to set');
      if (!this.at('Operator', '=')) this.error(D.expectedEquals, this.peek().span, column.text);
      else this.pos++;
      return { column, value: this.expr() };
    });
    const where = this.eatKeyword('WHERE') ? this.expr() : undefined;
    return { kind: 'Update', span: this.spanFrom(first), schema, table, alias, sets, where };
  }

  // delete := DELETE FROM name [[AS] alias] [WHERE expr]
  private delete(): A.DeleteStatement {
    const first = this.next();
    this.expectKeyword('FROM');
    const { schema, name: table } = this.qualifiedName('the object to delete from');
    const alias = this.isKeyword('WHERE') ? undefined : this.alias();
    const where = this.eatKeyword('WHERE') ? this.expr() : undefined;
    return { kind: 'Delete', span: this.spanFrom(first), schema, table, alias, where };
  }

  // call := CALL name ( [expr (, expr)*] )
  private call(): A.CallStatement {
    const first = this.next();
    const { name } = this.qualifiedName('a procedure name');
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

  // ---- expressions: precedence climbing over SQLite's levels (see INFIX) ----

  expr(): A.Expr {
    return this.nested(() => this.missingExpr(), () => this.binding(0));
  }

  /**
   * An expression whose operators all bind at least `min`. Prefix operators (NOT, - + ~) are
   * gathered in a loop, each one level of depth, then applied innermost first, each taking
   * the operators that bind tighter than it: `NOT a = b` is NOT (a = b), `-a * b` is (-a) * b.
   * Binary chains are built in the loop of `infix`, so `1+1+…` never recurses.
   */
  private binding(min: number): A.Expr {
    // Most operands have no prefix: no allocation for them (a 100,000-term chain has 100,000 operands).
    if (!this.atPrefix()) return this.infix(this.primary(), min);
    const prefixes: Token[] = [];
    while (this.atPrefix()) {
      if (this.depth + prefixes.length >= MAX_DEPTH) return this.tooDeep();
      prefixes.push(this.next());
    }
    this.depth += prefixes.length;
    try {
      let e = this.primary();
      for (let i = prefixes.length - 1; i >= 0; i--) {
        const t = prefixes[i] as Token;
        const not = t.kind === 'Identifier';
        e = this.infix(e, not ? NOT_PRECEDENCE : SIGN_PRECEDENCE);
        if (t.text === '-' && isSmallestHex(e)) this.error(D.negatedHexTooBig, { start: t.span.start, end: e.span.end }, (e as A.Literal).value);
        e = { kind: 'Unary', span: { start: t.span.start, end: e.span.end }, op: not ? 'NOT' : t.text, operand: e };
      }
      return this.infix(e, min);
    } finally {
      this.depth -= prefixes.length;
    }
  }

  private atPrefix(): boolean {
    const t = this.peek();
    if (t.kind === 'Operator') return t.text === '-' || t.text === '+' || t.text === '~';
    return this.isKeyword('NOT') && !this.isKeywordAt(1, 'EXISTS');
  }

  /** The operator at the current token and how tightly it binds (0: none). */
  private infixPower(): number {
    const t = this.peek();
    if (t.kind === 'Operator') return INFIX[t.text] ?? 0;
    const word = this.keyword();
    if (word === 'NOT') return AFTER_INFIX_NOT.has(this.keywordAt(1)) ? INFIX.NOT as number : 0;
    return word ? INFIX[word] ?? 0 : 0;
  }

  /** Applies the binary and postfix operators binding at least `min` to `left`, left to right. */
  private infix(left: A.Expr, min: number): A.Expr {
    for (let power = this.infixPower(); power >= min && power > 0; power = this.infixPower()) {
      left = this.operator(left, power);
    }
    return left;
  }

  /** One operator applied to `left`; its right side binds tighter (all of SQLite's binary operators are left-associative). */
  private operator(left: A.Expr, power: number): A.Expr {
    const t = this.next();
    // No closure for the right side: this runs once per operator of a 100,000-term chain.
    const tighter = power + 1;
    if (t.kind === 'Operator') {
      const op = t.text === '==' ? '=' : t.text === '<>' ? '!=' : t.text;
      return binary(op, left, this.binding(tighter));
    }
    const word = t.value.toUpperCase();
    const start = left.span.start;
    switch (word) {
      case 'OR':
      case 'AND':
        return binary(word, left, this.binding(tighter));
      case 'COLLATE': {
        const collation = this.collation();
        return { kind: 'Collate', span: { start, end: this.prevEnd() }, expr: left, collation };
      }
      case 'ISNULL':
      case 'NOTNULL':
        return { kind: 'IsNull', span: { start, end: t.span.end }, not: word === 'NOTNULL', expr: left };
      case 'IS': {
        const not = this.eatKeyword('NOT');
        if (this.isKeyword('NULL') && this.infixPowerAt(1) <= power) {
          this.pos++;
          return { kind: 'IsNull', span: { start, end: this.prevEnd() }, not, expr: left };
        }
        const distinct = this.eatKeyword('DISTINCT');
        if (distinct) this.expectKeyword('FROM');
        // IS DISTINCT FROM is IS NOT; IS NOT DISTINCT FROM is IS.
        return binary(not !== distinct ? 'IS NOT' : 'IS', left, this.binding(tighter));
      }
    }
    // [NOT] IN | LIKE | GLOB | REGEXP | MATCH | BETWEEN | NULL
    const not = word === 'NOT';
    const op = not ? this.next().value.toUpperCase() : word;
    if (op === 'NULL') return { kind: 'IsNull', span: { start, end: this.prevEnd() }, not: true, expr: left };
    if (op === 'IN') return this.inRest(left, not);
    if (op === 'BETWEEN') {
      const low = this.binding(tighter);
      this.expectKeyword('AND');
      const high = this.binding(tighter);
      return { kind: 'Between', span: { start, end: high.span.end }, not, expr: left, low, high };
    }
    // LIKE_KW / MATCH, with an optional ESCAPE (SQLite's likeop takes it after any of them).
    const match = binary(not ? `NOT ${op}` : op, left, this.binding(tighter));
    if (!this.eatKeyword('ESCAPE')) return match;
    const escape = this.binding(tighter);
    return { ...match, span: { start, end: escape.span.end }, escape };
  }

  private infixPowerAt(offset: number): number {
    const t = this.peekAt(offset);
    if (t.kind === 'Operator') return INFIX[t.text] ?? 0;
    const word = this.keywordAt(offset);
    return word ? INFIX[word] ?? 0 : 0;
  }

  // IN ( select | exprs | ) | IN [schema.]table | IN [schema.]function(args)
  private inRest(left: A.Expr, not: boolean): A.Expr {
    if (this.at('LParen')) {
      this.pos++;
      if (SELECT_STARTS.has(this.keyword())) {
        const select = this.select();
        this.expect('RParen');
        return { kind: 'InSelect', span: { start: left.span.start, end: this.prevEnd() }, not, expr: left, select };
      }
      const items = this.at('RParen') ? [] : this.list(() => this.expr());
      this.expect('RParen');
      return { kind: 'InList', span: { start: left.span.start, end: this.prevEnd() }, not, expr: left, items };
    }
    // `x IN t` and `x IN f(args)`: a subquery over the whole table or table function.
    const first = this.peek();
    const { schema, name } = this.qualifiedName('a list in parentheses or a table name after IN');
    const from: A.FromItem = this.at('LParen')
      ? { kind: 'TableFunction', span: first.span, schema, name, args: this.parenthesized(() => (this.at('RParen') ? [] : this.list(() => this.expr()))) ?? [] }
      : { kind: 'Table', span: first.span, schema, name };
    const span = this.spanFrom(first);
    const select: A.SelectStatement = {
      kind: 'Select', span, orderBy: [],
      body: { kind: 'Core', span, distinct: false, columns: [{ span, expr: { kind: 'Star', span } }], from: { ...from, span }, groupBy: [], windows: [] },
    };
    return { kind: 'InSelect', span: { start: left.span.start, end: span.end }, not, expr: left, select };
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
        // 't'.column: a string is also a name (SQLite's nm) before a dot.
        if (this.peekAt(1).kind === 'Dot') return this.columnRef();
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'string', value: t.value };
      case 'Blob':
        this.pos++;
        return { kind: 'Literal', span: t.span, type: 'blob', value: t.text };
      case 'Parameter':
        return this.parameter();
      case 'LParen': {
        this.pos++;
        if (SELECT_STARTS.has(this.keyword())) {
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
    }
    if (t.kind === 'Operator' && t.text === '*') {
      // Taken, so that it is not read again as a multiplication.
      this.error(D.starAsOperand, t.span);
      this.pos++;
      return { kind: 'Missing', span: t.span };
    }
    return this.missing(D.expectedExpression, describe(t));
  }

  private parameter(): A.Expr {
    const t = this.next();
    if (t.text === '?') return { kind: 'Parameter', span: t.span, name: `?${++this.positional}`, written: t.text };
    if (!t.text.startsWith('?')) return { kind: 'Parameter', span: t.span, name: t.value, written: t.text };
    const n = Number(t.text.slice(1));
    if (n < 1 || n > MAX_VARIABLE_NUMBER) this.error(D.parameterNumber, t.span, MAX_VARIABLE_NUMBER);
    this.positional = Math.max(this.positional, n);
    return { kind: 'Parameter', span: t.span, name: t.text, written: t.text };
  }

  private identifierExpr(): A.Expr {
    const t = this.peek();
    const word = this.keyword();
    if (word === 'NULL') { this.pos++; return { kind: 'Literal', span: t.span, type: 'null', value: 'NULL' }; }
    if (word === 'TRUE' || word === 'FALSE') { this.pos++; return { kind: 'Literal', span: t.span, type: 'boolean', value: word }; }
    if (word === 'CURRENT_DATE' || word === 'CURRENT_TIME' || word === 'CURRENT_TIMESTAMP') { this.pos++; return { kind: 'Literal', span: t.span, type: 'current', value: word }; }
    if (word === 'CASE') return this.caseExpr();
    if (word === 'CAST' && this.peekAt(1).kind === 'LParen') return this.castExpr();
    if (word === 'EXISTS' || (word === 'NOT' && this.isKeywordAt(1, 'EXISTS'))) {
      const not = this.eatKeyword('NOT');
      this.pos++;
      const select = this.parenthesized(() => this.select()) ?? this.missingSelect();
      return { kind: 'Exists', span: this.spanFrom(t), not, select };
    }
    if (!this.isName(t, 'expr')) return this.missing(D.expectedExpression, `the keyword ${word}`);
    if (this.peekAt(1).kind === 'LParen') return this.callExpr();
    return this.columnRef();
  }

  // column := name | table.name | schema.table.name
  private columnRef(): A.Expr {
    const first = this.name('', 'table');
    if (!this.at('Dot')) return { kind: 'Column', span: first.span, name: first };
    this.pos++;
    if (this.at('Operator', '*')) return this.missing(D.tableStarAsOperand, first.text);
    const second = this.name('a column name after the dot', 'table');
    if (!this.at('Dot')) return { kind: 'Column', span: { start: first.span.start, end: second.span.end }, table: first, name: second };
    this.pos++;
    const third = this.name('a column name after the dot', 'table');
    return { kind: 'Column', span: { start: first.span.start, end: third.span.end }, schema: first, table: second, name: third };
  }

  // call := name ( [DISTINCT|ALL] [args [ORDER BY items]] | * ) [FILTER (WHERE e)] [OVER window]
  private callExpr(): A.Expr {
    const first = this.peek();
    const name = this.name('');
    this.expect('LParen');
    const distinct = this.eatKeyword('DISTINCT');
    if (!distinct) this.eatKeyword('ALL');
    let args: A.Expr[] = [];
    let orderBy: A.OrderItem[] | undefined;
    if (this.at('Operator', '*') && this.peekAt(1).kind === 'RParen' && !distinct) {
      const star = this.next();
      args = [{ kind: 'Star', span: star.span }];
    } else {
      if (!this.at('RParen') && !this.isKeyword('ORDER')) args = this.list(() => this.expr());
      // An aggregate's own order: group_concat(x, ',' ORDER BY y).
      if (this.eatKeywords('ORDER', 'BY')) orderBy = this.list(() => this.orderItem());
    }
    this.expect('RParen');
    let filter: A.Expr | undefined;
    if (this.isKeyword('FILTER') && this.peekAt(1).kind === 'LParen') {
      this.pos++;
      filter = this.parenthesized(() => {
        this.expectKeyword('WHERE');
        return this.expr();
      });
    }
    let over: A.WindowSpec | undefined;
    if (this.isKeyword('OVER') && (this.peekAt(1).kind === 'LParen' || this.isName(this.peekAt(1), 'table'))) {
      this.pos++;
      over = this.at('LParen') ? this.windowSpec() : (() => {
        const n = this.name('a window name');
        return { span: n.span, name: n, partitionBy: [], orderBy: [] };
      })();
    }
    return { kind: 'Call', span: this.spanFrom(first), name, distinct, args, orderBy, filter, over };
  }

  /** `WINDOW name AS`: the only place WINDOW is a keyword (SQLite's tokenizer looks ahead the same way). */
  private atWindowClause(): boolean {
    return this.isKeyword('WINDOW') && this.isName(this.peekAt(1), 'table') && this.isKeywordAt(2, 'AS');
  }

  // window := ( [base] [PARTITION BY es] [ORDER BY items] [frame] )
  private windowSpec(): A.WindowSpec {
    const first = this.peek();
    let name: A.Name | undefined;
    let partitionBy: A.Expr[] = [];
    let orderBy: A.OrderItem[] = [];
    let frame: A.WindowFrame | undefined;
    this.expect('LParen');
    if (this.isName(this.peek()) && !WINDOW_CLAUSE_WORDS.has(this.keyword())) name = this.name('');
    if (this.eatKeywords('PARTITION', 'BY')) partitionBy = this.list(() => this.expr());
    if (this.eatKeywords('ORDER', 'BY')) orderBy = this.list(() => this.orderItem());
    if (FRAME_UNITS.has(this.keyword())) frame = this.frame(orderBy, name);
    this.expect('RParen');
    return { span: this.spanFrom(first), name, partitionBy, orderBy, frame };
  }

  // frame := (ROWS|RANGE|GROUPS) (start | BETWEEN start AND end) [EXCLUDE (NO OTHERS | CURRENT ROW | GROUP | TIES)]
  private frame(orderBy: readonly A.OrderItem[], base: A.Name | undefined): A.WindowFrame {
    const first = this.next();
    const units = first.value.toUpperCase() as A.WindowFrame['units'];
    const between = this.eatKeyword('BETWEEN');
    const start = this.frameBound('start');
    let end: A.FrameBound | undefined;
    if (between) {
      this.expectKeyword('AND');
      end = this.frameBound('end');
    }
    let exclude: A.WindowFrame['exclude'];
    if (this.eatKeyword('EXCLUDE')) {
      if (this.eatKeyword('NO')) exclude = this.expectKeyword('OTHERS') ? 'NO OTHERS' : undefined;
      else if (this.eatKeyword('CURRENT')) exclude = this.expectKeyword('ROW') ? 'CURRENT ROW' : undefined;
      else if (this.eatKeyword('GROUP')) exclude = 'GROUP';
      else if (this.eatKeyword('TIES')) exclude = 'TIES';
      else this.error(D.expectedExclusion, this.peek().span, describe(this.peek()));
    }
    const span = this.spanFrom(first);
    // SQLite's checks (sqlite3WindowAlloc): a frame cannot end before it starts.
    const last = end?.kind ?? 'CurrentRow';
    if ((start.kind === 'CurrentRow' && last === 'Preceding') || (start.kind === 'Following' && (last === 'Preceding' || last === 'CurrentRow'))) {
      this.error(D.frameEndsBeforeStart, span);
    }
    const offset = start.kind === 'Preceding' || start.kind === 'Following' || end?.kind === 'Preceding' || end?.kind === 'Following';
    if (units === 'RANGE' && offset && !base && orderBy.length !== 1) this.error(D.rangeOffsetNeedsOneOrder, span);
    return { span, units, start, end, exclude };
  }

  // bound := UNBOUNDED PRECEDING | UNBOUNDED FOLLOWING | CURRENT ROW | expr PRECEDING | expr FOLLOWING
  private frameBound(which: 'start' | 'end'): A.FrameBound {
    const first = this.peek();
    if (this.eatKeyword('UNBOUNDED')) {
      const preceding = this.isKeyword('PRECEDING');
      if (!this.eatKeyword(which === 'start' ? 'PRECEDING' : 'FOLLOWING')) {
        this.error(D.unboundedOnWrongSide, this.peek().span, which, preceding ? 'PRECEDING' : 'FOLLOWING', which === 'start' ? 'PRECEDING' : 'FOLLOWING');
        if (this.isKeyword('PRECEDING') || this.isKeyword('FOLLOWING')) this.pos++;
      }
      return { kind: which === 'start' ? 'UnboundedPreceding' : 'UnboundedFollowing', span: this.spanFrom(first) };
    }
    if (this.isKeyword('CURRENT') && this.isKeywordAt(1, 'ROW')) {
      this.pos += 2;
      return { kind: 'CurrentRow', span: this.spanFrom(first) };
    }
    const offset = this.expr();
    if (this.eatKeyword('PRECEDING')) return { kind: 'Preceding', span: this.spanFrom(first), offset };
    if (!this.eatKeyword('FOLLOWING')) this.error(D.expectedKeyword, this.peek().span, 'PRECEDING or FOLLOWING', describe(this.peek()));
    return { kind: 'Following', span: this.spanFrom(first), offset };
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
    if (whens.length === 0) this.error(D.caseWithoutWhen, this.peek().span);
    const otherwise = this.eatKeyword('ELSE') ? this.expr() : undefined;
    this.expectKeyword('END');
    return { kind: 'Case', span: this.spanFrom(first), operand, whens, else: otherwise };
  }

  // cast := CAST ( e AS [type words [( signed [, signed] )]] )
  private castExpr(): A.Expr {
    const first = this.next();
    let expr: A.Expr = { kind: 'Missing', span: this.zeroWidth() };
    let type = '';
    this.parenthesized(() => {
      expr = this.expr();
      this.expectKeyword('AS');
      type = this.typeName();
      return true;
    });
    return { kind: 'Cast', span: this.spanFrom(first), expr, type };
  }

  /** SQLite's typetoken: names (possibly none), then `(n)` or `(n, m)`; kept as `WORDS(n,m)`. */
  private typeName(): string {
    const words: string[] = [];
    while (this.at('String') || (this.at('Identifier') && this.isName(this.peek()) && !JOIN_KEYWORDS.has(this.keyword())) || this.at('QuotedIdentifier')) {
      words.push(this.next().value);
    }
    if (!this.at('LParen') || words.length === 0) return words.join(' ');
    const sizes = this.parenthesized(() => {
      const one = this.signedNumber();
      return this.eat('Comma') ? [one, this.signedNumber()] : [one];
    }) ?? [];
    return `${words.join(' ')}(${sizes.join(',')})`;
  }

  private signedNumber(): string {
    const sign = this.at('Operator', '-') || this.at('Operator', '+') ? this.next().text : '';
    if (this.at('Integer') || this.at('Float')) return sign + this.next().text;
    this.error(D.expectedTypeSize, this.peek().span, describe(this.peek()));
    return sign;
  }

  /** A collation name: a name or a string (SQLite's ids). */
  private collation(): string {
    if (this.at('String')) return this.next().value;
    return this.name('a collation name').text;
  }

  // ---- helpers ----

  private list<T>(element: () => T): T[] {
    const items = [element()];
    while (this.eat('Comma')) {
      if (this.at('RParen') || this.at('EOF') || this.at('Semicolon')) {
        this.error(D.expectedItemAfterComma, this.peek().span);
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

  /**
   * A name (SQLite's nm): any word but the reserved ones, a quoted name, or — where a name
   * is all that can come (`'table'`, `AS 'alias'`, `'t'.column`) — a string.
   */
  private name(what: string, strings: 'table' | 'expr' = 'expr'): A.Name {
    const t = this.peek();
    if (this.isName(t, strings)) {
      this.pos++;
      if (t.kind === 'Identifier') return { text: t.value, span: t.span, quoted: false };
      return { text: t.value, span: t.span, quoted: true, quote: t.text[0] as A.Name['quote'] };
    }
    this.error(D.expectedName, t.span, what || 'a name', describe(t));
    return { text: '', span: this.zeroWidth(), quoted: false };
  }

  /** `name` or `schema.name`. */
  private qualifiedName(what: string): { schema?: A.Name; name: A.Name } {
    const first = this.name(what, 'table');
    if (this.at('Dot') && this.isName(this.peekAt(1), 'table')) {
      this.pos++;
      return { schema: first, name: this.name(what, 'table') };
    }
    return { name: first };
  }

  private isName(t: Token, strings: 'table' | 'expr' = 'expr'): boolean {
    if (t.kind === 'QuotedIdentifier') return true;
    if (t.kind === 'String') return strings === 'table';
    return t.kind === 'Identifier' && !RESERVED.has(t.value.toUpperCase());
  }

  private missing(message: DiagnosticMessage, ...args: string[]): A.MissingExpr {
    const t = this.peek();
    this.error(message, t.span, ...args);
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
  private tooMany<T>(message: DiagnosticMessage, limit: number, sofar: T, at = this.peek()): T {
    this.error(message, at.span, limit);
    this.skipTo(() => this.at('Semicolon'));
    return sofar;
  }

  private tooDeep(): A.MissingExpr {
    const t = this.peek();
    this.error(D.nestedTooDeeply, t.span, MAX_DEPTH);
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
  private peek(): Token {
    this.spendFuel();
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private peekAt(offset: number): Token {
    this.spendFuel();
    return this.tokens[this.pos + offset] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private spendFuel(): void {
    if (this.pos !== this.fuelPos) {
      this.fuelPos = this.pos;
      this.fuel = this.maxFuel;
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
    this.error(D.expectedToken, this.peek().span, wanted, describe(this.peek()));
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
    if (!this.eatKeyword(second)) this.error(D.expectedAfter, this.peek().span, second, first);
    return true;
  }

  private expectKeyword(word: string): boolean {
    if (this.eatKeyword(word)) return true;
    this.error(D.expectedKeyword, this.peek().span, word, describe(this.peek()));
    return false;
  }

  private error(message: DiagnosticMessage, span: Span, ...args: (string | number)[]): void {
    // One error per position: recovery must not stack a cascade on the same token.
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last && last.span.start === span.start && last.severity === 'error') return;
    this.diagnostics.push(diagnostic(message, span, ...args));
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

/** The rightmost term of a compound (the one a trailing ORDER BY or LIMIT attaches to in SQLite's grammar). */
function lastTerm(body: A.SelectBody): A.SelectCore | A.ValuesBody {
  let term = body;
  while (term.kind === 'Compound') term = term.right;
  return term;
}

/** 0x8000000000000000: a valid hex literal (it wraps to the smallest integer), but SQLite refuses to negate it. */
function isSmallestHex(e: A.Expr): boolean {
  return e.kind === 'Literal' && e.type === 'integer' && /^0[xX]0*8(0{15})$/.test(e.value);
}

function binary(op: string, left: A.Expr, right: A.Expr): A.BinaryExpr {
  return { kind: 'Binary', span: { start: left.span.start, end: Math.max(left.span.end, right.span.end) }, op, left, right };
}

function describe(t: Token): string {
  if (t.kind === 'EOF') return 'the end of the text';
  return `'${t.text.length > 30 ? `${t.text.slice(0, 27)}…` : t.text}'`;
}
