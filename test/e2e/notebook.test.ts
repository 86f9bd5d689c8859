import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { addConnection, notification, openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const LONG = JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['SELECT count(*) FROM CallTranscripts'] }] }, null, 2);

/** A cell that counts forever once Workspaces is read: only the interrupt ends it. */
const RUNAWAY = JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['WITH RECURSIVE r(n) AS (SELECT count(*) FROM Workspaces UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r'] }] }, null, 2);

const EXPLAIN = JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ["EXPLAIN SELECT Id, Title FROM Calls WHERE Started > '2025-01-01' AND Duration > 100"] }] }, null, 2);

/** Saved by hand or by another tool: the second cell's output has no "rows" list. */
const BROKEN_OUTPUTS = `${JSON.stringify({
  gongsqlNotebook: 1,
  cells: [
    { kind: 'markdown', source: ['# Kept notes'] },
    { kind: 'gongsql', source: ['SELECT Name FROM Workspaces'], outputs: [{ columns: [{ name: 'Name', type: 'text' }], rows: 'EMEA', totalRows: 1, messages: [] }] },
  ],
}, null, 2)}\n`;

/** A cell that cannot be read at all: the notebook must not open (a save would lose it). */
/** A notebook whose second cell is still empty. */
const EMPTY_CELL = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['SELECT 1'] }, { kind: 'gongsql', source: [] }] }, null, 2)}\n`;

const UNFILTERED_UPDATE = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['UPDATE PermissionProfiles SET Description = Description'] }] }, null, 2)}\n`;

