import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findColumn, findProcedure, findTable, planRead, procedures, tables, validateCatalog } from '../../../src/gong';

describe('catalog', () => {
  it('is consistent', () => {
    assert.deepEqual(validateCatalog(), []);
  });

  it('has every object and procedure of PRODUCT.md §2', () => {
    const objects = ['Calls', 'CallTranscripts', 'CallParties', 'CallTopics', 'CallTrackers', 'CallComments', 'Users', 'Workspaces', 'ScoreCards',
      'ScoreCardQuestions', 'AnsweredScorecards', 'TrackerDetails', 'PublicLibraryFolders', 'LibraryFolderCalls', 'CRMIntegrations',
      'PermissionProfiles', 'PermissionProfileUsers', 'CallManualCRMAssociations', 'AuditLogs',
      'UserActivityStats', 'UserActivityByPeriod', 'UserActivityDayByDay', 'UserInteractionStats', 'AnsweredScorecardAnswers'];
    // Issue 16: per-call content, the rest of Gong's API.
    const content = ['CallInteractionStats', 'CallSpeakers', 'CallBriefs', 'CallOutlines', 'CallHighlights', 'CallKeyPoints', 'CallOutcomes', 'CallStructure', 'CallCrmContext', 'CallMedia'];
    const rest = ['UserSettingsHistory', 'Flows', 'FlowFolders', 'CallOutcomeTypes', 'DataPrivacyByEmail', 'DataPrivacyByPhone', 'CRMEntitySchema', 'CRMRequestStatus', 'CallUserAccess', 'MeetingIntegrationStatus', 'ProspectFlows', 'Coaching', 'Tasks'];
    assert.deepEqual(tables.map((t) => t.name).sort(), [...objects, ...content, ...rest].sort());
    assert.deepEqual(procedures.map((p) => p.name), ['CreateDraftCall', 'UploadCallMedia', 'CreateCall', 'CreateCallWithUrl', 'DeleteCRMIntegration', 'EraseDataForEmailAddress', 'EraseDataForPhoneNumber',
      'AssignProspectsToFlow', 'UnassignProspectFromFlows', 'ReportDigitalInteraction', 'CreateMeeting', 'UpdateMeeting', 'DeleteMeeting',
      'GrantCallAccess', 'RevokeCallAccess', 'SetIntegrationSettings', 'ReportContentViewed', 'ReportContentShared', 'ReportCustomAction']);
  });

  it('has the per-call content objects of issue 16, each read per call through calls/extensive', () => {
    for (const name of ['CallInteractionStats', 'CallSpeakers', 'CallBriefs', 'CallOutlines', 'CallHighlights', 'CallKeyPoints', 'CallOutcomes', 'CallStructure', 'CallCrmContext']) {
      const table = findTable(name)!;
      assert.ok(table, name);
      assert.deepEqual(table.mirror, { kind: 'perCall', callKey: 'CallId' });
      assert.deepEqual(table.reads.map((r) => `${r.method} ${r.path}`), ['POST /v2/calls/extensive']);
      assert.ok(table.filters.some((f) => f.column === 'PrimaryUserId'), `${name} filters PrimaryUserId natively`);
    }
  });

  it('says CallMedia\'s URLs expire and need their own scope, where hover shows it, and keeps them out of the mirror', () => {
    const media = findTable('CallMedia')!;
    assert.match(media.description, /expire/);
    assert.match(findColumn(media, 'AudioUrl')!.description, /expire about 8 hours/);
    assert.ok(media.peculiarities.some((p) => /api:calls:read:media-url/.test(p)));
    assert.equal(media.mirror.kind, 'none');
  });

  it('gives the procedures exactly the documented parameters, in order', () => {
    const optional = ['ScheduledStart', 'ScheduledEnd', 'Title', 'Duration', 'WorkspaceId', 'CustomData', 'Purpose', 'MeetingUrl', 'Disposition', 'Context', 'LanguageCode'];
    const required = ['ClientUniqueId', 'PrimaryUser', 'Direction', 'ActualStart', 'Parties'];
    const names = (name: string) => findProcedure(name)!.params.map((p) => p.name);
    assert.deepEqual(names('CreateDraftCall'), [...required, ...optional]);
    assert.deepEqual(names('UploadCallMedia'), ['Id', 'MediaFile']);
    assert.deepEqual(names('CreateCall'), [...required, 'MediaFile', ...optional]);
    assert.deepEqual(names('CreateCallWithUrl'), [...required, 'DownloadMediaUrl', ...optional]);
    assert.deepEqual(names('DeleteCRMIntegration'), ['IntegrationId', 'ClientRequestId']);
    assert.deepEqual(findProcedure('CreateCall')!.returns.map((r) => r.name), ['CallId', 'RequestId', 'Url']);
    assert.deepEqual(findProcedure('DeleteCRMIntegration')!.returns.map((r) => r.name), ['RequestId', 'ClientRequestId']);
  });

  it('marks the Calls columns SELECT returns empty as insert-only, and says so', () => {
    const calls = findTable('calls')!;
    const insertOnly = calls.columns.filter((c) => c.insertOnly).map((c) => c.name);
    assert.deepEqual(insertOnly, ['ScheduledStart', 'ScheduledEnd', 'ActualStart', 'Parties', 'Disposition', 'Context', 'LanguageCode', 'DownloadMediaUrl']);
    assert.ok(calls.peculiarities.some((p) => /processed/.test(p)));
    assert.deepEqual(Object.keys(calls.dml), ['insert']);
    assert.equal(findColumn(calls, 'scheduled')?.name, 'Scheduled');
  });

  it('has the native filters PRODUCT.md lists', () => {
    const ops = (t: string, c: string) => findTable(t)!.filters.find((f) => f.column === c)?.operators;
    assert.deepEqual(ops('Calls', 'WorkspaceId'), ['=']);
    assert.deepEqual(ops('Calls', 'Scheduled'), ['>', '>=', '<', '<=']);
    assert.deepEqual(ops('Calls', 'Id'), ['=', 'IN']);
    assert.deepEqual(ops('TrackerDetails', 'WorkspaceId'), ['=']);
    assert.deepEqual(ops('AuditLogs', 'LogType'), ['=']);
    assert.deepEqual(ops('LibraryFolderCalls', 'FolderId'), ['=']);
  });
});

