import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineError, execute, QueryCache, type EngineEvent, type RunOptions } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import type { Destination, SyncState } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables } from '../../../src/mirror/schema';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { syncMirror } from '../../helpers/syncMirror';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// How the engine treats a mirror: deleted rows, writes, EXPLAIN, objects never synced, the
// cache, and live connections answering from the mirror. Real SQLite and PostgreSQL mirrors
// filled from the sandbox.

const table = (name: string) => mirrorTables().find((t) => t.name === name)!;

describe('the engine on a mirror', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let dir: string;
  let mirror: Destination;
  const onMirror = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { mirror, connectionId: 'mirror', ...options });
  const live = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { client, connectionId: 'live', confirm: async () => true, ...options });

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 80 });
    client = connect(sandbox);
    dir = await mkdtemp(join(tmpdir(), 'gongsql-mirror-engine-'));
    mirror = await openDestination(join(dir, 'gong.sqlite'));
    await syncMirror(client, mirror, ['Calls', 'CallParties', 'CallTranscripts', 'Workspaces', 'CRMIntegrations', 'PermissionProfiles']);
  });
  after(async () => {
    await mirror.close();
    await client.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves out rows a full refresh marked deleted, on the file and when rows are read', async () => {
    const own = await openDestination(join(dir, 'deleted.sqlite'));
    try {
      await syncMirror(client, own, ['Workspaces']);
      const workspaces = table('Workspaces');
      const runAt = new Date(Date.now() + 1000).toISOString();
      const [kept] = await execute('SELECT * FROM Workspaces ORDER BY Id LIMIT 2', { mirror: own, connectionId: 'm' });
      const state: SyncState = { object: 'Workspaces', policy: 'fullRefresh', watermark: null, checkpoint: null, lastRunStarted: runAt, lastRunFinished: runAt, rows: 2, apiCalls: 0, status: 'done', error: null };
      await own.commit({ table: workspaces, rows: kept!.rows, runAt, states: [state] });
      assert.equal(await own.finishRefresh(workspaces, runAt, state), sandbox.world.workspaces.length - 2);
      for (const pushdown of [true, false]) {
        const [all] = await execute('SELECT * FROM Workspaces ORDER BY Id', { mirror: own, connectionId: 'm', pushdown });
        assert.deepEqual(all!.rows, kept!.rows, `pushdown ${pushdown}`);
        assert.ok(!all!.columns.some((c) => c.name.startsWith('_')), 'the bookkeeping columns are not the object\'s');
      }
    } finally {
      await own.close();
    }
  });

  it('LIMIT stops reading the mirror, as it stops paging Gong', async () => {
    const total = (await mirror.rowCounts()).get('CallTranscripts')!;
    // More sentences than one read of 1,000 rows, so stopping early is visible.
    assert.ok(total > 1500, `${total} sentences`);
    const [first] = await onMirror('SELECT CallId, Text FROM CallTranscripts LIMIT 5', { pushdown: false });
    assert.equal(first!.rows.length, 5);
    assert.ok(first!.stats.records <= 1000, `read ${first!.stats.records} of ${total} rows`);
  });

  it('refuses INSERT, UPDATE, DELETE and CALL before anything runs, saying how to write', async () => {
    for (const write of [
      `DELETE FROM CRMIntegrations WHERE IntegrationId = '1'`,
      `UPDATE PermissionProfiles SET Name = 'x' WHERE Id = '1'`,
      `INSERT INTO CRMIntegrations (OwnerEmail, Name) VALUES ('owner@example.com', 'n')`,
      `CALL UploadCallMedia('8061307684674639385', '/tmp/call.wav')`,
    ]) {
      const events: EngineEvent[] = [];
      await assert.rejects(onMirror(`SELECT count(*) FROM Calls; ${write}`, { onEvent: (e) => events.push(e) }), (error: EngineError) => {
        assert.equal(error.code, 'READ_ONLY', write);
        assert.match(error.message, /read-only.*live connection/s);
        assert.ok(error.message.includes(mirror.label));
        return true;
      });
      assert.equal(events.length, 0, 'not even the SELECT before it ran');
    }
    await assert.rejects(onMirror(`EXPLAIN DELETE FROM CRMIntegrations WHERE IntegrationId = '1'`), { code: 'READ_ONLY' });
  });

  it('EXPLAIN says the rows come from the mirror, how fresh each object is, 0 calls', async () => {
    const seq = sandbox.log.lastSeq;
    const [onFile] = await onMirror(`EXPLAIN SELECT c.Id, count(*) FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '2026-01-01' GROUP BY c.Id`);
    assert.deepEqual(onFile!.rows.map((r) => r[5]), ['0 (mirror)', '0 (mirror)']);
    assert.equal(onFile!.rows[0]![2], `mirror ${mirror.label}`);
    assert.equal(onFile!.rows[0]![3], 'the whole statement runs on the SQLite file');
    const [calls] = await onMirror('SELECT count(*) FROM Calls');
    assert.ok(onFile!.messages.some((m) => m.startsWith('From the mirror: the statement runs on the SQLite file')));
    assert.ok(onFile!.messages.some((m) => new RegExp(`^Calls: last sync \\S+ \\(0 min ago\\), ${calls!.rows[0]![0]} rows, status done$`).test(m)), onFile!.messages.join('\n'));
    const [local] = await onMirror(`EXPLAIN SELECT median(Duration) FROM Calls WHERE Scheduled >= '2026-01-01' AND Duration > '60'`);
    assert.equal(local!.rows[0]![3], `Scheduled >= '2026-01-01'`, 'the filter of the column\'s class goes to the mirror');
    assert.equal(local!.rows[0]![4], `Duration > '60'`, 'text against an INTEGER column stays local');
    assert.ok(local!.messages.some((m) => m.startsWith('From the mirror: the file\'s SQLite does not take this statement')));
    assert.equal(sandbox.log.since(seq).length, 0);
  });

  it('an object never synced is an error naming it and how to sync it', async () => {
    await assert.rejects(onMirror('SELECT * FROM Users'), (error: EngineError) => {
      assert.equal(error.code, 'MIRROR');
      assert.equal(error.message, `Users has not been synced to ${mirror.label} yet: run gongsql sync --objects Users --to ${mirror.label}`);
      assert.deepEqual(error.span, { start: 14, end: 19 });
      return true;
    });
  });

  it('the cache keeps mirror reads until the next sync of the object', async () => {
    const cache = new QueryCache();
    const sql = 'SELECT count(*) FROM Workspaces';
    const run = () => onMirror(sql, { cache, pushdown: false });
    assert.equal((await run())[0]!.stats.cachedScans, 0);
    assert.equal((await run())[0]!.stats.cachedScans, 1);
    const runAt = new Date().toISOString();
    const [rows] = await onMirror('SELECT * FROM Workspaces');
    await mirror.commit({ table: table('Workspaces'), rows: rows!.rows, runAt, states: [{ object: 'Workspaces', policy: 'fullRefresh', watermark: null, checkpoint: null, lastRunStarted: runAt, lastRunFinished: runAt, rows: rows!.rows.length, apiCalls: 0, status: 'done', error: null }] });
    assert.equal((await run())[0]!.stats.cachedScans, 0, 'a new sync is new rows');
  });

  describe('a live connection answering from the mirror', () => {
    const hour = 3_600_000;
    const fromMirror = (sql: string, maxAgeMs = hour) => live(sql, { answerFromMirror: { destination: mirror, maxAgeMs } });

    it('answers a whole small object and a covered window from the mirror, 0 API calls, and says so', async () => {
      const at = sandbox.store.visibleCalls[40]!.meta.scheduled!;
      for (const [sql, object] of [['SELECT * FROM Workspaces', 'Workspaces'], [`SELECT Id, Title FROM Calls WHERE Scheduled >= '${at}'`, 'Calls']] as const) {
        const [expected] = await live(sql);
        const [got] = await fromMirror(sql);
        assert.equal(got!.stats.apiCalls, 0, sql);
        assert.deepEqual(got!.rows.map((r) => JSON.stringify(r)).sort(), expected!.rows.map((r) => JSON.stringify(r)).sort());
        assert.ok(got!.messages.some((m) => m.startsWith(`${object} answered from the mirror ${mirror.label}`) && m.endsWith('0 API calls')), got!.messages.join('\n'));
      }
    });

    it('reads Gong when the mirror does not cover the window, is too old, or the option is off', async () => {
      for (const [sql, maxAgeMs] of [
        ['SELECT Id FROM Calls', hour],
        [`SELECT Id FROM Calls WHERE Scheduled >= '2000-01-01'`, hour],
        [`SELECT Name FROM CallParties WHERE CallId = '${sandbox.store.visibleCalls[3]!.meta.id}'`, hour],
        ['SELECT * FROM Workspaces', 0],
      ] as const) {
        const [got] = await fromMirror(sql, maxAgeMs);
        assert.ok(got!.stats.apiCalls > 0, sql);
        assert.ok(!got!.messages.some((m) => m.includes('answered from the mirror')), sql);
      }
      const [off] = await live('SELECT * FROM Workspaces');
      assert.ok(off!.stats.apiCalls > 0);
    });

    it('never for the rows a write changes: an UPDATE or DELETE finds them on Gong', async () => {
      const [deleted] = await live(`DELETE FROM CRMIntegrations WHERE IntegrationId = '1'`, { answerFromMirror: { destination: mirror, maxAgeMs: hour } });
      assert.ok(deleted!.stats.apiCalls > 0, 'CRMIntegrations was read from Gong');
      assert.ok(!deleted!.messages.some((m) => m.includes('answered from the mirror')));
    });
  });
});

