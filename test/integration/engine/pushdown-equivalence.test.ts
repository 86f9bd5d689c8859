import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, QueryCache, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

type Query = (s: Sandbox) => string;
const q = (s: Sandbox) => ({
  ws: (i: number) => s.world.workspaces[i]!.id,
  call: (i: number) => s.store.visibleCalls[i]!.meta.id,
  day: (i: number) => s.store.visibleCalls[i]!.meta.scheduled!.slice(0, 10),
  at: (i: number) => s.store.visibleCalls[i]!.meta.scheduled!,
  user: (i: number) => s.world.users[i]!.id,
  host: (i: number) => s.store.visibleCalls[i]!.meta.primaryUserId,
  card: (i: number) => s.world.answeredScorecards[i]!.scorecardId,
  reviewed: (i: number) => s.world.answeredScorecards[i]!.reviewedUserId,
  folder: () => s.world.folders.find((f) => f.calls.length > 0)!.id,
  profile: (i: number) => s.world.profiles[i]!.id,
  assoc: (i: number) => s.world.associations[i]!.created,
  flowOwner: () => s.world.flows.find((f) => f.folderId !== null && f.visibility !== 'Company')!.ownerEmail,
  flowFolder: () => s.world.flows.find((f) => f.folderId !== null && f.visibility !== 'Company')!.folderId!,
  folderOwner: () => s.world.flowFolders.find((f) => f.parentFolderId !== null)!.ownerEmail,
  parentFolder: () => s.world.flowFolders.find((f) => f.parentFolderId !== null)!.parentFolderId!,
});

