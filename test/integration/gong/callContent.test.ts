import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { SandboxCall } from '../../../src/sandbox/data/model';
import { connect, select } from '../../helpers/connect';

/** The request bodies the sandbox received since `seq`, parsed. */
function bodiesSince(sandbox: Sandbox, seq: number): Record<string, any>[] {
  return sandbox.log.since(seq).filter((e) => e.body).map((e) => JSON.parse(e.body!));
}

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('per-call content from calls/extensive', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let calls: SandboxCall[];
  const sql = async (text: string) => (await execute(text, { client, connectionId: 'sb', useCache: false }))[0]!;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 3000, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
    calls = sandbox.store.visibleCalls.filter((c) => c.analytics);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('CallInteractionStats carries each call\'s stats and question counts, asking only for them', async () => {
    const picked = calls.slice(10, 13);
    const seq = sandbox.log.lastSeq;
    const { rows } = await select(client, 'CallInteractionStats', [{ column: 'CallId', op: 'IN', value: picked.map((c) => c.meta.id) }]);
    assert.deepEqual(bodiesSince(sandbox, seq).map((b) => b.contentSelector), [{ exposedFields: { interaction: { personInteractionStats: true, questions: true } } }]);
    assert.equal(rows.length, 3);
    for (const call of picked) {
      const row = rows.find((r) => r.CallId === call.meta.id)!;
      const a = call.analytics!;
      assert.deepEqual(
        [row.TalkRatio, row.LongestMonologue, row.LongestCustomerStory, row.Interactivity, row.Patience, row.CompanyQuestions, row.NonCompanyQuestions, row.PrimaryUserId],
        [a.talkRatio, a.longestMonologue, a.longestCustomerStory, a.interactivity, a.patience, a.companyQuestions, a.nonCompanyQuestions, call.meta.primaryUserId],
      );
    }
  });

  it('the stats vary per rep and over time, with outliers', async () => {
    const { rows } = await sql('SELECT PrimaryUserId AS rep, avg(TalkRatio) AS ratio, count(*) AS n FROM CallInteractionStats GROUP BY rep HAVING n >= 15');
    const ratios = rows.map((r) => r[1] as number);
    assert.ok(ratios.length >= 5 && spread(ratios) > 0.1, `reps' average talk ratios differ: ${ratios.join(', ')}`);
    const all = calls.map((c) => c.analytics!.talkRatio);
    assert.ok(all.some((r) => r >= 0.9), 'a few calls are talk-ratio outliers');
    assert.ok(new Set(calls.map((c) => c.analytics!.longestMonologue)).size > 100, 'monologues differ call by call');
    // Some rep's talk ratio moves between their older and newer calls.
    const byRep = new Map<string, SandboxCall[]>();
    for (const c of calls) byRep.set(c.meta.primaryUserId, [...(byRep.get(c.meta.primaryUserId) ?? []), c]);
    const drifts = [...byRep.values()].filter((cs) => cs.length >= 20).map((cs) => {
      const half = Math.floor(cs.length / 2);
      return Math.abs(mean(cs.slice(0, half).map((c) => c.analytics!.talkRatio)) - mean(cs.slice(half).map((c) => c.analytics!.talkRatio)));
    });
    assert.ok(Math.max(...drifts) > 0.03, `talk ratios drift over time: ${drifts.map((d) => d.toFixed(3)).join(', ')}`);
  });

  it('CallSpeakers gives each speaker\'s talk time, user id when internal, and affiliation', async () => {
    const call = calls.find((c) => c.parties.some((p) => p.speakerId && p.affiliation === 'External') && c.parties.some((p) => p.speakerId && p.affiliation === 'Internal'))!;
    const { rows } = await sql(`SELECT SpeakerId, UserId, Affiliation, Name, TalkTime FROM CallSpeakers WHERE CallId = '${call.meta.id}' ORDER BY SpeakerId`);
    const want = call.parties.filter((p) => p.speakerId !== null).sort((a, b) => (a.speakerId! < b.speakerId! ? -1 : 1))
      .map((p) => [p.speakerId, p.userId, p.affiliation, p.name, call.analytics!.talkTimes[p.speakerId!]]);
    assert.deepEqual(rows, want);
    const internal = rows.filter((r) => r[2] === 'Internal').reduce((s, r) => s + (r[4] as number), 0);
    const total = rows.reduce((s, r) => s + (r[4] as number), 0);
    assert.ok(Math.abs(internal / total - call.analytics!.talkRatio) < 0.02, 'internal talk time follows the call\'s talk ratio');
  });

  it('CallTranscripts rows carry the speaker\'s user id and affiliation', async () => {
    const call = calls[5]!;
    const { rows } = await sql(`SELECT SpeakerId, UserId, Affiliation FROM CallTranscripts WHERE CallId = '${call.meta.id}'`);
    assert.ok(rows.length > 0);
    const bySpeaker = new Map(call.parties.filter((p) => p.speakerId).map((p) => [p.speakerId, p]));
    for (const [speakerId, userId, affiliation] of rows) {
      const party = bySpeaker.get(speakerId as string);
      assert.deepEqual([userId, affiliation], [party?.userId ?? null, party?.affiliation ?? null]);
    }
    assert.ok(rows.some((r) => r[2] === 'Internal' && r[1] !== null));
  });

  it('PrimaryUserId IN on Calls is sent as filter.primaryUserIds, in one request, with the same rows as a local filter', async () => {
    const hosts = [...new Set(calls.map((c) => c.meta.primaryUserId))].slice(0, 2);
    const text = `SELECT Id FROM Calls WHERE PrimaryUserId IN ('${hosts[0]}', '${hosts[1]}') ORDER BY Id`;
    const seq = sandbox.log.lastSeq;
    const pushed = await sql(text);
    const bodies = bodiesSince(sandbox, seq);
    assert.deepEqual(bodies.map((b) => b.filter.primaryUserIds), [hosts]);
    const want = sandbox.store.visibleCalls.filter((c) => hosts.includes(c.meta.primaryUserId)).map((c) => [c.meta.id]).sort();
    assert.deepEqual([...pushed.rows].sort(), want);
    assert.equal(pushed.stats.apiCalls, Math.ceil(want.length / 100));
  });

  it('PrimaryUserId = on a content table narrows the content read to that host', async () => {
    const host = calls[0]!.meta.primaryUserId;
    const seq = sandbox.log.lastSeq;
    const { rows } = await sql(`SELECT CallId, TalkRatio FROM CallInteractionStats WHERE PrimaryUserId = '${host}'`);
    assert.deepEqual(bodiesSince(sandbox, seq).map((b) => b.filter.primaryUserIds), Array(Math.max(1, Math.ceil(rows.length / 100))).fill([host]));
    assert.equal(rows.length, calls.filter((c) => c.meta.primaryUserId === host).length);
  });

  it('the AI summary blocks, outcome and structure: each its own table, read with only its selector', async () => {
    const call = calls.find((c) => c.brief && c.keyPoints.length && c.nextSteps?.length && c.analytics!.outcome && c.topics.length >= 2)!;
    const where = `WHERE CallId = '${call.meta.id}'`;
    const seq = sandbox.log.lastSeq;
    const brief = await sql(`SELECT Brief FROM CallBriefs ${where}`);
    const points = await sql(`SELECT Position, Text FROM CallKeyPoints ${where} ORDER BY Position`);
    const outcome = await sql(`SELECT OutcomeId, Name, Category FROM CallOutcomes ${where}`);
    const structure = await sql(`SELECT Position, Name, Duration FROM CallStructure ${where} ORDER BY Position`);
    const outline = await sql(`SELECT SectionIndex, Section, SectionStartTime, ItemIndex, ItemText FROM CallOutlines ${where} ORDER BY SectionIndex, ItemIndex`);
    const highlights = await sql(`SELECT Title, ItemText, StartTimes FROM CallHighlights ${where} ORDER BY HighlightIndex, ItemIndex`);
    assert.deepEqual(bodiesSince(sandbox, seq).map((b) => b.contentSelector.exposedFields.content), [
      { brief: true }, { keyPoints: true }, { callOutcome: true }, { structure: true }, { outline: true }, { highlights: true },
    ]);
    assert.deepEqual(brief.rows, [[call.brief]]);
    assert.deepEqual(points.rows, call.keyPoints.map((k, i) => [i, k.text]));
    const o = call.analytics!.outcome!;
    assert.deepEqual(outcome.rows, [[o.id, o.name, o.category]]);
    assert.deepEqual(structure.rows, call.structure.map((s, i) => [i, s.name, s.duration]));
    assert.deepEqual([...new Set(outline.rows.map((r) => r[1]))], call.structure.map((s) => s.name));
    assert.equal(outline.rows[0]![2], 0, 'the first section starts the call');
    assert.ok(outline.rows.some((r) => typeof r[4] === 'string'), 'sections carry items');
    assert.deepEqual(highlights.rows.map((r) => [r[0], r[1]]), [...(call.nextSteps ?? []).map((step) => ['Next steps', step]), ['Outcome', o.name]]);
    assert.ok(Array.isArray(JSON.parse(highlights.rows[0]![2] as string)));
  });

  it('outcomes vary across calls, and some meetings have none', async () => {
    const { rows } = await sql(`SELECT o.Name, count(*) AS n FROM CallOutcomes o JOIN Calls c ON c.Id = o.CallId WHERE c.Scheduled >= '2026-06-01' GROUP BY 1 ORDER BY n DESC`);
    assert.ok(rows.length >= 8, `calls per outcome: ${JSON.stringify(rows)}`);
    const conferences = calls.filter((c) => c.meta.direction === 'Conference');
    assert.ok(conferences.some((c) => c.analytics!.outcome === null), 'some meetings have no outcome');
  });

  it('CallCrmContext gives each CRM field now and at the time of the call (the analytics query is in test/integration/engine/analytics.test.ts)', async () => {
    const seq = sandbox.log.lastSeq;
    const { rows } = await sql(`SELECT a.CallId, a.FieldValue AS atCall, n.FieldValue AS now
      FROM CallCrmContext a JOIN CallCrmContext n ON n.CallId = a.CallId AND n.ObjectId = a.ObjectId AND n.FieldName = a.FieldName AND n.Timing = 'Now'
      WHERE a.ObjectType = 'Opportunity' AND a.FieldName = 'StageName' AND a.Timing = 'TimeOfCall' AND a.CallScheduled >= '2026-10-01'`);
    // The log keeps 2,000 characters of a body: the first request (the date window) is whole.
    assert.deepEqual(JSON.parse(sandbox.log.since(seq)[0]!.body!).contentSelector, { context: 'Extended', contextTiming: ['Now', 'TimeOfCall'], exposedFields: {} });
    const want = calls.filter((c) => c.context.length > 0 && c.meta.scheduled! >= '2026-10-01').map((c) => [c.meta.id, c.analytics!.stageAtCall, c.analytics!.stageNow]);
    assert.deepEqual([...rows].sort(), want.sort());
    assert.ok(rows.some((r) => r[1] !== r[2]) && rows.some((r) => r[2] === 'Closed Won'), 'stages moved since the calls');
    const amount = await sql(`SELECT FieldValue FROM CallCrmContext WHERE CallId = '${want[0]![0]}' AND FieldName = 'Amount' AND Timing = 'Now'`);
    assert.match(String(amount.rows[0]![0]), /^\d+$/, 'numbers arrive as their digits');
  });

  it('the sandbox refuses contextTiming without Extended context, naming the field', async () => {
    const answer = await fetch(`${sandbox.url}/v2/calls/extensive`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${sandbox.credentials.accessKey}:${sandbox.credentials.accessKeySecret}`).toString('base64')}` },
      body: JSON.stringify({ filter: {}, contentSelector: { context: 'Basic', contextTiming: ['TimeOfCall'] } }),
    });
    assert.equal(answer.status, 400);
    assert.match(JSON.stringify(await answer.json()), /contentSelector\.contextTiming/);
  });

  it('CallMedia gives each call\'s audio and video URLs', async () => {
    const video = calls.find((c) => c.meta.media === 'Video')!;
    const audio = calls.find((c) => c.meta.media === 'Audio')!;
    const { rows } = await sql(`SELECT CallId, AudioUrl, VideoUrl FROM CallMedia WHERE CallId IN ('${video.meta.id}', '${audio.meta.id}')`);
    const byId = new Map(rows.map((r) => [r[0], r]));
    assert.match(String(byId.get(video.meta.id)![1]), /^https:\/\/.*\.mp3$/);
    assert.match(String(byId.get(video.meta.id)![2]), /^https:\/\/.*\.mp4$/);
    assert.equal(byId.get(audio.meta.id)![2], null);
  });

  it('CallMedia without the media-url scope is a 403 naming the scope', async () => {
    const restricted = await startSandbox({ rateLimit: false, scale: 20, bearerTokens: [{ token: 'no-media', scopes: ['api:calls:read:extensive'] }] });
    const limited = connect(restricted, { credentials: { kind: 'bearer', accessToken: 'no-media' } });
    try {
      await assert.rejects(select(limited, 'CallMedia'), (e: Error) => /It needs the scope api:calls:read:media-url,/.test(e.message));
      assert.ok((await select(limited, 'CallOutcomes')).rows.length > 0, 'the other content still reads');
    } finally {
      await limited.close();
      await restricted.close();
    }
  });
});
