import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { SyncProgress } from '../../../src/cli/syncProgress';
import { after, before, describe, it } from 'node:test';
import type { GongClient } from '../../../src/gong/http/client';
import { GongClient as Client } from '../../../src/gong/http/client';
import { findTable } from '../../../src/gong/catalog';
import { readAll } from '../../../src/gong/read/reader';
import type { Destination } from '../../../src/mirror/destination';
import { runSync, SyncNotConfirmed } from '../../../src/mirror/job';
import { openDestination } from '../../../src/mirror/open';
import { isoSeconds } from '../../../src/mirror/reads';
import { mirrorTables } from '../../../src/mirror/schema';
import type { SyncEstimate, SyncOptions } from '../../../src/mirror/sync';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { dump, fastClient, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';

const DAY_MS = 86_400_000;
const table = (name: string) => mirrorTables().find((t) => t.name === name) ?? assert.fail(name);

async function rows(destination: Destination, name: string): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for await (const batch of destination.select(table(name), [])) all.push(...batch);
  return all;
}

async function nativeRows(destination: Destination, sql: string): Promise<unknown[][]> {
  const all: unknown[][] = [];
  await destination.native?.query(sql, [], { columns: () => undefined, rows: (batch) => all.push(...batch) });
  return all;
}

describe('gongsql sync into a SQLite mirror (sandbox over HTTP)', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let target: MirrorTarget;
  const sync = (destination: Destination, options: Partial<SyncOptions> = {}) => runSync({ client, destination, confirm: async () => true, ...options });

  before(async () => {
    sandbox = await startSandbox({ scale: 300, rateLimit: false });
    client = fastClient(sandbox);
    target = await sqliteTarget();
  });
  after(async () => {
    await client.close();
    await sandbox.close();
    await target.cleanup();
  });

  it('first sync: every mirrored object, with the rows Gong has, values typed as the catalog maps them, state done', async () => {
    const destination = await openDestination(await target.fresh('first'));
    try {
      const summary = await sync(destination);
      assert.equal(summary.stopped, false);
      assert.deepEqual(summary.objects.filter((o) => o.status !== 'done'), []);
      const counts = await destination.rowCounts();
      for (const name of ['Calls', 'Users', 'Workspaces', 'ScoreCardQuestions', 'AuditLogs', 'CallOutcomeTypes', 'CallUserAccess']) {
        const live = await readAll(client, findTable(name) ?? assert.fail(name));
        assert.equal(counts.get(name), live.length, name);
      }
      // A request per user each run: only when named.
      const perUser = ['UserSettingsHistory', 'Flows', 'FlowFolders'];
      assert.deepEqual(perUser.filter((name) => (counts.get(name) ?? 0) > 0), []);
      await sync(destination, { objects: perUser });
      const named = await destination.rowCounts();
      for (const name of perUser) {
        const live = await readAll(client, findTable(name) ?? assert.fail(name));
        assert.equal(named.get(name), live.length, name);
      }
      const call = (await rows(destination, 'Calls'))[0] ?? assert.fail('no call');
      const columns = table('Calls').columns.map((c) => c.name);
      assert.equal(typeof call[columns.indexOf('Id')], 'string');
      assert.equal(typeof call[columns.indexOf('Duration')], 'number');
      assert.ok([0, 1].includes(call[columns.indexOf('IsPrivate')] as number));
      const states = await destination.readState();
      assert.deepEqual([...states.values()].filter((s) => s.status !== 'done').map((s) => s.object), []);
      assert.ok(states.get('Calls')?.watermark);
      assert.ok((counts.get('CallTranscripts') ?? 0) > 1000);
      const found = await destination.searchTranscripts('pricing', 100);
      assert.ok(found.length > 0 && found.every((m) => m.snippet.includes('«') && m.callId !== ''));
      assert.ok(found.some((m) => m.affiliation === 'Internal' || m.affiliation === 'External'), 'affiliation from CallParties');
    } finally {
      await destination.close();
    }
  });

  it('a second sync re-reads only the look-back window: one calls request from watermark - 7 days, content for those calls only', async () => {
    const destination = await openDestination(await target.fresh('lookback'));
    try {
      await sync(destination, { objects: ['Calls', 'CallTopics'] });
      const watermark = (await destination.readState()).get('Calls')?.watermark ?? assert.fail('no watermark');
      const from = isoSeconds(Date.parse(watermark) - 7 * DAY_MS);
      const inWindow = (await rows(destination, 'Calls')).filter((r) => (r[table('Calls').columns.findIndex((c) => c.name === 'Scheduled')] as string) >= from).length;
      const seen = sandbox.log.entries().length;
      const summary = await sync(destination, { objects: ['Calls', 'CallTopics'] });
      const requests = sandbox.log.entries().slice(seen);
      const callsRequests = requests.filter((r) => r.path === '/v2/calls');
      assert.equal(callsRequests.length, Math.max(1, Math.ceil(inWindow / 100)));
      assert.equal(callsRequests[0]?.query.fromDateTime, from);
      const topics = summary.objects.find((o) => o.object === 'CallTopics');
      assert.equal(topics?.apiCalls, Math.ceil(inWindow / 100));
      // One more: the workspaces that tell which Gong this is (source.ts).
      assert.equal(requests.length, 1 + callsRequests.length + Math.ceil(inWindow / 100));
      assert.equal(summary.apiCalls, requests.length, 'the summary counts every request');
    } finally {
      await destination.close();
    }
  });

  it('a full refresh marks what Gong no longer returns as deleted (kept, with _deleted_at), and clears it when Gong has it again', async () => {
    const destination = await openDestination(await target.fresh('refresh'));
    const removed = sandbox.world.scorecards.pop() ?? assert.fail('no scorecard');
    try {
      await sync(destination, { objects: ['ScoreCards'] });
      sandbox.world.scorecards.push(removed);
      await sync(destination, { objects: ['ScoreCards'] });
      const before = (await destination.rowCounts()).get('ScoreCards');
      sandbox.world.scorecards.pop();
      const summary = await sync(destination, { objects: ['ScoreCards'] });
      assert.equal(summary.objects[0]?.deleted, 1);
      assert.equal((await destination.rowCounts()).get('ScoreCards'), (before ?? 0) - 1);
      const runAt = (await destination.readState()).get('ScoreCards')?.lastRunStarted;
      const deleted = await nativeRows(destination, `SELECT ScorecardId, _deleted_at FROM ScoreCards WHERE _deleted_at IS NOT NULL`);
      assert.deepEqual(deleted, [[String(removed.scorecardId), runAt]]);
      sandbox.world.scorecards.push(removed);
      await sync(destination, { objects: ['ScoreCards'] });
      assert.equal((await destination.rowCounts()).get('ScoreCards'), before);
    } finally {
      if (!sandbox.world.scorecards.includes(removed)) sandbox.world.scorecards.push(removed);
      await destination.close();
    }
  });

  it('created-since moves forward: the next run asks Gong only for what was created since the last one', async () => {
    const destination = await openDestination(await target.fresh('created'));
    try {
      await sync(destination, { objects: ['Users'] });
      const first = (await destination.readState()).get('Users')?.watermark ?? assert.fail('no watermark');
      const seen = sandbox.log.entries().length;
      const summary = await sync(destination, { objects: ['Users'] });
      const [identify, request, ...more] = sandbox.log.entries().slice(seen);
      assert.equal(identify?.path, '/v2/workspaces', 'which Gong this is, first');
      assert.equal(summary.apiCalls, 2, 'a request answered "no users found" counts too');
      assert.equal(more.length, 0);
      assert.equal(request?.path, '/v2/users/extensive');
      assert.equal(JSON.parse(request?.body ?? '{}').filter.createdFromDateTime, isoSeconds(Date.parse(first)));
      const second = (await destination.readState()).get('Users')?.watermark ?? assert.fail('no watermark');
      assert.ok(second > first);
    } finally {
      await destination.close();
    }
  });

  it("--since does not cut Users (its policy keeps all history): the first run reads every user, the dated objects only since then", async () => {
    const destination = await openDestination(await target.fresh('since-users'));
    try {
      const since = new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
      await sync(destination, { objects: ['Users', 'AuditLogs'], since });
      const counts = await destination.rowCounts();
      assert.equal(counts.get('Users'), (await readAll(client, findTable('Users') ?? assert.fail('Users'))).length);
      const audit = (await readAll(client, findTable('AuditLogs') ?? assert.fail('AuditLogs'))).length;
      assert.ok((counts.get('AuditLogs') ?? 0) < audit, 'AuditLogs honours --since');
    } finally {
      await destination.close();
    }
  });

  it('counts only the rows of a fan-out object (not the parent rows read for it), in the summary and the state', async () => {
    const destination = await openDestination(await target.fresh('fanout-rows'));
    try {
      const objects = ['PublicLibraryFolders', 'LibraryFolderCalls', 'PermissionProfiles', 'PermissionProfileUsers'];
      const summary = await sync(destination, { objects });
      const counts = await destination.rowCounts();
      const states = await destination.readState();
      for (const name of objects) {
        assert.equal(summary.objects.find((o) => o.object === name)?.rows, counts.get(name), name);
        assert.equal(states.get(name)?.rows, counts.get(name), name);
      }
    } finally {
      await destination.close();
    }
  });

  it('the terminal progress line never goes backwards, and shows per-call objects sharing requests together', async () => {
    const destination = await openDestination(await target.fresh('progress'));
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const progress = new SyncProgress(stream, true);
    try {
      await sync(destination, { objects: ['CallParties', 'CallTopics', 'CallTrackers'], onEvent: (e) => progress.onEvent(e) });
      const shown = lines.map((l) => l.replace('\r\x1b[2K', '')).filter((l) => l !== '');
      const numbers = shown.map((l) => ['page', 'row', 'API call'].map((what) => Number(new RegExp(`(\\d+) ${what}`).exec(l)?.[1] ?? 0)));
      for (let i = 1; i < numbers.length; i++) {
        for (let k = 0; k < 3; k++) assert.ok((numbers[i]?.[k] ?? 0) >= (numbers[i - 1]?.[k] ?? 0), `went backwards:\n${shown[i - 1]}\n${shown[i]}`);
      }
      assert.ok(shown.some((l) => /CallParties, CallTopics, CallTrackers ·/.test(l)), shown.join('\n'));
    } finally {
      await destination.close();
    }
  });

  it("per-call content is replaced when its call is read again: rows Gong no longer has for the call go, none is doubled", async () => {
    const destination = await openDestination(await target.fresh('percall'));
    try {
      await sync(destination, { objects: ['CallTopics'] });
      const topics = table('CallTopics');
      const recent = (await nativeRows(destination, `SELECT CallId, CallScheduled, WorkspaceId FROM CallTopics ORDER BY CallScheduled DESC LIMIT 1`))[0] ?? assert.fail('no topic');
      const callId = recent[0] as string;
      const before = await nativeRows(destination, `SELECT Name, Duration FROM CallTopics WHERE CallId = '${callId}' ORDER BY Name`);
      const stale = topics.columns.map((c) => (c.name === 'CallId' ? callId : c.name === 'Name' ? 'A topic Gong no longer has' : c.name === 'Duration' ? 1 : null));
      const state = (await destination.readState()).get('CallTopics') ?? assert.fail('no state');
      await destination.commit({ table: topics, rows: [stale], runAt: '2000-01-01T00:00:00.000Z', states: [state] });
      await sync(destination, { objects: ['CallTopics'] });
      const after = await nativeRows(destination, `SELECT Name, Duration FROM CallTopics WHERE CallId = '${callId}' ORDER BY Name`);
      assert.deepEqual(after, before);
    } finally {
      await destination.close();
    }
  });

  it('per-call objects Gong answers in one request share it: one calls/extensive per 100 calls for parties, topics, trackers and comments, the rows of reading each alone', async () => {
    const content = ['CallParties', 'CallTopics', 'CallTrackers', 'CallComments'];
    const alone = await openDestination(await target.fresh('alone'));
    const shared = await openDestination(await target.fresh('shared'));
    try {
      for (const object of content) await sync(alone, { objects: [object] });
      const seen = sandbox.log.entries().length;
      const summary = await sync(shared, { objects: content });
      const calls = (await shared.rowCounts()).get('Calls') ?? 0;
      const extensive = sandbox.log.entries().slice(seen).filter((r) => r.path === '/v2/calls/extensive');
      assert.equal(extensive.length, Math.ceil(calls / 100));
      assert.deepEqual(summary.objects.map((o) => [o.object, o.apiCalls > 0]), [['Calls', true], ['CallParties', true], ['CallTopics', false], ['CallTrackers', false], ['CallComments', false]]);
      assert.deepEqual(await dump(shared, content), await dump(alone, content));
    } finally {
      await alone.close();
      await shared.close();
    }
  });

  it("asks before a run above the threshold, with Gong's count of the calls, and does not start when the answer is no", async () => {
    const destination = await openDestination(await target.fresh('confirm'));
    try {
      const seen = sandbox.log.entries().length;
      let asked: number | undefined;
      await assert.rejects(
        runSync({ client, destination, confirmAbove: 1, confirm: async (e) => { asked = e.requests; return false; } }),
        (error: Error) => error instanceof SyncNotConfirmed && /at least \d+ API calls/.test(error.message),
      );
      const made = sandbox.log.entries().slice(seen);
      // A first run learns how many calls there are from Gong's first page (the run itself is not started).
      const calls = (await readAll(client, findTable('Calls') ?? assert.fail('Calls'))).length;
      assert.ok(asked !== undefined && asked >= Math.ceil(calls / 100) * 7, `estimate ${asked} for ${calls} calls`);
      assert.ok(made.every((r) => r.query.cursor === undefined && !JSON.parse(r.body ?? '{}').cursor), 'only first pages');
      assert.ok(made.length <= 9, `${made.length} requests before the answer`);
    } finally {
      await destination.close();
    }
  });

  it('counts one request per user for objects read per user (Flows, FlowFolders, UserSettingsHistory), from Gong\'s count of Users, and asks before any of them', async () => {
    const destination = await openDestination(await target.fresh('per-user'));
    try {
      const seen = sandbox.log.entries().length;
      let asked: SyncEstimate | undefined;
      await assert.rejects(
        runSync({ client, destination, objects: ['Flows', 'FlowFolders', 'UserSettingsHistory'], confirmAbove: 500, confirm: async (e) => { asked = e; return false; } }),
        (error: Error) => error instanceof SyncNotConfirmed,
      );
      const made = sandbox.log.entries().slice(seen).map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(made.filter((r) => /users/.test(r)), ['POST /v2/users/extensive'], 'the first page of Users, for its count (once for the three objects)');
      assert.ok(!made.some((r) => /flows|folders|settings-history/.test(r)), `nothing per user before the answer: ${made.join(', ')}`);
      const users = (await readAll(client, findTable('Users') ?? assert.fail('Users'))).length;
      assert.ok(users > 100, 'Users takes more than one page');
      const perObject = Math.ceil(users / 100) + users;
      for (const o of asked!.objects) {
        assert.equal(o.requests, perObject, `${o.object}: ${o.note}`);
        assert.match(o.note, new RegExp(`^reads Users \\(\\d requests\\), then 1 request per user × ${users} users \\(Gong's count of Users\\)$`));
      }
      assert.equal(asked!.requests, 3 * perObject);
    } finally {
      await destination.close();
    }
  });

  it("stops at the daily quota (state 'stopped', saying so) and resumes the next day with the same rows as an uninterrupted sync", async () => {
    let now = Date.now();
    const limited = await startSandbox({ scale: 300, rateLimit: { perSecond: 1000, perDay: 12 }, now: () => now });
    const quotaClient = fastClient(limited);
    const objects = ['Calls', 'CallParties', 'CallTranscripts', 'Workspaces'];
    const reference = await openDestination(await target.fresh('quota-reference'));
    const destination = await openDestination(await target.fresh('quota'));
    try {
      await runSync({ client, destination: reference, objects, confirm: async () => true });
      const stopped = await runSync({ client: quotaClient, destination, objects, confirm: async () => true });
      assert.equal(stopped.stopped, true);
      const halted = stopped.objects.find((o) => o.status === 'stopped') ?? assert.fail('nothing stopped');
      assert.match(halted.error ?? '', /quota|429|rate/i);
      assert.equal((await destination.readState()).get(halted.object)?.status, 'stopped');
      now += DAY_MS;
      const resumed = await runSync({ client: quotaClient, destination, objects, confirm: async () => true });
      assert.equal(resumed.stopped, false);
      assert.deepEqual(await dump(destination, objects), await dump(reference, objects));
    } finally {
      await destination.close();
      await reference.close();
      await quotaClient.close();
      await limited.close();
    }
  });

  it("waits as long as Gong's Retry-After says, tells the caller, and goes on", async () => {
    const destination = await openDestination(await target.fresh('retry-after'));
    try {
      sandbox.faults.add({ kind: 'rateLimit', route: 'GET /v2/settings/scorecards', retryAfterSec: 1 });
      const waits: number[] = [];
      const started = Date.now();
      const summary = await sync(destination, { objects: ['ScoreCards'], onEvent: (e) => { if (e.type === 'waiting') waits.push(e.seconds); } });
      assert.equal(summary.stopped, false);
      assert.deepEqual(waits, [1]);
      assert.ok(Date.now() - started >= 1000, 'waited the second Gong asked for');
      assert.ok(((await destination.rowCounts()).get('ScoreCards') ?? 0) > 0);
    } finally {
      sandbox.faults.clear();
      await destination.close();
    }
  });

  it('resumes after network faults with no duplicate and no hole: a calls page at its cursor, per-call content after its last batch', async () => {
    const objects = ['Calls', 'CallParties', 'CallTranscripts'];
    const reference = await openDestination(await target.fresh('fault-reference'));
    const destination = await openDestination(await target.fresh('fault'));
    // No retries: the fault reaches the job at once.
    const noRetry = new Client({ baseUrl: sandbox.url, credentials: { kind: 'basic', ...sandbox.credentials }, rateLimit: { perSecond: 1000, burst: 1000 }, retry: { maxRetries: 0 } });
    const run = () => runSync({ client: noRetry, destination, objects, confirm: async () => true });
    try {
      await runSync({ client, destination: reference, objects, confirm: async () => true });
      // The estimate's first page, the run's first page, then the fault on the second.
      sandbox.faults.add({ kind: 'reset', route: 'GET /v2/calls', skip: 2 });
      const first = await run();
      assert.equal(first.stopped, true);
      assert.equal((await destination.readState()).get('Calls')?.status, 'stopped');
      sandbox.faults.add({ kind: 'reset', route: 'POST /v2/calls/transcript', skip: 1 });
      const seen = sandbox.log.entries().length;
      const second = await run();
      assert.equal(second.stopped, true);
      const resumedAt = sandbox.log.entries().slice(seen).find((r) => r.path === '/v2/calls');
      assert.ok(resumedAt?.query.cursor, 'the calls read goes on at the page where it stopped');
      const state = (await destination.readState()).get('CallTranscripts');
      assert.equal(state?.status, 'stopped');
      assert.ok(state?.checkpoint);
      const third = await run();
      assert.equal(third.stopped, false);
      assert.deepEqual(await dump(destination, objects), await dump(reference, objects));
    } finally {
      sandbox.faults.clear();
      await noRetry.close();
      await destination.close();
      await reference.close();
    }
  });
});
