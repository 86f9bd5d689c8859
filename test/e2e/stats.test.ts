import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { editFile, notification, openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = process.env.GONGSQL_SHOTS ?? '/tmp/shots-stats';

describe('the Stats objects in a real VS Code (code-server)', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'stats.gongsql': 'SELECT 1;\n' } });
    await mkdir(SHOTS, { recursive: true });
  });
  const step = stepsOf(() => workbench);
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
    const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme });
      const dark = theme.includes('Dark');
      await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      for (const width of [1400, 900]) {
        await page.setViewportSize({ width, height: 900 });
        await row(3, 'UserActivityDayByDay').waitFor();
        await page.screenshot({ path: join(SHOTS, `stats-${dark ? 'dark' : 'light'}-${width < 1000 ? 'narrow' : 'wide'}.png`) });
      }
    }
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
});
