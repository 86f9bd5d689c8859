import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Locator } from 'playwright-core';
import { replaceUserSettings, STATE_DIR, startWorkbench, stepsOf, switchTheme, type Workbench } from './harness';
import { fixtureCommand, invocations, invokeTool, nextInvocation, packLmInvoker, startInvocation, type Invocation } from './fixtures/lmInvoker';

/** Screenshots of the confirmation for review (not part of the assertions). */
const SHOTS = process.env.GONGSQL_SHOTS ?? '/tmp/shots-lm-tools';

interface BudgetReport { thisCall: number; sessionUsed: number; sessionLimit: number; sessionLeft: number; perCallLimit: number }

/** A successful call's JSON (the tool's text). */
function resultOf(outcome: Invocation): Record<string, unknown> & { apiCalls: BudgetReport } {
  assert.equal(outcome.ok, true, `the tool call failed: ${outcome.error}: ${outcome.message}`);
  return JSON.parse(outcome.text ?? '') as Record<string, unknown> & { apiCalls: BudgetReport };
}

/** A failed call's JSON: gongsql throws the tool's text, as VS Code asks of tools. */
function failureOf(outcome: Invocation): { refused?: { message: string; hint?: string }; error?: { message: string }; apiCalls: BudgetReport } {
  assert.equal(outcome.ok, false, `the tool call did not fail: ${outcome.text}`);
  return JSON.parse(outcome.message ?? '') as { refused?: { message: string; hint?: string }; apiCalls: BudgetReport };
}

/**
 * An AI agent's tool calls in the editor, made the way VS Code's agent host makes them
 * (vscode.lm.invokeTool, by the lm-invoker fixture) on the built-in sandbox. Without a chat
 * session VS Code shows a tool's confirmation as a modal dialog.
 */
