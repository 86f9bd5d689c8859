import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame } from 'playwright-core';
import { editFile, openFile, replaceUserSettings, runCommand, startWorkbench, stepsOf, switchTheme, until, webviewFrame, type Workbench } from './harness';

/** Calls per week: a date (each week's Monday) and a number, so the first chart is a line over time. */
const WEEKLY = "SELECT date(Started, 'weekday 1', '-7 days') AS Week, COUNT(*) AS Calls FROM Calls GROUP BY Week ORDER BY Week";

/** The same query through the CLI: the weeks and counts the chart must draw, one point per week. */
function cliWeeks(): string[][] {
  const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'gongsql.js'), '-e', WEEKLY, '--sandbox', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  return (JSON.parse(cli.stdout) as { Week: string; Calls: number }[]).map((r) => [r.Week, String(r.Calls)]);
}

/** Calls per week by workspace (the gallery's example): a date, a text with a few values and a number. */
const BY_WORKSPACE = `SELECT date(c.Started, 'weekday 1', '-7 days') AS Week, w.Name AS Workspace, count(*) AS Calls
FROM Calls c JOIN Workspaces w ON w.Id = c.WorkspaceId
GROUP BY Week, w.Id ORDER BY Week, Workspace`;

/** The labels under an exported chart's x axis that are dates, left to right. */
const dateLabels = (svg: string) => [...svg.matchAll(/<text[^>]*>(\d{4}-\d{2}-\d{2})<\/text>/g)].map((m) => m[1]!);