describe('EXPLAIN on a PostgreSQL mirror', () => {
  let postgres: TestPostgres;
  before(async () => { postgres = await startPostgres(); });
  after(() => postgres?.stop());

  it('names the mirror by its URL without the password, and the filters PostgreSQL evaluates', async () => {
    const url = await postgres.createDatabase();
    const sandbox = await startSandbox({ rateLimit: false, scale: 30 });
    const client = connect(sandbox);
    const mirror = await openDestination(url);
    try {
      await syncMirror(client, mirror, ['Calls']);
      const [plan] = await execute(`EXPLAIN SELECT Id FROM Calls WHERE Scheduled >= '2026-01-01' AND Title LIKE '%a%'`, { mirror, connectionId: 'pg' });
      const text = JSON.stringify(plan);
      assert.ok(!text.includes('test-secret-pw'), 'no password');
      assert.match(String(plan!.rows[0]![2]), /^mirror postgres:\/\/gongsql@127\.0\.0\.1:\d+\/mirror_\d+$/);
      assert.equal(plan!.rows[0]![3], `Scheduled >= '2026-01-01'`);
      assert.equal(plan!.rows[0]![4], `Title LIKE '%a%'`);
      assert.equal(plan!.rows[0]![5], '0 (mirror)');
    } finally {
      await mirror.close();
      await client.close();
      await sandbox.close();
    }
  });
});

