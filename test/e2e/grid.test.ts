import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { generateWorld } from '../../src/sandbox/data/generate';
import { editorLines, openFile, runCommand, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const visible = generateWorld().calls.filter((c) => c.state === 'processed');
const hostile = visible.find((c) => c.meta.title === '<img src=x onerror=alert(1)>')!;
const TEN = [hostile, ...visible.filter((c) => c !== hostile).slice(0, 9)];
const SQL = `SELECT Id, Title, Duration, Started FROM Calls WHERE Id IN (${TEN.map((c) => `'${c.meta.id}'`).join(', ')})`;

describe('the results grid in a real VS Code', () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'grid.gongsql': `${SQL};\n`, 'explain.gongsql': '', 'titles.gongsql': '' } });
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);

  const grid = () => webviewFrame(workbench.page, '.gs-grid');
  const column = async (n: number) => (await grid()).locator(`.gs-rows [role=row]:visible [role=gridcell]:nth-child(${n + 1})`).allTextContents();

  step('runs the query; a hostile title renders as text', async () => {
    const { page } = workbench;
    await openFile(page, 'grid.gongsql');
    await page.locator('.statusbar-item', { hasText: 'Gong: Sandbox' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Gong: Run File');
    await page.locator('.tab', { hasText: 'Results: grid.gongsql' }).first().waitFor({ timeout: 30_000 });
    const frame = await grid();
    await until(async () => (await column(1)).every((id) => /^\d+$/.test(id)) && (await column(1)).length === 10, 'ten rows');
    // The grid refills its rows when the run ends: wait for the cell rather than read it once.
    await until(async () => (await frame.locator('[role=gridcell]', { hasText: '<img src=x onerror=alert(1)>' }).count()) === 1, 'the hostile title as text');
    assert.equal(await frame.locator('.gs-grid img').count(), 0, 'no element was made from the value');
  });

  step('sorts a column as numbers, both ways', async () => {
    const frame = await grid();
    const header = frame.locator('[role=columnheader]', { hasText: 'Duration' });
    await header.click();
    await until(async () => (await header.getAttribute('aria-sort')) === 'ascending', 'ascending');
    assert.equal(await header.evaluate((e) => getComputedStyle(e).textAlign), 'right', 'a numeric header is right-aligned like its numbers');
    const want = TEN.map((c) => c.meta.duration).sort((a, b) => a - b).map(String);
    await until(async () => (await column(3)).join() === want.join(), `durations ascending ${want.join()}`);
    await header.click();
    await until(async () => (await column(3)).join() === [...want].reverse().join(), 'durations descending');
  });

  step('copies the selection with headers as TSV', async () => {
    const { page } = workbench;
    const frame = await grid();
    await frame.locator('[role=gridcell]').first().click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+Shift+c');
    let text = '';
    await until(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text.startsWith('Id\tTitle\tDuration');
    }, 'the clipboard to hold the rows');
    const lines = text.split('\n');
    assert.equal(lines.length, 11);
    assert.equal(lines[0], 'Id\tTitle\tDuration\tStarted');
    assert.ok(lines.slice(1).every((l) => /^\d+\t.*\t\d+\t[\d-]+T[\d:]+Z$/.test(l)), text);
  });

  step('exports the whole result to CSV, identical to the CLI\'s CSV', async () => {
    const { page, workspace } = workbench;
    const frame = await grid();
    await frame.getByRole('button', { name: 'Export CSV' }).click();
    // VS Code's own save dialog proposes workspace/result.csv.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await until(async () => (await input.inputValue()).endsWith('result.csv'), 'the proposed file name');
    await page.keyboard.press('Enter');
    const file = join(workspace, 'result.csv');
    await until(() => existsSync(file) && readFileSync(file, 'utf8').split('\r\n').length === 12, 'the export to be written');
    const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'gongsql.js'), '-e', SQL, '--sandbox', '--format', 'csv'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(readFileSync(file, 'utf8'), cli.stdout);
  });

  step('sizes columns to their content: every id and timestamp whole', async () => {
    const frame = await grid();
    const whole = (n: number) => frame.locator(`.gs-rows [role=row]:visible [role=gridcell]:nth-child(${n + 1})`).evaluateAll((cells) => cells.map((c) => c.scrollWidth <= c.clientWidth));
    assert.deepEqual(await whole(1), Array(10).fill(true), 'ids');
    assert.deepEqual(await whole(4), Array(10).fill(true), 'timestamps');
  });

  step('keeps every character typed into a column filter and narrows the rows', async () => {
    const { page } = workbench;
    const frame = await grid();
    const input = frame.getByRole('textbox', { name: 'Filter Title' });
    await input.click();
    await page.keyboard.type('industries');
    const want = TEN.filter((c) => (c.meta.title ?? '').toLowerCase().includes('industries')).map((c) => c.meta.title).sort();
    await until(async () => (await column(2)).sort().join('\n') === want.join('\n'), `only the ${want.length} titles with "industries"`);
    assert.equal(await input.inputValue(), 'industries', 'the whole text stays in the box');
    assert.ok(await input.evaluate((e) => e === document.activeElement && document.hasFocus()), 'the box keeps the focus');
    // Typing goes on where it stopped.
    await page.keyboard.type(' <');
    await until(async () => (await column(2)).length === TEN.filter((c) => (c.meta.title ?? '').toLowerCase().includes('industries <')).length, 'rows with "industries <"');
    assert.equal(await input.inputValue(), 'industries <');
  });

  step('says in Messages which statement ran, and when', async () => {
    const frame = await grid();
    await frame.getByRole('tab', { name: 'Messages' }).click();
    const group = frame.locator('.msg-group').first();
    await group.waitFor();
    assert.match(await group.locator('.msg-time').textContent() ?? '', /^\d\d:\d\d:\d\d$/);
    const statement = await group.locator('.msg-statement').textContent() ?? '';
    assert.ok(statement.endsWith('…') && SQL.startsWith(statement.slice(0, -1)), statement);
    assert.match(await group.locator('.message').first().textContent() ?? '', /^10 rows in \d+ ms/);
  });
  step('shows an EXPLAIN in the record view: every sentence whole, nothing clipped', async () => {
    const { page } = workbench;
    const explain = "EXPLAIN SELECT Id, Title FROM Calls WHERE Started > '2025-01-01' AND Duration > 100";
    await openFile(page, 'explain.gongsql');
    // The file opened in the active group (the earlier results' group): type in its editor.
    await editorLines(page, 'explain.gongsql').click();
    await page.keyboard.type(explain);
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, '.gs-records [role=cell]');
    const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'gongsql.js'), '-e', explain, '--sandbox', '--format', 'json'], { encoding: 'utf8' });
    const sentence = (JSON.parse(cli.stdout.slice(0, cli.stdout.lastIndexOf(']') + 1)) as Record<string, string>[])[0]!.EstimatedCalls!;
    const estimate = frame.locator('.gs-records [role=row]', { has: frame.getByRole('rowheader', { name: 'EstimatedCalls' }) }).getByRole('cell');
    await until(async () => (await estimate.allTextContents()).join() === sentence, `"${sentence}" in the record view`);
    // Inside the panel and not clipped: wrapped in its cell, the cell within the view.
    const clipped = await estimate.evaluate((cell) => {
      const view = cell.closest('.gs-records')!.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      return cell.scrollWidth > cell.clientWidth || cell.scrollHeight > cell.clientHeight || box.left < view.left || box.right > view.right + 0.5;
    });
    assert.equal(clipped, false);
    assert.equal(await frame.locator('.gs-viewport').isVisible(), false, 'the table view is hidden');
  });

  step('titles a column without AS with the text the user typed, as SQLite would', async () => {
    const { page } = workbench;
    const subquery = '(SELECT count(*) FROM Users)';
    await openFile(page, 'titles.gongsql');
    await editorLines(page, 'titles.gongsql').click();
    await page.keyboard.type(`SELECT Name, ${subquery} FROM Workspaces`);
    await page.keyboard.press('Control+Enter');
    const frame = await webviewFrame(page, `.gs-hcell .gs-label:text-is("${subquery}")`);
    assert.deepEqual(await frame.locator('.gs-hcell .gs-label').allTextContents(), ['Name', subquery], 'no internal table name in the title');
    assert.equal(await frame.getByRole('tab', { name: 'Workspaces' }).count(), 1, "the result's tab is named by the statement's own object, not the subquery's");
    await until(async () => (await page.locator('.suggest-widget.visible').count()) === 0, 'the suggestion list that typing opened to close when the run starts');
  });
});
