import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { generateWorld } from '../../src/sandbox/data/generate';
import { openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

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
