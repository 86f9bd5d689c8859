import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/codeServer';
import { answer, editFile, inEveryLook, openFile, runCommand, STATE_DIR, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SQL = 'SELECT Name FROM Workspaces WHERE Name <> :skip ORDER BY Name';
const SHOTS = '/tmp/shots-history';
const FAILING = 'SELECT Nope FROM Workspaces';
const NOTEBOOK = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: [SQL] }] }, null, 2)}\n`;

/** The Query History view's rows (in the Gong side bar). */
const historyPane = (page: Page) => page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Query History' }) });
const historyRow = (page: Page, text: string | RegExp) => historyPane(page).locator('.monaco-list-row', { hasText: text }).first();

describe('query history in a real VS Code', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'history.gongsql': `${SQL};\n`, 'secret.gongsql': 'SELECT Name FROM Workspaces WHERE Name <> :api_secret;\n', 'params.gongsqlnb': NOTEBOOK } });
  });
  after(async () => {
    await workbench?.stop();
  });
  const step = stepsOf(() => workbench);

  step('a run with a :name parameter is recorded: the Query History view shows it under Today', async () => {
    const { page } = workbench;
    await editFile(page, 'history.gongsql');
    await page.keyboard.press('Control+Enter');
    await answer(page, 'Value of :skip', 'EMEA');
    const frame = await webviewFrame(page, '[role=gridcell]:has-text("North America Sales")');
    assert.equal(await frame.locator('[role=gridcell]', { hasText: /^EMEA$/ }).count(), 0);
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    await historyPane(page).locator('.monaco-list-row', { hasText: 'Today' }).waitFor({ timeout: 30_000 });
    const row = historyRow(page, SQL);
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.locator('.label-name').textContent() ?? '', /^\d\d:\d\d {2}SELECT Name FROM Workspaces/);
    assert.match(await row.locator('.label-description').textContent() ?? '', /^2 rows · 1 API call · [\d,]+ ms · Sandbox$/);
  });

  step('the CLI reads the same history: gongsql history lists the editor\'s run', async () => {
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongsql.js'), 'history', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, GONGSQL_STATE_DIR: STATE_DIR } });
    assert.equal(cli.status, 0, cli.stderr);
    const [run] = JSON.parse(cli.stdout) as { Query: string; Surface: string; Connection: string; Rows: number }[];
    assert.deepEqual([run?.Query, run?.Surface, run?.Connection, run?.Rows], [SQL, 'editor', 'Sandbox', 2]);
  });

  step('a run of the CLI (another process) shows in the open view without Refresh; a failed run has its own icon', async () => {
    const { page } = workbench;
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongsql.js'), '--sandbox', '-e', FAILING], { encoding: 'utf8', env: { ...process.env, GONGSQL_STATE_DIR: STATE_DIR } });
    assert.equal(cli.status, 1, cli.stderr);
    const row = historyRow(page, FAILING);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.locator('.codicon-error').count(), 1, 'the failed icon');
    assert.match(await row.locator('.label-description').textContent() ?? '', /^failed: Unknown column Nope .* · Sandbox$/, 'the connection spelled as in the editor');
  });

  step('Open Result shows the kept rows with 0 API calls and says when they were read', async () => {
    const { page } = workbench;
    const usage = page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first();
    const before = await usage.textContent();
    const row = historyRow(page, SQL);
    await row.hover();
    await row.locator('.action-label[aria-label="Open Result"]').click();
    await page.locator('.tab', { hasText: /^Results: History \d\d:\d\d/ }).first().waitFor({ timeout: 30_000 });
    const frame = await webviewFrame(page, 'p.message:has-text("Reopened from query history: 0 API calls")');
    assert.match((await frame.locator('p.message').allTextContents()).join('\n'), /Kept from the run of .+ on Sandbox: these rows were read then\. Reopened from query history: 0 API calls\./);
    await frame.getByRole('tab', { name: /Workspaces/ }).first().click();
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: /^(Customer Success|North America Sales)$/ }).count()) === 2, 'the kept rows');
    assert.equal(await usage.textContent(), before, 'no API call was made');
  });

  step('the filter narrows the view as one types, and says when nothing matches', async () => {
    const { page } = workbench;
    await historyPane(page).hover();
    await historyPane(page).locator('.action-label[aria-label="Filter Query History"]').click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Filter Query History' }).waitFor();
    await page.keyboard.type('calls transcripts');
    await historyPane(page).locator('.message', { hasText: 'No run matches "calls transcripts".' }).waitFor({ timeout: 30_000 });
    assert.equal(await historyPane(page).locator('.monaco-list-row').count(), 0);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('failed');
    await historyRow(page, FAILING).waitFor({ timeout: 30_000 });
    await until(async () => (await historyPane(page).locator('.monaco-list-row', { hasText: SQL }).count()) === 0, 'only the failed run');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('workspaces skip');
    await historyRow(page, SQL).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await until(async () => /filter: workspaces skip$/.test(await historyPane(page).locator('.pane-header').textContent() ?? ''), 'the filter said in the view\'s title');
    await historyPane(page).hover();
    await historyPane(page).locator('.action-label[aria-label="Clear Query History Filter"]').click();
    await until(async () => !/filter:/.test(await historyPane(page).locator('.pane-header').textContent() ?? ''), 'the filter cleared');
  });

  step('running the file again offers the value :skip had last time', async () => {
    const { page } = workbench;
    await editFile(page, 'history.gongsql');
    await page.keyboard.press('Control+Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Value of :skip' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), 'EMEA');
    await page.keyboard.press('Enter');
    await until(async () => (await historyPane(page).locator('.monaco-list-row', { hasText: SQL }).count()) === 2, 'the second run in the view');
  });

  step('Gong: Search Query History finds a run by its words and opens it in an editor', async () => {
    const { page } = workbench;
    await runCommand(page, 'Gong: Search Query History');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Query History' }).waitFor();
    // Words as substrings: "nope" is in the failed run only, though its letters are spread over the other.
    await page.keyboard.type('nope');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: FAILING }).waitFor();
    await until(async () => (await page.locator('.quick-input-widget .monaco-list-row', { hasText: SQL }).count()) === 0, 'no fuzzy match of n-o-p-e');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Workspaces WHERE');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: SQL }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open in Editor' }).waitFor();
    assert.ok(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Result' }).count() > 0, 'a kept result is offered');
    await page.keyboard.type('Open in Editor');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-line', { hasText: SQL }).first().waitFor();
  });

  step('Run Again on a row runs it in a new editor with the values it ran with; Copy Query puts its text on the clipboard', async () => {
    const { page } = workbench;
    const runs = () => historyPane(page).locator('.monaco-list-row', { hasText: SQL }).count();
    const before = await runs();
    const row = historyRow(page, SQL);
    await row.hover();
    await row.locator('.action-label[aria-label="Run Again"]').click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Value of :skip' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), 'EMEA');
    await page.keyboard.press('Enter');
    await until(async () => (await runs()) === before + 1, 'the run again recorded');
    await page.getByRole('tab', { name: /Untitled-2/ }).first().waitFor();
    await historyRow(page, SQL).click({ button: 'right' });
    // A click on a menu that is still opening can go unheard, leaving the menu up: click it again;
    // a right-click the busy workbench did not answer with a menu is made again, as a person would.
    const copy = page.getByRole('menuitem', { name: 'Copy Query' });
    await until(async () => {
      const shown = await copy.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false);
      if (shown) await copy.click({ timeout: 3_000 }).catch(() => undefined);
      else await historyRow(page, SQL).click({ button: 'right', timeout: 3_000 }).catch(() => undefined);
      return (await page.evaluate(() => navigator.clipboard.readText()).catch(() => '')) === SQL;
    }, 'the query on the clipboard');
    // A menu left up makes the next step's Quick Open inert: closed as a person would, with Escape.
    await until(async () => {
      if (!(await copy.isVisible())) return true;
      await page.keyboard.press('Escape');
      return false;
    }, 'no menu left open');
  });

  step('a notebook keeps :name values in its parameter set, saved in the file; another set asks again', async () => {
    const { page, workspace } = workbench;
    await openFile(page, 'params.gongsqlnb');
    const runCell = async () => {
      await page.locator('.notebook-editor .cell.code .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Control+Enter');
    };
    // Read while VS Code may be writing it: a half-written file is not yet the saved one.
    const saved = (): { parameters?: unknown } => { try { return JSON.parse(readFileSync(join(workspace, 'params.gongsqlnb'), 'utf8')); } catch { return {}; } };
    const outputShows = (name: string) => webviewFrame(page, `[role=gridcell]:has-text("${name}")`, 60_000);
    await runCell();
    await answer(page, 'Value of :skip', 'EMEA');
    await outputShows('North America Sales');
    // The set is in the notebook's metadata: the file stays as the user wrote it until they save.
    assert.equal(readFileSync(join(workspace, 'params.gongsqlnb'), 'utf8'), NOTEBOOK, 'the file is not written before the user saves');
    await page.keyboard.press('Control+S');
    await until(() => JSON.stringify(saved().parameters) === JSON.stringify({ active: 'Default', sets: { Default: { skip: 'EMEA' } } }), 'the set saved in the file');
    // Runs again with the set's value: no question.
    const runs = () => historyPane(page).locator('.monaco-list-row', { hasText: SQL }).count();
    const before = await runs();
    await runCell();
    await until(async () => (await runs()) === before + 1, 'the second cell run recorded');
    assert.equal(await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Value of :skip' }).isVisible(), false, 'not asked again');
    await runCommand(page, 'Gong: Notebook Parameter Set…');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'New Parameter Set…' }).click();
    await answer(page, 'Name of the new parameter set', 'Q2');
    await runCell();
    await answer(page, 'Value of :skip', 'North America Sales');
    await outputShows('EMEA');
    await page.keyboard.press('Control+S');
    await until(() => JSON.stringify(saved().parameters) === JSON.stringify({ active: 'Q2', sets: { Default: { skip: 'EMEA' }, Q2: { skip: 'North America Sales' } } }), 'both sets in the file');
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongsql.js'), 'history', '--format', 'json', '--limit', '1'], { encoding: 'utf8', env: { ...process.env, GONGSQL_STATE_DIR: STATE_DIR } });
    assert.equal((JSON.parse(cli.stdout) as { Surface: string }[])[0]?.Surface, 'notebook');
  });

  step('a secret-named parameter is typed as a password, and the prompt says it is not remembered', async () => {
    const { page } = workbench;
    await editFile(page, 'secret.gongsql');
    await page.keyboard.press('Control+Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Value of :api_secret' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.quick-input-widget input').getAttribute('type'), 'password');
    assert.match(await page.locator('.quick-input-widget .quick-input-message').textContent() ?? '', /a secret: not remembered/);
    await page.keyboard.press('Escape');
  });

  step('screenshots of the view, dark and light, narrow and wide', async () => {
    await mkdir(SHOTS, { recursive: true });
    await inEveryLook(workbench, async (look) => {
      await historyRow(workbench.page, SQL).hover();
      await workbench.page.screenshot({ path: join(SHOTS, `history-${look}.png`) });
    });
  });

  step('Clear Query History… clears the kept results, then everything', async () => {
    const { page } = workbench;
    const clear = async (button: string) => {
      await runCommand(page, 'Gong: Clear Query History…');
      await page.locator('.monaco-dialog-box').getByRole('button', { name: button }).click();
    };
    await clear('Clear Kept Results Only');
    const row = historyRow(page, SQL);
    await until(async () => {
      await row.hover();
      return (await row.locator('.action-label[aria-label="Run Again"]').count()) === 1 && (await row.locator('.action-label[aria-label="Open Result"]').count()) === 0;
    }, 'no Open Result once results are cleared');
    await clear('Clear History and Results');
    await historyPane(page).locator('.welcome-view-content', { hasText: 'No queries run yet' }).waitFor({ timeout: 30_000 });
  });
});
