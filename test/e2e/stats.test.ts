import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { editFile, notification, openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = process.env.GONGSQL_SHOTS ?? '/tmp/shots-stats';

describe('the Stats objects in a real VS Code (code-server)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'stats.gongsql': 'SELECT 1;\n' } });
    await mkdir(SHOTS, { recursive: true });
  });
  const step = stepsOf(() => workbench);
  /**
   * Both themes: `shoot` takes the pictures once the workbench and the results webview (when
   * given) are painted in it, not just once the theme's class is set.
   */
  const inEachTheme = async (page: Page, shoot: (theme: 'dark' | 'light') => Promise<void>, frame?: Frame) => {
    const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    for (const theme of ['dark', 'light'] as const) {
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern' });
      await page.locator(theme === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      const painted = async () => {
        const rgb = (await page.locator('.part.statusbar').first().evaluate((e) => getComputedStyle(e).backgroundColor)).match(/\d+/g)!.slice(0, 3).map(Number);
        const dark = rgb.reduce((a, b) => a + b, 0) < 384;
        return dark === (theme === 'dark') && (!frame || (await frame.locator(`body.vscode-${theme}`).count()) === 1);
      };
      await until(painted, `the ${theme} theme painted`, 30_000);
      await shoot(theme);
    }
  };
  after(async () => {
    await workbench?.stop();
  });

  step('the explorer groups them under Stats; Select Top 100 reads the default window; the tooltip says how the window works', async () => {
    const { page } = workbench;
    await openFile(page, 'stats.gongsql');
    await page.locator('.activitybar .action-item a[aria-label^="Gong"]').first().click();
    const row = (level: number, label: string) => page.locator(`.part.sidebar .monaco-list-row[aria-level="${level}"]`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row(2, 'Stats').waitFor({ timeout: 60_000 });
    await row(2, 'Stats').click();
    for (const name of ['UserActivityStats', 'UserActivityByPeriod', 'UserActivityDayByDay', 'UserInteractionStats', 'AnsweredScorecards', 'AnsweredScorecardAnswers']) {
      await row(3, name).waitFor({ timeout: 20_000 });
    }
    const days = row(3, 'UserActivityDayByDay');
    await days.hover();
    await days.locator('.action-label[aria-label="Select Top 100"]').click();
    const frame = await webviewFrame(page, '[role=grid]');
    await until(async () => (await frame.locator('[role=columnheader] .gs-label').allTextContents()).slice(0, 4).join() === 'UserId,UserEmailAddress,Date,CallsAsHost', 'the columns of UserActivityDayByDay', 60_000);
    await until(async () => Number(await frame.locator('[role=grid]').getAttribute('aria-rowcount')) > 1, 'rows of the last 30 days', 60_000);

    await days.locator('.label-name').click();
    const date = row(4, 'Date');
    await date.hover();
    const tooltip = page.locator('.monaco-hover:visible', { hasText: 'The day (YYYY-MM-DD' }).first();
    await tooltip.waitFor({ timeout: 20_000 });
    assert.match(await tooltip.innerText(), /Gong evaluates Date = > >= < <=/);
    assert.match(await tooltip.innerText(), /the 30 days before its end/);
    await inEachTheme(page, async (theme) => {
      for (const width of [1400, 900]) {
        await page.setViewportSize({ width, height: 900 });
        await row(3, 'UserActivityDayByDay').waitFor();
        await page.screenshot({ path: join(SHOTS, `stats-${theme}-${width < 1000 ? 'narrow' : 'wide'}.png`) });
      }
    });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step('a Period Gong does not know is an error at its position; PeriodStart = reads that whole month, its last day included', async () => {
    const { page } = workbench;
    await runCommand(page, 'Notifications: Clear All Notifications');
    await editFile(page, 'stats.gongsql');
    await page.keyboard.press('Control+a');
    const where = 'SELECT * FROM UserActivityByPeriod WHERE ';
    await page.keyboard.type(`${where}Period = 'Fortnight';`);
    await page.keyboard.press('Control+Enter');
    await notification(page, `Line 1, column ${where.length + 1}: Period = 'Fortnight': Period is one of DAY, WEEK, MONTH, QUARTER, YEAR`, 60_000);
    await page.screenshot({ path: join(SHOTS, 'stats-period-error.png') });

    await editFile(page, 'stats.gongsql');
    await page.keyboard.press('Control+a');
    await page.keyboard.type("SELECT DISTINCT Period, PeriodStart, PeriodEnd FROM UserActivityByPeriod WHERE Period = 'MONTH' AND PeriodStart = '2026-10-01';");
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="2"]', 120_000);
    const cells = async () => (await frame.locator('.gs-rows [role=row]:visible [role=gridcell]').allTextContents()).map((c) => c.trim());
    await until(async () => (await cells()).length >= 3, 'the row painted');
    assert.deepEqual((await cells()).slice(-3), ['MONTH', '2026-10-01', '2026-10-31'], 'one row: October whole, not the default window');
    await page.screenshot({ path: join(SHOTS, 'stats-period-start.png') });
  });

  step('a window left open: Messages says which days were read and which filter closes it', async () => {
    const { page } = workbench;
    await editFile(page, 'stats.gongsql');
    await page.keyboard.press('Control+a');
    await page.keyboard.type("SELECT count(*) AS Users FROM UserActivityStats WHERE FromDate >= '2026-11-01';");
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="2"]', 120_000);
    await until(async () => (await frame.locator('[role=columnheader] .gs-label').allTextContents()).join() === 'Users', 'the count ran');
    await frame.getByRole('tab', { name: 'Messages' }).click();
    const messages = frame.locator('.msg-group').last().locator('.message');
    const today = new Date().toISOString().slice(0, 10);
    const said = `UserActivityStats read 2026-11-01 to ${today}, both included: with no end (ToDate <= '…') the window ends today.`;
    await until(async () => (await messages.allTextContents()).some((m) => m.includes(said)), 'Messages says the window ends today');
    await inEachTheme(page, (theme) => page.screenshot({ path: join(SHOTS, `stats-window-message-${theme}.png`) }).then(() => undefined), frame);
  });
});