/** At least 40 queries: every native-filter column with every operator, mixed with local predicates, OR, NOT, NULLs, joins and LIMIT. */
const CORPUS: Record<string, Query> = {
  'Calls WorkspaceId =': (s) => `SELECT * FROM Calls WHERE WorkspaceId = '${q(s).ws(1)}'`,
  'Calls WorkspaceId = as a number': (s) => `SELECT Id FROM Calls WHERE WorkspaceId = ${q(s).ws(1)}`,
  'Calls Scheduled >': (s) => `SELECT Id, Scheduled FROM Calls WHERE Scheduled > '${q(s).at(200)}'`,
  'Calls Scheduled >=': (s) => `SELECT Id, Scheduled FROM Calls WHERE Scheduled >= '${q(s).at(200)}'`,
  'Calls Scheduled <': (s) => `SELECT Id FROM Calls WHERE Scheduled < '${q(s).at(100)}'`,
  'Calls Scheduled <=': (s) => `SELECT Id FROM Calls WHERE Scheduled <= '${q(s).at(100)}'`,
  'Calls Scheduled with a date literal': (s) => `SELECT Id FROM Calls WHERE Scheduled >= '${q(s).day(150)}' AND Scheduled < '${q(s).day(250)}'`,
  'Calls Scheduled with a space-separated literal': (s) => `SELECT Id FROM Calls WHERE Scheduled >= '${q(s).at(150).replace('T', ' ').replace('Z', '')}'`,
  'Calls Scheduled BETWEEN': (s) => `SELECT Id FROM Calls WHERE Scheduled BETWEEN '${q(s).at(50)}' AND '${q(s).at(90)}'`,
  'Calls Scheduled reversed operands': (s) => `SELECT Id FROM Calls WHERE '${q(s).at(300)}' <= Scheduled`,
  'Calls Scheduled folded constant': () => `SELECT Id FROM Calls WHERE Scheduled >= date('now', '-60 days')`,
  'Calls Id =': (s) => `SELECT * FROM Calls WHERE Id = '${q(s).call(7)}'`,
  'Calls Id = as a bare 19-digit literal': (s) => `SELECT Id, Title FROM Calls WHERE Id = ${q(s).call(8)}`,
  'Calls Id IN': (s) => `SELECT Id FROM Calls WHERE Id IN ('${q(s).call(1)}', '${q(s).call(2)}', ${q(s).call(3)}, '999')`,
  'Calls Id = unknown id': () => `SELECT Id FROM Calls WHERE Id = '1234567890123456789'`,
  'Calls native and local predicates': (s) => `SELECT Id, Direction FROM Calls WHERE WorkspaceId = '${q(s).ws(0)}' AND Scheduled >= '${q(s).day(100)}' AND Duration > 600 AND Direction <> 'Inbound'`,
  'Calls OR across native columns': (s) => `SELECT Id FROM Calls WHERE WorkspaceId = '${q(s).ws(2)}' OR Scheduled < '${q(s).at(30)}'`,
  'Calls NOT of a native predicate': (s) => `SELECT Id FROM Calls WHERE NOT (WorkspaceId = '${q(s).ws(0)}')`,
  'Calls NOT IN': (s) => `SELECT Id FROM Calls WHERE Id NOT IN ('${q(s).call(1)}', '${q(s).call(2)}') AND Scheduled < '${q(s).at(20)}'`,
  'Calls contradictory window': (s) => `SELECT Id FROM Calls WHERE Scheduled > '${q(s).at(300)}' AND Scheduled < '${q(s).at(10)}'`,
  'Calls NULL comparisons': (s) => `SELECT Id FROM Calls WHERE Title IS NULL OR (SdrDisposition IS NOT NULL AND Scheduled >= '${q(s).at(300)}')`,
  'Calls = NULL matches nothing': () => `SELECT Id FROM Calls WHERE WorkspaceId = NULL`,
  'Calls LIMIT on a window': (s) => `SELECT Id FROM Calls WHERE Scheduled >= '${q(s).at(120)}' LIMIT 7`,
  'Calls LIMIT OFFSET with ORDER BY': (s) => `SELECT Id, Duration FROM Calls WHERE WorkspaceId = '${q(s).ws(0)}' ORDER BY Duration DESC, Id LIMIT 5 OFFSET 3`,
  'Calls join Users': (s) => `SELECT c.Id, u.EmailAddress FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId WHERE c.Scheduled >= '${q(s).at(200)}' AND u.Active = 1`,
  'Calls left join parties with an ON filter': (s) => `SELECT c.Id, p.Name FROM Calls c LEFT JOIN CallParties p ON p.CallId = c.Id AND p.CallId = '${q(s).call(5)}' WHERE c.Scheduled < '${q(s).at(12)}'`,
  'Calls left join with a WHERE on the outer side': (s) => `SELECT c.Id, count(p.Name) FROM Calls c LEFT JOIN CallTopics p ON p.CallId = c.Id WHERE c.Id IN ('${q(s).call(1)}', '${q(s).call(2)}') GROUP BY c.Id`,
  'Calls join their parties: the parties read by the calls\' ids': (s) => `SELECT c.Id, p.Name, p.Affiliation FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Scheduled >= '${q(s).at(30)}' AND p.Affiliation = 'External'`,
  'Calls left join topics keyed by the calls\' ids': (s) => `SELECT c.Id, t.Name FROM Calls c LEFT JOIN CallTopics t ON t.CallId = c.Id WHERE c.WorkspaceId = '${q(s).ws(2)}' AND c.Scheduled >= '${q(s).day(80)}'`,
  'Calls join parties keyed through WHERE, written the other way round': (s) => `SELECT p.Name FROM CallParties p, Calls c WHERE c.Id = p.CallId AND c.Id IN ('${q(s).call(7)}', '${q(s).call(8)}')`,
  'Calls join parties when no call matches': () => `SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id WHERE c.Id = '1000000000000000001'`,
  'Parties of a window of calls, by IN subquery': (s) => `SELECT CallId, Name FROM CallParties WHERE CallId IN (SELECT Id FROM Calls WHERE Scheduled >= '${q(s).at(40)}')`,
  'NOT IN subquery takes no keys': (s) => `SELECT count(*) FROM CallTopics WHERE CallId NOT IN (SELECT Id FROM Calls WHERE Scheduled >= '${q(s).at(40)}')`,
  'A correlated subquery never narrows the outer rows': (s) => `SELECT c.Id, (SELECT count(*) FROM CallParties p WHERE p.CallId = c.Id AND p.CallScheduled >= '${q(s).at(300)}') AS n FROM Calls c`,
  'Calls aggregate by workspace': (s) => `SELECT WorkspaceId, count(*), sum(Duration) FROM Calls WHERE Scheduled >= '${q(s).day(50)}' GROUP BY WorkspaceId`,
  'Calls subquery with a native filter': (s) => `SELECT Id FROM Users WHERE Id IN (SELECT PrimaryUserId FROM Calls WHERE WorkspaceId = '${q(s).ws(1)}')`,
  'CallParties CallId =': (s) => `SELECT * FROM CallParties WHERE CallId = '${q(s).call(11)}'`,
  'CallParties CallId IN with a local filter': (s) => `SELECT CallId, Name FROM CallParties WHERE CallId IN ('${q(s).call(11)}', '${q(s).call(12)}') AND Affiliation = 'External'`,
  'CallTopics CallScheduled range': (s) => `SELECT CallId, Name FROM CallTopics WHERE CallScheduled > '${q(s).at(100)}' AND CallScheduled <= '${q(s).at(140)}'`,
  'CallTrackers WorkspaceId =': (s) => `SELECT CallId, TrackerId, Count FROM CallTrackers WHERE WorkspaceId = '${q(s).ws(0)}'`,
  'CallComments CallScheduled >=': (s) => `SELECT Id, Comment FROM CallComments WHERE CallScheduled >= '${q(s).at(50)}'`,
  'CallTranscripts CallId = with speaker names': (s) => `SELECT CallId, SpeakerName, StartMs, Text FROM CallTranscripts WHERE CallId = '${q(s).call(3)}'`,
  'Calls PrimaryUserId =': (s) => `SELECT Id, Title FROM Calls WHERE PrimaryUserId = '${q(s).host(3)}'`,
  'Calls PrimaryUserId IN with a window and a local predicate': (s) => `SELECT Id FROM Calls WHERE PrimaryUserId IN ('${q(s).host(1)}', ${q(s).host(2)}, '999') AND Scheduled >= '${q(s).day(60)}' AND Duration > 300`,
  'Calls PrimaryUserId IN a subquery of users': (s) => `SELECT Id FROM Calls WHERE PrimaryUserId IN (SELECT Id FROM Users WHERE Id = '${q(s).host(4)}')`,
  'Calls PrimaryUserId IN and Id IN together': (s) => `SELECT Id FROM Calls WHERE PrimaryUserId IN ('${q(s).host(5)}') AND Id IN ('${q(s).call(5)}', '${q(s).call(6)}')`,
  'CallInteractionStats PrimaryUserId IN': (s) => `SELECT CallId, TalkRatio, CompanyQuestions FROM CallInteractionStats WHERE PrimaryUserId IN ('${q(s).host(1)}', '${q(s).host(9)}')`,
  'CallInteractionStats CallScheduled range with a local filter': (s) => `SELECT CallId, LongestMonologue FROM CallInteractionStats WHERE CallScheduled >= '${q(s).at(200)}' AND TalkRatio > 0.5`,
  'CallSpeakers CallId IN': (s) => `SELECT CallId, SpeakerId, Affiliation, TalkTime FROM CallSpeakers WHERE CallId IN ('${q(s).call(3)}', '${q(s).call(4)}')`,
  'CallSpeakers PrimaryUserId = joined with Calls': (s) => `SELECT c.Id, sp.UserId, sp.TalkTime FROM Calls c JOIN CallSpeakers sp ON sp.CallId = c.Id WHERE c.PrimaryUserId = '${q(s).host(7)}'`,
  'CallTranscripts affiliation of one call': (s) => `SELECT Affiliation, UserId, count(*) FROM CallTranscripts WHERE CallId = '${q(s).call(9)}' GROUP BY 1, 2`,
  'CallOutcomes PrimaryUserId IN grouped': (s) => `SELECT Name, count(*) FROM CallOutcomes WHERE PrimaryUserId IN ('${q(s).host(2)}', '${q(s).host(3)}') GROUP BY Name`,
  'CallOutlines CallId IN': (s) => `SELECT CallId, Section, ItemText FROM CallOutlines WHERE CallId IN ('${q(s).call(20)}', '${q(s).call(21)}')`,
  'CallCrmContext Timing and CallScheduled': (s) => `SELECT CallId, ObjectId, FieldName, FieldValue FROM CallCrmContext WHERE Timing = 'TimeOfCall' AND CallScheduled >= '${q(s).at(250)}'`,
  'Users Id =': (s) => `SELECT * FROM Users WHERE Id = '${q(s).user(4)}'`,
  'Users Id IN': (s) => `SELECT Id FROM Users WHERE Id IN ('${q(s).user(4)}', '${q(s).user(5)}')`,
  'Users Created >': () => `SELECT Id FROM Users WHERE Created > '2025-06-01'`,
  'Users Created <=': () => `SELECT Id FROM Users WHERE Created <= '2025-06-01T12:00:00Z' AND Title IS NOT NULL`,
  'AnsweredScorecards ScorecardId =': (s) => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE ScorecardId = '${q(s).card(0)}'`,
  'AnsweredScorecards ScorecardId IN': (s) => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE ScorecardId IN ('${q(s).card(0)}', '${q(s).card(1)}')`,
  'AnsweredScorecards ReviewedUserId =': (s) => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE ReviewedUserId = '${q(s).reviewed(0)}'`,
  'AnsweredScorecards CallStartTime range': () => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE CallStartTime >= '2026-03-01T10:00:00Z' AND CallStartTime < '2026-07-15'`,
  'AnsweredScorecards ReviewTime >': () => `SELECT AnsweredScorecardId, ReviewMethod FROM AnsweredScorecards WHERE ReviewTime > '2026-05-01'`,
  'AnsweredScorecards ReviewMethod =': () => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE ReviewMethod = 'AUTOMATIC'`,
  // Relative to today: without pushdown the stats read their default window, the last 30 days.
  'UserActivityDayByDay Date >= and UserId IN': (s) => `SELECT UserId, Date, CallsAsHost, CallsAttendedCallIds FROM UserActivityDayByDay WHERE Date >= date('now', '-20 days') AND UserId IN ('${q(s).user(20)}', '${q(s).user(21)}', '${q(s).user(22)}')`,
  'UserActivityDayByDay Date window with a local filter': () => `SELECT UserId, sum(CallsAsHost) FROM UserActivityDayByDay WHERE Date > date('now', '-25 days') AND Date <= date('now', '-5 days') AND CallsAsHost > 0 GROUP BY UserId`,
  'UserActivityDayByDay Date = one day': () => `SELECT UserId, Date, CallsAsHost FROM UserActivityDayByDay WHERE Date = date('now', '-10 days')`,
  'UserActivityDayByDay Date > and < (the day after, the day before)': () => `SELECT UserId, Date, CallsAsHost FROM UserActivityDayByDay WHERE Date > date('now', '-20 days') AND Date < date('now', '-6 days')`,
  'UserActivityDayByDay Date >= and <= date-times (bounded by their days)': () => `SELECT UserId, Date FROM UserActivityDayByDay WHERE Date >= date('now', '-15 days') || 'T10:00:00Z' AND Date <= date('now', '-4 days') || ' 09:30'`,
  'UserActivityDayByDay Date IN two days (left local)': () => `SELECT UserId, Date FROM UserActivityDayByDay WHERE Date IN (date('now', '-3 days'), date('now', '-12 days'))`,
  'Calls Scheduled = an instant': (s) => `SELECT Id, Scheduled FROM Calls WHERE Scheduled = '${q(s).at(120)}'`,
  'Calls Scheduled = a space-separated instant': (s) => `SELECT Id FROM Calls WHERE Scheduled = '${q(s).at(121).replace('T', ' ').replace('Z', '')}'`,
  'AnsweredScorecards CallStartTime = a day (no instant is a bare day)': () => `SELECT AnsweredScorecardId FROM AnsweredScorecards WHERE CallStartTime = '2026-06-02'`,
  'TrackerDetails WorkspaceId =': (s) => `SELECT TrackerId, TrackerName FROM TrackerDetails WHERE WorkspaceId = '${q(s).ws(1)}'`,
  'PublicLibraryFolders WorkspaceId =': (s) => `SELECT Id, Name, WorkspaceId FROM PublicLibraryFolders WHERE WorkspaceId = '${q(s).ws(0)}'`,
  'LibraryFolderCalls FolderId =': (s) => `SELECT * FROM LibraryFolderCalls WHERE FolderId = '${q(s).folder()}'`,
  'PermissionProfiles WorkspaceId =': (s) => `SELECT Id, Name FROM PermissionProfiles WHERE WorkspaceId = '${q(s).ws(2)}'`,
  'PermissionProfileUsers ProfileId =': (s) => `SELECT UserId, FullName FROM PermissionProfileUsers WHERE ProfileId = '${q(s).profile(1)}'`,
  'CallManualCRMAssociations Created >=': (s) => `SELECT CallId, Created FROM CallManualCRMAssociations WHERE Created >= '${q(s).assoc(200)}'`,
  'CallManualCRMAssociations Created >': (s) => `SELECT CallId FROM CallManualCRMAssociations WHERE Created > '${q(s).assoc(100)}'`,
  'AuditLogs LogType =': () => `SELECT UserId, EventTime FROM AuditLogs WHERE LogType = 'UserCallPlay'`,
  'AuditLogs LogType and EventTime <': () => `SELECT UserId FROM AuditLogs WHERE LogType = 'AccessLog' AND EventTime < '2026-09-15'`,
  'AuditLogs EventTime >= across types': () => `SELECT LogType, count(*) FROM AuditLogs WHERE EventTime >= '2026-10-01' GROUP BY LogType`,
  // Issue 16, the rest: filters of objects readable without them (the required ones cannot run unpushed).
  'UserSettingsHistory UserId =': (s) => `SELECT Setting, Value, Time FROM UserSettingsHistory WHERE UserId = '${q(s).user(6)}'`,
  'Flows FlowOwnerEmail =': (s) => `SELECT Id, Name, Visibility FROM Flows WHERE FlowOwnerEmail = '${q(s).flowOwner()}'`,
  'Flows FlowOwnerEmail and FolderId =': (s) => `SELECT Id FROM Flows WHERE FlowOwnerEmail = '${q(s).flowOwner()}' AND FolderId = '${q(s).flowFolder()}'`,
  'FlowFolders owner and ParentFolderId =': (s) => `SELECT Id, Name FROM FlowFolders WHERE FlowFolderOwnerEmail = '${q(s).folderOwner()}' AND ParentFolderId = '${q(s).parentFolder()}'`,
  'CallUserAccess CallId IN': (s) => `SELECT CallId, UserId FROM CallUserAccess WHERE CallId IN ('${q(s).call(1)}', '${q(s).call(2)}', '${q(s).call(3)}', '${q(s).call(4)}')`,
  'MeetingIntegrationStatus Email IN': (s) => `SELECT Email, Valid FROM MeetingIntegrationStatus WHERE Email IN ('${s.world.users[1]!.emailAddress}', '${s.world.users[2]!.emailAddress}')`,
};

describe('pushdown never changes a result', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const fullReads = new QueryCache();
  let callsWith = 0;
  let callsWithout = 0;
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 400, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('has a corpus of at least 40 queries', () => assert.ok(Object.keys(CORPUS).length >= 40));

  const shape = (sql: string, r: StatementResult) => {
    const rows = r.rows.map((row) => JSON.stringify(row));
    return { columns: r.columns.map((c) => c.name), rows: /ORDER BY/i.test(sql) ? rows : rows.sort() };
  };

  for (const [name, query] of Object.entries(CORPUS)) {
    it(name, async () => {
      const sql = query(sandbox);
      const [pushed] = await execute(sql, { client, connectionId: 'sb', useCache: false });
      const [local] = await execute(sql, { client, connectionId: 'sb', pushdown: false, cache: fullReads, confirm: async () => true });
      assert.deepEqual(shape(sql, pushed!), shape(sql, local!));
      callsWith += pushed!.stats.apiCalls;
      callsWithout += local!.stats.apiCalls + local!.stats.cachedScans;
    });
  }

  it('and it saves API calls', () => {
    assert.ok(callsWith < callsWithout, `${callsWith} calls with pushdown vs ${callsWithout} reads without`);
  });
});
