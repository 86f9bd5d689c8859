import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { callProcedure, deleteRows, findProcedure, findTable, GongError, insertRows, updateRows, type GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { EXAMPLE_IDS } from '../../../src/sandbox/data/examples';
import { waitFor, wav } from '../../helpers/sandboxClient';
import { connect, select } from '../../helpers/connect';

const PARTIES = '[{"PhoneNumber": "+1 123-567-8989", "EmailAddress": "test@test.com", "Name": "Test User", "PartyId": "1", "UserId": 9209112928780475146}]';
const CONTEXT = '[{"System": "Salesforce", "Objects": [{"ObjectType": "Account", "ObjectId": "0013601230sV7grAAC", "Fields": [{"Name": "name", "Value": "Gong Inc."}]}]}]';

/** The documented statement's arguments as the engine hands them over (integer literals beyond 2^53 as bigint). */
const DOCUMENTED_DRAFT = [
  'testId', 9209112928780475146n, 'Conference', '2025-05-13 13:11:35', PARTIES, '2025-05-13 10:10:10', '2025-05-13 13:13:13',
  'TestTitle', 100, 2140112977297205387n, 'testCustomData', 'testPurpose', 'https://gong.app.gong.io/settings/api/documentation#post-/v2/calls',
  'disposition', CONTEXT, 'fr-FR',
];

describe('procedures', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 30, crmIntegration: true, media: { processingDelayMs: 20 } });
    client = connect(sandbox);
    dir = await mkdtemp(join(tmpdir(), 'gongsql-'));
  });
  after(async () => {
    await client.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('CreateDraftCall as documented reaches Gong with every id digit for digit and camelCase JSON', async () => {
    const before = sandbox.log.lastSeq;
    const result = await callProcedure(client, findProcedure('CreateDraftCall')!, DOCUMENTED_DRAFT);
    assert.match(String(result.CallId), /^\d{19}$/);
    assert.ok(result.RequestId);
    const [entry] = sandbox.log.since(before);
    assert.equal(entry?.path, '/v2/calls');
    const body = JSON.parse(entry!.body!);
    assert.equal(body.primaryUser, '9209112928780475146');
    assert.equal(body.workspaceId, '2140112977297205387');
    assert.deepEqual(body.parties, [{ phoneNumber: '+1 123-567-8989', emailAddress: 'test@test.com', name: 'Test User', partyId: '1', userId: '9209112928780475146' }]);
    assert.deepEqual(body.context, [{ system: 'Salesforce', objects: [{ objectType: 'Account', objectId: '0013601230sV7grAAC', fields: [{ name: 'name', value: 'Gong Inc.' }] }] }]);
    assert.equal(body.actualStart, '2025-05-13T13:11:35Z');
    assert.equal(body.scheduledStart, '2025-05-13T10:10:10Z');
    assert.equal(body.languageCode, 'fr-FR');
    assert.equal(body.duration, 100);
    const draft = sandbox.store.call(String(result.CallId))!;
    assert.equal(draft.meta.primaryUserId, '9209112928780475146');
    assert.equal(draft.state, 'awaitingMedia');
  });

  it('UploadCallMedia(8061307684674639385, :myfile) streams the file and the call becomes visible', async () => {
    const file = join(dir, 'call.wav');
    await writeFile(file, wav(150, 9));
    const before = sandbox.log.lastSeq;
    const result = await callProcedure(client, findProcedure('UploadCallMedia')!, [8061307684674639385n, file]);
    assert.deepEqual(result.CallId, EXAMPLE_IDS.draftCall);
    assert.equal(result.Url, `https://app.gong.io/call?id=${EXAMPLE_IDS.draftCall}`);
    const [entry] = sandbox.log.since(before);
    assert.equal(entry?.path, `/v2/calls/${EXAMPLE_IDS.draftCall}/media`);
    assert.equal(entry?.status, 201);
    await waitFor(() => sandbox.store.call(EXAMPLE_IDS.draftCall)?.state === 'processed', 'media processing');
    const { rows } = await select(client, 'Calls', [{ column: 'Id', op: '=', value: EXAMPLE_IDS.draftCall }]);
    assert.equal(rows.length, 1);
  });

  it('CreateCall drafts and uploads in one go; CreateCallWithUrl needs no upload', async () => {
    const file = join(dir, 'other.wav');
    await writeFile(file, wav(125, 11));
    const host = EXAMPLE_IDS.user;
    const parties = `[{"UserId": "${host}", "Name": "Host"}]`;
    const created = await callProcedure(client, findProcedure('CreateCall')!, ['pbx-cc-1', host, 'Outbound', '2026-01-05T10:00:00Z', parties, file, null, null, 'With media']);
    assert.ok(created.CallId && created.Url && created.RequestId);
    const byUrl = await callProcedure(client, findProcedure('CreateCallWithUrl')!, ['pbx-cc-2', host, 'Inbound', '2026-01-05T11:00:00Z', parties, 'https://pbx.example.com/r/2.mp3']);
    await waitFor(() => sandbox.store.call(String(byUrl.CallId))?.state === 'processed', 'the URL call to be processed');
  });

  it('a CALL that creates a call and gets no answer says its outcome is unknown and that running it again is safe', async () => {
    sandbox.faults.add({ kind: 'hangUp', route: 'POST /v2/calls' });
    const before = sandbox.log.lastSeq;
    const args = ["pbx-o'hare-1", ...DOCUMENTED_DRAFT.slice(1)];
    await assert.rejects(callProcedure(client, findProcedure('CreateDraftCall')!, args), (e: unknown) => {
      assert.ok(e instanceof GongError && e.outcomeUnknown);
      assert.match(e.message, /^Outcome unknown: POST \/v2\/calls was sent, then the connection broke \(.+\); Gong may have done it\. It was not retried, so it was not done twice\. To check, run the CALL again: Gong refuses a second call with ClientUniqueId 'pbx-o''hare-1', so it cannot be created twice/);
      return true;
    });
    assert.equal(sandbox.log.since(before).length, 1, 'sent once');
    assert.ok(sandbox.store.clientUniqueIds.has("pbx-o'hare-1"), 'Gong did create it');
    await assert.rejects(callProcedure(client, findProcedure('CreateDraftCall')!, args), (e: unknown) => e instanceof GongError && e.status === 409 && !e.outcomeUnknown);
  });

  it('rejects invalid arguments with the parameter\'s name, and sends nothing', async () => {
    const proc = findProcedure('CreateDraftCall')!;
    const cases: [unknown[], RegExp][] = [
      [['x', '1', 'Sideways', '2025-05-13T10:00:00Z', '[]'], /Direction must be one of Inbound, Outbound, Conference, Unknown/],
      [['x', '1', 'Inbound', '13/05/2025', '[]'], /ActualStart must be ISO-8601/],
      [['x', '1', 'Inbound', '2025-05-13T10:00:00Z', '{"Name": 1}'], /Parties must be a JSON array/],
      [['x', '1', 'Inbound', '2025-05-13T10:00:00Z', '[oops'], /Parties is not valid JSON/],
      [['x', '1', 'Inbound', '2025-05-13T10:00:00Z', '[]', null, null, null, null, null, null, 'p'.repeat(256)], /Purpose must be at most 255 characters/],
      [['x', '1', 'Inbound', '2025-05-13T10:00:00Z', '[]', null, null, null, null, null, null, null, null, null, null, 'xx-XX'], /LanguageCode must be one of Gong's language codes/],
      [['x', 1.5, 'Inbound', '2025-05-13T10:00:00Z', '[]'], /PrimaryUser must be a numeric Gong id/],
      [['x'], /PrimaryUser is required.*Direction is required/],
      [[...DOCUMENTED_DRAFT, 'one too many'], /at most 16 arguments/],
    ];
    const before = sandbox.log.lastSeq;
    for (const [args, message] of cases) {
      await assert.rejects(callProcedure(client, proc, args as never), (e: unknown) => {
        assert.ok(e instanceof GongError && e.code === 'VALIDATION', String(e));
        assert.match(e.message, message);
        assert.ok(e.parameter);
        return true;
      });
    }
    assert.equal(sandbox.log.lastSeq, before, 'no request was made');
  });

  it('checks MediaFile before reading it: missing, a folder, over 1.5 GB (a sparse file, never read)', async () => {
    const proc = findProcedure('UploadCallMedia')!;
    const big = join(dir, 'huge.wav');
    const handle = await open(big, 'w');
    await handle.truncate(Math.round(1.6 * 1024 ** 3));
    await handle.close();
    const before = sandbox.log.lastSeq;
    const rss = process.memoryUsage().rss;
    await assert.rejects(callProcedure(client, proc, ['123', join(dir, 'nope.wav')]), /MediaFile file .*nope\.wav does not exist/);
    await assert.rejects(callProcedure(client, proc, ['123', dir]), /MediaFile .* is not a file/);
    await assert.rejects(callProcedure(client, proc, ['123', big]), /MediaFile .* is 1\.60 GB; Gong takes at most 1\.5 GB/);
    assert.ok(process.memoryUsage().rss - rss < 100 * 1024 ** 2, 'the big file was not read');
    assert.equal(sandbox.log.lastSeq, before);
  });

  it('streams a large upload from disk without holding it in memory', async () => {
    const draft = await callProcedure(client, findProcedure('CreateDraftCall')!, ['pbx-big-1', EXAMPLE_IDS.user, 'Outbound', '2026-02-01T09:00:00Z', `[{"UserId": "${EXAMPLE_IDS.user}"}]`]);
    const file = join(dir, 'big.mp3');
    const handle = await open(file, 'w');
    await handle.truncate(300 * 1024 ** 2);
    await handle.write(Buffer.from('salt-unique-content'), 0);
    await handle.close();
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    try {
      const result = await callProcedure(client, findProcedure('UploadCallMedia')!, [draft.CallId, file]);
      assert.equal(result.CallId, draft.CallId);
    } finally {
      clearInterval(timer);
    }
    assert.ok(peak - rss < 150 * 1024 ** 2, `memory grew ${(peak - rss) / 1024 ** 2} MB for a 300 MB upload`);
    assert.match(sandbox.log.entries().at(-1)!.body!, /mediaFile 314572800 bytes/);
  });

  it('DeleteCRMIntegration sends the integration id exactly and makes up a clientRequestId', async () => {
    const id = sandbox.world.crmIntegrations[0]!.integrationId;
    const before = sandbox.log.lastSeq;
    const result = await callProcedure(client, findProcedure('DeleteCRMIntegration')!, [BigInt(id)]);
    const [entry] = sandbox.log.since(before);
    assert.equal(entry?.method, 'DELETE');
    assert.equal(entry?.query.integrationId, id);
    assert.match(String(result.ClientRequestId), /^gongsql-/);
    assert.equal(entry?.query.clientRequestId, result.ClientRequestId);
  });
});

describe('DML writers', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 20, crmIntegration: false, media: { processingDelayMs: 20 } });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('INSERT INTO Calls returns the new ids; the drafts stay invisible', async () => {
    const row = (n: number) => ({ ClientUniqueId: `pbx-dml-${n}`, PrimaryUserId: EXAMPLE_IDS.user, Direction: 'inbound', ActualStart: '2026-03-01 09:00:00', Parties: `[{"UserId": "${EXAMPLE_IDS.user}"}]`, Title: `Row ${n}` });
    const outcomes = await insertRows(client, findTable('Calls')!, [row(1), row(2)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['ok', 'ok']);
    const ids = outcomes.map((o) => (o.status === 'ok' ? o.key.Id : null));
    assert.ok(ids.every((id) => typeof id === 'string' && /^\d{19}$/.test(id)));
    const { rows } = await select(client, 'Calls', [{ column: 'Id', op: 'IN', value: ids as string[] }]);
    assert.equal(rows.length, 0, 'invisible until media is processed');
  });

  it('validates every row before the first request', async () => {
    const before = sandbox.log.lastSeq;
    const good = { ClientUniqueId: 'pbx-ok', PrimaryUserId: EXAMPLE_IDS.user, Direction: 'Inbound', ActualStart: '2026-03-01T09:00:00Z', Parties: '[]' };
    await assert.rejects(insertRows(client, findTable('Calls')!, [good, { ...good, Direction: 'Up' }]), /Calls row 2: Direction must be one of/);
    await assert.rejects(insertRows(client, findTable('Calls')!, [{ ...good, Url: 'x' }]), /Url is not a parameter of Calls row 1.*Url is read-only in Calls/);
    assert.equal(sandbox.log.lastSeq, before);
  });

  it('stops at the first failed row and says which rows were written', async () => {
    const table = findTable('CRMIntegrations')!;
    const outcomes = await insertRows(client, table, [
      { OwnerEmail: 'ops@gongsql-demo.com', Name: 'First' },
      { OwnerEmail: 'ops@gongsql-demo.com', Name: 'Second' },
      { OwnerEmail: 'ops@gongsql-demo.com', Name: 'Third' },
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['ok', 'failed', 'skipped']);
    const failed = outcomes[1]!;
    assert.ok(failed.status === 'failed' && failed.error.status === 409);
    const first = outcomes[0]!;
    assert.ok(first.status === 'ok');
    const deleted = await deleteRows(client, table, [first.key.IntegrationId as string]);
    assert.equal(deleted[0]?.status, 'ok');
  });

  for (const kind of ['hangUp', 'reset'] as const) {
    it(`a write Gong did but never answered (${kind} after it was applied) is "unknown", sent once, and says how to check`, async () => {
      const table = findTable('Calls')!;
      const row = (n: number) => ({ ClientUniqueId: `pbx-${kind}-${n}`, PrimaryUserId: EXAMPLE_IDS.user, Direction: 'Inbound', ActualStart: '2026-03-01 09:00:00', Parties: `[{"UserId": "${EXAMPLE_IDS.user}"}]` });
      sandbox.faults.add({ kind, route: 'POST /v2/calls', skip: 1 });
      const before = sandbox.log.lastSeq;
      const outcomes = await insertRows(client, table, [row(1), row(2), row(3)]);
      assert.deepEqual(outcomes.map((o) => o.status), ['ok', 'unknown', 'skipped']);
      assert.equal(sandbox.log.since(before).length, 2, 'the unknown row was not retried and the rows after it were not sent');
      assert.ok(sandbox.store.clientUniqueIds.has(`pbx-${kind}-2`), 'Gong did write it');
      const unknown = outcomes[1]!;
      assert.ok(unknown.status === 'unknown');
      assert.match(unknown.error.message, /^Outcome unknown: POST \/v2\/calls was sent, then .*; Gong may have done it\. It was not retried/);
      assert.equal(unknown.check, `To check, run the statement again: Gong refuses a second Calls row with ClientUniqueId 'pbx-${kind}-2', so it cannot be written twice; a row Gong already has shows as exists, and the rows it lacks are written.`);
      const again = await insertRows(client, table, [row(1), row(2), row(3)]);
      assert.deepEqual(again.map((o) => o.status), ['exists', 'exists', 'ok'], 'the rerun writes what is missing and nothing twice');
      const there = again[1]!;
      assert.ok(there.status === 'exists');
      assert.equal(there.said, `already in Gong (Gong refused a second Calls row with ClientUniqueId 'pbx-${kind}-2', 409), so it was not written again; Gong's answer does not say the existing row's id.`);
      assert.match(there.refusal.requestId ?? '', /^[a-z0-9]+$/);
      for (const n of [1, 2, 3]) assert.equal(sandbox.world.calls.filter((c) => c.meta.clientUniqueId === `pbx-${kind}-${n}`).length, 1);
    });
  }

  it('a 409 that is not about the ClientUniqueId (recording not enabled for the primary user) is a failure that stops the run', async () => {
    const table = findTable('Calls')!;
    const inactive = sandbox.world.users.find((u) => !u.active)!;
    const row = (n: number, user: string) => ({ ClientUniqueId: `pbx-inactive-${n}`, PrimaryUserId: user, Direction: 'Inbound', ActualStart: '2026-03-01 09:00:00', Parties: `[{"UserId": "${user}"}]` });
    const outcomes = await insertRows(client, table, [row(1, inactive.id), row(2, EXAMPLE_IDS.user)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['failed', 'skipped']);
    assert.ok(outcomes[0]?.status === 'failed' && outcomes[0].error.status === 409);
    assert.equal(sandbox.store.clientUniqueIds.has('pbx-inactive-1'), false, 'not written, so not reported as there');
  });

  it('a write Gong answered is never unknown: a 429 is waited out and sent again (Gong did not run it), a 500 fails once', async () => {
    const table = findTable('Calls')!;
    const row = { ClientUniqueId: 'pbx-answered-1', PrimaryUserId: EXAMPLE_IDS.user, Direction: 'Inbound', ActualStart: '2026-03-01 09:00:00', Parties: `[{"UserId": "${EXAMPLE_IDS.user}"}]` };
    sandbox.faults.add({ kind: 'rateLimit', route: 'POST /v2/calls', retryAfterSec: 0 });
    let before = sandbox.log.lastSeq;
    assert.deepEqual((await insertRows(client, table, [row])).map((o) => o.status), ['ok']);
    assert.equal(sandbox.log.since(before).length, 2);
    sandbox.faults.add({ kind: 'serverError', route: 'POST /v2/calls' });
    before = sandbox.log.lastSeq;
    const [failed] = await insertRows(client, table, [{ ...row, ClientUniqueId: 'pbx-answered-2' }]);
    assert.ok(failed?.status === 'failed' && failed.error.status === 500);
    assert.match(failed.error.message, /^Gong failed \(500\) on POST \/v2\/calls: .*; a write is not sent again automatically\./);
    assert.equal(sandbox.log.since(before).length, 1, 'a write is not retried after a 5xx');
  });

  it('an UPDATE whose answer is lost is "unknown" with the SELECT that shows the row', async () => {
    const table = findTable('PermissionProfiles')!;
    const profile = sandbox.world.profiles[0]!;
    sandbox.faults.add({ kind: 'hangUp', route: 'PUT /v2/permission-profile' });
    const [outcome] = await updateRows(client, table, [profile.id], { Description: 'changed unseen' });
    assert.ok(outcome?.status === 'unknown');
    assert.equal(outcome.check, `To check: SELECT * FROM PermissionProfiles WHERE Id = '${profile.id}'; running the UPDATE again sets the same values.`);
    assert.equal(profile.description, 'changed unseen');
  });

  it('INSERT and UPDATE PermissionProfiles', async () => {
    const table = findTable('PermissionProfiles')!;
    const workspaceId = sandbox.world.workspaces[1]!.id;
    const [inserted] = await insertRows(client, table, [{ WorkspaceId: workspaceId, Name: 'Auditors', CallsAccess: '{"PermissionLevel": "all"}', Capabilities: '{"scoreCalls": true}' }]);
    assert.ok(inserted?.status === 'ok');
    const id = inserted.key.Id as string;
    const [updated] = await updateRows(client, table, [id], { Description: 'Read-only "auditors"' });
    assert.equal(updated?.status, 'ok');
    const { rows } = await select(client, 'PermissionProfiles', [{ column: 'WorkspaceId', op: '=', value: workspaceId }]);
    const row = rows.find((r) => r.Id === id)!;
    assert.equal(row.Description, 'Read-only "auditors"');
    assert.equal(JSON.parse(row.CallsAccess as string).permissionLevel, 'all');
    assert.equal(JSON.parse(row.Capabilities as string).scoreCalls, true);
  });

  it('DML a table does not support names what it does support', async () => {
    await assert.rejects(insertRows(client, findTable('Users')!, [{}]), /Users does not support INSERT; it supports SELECT\./);
    await assert.rejects(deleteRows(client, findTable('Calls')!, ['1']), /Calls does not support DELETE; it supports SELECT, INSERT\./);
    await assert.rejects(updateRows(client, findTable('CRMIntegrations')!, ['1'], {}), /supports SELECT, INSERT, DELETE\./);
  });
});
