import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import initSqlJs, { type Database } from 'sql.js';
import { parse } from '../../../src/engine';
import type * as A from '../../../src/engine/syntax/ast';
import { print, printExpr } from '../../../src/engine/syntax/printer';
import { corpusQueries, defaultCorpusDir } from '../../../scripts/conformance/corpus';

// ---- trees built by hand, for what the parser may not fill yet and for rewritten nodes ----

const at = { start: 0, end: 0 };
const name = (text: string, quoted = false): A.Name => ({ text, quoted, span: at });
const int = (value: string): A.Literal => ({ kind: 'Literal', span: at, type: 'integer', value });
const str = (value: string): A.Literal => ({ kind: 'Literal', span: at, type: 'string', value });
const col = (column: string, table?: string, schema?: string): A.ColumnRef => ({ kind: 'Column', span: at, name: name(column), table: table === undefined ? undefined : name(table), schema: schema === undefined ? undefined : name(schema) });
const bin = (op: string, left: A.Expr, right: A.Expr): A.BinaryExpr => ({ kind: 'Binary', span: at, op, left, right });
const unary = (op: string, operand: A.Expr): A.UnaryExpr => ({ kind: 'Unary', span: at, op, operand });
const call = (fn: string, args: A.Expr[], more: Partial<A.CallExpr> = {}): A.CallExpr => ({ kind: 'Call', span: at, name: name(fn), distinct: false, args, ...more });
const order = (expr: A.Expr, desc = false, nulls?: 'FIRST' | 'LAST'): A.OrderItem => ({ span: at, expr, desc, nulls });
const table = (n: string, more: Partial<A.TableRef> = {}): A.TableRef => ({ kind: 'Table', span: at, name: name(n), ...more });
const core = (columns: A.Expr[], more: Partial<A.SelectCore> = {}): A.SelectCore => ({ kind: 'Core', span: at, distinct: false, columns: columns.map((expr) => ({ span: at, expr })), groupBy: [], windows: [], ...more });
const select = (body: A.SelectBody, more: Partial<A.SelectStatement> = {}): A.SelectStatement => ({ kind: 'Select', span: at, body, orderBy: [], ...more });

/** A tree without its spans (and without keys left undefined), to compare trees of different texts. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([k, v]) => v !== undefined && k !== 'span' && k !== 'argsSpan').map(([k, v]) => [k, shape(v)]));
}

/** The statements of an error-free text, or why not. */
function parsed(text: string): A.Statement[] | string {
  const result = parse(text);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  return error ? `${error.code} ${error.message}` : [...result.statements];
}

/** Why a text does not survive parse → print → parse with the same tree, or undefined when it does. */
function roundTripFailure(text: string): string | undefined {
  const first = parsed(text);
  if (typeof first === 'string') return `does not parse: ${first}`;
  let printed: string;
  try {
    printed = first.map(print).join(';\n');
  } catch (error) {
    return `print throws: ${(error as Error).message}`;
  }
  const again = parsed(printed);
  if (typeof again === 'string') return `printed text does not parse: ${again}\n  printed: ${printed}`;
  try {
    assert.deepEqual(shape(again), shape(first));
  } catch {
    return `another tree\n  printed: ${printed}`;
  }
  return undefined;
}

/** Each text, parsed and printed, gives the expected SQL. */
function assertPrints(cases: readonly (readonly [string, string])[]): void {
  for (const [text, expected] of cases) {
    const [statement] = parsed(text) as A.Statement[];
    assert.equal(print(statement!), expected, text);
  }
}

let sqlite: Promise<Database> | undefined;
/** A database where the printed SQL must prepare (SQLite parses it), with tables the trees name. */
function database(): Promise<Database> {
  sqlite ??= initSqlJs().then((SQL) => {
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a, b, c, "Odd ""Name""", CamelCase); CREATE INDEX t_a ON t (a); CREATE TABLE u (a, d)');
    return db;
  });
  return sqlite;
}