const NOTEBOOK = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: [WEEKLY] }] }, null, 2)}\n`;
/** A notebook saved with an area chart chosen for its cell (and no outputs). */
const SAVED_AREA = `${JSON.stringify({ gongsqlNotebook: 1, cells: [{ kind: 'gongsql', source: [WEEKLY], chart: { kind: 'area', x: 'Week', y: 'Calls', aggregate: 'max' } }] }, null, 2)}\n`;

/** Screenshots for review when GONGSQL_SHOTS names a folder (not part of the assertions). */
const SHOTS = process.env.GONGSQL_SHOTS;

describe('the Chart tab of the results panel in a real VS Code', () => {
  let workbench: Workbench;
  const consoleErrors: string[] = [];
  before(async () => {
    workbench = await startWorkbench({ files: { 'weekly.gongsql': `${WEEKLY};\n`, 'weekly.gongsqlnb': NOTEBOOK, 'area.gongsqlnb': SAVED_AREA, 'byworkspace.gongsql': `${BY_WORKSPACE};\n` } });
    // Every frame's console: a CSP refusal (eval, an inline style) is reported there.
    workbench.page.on('console', (m) => { if (/Content Security Policy|unsafe-eval/i.test(m.text())) consoleErrors.push(m.text()); });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const chart = () => webviewFrame(workbench.page, '.gs-chart');
  const tableRows = async (frame: Frame) => frame.locator('.gs-chart-data tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
  /** Opens a notebook afresh and runs its cell with Ctrl+Enter, as a person does. */
  const runNotebookCell = async (name: string) => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, name);
    const cell = page.locator('.notebook-editor .cell.code .monaco-editor .view-lines').first();
    await cell.waitFor({ timeout: 30_000 });
    await cell.click();
    await page.keyboard.press('Control+Enter');
  };
  const shot = async (name: string) => {
    if (!SHOTS) return;
    // After the chart's animation: every chart on screen says it has finished drawing.
    await until(async () => {
      for (const frame of workbench.page.frames()) {
        const states = await frame.locator('.gs-chart-canvas:visible').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-state'))).catch(() => []);
        if (states.some((state) => state !== 'drawn')) return false;
      }
      return true;
    }, 'the charts drawn');
    mkdirSync(SHOTS, { recursive: true });
    await workbench.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  /** Runs a file's query with Ctrl+Enter and opens its results' Chart tab. */
  const runToChart = async (name: string) => {
    const { page } = workbench;
    await editFile(page, name);
    await page.keyboard.press('Control+Enter');
    await page.locator('.tab', { hasText: `Results: ${name}` }).first().waitFor({ timeout: 30_000 });
    const grid = await webviewFrame(page, '.gs-grid');
    await grid.getByRole('tab', { name: 'Chart', exact: true }).click();
    return chart();
  };

  step('a query of calls per week draws a line with one point per week', async () => {
    const { page } = workbench;
    const frame = await runToChart('weekly.gongsql');
    const want = cliWeeks();
    assert.ok(want.length > 20, `the sandbox has many weeks of calls (${want.length})`);
    await until(async () => JSON.stringify(await tableRows(frame)) === JSON.stringify(want), `one point per week: ${want.length} points`, 60_000);
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Chart' }).inputValue(), 'line', 'a date and a number: a line over time');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'X' }).inputValue(), 'Week');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Y' }).inputValue(), 'Calls');
    assert.equal(await frame.locator('.gs-chart-data summary').textContent(), `Chart data (${want.length} points)`);
    assert.match(await frame.locator('.gs-chart-canvas').getAttribute('aria-label') ?? '', new RegExp(`^Line chart of Calls by Week: ${want.length} points$`));
    // echarts drew on its canvas, under the panel's CSP (no eval, no inline style attributes).
    await until(async () => (await frame.locator('.gs-chart-canvas').getAttribute('data-state')) === 'drawn', 'echarts to say it has drawn the chart');
    assert.ok((await frame.locator('.gs-chart-canvas canvas').evaluate((c: HTMLCanvasElement) => c.width)) > 100, 'on its canvas');
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
    // The x axis is labelled on the weeks themselves (their Mondays, month included), each once, in order.
    const weeks = cliWeeks().map(([week]) => week!);
    const labels = dateLabels(svg);
    assert.ok(labels.length >= 3, `dates label the x axis: ${labels.join(' ')}`);
    assert.ok(labels.every((label) => weeks.includes(label)), `every label is one of the weeks: ${labels.join(' ')}`);
    assert.deepEqual(labels, [...new Set(labels)].sort(), 'each once, in order');
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
    // Drawn again in the dark theme's colours: its SVG's axis labels are not the light theme's.
    await dark.getByRole('button', { name: 'Export SVG' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    // The dialog fills in its proposed name after it opens: typing before that would be overwritten.
    await until(async () => (await input.inputValue()).endsWith('.svg'), 'the proposed file name');
    const darkFile = join(workbench.workspace, 'chart-dark.svg');
    await input.fill(darkFile);
    await until(async () => (await input.inputValue()) === darkFile, 'the typed file name');
    await page.keyboard.press('Enter');
    await until(() => existsSync(darkFile) && readFileSync(darkFile, 'utf8').endsWith('</svg>'), 'the dark SVG written');
    const labelColour = (file: string) => /<text[^>]*fill="([^"]+)"[^>]*>Week<\/text>/.exec(readFileSync(file, 'utf8'))?.[1];
    const light = labelColour(join(workbench.workspace, 'chart.svg'));
    assert.ok(light && labelColour(darkFile) && labelColour(darkFile) !== light, `the axis name in the dark theme's colour (${labelColour(darkFile)}), not the light one's (${light})`);
    await shot('chart-line-dark-wide');
    if (SHOTS) {
      await page.setViewportSize({ width: 900, height: 800 });
      await runCommand(page, 'View: Close Primary Side Bar');
      await shot('chart-line-dark-narrow');
    }
  });

  step('charts the rows the grid\'s filter keeps', async () => {
    const { page } = workbench;
    const frame = await chart();
    await frame.getByRole('tab', { name: 'Calls', exact: true }).click();
    await frame.getByRole('textbox', { name: 'Filter all columns' }).click();
    await page.keyboard.type('2026-');
    await until(async () => (await frame.locator('.gs-count').textContent()) === `${cliWeeks().filter(([week]) => week!.startsWith('2026-')).length} rows`, 'the filtered rows');
    await frame.getByRole('tab', { name: 'Chart', exact: true }).click();
    const want = cliWeeks().filter(([week]) => week!.startsWith('2026-'));
    await until(async () => JSON.stringify(await tableRows(frame)) === JSON.stringify(want), `the ${want.length} weeks of 2026`);
  });

  step('calls per week by workspace: one line per workspace (and, with GONGSQL_SHOTS, narrow panels wrap their tabs and buttons)', async () => {
    const { page } = workbench;
    await runCommand(page, 'View: Close All Editors');
    const frame = await runToChart('byworkspace.gongsql');
    await until(async () => (await frame.getByRole('combobox', { exact: true, name: 'Series' }).inputValue().catch(() => '')) === 'Workspace', 'a line per workspace');
    assert.equal(await frame.getByRole('combobox', { exact: true, name: 'Chart' }).inputValue(), 'line');
    assert.ok((await frame.locator('.gs-chart-data thead th').count()) >= 3, 'a column per workspace in the chart\'s data');
    // The narrow layouts are checked, and photographed, when GONGSQL_SHOTS names a folder: sizing
    // VS Code's editor groups by window size and sash drags proved too uneven for every CI run.
    if (!SHOTS) return;
    // Every tab and button is inside the panel (wrapped onto more rows), and nothing scrolls sideways.
    const fits = async () => frame.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('.tabs button, .gs-chart-bar select, .gs-chart-button')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > width + 0.5; })
        .map((e) => e.textContent || e.getAttribute('aria-label'));
      return { width, outside, scrolls: document.documentElement.scrollWidth > width };
    });
    await page.setViewportSize({ width: 820, height: 800 });
    if (await page.locator('.part.sidebar').isVisible()) await runCommand(page, 'View: Close Primary Side Bar');
    if (await page.locator('.part.auxiliarybar').isVisible()) await runCommand(page, 'View: Hide Secondary Side Bar');
    await until(async () => { const f = await fits(); return f.width < 450 && f.outside.length === 0 && !f.scrolls; }, 'a panel about 400 px wide with everything inside it');
    await shot('chart-series-dark-400');
    // A very narrow group: the sash on its left edge dragged to the window's right edge (the group stops at its narrowest).
    const panelBox = await page.locator('.editor-group-container', { has: page.locator('.tab', { hasText: 'Results: byworkspace.gongsql' }) }).boundingBox();
    assert.ok(panelBox);
    const sashes = await page.locator('.part.editor .monaco-sash.vertical').evaluateAll((all) => all.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }));
    const sash = sashes.find((s) => Math.abs(s.x - panelBox.x) < 8);
    assert.ok(sash, `the sash left of the results (${JSON.stringify(sashes)}, group at ${panelBox.x})`);
    await page.mouse.move(sash.x, sash.y);
    await page.mouse.down();
    await page.mouse.move(815, sash.y, { steps: 12 });
    await page.mouse.up();
    await until(async () => (await fits()).width < 260, 'a panel at its narrowest');
    const narrow = await fits();
    assert.deepEqual(narrow.outside, [], `every tab and button inside ${narrow.width} px`);
    assert.equal(narrow.scrolls, false, 'no sideways scrolling');
    await shot('chart-series-dark-narrowest');
    if (SHOTS) {
      await switchTheme(workbench, 'Default Light Modern');
      await shot('chart-series-light-narrowest');
      await page.setViewportSize({ width: 1400, height: 900 });
      await runCommand(page, 'View: Reset Editor Group Sizes');
      await shot('chart-series-light-wide');
      await page.setViewportSize({ width: 820, height: 800 });
      await shot('chart-series-light-400');
      await switchTheme(workbench, 'Default Dark Modern');
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    await runCommand(page, 'View: Reset Editor Group Sizes');
  });

  step('a notebook cell shows the same chart as its output; the choice is saved with the notebook, not its points', async () => {
    const { page, workspace } = workbench;
    if (SHOTS) await page.setViewportSize({ width: 1400, height: 900 });
    await runNotebookCell('weekly.gongsqlnb');
    const output = await webviewFrame(page, '.gs-view-tabs', 60_000);
    await output.getByRole('tab', { name: 'Chart', exact: true }).click();
    const want = cliWeeks();
    await until(async () => JSON.stringify(await tableRows(output)) === JSON.stringify(want), `one point per week in the cell's chart: ${want.length} points`, 60_000);
    assert.equal(await output.getByRole('combobox', { exact: true, name: 'Chart' }).inputValue(), 'line');
    await output.getByRole('combobox', { exact: true, name: 'Chart' }).selectOption('bar');
    await shot('notebook-chart-dark');
    // The choice modified the notebook: Ctrl+S saves it. The choice reaches the notebook a moment
    // after the click (renderer → extension → edit): a save just before it is followed by another.
    const file = join(workspace, 'weekly.gongsqlnb');
    await until(async () => {
      await page.keyboard.press('Control+s');
      return readFileSync(file, 'utf8').includes('"kind": "bar"');
    }, 'the notebook saved with its bar chart');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(saved.cells[0].chart, { kind: 'bar', x: 'Week', y: 'Calls', aggregate: 'sum' });
    assert.ok(!('outputs' in saved.cells[0]), 'no points in the file');
  });

  step('a notebook saved with a chart: its cell\'s output opens on that chart when run', async () => {
    const { page, workspace } = workbench;
    await runNotebookCell('area.gongsqlnb');
    const output = await webviewFrame(page, '.gs-chart', 60_000);
    await until(async () => (await output.getByRole('combobox', { exact: true, name: 'Chart' }).inputValue().catch(() => '')) === 'area', 'the area chart saved with the cell');
    assert.equal(await output.getByRole('combobox', { exact: true, name: 'Aggregate' }).inputValue(), 'max');
    assert.equal(await output.getByRole('tab', { name: 'Chart', exact: true }).getAttribute('aria-selected'), 'true');
    const want = cliWeeks();
    await until(async () => JSON.stringify(await tableRows(output)) === JSON.stringify(want), 'one point per week');
    await shot('notebook-area-dark');
    // Back to the table: the cell's chart is removed, and saving writes the cell without it.
    await output.getByRole('tab', { name: 'Table', exact: true }).click();
    await until(async () => {
      await page.keyboard.press('Control+s');
      return !readFileSync(join(workspace, 'area.gongsqlnb'), 'utf8').includes('"chart"');
    }, 'the notebook saved without a chart');
  });
});
