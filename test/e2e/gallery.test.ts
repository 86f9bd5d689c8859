import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = process.env.GONGSQL_SHOTS ?? '/tmp/shots-gallery';

describe('Gong: Example Queries in a real VS Code (code-server)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'start.gongsql': 'SELECT 1;\n' } });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await workbench?.stop();
  });
  const step = stepsOf(() => workbench);
  const pickRow = (title: string) => workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();

  /** The quick pick filtered by `filter`, once `row` shows, screenshotted wide and narrow. */
  const shootPick = async (filter: string, row: string, name: string) => {
    const { page } = workbench;
    await page.locator('.quick-input-widget input').fill(filter);
    await pickRow(row).waitFor({ timeout: 30_000 });
    for (const width of [1400, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SHOTS, `gallery-${name}-${width < 1000 ? 'narrow' : 'wide'}.png`) });
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  };

  step('the quick pick groups the examples by topic and marks the writes, in dark and light themes', async () => {
    const { page } = workbench;
    await openFile(page, 'start.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    for (const theme of ['dark', 'light']) {
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern' });
      await page.locator(theme === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      await runCommand(page, 'Gong: Example Queries');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Gong: Example Queries' }).waitFor({ timeout: 30_000 });
      await shootPick('', 'Calls per week by workspace', `top-${theme}`);
      const separators = await page.locator('.quick-input-widget .quick-input-list-separator').allInnerTexts();
      assert.ok(separators.includes('Calls') && separators.includes('Conversation analytics'), `topics as separators: ${separators.join(', ')}`);
      await shootPick('erase', 'Erase everything about an email address', `writes-${theme}`);
      assert.match(await pickRow('Erase everything about an email address').innerText(), /erases data: irreversible/);
      await page.keyboard.press('Escape');
    }
  });

  step('calls per week by workspace: chosen from the quick pick, it opens in a new editor and Ctrl+Enter runs it', async () => {
    const { page } = workbench;
    await runCommand(page, 'Gong: Example Queries');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('calls per week');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Calls per week by workspace' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const editor = page.locator('.monaco-editor[data-uri^="untitled:"] .view-lines:visible').first();
    // The editor shows spaces as no-break spaces.
    await until(async () => /-- Example: Calls per week by workspace \(Calls\)/.test((await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' ')), 'the example in a new editor');
    // The cursor is where the example left it, just after the statement: Ctrl+Enter runs it.
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid]');
    await until(async () => (await frame.locator('[role=columnheader] .gs-label').allTextContents()).join() === 'Week,Workspace,Calls', 'the example\'s columns', 60_000);
    await until(async () => (await frame.locator('p.message').allTextContents()).some((m) => /^\d+ rows? in \d+ ms/.test(m)), 'the run to end', 60_000);
    await until(async () => Number(await frame.locator('[role=grid]').getAttribute('aria-rowcount')) > 10, 'a row per week and workspace');
    const weekCells = async () => (await frame.locator('.gs-rows [role=row]:visible [role=gridcell]').allTextContents()).map((c) => c.trim()).filter((c) => /^\d{4}-\d\d-\d\d$/.test(c));
    // The row count is announced before the grid paints the rows: wait for their cells.
    await until(async () => (await weekCells()).length > 0, 'the rows to be painted');
    const weeks = await weekCells();
    assert.ok(weeks.length > 0 && weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1), `weeks start on Monday: ${weeks.join(', ')}`);
    await page.screenshot({ path: join(SHOTS, 'gallery-ran-light-wide.png') });
  });

  step('the example\'s editor is named after it: Save As proposes calls-per-week-by-workspace.gongsql, and Ctrl+S saves it so', async () => {
    const { page, workspace } = workbench;
    const name = 'calls-per-week-by-workspace.gongsql';
    const tab = page.locator('.tabs-container .tab', { hasText: name }).first();
    await tab.waitFor({ timeout: 30_000 });
    await tab.click();
    await runCommand(page, 'File: Save As...');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await until(async () => (await input.inputValue()).endsWith(`/${name}`), `Save As to propose ${name}`);
    await page.screenshot({ path: join(SHOTS, 'gallery-save-as-light-wide.png') });
    await page.keyboard.press('Escape');
    await tab.click();
    await page.keyboard.press('Control+S');
    const file = join(workspace, name);
    await until(async () => (await readFile(file, 'utf8').catch(() => '')).startsWith('-- Example: Calls per week by workspace (Calls)'), `${file} saved with the example`);
    // VS Code then puts the file's editor in the untitled one's place.
    await page.locator(`.monaco-editor[data-uri$="/${name}"]:not([data-uri^="untitled:"])`).first().waitFor({ timeout: 30_000 });
  });

  step('the notebook button opens an example in a new notebook, a cell per statement, the warning atop the first', async () => {
    const { page } = workbench;
    await runCommand(page, 'Gong: Example Queries');
    await page.locator('.quick-input-widget input').fill('erase');
    const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Erase everything about an email address' });
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open as Notebook"]').click();
    const cells = page.locator('.notebook-editor .cell.code');
    await until(async () => (await cells.count()) === 2, 'two code cells');
    // The editor shows spaces as no-break spaces.
    const text = async (i: number) => (await cells.nth(i).locator('.view-line').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    assert.match(await text(0), /^-- Example: Erase everything about an email address \(Writes and procedures\)\n-- ERASES DATA IN GONG FOR GOOD/);
    assert.match(await text(1), /CALL EraseDataForEmailAddress\(:emailAddress\)/);
    await page.screenshot({ path: join(SHOTS, 'gallery-notebook-light-wide.png') });
  });
});