async function valueOf(sql: string): Promise<unknown> {
  return (await database()).exec(sql)[0]?.values[0]?.[0];
}

async function prepares(sql: string): Promise<void> {
  (await database()).prepare(sql).free();
}

describe('printer', () => {
  it('prints each expression kind as SQL text', () => {
    const cases: [string, string][] = [
      ['SELECT 9209112928780475146, 1.5e3, .5, 0x1F, x\'0aff\', NULL, TRUE, CURRENT_TIMESTAMP', 'SELECT 9209112928780475146, 1.5e3, .5, 0x1F, x\'0aff\', NULL, TRUE, CURRENT_TIMESTAMP'],
      ["SELECT 'it''s', ''", "SELECT 'it''s', ''"],
      ['SELECT a, t.b, "Odd ""Name""", [CamelCase], `c` FROM t', 'SELECT a, t.b, "Odd ""Name""", [CamelCase], `c` FROM t'],
      ['SELECT *, t.* FROM t', 'SELECT *, t.* FROM t'],
      ['SELECT :a, @b, $c, ?, ?7', 'SELECT :a, @b, $c, ?, ?7'],
      ['SELECT -a, +a, ~a, NOT a, - -a, -(-a)', 'SELECT -a, +a, ~a, NOT a, - -a, -(-a)'],
      ['SELECT a <> b, a == b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b', 'SELECT a != b, a = b, a IS NOT b, a IS b'],
      ["SELECT a NOT LIKE 'x%' ESCAPE '\\', a GLOB 'x', a || b -> '$.c' ->> 'd'", "SELECT a NOT LIKE 'x%' ESCAPE '\\', a GLOB 'x', a || b -> '$.c' ->> 'd'"],
      ['SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b AND c', 'SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b AND c'],
      ['SELECT a IN (1, 2), a NOT IN (), a IN (SELECT b FROM t), a IN t', 'SELECT a IN (1, 2), a NOT IN (), a IN (SELECT b FROM t), a IN (SELECT * FROM t)'],
      ['SELECT a ISNULL, a NOTNULL, a NOT NULL, a IS NULL, a IS NOT NULL', 'SELECT a ISNULL, a NOTNULL, a NOTNULL, a ISNULL, a NOTNULL'],
      ['SELECT count(*), count(DISTINCT a), f(), coalesce(a, b) FILTER (WHERE c > 0)', 'SELECT count(*), count(DISTINCT a), f(), coalesce(a, b) FILTER (WHERE c > 0)'],
      ['SELECT row_number() OVER w, sum(a) OVER (w ORDER BY b DESC), rank() OVER (PARTITION BY a, b ORDER BY c)', 'SELECT row_number() OVER w, sum(a) OVER (w ORDER BY b DESC), rank() OVER (PARTITION BY a, b ORDER BY c)'],
      ['SELECT CASE a WHEN 1 THEN 2 ELSE 3 END, CASE WHEN a THEN b END', 'SELECT CASE a WHEN 1 THEN 2 ELSE 3 END, CASE WHEN a THEN b END'],
      ['SELECT CAST(a AS INTEGER), CAST(a AS UNSIGNED BIG INT)', 'SELECT CAST(a AS INTEGER), CAST(a AS UNSIGNED BIG INT)'],
      ['SELECT EXISTS (SELECT 1), NOT EXISTS (SELECT 1), (SELECT 2), (a, b) = (1, 2), (a)', 'SELECT EXISTS (SELECT 1), NOT EXISTS (SELECT 1), (SELECT 2), (a, b) = (1, 2), (a)'],
      ['SELECT a COLLATE NOCASE, a COLLATE "my coll"', 'SELECT a COLLATE NOCASE, a COLLATE "my coll"'],
    ];
    assertPrints(cases);
  });

  it('prints each clause of SELECT, INSERT, UPDATE, DELETE, CALL and EXPLAIN', () => {
    const cases: [string, string][] = [
      ['SELECT DISTINCT a AS x, b y FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b) ORDER BY 1 DESC, 2 LIMIT 5, 10',
        'SELECT DISTINCT a AS x, b AS y FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b) ORDER BY 1 DESC, 2 LIMIT 10 OFFSET 5'],
      ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), s AS (VALUES (1, 2), (3, 4)) SELECT * FROM r',
        'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), s AS (VALUES (1, 2), (3, 4)) SELECT * FROM r'],
      ['SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4)', 'SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4)'],
      ['SELECT * FROM a LEFT OUTER JOIN b USING (id) RIGHT JOIN c ON c.x = b.x FULL JOIN d ON 1 CROSS JOIN e NATURAL JOIN f INNER JOIN g ON 1, h',
        'SELECT * FROM a LEFT JOIN b USING (id) RIGHT JOIN c ON c.x = b.x FULL JOIN d ON 1, e NATURAL JOIN f JOIN g ON 1, h'],
      ['SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x', 'SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x'],
      ["SELECT * FROM (SELECT 1) AS s, json_each('[1]') j, generate_series(1, 3)", "SELECT * FROM (SELECT 1) AS s, json_each('[1]') AS j, generate_series(1, 3)"],
      ["INSERT INTO Calls (ClientUniqueId, Title) VALUES ('a', 'b'), ('c', ?)", "INSERT INTO Calls (ClientUniqueId, Title) VALUES ('a', 'b'), ('c', ?)"],
      ['INSERT OR REPLACE INTO x SELECT * FROM y', 'INSERT INTO x SELECT * FROM y'],
      ["UPDATE PermissionProfiles AS p SET Name = 'x', Description = NULL WHERE p.Id = 1", "UPDATE PermissionProfiles AS p SET Name = 'x', Description = NULL WHERE p.Id = 1"],
      ['DELETE FROM CRMIntegrations WHERE IntegrationId = 5', 'DELETE FROM CRMIntegrations WHERE IntegrationId = 5'],
      ['CALL UploadCallMedia(8061307684674639385, :myfile)', 'CALL UploadCallMedia(8061307684674639385, :myfile)'],
      ['EXPLAIN SELECT 1', 'EXPLAIN SELECT 1'],
    ];
    assertPrints(cases);
  });

  it('prints the pieces the tree now carries: schemas, frames, aggregate ORDER BY, NULLS, INDEXED BY, parenthesised FROM, MATERIALIZED, CAST (n, m)', async () => {
    const frame = (units: A.WindowFrame['units'], start: A.FrameBound, end?: A.FrameBound, exclude?: A.WindowFrame['exclude']): A.WindowSpec =>
      ({ span: at, partitionBy: [], orderBy: [order(col('b'))], frame: { span: at, units, start, end, exclude } });
    const cases: [A.Statement, string][] = [
      [select(core([col('a', 't', 'main'), { kind: 'Star', span: at, table: name('t') }], { from: table('t', { schema: name('main') }) })),
        'SELECT main.t.a, t.* FROM main.t'],
      [select(core([call('sum', [col('a')], { over: frame('ROWS', { kind: 'Preceding', span: at, offset: int('1') }, { kind: 'Following', span: at, offset: bin('+', int('1'), int('1')) }, 'NO OTHERS') })], { from: table('t') })),
        'SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN 1 PRECEDING AND 1 + 1 FOLLOWING EXCLUDE NO OTHERS) FROM t'],
      [select(core([call('sum', [col('a')], { over: frame('RANGE', { kind: 'UnboundedPreceding', span: at }, { kind: 'CurrentRow', span: at }, 'TIES') })], { from: table('t') })),
        'SELECT sum(a) OVER (ORDER BY b RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM t'],
      [select(core([call('sum', [col('a')], { over: frame('GROUPS', { kind: 'CurrentRow', span: at }, { kind: 'UnboundedFollowing', span: at }, 'CURRENT ROW') })], { from: table('t') })),
        'SELECT sum(a) OVER (ORDER BY b GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM t'],
      [select(core([call('sum', [col('a')], { over: frame('ROWS', { kind: 'Preceding', span: at, offset: int('2') }, undefined, 'GROUP') })], { from: table('t') })),
        'SELECT sum(a) OVER (ORDER BY b ROWS 2 PRECEDING EXCLUDE GROUP) FROM t'],
      [select(core([call('group_concat', [col('a'), str(', ')], { orderBy: [order(col('b'), true, 'LAST'), order(col('c'))] })], { from: table('t') }), { orderBy: [order(col('a'), false, 'FIRST')] }),
        "SELECT group_concat(a, ', ' ORDER BY b DESC NULLS LAST, c) FROM t ORDER BY a NULLS FIRST"],
      [select(core([col('a')], { from: { kind: 'Join', span: at, type: 'INNER', natural: false, left: table('t', { indexedBy: name('t_a') }), right: table('u', { indexedBy: null }), using: [name('a')] } })),
        'SELECT a FROM t INDEXED BY t_a JOIN u NOT INDEXED USING (a)'],
      [select(core([col('a', 'j')], { from: { kind: 'ParenFrom', span: at, alias: name('j'), from: { kind: 'Join', span: at, type: 'LEFT', natural: false, left: table('t'), right: table('u', { alias: name('x') }), on: bin('=', col('a', 't'), col('a', 'x')) } } })),
        'SELECT j.a FROM (t LEFT JOIN u AS x ON t.a = x.a) AS j'],
      [select(core([col('n')], { from: table('m') }), { with: { recursive: false, tables: [
        { span: at, name: name('m'), columns: [name('n')], materialized: true, select: select(core([int('1')])) },
        { span: at, name: name('k'), columns: [], materialized: false, select: select(core([int('2')])) },
      ] } }),
        'WITH m(n) AS MATERIALIZED (SELECT 1), k AS NOT MATERIALIZED (SELECT 2) SELECT n FROM m'],
      [select(core([{ kind: 'Cast', span: at, expr: str('12.345'), type: 'DECIMAL(10,2)' }, { kind: 'Cast', span: at, expr: int('7'), type: 'VARCHAR(50)' }])),
        "SELECT CAST('12.345' AS DECIMAL(10,2)), CAST(7 AS VARCHAR(50))"],
      [{ kind: 'Update', span: at, schema: name('main'), table: name('t'), sets: [{ column: name('a'), value: int('1') }] }, 'UPDATE main.t SET a = 1'],
      [{ kind: 'Delete', span: at, schema: name('main'), table: name('t'), alias: name('x'), where: bin('=', col('a', 'x'), int('1')) }, 'DELETE FROM main.t AS x WHERE x.a = 1'],
      [{ kind: 'Insert', span: at, schema: name('main'), table: name('t'), columns: [name('a')], source: { kind: 'Values', rows: [[int('1')]] } }, 'INSERT INTO main.t (a) VALUES (1)'],
    ];
    for (const [tree, expected] of cases) {
      const sql = print(tree);
      assert.equal(sql, expected);
      await prepares(sql);
    }
  });

  it('adds the parentheses a rewritten tree needs, so SQLite computes what the tree says', async () => {
    const cases: [A.Expr, string, unknown][] = [
      [bin('*', bin('+', int('1'), int('2')), int('3')), '(1 + 2) * 3', 9],
      [bin('-', int('10'), bin('-', int('4'), int('3'))), '10 - (4 - 3)', 9],
      [bin('-', bin('-', int('10'), int('4')), int('3')), '10 - 4 - 3', 3],
      [bin('=', int('0'), unary('NOT', int('1'))), '0 = NOT 1', 1],
      [bin('+', bin('=', int('2'), unary('NOT', int('0'))), int('5')), '(2 = NOT 0) + 5', 5],
      [bin('=', int('2'), unary('NOT', bin('+', int('0'), int('5')))), '2 = NOT 0 + 5', 0],
      [bin('>', { kind: 'IsNull', span: at, not: false, expr: int('1') }, int('-1')), '1 ISNULL > -1', 1],
      [{ kind: 'Collate', span: at, collation: 'NOCASE', expr: unary('-', int('1')) }, '-1 COLLATE NOCASE', -1],
      [unary('-', { kind: 'Collate', span: at, collation: 'NOCASE', expr: int('1') }), '-(1 COLLATE NOCASE)', -1],
      [bin('*', unary('NOT', int('0')), int('2')), '(NOT 0) * 2', 2],
      [unary('NOT', bin('AND', int('1'), int('0'))), 'NOT (1 AND 0)', 1],
      [unary('-', unary('-', int('5'))), '- -5', 5],
      [unary('-', { kind: 'Literal', span: at, type: 'integer', value: '-5' }), '- -5', 5],
      [unary('-', bin('+', int('1'), int('2'))), '-(1 + 2)', -3],
      [bin('||', str('a'), bin('||', str('b'), str('c'))), "'a' || ('b' || 'c')", 'abc'],
      [{ kind: 'Between', span: at, not: false, expr: int('2'), low: bin('AND', int('1'), int('1')), high: int('3') }, '2 BETWEEN (1 AND 1) AND 3', 1],
      [{ kind: 'IsNull', span: at, not: false, expr: bin('OR', int('0'), { kind: 'Literal', span: at, type: 'null', value: 'NULL' }) }, '(0 OR NULL) ISNULL', 1],
      [{ kind: 'Collate', span: at, collation: 'NOCASE', expr: bin('||', str('A'), str('b')) }, "('A' || 'b') COLLATE NOCASE", 'Ab'],
      [bin('+', bin('*', bin('OR', int('0'), int('1')), int('2')), int('3')), '(0 OR 1) * 2 + 3', 5],
      [{ kind: 'InList', span: at, not: true, expr: bin('AND', int('1'), int('1')), items: [int('0')] }, '(1 AND 1) NOT IN (0)', 1],
      [{ ...bin('LIKE', str('a%'), bin('||', str('a'), str('%'))), escape: bin('=', str('x'), str('x')) }, "'a%' LIKE 'a' || '%' ESCAPE ('x' = 'x')", undefined],
    ];
    for (const [tree, expected, value] of cases) {
      const sql = printExpr(tree);
      assert.equal(sql, expected);
      if (value !== undefined) assert.equal(await valueOf(`SELECT ${sql}`), value, sql);
    }
  });

  it('quotes names that need it and keeps their case; strings keep their quotes', async () => {
    const tree = select(core([col('Odd "Name"'), { ...col('a'), name: name('A', true) }, { ...col('CamelCase'), name: name('CamelCase', true) }, col('b'), str("O'Brien"), str('')], { from: table('t', { alias: name('my table') }) }));
    const sql = print(tree);
    assert.equal(sql, `SELECT "Odd ""Name""", "A", "CamelCase", b, 'O''Brien', '' FROM t AS "my table"`);
    await prepares(sql);
    // A name the engine makes is quoted, so a keyword is a name too; a plain word stays as written.
    assert.equal(print(select(core([{ ...col('x'), name: name('select', true) }, { kind: 'Star', span: at, schema: name('main'), table: name('t') }]))), 'SELECT "select", main.t.*');
  });

  it('prints a 100,000-term chain without running out of stack', () => {
    const text = `SELECT ${Array.from({ length: 100_000 }, () => '1').join(' + ')}`;
    let e: A.Expr = int('1');
    for (let i = 1; i < 100_000; i++) e = bin('+', e, int('1'));
    assert.equal(print(select(core([e]))), text);
  });

  it('round-trips: parse(print(tree)) is the tree, for queries of every kind', () => {
    const queries = [
      `SELECT c.Id, count(*) AS n FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '2025-01-01' AND c.Id IN (1, 2) GROUP BY 1 HAVING n > 1 ORDER BY n DESC LIMIT 10 OFFSET 5`,
      `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r`,
      `SELECT json_extract(Settings, '$.a') -> 'b', x ->> '$.c', row_number() OVER (PARTITION BY ManagerId ORDER BY Created) FROM Users`,
      `SELECT * FROM Users u, json_each(u.EmailAliases) j WHERE NOT EXISTS (SELECT 1 FROM Calls WHERE PrimaryUserId = u.Id) AND Title NOT LIKE '%a%' ESCAPE '\\'`,
      `SELECT a BETWEEN 1 AND 2, b IS NOT NULL, c NOTNULL, d ISNULL, e IS DISTINCT FROM f, CAST(g AS INTEGER), CASE WHEN h THEN 1 ELSE 2 END, i COLLATE NOCASE FROM t`,
      `SELECT * FROM a LEFT OUTER JOIN b USING (id) RIGHT JOIN c ON c.x = b.x FULL JOIN d ON 1 CROSS JOIN e NATURAL JOIN f`,
      `SELECT * FROM a, (b JOIN c ON b.x = c.x) JOIN (SELECT 1 AS x) s ON s.x = a.x`,
      `SELECT count(DISTINCT x) FILTER (WHERE y > 0), group_concat(z) FROM t WINDOW w AS (PARTITION BY a) LIMIT 2, 3`,
      `SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT VALUES (4)`,
      `SELECT "quoted ""name""", [bracketed], \`ticked\`, x'0aff', 1.5e3, .5, 0x1F, -1, 9209112928780475146 FROM t`,
      `SELECT 'it''s', -(-a), - -a, ~a, +a, NOT NOT a, (a + b) * c, a - (b - c), a * (b / c), (a OR b) AND c, NOT (a = b), (a, b) IN (VALUES (1, 2))`,
      `SELECT a = b = c, a < b = c, (a = b) < c, a & b | c << d >> e, a || b || c, (-a) COLLATE nocase, -a COLLATE nocase, x IN (SELECT y FROM t) IS NULL`,
      `SELECT :a, @b, $c, ?, ?7, ? FROM t WHERE a = :a`,
      `SELECT * FROM t ORDER BY a COLLATE nocase DESC, b LIMIT (SELECT 1) OFFSET 1 + 1`,
      `INSERT INTO Calls (ClientUniqueId, Title) VALUES ('a', 'b'), ('c', ?); INSERT INTO x SELECT * FROM y`,
      `UPDATE PermissionProfiles AS p SET Name = 'x' || Name, Description = NULL WHERE p.Id = 1; DELETE FROM CRMIntegrations WHERE IntegrationId = 5`,
      `CALL UploadCallMedia(8061307684674639385, :myfile); EXPLAIN SELECT 1`,
      `SELECT u.Id, (SELECT count(*) FROM Calls WHERE Calls.PrimaryUserId = u.Id) FROM Users u WHERE u.Id IN Users`,
      `SELECT gong.Calls.Id FROM gong.Calls`,
    ];
    const failures = queries.flatMap((q) => {
      const failure = roundTripFailure(q);
      return failure ? [`${q}\n  ${failure}`] : [];
    });
    assert.deepEqual(failures, []);
  });

  it('round-trips every query of SQLite\'s conformance corpus that gongsql parses', (t) => {
    const dir = process.env.GONGSQL_CONFORMANCE_DIR ?? defaultCorpusDir();
    if (!dir) {
      t.skip('the conformance corpus is not beside this checkout (../shared/conformance/sqlite); set GONGSQL_CONFORMANCE_DIR to run this test');
      return;
    }
    let accepted = 0;
    let rejected = 0;
    const failures: string[] = [];
    for (const q of corpusQueries(dir)) {
      const failure = roundTripFailure(q.sql);
      if (failure?.startsWith('does not parse')) {
        rejected++;
        continue;
      }
      accepted++;
      if (failure) failures.push(`${q.file}:${q.line}: ${q.sql}\n  ${failure}`);
    }
    t.diagnostic(`${accepted - failures.length} of ${accepted} parsed queries round-trip (${rejected} the parser rejects)`);
    assert.deepEqual(failures, []);
  });
});
