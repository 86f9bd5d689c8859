import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type ConfirmRequest, type RunOptions, type StatementResult } from '../../../src/engine';
import { irreversibleQuestion } from '../../../src/engine/run/context';
import { callProcedure } from '../../../src/gong/write/writer';
import { findProcedure } from '../../../src/gong';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { calendarStatus } from '../../../src/sandbox/routes/meetings';
import { connect, select } from '../../helpers/connect';
import { call, waitFor } from '../../helpers/sandboxClient';

/** Issue 16's "rest" objects (Engage flows and folders, call outcomes, settings history) over HTTP. */
describe('Engage, call outcomes and settings history against the sandbox', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = async (sql: string, options: Partial<RunOptions> = {}): Promise<StatementResult> => {
    const [result] = await execute(sql, { client, connectionId: 'sb', ...options });
    return result!;
  };
  const requestsDuring = async (action: () => Promise<unknown>) => {
    const before = sandbox.log.lastSeq;
    await action();
    return sandbox.log.since(before);
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 100, bearerTokens: [{ token: 'tok-users', scopes: ['api:users:read'] }] });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('the sandbox answers like Gong: 400 naming the required owner email, 404 for an owner with no flows, paging by cursor', async () => {
    const missing = await call(sandbox, 'GET', '/v2/flows');
    assert.equal(missing.status, 400);
    assert.match(JSON.stringify(missing.json.errors), /flowOwnerEmail is required/);
    const noFolderOwner = await call(sandbox, 'GET', '/v2/flows/folders');
    assert.match(JSON.stringify(noFolderOwner.json.errors), /flowFolderOwnerEmail is required/);
    const nobody = await call(sandbox, 'GET', `/v2/flows?flowOwnerEmail=${encodeURIComponent('nobody@elsewhere.example')}&folderId=1`);
    assert.equal(nobody.status, 404);
    const outlier = sandbox.world.flows.reduce((counts, f) => counts.set(f.ownerEmail, (counts.get(f.ownerEmail) ?? 0) + 1), new Map<string, number>());
    const [busiest, owned] = [...outlier.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const first = await call(sandbox, 'GET', `/v2/flows?flowOwnerEmail=${encodeURIComponent(busiest)}`);
    assert.equal(first.status, 200);
    assert.ok(owned >= 40, 'one owner is an outlier with dozens of flows');
    assert.equal(first.json.flows.length, Math.min(100, first.json.records.totalRecords));
    assert.ok(first.json.flows.every((f: Record<string, unknown>) => !('ownerEmail' in f)), 'the owner is a filter, not a field');
  });

  it('checks scopes: a token without api:flows:read is refused', async () => {
    const refused = await call(sandbox, 'GET', '/v2/call-outcomes', { authorization: 'Bearer tok-users' });
    assert.equal(refused.status, 403);
    const allowed = await call(sandbox, 'GET', `/v2/users/${sandbox.world.users[0]!.id}/settings-history`, { authorization: 'Bearer tok-users' });
    assert.equal(allowed.status, 200);
  });

  it('Flows: FlowOwnerEmail = is one request; without it one request per user, Company flows repeating per owner', async () => {
    const owner = sandbox.world.flows.find((f) => f.visibility !== 'Company')!.ownerEmail;
    let one: StatementResult | undefined;
    const requests = await requestsDuring(async () => { one = await run(`SELECT Id, Name, Visibility FROM Flows WHERE FlowOwnerEmail = '${owner}'`, { useCache: false }); });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.query.flowOwnerEmail, owner);
    const want = sandbox.world.flows.filter((f) => f.ownerEmail === owner || f.visibility === 'Company');
    assert.deepEqual(one!.rows.map((r) => r[0]).sort(), want.map((f) => f.id).sort());
    const { rows } = await select(client, 'Flows');
    const company = sandbox.world.flows.find((f) => f.visibility === 'Company')!;
    const visibleUsers = sandbox.world.users.filter((u) => !sandbox.world.avatarUserIds.has(u.id)).length;
    assert.equal(rows.filter((r) => r.Id === company.id).length, visibleUsers, 'a Company flow is listed once per owner');
  });

  it('Flows vary per owner and over time: SQL by visibility and month', async () => {
    const byOwner = await run(`SELECT FlowOwnerEmail, COUNT(*) AS n FROM Flows WHERE Visibility <> 'Company' GROUP BY FlowOwnerEmail ORDER BY n DESC`, { confirm: async () => true });
    const counts = byOwner.rows.map((r) => Number(r[1]));
    assert.ok(counts[0]! >= 40 && counts[counts.length - 1]! <= 8, `counts vary with an outlier: ${counts.slice(0, 3)}…`);
    const months = await run(`SELECT DISTINCT substr(CreationDate, 1, 7) FROM Flows`, { confirm: async () => true });
    assert.ok(months.rows.length > 6);
  });

  it('FlowFolders: ParentFolderId pushes down, folders nest', async () => {
    const child = sandbox.world.flowFolders.find((f) => f.parentFolderId !== null && f.visibility !== 'Company')!;
    assert.ok(child, 'the sandbox has nested folders');
    const result = await run(`SELECT Id FROM FlowFolders WHERE FlowFolderOwnerEmail = '${child.ownerEmail}' AND ParentFolderId = '${child.parentFolderId}'`);
    assert.ok(result.rows.some((r) => r[0] === child.id));
  });

  it('CallOutcomeTypes: the dialer outcomes in display order, by category', async () => {
    const result = await run('SELECT Category, COUNT(*) FROM CallOutcomeTypes GROUP BY Category ORDER BY Category');
    assert.deepEqual(result.rows.map((r) => r[0]), ['ANSWERED', 'NOT_ANSWERED']);
    const all = await run('SELECT CallOutcome, DisplayOrder, Automation FROM CallOutcomeTypes ORDER BY DisplayOrder');
    assert.deepEqual(all.rows.map((r) => r[0]), sandbox.world.callOutcomes.map((o) => o.callOutcome));
    assert.ok(all.rows.some((r) => r[2] === 'MARK_AS_OPT_OUT'));
  });

  it('UserSettingsHistory: UserId = is one request in the path; a user with no changes has no rows, not an error', async () => {
    const [withChanges, without] = [...sandbox.world.settingsHistory.entries()].reduce<[string?, string?]>(
      ([a, b], [id, h]) => [a ?? (h.length > 2 ? id : undefined), b ?? (h.length === 0 ? id : undefined)], []);
    let result: StatementResult | undefined;
    const requests = await requestsDuring(async () => { result = await run(`SELECT Setting, Value, Time FROM UserSettingsHistory WHERE UserId = '${withChanges}' ORDER BY Time`, { useCache: false }); });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.path, `/v2/users/${withChanges}/settings-history`);
    assert.deepEqual(result!.rows.map((r) => r[0]), sandbox.world.settingsHistory.get(withChanges!)!.map((c) => c.setting));
    const empty = await run(`SELECT * FROM UserSettingsHistory WHERE UserId = '${without}'`);
    assert.equal(empty.rows.length, 0);
    const unknown = await run(`SELECT * FROM UserSettingsHistory WHERE UserId = '1234567890123456789'`);
    assert.equal(unknown.rows.length, 0, "Gong's 404 for an unknown user is no rows");
  });

  it('DataPrivacyByEmail: without the required filter, an error naming it at the table name; with it, one request and a row per item', async () => {
    await assert.rejects(run('SELECT * FROM DataPrivacyByEmail'), (e: Error & { code?: string; span?: { start: number } }) =>
      e.code === 'BIND' && /DataPrivacyByEmail needs a filter Gong requires: WHERE EmailAddress = '…'/.test(e.message) && e.span?.start === 14);
    const counts = new Map<string, number>();
    for (const c of sandbox.world.calls) for (const p of c.parties) if (p.affiliation === 'External' && p.emailAddress) counts.set(p.emailAddress, (counts.get(p.emailAddress) ?? 0) + 1);
    const [email, calls] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    let result: StatementResult | undefined;
    const requests = await requestsDuring(async () => {
      result = await run(`SELECT ObjectType, COUNT(*) FROM DataPrivacyByEmail WHERE EmailAddress = '${email}' GROUP BY ObjectType ORDER BY ObjectType`, { useCache: false });
    });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.query.emailAddress, email);
    const byType = Object.fromEntries(result!.rows.map((r) => [r[0], Number(r[1])]));
    assert.equal(byType.Call, calls);
    assert.ok(byType.Email >= calls, 'emails around every call');
    const nobody = await run(`SELECT * FROM DataPrivacyByEmail WHERE EmailAddress = 'nobody@nowhere.example'`);
    assert.equal(nobody.rows.length, 0);
  });

  it('DataPrivacyByPhone: digits match whatever the spacing; a number without + is refused by Gong with a 400 naming it', async () => {
    const party = sandbox.world.calls.flatMap((c) => c.parties).find((p) => p.affiliation === 'External' && p.phoneNumber)!;
    const written = `+${party.phoneNumber!.replace(/\D/g, '')}`;
    const result = await run(`SELECT ObjectType, ObjectId FROM DataPrivacyByPhone WHERE PhoneNumber = '${written}'`);
    assert.ok(result.rows.some((r) => r[0] === 'MatchingPhoneNumber' && r[1] === party.phoneNumber));
    assert.ok(result.rows.some((r) => r[0] === 'Call'));
    await assert.rejects(run(`SELECT * FROM DataPrivacyByPhone WHERE PhoneNumber = '44 20 1234'`), /phoneNumber must start with \+/);
  });

  it('an erase is never sent unconfirmed: no confirm, a no, or a yes to another kind sends nothing; a yes to irreversibleCall sends one request', async () => {
    const email = 'erase.me@example.com';
    const sql = `CALL EraseDataForEmailAddress('${email}')`;
    const asked: ConfirmRequest[] = [];
    const answers: ((r: ConfirmRequest) => Promise<boolean>)[] = [
      async (r) => { asked.push(r); return false; },
      async (r) => { asked.push(r); return r.kind !== 'irreversibleCall'; },
    ];
    const unconfirmed = await requestsDuring(async () => {
      await assert.rejects(run(sql), (e: Error & { code?: string }) => e.code === 'CONFIRMATION_REQUIRED' && /cannot be undone; not run without confirmation/.test(e.message));
      for (const confirm of answers) await assert.rejects(run(sql, { confirm }), /not run without confirmation/);
      await assert.rejects(callProcedure(client, findProcedure('EraseDataForPhoneNumber')!, ['+44 20 1234 5678']), /was not confirmed: .* cannot be undone\. Nothing was sent to Gong/);
    });
    assert.deepEqual(unconfirmed, [], 'nothing reached Gong');
    assert.equal(sandbox.world.erasures.length, 0);
    assert.deepEqual(asked.map((r) => r.kind), ['irreversibleCall', 'irreversibleCall']);
    assert.equal(irreversibleQuestion(asked[0] as Extract<ConfirmRequest, { kind: 'irreversibleCall' }>),
      `CALL EraseDataForEmailAddress will erase all data Gong holds that references ${email} (calls, emails, meetings, CRM records). This cannot be undone.`);
    let result: StatementResult | undefined;
    const sent = await requestsDuring(async () => { result = await run(sql, { confirm: async (r) => r.kind === 'irreversibleCall' }); });
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.query.emailAddress}`), [`POST /v2/data-privacy/erase-data-for-email-address ${email}`]);
    assert.deepEqual(sandbox.world.erasures.map((e) => e.value), [email]);
    assert.equal(typeof result!.rows[0]![0], 'string', "Gong's requestId");
  });

  it('an erase by phone number goes to its own endpoint once confirmed; Gong refuses a number without + (400 naming it)', async () => {
    const yes = { confirm: async (r: ConfirmRequest) => r.kind === 'irreversibleCall' };
    await run(`CALL EraseDataForPhoneNumber('+44 20 7946 0000')`, yes);
    assert.deepEqual(sandbox.world.erasures.at(-1), { kind: 'phoneNumber', value: '+44 20 7946 0000', requestId: String(sandbox.world.erasures.length) });
    await assert.rejects(run(`CALL EraseDataForPhoneNumber('44 20 7946 0000')`, yes), /phoneNumber must start with \+/);
  });

  it('CallUserAccess: CallId IN (…) is one request per 100 calls; the sandbox varies it per call, with a few whole-team outliers', async () => {
    const ids = sandbox.store.visibleCalls.slice(0, 100).map((c) => c.meta.id);
    let result: StatementResult | undefined;
    const requests = await requestsDuring(async () => {
      result = await run(`SELECT CallId, COUNT(*) FROM CallUserAccess WHERE CallId IN (${ids.map((id) => `'${id}'`).join(',')}) GROUP BY CallId`, { useCache: false });
    });
    assert.equal(requests.length, 1);
    assert.match(requests[0]!.body!, /^\{"filter":\{"callIds":\[/);
    const counts = result!.rows.map((r) => Number(r[1]));
    assert.ok(counts.length > 10 && counts.length < 80, `some calls have access rows, most not: ${counts.length}`);
    assert.ok(Math.max(...counts) >= 8, 'an outlier shared with a whole team');
    const everyCall = await requestsDuring(() => run('SELECT * FROM CallUserAccess', { useCache: false, confirm: async () => true }));
    const calls = sandbox.store.visibleCalls.length;
    assert.equal(everyCall.filter((r) => r.path === '/v2/calls/users-access').length, Math.ceil(calls / 100), 'without a filter: the calls are listed, then 100 call ids a request');
    const missing = await call(sandbox, 'POST', '/v2/calls/users-access', { body: { filter: {} } });
    assert.equal(missing.status, 400);
    assert.match(JSON.stringify(missing.json.errors), /filter\.callIds is required/);
  });

  it('MeetingIntegrationStatus: Email IN (…) is one request; unknown addresses say so', async () => {
    const emails = sandbox.world.users.slice(0, 5).map((u) => u.emailAddress);
    let result: StatementResult | undefined;
    const requests = await requestsDuring(async () => {
      result = await run(`SELECT Email, "Exists", Valid, UserFacingError FROM MeetingIntegrationStatus WHERE Email IN (${[...emails, 'ghost@nowhere.example'].map((e) => `'${e}'`).join(',')})`, { useCache: false });
    });
    assert.equal(requests.length, 1);
    assert.equal(result!.rows.length, 6);
    const ghost = result!.rows.find((r) => r[0] === 'ghost@nowhere.example')!;
    assert.deepEqual(ghost.slice(1), [0, 0, 'No Gong user has this email address']);
  });

  it('CRMEntitySchema: IntegrationId is required (an error names it); without ObjectType one request per type, a type with no schema has no rows', async () => {
    await assert.rejects(run('SELECT * FROM CRMEntitySchema'), /CRMEntitySchema needs a filter Gong requires: WHERE IntegrationId = '…'/);
    const withCrm = await startSandbox({ rateLimit: false, scale: 10, crmIntegration: true });
    const crmClient = connect(withCrm);
    try {
      const id = withCrm.world.crmIntegrations[0]!.integrationId;
      const [all] = await execute(`SELECT ObjectType, COUNT(*), SUM(Type = 'PICKLIST') FROM CRMEntitySchema WHERE IntegrationId = '${id}' GROUP BY ObjectType`, { client: crmClient, connectionId: 'crm' });
      const types = all!.rows.map((r) => r[0]);
      for (const t of ['ACCOUNT', 'CONTACT', 'DEAL', 'BUSINESS_USER']) assert.ok(types.includes(t), t);
      const requests = withCrm.log.since(0).filter((r) => r.path === '/v2/crm/entity-schema');
      assert.equal(requests.length, 6, 'one request per object type');
      const [deal] = await execute(`SELECT Name, OrderedValueList FROM CRMEntitySchema WHERE IntegrationId = '${id}' AND ObjectType = 'DEAL' AND Type = 'PICKLIST'`, { client: crmClient, connectionId: 'crm' });
      assert.ok(deal!.rows.every((r) => JSON.parse(String(r[1])).length > 0));
    } finally {
      await crmClient.close();
      await withCrm.close();
    }
  });

  it('CRMRequestStatus: both filters required; follows a DeleteCRMIntegration to DONE', async () => {
    await assert.rejects(run(`SELECT * FROM CRMRequestStatus WHERE IntegrationId = '1'`), /CRMRequestStatus needs a filter Gong requires: WHERE ClientRequestId = '…'$/, 'the one missing');
    const withCrm = await startSandbox({ rateLimit: false, scale: 10, crmIntegration: true, media: { processingDelayMs: 20 } });
    const crmClient = connect(withCrm);
    try {
      const id = withCrm.world.crmIntegrations[0]!.integrationId;
      const [deleted] = await execute(`CALL DeleteCRMIntegration('${id}', 'req-1')`, { client: crmClient, connectionId: 'crm' });
      assert.equal(deleted!.rows[0]![1], 'req-1');
      const status = async () => (await execute(`SELECT Status, TotalErrorCount FROM CRMRequestStatus WHERE IntegrationId = '${id}' AND ClientRequestId = 'req-1'`, { client: crmClient, connectionId: 'crm', useCache: false }))[0]!.rows;
      assert.match(String((await status())[0]![0]), /^(PENDING|IN_PROGRESS|DONE)$/);
      await waitFor(async () => (await status())[0]![0] === 'DONE', 'the deletion to finish');
      const [unknown] = await execute(`SELECT * FROM CRMRequestStatus WHERE IntegrationId = '${id}' AND ClientRequestId = 'nope'`, { client: crmClient, connectionId: 'crm' });
      assert.equal(unknown!.rows.length, 0);
    } finally {
      await crmClient.close();
      await withCrm.close();
    }
  });

  it('AssignProspectsToFlow puts prospects in a flow, reports the ones Gong refused; ProspectFlows reads them (its filter required); UnassignProspectFromFlows ends them', async () => {
    const flow = sandbox.world.flows.find((f) => !f.exclusive)!;
    const owner = sandbox.world.users[3]!.emailAddress;
    const [first] = (await run(`CALL AssignProspectsToFlow('${flow.id}', '${owner}', '["003A1", "003A2"]', 'webinar follow-up')`)).rows;
    assert.deepEqual(first!.slice(0, 2), [2, 0]);
    assert.equal(JSON.parse(String(first![2])).length, 2);
    const [again] = (await run(`CALL AssignProspectsToFlow('${flow.id}', '${owner}', '["003A2", "003A3"]')`)).rows;
    assert.deepEqual(again!.slice(0, 2), [1, 1]);
    assert.deepEqual(JSON.parse(String(again![3])), [{ crmProspectId: '003A2', errorCode: 'ALREADY_IN_FLOW', errorMessage: 'The prospect is already in this flow' }]);
    await assert.rejects(run('SELECT * FROM ProspectFlows'), /ProspectFlows needs a filter Gong requires: WHERE CrmProspectId = '…' or IN \(…\)/);
    const inFlows = await run(`SELECT CrmProspectId, FlowName, FlowInstanceOwnerEmail, FlowInstanceStatus FROM ProspectFlows WHERE CrmProspectId IN ('003A1', '003A2', '003A3') ORDER BY CrmProspectId`, { useCache: false });
    assert.deepEqual(inFlows.rows, ['003A1', '003A2', '003A3'].map((id) => [id, flow.name, owner, 'Pending']));
    const [ended] = (await run(`CALL UnassignProspectFromFlows('003A1')`)).rows;
    assert.equal(JSON.parse(String(ended![0])).length, 1);
    const left = await run(`SELECT CrmProspectId FROM ProspectFlows WHERE CrmProspectId = '003A1'`, { useCache: false });
    assert.equal(left.rows.length, 0, "Gong's 404 for a prospect in no flow is no rows");
    await assert.rejects(run(`CALL AssignProspectsToFlow('${flow.id}', '${owner}', '[]')`), /CrmProspectIds must hold 1 to 200 CRM ids/);
  });

  it('ReportDigitalInteraction is write-only; Gong refuses an EventId twice (409), so running it again reports nothing twice', async () => {
    const sql = `CALL ReportDigitalInteraction('ev-1', '2026-01-05 10:00:00', 'Document viewed', '{"ContentTitle": "Pricing", "ContentUrl": "https://example.com/p"}', 'Docsend', NULL, 'PC', '{"Email": "jane@acme.com"}')`;
    const [done] = (await run(sql)).rows;
    assert.equal(typeof done![0], 'string');
    const sent = sandbox.world.digitalInteractions.get('ev-1')!;
    assert.deepEqual(sent, { eventId: 'ev-1', timestamp: '2026-01-05T10:00:00Z', eventType: 'Document viewed', content: { contentTitle: 'Pricing', contentUrl: 'https://example.com/p' }, sourceSystemName: 'Docsend', device: 'PC', person: { email: 'jane@acme.com' } });
    await assert.rejects(run(sql), /409|already reported/);
    await assert.rejects(run(`CALL ReportDigitalInteraction('ev-2', 'yesterday', 'x', '{}')`), /Timestamp must be ISO-8601/);
  });

  const CONTENT = `'docsend', '2026-01-05 10:00:00', 'doc-7', 'https://docs.example.com/d/7', 'Pricing 2026'`;

  it('ReportContentViewed pushes a legacy content-view event: PUT, camelCase body, the viewer object', async () => {
    const requests = await requestsDuring(async () => {
      const [done] = (await run(`CALL ReportContentViewed(${CONTENT}, '{"Email": "jane@acme.com", "Name": "Jane"}', 'Document viewed')`)).rows;
      assert.equal(typeof done![0], 'string');
    });
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), ['PUT /v2/customer-engagement/content/viewed']);
    assert.deepEqual(sandbox.world.engagementEvents.at(-1), { kind: 'viewed', body: {
      reportingSystem: 'docsend', eventTimestamp: '2026-01-05T10:00:00Z', contentId: 'doc-7', contentUrl: 'https://docs.example.com/d/7', contentTitle: 'Pricing 2026',
      viewer: { email: 'jane@acme.com', name: 'Jane' }, viewActionTitle: 'Document viewed' } });
    await assert.rejects(run(`CALL ReportContentViewed('docsend', '2026-01-05 10:00:00', 'doc-7', 'not a url', 'Pricing')`), /ContentUrl must be a URL/);
  });

  it('ReportContentShared pushes a legacy content-share event; the sandbox refuses a recipient without an email, naming the field', async () => {
    await run(`CALL ReportContentShared(${CONTENT}, '{"Email": "ae@example.com"}', '[{"Email": "cfo@acme.com", "Name": "CFO"}]', 'Contract shared')`);
    const shared = sandbox.world.engagementEvents.at(-1)!;
    assert.equal(shared.kind, 'shared');
    assert.deepEqual(shared.body.recipients, [{ email: 'cfo@acme.com', name: 'CFO' }]);
    assert.deepEqual(shared.body.sharer, { email: 'ae@example.com' });
    await assert.rejects(run(`CALL ReportContentShared(${CONTENT}, NULL, '[{"Name": "CFO"}]')`), /recipients\[0\]\.email is required/);
    const missing = await call(sandbox, 'PUT', '/v2/customer-engagement/content/shared', { body: { reportingSystem: 'docsend', eventTimestamp: '2026-01-05T10:00:00Z', contentId: 'd', contentUrl: 'https://x.example' } });
    assert.equal(missing.status, 400);
    assert.match(missing.text, /contentTitle is required/);
  });

  it('ReportCustomAction requires ActionName (the engine names it before sending; the sandbox names actionName); a token without api:engagement-data:write is refused', async () => {
    await run(`CALL ReportCustomAction(${CONTENT}, 'Contract signed', '{"Email": "cfo@acme.com"}')`);
    assert.deepEqual(sandbox.world.engagementEvents.at(-1), { kind: 'action', body: {
      reportingSystem: 'docsend', eventTimestamp: '2026-01-05T10:00:00Z', contentId: 'doc-7', contentUrl: 'https://docs.example.com/d/7', contentTitle: 'Pricing 2026',
      actionName: 'Contract signed', actor: { email: 'cfo@acme.com' } } });
    const sent = await requestsDuring(() => assert.rejects(run(`CALL ReportCustomAction(${CONTENT})`), /ActionName/));
    assert.equal(sent.length, 0, 'refused before any request');
    const body = { reportingSystem: 'docsend', eventTimestamp: '2026-01-05T10:00:00Z', contentId: 'd', contentUrl: 'https://x.example', contentTitle: 'T' };
    const unnamed = await call(sandbox, 'PUT', '/v2/customer-engagement/action', { body });
    assert.equal(unnamed.status, 400);
    assert.match(unnamed.text, /actionName is required/);
    const refused = await call(sandbox, 'PUT', '/v2/customer-engagement/action', { body: { ...body, actionName: 'Signed' }, authorization: 'Bearer tok-users' });
    assert.equal(refused.status, 403);
  });

  it('Tasks: UserId is required (the error names it); one request per user; counts vary per user, one has a backlog of open tasks', async () => {
    await assert.rejects(run('SELECT * FROM Tasks'), /Tasks needs a filter Gong requires: WHERE UserId = '…'/);
    const w = sandbox.world;
    const perUser = new Map<string, number>();
    for (const t of w.tasks) perUser.set(t.userId, (perUser.get(t.userId) ?? 0) + 1);
    const [busiest] = [...perUser.entries()].sort((a, b) => b[1] - a[1]);
    assert.ok(new Set(perUser.values()).size > 5, 'task counts vary per user');
    let rows: StatementResult | undefined;
    const requests = await requestsDuring(async () => { rows = await run(`SELECT Status, COUNT(*) FROM Tasks WHERE UserId = '${busiest![0]}' GROUP BY Status`, { useCache: false }); });
    assert.equal(requests.length, 1);
    assert.deepEqual(rows!.rows, [['OPEN', busiest![1]]], 'the outlier: a backlog of open tasks only');
    const flowUser = w.tasks.find((t) => t.type === 'FLOW' && t.userId !== busiest![0])!.userId;
    const flowTasks = await run(`SELECT t.Id, t.FlowName, t.FlowStepNumber, t.Type FROM Tasks t WHERE t.UserId = '${flowUser}' AND t.Type = 'FLOW'`, { useCache: false });
    const expected = w.tasks.filter((t) => t.userId === flowUser && t.type === 'FLOW');
    assert.deepEqual(flowTasks.rows.map((r) => r[0]).sort(), expected.map((t) => t.id).sort());
    assert.ok(flowTasks.rows.every((r) => typeof r[1] === 'string' && Number(r[2]) >= 1));
    const idle = w.users.find((u) => !perUser.has(u.id))!;
    assert.equal((await run(`SELECT * FROM Tasks WHERE UserId = '${idle.id}'`, { useCache: false })).rows.length, 0, "Gong's 404 for a user without tasks is no rows");
    const noUser = await call(sandbox, 'POST', '/v2/tasks', { body: { filter: { types: ['FLOW'], taskAction: ['CALL'], status: ['OPEN'] } } });
    assert.equal(noUser.status, 400);
    assert.match(noUser.text, /filter\.userId is required/);
    const refused = await call(sandbox, 'POST', '/v2/tasks', { body: { filter: { userId: idle.id, types: ['FLOW'], taskAction: ['CALL'], status: ['OPEN'] } }, authorization: 'Bearer tok-users' });
    assert.equal(refused.status, 403);
  });

  it('Coaching: all four filters required (the error names those missing); a row per report and metric, growing with the period', async () => {
    await assert.rejects(run('SELECT * FROM Coaching WHERE ManagerId = 1'), /Coaching needs filters Gong requires: WHERE WorkspaceId = '…' AND PeriodFrom = '…' AND PeriodTo = '…'$/);
    const w = sandbox.world;
    const manager = w.users.find((u) => w.users.filter((r) => r.managerId === u.id).length > 5)!;
    const where = (to: string) => `WHERE WorkspaceId = '${w.workspaces[0]!.id}' AND ManagerId = '${manager.id}' AND PeriodFrom = '2026-01-01T00:00:00Z' AND PeriodTo = '${to}'`;
    let month: StatementResult | undefined;
    const requests = await requestsDuring(async () => { month = await run(`SELECT ReportUserId, Metric, Value FROM Coaching ${where('2026-02-01T00:00:00Z')}`, { useCache: false }); });
    assert.equal(requests.length, 1);
    assert.deepEqual(Object.keys(requests[0]!.query).sort(), ['from', 'manager-id', 'to', 'workspace-id']);
    const reports = w.users.filter((u) => u.managerId === manager.id && !w.avatarUserIds.has(u.id));
    assert.equal(month!.rows.length, reports.length * 5);
    // Counts of the manager's activity on each report's calls (test/integration/sandbox/realism.test.ts checks them against the activity stats).
    const listened = month!.rows.filter((r) => r[1] === 'Calls listened to').map((r) => Number(r[2]));
    assert.ok(listened.every((n) => Number.isInteger(n) && n >= 0), `counts: ${listened}`);
    const [total] = (await run(`SELECT SUM(Value) FROM Coaching ${where('2026-04-01T00:00:00Z')} AND Metric = 'Calls listened to'`)).rows;
    assert.ok(Number(total![0]) >= listened.reduce((a, b) => a + b, 0), 'a quarter holds at least the coaching of its first month');
    // A plain date, as every other object takes: the whole day in UTC, the last day included.
    const byDay = await run(`SELECT ReportUserId, Metric, Value, PeriodFrom, PeriodTo FROM Coaching WHERE WorkspaceId = '${w.workspaces[0]!.id}' AND ManagerId = '${manager.id}' AND PeriodFrom = '2026-01-01' AND PeriodTo = '2026-01-31'`);
    assert.deepEqual(byDay.rows.map((r) => r.slice(0, 3)), month!.rows, 'the same period as 2026-01-01T00:00:00Z to 2026-02-01T00:00:00Z');
    assert.deepEqual([byDay.rows[0]![3], byDay.rows[0]![4]], ['2026-01-01', '2026-01-31'], 'rows show the period as written');
    const none = w.users.find((u) => !w.users.some((r) => r.managerId === u.id))!;
    const empty = await run(`SELECT * FROM Coaching WHERE WorkspaceId = '${w.workspaces[0]!.id}' AND ManagerId = '${none.id}' AND PeriodFrom = '2026-01-01T00:00:00Z' AND PeriodTo = '2026-02-01T00:00:00Z'`);
    assert.equal(empty.rows.length, 0);
  });

  it('CreateMeeting, UpdateMeeting, DeleteMeeting: write-only, Gong adds its recorder; a missing invitee list is a 400 naming it', async () => {
    const organizer = sandbox.world.users.find((u) => calendarStatus(sandbox.world.users, u.emailAddress).valid)!.emailAddress;
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const invitees = `'[{"Email": "jane@acme.com", "DisplayName": "Jane"}]'`;
    const [created] = (await run(`CALL CreateMeeting('${at(24)}', '${at(25)}', '${organizer}', ${invitees}, 'Intro')`)).rows;
    const meetingId = String(created![0]);
    assert.match(String(created![1]), new RegExp(meetingId));
    assert.equal(JSON.parse(String(created![2])).length, 1);
    const [updated] = (await run(`CALL UpdateMeeting('${meetingId}', '${at(26)}', '${at(27)}', '${organizer}', ${invitees})`)).rows;
    assert.equal(updated![0], meetingId);
    await assert.rejects(run(`CALL DeleteMeeting('${meetingId}', 'someone@else.example')`), /not the organizer/);
    await run(`CALL DeleteMeeting('${meetingId}', '${organizer}')`);
    await assert.rejects(run(`CALL DeleteMeeting('${meetingId}', '${organizer}')`), /was not found/);
    await assert.rejects(run(`CALL CreateMeeting('${at(24)}', '${at(25)}', '${organizer}', '[]')`), /invitees is required/);
  });

  it('GrantCallAccess and RevokeCallAccess change what CallUserAccess reads', async () => {
    const callId = sandbox.store.visibleCalls[5]!.meta.id;
    const user = sandbox.world.users[7]!.id;
    const access = async () => (await run(`SELECT UserId FROM CallUserAccess WHERE CallId = '${callId}'`, { useCache: false })).rows.map((r) => r[0]);
    await run(`CALL GrantCallAccess('${callId}', '["${user}"]')`);
    assert.ok((await access()).includes(user));
    await run(`CALL RevokeCallAccess('${callId}', '["${user}"]')`);
    assert.ok(!(await access()).includes(user));
    await assert.rejects(run(`CALL GrantCallAccess('${callId}', '["1"]')`), /User 1 was not found/);
  });

  it('SetIntegrationSettings sends the settings in Gong\'s camelCase; Gong refuses an unknown integration type with a 400 naming it', async () => {
    let sent: { body?: string }[] = [];
    sent = await requestsDuring(() => run(`CALL SetIntegrationSettings('[{"IntegrationType": "DIALER", "AllowedOrigin": "https://crm.example.com"}]')`));
    assert.equal(sent[0]!.body, '{"integrationTypeSettings":[{"integrationType":"DIALER","allowedOrigin":"https://crm.example.com"}]}');
    await assert.rejects(run(`CALL SetIntegrationSettings('[{"IntegrationType": "FAX", "AllowedOrigin": "https://x.example"}]')`), /integrationTypeSettings\[0\]\.integrationType must be one of EMAIL_COMPOSER, ACCOUNT_PAGES, DIALER/);
  });
});
