import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execute, NotConfirmed, type ConfirmRequest, type StatementResult } from '../../../src/engine';
import { EXAMPLES, exampleText, TOPICS, type Example } from '../../../src/gallery/examples';
import type { GongClient } from '../../../src/gong';
import type { Destination } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { calendarStatus } from '../../../src/sandbox/routes/meetings';
import { connect } from '../../helpers/connect';
import { syncMirror } from '../../helpers/syncMirror';

/**
 * Every example of *Gong: Example Queries* runs on the sandbox as the editor runs it (its
 * whole text, comment included): reads on the sandbox over HTTP, the mirror example on a
 * SQLite mirror of it, writes and procedures on a throwaway sandbox of their own.
 */

const byId = (id: string) => EXAMPLES.find((e) => e.id === id)!;
const reads = EXAMPLES.filter((e) => e.effect === 'read' && !e.onMirror);
const changes = EXAMPLES.filter((e) => e.effect !== 'read');

/** Values for the `:name` parameters, as a user would answer them: ids and emails of the sandbox's own people. */
function parametersOf(sandbox: Sandbox): Record<string, string> {
  const { users, workspaces } = sandbox.world;
  const manager = users.find((u) => users.some((r) => r.managerId === u.id))!;
  return {
    workspaceId: workspaces[0]!.id,
    managerId: manager.id,
    callId: sandbox.store.visibleCalls[0]!.meta.id,
    userIds: JSON.stringify([users[1]!.id]),
    organizerEmail: users.find((u) => calendarStatus(users, u.emailAddress).valid)!.emailAddress,
    inviteeEmail: 'jane@acme.example',
    // A customer's address, as a privacy request is: erasing it deletes only the calls they took part in.
    emailAddress: sandbox.store.visibleCalls.flatMap((c) => c.parties).find((p) => p.affiliation === 'External' && p.emailAddress)!.emailAddress!,
  };
}

