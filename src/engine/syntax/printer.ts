import type * as A from './ast';
import { leftOperand, leftSpine } from './chains';
import { quoteName } from './quoteName';

/**
 * Prints a tree as SQL text that SQLite parses to the same meaning, and the parser to the same
 * tree (spans aside). The engine rewrites trees (objects → local tables, parameters → bound
 * values) and prints them for SQLite instead of splicing the user's text.
 *
 * - Names print as written: unquoted names stay unquoted (they parsed, so SQLite reads them
 *   the same), quoted names keep their quotes ("x", `x`, [x], 'x'), and names the engine made
 *   that are not plain words are double-quoted.
 * - Strings are quoted with '' escaping; integers keep their digits (ids exceed 2^53).
 * - Parentheses the user wrote are Paren nodes; the printer adds only those the structure
 *   needs (a rewritten or constructed node), so a parsed tree prints without extra ones.
 */
export function print(statement: A.Statement): string {
  switch (statement.kind) {
    case 'Select': return select(statement);
    case 'Insert': return insert(statement);
    case 'Update': {
      const sets = statement.sets.map((s) => `${name(s.column)} = ${expr(s.value)}`).join(', ');
      return `UPDATE ${qualified(statement.schema, statement.table)}${aliasOf(statement.alias)} SET ${sets}${clause('WHERE', statement.where)}`;
    }
    case 'Delete':
      return `DELETE FROM ${qualified(statement.schema, statement.table)}${aliasOf(statement.alias)}${clause('WHERE', statement.where)}`;
    case 'Call': return `CALL ${name(statement.name)}(${list(statement.args)})`;
    case 'Explain': return `EXPLAIN ${print(statement.statement)}`;
    case 'Invalid': throw new Error('An invalid statement cannot be printed');
  }
}

/** One expression, as it would appear on its own (e.g. after SELECT). */
export function printExpr(e: A.Expr): string {
  return expr(e);
}

/** A name: as written when it is a plain unquoted word or quoted by the user, else double-quoted. */
function name(n: A.Name): string {
  if (n.quote) return quoteWith(n.text, n.quote);
  return n.quoted || !PLAIN_WORD.test(n.text) ? quoteName(n.text) : n.text;
}

/** A name in the user's own quotes, so it reads back the same (a `[name]` cannot hold `]`). */
function quoteWith(text: string, quote: NonNullable<A.Name['quote']>): string {
  if (quote === '[') return `[${text}]`;
  return `${quote}${text.split(quote).join(quote + quote)}${quote}`;
}

const PLAIN_WORD = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_$\u0080-\uFFFF]*$/;

// ---- binding powers, weakest first: SQLite's (parse.y), as parser.ts's INFIX has them ----

const OR = 1;
const AND = 2;
const NOT = 3;
const EQUALITY = 4;
const COLLATE = 11;
const SIGN = 12;
/** Nothing written after it can become part of it (a literal, a call, `x ISNULL`, `(…)`). */
const CLOSED = 13;

const BINARY_POWERS: Record<string, number> = {
  OR, AND,
  ...powers(EQUALITY, ['=', '!=', 'IS', 'IS NOT', 'LIKE', 'NOT LIKE', 'GLOB', 'NOT GLOB', 'MATCH', 'NOT MATCH', 'REGEXP', 'NOT REGEXP']),
  ...powers(5, ['<', '<=', '>', '>=']),
  ...powers(7, ['&', '|', '<<', '>>']),
  ...powers(8, ['+', '-']),
  ...powers(9, ['*', '/', '%']),
  ...powers(10, ['||', '->', '->>']),
};

function powers(power: number, ops: string[]): Record<string, number> {
  return Object.fromEntries(ops.map((op) => [op, power]));
}

function binaryPower(op: string): number {
  const power = BINARY_POWERS[op];
  if (power === undefined) throw new Error(`The printer does not know the operator ${op}`);
  return power;
}

/** The power of the operator an infix or postfix expression writes after its left operand. */
function infixPower(e: A.Expr): number {
  return e.kind === 'Binary' ? binaryPower(e.op) : e.kind === 'Collate' ? COLLATE : EQUALITY;
}

