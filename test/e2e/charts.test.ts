import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame } from 'playwright-core';
import { editFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

/** Calls per week: a date (each week's Monday) and a number, so the first chart is a line over time. */
const WEEKLY = "SELECT date(Started, 'weekday 1', '-7 days') AS Week, COUNT(*) AS Calls FROM Calls GROUP BY Week ORDER BY Week";

/** The same query through the CLI: the weeks and counts the chart must draw, one point per week. */
function cliWeeks(): string[][] {
  const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'gongsql.js'), '-e', WEEKLY, '--sandbox', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  return (JSON.parse(cli.stdout) as { Week: string; Calls: number }[]).map((r) => [r.Week, String(r.Calls)]);
}

/** Screenshots for review when GONGSQL_SHOTS names a folder (not part of the assertions). */
const SHOTS = process.env.GONGSQL_SHOTS;

describe('the Chart tab of the results panel in a real VS Code', () => {
  let workbench: Workbench;
  const consoleErrors: string[] = [];
  before(async () => {
    workbench = await startWorkbench({ files: { 'weekly.gongsql': `${WEEKLY};\n` } });
    // Every frame's console: a CSP refusal (eval, an inline style) is reported there.
    workbench.page.on('console', (m) => { if (/Content Security Policy|unsafe-eval/i.test(m.text())) consoleErrors.push(m.text()); });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const chart = () => webviewFrame(workbench.page, '.gs-chart');
  const tableRows = async (frame: Frame) => frame.locator('.gs-chart-data tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
  const shot = async (name: string) => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await workbench.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  step('a query of calls per week draws a line with one point per week', async () => {
    const { page } = workbench;
    await editFile(page, 'weekly.gongsql');
    await page.keyboard.press('Control+Enter');
    await page.locator('.tab', { hasText: 'Results: weekly.gongsql' }).first().waitFor({ timeout: 30_000 });
    const grid = await webviewFrame(page, '.gs-grid');
    await grid.getByRole('tab', { name: 'Chart', exact: true }).click();
    const frame = await chart();
    const want = cliWeeks();
    assert.ok(want.length > 20, `the sandbox has many weeks of calls (${want.length})`);
    await until(async () => JSON.stringify(await tableRows(frame)) === JSON.stringify(want), `one point per week: ${want.length} points`, 60_000);
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Chart' }).inputValue(), 'line', 'a date and a number: a line over time');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'X' }).inputValue(), 'Week');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Y' }).inputValue(), 'Calls');
    assert.equal(await frame.locator('.gs-chart-data summary').textContent(), `Chart data (${want.length} points)`);
    assert.match(await frame.locator('.gs-chart-canvas').getAttribute('aria-label') ?? '', new RegExp(`^Line chart of Calls by Week: ${want.length} points$`));
    // echarts drew on its canvas, under the panel's CSP (no eval, no inline style attributes).
    await until(async () => (await frame.locator('.gs-chart-canvas canvas').evaluate((c: HTMLCanvasElement) => c.width)) > 100, 'the chart drawn on its canvas');
    assert.deepEqual(consoleErrors, [], 'no Content Security Policy refusals');
    await shot('chart-line-light-wide');
  });

  step('exports the chart as SVG, its axes named, and as PNG', async () => {
    const { page, workspace } = workbench;
    const frame = await chart();
    await frame.getByRole('button', { name: 'Export SVG' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await until(async () => (await input.inputValue()).endsWith('chart.svg'), 'the proposed file name');
    await page.keyboard.press('Enter');
    const svgFile = join(workspace, 'chart.svg');
    await until(() => existsSync(svgFile) && readFileSync(svgFile, 'utf8').endsWith('</svg>'), 'the SVG written');
    const svg = readFileSync(svgFile, 'utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('>Week<') && svg.includes('>Calls (sum)<'), 'both axes are named');
    assert.ok(/<path d="M[^"]+L/.test(svg), 'the line is a path');
    await frame.getByRole('button', { name: 'Export PNG' }).click();
    await until(async () => (await input.inputValue()).endsWith('chart.png'), 'the proposed PNG file name');
    await page.keyboard.press('Enter');
    const pngFile = join(workspace, 'chart.png');
    await until(() => existsSync(pngFile) && readFileSync(pngFile).subarray(1, 4).toString() === 'PNG', 'the PNG written');
  });

  step('changes the chart: bars of the average, then a pie', async () => {
    const { page } = workbench;
    const frame = await chart();
    const want = cliWeeks();
    await frame.getByRole('combobox', { exact: true, name: 'Chart' }).selectOption('bar');
    await frame.getByRole('combobox', { exact: true, name: 'Aggregate' }).selectOption('avg');
    await until(async () => /^Bar chart of Calls by Week/.test(await frame.locator('.gs-chart-canvas').getAttribute('aria-label') ?? ''), 'a bar chart');
    assert.deepEqual(await tableRows(frame), want, 'one bar per week: the average of one row is its count');
    await shot('chart-bar-light-wide');
    await frame.getByRole('combobox', { exact: true, name: 'Chart' }).selectOption('pie');
    await until(async () => /^Pie chart/.test(await frame.locator('.gs-chart-canvas').getAttribute('aria-label') ?? ''), 'a pie chart');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Series' }).isDisabled(), true, 'a pie has one series');
    await frame.getByRole('combobox', { exact: true, name: 'Chart' }).selectOption('line');
    await frame.getByRole('combobox', { exact: true, name: 'Aggregate' }).selectOption('sum');
    // The dark theme (the workbench starts light), then a narrow window: the same chart in the theme's colours.
    await replaceUserSettings(page, workbench.userData, { 'workbench.colorTheme': 'Default Dark Modern' });
    await until(async () => (await page.locator('.monaco-workbench.vs-dark').count()) === 1, 'the dark theme');
    const dark = await chart();
    await until(async () => JSON.stringify(await tableRows(dark)) === JSON.stringify(want), 'the chart after the theme change');
    await shot('chart-line-dark-wide');
    if (SHOTS) {
      await page.setViewportSize({ width: 900, height: 800 });
      await runCommand(page, 'View: Close Primary Side Bar');
      await shot('chart-line-dark-narrow');
    }
  });
});
