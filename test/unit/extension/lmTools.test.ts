import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PACKAGE_JSON, rewritePackageJson } from '../../../scripts/lmToolsManifest';
import { AGENT_TOOLS, type StatementPreview } from '../../../src/agent';
import { AGENT_SETTING_DEFAULTS, agentSettings, agentToolName, invocationMessage, lmToolId, runConfirmation, type AgentSettings } from '../../../src/extension/lmToolsText';

const manifest = () => JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as {
  engines: { vscode: string };
  contributes: { languageModelTools: { name: string; toolReferenceName: string; modelDescription: string; inputSchema: unknown }[]; configuration: { properties: Record<string, { default: unknown; scope?: string }> } };
};

describe("VS Code's language-model tools", () => {
  it('package.json declares exactly the agent tools (run npm run manifest:lm-tools after changing one)', () => {
    const text = readFileSync(PACKAGE_JSON, 'utf8');
    assert.ok(text === rewritePackageJson(text), "package.json's languageModelTools differ from src/agent's tools: run npm run manifest:lm-tools");
    const tools = manifest().contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name), AGENT_TOOLS.map((t) => `gongsql_${t.name}`));
    assert.equal(tools.find((t) => t.name === 'gongsql_run_query')?.toolReferenceName, 'gongQuery');
    // VS Code's rules for a contributed tool's id, and one reference name each.
    for (const t of tools) assert.match(t.name, /^[\w-]+$/);
    assert.equal(new Set(tools.map((t) => t.toolReferenceName)).size, tools.length);
    assert.deepEqual((tools.find((t) => t.name === 'gongsql_run_query')?.inputSchema as { required: string[] }).required, ['sql']);
  });

  it('needs VS Code 1.95, where lm.registerTool and prepareInvocation are stable', () => {
    assert.equal(manifest().engines.vscode, '^1.95.0');
  });

  it("maps a tool's id to the agent tool and back; another extension's tool is not ours", () => {
    for (const t of AGENT_TOOLS) assert.equal(agentToolName(lmToolId(t.name)), t.name);
    assert.equal(agentToolName('copilot_readFile'), undefined);
  });
});

describe('the agent settings', () => {
  it('are user settings only ("scope": "application"), with the defaults the code falls back to', () => {
    const properties = manifest().contributes.configuration.properties;
    for (const [key, fallback] of Object.entries(AGENT_SETTING_DEFAULTS)) {
      const setting = properties[`gongsql.agent.${key}`];
      assert.equal(setting?.scope, 'application', key);
      assert.equal(setting?.default, fallback, key);
    }
  });

  it("are read from the user's values only: without one, the defaults (no writes, 50 a call, 500 a session, ask above 10)", () => {
    assert.deepEqual(agentSettings(() => undefined), { maxApiCallsPerCall: 50, maxApiCallsPerSession: 500, allowWrites: false, confirmAboveApiCalls: 10 });
    const user: Partial<AgentSettings> = { maxApiCallsPerCall: 5, allowWrites: true, confirmAboveApiCalls: 0 };
    assert.deepEqual(agentSettings((key) => user[key]), { maxApiCallsPerCall: 5, maxApiCallsPerSession: 500, allowWrites: true, confirmAboveApiCalls: 0 });
  });

  it('a value of the wrong kind falls back to the default, naming the setting; writes stay refused', () => {
    const warnings: string[] = [];
    const odd: Record<string, unknown> = { maxApiCallsPerCall: -1, maxApiCallsPerSession: 2.5, allowWrites: 'yes', confirmAboveApiCalls: '10' };
    assert.deepEqual(agentSettings((key) => odd[key], (m) => warnings.push(m)), AGENT_SETTING_DEFAULTS);
    assert.deepEqual(warnings, [
      'gongsql.agent.maxApiCallsPerCall must be a whole number, 0 or more (got -1): using 50.',
      'gongsql.agent.maxApiCallsPerSession must be a whole number, 0 or more (got 2.5): using 500.',
      'gongsql.agent.allowWrites must be true or false (got "yes"): writes stay refused.',
      'gongsql.agent.confirmAboveApiCalls must be a whole number, 0 or more (got "10"): using 10.',
    ]);
  });
});

