import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type RunOptions } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/**
 * The engine rewrites the tree (objects → local tables, parameters → bound values) and prints
 * it for SQLite: every piece the user wrote reaches SQLite, every column it names is loaded,
 * and results are titled as SQLite titles the user's own text.
 */
describe('the SQL the engine prints for SQLite', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { client, connectionId: 'sb', ...options });
  const one = async (sql: string, options: Partial<RunOptions> = {}) => (await run(sql, options))[0]!;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 60, crmIntegration: true });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('reads a schema-qualified object: gong.Workspaces is Workspaces', async () => {
    const qualified = await one('SELECT * FROM gong.Workspaces');
    const plain = await one('SELECT * FROM Workspaces');
    assert.ok(plain.rows.length > 0);
    assert.deepEqual(qualified.columns, plain.columns);
    assert.deepEqual(qualified.rows, plain.rows);
    const columns = await one('SELECT gong.Workspaces.Name, w.Id FROM gong.Workspaces AS w JOIN Workspaces USING (Id)');
    assert.deepEqual(columns.rows.map((r) => r[0]), plain.rows.map((r) => r[plain.columns.findIndex((c) => c.name === 'Name')]));
  });

  it('loads a column named only in a WINDOW clause', async () => {
    const named = await one('SELECT Id, row_number() OVER w AS n FROM Users WINDOW w AS (ORDER BY Created, Id) ORDER BY n');
    const inline = await one('SELECT Id, row_number() OVER (ORDER BY Created, Id) AS n FROM Users ORDER BY n');
    assert.ok(inline.rows.length > 1);
    assert.deepEqual(named.rows, inline.rows);
  });

  it('loads a column named only in an aggregate\'s ORDER BY, and SQLite orders by it', async () => {
    const users = await one('SELECT FirstName, LastName, Id FROM Users');
    const expected = [...users.rows].sort((a, b) => compare(a[1], b[1]) || compare(a[2], b[2])).map((r) => r[0]).join(',');
    const result = await one("SELECT group_concat(FirstName, ',' ORDER BY LastName, Id) FROM Users");
    assert.equal(result.rows[0]![0], expected);
  });

  it('sends window frames and NULLS FIRST/LAST to SQLite', async () => {
    const users = await one('SELECT Id, ManagerId FROM Users ORDER BY Id');
    const framed = await one('SELECT count(*) OVER (ORDER BY Id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM Users ORDER BY Id');
    assert.deepEqual(framed.rows.map((r) => r[0]), users.rows.map((_, i) => Math.min(i + 1, 3)));
    const nullsLast = await one('SELECT ManagerId FROM Users ORDER BY ManagerId NULLS LAST');
    const managers = users.rows.map((r) => r[1]);
    assert.ok(managers.includes(null) && managers.some((m) => m !== null), 'some users have no manager');
    assert.equal(nullsLast.rows.at(-1)![0], null);
    assert.notEqual(nullsLast.rows[0]![0], null);
  });

  it('titles unaliased columns with the text the user wrote, as SQLite would', async () => {
    const result = await one(`SELECT u.Id, (SELECT count(*) FROM Workspaces WHERE Workspaces.Id = u.Id), count( * ) OVER (), :tag, (u.FirstName), u.FirstName || '!' AS shout, u.LastName||'?' /* asked */ FROM Users u LIMIT 2`, { params: { tag: 'x' } });
    assert.deepEqual(result.columns.map((c) => c.name), ['Id', '(SELECT count(*) FROM Workspaces WHERE Workspaces.Id = u.Id)', 'count( * ) OVER ()', ':tag', 'FirstName', 'shout', "u.LastName||'?' /* asked */"]);
    const nested = await one('SELECT * FROM (SELECT count( * ), max(Name) -- the last\n FROM Workspaces)');
    assert.deepEqual(nested.columns.map((c) => c.name), ['count( * )', 'max(Name) -- the last']);
  });

  it('UPDATE and DELETE find their rows through a SELECT built as a tree: alias, schema and parameters', async () => {
    const ws = sandbox.world.workspaces[0]!.id;
    const params = { prefix: 'Role: ', ws };
    const [updated] = await run(`UPDATE gong.PermissionProfiles AS p SET Description = :prefix || p.Name WHERE p.WorkspaceId = :ws AND p.Name IN ('Rep', 'Manager')`, { params });
    assert.deepEqual(updated!.rows.map((r) => r[1]), ['ok', 'ok']);
    const check = await one('SELECT Name, Description FROM PermissionProfiles WHERE WorkspaceId = :ws AND Name IN (\'Rep\', \'Manager\') ORDER BY Name', { params, useCache: false });
    assert.deepEqual(check.rows, [['Manager', 'Role: Manager'], ['Rep', 'Role: Rep']]);

    const id = sandbox.world.crmIntegrations[0]!.integrationId;
    const [deleted] = await run('DELETE FROM gong.CRMIntegrations AS c WHERE c.IntegrationId = ?', { params: { '?1': id } });
    assert.deepEqual(deleted!.rows.map((r) => r.slice(1, 3)), [['ok', id]]);
  });
});

function compare(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
