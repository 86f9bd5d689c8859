import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editFile, editorLines, notification, openFile, runCommand, startWorkbench, stepsOf, switchTheme, until, webviewFrame, type Workbench } from './harness';

/** A statement that fails while it runs (not when it is checked), after one that succeeds. */
const BAD_JSON = "SELECT Id FROM Calls LIMIT 3;\nSELECT json_extract('{bad', '$.a') FROM Calls LIMIT 3;\n";

/** A typo on line 5, in a statement that is not the file's first. */
const TYPO = '-- Calls of the week\nSELECT Id FROM Calls LIMIT 1;\n\n-- a typo on line 5\nSELECT Id, Titel FROM Calls LIMIT 3;\n';

describe('running what the cursor is on, and errors that point into the file', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'typed.gongsql': '', 'blank.gongsql': '', 'typo.gongsql': TYPO, 'badjson.gongsql': BAD_JSON, 'declined.gongsql': '', 'erase.gongsql': '', 'perUser.gongsql': '', 'keyed.gongsql': '' } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const edit = editFile;
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

  step('a new run says Running… until its first rows are here, then the count (no count over empty rows)', async () => {
    const { page } = workbench;
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="8"]');
    // Records each status text the grids show, and when the first rows reached the page: the
    // message's own time stamp (made before any listener runs, the page's included).
    await frame.evaluate(() => {
      const seen: { text: string; at: number }[] = [];
      const record = window as unknown as { seen: typeof seen; rowsAt?: number; begun?: boolean };
      record.seen = seen;
      window.addEventListener('message', (event) => {
        const type = (event.data as { type?: string }).type;
        // Only what the new run shows: the previous result may still repaint until it begins.
        if (type === 'begin') record.begun = true;
        if (type === 'rows') record.rowsAt ??= event.timeStamp;
      });
      new MutationObserver(() => {
        const text = document.querySelector('.gs-count')?.textContent;
        if (record.begun && text && seen[seen.length - 1]?.text !== text) seen.push({ text, at: performance.now() });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await edit(page, 'typed.gongsql');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT Id, Title FROM Calls LIMIT 40;');
    await page.keyboard.press('Control+Enter');
    await frame.locator('[role=grid][aria-rowcount="41"]').waitFor({ timeout: 60_000 });
    const { seen, rowsAt } = await frame.evaluate(() => {
      const record = window as unknown as { seen: { text: string; at: number }[]; rowsAt?: number };
      return { seen: record.seen, rowsAt: record.rowsAt };
    });
    const said = seen.map((s) => s.text).join(' | ');
    assert.equal(seen[0]?.text, 'Running…', said);
    const firstCount = seen.find((s) => /^\d+ rows?/.test(s.text));
    assert.ok(firstCount && rowsAt !== undefined && firstCount.at >= rowsAt, `a count before any row: ${said} (rows at ${rowsAt}, count at ${firstCount?.at})`);
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
    await editorLines(page, 'typo.gongsql').click();
    await page.keyboard.press('Control+Home');
    await cursorAt(page, 1, 1);
    await frame.locator('p.error a.location').click();
    await cursorAt(page, 5, 12);
  });

  step('a statement failing while it runs: the run ends, earlier messages stay, the error is under its statement', async () => {
    const { page } = workbench;
    await runCommand(page, 'Notifications: Clear All Notifications');
    await edit(page, 'badjson.gongsql');
    await page.keyboard.press('Control+Shift+Enter');
    const frame = await webviewFrame(page, '.msg-group p.error');
    const groups = frame.locator('.msg-group');
    await until(async () => (await groups.count()) === 2, 'both statements in Messages');
    assert.equal(await groups.nth(0).locator('.msg-statement').innerText(), 'SELECT Id FROM Calls LIMIT 3');
    assert.match(await groups.nth(0).locator('p.message').innerText(), /^3 rows in \d+ ms/);
    assert.equal(await groups.nth(1).locator('.msg-statement').innerText(), "SELECT json_extract('{bad', '$.a') FROM Calls LIMIT 3");
    assert.match(await groups.nth(1).locator('.msg-time').innerText(), /^\d\d:\d\d:\d\d$/);
    assert.equal(await groups.nth(1).locator('p.error').innerText(), 'SQLite: malformed JSON');
    // Nothing still runs: no progress bar, no count "so far".
    await until(async () => (await frame.locator('#root.running').count()) === 0, 'the progress bar to stop');
    assert.ok(!(await frame.locator('.gs-loading').count()), 'no grid still loading');
    // Tabs say which statement they came from; the tooltip has its first line.
    const first = frame.locator('[role=tab]').first();
    assert.equal(await first.innerText(), 'Calls');
    assert.equal(await first.getAttribute('title'), 'SELECT Id FROM Calls LIMIT 3');
    await first.click();
    await until(async () => (await frame.locator('[role=grid][aria-rowcount="4"]').count()) === 1, 'the first result\'s 3 rows');

    // The failing statement alone (Ctrl+Enter): its tab ends too, Messages says the error under it.
    await edit(page, 'badjson.gongsql');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await cursorAt(page, 2, 55);
    await page.keyboard.press('Control+Enter');
    await until(async () => (await groups.count()) === 1 && (await groups.first().locator('p.error').count()) === 1, 'the error under the statement alone');
    assert.equal(await groups.first().locator('.msg-statement').innerText(), "SELECT json_extract('{bad', '$.a') FROM Calls LIMIT 3");
    await until(async () => (await frame.locator('#root.running').count()) === 0 && (await frame.locator('.gs-loading').count()) === 0, 'the run to end');
  });

  step('pressing Cancel in the "UPDATE without WHERE" dialog says the statement was not run, and no error', async () => {
    const { page } = workbench;
    await runCommand(page, 'Notifications: Clear All Notifications');
    await edit(page, 'declined.gongsql');
    await page.keyboard.type('UPDATE PermissionProfiles SET Description = Description;');
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'UPDATE without WHERE changes' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const said = /^Not run: you declined to UPDATE all \d+ rows of PermissionProfiles \(no WHERE\)\.$/;
    const toast = await notification(page, 'Not run: you declined');
    assert.match((await toast.locator('.notification-list-item-message').innerText()).replace(/^Gong SQL: /, ''), said);
    assert.equal(await toast.locator('.codicon-error').count(), 0, 'an information, not an error');
    assert.equal(await page.locator('.notification-list-item:visible .codicon-error').count(), 0, 'no error toast');
    const frame = await webviewFrame(page, '.msg-group .msg-statement >> text=UPDATE PermissionProfiles');
    const group = frame.locator('.msg-group').last();
    await until(async () => (await group.locator('p.message').count()) > 0, 'Messages to say it was not run');
    assert.match(await group.locator('p.message').last().innerText(), said);
    assert.equal(await group.locator('p.error').count(), 0);
  });

  step('an erase CALL always asks, saying what it erases, with a button naming it; Cancel sends nothing and says so (screenshots in both themes)', async () => {
    const { page } = workbench;
    const shots = '/tmp/shots-rest';
    await mkdir(shots, { recursive: true });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await edit(page, 'erase.gongsql');
    await page.keyboard.type("CALL EraseDataForEmailAddress('jane.doe@example.com');");
    for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
      const dark = await switchTheme(workbench, theme);
      await editorLines(page, 'erase.gongsql').click();
      await page.keyboard.press('End');
      await page.keyboard.press('Control+Enter');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'This cannot be undone' });
      await dialog.waitFor({ timeout: 60_000 });
      assert.match(await dialog.innerText(), /CALL EraseDataForEmailAddress will erase all data Gong holds that references jane\.doe@example\.com \(calls, emails, meetings, CRM records\)\. This cannot be undone\. Run it\?/);
      assert.equal(await dialog.locator('.monaco-button', { hasText: 'Run EraseDataForEmailAddress' }).count(), 1, 'the yes button names what it runs');
      await page.screenshot({ path: join(shots, `erase-dialog-${dark ? 'dark' : 'light'}.png`) });
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      const toast = await notification(page, 'Not run: you declined to erase');
      assert.match(await toast.locator('.notification-list-item-message').innerText(), /Not run: you declined to erase all data Gong holds that references jane\.doe@example\.com .*\(CALL EraseDataForEmailAddress\)\. Nothing was sent to Gong\./);
      await runCommand(page, 'Notifications: Clear All Notifications');
    }
  });

  /** The API calls the status bar says were spent today on the connection (none said before the first). */
  const callsToday = async (page: Page) => {
    const item = page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first();
    const used = /([\d,]+)\/[\d,]+ calls today/.exec(await item.innerText());
    return used ? Number(used[1]!.replace(/,/g, '')) : 0;
  };

  step('a read of one request per user asks first, saying the per-user cost with the number of users; Cancel says it was not run (screenshots in both themes)', async () => {
    const { page } = workbench;
    const shots = '/tmp/shots-cost';
    await mkdir(shots, { recursive: true });
    await edit(page, 'perUser.gongsql');
    await page.keyboard.type('SELECT * FROM Flows;');
    for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
      const dark = await switchTheme(workbench, theme);
      await editorLines(page, 'perUser.gongsql').click();
      await page.keyboard.press('End');
      const before = await callsToday(page);
      await page.keyboard.press('Control+Enter');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Gong API calls' });
      await dialog.waitFor({ timeout: 60_000 });
      // While the dialog waits nothing more is sent: the status bar settles on the one request that counted the users.
      await until(async () => (await callsToday(page)) === before + 1, 'one API call (the count of users) before the question');
      const text = await dialog.innerText();
      const [, estimate, users] = /This statement needs about (\d+) Gong API calls \(more than 50\)\. Flows: reads Users \(\d+ requests?\), then 1 request per user × (\d+) users \(Gong's count of Users\)\. Run it\?/.exec(text) ?? [];
      assert.ok(estimate && users, `the dialog says the per-user cost: ${text}`);
      assert.ok(Number(estimate) > Number(users), 'the users are counted in');
      await page.screenshot({ path: join(shots, `per-user-dialog-${dark ? 'dark' : 'light'}.png`) });
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      const toast = await notification(page, 'Not run: you declined to spend');
      assert.match(await toast.locator('.notification-list-item-message').innerText(), new RegExp(`Not run: you declined to spend about ${estimate} Gong API calls on this statement\\.`));
      await runCommand(page, 'Notifications: Clear All Notifications');
    }
  });

  step('a join read by the keys of a filtered Calls asks after Calls\' first page, with the keyed reads counted from Gong\'s count of Calls; Cancel spends nothing more', async () => {
    const { page } = workbench;
    await edit(page, 'keyed.gongsql');
    await page.keyboard.type("SELECT count(*) FROM Calls c JOIN CallParties p ON p.CallId = c.Id JOIN CallInteractionStats i ON i.CallId = c.Id WHERE c.Scheduled >= '2025-01-01';");
    const before = await callsToday(page);
    await page.keyboard.press('Control+Enter');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Gong API calls' });
    await dialog.waitFor({ timeout: 60_000 });
    // Only Calls' first page (its count) before the question, not all of Calls nor any keyed read.
    await until(async () => (await callsToday(page)) === before + 1, 'one API call (the first page of Calls) before the question');
    const text = await dialog.innerText();
    const [, estimate, pages, calls] = /This statement needs about (\d+) Gong API calls \(more than 50\)\. Calls: about (\d+) requests: Gong's count is ([\d,]+) records, 100 per page; CallParties: after c\.Id is read: 1 request per 100 of its values × at most \3 values \(Gong's count of Calls\); CallInteractionStats: after c\.Id is read/.exec(text) ?? [];
    assert.ok(estimate && pages && calls, `the dialog counts every read: ${text}`);
    assert.equal(Number(estimate), 3 * Number(pages), 'Calls\' pages and a request per 100 of its ids for each keyed read');
    await page.screenshot({ path: '/tmp/shots-cost/keyed-dialog.png' });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await notification(page, 'Not run: you declined to spend');
    assert.equal(await callsToday(page), before + 1, 'nothing more after Cancel');
    await runCommand(page, 'Notifications: Clear All Notifications');
  });
});
