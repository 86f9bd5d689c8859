import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Frame } from 'playwright-core';
import { openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SQL = 'SELECT Name FROM Workspaces ORDER BY Name';

describe('the results panel across reloads in a real VS Code', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'restore.gongsql': `${SQL};\n` } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const tab = () => workbench.page.locator('.tab', { hasText: 'Results: restore.gongsql' });
  /** The grid of a page that has not been marked as seen: a reloaded one, not the old frame. */
  const freshGrid = () => webviewFrame(workbench.page, 'body:not([data-seen]) [role=gridcell]:has-text("Customer Success")');
  const markSeen = (frame: Frame) => frame.evaluate(() => { document.body.dataset.seen = 'yes'; });

  step('runs the statement at the cursor with Ctrl+Enter', async () => {
    const { page } = workbench;
    await openFile(page, 'restore.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    // The file opens with the cursor at its start, in the statement.
    await page.locator('.monaco-editor .view-line', { hasText: 'Workspaces' }).first().click();
    await page.keyboard.press('Control+Enter');
    await tab().first().waitFor({ timeout: 30_000 });
    await freshGrid();
  });

  step('a reloaded webview shows the rows the host still holds', async () => {
    await markSeen(await freshGrid());
    await runCommand(workbench.page, 'Developer: Reload Webviews');
    const frame = await freshGrid();
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: /^(Customer Success|EMEA)$/ }).count()) === 2, 'the rows again');
  });

  step('after a window reload the panel is back, says its rows are gone, and runs the statement again', async () => {
    const { page } = workbench;
    // The command saves the window's state (its editors, the panel's webview state) and reloads the page.
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runCommand(page, 'Developer: Reload Window')]);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await tab().first().waitFor({ timeout: 60_000 });
    const frame = await webviewFrame(page, 'text=Results from before the reload are gone', 60_000);
    assert.equal(await frame.locator('.restored .statement').textContent(), SQL);
    assert.equal(await tab().count(), 1, 'one results panel, not an empty group beside a new one');
    const groups = () => page.locator('.editor-group-container').count();
    const groupsBefore = await groups();
    await frame.getByRole('button', { name: 'Run' }).click();
    const grid = await webviewFrame(page, '[role=gridcell]:has-text("Customer Success")', 60_000);
    assert.equal(grid, frame, 'the results show in the restored panel');
    assert.equal(await tab().count(), 1);
    assert.equal(await groups(), groupsBefore, 'the panel stays where it is: no new editor group');
  });
});
