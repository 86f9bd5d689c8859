import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { generateWorld } from '../../src/sandbox/data/generate';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** Five calls of the extension's sandbox (default seed), the hostile title among them. */
const visible = generateWorld().calls.filter((c) => c.state === 'processed');
const hostile = visible.find((c) => c.meta.title === '<img src=x onerror=alert(1)>')!;
const FIVE = [hostile, ...visible.filter((c) => c !== hostile).slice(0, 4)].map((c) => `'${c.meta.id}'`).join(', ');

describe('the extension in a real VS Code (code-server)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({
      files: {
        'calls.gongsql': `SELECT Id, Title, Direction FROM Calls WHERE Id IN (${FIVE});\n`,
        'notes.txt': 'not a query\n',
      },
    });
  });
  const step = stepsOf(() => workbench);
  after(async () => {
    await workbench?.stop();
  });

  step('stays inactive until a .gongsql file opens, then activates', async () => {
    const { page } = workbench;
    const status = page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' });
    await openFile(page, 'notes.txt');
    assert.equal(await status.count(), 0, 'not activated by a plain text file');
    await openFile(page, 'calls.gongsql');
    await status.first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.tab.active').getAttribute('data-resource-name'), 'calls.gongsql');
  });

  step('shows the Gong view in the activity bar, offering the sandbox with no configuration', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    const sandbox = page.locator('.monaco-list-row', { hasText: 'Sandbox (built-in)' });
    await sandbox.waitFor({ timeout: 30_000 });
    await page.locator('.monaco-list-row', { hasText: 'Calls' }).first().waitFor();
    await sandbox.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Reset Sandbox Data' }).waitFor();
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('.monaco-list-row', { hasText: 'Procedures' }).count() > 0);
  });

  step('the explorer: Select Top 100 as a button on the hovered object, full column descriptions in tooltips', async () => {
    const { page } = workbench;
    const row = (level: number, label: string) => page.locator(`.part.sidebar .monaco-list-row[aria-level="${level}"]`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row(2, 'Calls').click();
    const calls = row(3, 'Calls');
    await calls.hover();
    await calls.locator('.action-label[aria-label="Select Top 100"]').click();
    const frame = await webviewFrame(page, '[role=grid]');
    await until(async () => (await frame.locator('[role=columnheader] .gs-label').allTextContents()).slice(0, 3).join() === 'Id,Url,Title', 'the columns of Calls', 60_000);
    await until(async () => Number(await frame.locator('[role=grid]').getAttribute('aria-rowcount')) > 1, 'rows of Calls', 60_000);

    // The row says only the type (it fits the sidebar); the tooltip has the description and the filters.
    await calls.locator('.label-name').click();
    const scheduled = row(4, 'Scheduled');
    assert.equal(await scheduled.locator('.label-description').textContent(), 'datetime');
    await scheduled.hover();
    const tooltip = page.locator('.monaco-hover:visible', { hasText: 'Scheduled start (ISO-8601).' }).first();
    await tooltip.waitFor({ timeout: 20_000 });
    assert.match(await tooltip.innerText(), /Gong evaluates Scheduled > >= < <=/);
  });

  step('the explorer groups the new objects: Engage and Privacy, a required filter said in the tooltip (screenshots, both themes)', async () => {
    const { page } = workbench;
    const row = (level: number, label: string) => page.locator(`.part.sidebar .monaco-list-row[aria-level="${level}"]`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row(2, 'Calls').click();
    for (const group of ['Engage', 'Privacy']) await row(2, group).click();
    for (const name of ['Flows', 'FlowFolders', 'ProspectFlows', 'CallOutcomeTypes', 'DataPrivacyByEmail', 'DataPrivacyByPhone']) await row(3, name).waitFor({ timeout: 20_000 });
    await row(3, 'DataPrivacyByEmail').locator('.label-name').click();
    const email = row(4, 'EmailAddress');
    await email.hover();
    const tooltip = page.locator('.monaco-hover:visible', { hasText: 'The email address looked up' }).first();
    await tooltip.waitFor({ timeout: 20_000 });
    assert.match(await tooltip.innerText(), /Required: sent to Gong as emailAddress/);
    const shots = '/tmp/shots-rest';
    await mkdir(shots, { recursive: true });
    for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
      const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme });
      const dark = theme.includes('Dark');
      await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      await email.hover();
      await page.locator('.monaco-hover:visible', { hasText: 'The email address looked up' }).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(shots, `explorer-privacy-${dark ? 'dark' : 'light'}.png`) });
    }
    await row(3, 'DataPrivacyByEmail').locator('.label-name').click();
  });

  step('the palette has one command per intent: no Run Query beside Run File, Refresh says what it refreshes', async () => {
    const { page } = workbench;
    const titles = async (filter: string, expected: string) => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill(`>${filter}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: expected }).first().waitFor();
      // VS Code's own commands match too (its file explorer's Refresh Explorer): only the Gong ones count.
      const found = (await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents()).filter((t) => t.startsWith('Gong:'));
      await page.keyboard.press('Escape');
      return found;
    };
    const run = await titles('Gong: Run', 'Gong: Run File');
    assert.ok(run.includes('Gong: Run Statement at Cursor'), run.join(' | '));
    assert.ok(!run.includes('Gong: Run Query'), run.join(' | '));
    // One per view, each naming what it refreshes (a bare "Refresh" would not say).
    assert.deepEqual((await titles('Gong: Refresh', 'Gong: Refresh Explorer')).sort(), ['Gong: Refresh Explorer', 'Gong: Refresh Query History']);
  });

  step('runs a query from the command palette on the sandbox and shows the rows in the results webview', async () => {
    const { page } = workbench;
    await openFile(page, 'calls.gongsql');
    await runCommand(page, 'Gong: Run File');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="6"]');
    const headers = await frame.locator('[role=columnheader] .gs-label').allTextContents();
    assert.deepEqual(headers, ['Id', 'Title', 'Direction']);
    // Rows are drawn first and filled when their window arrives from the extension host.
    const idCells = frame.locator('.gs-rows [role=row]:visible [role=gridcell]:nth-child(2)');
    await until(async () => {
      const ids = await idCells.allTextContents();
      return ids.length === 5 && ids.every((id) => /^\d{15,19}$/.test(id));
    }, 'five ids as exact text (15 to 19 digits)');
    // The hostile title renders as text: no <img> element was created from it.
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: '<img src=x onerror=alert(1)>' }).count()) === 1, 'the hostile title as text');
    assert.equal(await frame.locator('.gs-grid img').count(), 0);
    await page.locator('.statusbar-item', { hasText: /calls today/ }).first().waitFor();
  });
});
