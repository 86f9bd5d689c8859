import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { until } from './harness';

/** The grid widget alone in Chromium, fed by a source the test controls step by step. */
describe('the results grid widget', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongsql-grid-widget-'));
    await build({ entryPoints: [join(__dirname, 'fixtures', 'gridWidgetPage.ts')], outfile: join(dir, 'page.js'), bundle: true, format: 'iife', target: 'es2022', logLevel: 'error' });
    await writeFile(join(dir, 'page.html'), '<!DOCTYPE html><html><body style="margin:0"><div id="host" style="height:600px;display:flex;flex-direction:column"></div><script src="page.js"></script></body></html>');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.goto(`file://${join(dir, 'page.html')}`);
  });
  after(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const ids = () => page.locator('.gs-rows [role=row]:visible [role=gridcell]:nth-child(2)').allTextContents();
  const twoFrames = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

  it('keeps rows on screen while their block is read again as more rows stream in and the run ends', async () => {
    await page.evaluate(() => window.driven.push([['1', 'a'], ['2', 'b']]));
    await until(async () => (await ids()).join() === '1,2', 'the first two rows');
    // From now on every window waits: what the grid shows meanwhile is what it already had.
    await page.evaluate(() => { window.driven.hold = true; window.driven.push([['3', 'c']]); });
    await twoFrames();
    assert.deepEqual(await ids(), ['1', '2', ''], 'rows 1 and 2 stay while the block reloads; row 3 is not known yet');
    await page.evaluate(() => window.driven.release());
    await until(async () => (await ids()).join() === '1,2,3', 'the third row');
    await page.evaluate(() => window.driven.finish());
    await twoFrames();
    assert.deepEqual(await ids(), ['1', '2', '3'], 'the end of the run blanks nothing');
    await page.evaluate(() => window.driven.release());
    assert.equal(await page.locator('.gs-count').textContent(), '3 rows');
  });
});
