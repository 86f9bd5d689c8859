import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bind, EngineError, parse } from '../../../src/engine';
import { findTable } from '../../../src/gong';
import type * as A from '../../../src/engine/syntax/ast';
import { neededColumns } from '../../../src/engine/plan/columns';
import { resolvingSelect } from '../../../src/engine/run/dml';
import { localSql } from '../../../src/engine/run/localSql';

const users = findTable('Users')!;

function statement(text: string): A.Statement {
  return parse(text).statements[0]!;
}

/** The object references of a SELECT's FROM, in order. */
function tableRefs(f: A.FromItem | undefined): A.TableRef[] {
  if (!f) return [];
  if (f.kind === 'Table') return [f];
  if (f.kind === 'Join') return [...tableRefs(f.left), ...tableRefs(f.right)];
  if (f.kind === 'ParenFrom') return tableRefs(f.from);
  return [];
}

function local(text: string, params: Record<string, unknown> = {}) {
  const select = statement(text) as A.SelectStatement;
  const refs = tableRefs((select.body as A.SelectCore).from);
  return localSql(select, { tables: new Map(refs.map((r, i) => [r, `gs_${i}`])), params: new Map(Object.entries(params)) as never, text });
}

describe('the SQL the engine prints for the local database', () => {
  it('reads each object from its local table under the name the query uses; schemas and index hints go', () => {
    assert.equal(local('SELECT gong.Calls.Id, c.Title FROM gong.Calls JOIN Users AS c ON c.Id = Calls.PrimaryUserId').sql,
      'SELECT Calls.Id, c.Title FROM "gs_0" AS "Calls" JOIN "gs_1" AS c ON c.Id = Calls.PrimaryUserId');
    const hinted = statement('SELECT Id FROM Users') as A.SelectStatement;
    const ref = (hinted.body as A.SelectCore).from as A.TableRef;
    const withHint: A.SelectStatement = { ...hinted, body: { ...(hinted.body as A.SelectCore), from: { ...ref, schema: { text: 'gong', quoted: false, span: ref.span }, indexedBy: null } } };
    assert.equal(localSql(withHint, { tables: new Map([[(withHint.body as A.SelectCore).from as A.TableRef, 'gs_0']]), params: new Map() }).sql, 'SELECT Id FROM "gs_0" AS "Users"');
  });

  it('binds each distinct parameter once, numbered in order, and names one without a value', () => {
    const { sql, values } = local('SELECT :b, ?, :a, :b, ?3 FROM Users WHERE Id = :a', { b: 'B', a: 1n, '?1': 'first', '?3': 3 });
    assert.equal(sql, 'SELECT ?1 AS ":b", ?2 AS "?", ?3 AS ":a", ?1 AS ":b", ?4 AS "?3" FROM "gs_0" AS "Users" WHERE Id = ?3');
    assert.deepEqual(values, ['B', 'first', 1n, 3]);
    assert.throws(() => local('SELECT Id FROM Users WHERE Id = :missing'), (e: unknown) => e instanceof EngineError && e.code === 'PARAMETER' && /:missing has no value/.test(e.message) && e.span?.start === 32);
  });

  it('names a parameter without a value as it was written: $x, @y, :x, ?1, and a bare ? by its number', () => {
    const missing = (sql: string, shown: string) => assert.throws(() => local(sql),
      (e: unknown) => e instanceof EngineError && e.code === 'PARAMETER' && e.message === `Parameter ${shown} has no value`, sql);
    missing('SELECT $x, @y', '$x');
    missing('SELECT @y', '@y');
    missing('SELECT :x', ':x');
    missing('SELECT ?1', '?1');
    missing('SELECT ?, ?', '? (the 1st ?)');
    missing('SELECT 1, ?3', '?3');
    assert.equal(local('SELECT $x, @x, :x', { x: 'v' }).sql, 'SELECT ?1 AS "$x", ?1 AS "@x", ?1 AS ":x"');
  });

  it('titles unaliased expressions with the text as written, comments after it included, in subqueries too', () => {
    assert.equal(local('SELECT Id, (Id), count( * ) /* n */, x.n FROM Users, (SELECT 1+1 -- two\n) x').sql,
      'SELECT Id, (Id), count(*) AS "count( * ) /* n */", x.n FROM "gs_0" AS "Users", (SELECT 1 + 1 AS "1+1 -- two") AS x');
  });

  it('finds the rows of UPDATE and DELETE with a SELECT built from their own nodes', () => {
    const update = statement("UPDATE gong.PermissionProfiles AS p SET Description = 'x' || p.Name, Name = :n WHERE p.Id = 1") as A.UpdateStatement;
    const select = resolvingSelect(update, 'Id');
    const ref = (select.body as A.SelectCore).from as A.TableRef;
    assert.equal(localSql(select, { tables: new Map([[ref, 'gs_0']]), params: new Map([['n', 'N']]) }).sql,
      `SELECT p."Id" AS "__key", 'x' || p.Name AS "__set0", ?1 AS "__set1" FROM "gs_0" AS p WHERE p.Id = 1`);
    assert.deepEqual(bind(select).diagnostics, []);
    const del = resolvingSelect(statement('DELETE FROM CRMIntegrations WHERE IntegrationId = 5') as A.DeleteStatement, 'IntegrationId');
    assert.equal(localSql(del, { tables: new Map(), params: new Map() }).sql, 'SELECT "IntegrationId" AS "__key" FROM CRMIntegrations WHERE IntegrationId = 5');
  });

  it('loads every column the printed SQL names: WINDOW clauses, aggregate ORDER BY, frame offsets, FILTER', () => {
    const select = statement('SELECT group_concat(FirstName) FILTER (WHERE Active), sum(1) OVER (ORDER BY Id), row_number() OVER w FROM Users WINDOW w AS (PARTITION BY ManagerId)') as A.SelectStatement;
    const core = select.body as A.SelectCore;
    const column = (name: string): A.ColumnRef => ({ kind: 'Column', span: core.span, name: { text: name, quoted: false, span: core.span } });
    const [concat, sum, ...rest] = core.columns;
    const over = (sum!.expr as A.CallExpr).over!;
    // What the parser fills as it learns SQLite's whole grammar: an aggregate's ORDER BY and a frame.
    const full: A.SelectStatement = { ...select, body: { ...core, columns: [
      { ...concat!, expr: { ...(concat!.expr as A.CallExpr), orderBy: [{ span: core.span, expr: column('LastName'), desc: false }] } },
      { ...sum!, expr: { ...(sum!.expr as A.CallExpr), over: { ...over, frame: { span: core.span, units: 'RANGE', start: { kind: 'Preceding', span: core.span, offset: column('Title') } } } } },
      ...rest,
    ] } };
    const ref = core.from as A.TableRef;
    const names = neededColumns(full, bind(full), ref, users.columns).map((c) => c.name).sort();
    assert.deepEqual(names, ['Active', 'FirstName', 'Id', 'LastName', 'ManagerId', 'Title']);
  });
});
