import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { HistoryStore } from '../../../src/history/store';
import { openDestination } from '../../../src/mirror/open';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { BIN, gongsql, startGongsql } from '../../helpers/cli';
import { connect } from '../../helpers/connect';
import { requestsDuring } from '../../helpers/sandboxClient';
import { syncMirror } from '../../helpers/syncMirror';

interface Budget { thisCall: number; sessionUsed: number; sessionLimit: number; sessionLeft: number; perCallLimit: number }
interface ToolJson {
  apiCalls: Budget;
  rows?: Record<string, unknown>[];
  rowCount?: number;
  note?: string;
  error?: { message: string; hint?: string; position?: { line: number; column: number } };
  refused?: { message: string; hint?: string; estimate?: number };
  [key: string]: unknown;
}

/**
 * `gongsql mcp` driven as an MCP client drives it: the official SDK's client spawns the built
 * CLI and talks JSON-RPC over its stdin/stdout. Gong is a sandbox in this process, so every
 * request the server sends is seen in the sandbox's log.
 */
describe('gongsql mcp: the agent tools over stdio, within an API-call budget', () => {
  let sandbox: Sandbox;
  let dir: string;
  const clients: Client[] = [];

  /** A server on the sandbox (as Gong at --base-url, with its credentials in the environment). */
  const serve = async (...args: string[]): Promise<Client> => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', ...args],
      env: { PATH: process.env.PATH ?? '', GONGSQL_STATE_DIR: join(dir, 'state'), GONG_ACCESS_KEY: sandbox.credentials.accessKey, GONG_ACCESS_KEY_SECRET: sandbox.credentials.accessKeySecret },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'gongsql-test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return client;
  };
  const live = (...args: string[]) => serve('--base-url', sandbox.url, ...args);
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => {
    const result = await client.callTool({ name, arguments: args });
    const [content] = result.content as { type: string; text: string }[];
    assert.equal(content?.type, 'text');
    return { isError: result.isError === true, json: JSON.parse(content!.text) as ToolJson };
  };

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 2000 });
    dir = await mkdtemp(join(tmpdir(), 'gongsql-mcp-'));
  });
  after(async () => {
    for (const client of clients) await client.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists its five tools, read-only without --allow-writes', async () => {
    const client = await live();
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['describe_object', 'explain_query', 'list_objects', 'run_query', 'search_transcripts']);
    for (const tool of tools) assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
    const run = tools.find((t) => t.name === 'run_query');
    assert.deepEqual(run?.inputSchema.required, ['sql']);
  });

  it('list_objects and describe_object answer from the catalog at 0 API calls; an unknown name gets a suggestion', async () => {
    const client = await live();
    const sent = await requestsDuring(sandbox, async () => {
      const listed = await call(client, 'list_objects');
      const calls = (listed.json.objects as { name: string; gongFilters: string[] }[]).find((o) => o.name === 'Calls');
      assert.ok(calls?.gongFilters.includes('Scheduled > >= < <='), JSON.stringify(calls));
      assert.equal(listed.json.apiCalls.thisCall, 0);

      const described = await call(client, 'describe_object', { name: 'Calls' });
      assert.equal(described.isError, false);
      const id = (described.json.columns as { name: string; type: string; key?: boolean }[]).find((c) => c.name === 'Id');
      assert.deepEqual({ type: id?.type, key: id?.key }, { type: 'id', key: true });
      assert.match(String(described.json.example), /^SELECT .* FROM Calls WHERE Scheduled >= '\d{4}-\d{2}-\d{2}' LIMIT 20$/);

      const unknown = await call(client, 'describe_object', { name: 'Callz' });
      assert.equal(unknown.isError, true);
      assert.match(unknown.json.error!.message, /Unknown object or procedure Callz\. Did you mean Calls\?/);
    });
    assert.equal(sent.length, 0);
  });

  it('explain_query shows the requests, the filters Gong evaluates and the estimate, sending nothing for one object', async () => {
    const client = await live();
    const sent = await requestsDuring(sandbox, async () => {
      const { isError, json } = await call(client, 'explain_query', { sql: "SELECT Id FROM Calls WHERE Scheduled >= '2026-11-01'" });
      assert.equal(isError, false);
      const [step] = json.plan as Record<string, string>[];
      assert.equal(step?.Request, 'GET /v2/calls (100 per page)');
      assert.match(step?.NativeFilters ?? '', /Scheduled >= '2026-11-01'/);
      assert.equal(json.estimate, '1 or more API calls');
    });
    assert.equal(sent.length, 0);
  });

  it('run_query returns exact ids as strings, bounded rows with a note, and the API calls used and left', async () => {
    const client = await live('--max-rows', '5');
    const { isError, json } = await call(client, 'run_query', { sql: 'SELECT Id, Title FROM Calls ORDER BY Id LIMIT 40' });
    assert.equal(isError, false, JSON.stringify(json));
    assert.equal(json.rows?.length, 5);
    assert.equal(json.rowCount, 40);
    assert.match(json.note ?? '', /35 of 40 rows left out \(the result is limited to 5 rows\)/);
    const expected = sandbox.store.visibleCalls.map((c) => c.meta.id).sort().slice(0, 5);
    assert.deepEqual(json.rows?.map((r) => r.Id), expected);
    assert.ok(expected.some((id) => BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)), 'ids beyond 2^53 come back exact');
    const pages = Math.ceil(sandbox.store.visibleCalls.length / 100);
    assert.deepEqual(json.apiCalls, { thisCall: pages, sessionUsed: pages, sessionLimit: 500, sessionLeft: 500 - pages, perCallLimit: 50 });
  });

  it('refuses a statement whose estimate exceeds the budget, with the estimate and a hint, before reading past the first page', async () => {
    const client = await live('--max-calls-per-call', '5');
    const pages = Math.ceil(sandbox.store.visibleCalls.length / 100);
    let result: Awaited<ReturnType<typeof call>> | undefined;
    const sent = await requestsDuring(sandbox, async () => { result = await call(client, 'run_query', { sql: 'SELECT * FROM Calls' }); });
    assert.equal(result?.isError, true);
    const { refused, apiCalls } = result!.json;
    assert.equal(refused?.estimate, pages);
    assert.match(refused!.message, new RegExp(`^Not run: it needs about ${pages} API calls, more than this call may spend: 5 per call\\. It spent 1 API call reading before the refusal \\(counting rows, or finding those a write changes\\)\\.$`));
    assert.match(refused!.hint ?? '', /Calls\.Scheduled >= '2026-11-01'.*mirror.*--max-calls-per-call N/s);
    assert.equal(sent.length, 1, 'only the first page, which gave Gong\'s count');
    assert.deepEqual(apiCalls, { thisCall: 1, sessionUsed: 1, sessionLimit: 500, sessionLeft: 499, perCallLimit: 5 });
  });

  it('stops at the session\'s budget: once it is spent, every statement that would reach Gong is refused unsent', async () => {
    const client = await live('--max-calls-per-session', '3');
    const first = await call(client, 'run_query', { sql: 'SELECT count(*) AS Users FROM Users' });
    assert.deepEqual(first.json.rows, [{ Users: 200 }]);
    assert.equal(first.json.apiCalls.sessionLeft, 1);
    const second = await call(client, 'run_query', { sql: 'SELECT Id FROM Calls LIMIT 150' });
    assert.match(second.json.refused?.message ?? '', /needs about 2 API calls, more than this call may spend: 1, what is left of the session's 3/);
    const sent = await requestsDuring(sandbox, async () => {
      const third = await call(client, 'run_query', { sql: 'SELECT Id FROM Workspaces' });
      assert.match(third.json.refused?.message ?? '', /this session has spent its budget of 3 API calls/);
      assert.equal(third.json.apiCalls.sessionLeft, 0);
    });
    assert.equal(sent.length, 0);
  });

  it('refuses writes without --allow-writes, sending nothing; with it, a write runs but an irreversible CALL never does', async () => {
    const readOnly = await live();
    const sent = await requestsDuring(sandbox, async () => {
      const { isError, json } = await call(readOnly, 'run_query', { sql: "INSERT INTO CRMIntegrations (OwnerEmail, Name) VALUES ('ops@example.com', 'Agent CRM')" });
      assert.equal(isError, true);
      assert.match(json.refused!.message, /only SELECT and EXPLAIN are allowed here/);
      assert.match(json.refused!.hint ?? '', /--allow-writes/);
    });
    assert.equal(sent.length, 0);

    const writer = await live('--allow-writes');
    const { tools } = await writer.listTools();
    assert.equal(tools.find((t) => t.name === 'run_query')?.annotations?.readOnlyHint, false);
    // The sandbox, like Gong, has one CRM integration at most: a second is refused, and the tool says so.
    const refused = await call(writer, 'run_query', { sql: "INSERT INTO CRMIntegrations (OwnerEmail, Name) VALUES ('ops@example.com', 'Agent CRM')" });
    assert.equal(refused.isError, true, 'a row Gong refused is an error');
    assert.equal((refused.json.outcomes as Record<string, number>).failed, 1);
    const [existing] = (await call(writer, 'run_query', { sql: 'SELECT IntegrationId FROM CRMIntegrations' })).json.rows as { IntegrationId: string }[];
    const deleted = await call(writer, 'run_query', { sql: 'DELETE FROM CRMIntegrations WHERE IntegrationId = :id', params: { id: existing!.IntegrationId } });
    assert.equal(deleted.isError, false, JSON.stringify(deleted.json));
    assert.equal((deleted.json.outcomes as Record<string, number>).ok, 1);
    const erased = await requestsDuring(sandbox, async () => {
      const { json } = await call(writer, 'run_query', { sql: "CALL EraseDataForEmailAddress('someone@example.com')" });
      assert.match(json.refused!.message, /cannot be undone, so an agent may never run it/);
    });
    assert.equal(erased.length, 0);
  });

  it('a re-run within the cache\'s 5 minutes costs no API call', async () => {
    const client = await live();
    const sql = "SELECT count(*) AS n FROM Calls WHERE Scheduled >= '2026-11-01'";
    const first = await call(client, 'run_query', { sql });
    assert.ok(first.json.apiCalls.thisCall > 0);
    const sent = await requestsDuring(sandbox, async () => {
      const again = await call(client, 'run_query', { sql });
      assert.deepEqual(again.json.rows, first.json.rows);
      assert.equal(again.json.apiCalls.thisCall, 0);
    });
    assert.equal(sent.length, 0);
  });

  it('answers every call it took before stdin ended, then exits (a client that pipes its requests)', async () => {
    const lines = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'run_query', arguments: { sql: 'SELECT Name FROM Workspaces ORDER BY Name' } } },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'run_query', arguments: { sql: 'SELECT 1 AS a' } } },
    ];
    const run = await startGongsql(['mcp', '--base-url', sandbox.url], {
      stdin: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
      env: { GONGSQL_STATE_DIR: join(dir, 'state'), GONG_ACCESS_KEY: sandbox.credentials.accessKey, GONG_ACCESS_KEY_SECRET: sandbox.credentials.accessKeySecret },
    }).done;
    assert.equal(run.code, 0, run.stderr);
    const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; result: { content: { text: string }[] } });
    assert.deepEqual(answers.map((a) => a.id).sort(), [1, 2, 3], 'stdout holds only the protocol, an answer to each request');
    const workspaces = JSON.parse(answers.find((a) => a.id === 2)!.result.content[0]!.text) as ToolJson;
    assert.deepEqual(workspaces.rows, [{ Name: 'Customer Success' }, { Name: 'EMEA' }, { Name: 'North America Sales' }]);
  });

  it('a mistake in its flags is a usage error: exit 2, with the help to read', async () => {
    const run = await gongsql(['mcp', '--sandbox', '--max-calls-per-call', 'abc']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'gongsql: --max-calls-per-call must be a whole number, at least 0 (got abc) (see gongsql mcp --help)\n');
  });

  it('a query error is a tool error with its line and column', async () => {
    const client = await live();
    const { isError, json } = await call(client, 'run_query', { sql: 'SELECT Id\nFROM Callz' });
    assert.equal(isError, true);
    assert.match(json.error!.message, /Unknown object Callz/);
    assert.deepEqual(json.error!.position, { line: 2, column: 6 });
    assert.equal(json.apiCalls.thisCall, 0);
  });

  it('on a mirror: queries cost 0 API calls and search_transcripts finds what was said; the runs are in the query history', async () => {
    const file = join(dir, 'gong.sqlite');
    const destination = await openDestination(file);
    const gong = connect(sandbox);
    await syncMirror(gong, destination, ['Calls', 'CallTranscripts']);
    await destination.close();
    await gong.close();
    const client = await serve('--mirror', file);
    const sent = await requestsDuring(sandbox, async () => {
      const counted = await call(client, 'run_query', { sql: 'SELECT count(*) AS Calls FROM Calls' });
      assert.deepEqual(counted.json.rows, [{ Calls: sandbox.store.visibleCalls.length }]);
      assert.equal(counted.json.apiCalls.thisCall, 0);
      const found = await call(client, 'search_transcripts', { query: 'pricing', limit: 3 });
      assert.equal(found.isError, false, JSON.stringify(found.json));
      const calls = found.json.calls as { CallId: string; MatchingSentences: number; Sentences: { Sentence: string }[] }[];
      assert.equal(calls.length, 3);
      assert.equal(new Set(calls.map((c) => c.CallId)).size, 3, 'a call once, with its sentences');
      for (const c of calls) {
        assert.ok(c.MatchingSentences >= c.Sentences.length && c.Sentences.length > 0);
        for (const m of c.Sentences) assert.match(m.Sentence, /«pricing»/i);
      }
      // The server holds the file only while it answers: a CLI query (or a sync) gets it between calls.
      const cli = await gongsql(['--mirror', file, '-e', 'SELECT count(*) AS n FROM CallTranscripts', '--format', 'csv'], { env: { GONGSQL_STATE_DIR: join(dir, 'state') } });
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal((await call(client, 'run_query', { sql: 'SELECT count(*) AS n FROM CallTranscripts' })).json.rows?.[0]?.n, Number(cli.stdout.split('\n')[1]));
      // Only what was synced is offered.
      const listed = (await call(client, 'list_objects')).json.objects as { name: string }[];
      assert.deepEqual(listed.map((o) => o.name).sort(), ['CallTranscripts', 'Calls']);
    });
    assert.equal(sent.length, 0);
    const history = await new HistoryStore(join(dir, 'state')).list();
    const agentRun = history.find((e) => e.text === 'SELECT count(*) AS Calls FROM Calls');
    assert.deepEqual({ surface: agentRun?.surface, connection: agentRun?.connection, apiCalls: agentRun?.apiCalls }, { surface: 'agent', connection: `mirror ${file}`, apiCalls: 0 });
  });

  it('search_transcripts on a live connection says it needs a mirror and how to make one', async () => {
    const client = await live();
    const { isError, json } = await call(client, 'search_transcripts', { query: 'pricing' });
    assert.equal(isError, true);
    assert.match(json.error!.message, /needs a mirror/);
    assert.match(json.error!.hint ?? '', /gongsql sync --to gong\.sqlite, then start the server with gongsql mcp --mirror gong\.sqlite/);
  });
});
