import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineError, execute, parse, type RunOptions } from '../../../src/engine';
import { sqliteError } from '../../../src/engine/run/preflight';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/**
 * Statements SQLite rejects fail before any request to Gong: the engine prepares the
 * statement SQLite will run against its local tables created empty. The error points at the
 * user's text where SQLite's message names something.
 */
describe('SQLite checks a statement before any API call', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { client, connectionId: 'sb', useCache: false, ...options });

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 450 });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  /** Runs `sql`, expects SQLite's error matching `message` at the text `at` (its `nth` occurrence), and no request. */
  const rejected = async (sql: string, message: RegExp, at: string, nth = 1) => {
    const said = sql.length > 100 ? `${sql.slice(0, 100)}…` : sql;
    const before = sandbox.log.lastSeq;
    const error = await run(sql).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof EngineError, `${said}: expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, 'SQLITE', `${said}: ${error.message}`);
    assert.match(error.message, message);
    assert.equal(sandbox.log.since(before).length, 0, `${said}: no request to Gong`);
    let start = -1;
    for (let i = 0; i < nth; i++) start = sql.indexOf(at, start + 1);
    assert.ok(error.span, `${said}: a position`);
    assert.deepEqual({ at: said === sql ? sql.slice(error.span.start, error.span.end) : error.span.end - error.span.start }, { at: said === sql ? at : at.length }, `${said}: the error points at ${at.slice(0, 100)}`);
    assert.equal(error.span.start, start, `${said}: occurrence ${nth} of ${at}`);
  };

  it('an aggregate misused in WHERE points at that call', () =>
    rejected('SELECT count(*) FROM Calls WHERE count(*) > 1', /misuse of aggregate/, 'count(*)', 2));

  it('a nested aggregate points at the inner call', () =>
    rejected('SELECT sum(sum(Duration)) FROM Calls', /misuse of aggregate/, 'sum(Duration)'));

  it('an unknown window points at its name after OVER', () =>
    rejected('SELECT sum(Duration) OVER w FROM Calls', /no such window: w/, 'w'));

  it('a window function without OVER points at the call', () =>
    rejected('SELECT row_number() FROM Calls', /row_number/, 'row_number()'));

  it('a compound of different widths points at the operator', () =>
    rejected('SELECT Id FROM Calls UNION SELECT Id, Title FROM Calls', /same number of result columns/, 'UNION'));

  it('ORDER BY and GROUP BY terms out of range point at the term', async () => {
    await rejected('SELECT Id FROM Calls ORDER BY 5', /ORDER BY term out of range/, '5');
    await rejected('SELECT Id, count(*) FROM Calls GROUP BY 1, 7', /GROUP BY term out of range/, '7');
  });

  it('HAVING without GROUP BY points at the HAVING condition', () =>
    rejected('SELECT Id FROM Calls HAVING Duration > 1', /HAVING/, 'Duration > 1'));

  it('a subquery of two columns where one is expected points at the subquery', () =>
    rejected('SELECT Id FROM Calls WHERE Duration > (SELECT Duration, Id FROM Calls)', /row value misused/, '(SELECT Duration, Id FROM Calls)'));

  it('an expression tree too deep for SQLite fails at 0 requests (the statement is the position)', async () => {
    const sql = `SELECT Id FROM Calls WHERE ${Array.from({ length: 10_000 }, (_, i) => `Id = '${i}'`).join(' OR ')}`;
    await rejected(sql, /Expression tree is too large/, sql);
  });

  it('the row-finding SELECT of an UPDATE is checked before any request too', async () => {
    const before = sandbox.log.lastSeq;
    await assert.rejects(run('UPDATE PermissionProfiles SET Description = sum(sum(Name)) WHERE Name <> 1'), (e: unknown) => e instanceof EngineError && e.code === 'SQLITE');
    assert.equal(sandbox.log.since(before).length, 0);
  });

  it('the editor\'s check finds the same error with its position, parameters counting as NULL, and nothing in a valid statement', async () => {
    const check = (text: string) => sqliteError(text, parse(text).statements[0]!);
    const before = sandbox.log.lastSeq;
    const window = await check('SELECT sum(Duration) OVER w FROM Calls');
    assert.match(window?.message ?? '', /no such window: w/);
    assert.deepEqual(window?.span, { start: 26, end: 27 });
    assert.equal(await check('SELECT Id FROM Calls WHERE Duration > :min ORDER BY 1 LIMIT :n'), undefined);
    assert.equal(await check("INSERT INTO PermissionProfiles (Name) SELECT Title FROM Calls ORDER BY 3"), undefined, 'not checked: the binder speaks for INSERT INTO PermissionProfiles');
    assert.match((await check('EXPLAIN SELECT Id FROM Calls ORDER BY 3'))?.message ?? '', /ORDER BY term out of range/);
    assert.equal(sandbox.log.since(before).length, 0);
  });
});
