import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AgentTools, ApiCallBudget } from '../../../src/agent';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';
import { requestsDuring } from '../../helpers/sandboxClient';

/** The agent tools in process, on a sandbox: what the MCP server and VS Code both call. */
describe('AgentTools: the per-call ceiling holds while counting, and a preview costs a statement', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const tools = (perCall: number, allowWrites = false) => new AgentTools({
    connection: async () => ({ client, connectionId: 'sandbox', label: 'Sandbox' }),
    budget: new ApiCallBudget({ perCall, perSession: 500 }),
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
    const joined = await agent.preview({ sql: 'SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id' });
    const pages = Math.ceil(sandbox.store.visibleCalls.length / 100);
    assert.deepEqual(joined.estimate, { calls: 2 * pages, open: false, text: `about ${2 * pages} API calls` });
    const write = await agent.preview({ sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" });
    assert.equal(write.writes, true);
    assert.match(write.refusal ?? '', /only SELECT and EXPLAIN are allowed here/);
    assert.match((await agent.preview({ sql: 'SELECT 1; SELECT 2' })).refusal ?? '', /one statement per call \(this text has 2\)/i);
    assert.equal((await tools(50, true).preview({ sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" })).refusal, undefined);
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
  });
});