const BROKEN_CELL = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: ['SELECT 1'] }, { kind: 'python', source: ['print(1)'] }] }, null, 2)}\n`;

/** The visible notebook toolbar button whose label starts with one of `labels`. */
function toolbarButton(page: Page, ...labels: string[]) {
  return page.locator(labels.map((label) => `.notebook-editor .notebook-toolbar-container a[aria-label^="${label}"]:visible`).join(', ')).first();
}

/** An INSERT of one call, as the sandbox's example user. */
const USER = '9209112928780475146';
const INSERT = JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: [`INSERT INTO Calls (ClientUniqueId, PrimaryUserId, Direction, ActualStart, Parties) VALUES ('pbx-nb-1', ${USER}, 'Inbound', '2026-03-01 09:00:00', '[{"UserId": "${USER}"}]')`] }] }, null, 2);

/** The notebook toolbar's Run All. */
async function runAll(page: Page): Promise<void> {
  const button = toolbarButton(page, 'Run All');
  await button.waitFor({ timeout: 30_000 });
  await button.click();
}

/** Run All, then the toolbar's Interrupt (Stop in some versions), which it offers while the cells run. */
async function runAllThenInterrupt(page: Page): Promise<void> {
  await runAll(page);
  const stop = toolbarButton(page, 'Interrupt', 'Stop');
  await stop.waitFor({ timeout: 30_000 });
  await stop.click();
}

describe('Gong SQL notebooks in a real VS Code', () => {
  let workbench: Workbench;
  let gong: Sandbox;
  before(async () => {
    // A second sandbox stands in for a Gong tenant the user switches the kernel to.
    gong = await startSandbox({ rateLimit: false, scale: 20, credentials: [{ accessKey: 'NBKEY', accessKeySecret: 'nb-secret' }] });
    workbench = await startWorkbench({ files: { 'long.gongsqlnb': LONG, 'runaway.gongsqlnb': RUNAWAY, 'explain.gongsqlnb': EXPLAIN, 'broken-outputs.gongsqlnb': BROKEN_OUTPUTS, 'broken-cell.gongsqlnb': BROKEN_CELL, 'empty-cell.gongsqlnb': EMPTY_CELL, 'insert.gongsqlnb': INSERT, 'unfiltered.gongsqlnb': UNFILTERED_UPDATE, 'start.gongsql': 'SELECT 1;\n' } });
  });
  after(async () => {
    await workbench?.stop();
    await gong?.close();
  });

  const step = stepsOf(() => workbench);

  step('creates a notebook; typing in a cell and pressing Ctrl+Enter runs it and shows the grid in the output', async () => {
    const { page } = workbench;
    // Any .gongsql file activates the extension.
    await openFile(page, 'start.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Gong: New Gong SQL Notebook');
    // The starter text says "Run a cell with Ctrl+Enter": do that, in the cell, after typing.
    const cell = page.locator('.notebook-editor .cell.code .monaco-editor .view-lines').first();
    await cell.waitFor({ timeout: 30_000 });
    await cell.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' LIMIT 2');
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="3"]', 60_000);
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: 'Customer Success' }).count()) === 1, 'the workspace rows');
    assert.deepEqual(await frame.locator('[role=columnheader] .gs-label').allTextContents(), ['Name', 'Description']);
    const lines = await page.locator('.notebook-editor .cell.code .view-line').allInnerTexts();
    assert.deepEqual(lines.map((l) => l.replace(/\u00a0/g, ' ')), ['SELECT Name, Description FROM Workspaces ORDER BY Name LIMIT 2'], 'Ctrl+Enter inserted no line');
  });

  step('saves the notebook and reopens it intact, with no secret and no output in the file', async () => {
    const { page, workspace } = workbench;
    await page.keyboard.press('Control+s');
    // VS Code's save dialog proposes a name in the workspace: take it.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await until(async () => (await input.inputValue()).endsWith('.gongsqlnb'), 'the proposed name');
    const name = (await input.inputValue()).split('/').pop() as string;
    await page.keyboard.press('Enter');
    const file = join(workspace, name);
    const readable = () => { try { JSON.parse(readFileSync(file, 'utf8')); return true; } catch { return false; } };
    await until(() => existsSync(file) && readable(), `the notebook file ${name}`);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(saved.cells.map((c: { kind: string }) => c.kind), ['markdown', 'gongsql']);
    assert.deepEqual(saved.cells[1].source, ['SELECT Name, Description FROM Workspaces ORDER BY Name LIMIT 2']);
    assert.ok(!('outputs' in saved.cells[1]), 'outputs are off by default');
    assert.ok(!/secret|accessKey|SANDBOXACCESSKEY/i.test(readFileSync(file, 'utf8')));
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, name);
    await page.locator('.notebook-editor .view-line', { hasText: 'FROM Workspaces ORDER BY Name' }).first().waitFor({ timeout: 30_000 });
  });

  step('opens a notebook whose saved output is malformed: the cells show, a warning names the cell, the file is unchanged', async () => {
    const { page, workspace } = workbench;
    await openFile(page, 'broken-outputs.gongsqlnb');
    await page.locator('.notebook-editor .view-line', { hasText: 'SELECT Name FROM Workspaces' }).first().waitFor({ timeout: 30_000 });
    // Markdown cells render in the notebook's webview.
    await webviewFrame(page, 'h1:has-text("Kept notes")', 30_000);
    const warning = await notification(page, 'unreadable saved outputs not shown in cell 2');
    assert.match(await warning.innerText(), /cell 2, output 1: "rows" is not a list/);
    assert.equal(readFileSync(join(workspace, 'broken-outputs.gongsqlnb'), 'utf8'), BROKEN_OUTPUTS, 'opening changes nothing on disk');
    assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'the notebook opens unmodified');
  });

  step('refuses a notebook whose cell cannot be read, saying which cell and why', async () => {
    const { page, workspace } = workbench;
    await openFile(page, 'broken-cell.gongsqlnb');
    const error = await notification(page, 'This notebook cannot be opened');
    assert.match(await error.innerText(), /cell 2 has the kind "python" \(expected "gongsql" or "markdown"\)/);
    assert.equal(readFileSync(join(workspace, 'broken-cell.gongsqlnb'), 'utf8'), BROKEN_CELL);
  });

  step('Ctrl+Enter in an empty cell says there is nothing to run', async () => {
    const { page } = workbench;
    await openFile(page, 'empty-cell.gongsqlnb');
    const cells = page.locator('.notebook-editor:visible .cell.code .monaco-editor .view-lines');
    await until(async () => (await cells.count()) === 2, 'the two cells');
    await cells.nth(1).click();
    await page.keyboard.press('Control+Enter');
    await webviewFrame(page, 'text=Nothing to run: this cell has no statement yet.', 60_000);
  });

  step('Cancel in the "UPDATE without WHERE" dialog: the cell says it was not run, not an error', async () => {
    const { page } = workbench;
    await openFile(page, 'unfiltered.gongsqlnb');
    await runAll(page);
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'UPDATE without WHERE changes' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const frame = await webviewFrame(page, 'text=/Not run: you declined to UPDATE all \\d+ rows of PermissionProfiles \\(no WHERE\\)\\./', 60_000);
    assert.equal(await frame.locator('text=/Error|Gong SQL:/').count(), 0, 'no error output');
    assert.equal(await page.locator('.notebook-editor:visible .cell-statusbar-container .codicon-error').count(), 0, 'the cell is not marked failed');
  });

  step('cancels a long cell', async () => {
    const { page } = workbench;
    await openFile(page, 'long.gongsqlnb');
    await runAllThenInterrupt(page);
    const frame = await webviewFrame(page, 'text=Cancelled.', 30_000);
    assert.ok(frame);
  });

  step('the interrupt stops a runaway cell while SQLite evaluates it', async () => {
    const { page } = workbench;
    await openFile(page, 'runaway.gongsqlnb');
    await runAllThenInterrupt(page);
    await webviewFrame(page, 'text=Cancelled.', 30_000);
    // The cell's run is over: Run All is offered again.
    await toolbarButton(page, 'Run All').waitFor({ timeout: 30_000 });
  });

  step('shows an EXPLAIN output in the record view, every sentence whole', async () => {
    const { page } = workbench;
    await openFile(page, 'explain.gongsqlnb');
    await runAll(page);
    const frame = await webviewFrame(page, '.gs-records [role=cell]', 60_000);
    const estimate = frame.locator('.gs-records [role=row]', { has: frame.getByRole('rowheader', { name: 'EstimatedCalls' }) }).getByRole('cell');
    await until(async () => (await estimate.allTextContents()).join() === '1+ (1 request or more (100 records per page))', 'the estimate in the record view');
    assert.equal(await estimate.evaluate((c) => c.scrollWidth <= c.clientWidth && c.scrollHeight <= c.clientHeight), true, 'not clipped');
  });

  step('the kernel names the active connection and follows a switch', async () => {
    const { page } = workbench;
    const kernel = (name: string) => page.locator('.notebook-editor:visible .notebook-toolbar-container .action-item', { hasText: `Gong SQL: ${name}` }).first();
    await kernel('Sandbox').waitFor({ timeout: 30_000 });
    await addConnection(page, 'Acme Gong', gong.url, 'NBKEY', 'nb-secret');
    await notification(page, 'Acme Gong: connected');
    await kernel('Acme Gong').waitFor({ timeout: 30_000 });
  });

  step('an INSERT whose answer never came shows its row as unknown and how to check', async () => {
    const { page } = workbench;
    // Gong (the connection switched to above) creates the call, then the connection closes before any byte of its answer.
    gong.faults.add({ kind: 'hangUp', route: 'POST /v2/calls' });
    await openFile(page, 'insert.gongsqlnb');
    await runAll(page);
    const frame = await webviewFrame(page, '[role=gridcell]:text-is("unknown")', 60_000);
    await frame.locator('text=/To check, run the statement again: Gong refuses a second Calls row with ClientUniqueId \'pbx-nb-1\'/').first().waitFor({ timeout: 30_000 });
    assert.ok(gong.store.clientUniqueIds.has('pbx-nb-1'), 'Gong did create the call');
  });

  step('running that cell again, as the check says, shows the row as exists and writes nothing twice', async () => {
    const { page } = workbench;
    await runAll(page);
    const frame = await webviewFrame(page, '[role=gridcell]:text-is("exists")', 60_000);
    await frame.locator('text=/0 of 1 row inserted in Calls; 1 already in Gong/').first().waitFor({ timeout: 30_000 });
    assert.equal(gong.world.calls.filter((c) => c.meta.clientUniqueId === 'pbx-nb-1').length, 1, 'one call, not two');
  });
});
