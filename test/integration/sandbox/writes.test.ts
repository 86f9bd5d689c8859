import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { call, uploadMedia, waitFor, wav } from '../../helpers/sandboxClient';

describe('sandbox call upload', () => {
  let sandbox: Sandbox;
  let host: { id: string; emailAddress: string };
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 50, media: { processingDelayMs: 50 } });
    const u = sandbox.world.users.find((x) => x.active)!;
    host = { id: u.id, emailAddress: u.emailAddress };
  });
  after(() => sandbox.close());

  const draft = (clientUniqueId: string, extra: Record<string, unknown> = {}) => ({
    clientUniqueId,
    actualStart: '2025-05-13T13:11:35Z',
    direction: 'Conference',
    primaryUser: host.id,
    parties: [{ userId: host.id, emailAddress: host.emailAddress, name: 'Host' }, { phoneNumber: '+1 123-567-8989', name: 'Customer' }],
    ...extra,
  });

  const visibleById = async (id: string) => (await call(sandbox, 'GET', `/v2/calls/${id}`)).status === 200;

  it('a created call stays invisible until its media is processed, then lists', async () => {
    const created = await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-visible-1', { title: 'Uploaded ✅', languageCode: 'fr-FR' }) });
    assert.equal(created.status, 200, created.text);
    const callId = created.json.callId as string;
    assert.match(callId, /^\d{19}$/);
    assert.equal((await call(sandbox, 'GET', `/v2/calls/${callId}`)).status, 404);
    const window = '/v2/calls?fromDateTime=2025-05-13T00:00:00Z&toDateTime=2025-05-14T00:00:00Z';
    const listedBefore = await call(sandbox, 'GET', window);
    assert.ok(listedBefore.status === 404 || !listedBefore.json.calls.some((c: { id: string }) => c.id === callId));

    const media = await uploadMedia(sandbox, callId, wav(150, 1));
    assert.equal(media.status, 201, media.text);
    assert.equal(media.json.callId, callId);
    assert.equal(media.json.url, `https://app.gong.io/call?id=${callId}`);

    await waitFor(() => visibleById(callId), 'the call to become visible');
    const listed = await call(sandbox, 'GET', window);
    const row = listed.json.calls.find((c: { id: string }) => c.id === callId);
    assert.equal(row.title, 'Uploaded ✅');
    assert.equal(row.language, 'fre');
    assert.equal(row.duration, 150);
  });

  it('too-short or empty media never becomes visible', async () => {
    for (const [name, content] of [['short', wav(30, 2)], ['empty', Buffer.alloc(0)]] as const) {
      const created = await call(sandbox, 'POST', '/v2/calls', { body: draft(`pbx-${name}`) });
      const callId = created.json.callId as string;
      assert.equal((await uploadMedia(sandbox, callId, content)).status, 201);
      await waitFor(() => sandbox.store.call(callId)?.state === 'failed', `processing of the ${name} media to fail`);
      assert.equal((await call(sandbox, 'GET', `/v2/calls/${callId}`)).status, 404);
    }
  });

  it('rejects identical media on a second call, a second upload, and a missing part', async () => {
    const content = wav(130, 3);
    const a = (await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-dup-a') })).json.callId;
    const b = (await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-dup-b') })).json.callId;
    assert.equal((await uploadMedia(sandbox, a, content)).status, 201);
    assert.equal((await uploadMedia(sandbox, a, wav(130, 4))).status, 400);
    assert.equal((await uploadMedia(sandbox, b, content)).status, 400);
    const missing = await uploadMedia(sandbox, b, wav(130, 5), 'otherField');
    assert.equal(missing.status, 400);
    assert.match(missing.json.errors[0], /mediaFile/);
  });

  it('enforces the media size limit while streaming', async () => {
    const limited = await startSandbox({ rateLimit: false, scale: 5, media: { maxBytes: 10_000 } });
    try {
      const u = limited.world.users.find((x) => x.active)!;
      const created = await call(limited, 'POST', '/v2/calls', { body: { ...draft('pbx-big'), primaryUser: u.id, parties: [{ userId: u.id }] } });
      const answer = await uploadMedia(limited, created.json.callId, Buffer.alloc(50_000, 7));
      assert.equal(answer.status, 400);
      assert.match(answer.json.errors[0], /limit/);
    } finally {
      await limited.close();
    }
  });

  it('a downloadMediaUrl call becomes visible without an upload', async () => {
    const created = await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-url', { downloadMediaUrl: 'https://pbx.example.com/rec/1.mp3' }) });
    await waitFor(() => visibleById(created.json.callId), 'the call to become visible');
  });

  it('validates the draft: each problem is a 400 naming the field; duplicates are 409', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ direction: 'Sideways' }, /direction/],
      [{ actualStart: '13/05/2025' }, /actualStart/],
      [{ parties: [] }, /parties/],
      [{ parties: [{ name: 'Nobody' }] }, /primaryUser/],
      [{ languageCode: 'xx-XX' }, /languageCode/],
      [{ purpose: 'p'.repeat(256) }, /purpose/],
      [{ parties: [{ userId: host.id, emailAddress: 'a@b.example' }] }, /emailAddress/],
      [{ primaryUser: 12.5 }, /primaryUser/],
    ];
    for (const [extra, message] of cases) {
      const answer = await call(sandbox, 'POST', '/v2/calls', { body: draft(`pbx-invalid-${Math.random()}`, extra) });
      assert.equal(answer.status, 400, `${JSON.stringify(extra)} → ${answer.text}`);
      assert.match(answer.json.errors[0], message);
    }
    assert.equal((await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-twice') })).status, 200);
    assert.equal((await call(sandbox, 'POST', '/v2/calls', { body: draft('pbx-twice') })).status, 409);
  });
});

