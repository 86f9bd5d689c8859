import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../src/engine';
import { readFunctionList } from '../../../src/engine/eval/functionList';
import { FUNCTIONS } from '../../../src/engine/ide/functions';
import { functionKind } from '../../../src/engine/syntax/functionCatalog';
import { SQLITE_FUNCTIONS } from '../../../src/engine/syntax/sqliteFunctions';
import { isAggregateCall, walkExpr } from '../../../src/engine/syntax/walk';

/** The calls of the first result column of `SELECT …` that count as aggregates. */
function aggregatesIn(expr: string): string[] {
  const [statement] = parse(`SELECT ${expr}`).statements;
  assert.ok(statement?.kind === 'Select' && statement.body.kind === 'Core');
  const column = statement.body.columns[0]!.expr;
  return [...walkExpr(column)].filter(isAggregateCall).map((c) => (c.kind === 'Call' ? c.name.text : ''));
}

describe('the function catalog comes from SQLite', () => {
  it('the checked-in table is what pragma_function_list says (run `npm run functions` after upgrading sql.js)', async () => {
    assert.deepEqual(SQLITE_FUNCTIONS, await readFunctionList());
  });

  it('knows the aggregates SQLite knows, the engine\'s statistics included', () => {
    for (const name of ['count', 'sum', 'avg', 'total', 'group_concat', 'string_agg', 'json_group_array', 'median', 'mode', 'stdev', 'variance', 'lower_quartile', 'upper_quartile']) {
      assert.equal(functionKind(name), 'aggregate', name);
    }
    for (const name of ['row_number', 'rank', 'lag', 'lead', 'ntile', 'nth_value', 'first_value']) assert.equal(functionKind(name), 'window', name);
    for (const name of ['abs', 'log', 'json_extract', 'coalesce']) assert.equal(functionKind(name), 'scalar', name);
  });

  it('tells an aggregate call by its form: min/max with one argument aggregate, with more they are scalar', () => {
    assert.deepEqual(aggregatesIn('median(Duration)'), ['median']);
    assert.deepEqual(aggregatesIn('MODE(WorkspaceId)'), ['MODE']);
    assert.deepEqual(aggregatesIn('count(*) + min(a)'), ['count', 'min']);
    assert.deepEqual(aggregatesIn('min(a, b) + max(a, b, c)'), []);
    assert.deepEqual(aggregatesIn('sum(a) OVER (ORDER BY b)'), []);
    assert.deepEqual(aggregatesIn('abs(a) + no_such_function(a)'), []);
  });
});

describe('the editor offers the functions SQLite knows', () => {
  const offered = new Map(FUNCTIONS.map((f) => [f.name, f]));

  it('every function of SQLite\'s list is offered, and nothing else but CAST and the table-valued json_each/json_tree', () => {
    const known = [...new Set(SQLITE_FUNCTIONS.map((f) => f.name))].filter((name) => /^\w+$/.test(name));
    assert.deepEqual(known.filter((name) => !offered.has(name)), []);
    assert.deepEqual([...offered.keys()].filter((name) => !known.includes(name)), ['cast', 'json_each', 'json_tree']);
  });

  it('says aggregate or window function exactly where SQLite does', () => {
    for (const f of FUNCTIONS) {
      const kind = functionKind(f.name);
      assert.equal(f.doc.startsWith('Aggregate.'), kind === 'aggregate', f.name);
      assert.equal(f.doc.startsWith('Window function.'), kind === 'window', f.name);
    }
    assert.equal(offered.get('median')?.signature, 'median(X)');
    assert.equal(offered.get('percent_rank')?.signature, 'percent_rank() OVER (…)');
  });
});