describe("gongsql's language-model tools, as an agent calls them", () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({
      extensions: [packLmInvoker()],
      files: {
        // A repository cannot widen what an agent may do: these are all ignored.
        '.vscode/settings.json': JSON.stringify({ 'gongsql.agent.allowWrites': true, 'gongsql.agent.confirmAboveApiCalls': 100000, 'gongsql.agent.maxApiCallsPerCall': 100000 }, null, 2),
      },
    });
    await mkdir(SHOTS, { recursive: true });
  });
  const step = stepsOf(() => workbench);
  after(async () => {
    await workbench?.stop();
  });

  const dialog = (): Locator => workbench.page.locator('.monaco-dialog-box');
  /** The budget report of a free call: what the session has spent so far. */
  const spentSoFar = async () => resultOf(await invokeTool(workbench.page, workbench.workspace, 'gongsql_list_objects', {})).apiCalls.sessionUsed;

  step("VS Code lists gongsql's five tools, tagged gong and sql", async () => {
    const { page, workspace } = workbench;
    const count = (await invocations(workspace)).length;
    await fixtureCommand(page, 'Test: List Language Model Tools');
    const tools = (await nextInvocation(workspace, count)).tools ?? [];
    const ours = tools.filter((t) => t.name.startsWith('gongsql_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), ['gongsql_describe_object', 'gongsql_explain_query', 'gongsql_list_objects', 'gongsql_run_query', 'gongsql_search_transcripts']);
    for (const t of ours) assert.deepEqual(t.tags, ['gong', 'sql'], t.name);
    assert.match(ours.find((t) => t.name === 'gongsql_run_query')?.description ?? '', /refused before it sends anything, with the estimate and a hint/);
  });

  step('list_objects answers with the objects and their filters, for no API call', async () => {
    const result = resultOf(await invokeTool(workbench.page, workbench.workspace, 'gongsql_list_objects', {}));
    const text = JSON.stringify(result);
    assert.match(text, /"Calls"/);
    assert.match(text, /"CallTranscripts"/);
    assert.equal(result.apiCalls.thisCall, 0);
    assert.equal(result.apiCalls.sessionLimit, 500, 'the default budget: the workspace cannot change it');
    assert.equal(await dialog().count(), 0);
  });

  step('a cheap query runs without asking: its rows, and the API calls used and left', async () => {
    const before = await spentSoFar();
    const result = resultOf(await invokeTool(workbench.page, workbench.workspace, 'gongsql_run_query', { sql: 'SELECT Name FROM Workspaces ORDER BY Name' }));
    assert.deepEqual(result.rows, [{ Name: 'Customer Success' }, { Name: 'EMEA' }, { Name: 'North America Sales' }]);
    assert.equal(result.apiCalls.thisCall, 1);
    assert.equal(result.apiCalls.sessionUsed, before + 1);
    assert.equal(result.apiCalls.sessionLeft, 500 - before - 1);
    assert.equal(result.apiCalls.perCallLimit, 50);
    assert.equal(await dialog().count(), 0, 'no confirmation for about 1 API call');
  });

  step('a query whose cost is known only once it runs asks first, showing it and its estimate; Cancel spends nothing', async () => {
    const { page, workspace } = workbench;
    await switchTheme(workbench, 'Default Dark Modern');
    const before = await spentSoFar();
    const count = (await invocations(workspace)).length;
    await startInvocation(page, 'gongsql_run_query', { sql: 'SELECT * FROM Calls' });
    const asked = page.locator('.monaco-dialog-box', { hasText: 'Run a costly query on Sandbox?' });
    await asked.waitFor({ timeout: 60_000 });
    const said = await asked.innerText();
    assert.match(said, /An AI agent asks to run this statement\. It needs 1 or more API calls: Gong says how many rows there are only once reading starts/);
    assert.match(said, new RegExp(`This session's agent budget on Sandbox: ${500 - before} of 500 API calls left; one call may spend at most 50\\.`));
    assert.match(said, /\nSELECT \* FROM Calls$/, 'the statement, last');
    await page.screenshot({ path: join(SHOTS, 'lm-confirmation-dark.png') });
    await asked.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    const outcome = await nextInvocation(workspace, count);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error, 'Canceled', 'VS Code reports a declined confirmation as a cancellation');
    assert.equal(await spentSoFar(), before, 'nothing was sent to Gong');
  });

  step('Yes runs it within the budget: a bounded result saying how many rows were left out', async () => {
    const { page, workspace } = workbench;
    await switchTheme(workbench, 'Default Light Modern');
    const count = (await invocations(workspace)).length;
    await startInvocation(page, 'gongsql_run_query', { sql: 'SELECT * FROM Calls' });
    const asked = page.locator('.monaco-dialog-box', { hasText: 'Run a costly query on Sandbox?' });
    await asked.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, 'lm-confirmation-light.png') });
    await asked.locator('.monaco-button', { hasText: /^Yes$/ }).click();
    const result = resultOf(await nextInvocation(workspace, count, 120_000));
    assert.ok((result.rowCount as number) > (result.rows as unknown[]).length, 'more rows than a result holds');
    assert.match(String(result.note), /rows left out \(the result is limited to/);
    assert.ok(result.apiCalls.thisCall > 1 && result.apiCalls.thisCall <= 50, `spent ${result.apiCalls.thisCall}`);
    // Ids stay exact: text, never a JS number.
    assert.equal(typeof (result.rows as { Id: unknown }[])[0]?.Id, 'string');
  });

  step("a write is refused without asking, though the repository's settings allow writes", async () => {
    const before = await spentSoFar();
    const outcome = await invokeTool(workbench.page, workbench.workspace, 'gongsql_run_query', { sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" });
    const failure = failureOf(outcome);
    assert.match(failure.refused?.message ?? '', /^Not run: only SELECT and EXPLAIN are allowed here/);
    assert.match(failure.refused?.hint ?? '', /gongsql\.agent\.allowWrites in your user settings/);
    assert.equal(failure.apiCalls.sessionUsed, before);
    assert.equal(await dialog().count(), 0);
  });

  step("the agent's runs are in the query history as the agent's, and in the Query History view; the declined one is not", async () => {
    const { page } = workbench;
    const entries = (await readFile(join(STATE_DIR, 'history.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; surface: string; connection: string; outcome: string });
    const agent = entries.filter((e) => e.surface === 'agent');
    assert.deepEqual(agent.map((e) => [e.text, e.connection, e.outcome]), [
      ['SELECT Name FROM Workspaces ORDER BY Name', 'Sandbox', 'ok'],
      ['SELECT * FROM Calls', 'Sandbox', 'ok'],
    ], 'a preview is no run, the declined run never started, and the refused write never reached the engine');
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    const history = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Query History' }) });
    await history.locator('.monaco-list-row', { hasText: 'SELECT * FROM Calls' }).first().waitFor({ timeout: 30_000 });
  });

  step("the user's own per-call limit (their settings, unlike the repository's, apply): a join estimated above it asks, then is refused with the estimate and a hint, never started", async () => {
    const { page, userData, workspace } = workbench;
    const settings = JSON.parse(await readFile(join(userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    await replaceUserSettings(page, userData, { ...settings, 'gongsql.agent.maxApiCallsPerCall': 10, 'gongsql.agent.allowWrites': true });
    const count = (await invocations(workspace)).length;
    await startInvocation(page, 'gongsql_run_query', { sql: 'SELECT c.Id, p.Name FROM Calls c JOIN CallParties p ON p.CallId = c.Id' });
    const asked = page.locator('.monaco-dialog-box', { hasText: 'Run a costly query on Sandbox?' });
    await asked.waitFor({ timeout: 60_000 });
    // The confirmation sends nothing to estimate (no first page counted), so a join's estimate is open.
    assert.match(await asked.innerText(), /It needs \d+ or more API calls: [^\n]*\s+This session's agent budget on Sandbox: \d+ of 500 API calls left; one call may spend at most 10\./);
    await asked.locator('.monaco-button', { hasText: /^Yes$/ }).click();
    const failure = failureOf(await nextInvocation(workspace, count, 60_000));
    assert.match(failure.refused?.message ?? '', /^Not run: it needs about \d+ API calls .*more than this call may spend: 10 per call\./);
    assert.match(failure.refused?.hint ?? '', /filter on a column Gong evaluates[\s\S]*gongsql\.agent\.maxApiCallsPerCall/);
    assert.equal(failure.apiCalls.perCallLimit, 10);
  });

  step('with writes allowed in the user settings, a write always asks, saying it changes Gong; Cancel runs nothing', async () => {
    const { page, workspace } = workbench;
    const count = (await invocations(workspace)).length;
    await startInvocation(page, 'gongsql_run_query', { sql: "DELETE FROM CRMIntegrations WHERE IntegrationId = '1'" });
    const asked = page.locator('.monaco-dialog-box', { hasText: 'Change Gong on Sandbox?' });
    await asked.waitFor({ timeout: 60_000 });
    const said = await asked.innerText();
    assert.match(said, /An AI agent asks to run this statement, which changes Gong\./);
    assert.match(said, /\nDELETE FROM CRMIntegrations WHERE IntegrationId = '1'$/);
    await page.screenshot({ path: join(SHOTS, 'lm-confirmation-write.png') });
    await asked.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    const outcome = await nextInvocation(workspace, count);
    assert.equal(outcome.error, 'Canceled');
    const entries = (await readFile(join(STATE_DIR, 'history.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string });
    assert.equal(entries.filter((e) => e.text.startsWith('DELETE')).length, 0, 'the write never ran');
  });
});
