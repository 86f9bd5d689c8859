import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind, parse, planQuery, type Ast } from '../../../src/engine';
import { neededColumns } from '../../../src/engine/plan/columns';
import { Diagnostics as D } from '../../../src/engine/syntax/diagnostics';

// Issue 14 §2: the classes of SQLite syntax gongsql disagreed on, each with its own cases
// (written here, not read from the conformance corpus, so CI checks them).

/** Error diagnostics as `code «text it points at»`. */
function errors(text: string): string[] {
  return parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} «${text.slice(d.span.start, d.span.end)}»`);
}

function select(text: string): Ast.SelectStatement {
  const parsed = parse(text);
  assert.deepEqual(parsed.diagnostics.map((d) => d.message), [], text);
  return parsed.statements[0] as Ast.SelectStatement;
}

const core = (text: string) => select(text).body as Ast.SelectCore;
const firstExpr = (text: string) => core(text).columns[0]!.expr;

describe('keywords SQLite lets you use as names (its fallback list)', () => {
  const accepted = [
    'SELECT * FROM sales AS outer',
    'SELECT outer.emp FROM sales AS outer',
    'SELECT filter FROM t',
    'SELECT current, exclude, filter, following, groups, no, others, over, partition, preceding, range, ties, unbounded, window FROM keyword_tab',
    'SELECT match(a, b), like(a, b), glob(a, b), regexp(a, b), replace(a, b, c) FROM t1',
    "SELECT LIKE('!', '', '!') x WHERE x",
    'SELECT abort + asc, max(key, pragma, temp) FROM t4',
    'SELECT left(cross, full, inner, natural, outer, right) FROM left',
    'SELECT * FROM t4 window, t4',
    'SELECT * FROM x1 ORDER BY x COLLATE window',
    'SELECT sum(x) over FROM over',
    'SELECT sum(over) over over over FROM over over WINDOW over AS (ORDER BY over)',
    'SELECT sum(window) OVER window window FROM window window window window AS (ORDER BY window)',
    'SELECT count(*) filter FROM t',
    'SELECT key, action, view, temp, row, rows, first, last, nulls, do, end, cast FROM t',
  ];
  for (const text of accepted) it(`accepts: ${text}`, () => assert.deepEqual(errors(text), []));

  it('reads the contextual keywords as SQLite does', () => {
    const c = core('SELECT sum(x) OVER w AS s, count(*) FILTER (WHERE y) FROM t WINDOW w AS (ORDER BY x)');
    assert.equal((c.columns[0]!.expr as Ast.CallExpr).over?.name?.text, 'w');
    assert.ok((c.columns[1]!.expr as Ast.CallExpr).filter);
    assert.equal(c.windows[0]?.name.text, 'w');
    assert.equal(core('SELECT a window FROM t').columns[0]!.alias?.text, 'window');
  });

  it('still refuses the reserved words and join keywords as bare aliases', () => {
    assert.deepEqual(errors('SELECT * FROM select'), ['GS1110 «select»']);
    assert.equal(errors('SELECT from FROM t')[0], 'GS1160 «from»');
    // `sales outer` is a join, not an alias: SQLite says unknown join type.
    assert.deepEqual(errors('SELECT * FROM sales outer'), ['GS1121 «outer»', 'GS1172 «»']);
  });
});

describe('parenthesised FROM items keep their alias (ParenFromRef)', () => {
  it('(t1 JOIN t2 ON a = c) AS j1', () => {
    const from = core('SELECT j1.b FROM (t1 INNER JOIN t2 ON a = c) AS j1').from as Ast.ParenFromRef;
    assert.equal(from.kind, 'ParenFrom');
    assert.equal(from.alias?.text, 'j1');
    assert.equal(from.from.kind, 'Join');
  });
  it("(json_each('…')) AS x and a bare alias", () => {
    const from = core(`SELECT x.value FROM (json_each('[1, 2]')) AS x`).from as Ast.ParenFromRef;
    assert.equal(from.from.kind, 'TableFunction');
    assert.equal(from.alias?.text, 'x');
    const nested = core('SELECT * FROM t5 JOIN ((t4 JOIN (t5 JOIN t6)) t7)').from as Ast.JoinItem;
    assert.equal(((nested.right as Ast.ParenFromRef).from as Ast.ParenFromRef).alias?.text, 't7');
  });
  it('binds and plans the objects inside, loading every column the alias may name', () => {
    const s = select('SELECT j.Title FROM (Calls c JOIN Users u ON u.Id = c.PrimaryUserId) AS j');
    const binding = bind(s);
    assert.deepEqual(binding.diagnostics, []);
    const plan = planQuery(s, binding, { pushdown: true, params: new Map() });
    assert.deepEqual(plan.scans.map((x) => x.table.name), ['Calls', 'Users']);
    const calls = plan.scans[0]!;
    assert.equal(neededColumns(s, binding, calls.ref, calls.table.columns).length, calls.table.columns.length);
  });
});

describe('table references', () => {
  it('INDEXED BY and NOT INDEXED', () => {
    assert.equal((core('SELECT * FROM t1 AS x INDEXED BY idx WHERE a').from as Ast.TableRef).indexedBy?.text, 'idx');
    assert.equal((core('SELECT count(*) FROM t1 NOT INDEXED').from as Ast.TableRef).indexedBy, null);
    assert.equal((core('SELECT * FROM t1').from as Ast.TableRef).indexedBy, undefined);
  });
  it("a string as a table name: FROM 't1', and 't1'.column", () => {
    const from = core("SELECT '@abc'.'!pqr' FROM '@abc'").from as Ast.TableRef;
    assert.deepEqual([from.name.text, from.name.quoted], ['@abc', true]);
    const column = firstExpr("SELECT '@abc'.'!pqr' FROM '@abc'") as Ast.ColumnRef;
    assert.deepEqual([column.table?.text, column.name.text], ['@abc', '!pqr']);
  });
  it('schema qualifiers are kept: main.t, gong.Calls, s.t.c, table functions and DML targets', () => {
    const from = core('SELECT main.t1.a FROM main.t1, temp.json_each(x)').from as Ast.JoinItem;
    assert.equal((from.left as Ast.TableRef).schema?.text, 'main');
    assert.equal((from.right as Ast.TableFunctionRef).schema?.text, 'temp');
    const column = firstExpr('SELECT main.t1.a FROM main.t1') as Ast.ColumnRef;
    assert.deepEqual([column.schema?.text, column.table?.text, column.name.text], ['main', 't1', 'a']);
    const [insert, update, del] = parse("INSERT INTO gong.Calls (Title) VALUES ('x'); UPDATE gong.Users SET a = 1; DELETE FROM main.Users").statements as [Ast.InsertStatement, Ast.UpdateStatement, Ast.DeleteStatement];
    assert.deepEqual([insert.schema?.text, update.schema?.text, del.schema?.text], ['gong', 'gong', 'main']);
  });
  it('the binder resolves gong.Calls and main.Calls to the object', () => {
    for (const text of ['SELECT Title FROM gong.Calls', 'SELECT c.Title FROM main.Calls c', 'SELECT gong.Calls.Title FROM gong.Calls']) {
      const s = select(text);
      const binding = bind(s);
      assert.deepEqual(binding.diagnostics, [], text);
      assert.deepEqual([...binding.objects.values()].map((t) => t.name), ['Calls'], text);
    }
  });
  it('another schema is unknown, and says which are known', () => {
    const [s] = parse('SELECT Title FROM other.Calls; DELETE FROM temp.CRMIntegrations WHERE IntegrationId = 1').statements;
    assert.deepEqual(bind(s!).diagnostics.map((d) => [d.code, d.message]), [[D.unknownSchema.code, 'Unknown schema other: Gong objects are in gong (or main)']]);
    const [, del] = parse('SELECT Title FROM other.Calls; DELETE FROM temp.CRMIntegrations WHERE IntegrationId = 1').statements;
    assert.deepEqual(bind(del!).diagnostics.map((d) => d.code), [D.unknownSchema.code]);
  });
  it('x IN table, x IN schema.table, x IN table_function(args)', () => {
    const e = core('SELECT b FROM t600 WHERE a IN generate_series(2, 52, 10)').where as Ast.InSelectExpr;
    const from = (e.select.body as Ast.SelectCore).from as Ast.TableFunctionRef;
    assert.deepEqual([e.kind, from.kind, from.name.text, from.args.length], ['InSelect', 'TableFunction', 'generate_series', 3]);
    const t = ((core('SELECT 1 WHERE a NOT IN main.t2').where as Ast.InSelectExpr).select.body as Ast.SelectCore).from as Ast.TableRef;
    assert.deepEqual([t.schema?.text, t.name.text], ['main', 't2']);
  });
});

describe('calls, operators and casts', () => {
  it('count(ALL a), count(DISTINCT a), count(*)', () => {
    const c = core('SELECT count(ALL a), count(DISTINCT a), count(*) FROM t1');
    assert.deepEqual(c.columns.map((x) => (x.expr as Ast.CallExpr).distinct), [false, true, false]);
  });
  it('aggregate ORDER BY: group_concat(x, \', \' ORDER BY y DESC)', () => {
    const call = firstExpr("SELECT group_concat(x, ', ' ORDER BY y DESC NULLS FIRST) FROM t") as Ast.CallExpr;
    assert.equal(call.args.length, 2);
    assert.deepEqual(call.orderBy?.map((o) => [(o.expr as Ast.ColumnRef).name.text, o.desc, o.nulls]), [['y', true, 'FIRST']]);
    assert.equal((firstExpr('SELECT count(ORDER BY a) FROM t1') as Ast.CallExpr).orderBy?.length, 1);
  });
  it('0 = NOT a, and NOT binding as SQLite does', () => {
    const e = firstExpr('SELECT 0 = NOT a') as Ast.BinaryExpr;
    assert.deepEqual([e.op, e.right.kind, (e.right as Ast.UnaryExpr).op], ['=', 'Unary', 'NOT']);
    assert.deepEqual(errors('SELECT count(0=NOT+a COLLATE NOCASE IN (SELECT 0)) FROM t4'), []);
  });
  it('CAST types with sizes: VARCHAR(50), DECIMAL(10,2), several words, none', () => {
    const types = core('SELECT CAST(x AS VARCHAR(50)), CAST(x AS DECIMAL(10, 2)), CAST(x AS double precision), CAST(x AS NUMERIC(-5,+3)), CAST(x AS) FROM t')
      .columns.map((c) => (c.expr as Ast.CastExpr).type);
    assert.deepEqual(types, ['VARCHAR(50)', 'DECIMAL(10,2)', 'double precision', 'NUMERIC(-5,+3)', '']);
  });
  it('NULLS FIRST / LAST in ORDER BY', () => {
    assert.deepEqual(select('SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST, c').orderBy.map((o) => o.nulls), ['FIRST', 'LAST', undefined]);
  });
  it('[NOT] MATERIALIZED common tables', () => {
    const s = select('WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2), c(x COLLATE binary, y ASC) AS (SELECT 3, 4) SELECT * FROM a, b, c');
    assert.deepEqual(s.with?.tables.map((t) => t.materialized), [true, false, undefined]);
    assert.deepEqual(s.with?.tables[2]?.columns.map((c) => c.text), ['x', 'y']);
  });
  it('parameters as SQLite reads them, TCL forms included', () => {
    const names = core('SELECT :123, @123, $abc, $::ns::x, $a(1), ?7').columns.map((c) => (c.expr as Ast.ParameterExpr).name);
    assert.deepEqual(names, ['123', '123', 'abc', '::ns::x', 'a(1)', '?7']);
  });
});

describe('window frames, validated as SQLite does', () => {
  it('fills WindowFrame', () => {
    const call = firstExpr('SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM t') as Ast.CallExpr;
    const frame = call.over?.frame;
    assert.deepEqual([frame?.units, frame?.start.kind, frame?.end?.kind, frame?.exclude], ['ROWS', 'Preceding', 'UnboundedFollowing', 'CURRENT ROW']);
    const groups = (firstExpr('SELECT sum(x) OVER (w GROUPS CURRENT ROW EXCLUDE NO OTHERS) FROM t') as Ast.CallExpr).over;
    assert.deepEqual([groups?.name?.text, groups?.frame?.units, groups?.frame?.start.kind, groups?.frame?.end, groups?.frame?.exclude], ['w', 'GROUPS', 'CurrentRow', undefined, 'NO OTHERS']);
  });
  const invalid: [string, string][] = [
    ['SELECT sum(x) OVER (ROWS 1 FOLLOWING) FROM t', 'GS1128'],
    ['SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t', 'GS1128'],
    ['SELECT sum(x) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM t', D.unboundedOnWrongSide.code],
    ['SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM t', D.unboundedOnWrongSide.code],
    ['SELECT sum(x) OVER (RANGE 1 PRECEDING) FROM t', D.rangeOffsetNeedsOneOrder.code],
    ['SELECT sum(x) OVER (ROWS BETWEEN 1 PRECEDING) FROM t', D.expectedKeyword.code],
    ['SELECT sum(x) OVER (ROWS CURRENT ROW EXCLUDE ALL) FROM t', D.expectedExclusion.code],
  ];
  for (const [text, code] of invalid) it(`rejects: ${text}`, () => assert.ok(errors(text).some((e) => e.startsWith(code)), errors(text).join('; ')));
});

describe('strictness: what SQLite rejects, gongsql rejects', () => {
  const cases: [string, string[]][] = [
    ['SELECT 123abc', ['GS1005 «123abc»']],
    ['SELECT 1.0e', ['GS1005 «1.0e»']],
    ['SELECT 0x', ['GS1005 «0x»']],
    ['SELECT 1_', ['GS1005 «1_»']],
    ["SELECT x'abc'", ["GS1007 «x'abc'»"]],
    ['SELECT 0x1234567890abcdef12', ['GS1006 «0x1234567890abcdef12»']],
    ['SELECT -0x8000000000000000', ['GS1008 «-0x8000000000000000»']],
    ['SELECT a, b, c FROM z1 WHERE *', ['GS1161 «*»']],
    ['SELECT 1 + *', ['GS1161 «*»']],
    ['SELECT t.* + 1 FROM t', ['GS1101 «+»']],
    ['SELECT count(DISTINCT *) FROM t2', ['GS1161 «*»']],
    ['SELECT * FROM a NATURAL JOIN b ON a.x = b.x', ['GS1124 «ON»']],
    ['SELECT * FROM a NATURAL JOIN b USING (x)', ['GS1124 «USING»']],
    ['VALUES (1), (1, 2)', ['GS1125 «(1, 2)»']],
    ['SELECT 1 UNION ALL VALUES (11) ORDER BY 1', ['GS1127 «ORDER»']],
    ['SELECT 1 ORDER BY 1 UNION SELECT 2', ['GS1132 «UNION»']],
    ['SELECT ?0', ['GS1126 «?0»']],
  ];
  for (const [text, expected] of cases) it(`rejects: ${text}`, () => assert.deepEqual(errors(text), expected));

  it('accepts what SQLite accepts nearby', () => {
    for (const text of ['SELECT 1_000, 0x7FFF_FFFF, 1e5, .5, 1.', 'SELECT 0x8000000000000000', "SELECT x''", 'SELECT -9223372036854775808', 'SELECT * FROM a NATURAL JOIN b', 'SELECT * FROM a, b ON a.x = b.x']) {
      assert.deepEqual(errors(text), [], text);
    }
  });
});

describe('comments', () => {
  it('a block comment left open at the end of the text is accepted, as SQLite does, with a warning', () => {
    const text = 'SELECT 1 /* unterminated';
    assert.deepEqual(errors(text), []);
    const open = parse(text).diagnostics;
    assert.deepEqual(open.map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]), [[D.unterminatedComment.code, 'warning', '/* unterminated']]);
    assert.match(open[0]!.message, /runs to the end of the text/);
  });

  it('but a bare /* ending the text is the operators / and *, an error in SQLite too', () => {
    assert.deepEqual(errors('SELECT 1, 2 /*'), ['GS1161 «*»']);
  });
});
