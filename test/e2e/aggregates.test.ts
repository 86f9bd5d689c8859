import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { editorLines, openFile, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** The sandbox's Calls span many pages: an aggregate computed page by page would show a row per page. */
describe('aggregates SQLite knows, in the editor', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'stats.gongsql': '' } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);

  step('completion offers median among the functions, as an aggregate', async () => {
    const { page } = workbench;
    await openFile(page, 'stats.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await editorLines(page, 'stats.gongsql').click();
    await page.keyboard.type('SELECT medi');
    await page.keyboard.press('Control+Space');
    const median = page.locator('.suggest-widget .monaco-list-row', { hasText: 'median' });
    await median.first().waitFor({ timeout: 20_000 });
    assert.ok((await page.locator('.suggest-widget .monaco-list-row .label-name').allTextContents()).includes('median'));
    await page.keyboard.press('Escape');
  });

  step('median and mode over every call (many pages) are one row, and the mode of an id column is the id digit for digit', async () => {
    const { page } = workbench;
    await editorLines(page, 'stats.gongsql').click();
    await page.keyboard.press('Control+A');
    // No other aggregate beside them: the statement streams page by page if the engine does not know they aggregate.
    await page.keyboard.type('SELECT median(Duration), mode(WorkspaceId) FROM Calls;');
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid]');
    // The run's message once it has ended: how many rows, and the pages read for them.
    await until(async () => (await frame.locator('p.message').allTextContents()).some((m) => /^\d+ rows? in \d+ ms; \d+ API calls, \d+ pages/.test(m)), 'the run to end');
    const messages = await frame.locator('p.message').allTextContents();
    assert.match(messages.join('\n'), /^1 row in \d+ ms; (\d\d+) API calls, \1 pages/m, 'one row for every page of calls');
    await frame.locator('[role=grid][aria-rowcount="2"]').waitFor({ timeout: 20_000 });
    // The row count is announced before the grid paints the row: wait for its cells.
    const visibleCells = async () => (await frame.locator('.gs-rows [role=row]:visible [role=gridcell]').allTextContents()).map((c) => c.trim());
    await until(async () => (await visibleCells()).filter((c) => c !== '').length >= 2, 'the row to be painted');
    const cells = await visibleCells();
    const [median, mode] = cells.slice(-2);
    assert.match(median ?? '', /^\d+(\.\d+)?$/, `the median: ${cells.join(' | ')}`);
    assert.match(mode ?? '', /^\d{19}$/, `a workspace id: ${cells.join(' | ')}`);
  });
});