/**
 * The weakest operator that, written right after `e`, would be taken into `e` instead of
 * applying to all of it: `a + b` takes `* c` (power 9 > 8), `NOT a` takes `= b`. Postfix forms
 * (`x ISNULL`, `x IN (…)`, `x COLLATE c`) and primaries take nothing.
 */
function openRight(e: A.Expr): number {
  switch (e.kind) {
    case 'Binary': {
      const power = binaryPower(e.op);
      const last = e.escape ?? e.right;
      return Math.min(power, wrapsRight(last, power + 1) ? CLOSED : openRight(last));
    }
    case 'Between': return Math.min(EQUALITY, wrapsRight(e.high, EQUALITY + 1) ? CLOSED : openRight(e.high));
    case 'Unary': {
      const power = e.op === 'NOT' ? NOT : SIGN;
      return Math.min(power, wrapsRight(e.operand, power) ? CLOSED : openRight(e.operand));
    }
    default: return CLOSED;
  }
}

/**
 * The weakest operator on the left spine of `e` (up to an operand printed in parentheses):
 * where `e` is parsed as an operand that takes only operators of some power and up, all of
 * these must be. A prefix operator is taken at any power.
 */
function leftSpineMin(e: A.Expr): number {
  let min = CLOSED;
  for (let node = e, left = leftOperand(node); left; node = left, left = leftOperand(node)) {
    const power = infixPower(node);
    min = Math.min(min, power);
    if (wrapsLeft(left, power)) break;
  }
  return min;
}

/** A left operand in parentheses: an operator after it would be taken into it. */
function wrapsLeft(e: A.Expr, power: number): boolean {
  return openRight(e) < power;
}

/** An operand in parentheses where the parser reads only operators of `least` power and up. */
function wrapsRight(e: A.Expr, least: number): boolean {
  return leftSpineMin(e) < least;
}

function operand(e: A.Expr, least: number): string {
  return wrapsRight(e, least) ? `(${expr(e)})` : expr(e);
}

// ---- expressions ----

/** Left spines are printed with a loop (see chains.ts); every opening parenthesis they need goes first. */
function expr(e: A.Expr): string {
  const { spine, leaf } = leftSpine(e);
  const parts = [prefix(leaf)];
  let opens = 0;
  let inner = leaf;
  for (let i = spine.length - 1; i >= 0; i--) {
    const node = spine[i] as A.Expr;
    if (wrapsLeft(inner, infixPower(node))) {
      opens++;
      parts.push(')');
    }
    parts.push(rest(node));
    inner = node;
  }
  return '('.repeat(opens) + parts.join('');
}

/** What an infix or postfix expression writes after its left operand. */
function rest(e: A.Expr): string {
  switch (e.kind) {
    case 'Binary': {
      const power = binaryPower(e.op);
      const escape = e.escape ? ` ESCAPE ${operand(e.escape, power + 1)}` : '';
      return ` ${e.op} ${operand(e.right, power + 1)}${escape}`;
    }
    case 'Between': return ` ${e.not ? 'NOT ' : ''}BETWEEN ${operand(e.low, EQUALITY + 1)} AND ${operand(e.high, EQUALITY + 1)}`;
    case 'InList': return ` ${e.not ? 'NOT ' : ''}IN (${list(e.items)})`;
    case 'InSelect': return ` ${e.not ? 'NOT ' : ''}IN (${select(e.select)})`;
    // The postfix forms: `x IS NULL > 0` would be x IS (NULL > 0).
    case 'IsNull': return e.not ? ' NOTNULL' : ' ISNULL';
    case 'Collate': return ` COLLATE ${word(e.collation)}`;
    default: throw new Error(`${e.kind} has no left operand`);
  }
}

