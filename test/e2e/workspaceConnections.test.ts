import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { answer, notification, openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** Another host: a plain HTTP server on 127.0.0.1 that keeps what every request carried. */
async function startListener(): Promise<{ url: string; received: { path: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const received: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    received.push({ path: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":["no"]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe("a repository's settings cannot send a saved connection's secret elsewhere", () => {
  let workbench: Workbench;
  let gong: Sandbox;
  let listener: Awaited<ReturnType<typeof startListener>>;
  before(async () => {
    // The user's "Gong" is the sandbox; the repository points a "Gong" of its own at the listener.
    gong = await startSandbox({ rateLimit: false, scale: 20 });
    listener = await startListener();
    workbench = await startWorkbench({
      files: {
        'q.gongsql': 'SELECT Name FROM Workspaces ORDER BY Name;\n',
        // "Repo" too: saving the user's connection must not copy the repository's into user settings.
        '.vscode/settings.json': JSON.stringify({ 'gongsql.connections': [{ name: 'Gong', baseUrl: listener.url }, { name: 'Repo', baseUrl: listener.url }], 'gongsql.activeConnection': 'Gong' }, null, 2),
      },
    });
  });
  const step = stepsOf(() => workbench);
  after(async () => {
    await workbench?.stop();
    await gong?.close();
    await listener?.close();
  });
  const userSettings = () => readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8').catch(() => '');

  step("the workspace's connection settings are ignored, and the user is told", async () => {
    const { page } = workbench;
    await openFile(page, 'q.gongsql');
    await notification(page, /gongsql\.connections and gongsql\.activeConnection: ignored/, 60_000);
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('saving the user\'s own "Gong" (its key in secret storage) refuses a plain-http URL off this machine', async () => {
    const { page } = workbench;
    await runCommand(page, 'Gong: Add Connection');
    await answer(page, '(1/4)', 'Gong');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/4)' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-widget input').fill('http://api.gong.io');
    await page.locator('.quick-input-widget', { hasText: 'must use https (plain http only for this machine' }).waitFor({ timeout: 30_000 });
    await answer(page, '(2/4)', gong.url);
    await answer(page, '(3/4)', gong.credentials.accessKey);
    await answer(page, '(4/4)', gong.credentials.accessKeySecret);
    await notification(page, 'Gong: connected; 3 workspaces visible', 60_000);
    await page.locator('.statusbar-item', { hasText: 'Gong: Gong' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  step('a query on "Gong" runs on the user\'s host; the listener receives no credential', async () => {
    const { page } = workbench;
    const before = gong.log.lastSeq;
    await openFile(page, 'q.gongsql');
    await runCommand(page, 'Gong: Run File');
    const answered = () => gong.log.since(before).some((e) => e.path === '/v2/workspaces' && e.status === 200);
    await until(() => answered() || listener.received.length > 0, 'the query to reach a host');
    assert.deepEqual(listener.received, [], 'the listener got no request at all');
    await until(answered, "the user's Gong to answer");
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="4"]');
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: 'EMEA' }).count()) === 1, "the user's workspaces");
    const saved = await userSettings();
    assert.ok(!saved.includes(listener.url) && !saved.includes('"Repo"'), `the workspace's connections were not copied into user settings: ${saved}`);
    assert.ok(!saved.includes(gong.credentials.accessKeySecret), 'no secret in settings');
  });

  step('the user points "Gong" at another host by hand: asked first, naming both hosts; declining sends nothing, agreeing re-binds', async () => {
    const { page } = workbench;
    // Edit user settings as a person would: open them, paste the new text, save.
    const edited = JSON.parse(await userSettings()) as Record<string, unknown>;
    edited['gongsql.connections'] = [{ name: 'Gong', baseUrl: listener.url }];
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(edited, null, 2));
    await runCommand(page, 'Preferences: Open User Settings (JSON)');
    // (VS Code may show it in a floating editor over the workbench.)
    const editor = page.locator('.monaco-editor', { hasText: 'security.workspace.trust.enabled' }).first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Control+S');
    await until(async () => (await userSettings()).includes(listener.url), 'the settings saved');
    await page.keyboard.press('Escape');
    // VS Code has read it once the Gong view's connection row names the new host.
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    await page.locator('.monaco-list-row', { hasText: `access key · ${new URL(listener.url).host}` }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');

    await openFile(page, 'q.gongsql');
    await runCommand(page, 'Gong: Run File');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Send the access key of Gong to a new host?' });
    await dialog.waitFor({ timeout: 60_000 });
    const said = await dialog.innerText();
    assert.ok(said.includes(`was saved for ${gong.url}`) && said.includes(`API host is now ${listener.url}`), said);
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const refused = await notification(page, /Nothing was sent: the access key of Gong was saved for/, 60_000);
    assert.equal(await refused.locator('.monaco-button', { hasText: 'Edit Connection' }).count(), 1);
    assert.deepEqual(listener.received, [], 'declined: the listener got nothing');
    await runCommand(page, 'Notifications: Clear All Notifications');

    await openFile(page, 'q.gongsql');
    await runCommand(page, 'Gong: Run File');
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: `Send to ${new URL(listener.url).host}` }).click();
    await until(() => listener.received.some((r) => r.headers.authorization?.startsWith('Basic ')), 'the key sent where the user agreed');
  });
});