describe('read planning', () => {
  const calls = findTable('Calls')!;

  it('picks GET /v2/calls/{id} for one id and calls/extensive for a list', () => {
    assert.equal(planRead(calls, [{ column: 'Id', op: '=', value: '7782342274025937895' }]).path.name, 'by id');
    const list = planRead(calls, [{ column: 'Id', op: 'IN', value: Array.from({ length: 250 }, (_, i) => String(1e15 + i)) }]);
    assert.equal(list.path.name, 'by ids');
    assert.equal(list.estimate.requests, 3);
    assert.equal(list.estimate.open, false);
  });

  it('turns comparisons into Gong\'s from-inclusive, to-exclusive window', () => {
    const plan = planRead(calls, [
      { column: 'Scheduled', op: '>', value: '2025-01-01T00:00:00Z' },
      { column: 'Scheduled', op: '>=', value: '2025-02-01T00:00:00Z' },
      { column: 'Scheduled', op: '<=', value: '2025-03-01T00:00:00Z' },
    ]);
    assert.equal(plan.params.get('query:fromDateTime'), '2025-02-01T00:00:00Z');
    assert.equal(plan.params.get('query:toDateTime'), '2025-03-01T00:00:01Z');
    assert.equal(plan.pushed.length, 3);
  });

  it('widens a window whose literal does not sort like Gong\'s timestamps', () => {
    const plan = planRead(calls, [{ column: 'Scheduled', op: '>=', value: '2025-05-13 13:11:35' }]);
    assert.equal(plan.params.get('query:fromDateTime'), '2025-05-12T13:11:35Z');
  });

  it('leaves what Gong cannot evaluate for local evaluation', () => {
    const plan = planRead(calls, [
      { column: 'Title', op: '=', value: 'x' },
      { column: 'Duration', op: '>=', value: 600 },
      { column: 'WorkspaceId', op: 'IN', value: ['1', '2'] },
    ]);
    assert.equal(plan.pushed.length, 0);
    assert.equal(plan.residual.length, 3);
  });

  it('fans out when a required column is not filtered', () => {
    const folders = planRead(findTable('PublicLibraryFolders')!, []);
    assert.ok(folders.fanOut && 'from' in folders.fanOut && folders.fanOut.from.table === 'Workspaces');
    const logs = planRead(findTable('AuditLogs')!, []);
    assert.equal(logs.estimate.requests, 5);
    const one = planRead(findTable('AuditLogs')!, [{ column: 'LogType', op: '=', value: 'AccessLog' }]);
    assert.equal(one.fanOut, undefined);
    assert.equal(one.params.get('query:logType'), 'AccessLog');
  });

  it('sends stats windows as whole days, never past tomorrow', () => {
    const plan = planRead(findTable('AnsweredScorecards')!, [
      { column: 'CallStartTime', op: '>=', value: '2025-03-04T10:00:00Z' },
      { column: 'CallStartTime', op: '<', value: '2999-01-01' },
    ]);
    assert.equal(plan.params.get('body:filter.callFromDate'), '2025-03-04');
    const to = plan.params.get('body:filter.callToDate') as string;
    assert.ok(to <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  });

  it('fills the open ends of a window Gong requires: to the end of today, from a default number of days before the end', () => {
    const days = findTable('UserActivityDayByDay')!;
    const tomorrow = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000).toISOString().slice(0, 10);
    const open = planRead(days, []);
    assert.equal(open.params.get('body:filter.toDate'), tomorrow);
    assert.equal(open.params.get('body:filter.fromDate'), new Date(Date.parse(tomorrow) - 30 * 86_400_000).toISOString().slice(0, 10));
    assert.match(open.estimate.note, /no start given: the 30 days before/);
    const endOnly = planRead(days, [{ column: 'Date', op: '<', value: '2025-03-01' }]);
    assert.deepEqual([endOnly.params.get('body:filter.fromDate'), endOnly.params.get('body:filter.toDate')], ['2025-01-30', '2025-03-01']);
    const startOnly = planRead(days, [{ column: 'Date', op: '>=', value: '2025-03-01' }]);
    assert.deepEqual([startOnly.params.get('body:filter.fromDate'), startOnly.params.get('body:filter.toDate')], ['2025-03-01', tomorrow]);
    const both = planRead(days, [{ column: 'Date', op: '>=', value: '2025-03-01' }, { column: 'Date', op: '<=', value: '2025-03-31' }]);
    assert.deepEqual([both.params.get('body:filter.fromDate'), both.params.get('body:filter.toDate')], ['2025-03-01', '2025-04-01']);
    assert.doesNotMatch(both.estimate.note, /window/);
  });
});
