import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/codeServer';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { answer, notification, openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots-vscode';
/** The small object set of these steps: calls and their transcripts (Search Transcripts needs both). */
const OBJECTS = ['Calls', 'CallTranscripts'];

describe('the local mirror in VS Code: sync, resume, a mirror connection, queries and transcript search', () => {
  let workbench: Workbench;
  let postgres: TestPostgres;
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    postgres = await startPostgres();
    workbench = await startWorkbench({
      files: {
        'mirror.gongsql': '',
        'live.gongsql': '',
        // A repository naming a mirror (a file to read) of its own, active and answering live queries.
        '.vscode/settings.json': JSON.stringify({ 'gongsql.mirrors': [{ name: 'Repo mirror', location: '/tmp/repo.sqlite' }], 'gongsql.activeConnection': 'Repo mirror', 'gongsql.mirror.answerLiveQueriesFrom': 'Repo mirror' }),
      },
    });
  });
  after(async () => {
    await workbench?.stop();
    await postgres?.stop();
  });
  const step = stepsOf(() => workbench);
  const file = () => join(workbench.workspace, 'gong.sqlite');
  const quickTitle = (page: Page, text: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: text }).waitFor({ timeout: 60_000 });
  const quickRow = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  const explorerRow = (page: Page, label: string) => page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();

  /**
   * Sync to Local Mirror: the Gong connection to read when a mirror connection is active, the
   * objects (only OBJECTS ticked), then the destination row `destination`.
   */
  const startSync = async (page: Page, destination: string | RegExp, options: { live?: string; shot?: string; since?: string } = {}) => {
    await runCommand(page, 'Gong: Sync to Local Mirror…');
    if (options.live) {
      await quickTitle(page, 'read which Gong connection?');
      await quickRow(page, options.live).click();
    }
    await quickTitle(page, 'Sync to Local Mirror: objects');
    if (options.shot) await page.screenshot({ path: join(SHOTS, `${options.shot}-objects.png`) });
    // Every object is ticked: untick all with the header's box, tick the two wanted.
    await page.locator('.quick-input-widget').getByRole('checkbox', { name: 'Toggle all checkboxes' }).click();
    await until(async () => (await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').count()) === 0, 'nothing ticked');
    for (const name of OBJECTS) await page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first().click();
    await until(async () => (await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').count()) === OBJECTS.length, 'only the two objects ticked');
    await page.keyboard.press('Enter');
    // Since: empty (everything, as the CLI without --since) unless a date is asked for.
    await quickTitle(page, 'Sync to Local Mirror: since');
    if (options.since) await page.keyboard.type(options.since);
    await page.keyboard.press('Enter');
    await quickTitle(page, 'Sync to Local Mirror: destination');
    if (options.shot) await page.screenshot({ path: join(SHOTS, `${options.shot}-destination.png`) });
    await quickRow(page, destination).waitFor();
    assert.equal(await quickRow(page, 'Repo mirror').count(), 0, "the repository's mirror is never offered");
    await quickRow(page, destination).click();
  };
  /** The explorer's row of each of OBJECTS says its rows, when it was synced, and how its last run ended when not well. */
  const objectRows = async (page: Page, status: RegExp) => {
    for (const name of OBJECTS) {
      await until(async () => status.test(await explorerRow(page, name).locator('.label-description').textContent({ timeout: 5000 }).catch(() => '') ?? ''), `${name} in the explorer matching ${status}`);
    }
  };

  /**
   * Types `sql` into `file` (replacing what is there), runs it with Ctrl+Enter, and waits for
   * its `rows` in the grid (a count no other panel of the window shows) and `said` in Messages.
   */
  const runAndRead = async (page: Page, file: string, sql: string, rows: number, said: RegExp) => {
    await openFile(page, file);
    // A click on the line number puts the cursor in the editor however narrow its group is.
    await page.locator(`.monaco-editor[data-uri$="/${file}"] .line-numbers:visible`).first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(sql);
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, `[role=grid][aria-rowcount="${rows + 1}"]`, 120_000);
    await frame.getByRole('tab', { name: 'Messages' }).click();
    await until(async () => said.test((await frame.locator('.msg-group').first().textContent()) ?? ''), `Messages saying ${said}`);
  };
  /** `gongsql --mirror FILE` in a terminal, asked again until it reads the file, within `withinMs`: what it printed. */
  const terminalCount = async (mirror: string, withinMs: number) => {
    let said = '';
    await until(async () => {
      const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongsql.js'), '--mirror', mirror, '-e', 'SELECT COUNT(*) AS n FROM Calls', '--format', 'csv'], { encoding: 'utf8', timeout: 30_000 });
      said = `${run.stdout}${run.stderr}`;
      return run.status === 0;
    }, `gongsql --mirror on ${mirror}`, withinMs).catch((error: Error) => {
      throw new Error(`${error.message}: ${said}`);
    });
    return said;
  };
  const userSettings = async () => JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;

  step("a workspace's mirror settings are ignored, and the user is told", async () => {
    const { page } = workbench;
    await openFile(page, 'mirror.gongsql');
    await notification(page, /gongsql\.activeConnection and gongsql\.mirrors and gongsql\.mirror\.answerLiveQueriesFrom: ignored/, 60_000);
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('Sync to Local Mirror: objects picked, gong.sqlite in the workspace, progress, a summary; Query the Mirror adds a mirror connection', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    await startSync(page, 'SQLite file…');
    // The file step offers gong.sqlite in the workspace: Enter takes it.
    const input = page.locator('.quick-input-widget input');
    await until(async () => (await input.inputValue()).endsWith('/gong.sqlite'), 'gong.sqlite offered');
    await page.keyboard.press('Enter');
    const progress = await notification(page, /Syncing Sandbox into gong\.sqlite/, 60_000);
    await progress.locator('.notification-list-item-message', { hasText: /API call/ }).first().waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, 'sync-progress-light-wide.png') });
    // A toast hides after a while: the summary says where the offer is found again.
    const summary = await notification(page, /Synced 2 objects into gong\.sqlite: [\d,]+ rows, [\d,]+ API calls.* Later: Add Mirror Connection…/, 300_000);
    assert.ok(existsSync(file()), 'the file is in the workspace');
    await summary.locator('.monaco-button', { hasText: 'Query the Mirror' }).click();
    await answer(page, 'Mirror connection: name', 'Mirror first');
    await page.locator('.statusbar-item', { hasText: 'Gong: Mirror first' }).first().waitFor({ timeout: 30_000 });
    await explorerRow(page, 'Mirror first').waitFor({ timeout: 30_000 });
    await objectRows(page, /^[\d,]+ rows · synced \d\d:\d\d$/);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('Cancel stops a sync, the explorer says stopped; running it again resumes where it stopped', async () => {
    const { page } = workbench;
    // A new file, so that the run is long enough to stop in the middle of Calls. A mirror
    // connection is active: the sync asks which Gong connection to read.
    await startSync(page, 'SQLite file…', { live: 'Sandbox', shot: 'sync-light-wide' });
    const input = page.locator('.quick-input-widget input');
    await until(async () => (await input.inputValue()).endsWith('/gong.sqlite'), 'the file step');
    // A typed path, and Enter where typing left the cursor, takes it.
    await page.keyboard.press('Control+a');
    await page.keyboard.type(join(workbench.workspace, 'resume.sqlite'));
    await page.keyboard.press('Enter');
    const progress = await notification(page, /Syncing Sandbox into resume\.sqlite/, 60_000);
    await progress.locator('.notification-list-item-message', { hasText: /Calls \(1\/2\) · [1-9][\d,]* rows/ }).waitFor({ timeout: 120_000 });
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await notification(page, /Sync into resume\.sqlite stopped after 0 objects .* Run it again to resume where it stopped\./, 120_000);
    await runCommand(page, 'Notifications: Clear All Notifications');

    // Add Mirror Connection on the stopped file: Calls says stopped.
    await runCommand(page, 'Gong: Add Mirror Connection…');
    await quickTitle(page, 'Add Mirror Connection: destination');
    await quickRow(page, 'resume.sqlite').click();
    await answer(page, 'Mirror connection: name', 'Mirror gong');
    await page.locator('.statusbar-item', { hasText: 'Gong: Mirror gong' }).first().waitFor({ timeout: 30_000 });
    await explorerRow(page, 'Mirror gong').waitFor({ timeout: 30_000 });
    await until(async () => /^stopped · [\d,]+ rows · synced \d\d:\d\d$/.test(await explorerRow(page, 'Calls').locator('.label-description').textContent({ timeout: 5000 }).catch(() => '') ?? ''), 'Calls stopped in the explorer');
    await page.locator('.part.sidebar').screenshot({ path: join(SHOTS, 'explorer-stopped-light-wide.png') });

    await startSync(page, /Mirror gong/, { live: 'Sandbox' });
    const summary = await notification(page, /Synced 2 objects into resume\.sqlite: .*Resumed where the last run stopped: Calls\./, 300_000);
    await objectRows(page, /^[\d,]+ rows · synced \d\d:\d\d$/);
    await summary.locator('.monaco-button', { hasText: 'Query the Mirror' }).click();
    await page.locator('.statusbar-item', { hasText: 'Gong: Mirror gong' }).first().waitFor({ timeout: 30_000 });
  });

  step('a query on the mirror connection: rows in the grid, 0 API calls in Messages', async () => {
    const { page } = workbench;
    await runAndRead(workbench.page, 'mirror.gongsql', 'SELECT Id, Title FROM Calls LIMIT 5;', 5, /\b0 API calls\b/);
  });

  step('a terminal query works moments after a query in the window (the window lets the file go when idle)', async () => {
    // resume.sqlite was just queried in the window (the step before).
    assert.match(await terminalCount(join(workbench.workspace, 'resume.sqlite'), 15_000), /^n\r?\n1926\r?\n/);
  });

  step('a write on the mirror connection: read-only, with the editor\'s advice (a live connection), not the CLI\'s', async () => {
    const { page } = workbench;
    await openFile(page, 'mirror.gongsql');
    await page.locator('.monaco-editor[data-uri$="/mirror.gongsql"] .line-numbers:visible').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type("UPDATE PermissionProfiles SET Name = 'x' WHERE Id = '1';");
    await page.keyboard.press('Control+Enter');
    const error = await notification(page, /Mirror gong is a mirror, read-only: .*switch to a live connection \(Gong: Switch Connection/, 60_000);
    assert.doesNotMatch(await error.innerText(), /--mirror|in the CLI/);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('Search Transcripts: typing a word lists matching sentences; Enter opens the call\'s matches in the grid', async () => {
    const { page } = workbench;
    await runCommand(page, 'Gong: Search Transcripts');
    await quickTitle(page, 'Search Transcripts in Mirror gong');
    // Words no sentence says: the list says so.
    await page.keyboard.type('qwertyzz');
    await quickRow(page, 'No sentences match qwertyzz').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+a');
    await page.keyboard.type('globex');
    const first = quickRow(page, /Globex/i);
    await first.waitFor({ timeout: 30_000 });
    const detail = await first.textContent() ?? '';
    assert.match(detail, /Globex last quarter/);
    // Who said it opens the second line (a long sentence cuts the end of the first), then the call and its date.
    assert.match(detail, /\.(Unknown speaker|[^·]+)( · [^·]+)? · [^·]+ · \d{4}-\d{2}-\d{2}/);
    await page.keyboard.press('Enter');
    // Its own results panel (the query's document is new), with a CallTranscripts tab.
    const frame = await webviewFrame(page, '[role=tab]:has-text("CallTranscripts")', 120_000);
    await until(async () => Number(await frame.locator('[role=grid]').getAttribute('aria-rowcount')) > 1, 'the call\'s matches in the grid', 60_000);
    await until(async () => (await frame.locator('[role=columnheader] .gs-label').allTextContents()).join() === 'StartMs,SpeakerName,Text', 'the matches\' columns');
    assert.ok((await frame.locator('[role=gridcell]').allTextContents()).some((t) => /Globex/.test(t)));
  });

  step('screenshots, light and dark, narrow and wide: the explorer and the quick picks', async () => {
    const { page } = workbench;
    for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
      await replaceUserSettings(page, workbench.userData, { ...(await userSettings()), 'workbench.colorTheme': theme });
      const dark = theme.includes('Dark');
      await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      for (const width of [1400, 900]) {
        const name = `${dark ? 'dark' : 'light'}-${width < 1000 ? 'narrow' : 'wide'}`;
        await page.setViewportSize({ width, height: 900 });
        await explorerRow(page, 'CallTranscripts').waitFor();
        await page.locator('.part.sidebar').screenshot({ path: join(SHOTS, `explorer-${name}.png`) });
        await runCommand(page, 'Gong: Search Transcripts');
        await quickTitle(page, 'Search Transcripts');
        await page.keyboard.type('pricing');
        await quickRow(page, /pricing/i).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(SHOTS, `search-${name}.png`) });
        await page.keyboard.press('Control+a');
        await page.keyboard.type('qwertyzz');
        await quickRow(page, 'No sentences match').waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(SHOTS, `search-none-${name}.png`) });
        await page.keyboard.press('Escape');
        await runCommand(page, 'Gong: Sync to Local Mirror…');
        await quickTitle(page, 'read which Gong connection?');
        await quickRow(page, 'Sandbox').click();
        await quickTitle(page, 'Sync to Local Mirror: objects');
        await page.screenshot({ path: join(SHOTS, `sync-objects-${name}.png`) });
        await page.keyboard.press('Enter');
        await quickTitle(page, 'Sync to Local Mirror: since');
        await page.keyboard.type('last week');
        await page.locator('.quick-input-widget .quick-input-message', { hasText: 'A date such as 2026-01-31' }).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(SHOTS, `sync-since-${name}.png`) });
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Enter');
        await quickTitle(page, 'Sync to Local Mirror: destination');
        await quickRow(page, 'SQLite file…').click();
        await quickTitle(page, 'Sync to Local Mirror: SQLite file');
        await page.screenshot({ path: join(SHOTS, `sync-file-${name}.png`) });
        await page.keyboard.press('Escape');
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step('with the setting on, a live connection answers from the mirror and Messages says so', async () => {
    const { page } = workbench;
    await replaceUserSettings(page, workbench.userData, { ...(await userSettings()), 'gongsql.activeConnection': 'Sandbox', 'gongsql.mirror.answerLiveQueriesFrom': 'Mirror gong' });
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await runAndRead(page, 'live.gongsql', "SELECT Id, Title FROM Calls WHERE Scheduled >= '2026-01-01' LIMIT 3;", 3, /Calls answered from the mirror .*resume\.sqlite.*; 0 API calls/);
  });


  step('a PostgreSQL mirror: the URL\'s password goes to secret storage, never into settings; queries run on it', async () => {
    const { page } = workbench;
    const url = await postgres.createDatabase();
    const password = new URL(url).password;
    // Since a date: a first run reads the calls from then on.
    await startSync(page, 'PostgreSQL…', { since: '2026-10-01' });
    await answer(page, 'PostgreSQL URL', url);
    const summary = await notification(page, /Synced 2 objects into postgres:\/\/gongsql@127\.0\.0\.1:\d+\/mirror_1: /, 300_000);
    assert.ok(!(await summary.innerText()).includes(password), 'no password in the summary');
    await summary.locator('.monaco-button', { hasText: 'Query the Mirror' }).click();
    await answer(page, 'Mirror connection: name', 'Mirror pg');
    await page.locator('.statusbar-item', { hasText: 'Gong: Mirror pg' }).first().waitFor({ timeout: 30_000 });
    await objectRows(page, /^[\d,]+ rows · synced \d\d:\d\d$/);
    const calls = Number((await explorerRow(page, 'Calls').locator('.label-description').textContent())?.match(/^([\d,]+) rows/)?.[1]?.replace(/,/g, ''));
    assert.ok(calls > 0 && calls < 1926, `only the calls since 2026-10-01: ${calls}`);
    const settings = await userSettings();
    assert.ok(!JSON.stringify(settings).includes(password), `no password in settings: ${JSON.stringify(settings)}`);
    const mirrors = settings['gongsql.mirrors'] as { name: string; location: string }[];
    assert.deepEqual(mirrors.find((m) => m.name === 'Mirror pg'), { name: 'Mirror pg', location: url.replace(`:${password}@`, '@') });
    // The query connects with the password from secret storage.
    await runAndRead(page, 'live.gongsql', 'SELECT Id, Title FROM Calls LIMIT 7;', 7, /\b0 API calls\b/);
  });

  step('a terminal can use a mirror file once the window no longer uses it', async () => {
    // gong.sqlite was read by the explorer and Search Transcripts; the window lets it go when idle.
    assert.match(await terminalCount(file(), 30_000), /^n\r?\n1926\r?\n/);
  });
});
