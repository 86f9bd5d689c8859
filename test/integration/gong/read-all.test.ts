import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tables, type GongClient, type Predicate } from '../../../src/gong';
import { isConversation } from '../../../src/sandbox/data/analytics';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import type { SandboxCall } from '../../../src/sandbox/data/model';
import { transcriptOf } from '../../../src/sandbox/data/transcripts';
import { STATS_DEFAULT_DAYS, STATS_PERIODS } from '../../../src/gong/catalog/stats';
import { usersWithAccess } from '../../../src/sandbox/routes/callAccess';
import type { RequestContext } from '../../../src/sandbox/http/router';
import { callData, parseContentSelector } from '../../../src/sandbox/routes/callData';
import { connect, select } from '../../helpers/connect';

/** A call's outline or highlights as the sandbox serves them. */
function sections(call: SandboxCall, block: 'outline' | 'highlights'): { items: unknown[] }[] {
  const selector = parseContentSelector({ exposedFields: { content: { [block]: true } } }, { principal: { scopes: 'all' } } as unknown as RequestContext);
  return (callData(call, selector).content as Record<string, { items: unknown[] }[]>)[block]!;
}

const DAY_MS = 86_400_000;

/** What each table must hold, computed from the sandbox's own world: [row count, a key of every row]. */
function expected(sandbox: Sandbox): Record<string, string[]> {
  const w = sandbox.world;
  const visible = w.calls.filter((c) => c.state === 'processed');
  return {
    Calls: visible.map((c) => c.meta.id),
    CallParties: visible.flatMap((c) => c.parties.map((p) => `${c.meta.id}/${p.id}`)),
    CallTopics: visible.flatMap((c) => c.topics.map((t) => `${c.meta.id}/${t.name}`)),
    CallTrackers: visible.flatMap((c) => c.trackers.map((t) => `${c.meta.id}/${t.id}`)),
    CallComments: visible.flatMap((c) => c.comments.map((x) => `${c.meta.id}/${x.id}`)),
    CallTranscripts: visible.flatMap((c) => transcriptOf(c).flatMap((m) => m.sentences.map((s) => `${c.meta.id}/${s.start}`))),
    CallInteractionStats: visible.map((c) => c.meta.id),
    CallSpeakers: visible.flatMap((c) => c.parties.filter((p) => p.speakerId !== null).map((p) => `${c.meta.id}/${p.speakerId}`)),
    CallBriefs: visible.filter((c) => c.brief !== null).map((c) => c.meta.id),
    CallKeyPoints: visible.flatMap((c) => c.keyPoints.map((_, i) => `${c.meta.id}/${i}`)),
    CallOutlines: visible.flatMap((c) => sections(c, 'outline').flatMap((s, i) => (s.items.length ? s.items : [null]).map((_, j) => `${c.meta.id}/${i}/${j}`))),
    CallHighlights: visible.flatMap((c) => sections(c, 'highlights').flatMap((s, i) => (s.items.length ? s.items : [null]).map((_, j) => `${c.meta.id}/${i}/${j}`))),
    CallOutcomes: visible.filter((c) => c.analytics?.outcome).map((c) => c.meta.id),
    CallStructure: visible.flatMap((c) => c.structure.map((_, i) => `${c.meta.id}/${i}`)),
    CallCrmContext: visible.flatMap((c) => c.context.flatMap((x) => x.objects.flatMap((o) => ['Now', 'TimeOfCall'].flatMap((timing) => {
      const fields = [...o.fields.map((f) => f.name), ...(o.objectType === 'Opportunity' && c.analytics ? ['StageName'] : [])];
      return (fields.length ? fields : ['null']).map((f) => `${c.meta.id}/${o.objectId}/${timing}/${f}`);
    })))),
    CallMedia: visible.map((c) => c.meta.id),
    Users: w.users.filter((u) => !w.avatarUserIds.has(u.id)).map((u) => u.id),
    Workspaces: w.workspaces.map((x) => x.id),
    ScoreCards: w.scorecards.map((s) => s.scorecardId),
    ScoreCardQuestions: w.scorecards.flatMap((s) => s.questions.map((q) => `${s.scorecardId}/${q.questionId}`)),
    AnsweredScorecards: w.answeredScorecards.map((a) => a.answeredScorecardId),
    TrackerDetails: w.trackers.map((t) => t.trackerId),
    PublicLibraryFolders: w.folders.map((f) => `${f.workspaceId}/${f.id}`),
    LibraryFolderCalls: w.folders.flatMap((f) => f.calls.map((c) => `${f.id}/${c.id}`)),
    CRMIntegrations: w.crmIntegrations.map((i) => i.integrationId),
    CallManualCRMAssociations: w.associations.map((a) => `${a.callId}/${a.created}`),
    PermissionProfiles: w.profiles.map((p) => `${p.workspaceId}/${p.id}`),
    PermissionProfileUsers: w.profiles.flatMap((p) => p.userIds.map((u) => `${p.id}/${u}`)),
    AuditLogs: w.logs.map((l) => `${l.logType}/${l.userId}/${l.eventTime}`),
    AnsweredScorecardAnswers: w.answeredScorecards.flatMap((a) => a.answers.map((x) => `${a.answeredScorecardId}/${x.questionId}`)),
    UserSettingsHistory: w.users.filter((u) => !w.avatarUserIds.has(u.id)).flatMap((u) => (w.settingsHistory.get(u.id) ?? []).map((c) => `${u.id}/${c.setting}/${c.time}`)),
    Flows: ownersSee(sandbox, w.flows).map(({ owner, item }) => `${owner}/${item.id}`),
    FlowFolders: ownersSee(sandbox, w.flowFolders).map(({ owner, item }) => `${owner}/${item.id}`),
    CallOutcomeTypes: w.callOutcomes.map((o) => o.callOutcome),
    CallUserAccess: visible.flatMap((c) => usersWithAccess(c.meta.id, w.users).map((u) => `${c.meta.id}/${u}`)),
    MeetingIntegrationStatus: w.users.filter((u) => !w.avatarUserIds.has(u.id)).map((u) => u.emailAddress),
    ...statsExpected(sandbox),
  };
}