describe('sandbox CRM integrations and permission profiles', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 20, crmIntegration: false, media: { processingDelayMs: 20 } }); });
  after(() => sandbox.close());

  it('registers one integration (int64 id on the wire), refuses a second, deletes asynchronously', async () => {
    assert.deepEqual((await call(sandbox, 'GET', '/v2/crm/integrations')).json.integrations, []);
    const put = await call(sandbox, 'PUT', '/v2/crm/integrations', { body: { ownerEmail: 'ops@gongsql-demo.com', name: 'Sync' } });
    assert.equal(put.status, 200);
    const digits = /"integrationId":(\d+)/.exec(put.text)?.[1];
    assert.ok(digits && digits.length >= 15, 'a bare JSON number');
    assert.equal((await call(sandbox, 'PUT', '/v2/crm/integrations', { body: { ownerEmail: 'x@y.com', name: 'Again' } })).status, 409);

    const del = await call(sandbox, 'DELETE', `/v2/crm/integrations?integrationId=${digits}&clientRequestId=req-1`);
    assert.equal(del.status, 201);
    assert.equal(del.json.clientRequestId, 'req-1');
    assert.equal((await call(sandbox, 'DELETE', `/v2/crm/integrations?integrationId=${digits}&clientRequestId=req-1`)).status, 409);
    const status = () => call(sandbox, 'GET', `/v2/crm/request-status?integrationId=${digits}&clientRequestId=req-1`);
    assert.ok(['PENDING', 'IN_PROGRESS'].includes((await status()).json.status));
    await waitFor(async () => (await status()).json.status === 'DONE', 'the delete to finish');
    assert.deepEqual((await call(sandbox, 'GET', '/v2/crm/integrations')).json.integrations, []);
  });

  it('creates and updates permission profiles, with 422 for a missing or duplicate name', async () => {
    const workspaceId = sandbox.world.workspaces[1]!.id;
    const created = await call(sandbox, 'POST', `/v2/permission-profile?workspaceId=${workspaceId}`, { body: { name: 'Analysts', callsAccess: { permissionLevel: 'all' }, scoreCalls: true } });
    assert.equal(created.status, 200, created.text);
    const profile = created.json.profile;
    assert.equal(profile.callsAccess.permissionLevel, 'all');
    assert.equal(profile.scoreCalls, true);
    assert.equal((await call(sandbox, 'POST', `/v2/permission-profile?workspaceId=${workspaceId}`, { body: { name: 'Analysts' } })).status, 422);
    assert.equal((await call(sandbox, 'POST', `/v2/permission-profile?workspaceId=${workspaceId}`, { body: {} })).status, 422);

    const updated = await call(sandbox, 'PUT', `/v2/permission-profile?profileId=${profile.id}`, { body: { description: 'Read "everything"' } });
    assert.equal(updated.json.profile.description, 'Read "everything"');
    assert.equal(updated.json.profile.name, 'Analysts', 'a full profile comes back');
    const all = await call(sandbox, 'GET', `/v2/all-permission-profiles?workspaceId=${workspaceId}`);
    const names = all.json.profiles.map((p: { name: string }) => p.name);
    assert.ok(names.includes('Analysts'));
    assert.deepEqual(names, [...names].sort((a: string, b: string) => a.localeCompare(b)), 'alphabetical');
  });
});
