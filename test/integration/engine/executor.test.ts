import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EngineError, execute, QueryCache, type ConfirmRequest, type EngineEvent, type RunOptions, type StatementResult } from '../../../src/engine';
import { GongError, type GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { EXAMPLE_IDS } from '../../../src/sandbox/data/examples';
import { waitFor, wav } from '../../helpers/sandboxClient';
import { connect } from '../../helpers/connect';

const DOCUMENTED = `CALL CreateDraftCall( 'testId', 9209112928780475146, 'Conference', '2025-05-13 13:11:35', '[{"PhoneNumber": "+1 123-567-8989", "EmailAddress": "test@test.com", "Name": "Test User", "PartyId": "1", "UserId": 9209112928780475146}]', '2025-05-13 10:10:10', '2025-05-13 13:13:13', 'TestTitle', 100, 2140112977297205387, 'testCustomData', 'testPurpose', 'https://gong.app.gong.io/settings/api/documentation#post-/v2/calls', 'disposition',
'[{"System": "Salesforce", "Objects": [{"ObjectType": "Account", "ObjectId": "0013601230sV7grAAC", "Fields": [{"Name": "name", "Value": "Gong Inc."}]}]}]', 'fr-FR');
CALL UploadCallMedia(8061307684674639385, :myfile);`;

describe('engine execution', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let dir: string;
  const run = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { client, connectionId: 'sb', ...options });
  const callsDuring = async (action: () => Promise<unknown>) => {
    const before = sandbox.log.lastSeq;
    await action();
    return sandbox.log.since(before);
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 450, crmIntegration: true, media: { processingDelayMs: 20 } });
    client = connect(sandbox);
    dir = await mkdtemp(join(tmpdir(), 'gongsql-engine-'));
  });
  after(async () => {
    await client.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('LIMIT reaches the reader: 10 rows cost one page, 150 rows two', async () => {
    let result: StatementResult | undefined;
    const one = await callsDuring(async () => { [result] = await run('SELECT Id FROM Calls LIMIT 10'); });
    assert.equal(one.length, 1);
    assert.equal(result!.rows.length, 10);
    const two = await callsDuring(() => run('SELECT Id FROM Calls WHERE Duration > 0 LIMIT 150'));
    assert.equal(two.length, 2);
  });

  it('LIMIT and OFFSET take any expression: a constant one still stops the reading early, a subquery is left to SQLite', async () => {
    let first: StatementResult | undefined;
    let folded: StatementResult | undefined;
    await run('SELECT Id FROM Calls LIMIT 12').then(([r]) => { first = r; });
    const requests = await callsDuring(async () => { [folded] = await run('SELECT Id FROM Calls LIMIT 2*5 OFFSET 1 + 1', { useCache: false }); });
    assert.equal(requests.length, 1, 'the folded LIMIT stops after the first page');
    assert.deepEqual(folded!.rows, first!.rows.slice(2));
    const [bySubquery] = await run('SELECT Id FROM Calls LIMIT (SELECT 1)');
    assert.equal(bySubquery!.rows.length, 1);
    const [negative] = await run('SELECT Id FROM Calls LIMIT 0 - 1 OFFSET -5 + 4');
    assert.equal(negative!.rows.length, sandbox.store.visibleCalls.length);
  });

  it('a join (or IN subquery) reads the other side by the keys the first side\'s rows carry, not all of it', async () => {
    const ids = [5, 6, 7].map((i) => sandbox.store.visibleCalls[i]!.meta.id);
    let result: StatementResult | undefined;
    const requests = await callsDuring(async () => {
      [result] = await run(`SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Id IN (${ids.map((id) => `'${id}'`).join(', ')})`, { useCache: false });
    });
    assert.equal(requests.length, 2, requests.map((r) => `${r.method} ${r.path} ${r.body}`).join('\n'));
    const parties = JSON.parse(requests[1]!.body!) as { filter: { callIds: string[] } };
    assert.deepEqual([...parties.filter.callIds].sort(), [...ids].sort());
    assert.deepEqual(new Set(result!.rows.map((r) => r[0])), new Set(ids));
    const none = await callsDuring(() => run(`SELECT p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Id = '1000000000000000001'`, { useCache: false }));
    assert.equal(none.length, 1, 'no call matched, so no party is read');
    const bySubquery = await callsDuring(() => run(`SELECT Name FROM CallParties WHERE CallId IN (SELECT Id FROM Calls WHERE Id IN (${ids.map((id) => `'${id}'`).join(', ')}))`, { useCache: false }));
    assert.equal(bySubquery.length, 2);
    assert.deepEqual([...(JSON.parse(bySubquery[1]!.body!) as { filter: { callIds: string[] } }).filter.callIds].sort(), [...ids].sort());
  });

  it('streams: the first rows are emitted after the first page, before the scan ends', async () => {
    const events: { type: string; pages: number }[] = [];
    let pages = 0;
    await run('SELECT Id, Title FROM Calls', {
      onEvent: (e: EngineEvent) => {
        if (e.type === 'progress') pages = e.stats.pages;
        events.push({ type: e.type, pages });
      },
    });
    const firstRows = events.find((e) => e.type === 'rows');
    assert.equal(firstRows?.pages, 1, 'rows came after page 1');
    assert.ok(events.filter((e) => e.type === 'rows').length >= 4, 'a batch per page');
  });

  it('a cached re-run makes 0 API calls; refresh bypasses the cache', async () => {
    const cache = new QueryCache();
    const sql = `SELECT Direction, count(*) FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId GROUP BY Direction`;
    const first = await callsDuring(() => run(sql, { cache }));
    assert.ok(first.length > 0);
    let again: StatementResult | undefined;
    const second = await callsDuring(async () => { [again] = await run(sql, { cache }); });
    assert.equal(second.length, 0);
    assert.equal(again!.stats.cachedScans, 2);
    const refreshed = await callsDuring(() => run(sql, { cache, useCache: false }));
    assert.equal(refreshed.length, first.length);
    let clock = 0;
    const expired = new QueryCache({ ttlMs: 1000, now: () => clock });
    await run(sql, { cache: expired });
    clock += 1001;
    assert.equal((await callsDuring(() => run(sql, { cache: expired }))).length, first.length, 'an expired entry is read again');
  });

  it('runs the documented statements exactly as written, ids digit for digit', async () => {
    const file = join(dir, 'recording.wav');
    await writeFile(file, wav(140, 21));
    let results: StatementResult[] = [];
    const requests = await callsDuring(async () => { results = await run(DOCUMENTED, { params: { myfile: file } }); });
    const [draft, upload] = results;
    assert.deepEqual(draft!.columns.map((c) => c.name), ['CallId', 'RequestId']);
    assert.deepEqual(upload!.columns.map((c) => c.name), ['CallId', 'RequestId', 'Url']);
    assert.equal(upload!.rows[0]![0], EXAMPLE_IDS.draftCall);
    const body = JSON.parse(requests[0]!.body!);
    assert.equal(body.primaryUser, '9209112928780475146');
    assert.equal(body.workspaceId, '2140112977297205387');
    assert.equal(body.parties[0].userId, '9209112928780475146');
    assert.equal(requests[1]!.path, '/v2/calls/8061307684674639385/media');
  });

  it('INSERT returns the new ids; UPDATE resolves rows locally with per-row values; DELETE needs WHERE or confirmation', async () => {
    const [inserted] = await run(`INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties, Title) VALUES
      ('pbx-sql-1', ${EXAMPLE_IDS.user}, 'Outbound', '2026-01-02 03:04:05', '[{"UserId": ${EXAMPLE_IDS.user}}]', 'From SQL ' || 'concatenated'),
      ('pbx-sql-2', ${EXAMPLE_IDS.user}, 'Inbound', '2026-01-02T05:00:00Z', '[{"UserId": "${EXAMPLE_IDS.user}"}]', NULL)`);
    assert.deepEqual(inserted!.rows.map((r) => r[1]), ['ok', 'ok']);
    const id = inserted!.rows[0]![2] as string;
    assert.equal(sandbox.store.call(id)?.meta.title, 'From SQL concatenated');

    const ws = sandbox.world.workspaces[1]!.id;
    const [updated] = await run(`UPDATE PermissionProfiles SET Description = 'Profile ' || Name WHERE WorkspaceId = '${ws}' AND Name IN ('Rep', 'Manager')`);
    assert.equal(updated!.rows.length, 2);
    const [check] = await run(`SELECT Name, Description FROM PermissionProfiles WHERE WorkspaceId = '${ws}' AND Name IN ('Rep', 'Manager') ORDER BY Name`, { useCache: false });
    assert.deepEqual(check!.rows, [['Manager', 'Profile Manager'], ['Rep', 'Profile Rep']]);

    await assert.rejects(run('DELETE FROM CRMIntegrations'), (e: unknown) => e instanceof EngineError && e.code === 'CONFIRMATION_REQUIRED');
    const id0 = sandbox.world.crmIntegrations[0]!.integrationId;
    const [deleted] = await run(`DELETE FROM CRMIntegrations WHERE IntegrationId = '${id0}'`);
    assert.deepEqual(deleted!.rows[0]!.slice(1, 3), ['ok', id0]);
  });

  it('every request a write sends counts in the statement\'s API calls, one Gong refuses too', async () => {
    let stats: StatementResult['stats'] | undefined;
    const sent = await callsDuring(async () => { [{ stats }] = await run(`INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES
      ('pbx-count-1', ${EXAMPLE_IDS.user}, 'Outbound', '2026-01-02 03:04:05', '[{"UserId": ${EXAMPLE_IDS.user}}]'),
      ('pbx-count-2', ${EXAMPLE_IDS.user}, 'Outbound', '2026-01-02 04:04:05', '[{"UserId": ${EXAMPLE_IDS.user}}]')`) as [StatementResult]; });
    assert.equal(sent.length, 2);
    assert.equal(stats!.apiCalls, 2, 'two inserts, two API calls');
    const events: EngineEvent[] = [];
    const refused = await callsDuring(() => assert.rejects(run(`CALL DeleteMeeting('1234567', 'nobody@example.com')`, { onEvent: (e) => events.push(e) })));
    assert.equal(refused.length, 1, 'Gong saw the request');
    const failed = events.find((e) => e.type === 'statementError') as Extract<EngineEvent, { type: 'statementError' }>;
    assert.equal(failed.stats?.apiCalls, 1, 'a refused write is an API call too');
  });

  it('EXPLAIN shows the request, the native and residual filters and the estimate', async () => {
    const [explained] = await run(`EXPLAIN SELECT * FROM Calls c WHERE c.WorkspaceId = '${sandbox.world.workspaces[0]!.id}' AND c.Title LIKE '%Demo%' AND c.Id IN ('1', '2')`);
    const row = Object.fromEntries(explained!.columns.map((c, i) => [c.name, explained!.rows[0]![i]]));
    assert.equal(row.Request, 'POST /v2/calls/extensive (100 per page)');
    assert.match(String(row.NativeFilters), /^WorkspaceId = '\d+' AND Id IN \('1', '2'\) → filter\.workspaceId=\d+, filter\.callIds=\[2 ids\]$/);
    assert.equal(row.ResidualFilters, "c.Title LIKE '%Demo%'");
    assert.match(String(row.EstimatedCalls), /^1 /);
    assert.equal(explained!.layout, 'record', 'the grid shows its sentences as a record view');
    const [joined] = await run(`EXPLAIN SELECT * FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '2026-01-01' AND p.Affiliation = 'External'`);
    const parties = Object.fromEntries(joined!.columns.map((c, i) => [c.name, joined!.rows[1]![i]]));
    assert.deepEqual([parties.Object, parties.Request, parties.NativeFilters],
      ['CallParties', 'POST /v2/calls/extensive (100 per page)', 'CallId IN (the c.Id values read)']);
    // Counted from Calls' first page, before any request for the parties.
    const calls = Object.fromEntries(joined!.columns.map((c, i) => [c.name, joined!.rows[0]![i]]));
    const [, pages, records] = /^(\d+) \(about \d+ requests?: Gong's count is ([\d,]+) records, 100 per page\)$/.exec(String(calls.EstimatedCalls)) ?? [];
    assert.ok(pages, `Calls' estimate from Gong's count: ${calls.EstimatedCalls}`);
    assert.equal(parties.EstimatedCalls, `${pages} (after c.Id is read: 1 request per 100 of its values × at most ${records} values (Gong's count of Calls))`);
    assert.match(joined!.messages.join('\n'), /Counting Calls took 1 API call: EXPLAIN reads its first page/);
  });

  it('asks before a costly read: by estimate before any request, by Gong\'s total after the first page', async () => {
    const ids = sandbox.store.visibleCalls.slice(0, 250).map((c) => `'${c.meta.id}'`).join(',');
    const none = await callsDuring(() => assert.rejects(run(`SELECT Id FROM Calls WHERE Id IN (${ids})`, { confirmThreshold: 2 }), /about 3 API calls, more than the 2 allowed/));
    assert.equal(none.length, 0, 'nothing was sent');
    const asked: unknown[] = [];
    await run(`SELECT Id FROM Calls WHERE Id IN (${ids})`, { confirmThreshold: 2, confirm: async (r) => { asked.push(r); return true; } });
    assert.deepEqual(asked, [{ kind: 'apiCalls', estimate: 3, threshold: 2 }]);
    const onePage = await callsDuring(() => assert.rejects(run('SELECT * FROM Calls ORDER BY Id', { confirmThreshold: 3 }), (e: unknown) => e instanceof EngineError && e.code === 'CONFIRMATION_REQUIRED'));
    assert.equal(onePage.length, 1, 'stopped after the page that told the total');
  });

  it('a yes to many API calls is not a yes to UPDATE without WHERE: each question is asked and answered on its own', async () => {
    const asked: string[] = [];
    const onlyCalls = (r: ConfirmRequest) => { asked.push(r.kind); return Promise.resolve(r.kind === 'apiCalls'); };
    const before = sandbox.world.profiles.map((p) => p.description);
    await assert.rejects(run("UPDATE PermissionProfiles SET Description = 'everyone'", { confirmThreshold: 1, confirm: onlyCalls, useCache: false }),
      (e: unknown) => e instanceof EngineError && e.code === 'CONFIRMATION_REQUIRED' && /UPDATE without WHERE/.test(e.message));
    assert.deepEqual(asked, ['apiCalls', 'unfilteredWrite']);
    assert.deepEqual(sandbox.world.profiles.map((p) => p.description), before, 'nothing was updated');
  });

  it('cancel aborts the scan in flight', async () => {
    sandbox.faults.add({ kind: 'slow', delayMs: 30_000, route: 'GET /v2/calls', skip: 1 });
    const controller = new AbortController();
    const running = run('SELECT * FROM Calls ORDER BY Id', { signal: controller.signal, useCache: false });
    await waitFor(() => sandbox.inFlight() === 1 && sandbox.log.entries().at(-1)?.path === '/v2/calls', 'the second page in flight');
    controller.abort();
    await assert.rejects(running, (e: unknown) => e instanceof GongError && e.code === 'ABORTED');
    sandbox.faults.clear();
  });

  it('stops before any request when any statement has an error, and says where', async () => {
    const sent = await callsDuring(() => assert.rejects(run('SELECT Id FROM Calls;\nSELECT Titel FROM Calls'), (e: unknown) => {
      assert.ok(e instanceof EngineError && e.code === 'BIND');
      assert.equal(e.span?.start, 29);
      assert.match(e.message, /Did you mean Title/);
      return true;
    }));
    assert.equal(sent.length, 0);
    await assert.rejects(run('SELECT * FROM'), (e: unknown) => e instanceof EngineError && e.code === 'SYNTAX' && e.span?.start === 13);
  });

  it('keeps integers beyond 2^53 exact through SQLite', async () => {
    const [r] = await run(`SELECT 9209112928780475146 AS big, '9209112928780475146' + 0 AS sum, Id FROM Calls WHERE Id = ${sandbox.store.visibleCalls[0]!.meta.id}`);
    assert.deepEqual(r!.rows[0]!.slice(0, 2), ['9209112928780475146', '9209112928780475146']);
    assert.equal(r!.rows[0]![2], sandbox.store.visibleCalls[0]!.meta.id);
    // Their digits are still SQLite's integers (Parquet writes them as int64), an id is text.
    assert.deepEqual(r!.columns.map((c) => c.type), ['integer', 'integer', 'text']);
  });

  it('binds :name and ? parameters, and names a missing one', async () => {
    const id = sandbox.store.visibleCalls[3]!.meta.id;
    const [r] = await run('SELECT Id FROM Calls WHERE Id = :id AND Duration >= ?', { params: { id, '?1': 0 } });
    assert.deepEqual(r!.rows, [[id]]);
    await assert.rejects(run('SELECT Id FROM Calls WHERE Id = :nope'), /Parameter :nope has no value/);
  });

  it('binds parameters around a streamed LIMIT and OFFSET: the same rows as a full read', async () => {
    const params = { tag: 'x', min: 60, n: 7, skip: 3 };
    const [streamed] = await run('SELECT Id, :tag AS Tag FROM Calls WHERE Duration >= :min LIMIT :n OFFSET :skip', { params, useCache: false });
    const [full] = await run('SELECT Id, :tag AS Tag FROM Calls WHERE Duration >= :min', { params, useCache: false });
    assert.equal(streamed!.rows.length, 7);
    assert.deepEqual(streamed!.rows, full!.rows.slice(3, 10));
    assert.ok(streamed!.rows.every((row) => row[1] === 'x'));
  });

  it('reports a failed procedure argument at the argument', async () => {
    await assert.rejects(run(`CALL UploadCallMedia(1, '${join(dir, 'missing.wav')}')`), (e: unknown) => {
      assert.ok(e instanceof EngineError);
      assert.match(e.message, /MediaFile file .*missing\.wav does not exist/);
      assert.equal(e.span?.start, 24);
      return true;
    });
  });

  it('a created call appears in SELECT only once its media is processed', async () => {
    const [draft] = await run(`CALL CreateDraftCall('pbx-vis-1', '${EXAMPLE_IDS.user}', 'Inbound', '2026-02-02T10:00:00Z', '[{"UserId": "${EXAMPLE_IDS.user}"}]')`);
    const id = draft!.rows[0]![0] as string;
    assert.equal((await run(`SELECT Id FROM Calls WHERE Id = '${id}'`))[0]!.rows.length, 0);
    const file = join(dir, 'vis.wav');
    await writeFile(file, wav(130, 33));
    await run('CALL UploadCallMedia(:id, :file)', { params: { id, file } });
    await waitFor(() => sandbox.store.call(id)?.state === 'processed', 'processing');
    assert.equal((await run(`SELECT Id FROM Calls WHERE Id = '${id}'`))[0]!.rows.length, 1);
  });
});