/** The stats objects read without a window: the default one, the 30 days before the end of today. */
function statsExpected(sandbox: Sandbox): Record<string, string[]> {
  const to = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
  const from = to - STATS_DEFAULT_DAYS * DAY_MS;
  const events = sandbox.world.activity.filter((e) => e.ms >= from && e.ms < to);
  const active = [...new Set(events.map((e) => e.userId))];
  const periodStarts = (period: string) => {
    const starts = [from];
    for (let d = from + DAY_MS; d < to; d += DAY_MS) {
      const date = new Date(d);
      const first = { DAY: true, WEEK: date.getUTCDay() === 1, MONTH: date.getUTCDate() === 1, QUARTER: date.getUTCDate() === 1 && date.getUTCMonth() % 3 === 0, YEAR: date.getUTCDate() === 1 && date.getUTCMonth() === 0 }[period];
      if (first) starts.push(d);
    }
    return starts.map((ms) => new Date(ms).toISOString().slice(0, 10));
  };
  return {
    UserActivityStats: active,
    UserActivityDayByDay: [...new Set(events.map((e) => `${e.userId}/${new Date(e.ms).toISOString().slice(0, 10)}`))],
    UserActivityByPeriod: STATS_PERIODS.flatMap((period) => active.flatMap((u) => periodStarts(period).map((d) => `${u}/${period}/${d}`))),
    UserInteractionStats: [...new Set(sandbox.store.callsInWindow(from, to).filter(isConversation).map((c) => c.meta.primaryUserId))],
  };
}

/** Engage lists per owner email: each user's own items and every Company item. */
function ownersSee<T extends { ownerEmail: string; visibility: string }>(sandbox: Sandbox, items: readonly T[]) {
  const w = sandbox.world;
  return w.users.filter((u) => !w.avatarUserIds.has(u.id)).flatMap((u) =>
    items.filter((x) => x.ownerEmail === u.emailAddress || x.visibility === 'Company').map((item) => ({ owner: u.emailAddress, item })));
}

const keyOf: Record<string, (r: Record<string, unknown>) => string> = {
  Calls: (r) => `${r.Id}`,
  CallParties: (r) => `${r.CallId}/${r.Id}`,
  CallTopics: (r) => `${r.CallId}/${r.Name}`,
  CallTrackers: (r) => `${r.CallId}/${r.TrackerId}`,
  CallComments: (r) => `${r.CallId}/${r.Id}`,
  CallTranscripts: (r) => `${r.CallId}/${r.StartMs}`,
  CallInteractionStats: (r) => `${r.CallId}`,
  CallSpeakers: (r) => `${r.CallId}/${r.SpeakerId}`,
  CallBriefs: (r) => `${r.CallId}`,
  CallKeyPoints: (r) => `${r.CallId}/${r.Position}`,
  CallOutlines: (r) => `${r.CallId}/${r.SectionIndex}/${r.ItemIndex}`,
  CallHighlights: (r) => `${r.CallId}/${r.HighlightIndex}/${r.ItemIndex}`,
  CallOutcomes: (r) => `${r.CallId}`,
  CallStructure: (r) => `${r.CallId}/${r.Position}`,
  CallCrmContext: (r) => `${r.CallId}/${r.ObjectId}/${r.Timing}/${r.FieldName}`,
  CallMedia: (r) => `${r.CallId}`,
  Users: (r) => `${r.Id}`,
  Workspaces: (r) => `${r.Id}`,
  ScoreCards: (r) => `${r.ScorecardId}`,
  ScoreCardQuestions: (r) => `${r.ScorecardId}/${r.QuestionId}`,
  AnsweredScorecards: (r) => `${r.AnsweredScorecardId}`,
  TrackerDetails: (r) => `${r.TrackerId}`,
  PublicLibraryFolders: (r) => `${r.WorkspaceId}/${r.Id}`,
  LibraryFolderCalls: (r) => `${r.FolderId}/${r.Id}`,
  CRMIntegrations: (r) => `${r.IntegrationId}`,
  CallManualCRMAssociations: (r) => `${r.CallId}/${r.Created}`,
  PermissionProfiles: (r) => `${r.WorkspaceId}/${r.Id}`,
  PermissionProfileUsers: (r) => `${r.ProfileId}/${r.UserId}`,
  AuditLogs: (r) => `${r.LogType}/${r.UserId}/${r.EventTime}`,
  AnsweredScorecardAnswers: (r) => `${r.AnsweredScorecardId}/${r.QuestionId}`,
  UserActivityStats: (r) => `${r.UserId}`,
  UserActivityDayByDay: (r) => `${r.UserId}/${r.Date}`,
  UserActivityByPeriod: (r) => `${r.UserId}/${r.Period}/${r.PeriodStart}`,
  UserInteractionStats: (r) => `${r.UserId}`,
  UserSettingsHistory: (r) => `${r.UserId}/${r.Setting}/${r.Time}`,
  Flows: (r) => `${r.FlowOwnerEmail}/${r.Id}`,
  FlowFolders: (r) => `${r.FlowFolderOwnerEmail}/${r.Id}`,
  CallOutcomeTypes: (r) => `${r.CallOutcome}`,
  CallUserAccess: (r) => `${r.CallId}/${r.UserId}`,
  MeetingIntegrationStatus: (r) => `${r.Email}`,
};

