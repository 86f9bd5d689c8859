import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import readXlsxFile from 'read-excel-file/node';
import { editFile, replaceUserSettings, startWorkbench, stepsOf, until, webviewFrame, type Workbench } from './harness';

const SHOTS = '/tmp/shots-export';
/** Every call: more rows than the grid shows, so the export is the whole result, not the visible rows. */
const SQL = 'SELECT Id, Title, Started, Duration, IsPrivate FROM Calls ORDER BY Id';

/** What the CLI reads for the same statement, as JSON (ids as text). */
function cliRows(): Record<string, string | number | null>[] {
  const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'gongsql.js'), '-e', SQL, '--sandbox', '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(cli.status, 0, cli.stderr);
  return JSON.parse(cli.stdout) as Record<string, string | number | null>[];
}

describe('Export Excel and Export Parquet from the results grid in a real VS Code', () => {
  let workbench: Workbench;
  let expected: Record<string, string | number | null>[];
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    workbench = await startWorkbench({ files: { 'export.gongsql': '' } });
    expected = cliRows();
  });
  after(async () => {
    await workbench?.stop();
  });

  const step = stepsOf(() => workbench);
  const grid = () => webviewFrame(workbench.page, '.gs-grid');

  /** The grid's "…" menu, then the item; VS Code's save dialog proposes workspace/result.EXT, and Enter saves there. */
  const exportFrom = async (item: string, extension: string) => {
    const { page, workspace } = workbench;
    const frame = await grid();
    await frame.getByRole('button', { name: 'More actions…' }).click();
    await frame.getByRole('menuitem', { name: item }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await until(async () => (await input.inputValue()).endsWith(`result.${extension}`), 'the proposed file name');
    await page.keyboard.press('Enter');
    const file = join(workspace, `result.${extension}`);
    await page.locator('.notifications-toasts', { hasText: `Exported ${expected.length.toLocaleString('en-US')} rows to ${file}` }).first().waitFor({ timeout: 60_000 });
    assert.ok(existsSync(file) && statSync(file).size > 0);
    return file;
  };

  step('runs the statement typed in the editor', async () => {
    const { page } = workbench;
    await editFile(page, 'export.gongsql');
    await page.keyboard.type(SQL);
    await page.keyboard.press('Control+Enter');
    const frame = await grid();
    await until(async () => ((await frame.locator('.gs-count').textContent()) ?? '').includes(expected.length.toLocaleString('en-US')), `${expected.length} rows`, 120_000);
    assert.ok(expected.length > 1000, 'more rows than the grid shows at once');
  });

  step('the "…" menu offers Export Excel and Export Parquet beside CSV and JSON (screenshots, both themes)', async () => {
    const { page } = workbench;
    for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
      const settings = JSON.parse(await readFile(join(workbench.userData, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
      await replaceUserSettings(page, workbench.userData, { ...settings, 'workbench.colorTheme': theme });
      const dark = theme.includes('Dark');
      await page.locator(dark ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 30_000 });
      // The menu's width is its own (a narrow panel is covered by gridWidget.test.ts).
      const frame = await grid();
      await frame.getByRole('button', { name: 'More actions…' }).click();
      const items = await frame.getByRole('menuitem').allTextContents();
      for (const name of ['Export CSV', 'Export JSON', 'Export Excel', 'Export Parquet']) assert.ok(items.some((t) => t.startsWith(name)), `${name} in ${items.join(', ')}`);
      await page.screenshot({ path: `${SHOTS}/menu-${dark ? 'dark' : 'light'}.png` });
      await page.keyboard.press('Escape');
      await until(async () => (await frame.getByRole('menu').count()) === 0, 'the menu to close');
    }
  });

  step('Export Excel writes every row: ids as text, Started as a date, IsPrivate as a boolean (read back with read-excel-file)', async () => {
    const file = await exportFrom('Export Excel', 'xlsx');
    const [sheet] = await readXlsxFile(file);
    const [header, ...rows] = sheet!.data;
    assert.deepEqual(header, ['Id', 'Title', 'Started', 'Duration', 'IsPrivate']);
    assert.equal(rows.length, expected.length);
    for (const [i, row] of rows.entries()) {
      const want = expected[i]!;
      assert.equal(row[0], want.Id);
      assert.equal(row[1], want.Title);
      // Excel keeps a date-time as a fraction of a day: exact to the second.
      assert.ok(row[2] instanceof Date && Math.abs(row[2].getTime() - Date.parse(want.Started as string)) < 1000, `row ${i + 1}: ${String(row[2])} for ${want.Started}`);
      assert.equal(row[3], want.Duration);
      assert.equal(row[4], want.IsPrivate === null ? null : want.IsPrivate === 1);
    }
  });

  step('Export Parquet writes every row: ids as strings, int64, timestamps, booleans (read back with hyparquet)', async () => {
    const file = await exportFrom('Export Parquet', 'parquet');
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    assert.deepEqual(rows, expected.map((e) => ({
      Id: e.Id, Title: e.Title, Started: e.Started === null ? null : new Date(e.Started as string),
      Duration: e.Duration === null ? null : BigInt(e.Duration as number), IsPrivate: e.IsPrivate === null ? null : e.IsPrivate === 1,
    })));
  });
});
