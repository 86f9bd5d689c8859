import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findTable, planRead, readRows, type GongClient, type Predicate } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect, select } from '../../helpers/connect';

interface FilterCase {
  table: string;
  predicates: (s: Sandbox) => Predicate[];
  /** The same condition evaluated locally on a full read. */
  matches: (row: Record<string, unknown>, s: Sandbox) => boolean;
  /** The fewest requests Gong needs for it, as METHOD path → count. */
  requests: (s: Sandbox) => Record<string, number>;
}

const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
const visible = (s: Sandbox) => s.store.visibleCalls;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** A window holding calls [a, b) of the visible list. */
const window = (s: Sandbox, a: number, b: number) => [visible(s)[a]!.filterTimeMs, visible(s)[b]!.filterTimeMs] as const;

const cases: Record<string, FilterCase> = {
  'Calls Id =': {
    table: 'Calls',
    predicates: (s) => [{ column: 'Id', op: '=', value: visible(s)[3]!.meta.id }],
    matches: (r, s) => r.Id === visible(s)[3]!.meta.id,
    requests: (s) => ({ [`GET /v2/calls/${visible(s)[3]!.meta.id}`]: 1 }),
  },
  'Calls Id IN (150 ids) is two batches': {
    table: 'Calls',
    predicates: (s) => [{ column: 'Id', op: 'IN', value: visible(s).slice(0, 150).map((c) => c.meta.id) }],
    matches: (r, s) => visible(s).slice(0, 150).some((c) => c.meta.id === r.Id),
    requests: () => ({ 'POST /v2/calls/extensive': 2 }),
  },
  'Calls Scheduled window': {
    table: 'Calls',
    predicates: (s) => [{ column: 'Scheduled', op: '>=', value: iso(window(s, 10, 260)[0]) }, { column: 'Scheduled', op: '<', value: iso(window(s, 10, 260)[1]) }],
    matches: (r, s) => { const t = Date.parse(r.Scheduled as string); const [a, b] = window(s, 10, 260); return t >= a && t < b; },
    requests: () => ({ 'GET /v2/calls': pages(250) }),
  },
  'Calls WorkspaceId = and Scheduled >': {
    table: 'Calls',
    predicates: (s) => [{ column: 'WorkspaceId', op: '=', value: s.world.workspaces[1]!.id }, { column: 'Scheduled', op: '>', value: iso(visible(s)[100]!.filterTimeMs) }],
    matches: (r, s) => r.WorkspaceId === s.world.workspaces[1]!.id && Date.parse(r.Scheduled as string) > visible(s)[100]!.filterTimeMs,
    requests: (s) => ({ 'GET /v2/calls': pages(visible(s).filter((c, i) => i >= 100 && c.meta.workspaceId === s.world.workspaces[1]!.id).length) }),
  },
  'CallParties CallId IN': {
    table: 'CallParties',
    predicates: (s) => [{ column: 'CallId', op: 'IN', value: [visible(s)[0]!.meta.id, visible(s)[1]!.meta.id] }],
    matches: (r, s) => r.CallId === visible(s)[0]!.meta.id || r.CallId === visible(s)[1]!.meta.id,
    requests: () => ({ 'POST /v2/calls/extensive': 1 }),
  },
  'CallTopics CallScheduled <=': {
    table: 'CallTopics',
    predicates: (s) => [{ column: 'CallScheduled', op: '<=', value: visible(s)[49]!.meta.scheduled! }],
    matches: (r, s) => (r.CallScheduled as string) <= visible(s)[49]!.meta.scheduled!,
    requests: () => ({ 'POST /v2/calls/extensive': 1 }),
  },
  'CallTranscripts CallId = costs the transcript and one parties lookup': {
    table: 'CallTranscripts',
    predicates: (s) => [{ column: 'CallId', op: '=', value: visible(s)[5]!.meta.id }],
    matches: (r, s) => r.CallId === visible(s)[5]!.meta.id,
    requests: () => ({ 'POST /v2/calls/transcript': 1, 'POST /v2/calls/extensive': 1 }),
  },
  'Users Id =': {
    table: 'Users',
    predicates: (s) => [{ column: 'Id', op: '=', value: s.world.users[7]!.id }],
    matches: (r, s) => r.Id === s.world.users[7]!.id,
    requests: (s) => ({ [`GET /v2/users/${s.world.users[7]!.id}`]: 1 }),
  },
  'Users Created >=': {
    table: 'Users',
    predicates: () => [{ column: 'Created', op: '>=', value: '2026-01-01T00:00:00Z' }],
    matches: (r) => (r.Created as string) >= '2026-01-01T00:00:00Z',
    requests: () => ({ 'POST /v2/users/extensive': 1 }),
  },
  'AnsweredScorecards ScorecardId = and CallStartTime >=': {
    table: 'AnsweredScorecards',
    predicates: (s) => [{ column: 'ScorecardId', op: '=', value: s.world.answeredScorecards[0]!.scorecardId }, { column: 'CallStartTime', op: '>=', value: '2026-03-01' }],
    matches: (r, s) => r.ScorecardId === s.world.answeredScorecards[0]!.scorecardId && (r.CallStartTime as string) >= '2026-03-01',
    requests: () => ({ 'POST /v2/stats/activity/scorecards': 1 }),
  },
  'TrackerDetails WorkspaceId =': {
    table: 'TrackerDetails',
    predicates: (s) => [{ column: 'WorkspaceId', op: '=', value: s.world.workspaces[0]!.id }],
    matches: (r, s) => r.WorkspaceId === s.world.workspaces[0]!.id,
    requests: () => ({ 'GET /v2/settings/trackers': 1 }),
  },
  'PublicLibraryFolders WorkspaceId = needs no fan-out': {
    table: 'PublicLibraryFolders',
    predicates: (s) => [{ column: 'WorkspaceId', op: '=', value: s.world.workspaces[2]!.id }],
    matches: (r, s) => r.WorkspaceId === s.world.workspaces[2]!.id,
    requests: () => ({ 'GET /v2/library/folders': 1 }),
  },
  'PublicLibraryFolders without a filter fans out per workspace': {
    table: 'PublicLibraryFolders',
    predicates: () => [],
    matches: () => true,
    requests: () => ({ 'GET /v2/workspaces': 1, 'GET /v2/library/folders': 3 }),
  },
  'LibraryFolderCalls FolderId =': {
    table: 'LibraryFolderCalls',
    predicates: (s) => [{ column: 'FolderId', op: '=', value: s.world.folders.find((f) => f.calls.length > 0)!.id }],
    matches: (r, s) => r.FolderId === s.world.folders.find((f) => f.calls.length > 0)!.id,
    requests: () => ({ 'GET /v2/library/folder-content': 1 }),
  },
  'PermissionProfileUsers ProfileId =': {
    table: 'PermissionProfileUsers',
    predicates: (s) => [{ column: 'ProfileId', op: '=', value: s.world.profiles[2]!.id }],
    matches: (r, s) => r.ProfileId === s.world.profiles[2]!.id,
    requests: () => ({ 'GET /v2/permission-profile/users': 1 }),
  },
  'AuditLogs LogType = and EventTime <': {
    table: 'AuditLogs',
    predicates: () => [{ column: 'LogType', op: '=', value: 'UserCallPlay' }, { column: 'EventTime', op: '<', value: '2026-10-01T00:00:00Z' }],
    matches: (r) => r.LogType === 'UserCallPlay' && (r.EventTime as string) < '2026-10-01T00:00:00Z',
    requests: (s) => ({ 'GET /v2/logs': pages(s.world.logs.filter((l) => l.logType === 'UserCallPlay' && l.eventTime < '2026-10-01T00:00:00Z').length) }),
  },
  'CallManualCRMAssociations Created >': {
    table: 'CallManualCRMAssociations',
    predicates: (s) => [{ column: 'Created', op: '>', value: s.world.associations[250]!.created }],
    matches: (r, s) => (r.Created as string) > s.world.associations[250]!.created,
    requests: () => ({ 'GET /v2/calls/manual-crm-associations': 1 }),
  },
};