describe("run_query's confirmation", () => {
  const budget = { available: 50, sessionLeft: 480, perSession: 500 };
  const preview = (over: Partial<StatementPreview> & { calls?: number; open?: boolean; text?: string }): StatementPreview => ({
    statement: over.statement ?? 'SELECT Id FROM Users',
    writes: over.writes ?? false,
    estimate: { calls: over.calls ?? 1, open: over.open ?? false, text: over.text ?? 'about 1 API call' },
    ...(over.refusal ? { refusal: over.refusal } : {}),
  });

  it('a cheap read, a 0-call read (a mirror, the cache) and one at the threshold run without asking', () => {
    assert.equal(runConfirmation(preview({ calls: 1 }), 10, 'Sandbox', budget), undefined);
    assert.equal(runConfirmation(preview({ calls: 0, text: 'no API call' }), 0, 'Mirror', budget), undefined);
    assert.equal(runConfirmation(preview({ calls: 10, text: 'about 10 API calls' }), 10, 'Sandbox', budget), undefined);
  });

  it('a read above the threshold asks, showing the statement in a sql block, the estimate and what is left of the budget', () => {
    const asked = runConfirmation(preview({ statement: 'SELECT * FROM Users\n', calls: 11, text: 'about 11 API calls' }), 10, 'Sandbox', budget);
    assert.equal(asked?.title, 'Run a costly query on Sandbox?');
    assert.equal(asked?.message, [
      'An AI agent asks to run this statement. It needs **about 11 API calls**; nothing past what this call may spend is sent.', '',
      "This session's agent budget on Sandbox: 480 of 500 API calls left; one call may spend at most 50.", '',
      '```sql', 'SELECT * FROM Users', '```',
    ].join('\n'));
  });

  it("a read whose cost is known only once it runs (\"N or more\") asks, and says why", () => {
    const asked = runConfirmation(preview({ statement: 'SELECT * FROM Calls', calls: 1, open: true, text: '1 or more API calls' }), 10, 'Sandbox', budget);
    assert.match(asked?.message ?? '', /It needs \*\*1 or more API calls\*\*: Gong says how many rows there are only once reading starts/);
  });

  it('a write always asks, saying it changes Gong', () => {
    const asked = runConfirmation(preview({ statement: "UPDATE Meetings SET Title = 'x' WHERE Id = '1'", writes: true, calls: 1 }), 10, 'Sandbox', budget);
    assert.equal(asked?.title, 'Change Gong on Sandbox?');
    assert.match(asked?.message ?? '', /^An AI agent asks to run this statement, which \*\*changes Gong\*\*\. Finding the rows takes \*\*about 1 API call\*\*, and each row changed is one more; nothing past what this call may spend is sent\.\n[\s\S]*\n```sql\nUPDATE Meetings/);
  });

  it('a run the preview refuses (budget, writes off, syntax) asks nothing: the call says why', () => {
    assert.equal(runConfirmation(preview({ writes: true, refusal: 'Not run: only SELECT and EXPLAIN are allowed here' }), 10, 'Sandbox', budget), undefined);
  });

  it('a statement holding backticks keeps its fence closed', () => {
    const asked = runConfirmation(preview({ statement: 'SELECT "```" AS x FROM Users', calls: 99, text: 'about 99 API calls' }), 10, 'S', budget);
    assert.match(asked?.message ?? '', /\n````sql\nSELECT "```" AS x FROM Users\n````$/);
  });

  it('what runs is said in one line', () => {
    assert.equal(invocationMessage('run_query', { sql: 'SELECT *\n  FROM Calls' }, 'Sandbox'), 'Running on Sandbox: SELECT * FROM Calls');
    assert.equal(invocationMessage('describe_object', { name: 'Calls' }, 'Sandbox'), 'Describing Calls');
    assert.equal(invocationMessage('run_query', { sql: 'x'.repeat(300) }, 'S').length, 'Running on S: '.length + 120);
  });
});
