// PENDING (issue #8), not run by `npm run test:e2e` (which takes test/e2e/*.test.ts only):
// in code-server the redirect_uri from vscode.env.asExternalUri carries its own query, and it
// reaches the consent page cut at its first '&' after openExternal, so the redirect lands on
// code-server's "Not found". Move this file up to test/e2e/ once the sign-in flow passes it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_OAUTH_CLIENT, startSandbox, type Sandbox } from '../../../src/sandbox';
import { answer, openFile, runCommand, startWorkbench, until, webviewFrame, type Workbench } from '../harness';

describe('Sign in with Gong in a real VS Code', () => {
  let workbench: Workbench;
  let gong: Sandbox;
  before(async () => {
    // A sandbox with OAuth stands in for Gong: consent page, token endpoint, Bearer API.
    gong = await startSandbox({ rateLimit: false, scale: 20 });
    workbench = await startWorkbench({ files: { 'q.gongsql': 'SELECT Name FROM Workspaces ORDER BY Name;\n' } });
  });
  after(async () => {
    await workbench?.stop();
    await gong?.close();
  });

  it('approves the consent page in the browser, then a query runs over the Bearer token', async () => {
    const { page } = workbench;
    try {
      await openFile(page, 'q.gongsql');
      await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'Gong: Sign in with Gong');
      await answer(page, '(1/4)', 'Acme OAuth');
      await answer(page, '(2/4)', gong.url);
      await answer(page, '(3/4)', DEMO_OAUTH_CLIENT.clientId);
      const consentOpened = page.context().waitForEvent('page', { timeout: 30_000 });
      await answer(page, '(4/4)', DEMO_OAUTH_CLIENT.clientSecret);
      // VS Code may ask before opening an external site.
      const open = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
      const consent = await Promise.race([consentOpened, open.waitFor({ timeout: 30_000 }).then(async () => { await open.click(); return consentOpened; })]);
      await consent.locator('#approve').waitFor({ timeout: 30_000 });
      assert.match(await consent.locator('#scopes').innerText(), /api:workspaces:read/);
      await consent.locator('#approve').click();
      await consent.waitForLoadState().catch(() => undefined);
      if (process.env.GONGSQL_E2E_DEBUG) console.log('consent landed on', consent.url(), gong.log.entries().map((e) => `${e.method} ${e.path} ${e.status}`), (await consent.content()).slice(0, 600));
      await page.locator('.statusbar-item', { hasText: 'Gong: Acme OAuth' }).first().waitFor({ timeout: 60_000 });
      const before = gong.log.lastSeq;
      await page.bringToFront();
      await openFile(page, 'q.gongsql');
      await runCommand(page, 'Gong: Run File');
      const frame = await webviewFrame(page, '[role=grid][aria-rowcount="4"]');
      await until(async () => (await frame.locator('[role=gridcell]', { hasText: 'EMEA' }).count()) === 1, 'the workspaces from the OAuth connection');
      assert.ok(gong.log.since(before).some((e) => e.path === '/v2/workspaces' && e.status === 200));
      const settings = await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8');
      assert.match(settings, /Acme OAuth/);
      assert.ok(!settings.includes(DEMO_OAUTH_CLIENT.clientSecret) && !/access_?token|refresh/i.test(settings), settings);
    } catch (error) {
      await workbench.saveArtifacts('sign-in-with-gong');
      throw error;
    }
  });
});
