import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AgentTools, ApiCallBudget } from '../../../src/agent';
import { QueryCache } from '../../../src/engine/run/cache';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { requestsDuring } from '../../helpers/sandboxClient';

/** The agent tools in process, on a sandbox: what the MCP server and VS Code both call. */
describe('AgentTools: the per-call ceiling holds while counting, and a preview costs a statement', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const tools = (perCall: number, allowWrites = false, perSession = 500) => new AgentTools({
    connection: async () => ({ client, connectionId: 'sandbox', label: 'Sandbox' }),
    budget: new ApiCallBudget({ perCall, perSession }),
    allowWrites,
    hints: { allowWrites: 'ALLOW', useMirror: 'MIRROR', raiseBudget: 'RAISE' },
  });

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 2000 });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('a join that could not count its objects within the ceiling is refused before its first pages', async () => {
    const agent = tools(1);
    const sent = await requestsDuring(sandbox, async () => {
      const result = await agent.call('explain_query', { sql: 'SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id' });
      assert.equal(result.isError, true);
      assert.match(result.text, /it reads 2 objects from Gong, at least one API call each, more than this call may spend: 1 per call\. Nothing was sent to Gong\./);
    });
    assert.equal(sent.length, 0);
    assert.equal(agent.budget.sessionLeft(), 500);
  });

  it('preview: the statement, whether it writes, and its estimate; a refusal instead when it would not run', async () => {
    const agent = tools(50);
    const one = await agent.preview({ sql: 'SELECT * FROM Users' });
    assert.deepEqual(one, { statement: 'SELECT * FROM Users', writes: false, estimate: { calls: 1, open: true, text: '1 or more API calls' } });
    // A preview sends nothing (VS Code asks that preparing a tool call have no side effects): a join's estimate stays open.
    const sent = await requestsDuring(sandbox, async () => {
      const joined = await agent.preview({ sql: 'SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id' });
      assert.equal(joined.estimate.open, true);
      assert.match(joined.estimate.text, /^\d+ or more API calls$/);
      assert.match((await tools(1).preview({ sql: 'SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id' })).refusal ?? '', /it reads 2 objects from Gong/);
    });
    assert.equal(sent.length, 0);
    const write = await agent.preview({ sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" });
    assert.equal(write.writes, true);
    assert.match(write.refusal ?? '', /only SELECT and EXPLAIN are allowed here/);
    assert.match((await agent.preview({ sql: 'SELECT 1; SELECT 2' })).refusal ?? '', /one statement per call \(this text has 2\)/i);
    assert.equal((await tools(50, true).preview({ sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" })).refusal, undefined);
  });

  it('parallel calls share the session\'s budget: together they never spend more than it', async () => {
    const agent = tools(50, false, 10);
    const sql = (day: string) => `SELECT count(*) FROM Calls WHERE Scheduled >= '${day}'`;
    let results: Awaited<ReturnType<AgentTools['call']>>[] = [];
    const sent = await requestsDuring(sandbox, async () => {
      results = await Promise.all(['2026-06-01', '2026-06-02', '2026-06-03'].map((day) => agent.call('run_query', { sql: sql(day) })));
    });
    assert.ok(sent.length <= 10, `${sent.length} requests`);
    assert.ok(results.some((r) => !r.isError), 'the first ran');
    assert.ok(results.some((r) => r.isError && /Not run/.test(r.text)), 'a later one was refused');
    assert.ok(agent.budget.sessionLeft() >= 0);
    assert.equal(10 - agent.budget.sessionLeft(), sent.length, 'what was spent is what Gong saw');
  });

  it('with the session spent, a statement that reads nothing from Gong still runs, and an unfiltered write is refused unsent', async () => {
    const agent = tools(5, true, 0);
    const sent = await requestsDuring(sandbox, async () => {
      assert.match((await agent.call('run_query', { sql: "SELECT date('2026-11-30', '+1 day') AS d" })).text, /"rows":\[\{"d":"2026-12-01"\}\]/);
      assert.match((await agent.call('run_query', { sql: 'SELECT Name FROM Workspaces' })).text, /this session has spent its budget of 0 API calls/);
      assert.match((await agent.call('run_query', { sql: 'DELETE FROM CRMIntegrations' })).text, /DELETE without WHERE would change every row of CRMIntegrations; an agent cannot confirm that/);
    });
    assert.equal(sent.length, 0);
  });

  it('nothing the engine sends passes the call\'s ceiling: not a read whose records unwind into fewer rows, not a write', async () => {
    const reader = tools(12);
    const read = await requestsDuring(sandbox, async () => {
      const result = await reader.call('run_query', { sql: 'SELECT Id FROM CallComments LIMIT 1000' });
      assert.equal(result.isError, true, result.text);
    });
    assert.ok(read.length <= 12, `${read.length} requests for a ceiling of 12`);
    assert.equal(500 - reader.budget.sessionLeft(), read.length, 'what was spent is what Gong saw');

    // The rows to change are known before the first write: a write the ceiling cannot hold whole is refused, not half-done.
    const writer = tools(5, true);
    const wrote = await requestsDuring(sandbox, async () => {
      const result = await writer.call('run_query', { sql: "UPDATE PermissionProfiles SET Description = 'agent' WHERE Id IS NOT NULL" });
      assert.equal(result.isError, true);
      assert.match(result.text, /Not run: it needs about 16 API calls \(12 write requests, one per row\), more than this call may spend: 5 per call\. It spent 4 API calls reading before the refusal/);
    });
    assert.deepEqual(wrote.filter((r) => r.method !== 'GET').map((r) => r.method), [], 'no write was sent');
  });

  it('a write forgets the connection\'s cached reads: a SELECT checking it reads Gong again', async () => {
    const cache = new QueryCache();
    const agent = new AgentTools({
      connection: async () => ({ client, connectionId: 'sandbox', label: 'Sandbox', cache }),
      budget: new ApiCallBudget({ perCall: 50, perSession: 500 }),
      allowWrites: true,
      hints: { allowWrites: 'ALLOW', useMirror: 'MIRROR', raiseBudget: 'RAISE' },
    });
    const read = () => agent.call('run_query', { sql: 'SELECT Id, Description FROM PermissionProfiles ORDER BY Id LIMIT 1' });
    const [before] = JSON.parse((await read()).text).rows as { Id: string }[];
    assert.equal(JSON.parse((await read()).text).apiCalls.thisCall, 0, 'read again from the cache');
    const updated = await agent.call('run_query', { sql: "UPDATE PermissionProfiles SET Description = 'checked by the agent' WHERE Id = :id", params: { id: before!.Id } });
    assert.equal(updated.isError, false, updated.text);
    const after = JSON.parse((await read()).text) as { rows: { Description: string }[]; apiCalls: { thisCall: number } };
    assert.ok(after.apiCalls.thisCall > 0, 'read from Gong, not the cache');
    assert.equal(after.rows[0]?.Description, 'checked by the agent');
  });

  it('with the session spent, EXPLAIN of a write whose WHERE reads other objects sends nothing', async () => {
    const agent = tools(1, false, 0);
    const sent = await requestsDuring(sandbox, async () => {
      const result = await agent.call('explain_query', { sql: 'DELETE FROM CRMIntegrations WHERE IntegrationId IN (SELECT Id FROM Users) AND IntegrationId IN (SELECT Id FROM Calls)' });
      assert.equal(result.isError, true);
    });
    assert.equal(sent.length, 0);
  });

  it('an irreversible CALL is refused before anything, so VS Code never asks a person to approve it', async () => {
    const preview = await tools(50, true).preview({ sql: "CALL EraseDataForEmailAddress('jane@example.com')" });
    assert.match(preview.refusal ?? '', /cannot be undone, so an agent may never run it/);
  });

  it('an id given as a JSON number beyond 2^53 is refused: its digits are already lost', async () => {
    const result = await tools(50).call('run_query', { sql: 'SELECT Id FROM Calls WHERE Id = :id', params: { id: 2887019943652419413 } });
    assert.equal(result.isError, true);
    assert.match(result.text, /Parameter id is the number 2887019943652419\d+, too large to be exact: give ids as strings/);
  });

  it('bad input is a tool error naming the field, not an exception', async () => {
    const result = await tools(50).call('run_query', { sql: '' });
    assert.equal(result.isError, true);
    assert.match(result.text, /Invalid input for run_query: .*sql/s);
    assert.match((await tools(50).call('drop_tables', {})).text, /Unknown tool drop_tables/);
    assert.match((await tools(50).call('run_query', { sql: 'SELECT 1', limit: 5 })).text, /Unrecognized key.*limit/s, 'a misnamed argument is not silently ignored');
  });
});