describe('the gallery of example queries', () => {
  it('holds at least 20 examples, each with a unique id, a topic and a comment, across the catalog', () => {
    assert.ok(EXAMPLES.length >= 20, `${EXAMPLES.length} examples`);
    assert.equal(new Set(EXAMPLES.map((e) => e.id)).size, EXAMPLES.length, 'unique ids');
    for (const topic of TOPICS) assert.ok(EXAMPLES.some((e) => e.topic === topic), `an example about ${topic}`);
    const text = EXAMPLES.map((e) => e.sql).join('\n');
    // Issue 16's analytics objects, and the objects analysts ask about most.
    for (const object of ['CallInteractionStats', 'CallSpeakers', 'CallCrmContext', 'CallOutcomes', 'CallStructure', 'CallBriefs', 'CallKeyPoints',
      'UserActivityByPeriod', 'UserActivityDayByDay', 'UserInteractionStats', 'Coaching', 'AnsweredScorecardAnswers', 'CallTrackers', 'CallTranscripts']) {
      assert.match(text, new RegExp(`\\b${object}\\b`), `an example reads ${object}`);
    }
    assert.ok(EXAMPLES.some((e) => e.onMirror && /CallTranscripts/.test(e.sql)), 'a transcript search on the mirror');
    assert.ok(EXAMPLES.some((e) => e.effect === 'irreversible'), 'an irreversible procedure, marked');
  });

  it('writes and procedures are marked at the top of their text; reads carry no mark', () => {
    for (const e of EXAMPLES) {
      const firstLines = exampleText(e).split('\n').slice(0, 2).join('\n');
      if (e.effect === 'write') assert.match(firstLines, /^-- Example: .+\n-- WRITES TO GONG: /, e.id);
      else if (e.effect === 'irreversible') assert.match(firstLines, /^-- Example: .+\n-- ERASES DATA IN GONG FOR GOOD: /, e.id);
      else assert.doesNotMatch(exampleText(e), /WRITES TO GONG|ERASES DATA/, e.id);
    }
  });

  describe('on the sandbox', () => {
    let sandbox: Sandbox;
    let client: GongClient;
    const run = async (e: Example) => (await execute(exampleText(e), {
      client, connectionId: 'sb', useCache: false, params: parametersOf(sandbox), confirm: async (r) => r.kind === 'apiCalls',
    })) as StatementResult[];

    before(async () => {
      sandbox = await startSandbox({ rateLimit: false });
      client = connect(sandbox);
    });
    after(async () => {
      await client.close();
      await sandbox.close();
    });

    for (const e of reads) {
      it(`${e.id}: reads rows, and only reads`, async () => {
        const results = await run(e);
        assert.deepEqual(results.map((r) => r.kind), results.map(() => 'select'));
        assert.ok(results.every((r) => r.rows.length > 0), `${e.id} answers with rows`);
        assert.ok(results.every((r) => r.columns.every((c) => !/[()]/.test(c.name))), `${e.id} names its computed columns: ${results.flatMap((r) => r.columns.map((c) => c.name)).join(', ')}`);
      });
    }

    it('calls per week by workspace: a row per Monday-week and workspace, counting the sandbox\'s calls', async () => {
      const [result] = await run(byId('calls-per-week-by-workspace'));
      const since = new Date(Date.now() - 84 * 86_400_000).toISOString().slice(0, 10);
      const names = new Map(sandbox.world.workspaces.map((w) => [w.id, w.name]));
      const want = new Map<string, number>();
      for (const c of sandbox.store.visibleCalls.filter((c) => c.meta.scheduled! >= since)) {
        const day = new Date(`${c.meta.scheduled!.slice(0, 10)}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
        const key = `${day.toISOString().slice(0, 10)} ${names.get(c.meta.workspaceId)}`;
        want.set(key, (want.get(key) ?? 0) + 1);
      }
      assert.deepEqual(new Map(result!.rows.map(([week, workspace, calls]) => [`${week} ${workspace}`, calls])), want);
      assert.ok(result!.rows.every(([week]) => new Date(`${week}T00:00:00Z`).getUTCDay() === 1), 'weeks start on Monday');
    });
  });

  describe('on a mirror and on a throwaway sandbox', () => {
    let sandbox: Sandbox;
    let client: GongClient;
    let dir: string;
    let mirror: Destination;
    let asked: ConfirmRequest[];
    const run = async (e: Example, answer: boolean) => (await execute(exampleText(e), {
      client, connectionId: 'scratch', useCache: false, params: parametersOf(sandbox), confirm: async (r) => (asked.push(r), answer),
    })) as StatementResult[];

    before(async () => {
      sandbox = await startSandbox({ rateLimit: false, scale: 300 });
      client = connect(sandbox);
      dir = await mkdtemp(join(tmpdir(), 'gongsql-gallery-'));
      mirror = await openDestination(join(dir, 'gong.sqlite'));
      await syncMirror(client, mirror, ['Calls', 'CallTranscripts']);
    });
    after(async () => {
      await mirror.close();
      await client.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('the transcript search written for a mirror runs there, over every synced call, at 0 API calls', async () => {
      const seq = sandbox.log.lastSeq;
      const [result] = (await execute(exampleText(byId('transcript-search-mirror')), { mirror, connectionId: 'mirror' })) as StatementResult[];
      assert.ok(result!.rows.length > 0, 'competitors are mentioned');
      assert.equal(result!.stats.apiCalls, 0);
      assert.equal(sandbox.log.since(seq).length, 0, 'the mirror sends no request');
    });

    for (const e of changes) {
      it(`${e.id}: writes to Gong, asking what its kind of write asks`, async () => {
        asked = [];
        const results = await run(e, true);
        assert.ok(results.some((r) => r.kind !== 'select'), `${e.id} writes`);
        assert.deepEqual(asked.map((r) => r.kind), e.effect === 'irreversible' ? ['irreversibleCall'] : []);
      });
    }

    it('the erase example, declined, erases nothing: the question comes before the request', async () => {
      asked = [];
      const seq = sandbox.log.lastSeq;
      await assert.rejects(run(byId('erase-email-address'), false), NotConfirmed);
      assert.deepEqual(asked.map((r) => r.kind), ['irreversibleCall']);
      assert.deepEqual(sandbox.log.since(seq).filter((l) => l.method === 'POST').map((l) => l.path), [], 'no erase sent');
    });

    it('the access example gives the user access to the call: CallUserAccess lists them after', async () => {
      const params = parametersOf(sandbox);
      const results = await run(byId('grant-call-access'), true);
      const granted = results.at(-1)!;
      assert.ok(granted.rows.some(([callId, userId]) => callId === params.callId && JSON.parse(params.userIds!).includes(userId)), JSON.stringify(granted.rows));
    });
  });
});
