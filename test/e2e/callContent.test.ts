import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { editFile, editorLines, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = '/tmp/shots-content';

describe('per-call content objects in a real VS Code', () => {
  let workbench: Workbench;
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    workbench = await startWorkbench({ files: { 'media.gongsql': '', 'ratio.gongsql': '' } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const edit = editFile;
  /** Both themes, wide and narrow: `shoot` takes the pictures for one of them. */
  const inEveryLook = async (page: Page, shoot: (look: string) => Promise<void>) => {
    for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
      const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme });
      const dark = theme.includes('Dark');
      await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      for (const width of [1400, 900]) {
        await page.setViewportSize({ width, height: 900 });
        await shoot(`${dark ? 'dark' : 'light'}-${width < 1000 ? 'narrow' : 'wide'}`);
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  };

  step('hovering CallMedia says its URLs expire and names the scope it needs', async () => {
    const { page } = workbench;
    await edit(page, 'media.gongsql');
    await page.keyboard.type('SELECT * FROM CallMedia');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const show = async () => {
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover', { hasText: 'expire about 8 hours' }).first();
      await hover.waitFor({ timeout: 20_000 });
      return hover;
    };
    assert.match(await (await show()).innerText(), /api:calls:read:media-url/);
    await page.keyboard.press('Escape');
    await inEveryLook(page, async (look) => {
      await editorLines(page, 'media.gongsql').click();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await show();
      await page.screenshot({ path: `${SHOTS}/hover-callmedia-${look}.png` });
      await page.keyboard.press('Escape');
    });
  });

  step('talk ratio by rep, typed and run with Ctrl+Enter: the reps differ', async () => {
    const { page } = workbench;
    await edit(page, 'ratio.gongsql');
    await page.keyboard.type('SELECT PrimaryUserId, round(avg(TalkRatio), 2) AS Ratio, max(LongestMonologue) AS LongestMonologue, count(*) AS Calls FROM CallInteractionStats GROUP BY 1 ORDER BY Calls DESC, 1 LIMIT 12;');
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '[role=grid][aria-rowcount="13"]', 120_000);
    assert.deepEqual(await frame.locator('[role=columnheader] .gs-label').allTextContents(), ['PrimaryUserId', 'Ratio', 'LongestMonologue', 'Calls']);
    const ratios = () => frame.locator('.gs-rows [role=row]:visible [role=gridcell]:nth-child(3)').allTextContents();
    await until(async () => (await ratios()).length > 3, 'the ratios painted');
    assert.ok(new Set(await ratios()).size > 3, `reps' talk ratios differ: ${(await ratios()).join(', ')}`);
    await inEveryLook(page, async (look) => {
      await frame.locator('[role=grid][aria-rowcount="13"]').waitFor();
      await page.screenshot({ path: `${SHOTS}/talk-ratio-${look}.png` });
    });
  });
});
