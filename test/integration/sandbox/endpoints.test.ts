import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { call } from '../../helpers/sandboxClient';

describe('sandbox read endpoints', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 400, crmIntegration: true }); });
  after(() => sandbox.close());

  it('every documented key is present, with null for absent values', async () => {
    const answer = await call(sandbox, 'GET', '/v2/calls?fromDateTime=2000-01-01T00:00:00Z');
    const keys = ['id', 'url', 'title', 'scheduled', 'started', 'duration', 'primaryUserId', 'direction', 'system', 'scope', 'media',
      'language', 'workspaceId', 'sdrDisposition', 'clientUniqueId', 'customData', 'purpose', 'meetingUrl', 'isPrivate', 'calendarEventId'];
    for (const c of answer.json.calls) assert.deepEqual(Object.keys(c).sort(), [...keys].sort());
    assert.ok(answer.json.calls.some((c: Record<string, unknown>) => c.customData === null));
  });

  it('ids arrive as strings beyond 2^53, exact to the digit', async () => {
    const answer = await call(sandbox, 'GET', '/v2/calls?fromDateTime=2000-01-01T00:00:00Z');
    const idsInText = [...answer.text.matchAll(/"id":"(\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(idsInText, answer.json.calls.map((c: { id: string }) => c.id));
    assert.ok(idsInText.some((id) => BigInt(id!) > 2n ** 53n));
  });

  it('GET /v2/calls/{id} finds a call; an unknown id is 404', async () => {
    const target = sandbox.store.visibleCalls[0]!;
    const found = await call(sandbox, 'GET', `/v2/calls/${target.meta.id}`);
    assert.equal(found.json.call.id, target.meta.id);
    const missing = await call(sandbox, 'GET', '/v2/calls/1234567890123456789');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json.errors, ['Call ID was not found']);
  });

  it('calls/extensive returns only the blocks the contentSelector asks for', async () => {
    const id = sandbox.store.visibleCalls.find((c) => c.context.length > 0)!.meta.id;
    const bare = await call(sandbox, 'POST', '/v2/calls/extensive', { body: { filter: { callIds: [id] } } });
    assert.deepEqual(Object.keys(bare.json.calls[0]), ['metaData']);
    const rich = await call(sandbox, 'POST', '/v2/calls/extensive', {
      body: { filter: { callIds: [id] }, contentSelector: { context: 'Extended', exposedFields: { parties: true, content: { topics: true, trackers: true }, collaboration: { publicComments: true } } } },
    });
    const data = rich.json.calls[0];
    assert.deepEqual(Object.keys(data).sort(), ['collaboration', 'content', 'context', 'metaData', 'parties']);
    assert.ok(Array.isArray(data.content.topics) && data.content.brief === undefined);
    assert.ok(data.parties.some((p: { userId: string | null }) => p.userId === data.metaData.primaryUserId));
    assert.ok(data.context[0].objects[0].fields.length > 0, 'Extended context carries fields');
  });

  it('calls/extensive with callIds: [] is a 400', async () => {
    const answer = await call(sandbox, 'POST', '/v2/calls/extensive', { body: { filter: { callIds: [] } } });
    assert.equal(answer.status, 400);
    assert.match(answer.json.errors[0], /callIds/);
  });

  it('transcripts: sentences in ms within the call, speakers from the parties, some unattributed', async () => {
    const answer = await call(sandbox, 'POST', '/v2/calls/transcript', { body: { filter: { fromDateTime: '2000-01-01T00:00:00Z' } } });
    assert.equal(answer.status, 200);
    const byId = new Map(sandbox.world.calls.map((c) => [c.meta.id, c]));
    let nullSpeakers = 0;
    for (const t of answer.json.callTranscripts) {
      const c = byId.get(t.callId)!;
      const speakers = new Set(c.parties.map((p) => p.speakerId));
      for (const m of t.transcript) {
        if (m.speakerId === null) nullSpeakers++;
        else assert.ok(speakers.has(m.speakerId));
        for (const s of m.sentences) assert.ok(s.start < s.end && s.end <= c.meta.duration * 1000);
      }
    }
    assert.ok(nullSpeakers > 0);
  });

  it('scorecards and answered scorecards carry int64 numeric ids on the wire', async () => {
    const cards = await call(sandbox, 'GET', '/v2/settings/scorecards');
    assert.match(cards.text, /"scorecardId":\d{19}[,}]/);
    const exact = /"scorecardId":(\d+)/.exec(cards.text)![1];
    assert.ok(sandbox.world.scorecards.some((s) => s.scorecardId === exact));
    const answered = await call(sandbox, 'POST', '/v2/stats/activity/scorecards', { body: { filter: { reviewMethod: 'BOTH' } } });
    assert.equal(answered.status, 200);
    assert.match(answered.text, /"answeredScorecardId":\d+/);
    const none = await call(sandbox, 'POST', '/v2/stats/activity/scorecards', { body: { filter: { callFromDate: '1990-01-01', callToDate: '1990-01-02' } } });
    assert.equal(none.status, 404);
    assert.deepEqual(none.json.errors, ['Answered scorecards not found']);
  });

  it('trackers per workspace; an unknown workspace is 404', async () => {
    const ws = sandbox.world.workspaces[0]!.id;
    const answer = await call(sandbox, 'GET', `/v2/settings/trackers?workspaceId=${ws}`);
    assert.ok(answer.json.keywordTrackers.length > 0 && answer.json.keywordTrackers.every((t: { workspaceId: string }) => t.workspaceId === ws));
    assert.equal((await call(sandbox, 'GET', '/v2/settings/trackers?workspaceId=111111111111111')).status, 404);
  });

  it('library folders need a workspaceId; folder content lists call snippets', async () => {
    assert.equal((await call(sandbox, 'GET', '/v2/library/folders')).status, 400);
    const ws = sandbox.world.workspaces[0]!.id;
    const folders = await call(sandbox, 'GET', `/v2/library/folders?workspaceId=${ws}`);
    assert.ok(folders.json.folders.some((f: { parentFolderId: string | null }) => f.parentFolderId === null));
    const withCalls = sandbox.world.folders.find((f) => f.workspaceId === ws && f.calls.length > 0)!;
    const content = await call(sandbox, 'GET', `/v2/library/folder-content?folderId=${withCalls.id}`);
    assert.equal(content.json.id, withCalls.id);
    assert.equal(content.json.calls.length, withCalls.calls.length);
  });

  it('permission profiles and their users', async () => {
    const ws = sandbox.world.workspaces[0]!.id;
    const profiles = await call(sandbox, 'GET', `/v2/all-permission-profiles?workspaceId=${ws}`);
    const rep = profiles.json.profiles.find((p: { name: string }) => p.name === 'Rep');
    assert.equal(typeof rep.scoreCalls, 'boolean');
    const users = await call(sandbox, 'GET', `/v2/permission-profile/users?profileId=${rep.id}`);
    assert.ok(users.json.users.length > 0 && users.json.users[0].fullName);
    assert.equal((await call(sandbox, 'GET', '/v2/all-permission-profiles')).status, 400);
  });

  it('audit logs need a logType and fromDateTime; manual CRM associations come in time order', async () => {
    assert.equal((await call(sandbox, 'GET', '/v2/logs?fromDateTime=2000-01-01T00:00:00Z')).status, 400);
    const logs = await call(sandbox, 'GET', '/v2/logs?logType=AccessLog&fromDateTime=2000-01-01T00:00:00Z');
    assert.equal(logs.status, 200);
    assert.ok(logs.json.logEntries.length > 0 && 'eventTime' in logs.json.logEntries[0]);
    const assoc = await call(sandbox, 'GET', '/v2/calls/manual-crm-associations');
    const times = assoc.json.associations.map((a: { created: string }) => a.created);
    assert.deepEqual(times, [...times].sort());
  });

  it('the CRM integration id is a bare int64 number', async () => {
    const answer = await call(sandbox, 'GET', '/v2/crm/integrations');
    assert.match(answer.text, /"integrationId":\d{18}[,}]/);
  });

  it('the request log records every call, in process and at /__sandbox/log', async () => {
    const before = sandbox.log.lastSeq;
    await call(sandbox, 'POST', '/v2/calls/extensive', { body: { filter: { fromDateTime: '2026-01-01T00:00:00Z' } } });
    const [entry] = sandbox.log.since(before);
    assert.equal(entry?.method, 'POST');
    assert.equal(entry?.path, '/v2/calls/extensive');
    assert.match(entry?.body ?? '', /fromDateTime/);
    const served = await (await fetch(`${sandbox.url}/__sandbox/log?since=${before}`)).json() as { entries: { path: string }[] };
    assert.deepEqual(served.entries.map((e) => e.path), ['/v2/calls/extensive']);
  });

  it('/__sandbox/log?since= that is not a sequence number is a 400 naming the parameter, not an empty log', async () => {
    for (const since of ['abc', '-1', '1.5', '']) {
      const answer = await fetch(`${sandbox.url}/__sandbox/log?since=${since}`);
      assert.equal(answer.status, 400, `since=${since}`);
      const { errors } = await answer.json() as { errors: string[] };
      assert.match(errors[0] ?? '', new RegExp(`^since must be a sequence number .*got "${since}"`));
    }
  });
});