/** Expressions that do not start with an operand of their own. */
function prefix(e: A.Expr): string {
  switch (e.kind) {
    case 'Literal': return literal(e);
    case 'Column': return [e.schema, e.table, e.name].filter((n) => n !== undefined).map(name).join('.');
    case 'Star': return [e.schema, e.table].filter((n) => n !== undefined).map((n) => `${name(n)}.`).join('') + '*';
    // As written, so the tree reads back the same (a bare ? takes its number from its place,
    // which printing keeps); the engine's rewrite numbers every parameter before printing.
    case 'Parameter': return e.written;
    case 'Unary': return unary(e);
    case 'Call': return call(e);
    case 'Case': {
      const whens = e.whens.map((w) => ` WHEN ${expr(w.when)} THEN ${expr(w.then)}`).join('');
      return `CASE${e.operand ? ` ${expr(e.operand)}` : ''}${whens}${e.else ? ` ELSE ${expr(e.else)}` : ''} END`;
    }
    case 'Cast': return `CAST(${expr(e.expr)} AS ${e.type})`;
    case 'Exists': return `${e.not ? 'NOT ' : ''}EXISTS (${select(e.select)})`;
    case 'Subquery': return `(${select(e.select)})`;
    case 'Paren': return `(${list(e.exprs)})`;
    case 'Missing': throw new Error('A missing expression cannot be printed');
    default: throw new Error(`${e.kind} starts with an operand`);
  }
}

function unary(e: A.UnaryExpr): string {
  if (e.op === 'NOT') return `NOT ${operand(e.operand, NOT)}`;
  const inner = operand(e.operand, SIGN);
  // `- -x` must not become `--x`, a comment.
  return /^[-+]/.test(inner) ? `${e.op} ${inner}` : `${e.op}${inner}`;
}

function literal(e: A.Literal): string {
  switch (e.type) {
    case 'string': return `'${e.value.replace(/'/g, "''")}'`;
    case 'null': return 'NULL';
    default: return e.value;
  }
}

function call(e: A.CallExpr): string {
  const order = e.orderBy?.length ? ` ORDER BY ${orderItems(e.orderBy)}` : '';
  const filter = e.filter ? ` FILTER (WHERE ${expr(e.filter)})` : '';
  return `${name(e.name)}(${e.distinct ? 'DISTINCT ' : ''}${list(e.args)}${order})${filter}${e.over ? ` OVER ${over(e.over)}` : ''}`;
}

/** `OVER w` when the window is only a name, else its definition in parentheses. */
function over(w: A.WindowSpec): string {
  return w.name && w.partitionBy.length === 0 && w.orderBy.length === 0 && !w.frame ? name(w.name) : `(${windowDefinition(w)})`;
}

function windowDefinition(w: A.WindowSpec): string {
  const parts: string[] = [];
  if (w.name) parts.push(name(w.name));
  if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${list(w.partitionBy)}`);
  if (w.orderBy.length > 0) parts.push(`ORDER BY ${orderItems(w.orderBy)}`);
  if (w.frame) parts.push(frame(w.frame));
  return parts.join(' ');
}

function frame(f: A.WindowFrame): string {
  const extent = f.end ? `BETWEEN ${bound(f.start)} AND ${bound(f.end)}` : bound(f.start);
  return `${f.units} ${extent}${f.exclude ? ` EXCLUDE ${f.exclude}` : ''}`;
}

function bound(b: A.FrameBound): string {
  switch (b.kind) {
    case 'UnboundedPreceding': return 'UNBOUNDED PRECEDING';
    case 'Preceding': return `${expr(b.offset)} PRECEDING`;
    case 'CurrentRow': return 'CURRENT ROW';
    case 'Following': return `${expr(b.offset)} FOLLOWING`;
    case 'UnboundedFollowing': return 'UNBOUNDED FOLLOWING';
  }
}

function orderItems(items: readonly A.OrderItem[]): string {
  return items.map((o) => `${expr(o.expr)}${o.desc ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls}` : ''}`).join(', ');
}

function list(exprs: readonly A.Expr[]): string {
  return exprs.map(expr).join(', ');
}

/** A collation or type word kept as text: quoted unless it is a plain word. */
function word(text: string): string {
  return PLAIN_WORD.test(text) ? text : quoteName(text);
}

// ---- SELECT ----

function select(s: A.SelectStatement): string {
  const parts: string[] = [];
  if (s.with) parts.push(`WITH ${s.with.recursive ? 'RECURSIVE ' : ''}${s.with.tables.map(commonTable).join(', ')}`);
  parts.push(body(s.body));
  if (s.orderBy.length > 0) parts.push(`ORDER BY ${orderItems(s.orderBy)}`);
  if (s.limit) parts.push(`LIMIT ${expr(s.limit.limit)}${s.limit.offset ? ` OFFSET ${expr(s.limit.offset)}` : ''}`);
  return parts.join(' ');
}

