import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { allScopes } from '../../src/gong';
import { DEMO_OAUTH_CLIENT, startSandbox, type Sandbox } from '../../src/sandbox';
import { answer, notification, openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** Waits for the consent page VS Code opens in the browser (through its "Open?" dialog if it asks). */
async function consentPage(page: Page, opened: Promise<Page>): Promise<Page> {
  const open = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
  const consent = await Promise.race([opened, open.waitFor({ timeout: 30_000 }).then(async () => { await open.click(); return opened; })]);
  await consent.locator('#approve').waitFor({ timeout: 30_000 });
  return consent;
}

/** Answers the four questions of "Sign in with Gong" and returns the consent page it opens. */
async function startSignIn(page: Page, answers: [name: string, address: string, clientId: string, secret: string], start = () => runCommand(page, 'Gong: Sign in with Gong')): Promise<Page> {
  await start();
  const opened = page.context().waitForEvent('page', { timeout: 30_000 });
  for (const [i, text] of answers.entries()) await answer(page, `(${i + 1}/4)`, text);
  return consentPage(page, opened);
}

describe('Sign in with Gong in a real VS Code', () => {
  let workbench: Workbench;
  let gong: Sandbox;
  before(async () => {
    // A sandbox with OAuth stands in for Gong: consent page, token endpoint, Bearer API.
    gong = await startSandbox({ rateLimit: false, scale: 20 });
    workbench = await startWorkbench({ files: { 'q.gongsql': 'SELECT Name FROM Workspaces ORDER BY Name;\n', 'users.gongsql': 'SELECT COUNT(*) AS n FROM Users;\n' } });
  });
  const step = stepsOf(() => workbench);
  after(async () => {
    await workbench?.stop();
    await gong?.close();
  });
  const settings = () => readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8').catch(() => '');
  const tokenRequests = () => gong.log.entries().filter((e) => e.path === '/oauth2/generate-customer-token').length;

  async function runWorkspacesQuery(page: Page): Promise<void> {
    const before = gong.log.lastSeq;
    await page.bringToFront();
    await openFile(page, 'q.gongsql');
    await runCommand(page, 'Gong: Run File');
    await until(async () => gong.log.since(before).some((e) => e.path === '/v2/workspaces' && e.status === 200), 'GET /v2/workspaces answered 200');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="4"]');
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: 'EMEA' }).count()) === 1, 'the workspaces from the OAuth connection');
  }

  step('approves the consent page in the browser, then a query runs over the Bearer token', async () => {
    const { page } = workbench;
    await openFile(page, 'q.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    const consent = await startSignIn(page, ['Acme OAuth', gong.url, DEMO_OAUTH_CLIENT.clientId, DEMO_OAUTH_CLIENT.clientSecret]);
    // Every scope the catalog's reads and writes need, writes included.
    const asked = await consent.locator('#scopes li').allTextContents();
    assert.deepEqual([...asked].sort(), allScopes().sort());
    await consent.locator('#approve').click();
    await page.locator('.statusbar-item', { hasText: 'Gong: Acme OAuth' }).first().waitFor({ timeout: 60_000 });
    await consent.close();
    // The explorer shows the new connection, and how it signs in.
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    const row = page.locator('.monaco-list-row', { hasText: 'Acme OAuth' }).filter({ hasText: 'Sign in with Gong' }).first();
    await row.waitFor({ timeout: 30_000 });
    // Its context menu tests and switches connections; resetting sandbox data is not offered.
    await row.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Test Connection' }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: 'Reset Sandbox Data' }).count(), 0);
    await page.keyboard.press('Escape');
    await runWorkspacesQuery(page);
    const saved = await settings();
    assert.match(saved, /Acme OAuth/);
    assert.ok(!saved.includes(DEMO_OAUTH_CLIENT.clientSecret) && !/access_?token|refresh/i.test(saved), saved);
  });

  step('a denied consent says so, offers to sign in again and changes nothing', async () => {
    const { page } = workbench;
    // This time from the status bar's connection picker.
    const consent = await startSignIn(page, ['Other', gong.url, DEMO_OAUTH_CLIENT.clientId, DEMO_OAUTH_CLIENT.clientSecret], async () => {
      await page.locator('.statusbar-item', { hasText: 'Gong: Acme OAuth' }).first().click();
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Sign in with Gong…' }).click();
    });
    await consent.locator('#deny').click();
    const denied = await notification(page, 'access was denied', 60_000);
    assert.equal(await denied.locator('.monaco-button', { hasText: 'Sign in again' }).count(), 1);
    await consent.close();
    assert.doesNotMatch(await settings(), /"Other"/);
    assert.equal(await page.locator('.statusbar-item', { hasText: 'Gong: Acme OAuth' }).count(), 1);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('an answer that does not carry the request\'s state is refused, with a way to sign in again', async () => {
    const { page } = workbench;
    const consent = await startSignIn(page, ['Other', gong.url, DEMO_OAUTH_CLIENT.clientId, DEMO_OAUTH_CLIENT.clientSecret]);
    // As if another site sent the browser back with a code of its own.
    await consent.locator('input[name=state]').evaluate((input) => { (input as HTMLInputElement).value = 'forged'; });
    await consent.locator('#approve').click();
    const refused = await notification(page, 'does not match the request (state)', 60_000);
    assert.equal(await refused.locator('.monaco-button', { hasText: 'Sign in again' }).count(), 1);
    await consent.close();
    assert.equal(tokenRequests(), 1, 'the forged code was never exchanged');
    assert.doesNotMatch(await settings(), /"Other"/);
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('Gong revokes the app: one refresh is tried, the error offers Sign in again, which restores the connection', async () => {
    const { page } = workbench;
    gong.revokeOAuth(DEMO_OAUTH_CLIENT.clientId);
    const before = tokenRequests();
    await page.bringToFront();
    // Not the workspaces query: its answer is cached, and a cached answer needs no token.
    await openFile(page, 'users.gongsql');
    await runCommand(page, 'Gong: Run File');
    const refused = await notification(page, /expired or revoked/, 60_000);
    assert.equal(tokenRequests() - before, 1, 'a single refresh attempt, no loop');
    const opened = page.context().waitForEvent('page', { timeout: 30_000 });
    await refused.locator('.monaco-button', { hasText: 'Sign in again' }).click();
    // The answers start from the connection; an empty secret keeps the stored one.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/4)' }).waitFor();
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), 'Acme OAuth');
    await answer(page, '(1/4)', 'Acme OAuth');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/4)' }).waitFor();
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), gong.url);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(3/4)' }).waitFor();
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), DEMO_OAUTH_CLIENT.clientId);
    await page.keyboard.press('Enter');
    await answer(page, '(4/4)', '');
    const consent = await consentPage(page, opened);
    await consent.locator('#approve').click();
    await notification(page, 'Signed in with Gong as Acme OAuth', 60_000);
    await consent.close();
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runWorkspacesQuery(page);
  });

  step('signing out in the Accounts menu forgets the connection and its tokens', async () => {
    const { page } = workbench;
    await page.bringToFront();
    await page.locator('.activitybar .action-item a[aria-label^="Accounts"]').first().click();
    const account = page.getByRole('menuitem', { name: 'Acme OAuth (Gong)' });
    await account.waitFor({ timeout: 30_000 });
    await account.hover();
    // A menu ignores a click that comes too soon after it opened: hover the item, then Enter.
    const signOut = page.getByRole('menuitem', { name: 'Sign Out', exact: true });
    await signOut.hover();
    await page.locator('.context-view .action-item.focused', { hasText: /^Sign Out$/ }).waitFor();
    await page.keyboard.press('Enter');
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Sign Out$/ });
    await confirm.waitFor({ timeout: 30_000 });
    await confirm.click();
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await until(async () => !(await settings()).includes('Acme OAuth'), 'the connection gone from settings').catch(async (e) => { throw new Error(`${(e as Error).message}: ${await settings()}`); });
    // Put the connection back in settings by hand: its app secret and tokens stay gone.
    const restored = JSON.parse(await settings()) as Record<string, unknown>;
    await replaceUserSettings(page, workbench.userData, { ...restored, 'gongsql.connections': [{ name: 'Acme OAuth', baseUrl: gong.url, kind: 'oauth', authUrl: gong.url, clientId: DEMO_OAUTH_CLIENT.clientId }], 'gongsql.activeConnection': 'Acme OAuth' });
    await page.locator('.statusbar-item', { hasText: 'Gong: Acme OAuth' }).first().waitFor({ timeout: 30_000 });
    const before = gong.log.lastSeq;
    await openFile(page, 'q.gongsql');
    await runCommand(page, 'Gong: Run File');
    await notification(page, 'no stored app secret');
    assert.equal(gong.log.since(before).length, 0, 'no request without a sign-in');
    await page.locator('.activitybar .action-item a[aria-label^="Accounts"]').first().click();
    await page.getByRole('menuitem').first().waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /Acme OAuth/ }).count(), 0, 'no session: the tokens are gone');
    await page.keyboard.press('Escape');
  });
});
