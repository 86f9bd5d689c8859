import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { GuardedParser } from '../../../scripts/conformance/runner';
import { bind, parse, planQuery, type Ast } from '../../../src/engine';
import { neededColumns } from '../../../src/engine/plan/columns';
import { MAX_DEPTH } from '../../../src/engine/syntax/parser';
import { chains } from '../../../bench/parserChains';

/** The codes of the error diagnostics, each with the text it points at. */
function errors(text: string): string[] {
  return parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} «${text.slice(d.span.start, d.span.end)}»@${d.span.start}`);
}

/** Parse, bind and plan, as the engine does before running a SELECT. */
function parseBindPlan(text: string): { diagnostics: string[] } {
  const parsed = parse(text);
  const statement = parsed.statements[0] as Ast.SelectStatement;
  const binding = bind(statement);
  const plan = planQuery(statement, binding, { pushdown: true, params: new Map() });
  for (const scan of plan.scans) neededColumns(statement, binding, scan.ref, scan.table.columns);
  return { diagnostics: [...parsed.diagnostics, ...binding.diagnostics].map((d) => d.code) };
}

describe('the parser never hangs', () => {
  // A hang cannot be interrupted in the same thread: these parse in a worker with a time limit.
  const guarded = new GuardedParser(10_000);
  after(() => guarded.close());
  const cases: [string, string | undefined][] = [
    ['SELECT * FROM Calls OUTER JOIN Users', 'GS1121 Unknown join type: OUTER JOIN @20'],
    ['SELECT * FROM t1 OUTER LEFT JOIN t2', undefined],
    ['SELECT * FROM a INNER OUTER JOIN b', 'GS1121 Unknown join type: INNER OUTER JOIN @16'],
    ['SELECT * FROM Calls OUTER', 'GS1121 Unknown join type: OUTER JOIN @20'],
    ['SELECT * FROM Calls NATURAL OUTER JOIN Users', 'GS1121 Unknown join type: NATURAL OUTER JOIN @20'],
    ['SELECT * FROM Calls OUTER OUTER OUTER OUTER', 'GS1121 Unknown join type: OUTER OUTER OUTER JOIN @20'],
  ];
  for (const [text, error] of cases) {
    it(`terminates: ${text}`, async () => {
      const answer = await guarded.parse(text);
      assert.equal(answer.kind, 'parsed', answer.error);
      assert.equal(answer.error, error);
    });
  }
});

describe('the fuel guard', () => {
  it('turns a parser that stops consuming into a diagnostic per statement, and goes on after the ;', () => {
    // Fuel 2 leaves too few looks at a token for any statement: each is "stuck".
    const text = 'SELECT 1 FROM Calls; SELECT 2';
    const result = parse(text, { fuel: 2 });
    assert.deepEqual(result.statements.map((s) => s.kind), ['Invalid', 'Invalid']);
    const stuck = result.diagnostics.filter((d) => d.code === 'GS1191');
    assert.equal(stuck.length, 2);
    assert.match(stuck[0]!.message, /the parser made no progress at 'SELECT'/);
    assert.deepEqual(stuck.map((d) => d.span.start), [0, 21]);
  });
  it('leaves ordinary parsing untouched', () => {
    assert.deepEqual(parse('SELECT 1 FROM Calls; SELECT 2').diagnostics, []);
  });
});

describe('broken text never trips the guard', () => {
  // What the editor sees while a statement is typed or edited: every prefix, and the
  // statement with any one token left out. None may leave the parser stuck (GS1191).
  const statements = [
    "WITH RECURSIVE r(n) AS MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n, 'x' || n AS s FROM r ORDER BY n DESC NULLS LAST LIMIT 2 OFFSET 1",
    'SELECT c.Id, count(DISTINCT p.Id) FILTER (WHERE p.Affiliation = 1), group_concat(p.Name, \', \' ORDER BY p.Name) FROM Calls c LEFT OUTER JOIN (CallParties p INDEXED BY i) AS q USING (CallId) GROUP BY 1 HAVING count(*) > 1',
    'SELECT sum(x) OVER (w PARTITION BY a ORDER BY b RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES), CAST(y AS DECIMAL(10, 2)) FROM main.t, json_each(t.j) WINDOW w AS (ORDER BY c)',
    "SELECT CASE WHEN a NOT BETWEEN 1 AND 2 THEN b IS NOT DISTINCT FROM c ELSE d NOT LIKE 'x%' ESCAPE '\\' END, x IN (SELECT 1), y NOT IN t, z IN f(1, 2), EXISTS (SELECT 1) FROM t",
    "INSERT INTO Calls (Title) VALUES ('a'), (:b); UPDATE Users AS u SET a = -1 WHERE u.Id = ?2; DELETE FROM gong.Users WHERE Id ISNULL; CALL P(1, 'x'); EXPLAIN QUERY PLAN SELECT 1",
  ];
  it('for every prefix and every one-token deletion', () => {
    for (const text of statements) {
      const tokens = parse(text).tokens;
      for (const t of tokens) {
        for (const variant of [text.slice(0, t.span.start), text.slice(0, t.span.start) + text.slice(t.span.end)]) {
          assert.ok(!parse(variant).diagnostics.some((d) => d.code === 'GS1191'), variant);
        }
      }
    }
  });
});

describe('join keywords combine as in SQLite', () => {
  const join = (text: string) => (parse(text).statements[0] as Ast.SelectStatement).body as Ast.SelectCore;
  for (const [words, type, natural] of [
    ['LEFT OUTER', 'LEFT', false], ['OUTER LEFT', 'LEFT', false], ['NATURAL LEFT', 'LEFT', true], ['LEFT NATURAL OUTER', 'LEFT', true],
    ['FULL OUTER', 'FULL', false], ['RIGHT', 'RIGHT', false], ['CROSS', 'CROSS', false], ['NATURAL', 'INNER', true], ['INNER', 'INNER', false],
  ] as const) {
    it(`${words} JOIN`, () => {
      const from = join(`SELECT * FROM a ${words} JOIN b`).from as Ast.JoinItem;
      assert.deepEqual([from.kind, from.type, from.natural], ['Join', type, natural]);
    });
  }
  it('rejects OUTER alone, INNER with OUTER and non-join words', () => {
    assert.deepEqual(errors('SELECT * FROM a OUTER JOIN b'), ['GS1121 «OUTER»@16']);
    assert.deepEqual(errors('SELECT * FROM a CROSS OUTER JOIN b'), ['GS1121 «CROSS OUTER»@16']);
    assert.deepEqual(errors('SELECT * FROM a LEFT foo JOIN b'), ['GS1121 «LEFT foo»@16']);
  });
});

describe('every recursion has a limit, reported with a position', () => {
  const cases: [string, string, string][] = [
    ['20,000 ( in FROM', 'SELECT * FROM ', '('],
    ['20,000 ( in an expression', 'SELECT ', '('],
    ['20,000 NOT', 'SELECT ', 'NOT '],
    ['20,000 unary minus', 'SELECT ', '- '],
    ['20,000 nested subqueries', '', 'SELECT ('],
    ['20,000 nested CTEs', '', 'WITH a AS ('],
  ];
  for (const [name, prefix, unit] of cases) {
    it(name, () => {
      const text = `${prefix}${unit.repeat(20_000)}1`;
      const deep = parse(text).diagnostics.find((d) => d.code === 'GS1190');
      assert.ok(deep, 'a GS1190 diagnostic');
      assert.match(deep.message, new RegExp(`more than ${MAX_DEPTH} levels`));
      // It points at the unit that went one level too deep.
      assert.ok(text.startsWith(unit, deep.span.start), text.slice(deep.span.start, deep.span.start + 20));
      assert.ok(deep.span.start <= prefix.length + unit.length * MAX_DEPTH, String(deep.span.start));
    });
  }
  it('stops a compound SELECT at SQLite\'s 500 terms and a join at 64 tables', () => {
    const compound = 'SELECT 1' + ' UNION SELECT 1'.repeat(20_000);
    const tooMany = parse(compound).diagnostics.find((d) => d.code === 'GS1193');
    assert.equal(tooMany?.span.start, 'SELECT 1'.length + ' UNION SELECT 1'.length * 499 + 1);
    const join = `SELECT * FROM ${Array(20_000).fill('Calls').join(', ')}`;
    const tables = parse(join).diagnostics.find((d) => d.code === 'GS1123');
    assert.equal(tables?.span.start, 'SELECT * FROM '.length + 'Calls, '.length * 64 - 2);
  });
  it('does not allow EXPLAIN EXPLAIN (nor recurse on it)', () => {
    assert.deepEqual(errors(`${'EXPLAIN '.repeat(20_000)}SELECT 1`), ['GS1102 «EXPLAIN»@8']);
  });
});

describe('the depth limit leaves every stage a margin', () => {
  /** Runs test/helpers/deepStages.ts in a worker with a stack of `stackSizeMb`. */
  function deepStagesWithStack(stackSizeMb: number): Promise<Record<string, { depth: number; error?: string }>> {
    const source = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, '..', '..', 'helpers', 'deepStages.ts'))});`;
    const worker = new Worker(source, { eval: true, workerData: { deepStages: true }, resourceLimits: { stackSizeMb } });
    return new Promise((resolve, reject) => {
      worker.once('message', (m) => { resolve(m); void worker.terminate(); });
      worker.once('error', reject);
    });
  }

  it(`at MAX_DEPTH (${MAX_DEPTH}), every nesting goes through every stage on half of Node's default stack`, async () => {
    // Node's (and VS Code's extension host's) main thread has V8's default of about 984 KB.
    const results = await deepStagesWithStack(0.5);
    for (const [name, { depth, error }] of Object.entries(results)) {
      assert.equal(error, undefined, `${name} at depth ${depth}`);
      // A scalar subquery is two levels (its SELECT and the expression around it), an EXISTS three.
      assert.ok(depth >= MAX_DEPTH / 3 - 1, `${name}: only ${depth} levels accepted`);
    }
    assert.equal(results['parentheses']?.depth, MAX_DEPTH - 2, 'the SELECT and its result column are a level each');
  });

  it('accepts what SQLite accepts and a limit of 150 refused: 151 parentheses, 200 NOTs, 101 scalar subqueries', () => {
    for (const text of [`SELECT ${'('.repeat(151)}1${')'.repeat(151)}`, `SELECT ${'NOT '.repeat(200)}1`, `${'SELECT ('.repeat(101)}1${')'.repeat(101)}`]) {
      assert.deepEqual(errors(text), []);
    }
  });

  it('one level beyond the limit is GS1190 at the token that went too deep', () => {
    const text = `SELECT ${'('.repeat(MAX_DEPTH - 1)}1${')'.repeat(MAX_DEPTH - 1)}`;
    assert.equal(errors(text)[0], `GS1190 «1»@${'SELECT '.length + MAX_DEPTH - 1}`);
  });
});

describe('long flat chains go through every stage', () => {
  for (const [name, text] of Object.entries(chains())) {
    it(`${name}: parse, bind and plan without an error`, () => {
      assert.deepEqual(parseBindPlan(text).diagnostics, []);
    });
  }
  it('keeps a chain left-deep and in order', () => {
    const core = (parse('SELECT 1 + 2 - 3 OR a AND NOT b = NOT c').statements[0] as Ast.SelectStatement).body as Ast.SelectCore;
    const e = core.columns[0]!.expr as Ast.BinaryExpr;
    assert.equal(e.op, 'OR');
    assert.equal((e.left as Ast.BinaryExpr).op, '-');
    const and = e.right as Ast.BinaryExpr;
    assert.equal(and.op, 'AND');
    assert.equal((and.right as Ast.UnaryExpr).op, 'NOT');
    assert.equal(((and.right as Ast.UnaryExpr).operand as Ast.BinaryExpr).op, '=');
  });
});