function commonTable(c: A.CommonTable): string {
  const columns = c.columns.length > 0 ? `(${c.columns.map(name).join(', ')})` : '';
  const materialized = c.materialized === undefined ? '' : c.materialized ? 'MATERIALIZED ' : 'NOT MATERIALIZED ';
  return `${name(c.name)}${columns} AS ${materialized}(${select(c.select)})`;
}

function body(b: A.SelectBody): string {
  switch (b.kind) {
    case 'Compound':
      // Members cannot be parenthesised in SQLite; the parser builds compounds on the left only.
      if (b.right.kind === 'Compound') throw new Error('A compound SELECT nested on the right cannot be printed');
      return `${body(b.left)} ${b.op} ${body(b.right)}`;
    case 'Values': return values(b.rows);
    case 'Core': return core(b);
  }
}

function values(rows: readonly (readonly A.Expr[])[]): string {
  return `VALUES ${rows.map((r) => `(${list(r)})`).join(', ')}`;
}

function core(c: A.SelectCore): string {
  const columns = c.columns.map((col) => `${expr(col.expr)}${aliasOf(col.alias)}`).join(', ');
  const windows = c.windows.length > 0 ? ` WINDOW ${c.windows.map((w) => `${name(w.name)} AS (${windowDefinition(w.spec)})`).join(', ')}` : '';
  return `SELECT ${c.distinct ? 'DISTINCT ' : ''}${columns}${c.from ? ` FROM ${from(c.from)}` : ''}${clause('WHERE', c.where)}`
    + `${c.groupBy.length > 0 ? ` GROUP BY ${list(c.groupBy)}` : ''}${clause('HAVING', c.having)}${windows}`;
}

function from(f: A.FromItem): string {
  switch (f.kind) {
    case 'Table': {
      const indexed = f.indexedBy === undefined ? '' : f.indexedBy === null ? ' NOT INDEXED' : ` INDEXED BY ${name(f.indexedBy)}`;
      return `${qualified(f.schema, f.name)}${aliasOf(f.alias)}${indexed}`;
    }
    case 'TableFunction': return `${qualified(f.schema, f.name)}(${list(f.args)})${aliasOf(f.alias)}`;
    case 'ParenFrom': return `(${from(f.from)})${aliasOf(f.alias)}`;
    case 'SubqueryFrom': return `(${select(f.select)})${aliasOf(f.alias)}`;
    case 'Join': {
      // Joins nest on the left as written; one nested on the right was parenthesised.
      const right = f.right.kind === 'Join' ? `(${from(f.right)})` : from(f.right);
      const constraint = f.on ? ` ON ${expr(f.on)}` : f.using ? ` USING (${f.using.map(name).join(', ')})` : '';
      return `${from(f.left)}${joinOperator(f)}${right}${constraint}`;
    }
  }
}

/** A plain CROSS join prints as a comma (SQLite keeps the table order of CROSS JOIN; a comma leaves it free). */
function joinOperator(j: A.JoinItem): string {
  if (j.type === 'CROSS' && !j.natural) return ', ';
  const type = j.type === 'INNER' ? '' : `${j.type} `;
  return ` ${j.natural ? 'NATURAL ' : ''}${type}JOIN `;
}

// ---- INSERT and shared pieces ----

function insert(s: A.InsertStatement): string {
  const columns = s.columns.length > 0 ? ` (${s.columns.map(name).join(', ')})` : '';
  const target = `INSERT INTO ${qualified(s.schema, s.table)}${columns}`;
  switch (s.source.kind) {
    case 'Values': return `${target} ${values(s.source.rows)}`;
    case 'Select': return `${target} ${select(s.source.select)}`;
    case 'Missing': throw new Error('An INSERT without VALUES or SELECT cannot be printed');
  }
}

function qualified(schema: A.Name | undefined, n: A.Name): string {
  return schema ? `${name(schema)}.${name(n)}` : name(n);
}

function aliasOf(alias: A.Name | undefined): string {
  return alias ? ` AS ${name(alias)}` : '';
}

function clause(keyword: string, e: A.Expr | undefined): string {
  return e ? ` ${keyword} ${expr(e)}` : '';
}