describe('sandbox bad requests', () => {
  let sandbox: Sandbox;
  before(async () => { sandbox = await startSandbox({ rateLimit: false, scale: 20 }); });
  after(() => sandbox.close());

  it('answers malformed or mistyped input with Gong-shaped 4xx and keeps serving', async () => {
    const cases: [string, string, Parameters<typeof call>[3], number][] = [
      ['POST', '/v2/calls/extensive', { rawBody: '{"filter": ', headers: { 'content-type': 'application/json' } }, 400],
      ['POST', '/v2/calls/extensive', { body: { filter: 'everything' } }, 400],
      ['POST', '/v2/calls/extensive', { body: { filter: { callIds: ['abc'] } } }, 400],
      ['POST', '/v2/calls/extensive', { body: { filter: { fromDateTime: 'yesterday' } } }, 400],
      ['POST', '/v2/calls/extensive', { body: [1, 2, 3] }, 400],
      ['GET', '/v2/calls', {}, 400],
      ['GET', '/v2/calls?fromDateTime=2020-01-01', {}, 400],
      ['GET', '/v2/users/999999999999999', {}, 404],
      ['GET', '/v2/nothing-here', {}, 404],
      ['DELETE', '/v2/workspaces', {}, 405],
      ['PUT', '/v2/calls/123/media', { body: { not: 'multipart' } }, 404],
      ['POST', '/v2/calls', { rawBody: 'not json', headers: { 'content-type': 'application/json' } }, 400],
    ];
    for (const [method, path, options, status] of cases) {
      const answer = await call(sandbox, method, path, options);
      assert.equal(answer.status, status, `${method} ${path} → ${answer.text}`);
      assert.equal(typeof answer.json?.requestId, 'string', `${method} ${path} has a requestId`);
      assert.ok(Array.isArray(answer.json.errors) && answer.json.errors.length > 0);
    }
    assert.equal((await call(sandbox, 'GET', '/v2/workspaces')).status, 200, 'still serving');
  });
});