describe('native filters: the right rows with the fewest requests', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const full = new Map<string, Record<string, unknown>[]>();
  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 600, anchorMs: Date.parse('2026-11-26T00:00:00Z') });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      if (!full.has(c.table)) full.set(c.table, (await select(client, c.table)).rows);
      const before = sandbox.log.lastSeq;
      const { rows, stats } = await select(client, c.table, c.predicates(sandbox));
      const counts: Record<string, number> = {};
      for (const e of sandbox.log.since(before)) counts[`${e.method} ${e.path}`] = (counts[`${e.method} ${e.path}`] ?? 0) + 1;
      assert.deepEqual(counts, c.requests(sandbox), 'requests made');
      assert.equal(stats.apiCalls, sandbox.log.lastSeq - before);
      // Gong's answer is a superset; the engine re-checks every predicate locally.
      const local = rows.filter((r) => c.matches(r, sandbox)).map((r) => JSON.stringify(r)).sort();
      const want = full.get(c.table)!.filter((r) => c.matches(r, sandbox)).map((r) => JSON.stringify(r)).sort();
      assert.deepEqual(local, want);
      assert.ok(want.length > 0, 'the case selects something');
    });
  }

  it('stops paging when the consumer stops (LIMIT)', async () => {
    const before = sandbox.log.lastSeq;
    for await (const batch of readRows(client, planRead(findTable('Calls')!, []))) {
      assert.equal(batch.length, 100);
      break;
    }
    assert.equal(sandbox.log.lastSeq - before, 1, 'one page, then no more requests');
  });
});
