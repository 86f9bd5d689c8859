import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { notification, openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** A typo on line 5, in a statement that is not the file's first. */
const TYPO = '-- Calls of the week\nSELECT Id FROM Calls LIMIT 1;\n\n-- a typo on line 5\nSELECT Id, Titel FROM Calls LIMIT 3;\n';

describe('running what the cursor is on, and errors that point into the file', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'typed.gongsql': '', 'blank.gongsql': '', 'typo.gongsql': TYPO } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  /** Opens a file and puts the cursor in its editor, as a click there does. */
  const edit = async (page: Page, name: string) => {
    await openFile(page, name);
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  };
  const cursorAt = (page: Page, line: number, column: number) =>
    page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 30_000 });

  step('typing a statement and pressing Ctrl+Enter right after its ; runs it', async () => {
    const { page } = workbench;
    await edit(page, 'typed.gongsql');
    await page.keyboard.type('SELECT Id, Title FROM Calls LIMIT 25;');
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="26"]');
    assert.deepEqual(await frame.locator('[role=columnheader] .gs-label').allTextContents(), ['Id', 'Title']);
  });

  step('Enter twice after the ; then Ctrl+Enter still runs the statement above', async () => {
    const { page } = workbench;
    await edit(page, 'typed.gongsql');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT Id FROM Calls LIMIT 7;');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await cursorAt(page, 3, 1);
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="8"]');
    assert.deepEqual(await frame.locator('[role=columnheader] .gs-label').allTextContents(), ['Id']);
  });

  step('a file with only a comment, or a cursor above the first statement, says there is nothing to run', async () => {
    const { page } = workbench;
    await edit(page, 'blank.gongsql');
    await page.keyboard.type('-- my queries');
    await page.keyboard.press('Control+Enter');
    await notification(page, 'Nothing to run: this file has no statement yet.');
    // Above the first statement: the comment on line 1 of typo.gongsql.
    await edit(page, 'typo.gongsql');
    await page.keyboard.press('Control+Home');
    await cursorAt(page, 1, 1);
    await page.keyboard.press('Control+Enter');
    await notification(page, 'Nothing to run: put the cursor in a statement (or just after its ;).');
  });

  step('an error on line 5 says Line 5 and the statement; Go to Line 5 puts the cursor there', async () => {
    const { page } = workbench;
    await runCommand(page, 'Notifications: Clear All Notifications');
    await edit(page, 'typo.gongsql');
    // Ctrl+End leaves the cursor on the blank line after the statement.
    await page.keyboard.press('Control+End');
    await cursorAt(page, 6, 1);
    await page.keyboard.press('Control+Enter');
    const error = await notification(page, 'Line 5, column 12: Unknown column Titel');
    assert.match(await error.innerText(), /\(in: SELECT Id, Titel FROM Calls LIMIT 3\)/);
    await page.keyboard.press('Control+Home');
    await cursorAt(page, 1, 1);
    await error.locator('.monaco-button', { hasText: 'Go to Line 5' }).click();
    await cursorAt(page, 5, 12);
  });

  step('the results\' Messages show the file position as a link to it', async () => {
    const { page } = workbench;
    const frame = await webviewFrame(page, 'p.error a.location');
    assert.match(await frame.locator('p.error').first().innerText(), /^Line 5, column 12: Unknown column Titel in Calls\. Did you mean Title\?$/);
    assert.equal(await frame.locator('p.statement').first().innerText(), 'SELECT Id, Titel FROM Calls LIMIT 3');
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await cursorAt(page, 1, 1);
    await frame.locator('p.error a.location').click();
    await cursorAt(page, 5, 12);
  });
});