/** Objects whose read must choose values of a column (every period: a view each of the same activity). */
const CHOSEN: Record<string, Predicate[]> = { UserActivityByPeriod: [{ column: 'Period', op: 'IN', value: STATS_PERIODS }] };

/** Objects Gong answers only for a required filter value (one person): restObjects.test.ts reads them. */
const LOOKUPS = ['DataPrivacyByEmail', 'DataPrivacyByPhone', 'CRMEntitySchema', 'CRMRequestStatus', 'ProspectFlows', 'Coaching', 'Tasks'];

describe('connector reads every object completely', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 250, crmIntegration: true });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('covers every table of the catalog', () => {
    assert.deepEqual([...Object.keys(keyOf), ...LOOKUPS].sort(), tables.map((t) => t.name).sort());
  });

  for (const table of tables.filter((t) => !LOOKUPS.includes(t.name))) {
    it(`${table.name} equals the sandbox's data`, async () => {
      const { rows } = await select(client, table.name, CHOSEN[table.name]);
      const got = rows.map(keyOf[table.name]!).sort();
      const want = expected(sandbox)[table.name]!.sort();
      assert.equal(got.length, want.length, `${table.name}: ${got.length} rows, expected ${want.length}`);
      assert.deepEqual(got, want);
      assert.ok(rows.length > 0, `${table.name} has rows in the sandbox`);
    });
  }

  it('maps values faithfully: ids as exact text, booleans as 0/1, nested values as JSON, insert-only columns empty', async () => {
    const { rows } = await select(client, 'Calls');
    const byId = new Map(rows.map((r) => [r.Id, r]));
    for (const call of sandbox.store.visibleCalls) {
      const row = byId.get(call.meta.id)!;
      assert.equal(row.Title, call.meta.title);
      assert.equal(row.PrimaryUserId, call.meta.primaryUserId);
      assert.equal(row.IsPrivate, call.meta.isPrivate ? 1 : 0);
      assert.equal(row.Duration, call.meta.duration);
      assert.equal(row.Parties, null);
      assert.equal(row.ActualStart, null);
    }
    assert.ok(rows.some((r) => r.Title === '<img src=x onerror=alert(1)>'));
    const cards = await select(client, 'ScoreCards');
    const card = sandbox.world.scorecards[0]!;
    const cardRow = cards.rows.find((r) => r.ScorecardId === card.scorecardId)!;
    assert.ok(cardRow, 'int64 scorecard ids arrive digit for digit');
    assert.deepEqual(JSON.parse(cardRow.Questions as string).map((q: { questionText: string }) => q.questionText), card.questions.map((q) => q.questionText));
    const crm = await select(client, 'CRMIntegrations');
    assert.equal(crm.rows[0]?.IntegrationId, sandbox.world.crmIntegrations[0]?.integrationId);
  });

  it('resolves transcript speaker names through the parties', async () => {
    const call = sandbox.store.visibleCalls.find((c) => transcriptOf(c).some((m) => m.speakerId !== null))!;
    const { rows } = await select(client, 'CallTranscripts', [{ column: 'CallId', op: '=', value: call.meta.id }]);
    const names = new Map(call.parties.map((p) => [p.speakerId, p.name]));
    assert.ok(rows.length > 0);
    for (const r of rows) assert.equal(r.SpeakerName, r.SpeakerId === null ? null : names.get(r.SpeakerId as string) ?? null);
    assert.ok(rows.every((r) => r.CallScheduled === call.meta.scheduled));
  });
});
