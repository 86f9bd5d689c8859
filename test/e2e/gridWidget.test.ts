import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { until } from './harness';

/** The colours of VS Code's Light Modern theme that the grid uses, as the webview receives them. */
const LIGHT_MODERN = {
  'font-family': 'sans-serif', 'font-size': '13px', 'editor-font-family': 'monospace', 'editor-font-size': '13px',
  foreground: '#3b3b3b', 'editor-background': '#ffffff', 'panel-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8',
  'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', focusBorder: '#005fb8',
  'list-activeSelectionBackground': '#e8e8e8', 'list-inactiveSelectionBackground': '#e4e6f1',
  'editor-selectionBackground': '#add6ff', 'editor-inactiveSelectionBackground': '#e5ebf1', 'progressBar-background': '#005fb8',
};
const THEME = Object.entries(LIGHT_MODERN).map(([k, v]) => `--vscode-${k}:${v}`).join(';');

const CALL_COLUMNS = [{ name: 'Id', type: 'text' }, { name: 'Title', type: 'text' }, { name: 'Started', type: 'text' }, { name: 'Duration', type: 'integer' }];
const LONG_TITLE = 'Vandelay Industries <> Gong SQL: Technical deep dive into the import-export pipeline';
const callRows = (n: number) => Array.from({ length: n }, (_, i) => [
  String(7782920124395880000n + BigInt(i * 7919)),
  i === 3 ? LONG_TITLE : `${['Acme', 'Globex', 'Initech', 'Umbrella'][i % 4]} call ${i}`,
  `2025-05-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:35:5${i % 10}Z`,
  100 + i * 37,
]);

const EXPLAIN_COLUMNS = ['Object', 'Alias', 'Request', 'NativeFilters', 'ResidualFilters', 'EstimatedCalls'].map((name) => ({ name, type: 'text' }));
const ESTIMATE = '1+ (1 request or more (100 records per page)), then each matching record is read again for its parties and trackers';
const explainRow = (i: number) => [`Calls${i}`, 'Calls', 'POST /v2/calls/extensive (100 per page)', "fromDateTime >= '2025-01-01' → fromDateTime=2025-01-01T00:00:00Z", 'Duration > 100', i === 1 ? null : ESTIMATE];

/** The grid widget alone in Chromium, fed by a source the test controls step by step. */
describe('the results grid widget', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongsql-grid-widget-'));
    await build({ entryPoints: [join(__dirname, 'fixtures', 'gridWidgetPage.ts')], outfile: join(dir, 'page.js'), bundle: true, format: 'iife', target: 'es2022', logLevel: 'error' });
    await writeFile(join(dir, 'page.html'), `<!DOCTYPE html><html><body style="margin:0;background:#fff;${THEME}"><div id="host" style="height:600px;display:flex;flex-direction:column"></div><script src="page.js"></script></body></html>`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`file://${join(dir, 'page.html')}`);
  });
  after(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const column = (n: number) => page.locator(`.gs-rows [role=row]:visible [role=gridcell]:nth-child(${n + 1})`).allTextContents();
  const ids = () => column(1);
  const gutters = () => page.locator('.gs-rows [role=row]:visible [role=rowheader]').allTextContents();
  const twoFrames = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const mountCalls = async (rows: number, width = 1000) => {
    await page.setViewportSize({ width, height: 700 });
    await page.evaluate(([columns, data]) => {
      window.mount(columns);
      window.driven.push(data as never);
      window.driven.finish();
    }, [CALL_COLUMNS, callRows(rows)] as const);
    await until(async () => (await ids()).length > 0 && (await ids())[0] !== '', 'the rows');
  };
  /** Whether a cell's whole text is visible (not cut with an ellipsis). */
  const whole = (selector: string) => page.locator(selector).evaluateAll((cells) => cells.map((c) => c.scrollWidth <= c.clientWidth));

  it('keeps rows on screen while their block is read again as more rows stream in and the run ends', async () => {
    await page.evaluate(() => window.mount());
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

  it('says the query is running before any row, and numbers only rows it has', async () => {
    await page.evaluate(() => window.mount());
    assert.equal(await page.locator('.gs-count').textContent(), 'Running…');
    await until(() => page.locator('.gs-grid.gs-loading .gs-progress').isVisible(), 'a progress bar while the query runs');
    await page.evaluate(() => { window.driven.hold = true; window.driven.push([['1', 'a'], ['2', 'b']]); window.driven.finish(); });
    await until(async () => (await page.locator('.gs-count').textContent()) === '2 rows', 'the count once known');
    await twoFrames();
    assert.deepEqual(await gutters(), ['', ''], 'rows not loaded yet are not numbered');
    assert.ok(await page.locator('.gs-grid.gs-loading .gs-progress').isVisible(), 'the progress bar while rows load');
    await page.evaluate(() => window.driven.release());
    await until(async () => (await gutters()).join() === '1,2', 'numbered rows once loaded');
    await until(async () => !(await page.locator('.gs-progress').isVisible()), 'no progress bar once everything is shown');
  });

  for (const [what, box] of [['a column filter', '[aria-label="Filter Title"]'], ['the quick filter', '[aria-label="Filter all columns"]']] as const) {
    it(`keeps focus, caret and every character typed into ${what} while rows narrow and stream in`, async () => {
      await page.evaluate(() => window.mount([{ name: 'Id', type: 'text' }, { name: 'Title', type: 'text' }]));
      const titles = ['alpha beta', 'abacus', 'gamma', 'cabin', 'label', 'zeta'];
      await page.evaluate((t) => window.driven.push(t.map((title, i) => [String(i + 1), title])), titles);
      await until(async () => (await ids()).length === titles.length, 'the first rows');
      const input = page.locator(box);
      await input.click();
      for (const [i, key] of [...'abe'].entries()) {
        await page.keyboard.press(key);
        // Rows keep streaming in while the user types.
        await page.evaluate((n) => window.driven.push([[String(100 + n), `late label ${n}`], [String(200 + n), 'nothing']]), i);
        await twoFrames();
      }
      await until(async () => (await column(2)).every((t) => t.includes('abe')) && (await column(2)).length === 4, 'only rows with "abe"');
      assert.equal(await input.inputValue(), 'abe', 'the whole text stays in the box');
      assert.ok(await input.evaluate((e) => e === document.activeElement), 'the box keeps the focus');
      assert.equal(await input.evaluate((e) => (e as HTMLInputElement).selectionStart), 3, 'the caret stays after the last character');
      assert.deepEqual((await column(2)).sort(), ['label', 'late label 0', 'late label 1', 'late label 2']);
    });
  }

  it('sizes columns from their content: ids and timestamps whole, long text capped, the view filled', async () => {
    await mountCalls(60);
    assert.ok((await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(2)')).every(Boolean), 'every id whole');
    assert.ok((await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(4)')).every(Boolean), 'every timestamp whole');
    const cut = await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(3)');
    assert.equal(cut.filter((w) => !w).length, 1, 'only the long title is cut');
    const { used, view } = await page.evaluate(() => ({ used: document.querySelector('.gs-spacer')!.getBoundingClientRect().width, view: document.querySelector('.gs-viewport')!.clientWidth }));
    assert.ok(Math.abs(used - view) <= 2, `a cut column takes the room left: columns ${used} px in a ${view} px view`);
    // A double-click on the Title header's edge fits the column to the long title.
    await page.locator('[role=columnheader]', { hasText: 'Title' }).locator('.gs-resize').dblclick();
    await until(async () => (await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(3)')).every(Boolean), 'every title whole after the fit');
    assert.equal(await page.locator('[role=columnheader]', { hasText: 'Title' }).getAttribute('aria-sort'), 'none', 'the double-click does not sort');
  });

  it('keeps ids and timestamps whole in a narrow view, and scrolls the header with the rows', async () => {
    await mountCalls(30, 360);
    assert.ok((await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(2)')).every(Boolean), 'every id whole');
    assert.ok((await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(4)')).every(Boolean), 'every timestamp whole');
    await page.locator('.gs-viewport').evaluate((v) => { v.scrollLeft = 200; });
    await until(async () => (await page.locator('.gs-head').evaluate((h) => h.scrollLeft)) === 200, 'the header to follow');
  });

  it('right-aligns numeric headers above their numbers', async () => {
    await mountCalls(5);
    const header = page.locator('[role=columnheader]', { hasText: 'Duration' });
    const cell = page.locator('.gs-rows [role=row]:visible [role=gridcell]:nth-child(5)').first();
    const right = async (l: typeof cell, inner: string) => l.evaluate((e, s) => {
      const range = document.createRange();
      range.selectNodeContents(s ? e.querySelector(s)! : e);
      return [range.getBoundingClientRect().right, e.getBoundingClientRect().right] as const;
    }, inner);
    const [labelRight, headerRight] = await right(header, '.gs-label');
    const [valueRight, cellRight] = await right(cell, '');
    assert.ok(headerRight - labelRight < 14 && cellRight - valueRight < 14, `header text ends ${headerRight - labelRight} px and the value ${cellRight - valueRight} px before the right edge`);
    const title = page.locator('[role=columnheader]', { hasText: 'Title' });
    assert.equal(await title.evaluate((e) => getComputedStyle(e).textAlign), 'start', 'text headers stay left-aligned');
    // Sorted, the header shows its arrow and still its whole name.
    await header.click();
    await until(async () => (await header.locator('.gs-sort').textContent()) === '▲', 'the sort arrow');
    const [arrow, label] = await Promise.all([header.locator('.gs-sort').boundingBox(), header.locator('.gs-label').boundingBox()]);
    assert.ok(arrow!.x + arrow!.width <= label!.x, 'the arrow before the name');
    assert.ok(await header.locator('.gs-label').evaluate((e) => e.scrollWidth <= e.clientWidth), 'the whole name');
  });

  it('shows selected cells clearly in the light theme', async () => {
    await mountCalls(5);
    await page.locator('.gs-rows [role=gridcell]').nth(1).click();
    await page.keyboard.press('Shift+ArrowDown');
    // The grid has the keyboard focus once the keys reached it (the page may take a moment, loaded).
    await until(() => page.evaluate(() => document.querySelector('.gs-grid')!.matches(':focus-within') && document.querySelectorAll('.gs-cell.selected').length === 2), 'two selected cells in the focused grid');
    // The first row's Title cell is selected, its Id cell is not.
    const [selected, plain] = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.gs-rows [role=gridcell]')];
      return [cells[1], cells[0]].map((c) => getComputedStyle(c!).backgroundColor);
    });
    assert.equal(plain, 'rgba(0, 0, 0, 0)');
    assert.ok(contrast(selected!, 'rgb(255, 255, 255)') >= 1.4, `selected cells stand out from the white page: ${selected}`);
    assert.equal(await page.locator('.gs-cell.focus').evaluate((e) => getComputedStyle(e).outlineColor), 'rgb(0, 95, 184)', 'the focused cell has the focus border');
  });

  it('selects whole rows from the gutter and copies them, a cell range too', async () => {
    await mountCalls(10);
    const gutter = page.locator('.gs-rows [role=row]:visible [role=rowheader]');
    await gutter.nth(1).click();
    await gutter.nth(3).click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '1-3:0,1,2,3', 'rows 2 to 4, every column');
    const cells = page.locator('.gs-rows [role=row]:visible [role=gridcell]');
    await cells.nth(4 * 5 + 1).click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+Shift+c');
    await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '5-6:1,2 with headers', 'the 2 × 2 range with headers');
  });

  it('fits its toolbar in a 360 px panel: icons with names, the rest in a menu', async () => {
    await mountCalls(5, 360);
    const toolbar = page.locator('.gs-toolbar');
    const box = (await toolbar.boundingBox())!;
    assert.ok(box.height <= 34, `one line: ${box.height} px`);
    for (const button of await toolbar.locator('button').all()) {
      const b = (await button.boundingBox())!;
      assert.ok(b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5, `${await button.getAttribute('aria-label')} inside the toolbar`);
      assert.ok(await button.getAttribute('title'), 'a tooltip');
    }
    assert.equal(await page.locator('.gs-count').evaluate((e) => e.scrollWidth <= e.clientWidth), true, 'the row count whole');
    await page.getByRole('button', { name: 'More actions…' }).click();
    await page.getByRole('menuitem', { name: 'Export JSON' }).click();
    assert.deepEqual(await page.evaluate(() => window.driven.exported), ['json']);
    assert.equal(await page.getByRole('menu').count(), 0, 'the menu closes');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    assert.deepEqual(await page.evaluate(() => window.driven.exported), ['json', 'csv']);
    // From the keyboard, with a cell selected: Enter on the "…" button opens the menu, not the cell viewer.
    await page.locator('.gs-rows [role=gridcell]').first().click();
    await page.getByRole('button', { name: 'More actions…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '0-0:0', 'Copy (the second item) to copy the selected cell');
  });

  it('shows a cell whole in a compact viewer beside it, closed by Escape', async () => {
    await mountCalls(10);
    const cell = page.locator('.gs-rows [role=row]:visible [role=gridcell]:nth-child(3)').nth(3);
    await cell.dblclick();
    const viewer = page.getByRole('dialog', { name: 'Value of Title' });
    await viewer.waitFor();
    assert.equal(await viewer.locator('pre').textContent(), LONG_TITLE);
    const v = (await viewer.boundingBox())!;
    const c = (await cell.boundingBox())!;
    assert.ok(v.height < 100 && v.width < 800, `as large as the value needs: ${v.width}×${v.height}`);
    assert.ok(Math.abs(v.y - (c.y + c.height)) < 6, 'just below the cell');
    assert.equal(await viewer.getByRole('button', { name: 'Close (Escape)' }).evaluate((b) => getComputedStyle(b).backgroundColor), 'rgba(0, 0, 0, 0)', 'a themed icon, not a white button');
    await page.keyboard.press('Escape');
    await until(async () => (await viewer.count()) === 0, 'the viewer to close');
    // Enter opens the focused cell's value too.
    await page.keyboard.press('Enter');
    await viewer.waitFor();
    await viewer.getByRole('button', { name: 'Close (Escape)' }).click();
    await until(async () => (await viewer.count()) === 0, 'the viewer to close');
  });
  describe('record view', () => {
    const mountExplain = async (rows: number, width: number, layout: 'table' | 'record') => {
      await page.setViewportSize({ width, height: 700 });
      await page.evaluate(([columns, data, l]) => {
        window.mount(columns, l);
        window.driven.push(data as never);
        window.driven.finish();
      }, [EXPLAIN_COLUMNS, Array.from({ length: rows }, (_, i) => explainRow(i)), layout] as const);
    };
    const values = () => page.locator('.gs-records [role=cell]');
    const menu = async (item: string) => {
      await page.getByRole('button', { name: 'More actions…' }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };

    it('switches from the "…" menu: fields as rows, records as columns, every value whole in a narrow panel', async () => {
      await mountExplain(3, 370, 'table');
      await until(async () => (await ids()).length === 3, 'the table');
      await menu('Record view');
      await until(async () => (await values().count()) === 18, 'six fields of three records');
      assert.equal(await page.locator('.gs-viewport').isVisible(), false, 'the table is hidden');
      assert.deepEqual(await page.locator('.gs-records [role=rowheader]').allTextContents(), EXPLAIN_COLUMNS.map((c) => c.name));
      assert.deepEqual(await page.locator('.gs-records [role=columnheader]').allTextContents(), ['Field', 'Record 1', 'Record 2', 'Record 3']);
      const estimate = page.locator('.gs-records [role=row]').last().locator('[role=cell]');
      assert.deepEqual(await estimate.allTextContents(), [ESTIMATE, 'NULL', ESTIMATE]);
      assert.match((await estimate.nth(1).getAttribute('class'))!, /\bnull\b/, 'NULL as the table shows it');
      // Wrapped, not cut: no value is wider than its cell, and the record columns share the panel.
      assert.deepEqual(await values().evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent)), []);
      const names = (await page.locator('.gs-records [role=rowheader]').first().boundingBox())!;
      const first = (await estimate.first().boundingBox())!;
      assert.ok(names.width < 150, `the field names as wide as they need: ${names.width} px`);
      assert.deepEqual(await page.locator('.gs-records [role=rowheader]').evaluateAll((cells) => cells.filter((c) => {
        const text = document.createRange();
        text.selectNodeContents(c);
        return text.getClientRects().length > 1;
      }).map((c) => c.textContent)), [], 'every field name on one line');
      assert.ok(first.height > 40, `the sentence wraps onto several lines: ${first.height} px`);
      await menu('Table view');
      await until(async () => (await ids()).length === 3 && await page.locator('.gs-viewport').isVisible(), 'the table back');
      assert.equal(await page.locator('.gs-records').isVisible(), false);
      // Alt+R switches too.
      await page.locator('.gs-grid').focus();
      await page.keyboard.press('Alt+r');
      await until(async () => (await values().count()) === 18, 'the record view from Alt+R');
    });

    it('is the first view when the result asks for it, shows at most 50 records and says so, and copies them', async () => {
      await mountExplain(60, 1000, 'record');
      await until(async () => (await page.locator('.gs-records [role=columnheader]').count()) === 51, 'fifty records');
      assert.equal(await page.locator('.gs-rec-note').textContent(), 'Showing the first 50 of 60 records: Table view shows them all.');
      await page.locator('.gs-records [role=rowheader]').first().click();
      await page.keyboard.press('Control+c');
      await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '0-49:0,1,2,3,4,5 with headers', 'the records shown, with headers');
      await page.evaluate(() => window.driven.copied.splice(0));
      await page.getByRole('button', { name: 'Copy with headers' }).click();
      await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '0-49:0,1,2,3,4,5 with headers', 'the toolbar copies the records too');
      // The quick filter narrows the records too.
      await page.locator('.gs-quick').fill('Calls7');
      await until(async () => (await page.locator('.gs-records [role=columnheader]').count()) === 2, 'one record left');
      assert.equal(await page.locator('.gs-rec-note').textContent(), '');
    });
  });
  describe('sideways in a narrow panel', () => {
    /** Left edges of the header cells and of the first visible row's cells, in display order. */
    const lefts = () => page.evaluate(() => {
      const row = [...document.querySelectorAll<HTMLElement>('.gs-rows [role=row]')].find((r) => r.style.display !== 'none')!;
      return [[...document.querySelectorAll('.gs-head [role=columnheader]')], [...row.querySelectorAll('[role=gridcell]')]]
        .map((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    });

    it('keeps the header over its columns when a filter box off to the side is clicked or reached with Tab', async () => {
      await mountCalls(30, 370);
      const duration = page.locator('[aria-label="Filter Duration"]');
      await duration.click();
      await twoFrames();
      let [head, rows] = await lefts();
      assert.deepEqual(head, rows, 'after clicking the Duration filter, partly off-screen');
      assert.ok(await duration.evaluate((e) => e === document.activeElement));
      await page.locator('.gs-viewport').evaluate((v) => { v.scrollLeft = 0; });
      await page.locator('[aria-label="Filter Id"]').click();
      for (const key of ['Tab', 'Tab', 'Tab']) await page.keyboard.press(key);
      await twoFrames();
      assert.ok(await duration.evaluate((e) => e === document.activeElement), 'Tab went from filter to filter');
      [head, rows] = await lefts();
      assert.deepEqual(head, rows, 'after Tab to the Duration filter');
    });

    it('keeps a wheel past the edge in the grid (no history navigation)', async () => {
      await mountCalls(30, 370);
      for (const scroller of ['.gs-viewport', '.gs-head']) {
        const style = await page.locator(scroller).evaluate((e) => [getComputedStyle(e).overscrollBehaviorX, getComputedStyle(e).overscrollBehaviorY]);
        assert.deepEqual(style, ['contain', 'contain'], scroller);
      }
    });

    it('follows the keyboard cursor sideways, and keeps the row numbers at the left', async () => {
      await mountCalls(30, 370);
      await page.locator('.gs-rows [role=gridcell]').first().click();
      for (const key of ['ArrowRight', 'ArrowRight', 'Shift+ArrowRight']) await page.keyboard.press(key);
      await twoFrames();
      const inView = () => page.evaluate(() => {
        const focus = document.querySelector('.gs-cell.focus')!.getBoundingClientRect();
        const view = document.querySelector('.gs-viewport')!.getBoundingClientRect();
        const gutter = document.querySelector('.gs-rows .gs-cell.gutter')!.getBoundingClientRect();
        return { focus: [focus.left, focus.right], view: [view.left, view.right], gutterLeft: gutter.left, gutterRight: gutter.right };
      });
      let at = await inView();
      assert.ok(at.focus[1]! <= at.view[1]! + 1, `the Duration cell in view: ${JSON.stringify(at)}`);
      assert.equal(Math.round(at.gutterLeft), Math.round(at.view[0]!), 'the row numbers stay at the left');
      assert.ok(await page.locator('.gs-viewport').evaluate((v) => v.scrollLeft > 0), 'the rows scrolled sideways');
      for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
      await twoFrames();
      at = await inView();
      assert.ok(at.focus[0]! >= at.gutterRight - 1, `the Id cell in view, right of the row numbers: ${JSON.stringify(at)}`);
    });
  });

  it('fits every column to its content from the "…" menu', async () => {
    await mountCalls(60);
    await page.getByRole('button', { name: 'More actions…' }).click();
    await page.getByRole('menuitem', { name: 'Fit columns to content' }).click();
    await until(async () => (await whole('.gs-rows [role=row]:visible [role=gridcell]:nth-child(3)')).every(Boolean), 'every title whole after the fit');
    for (const n of [2, 4, 5]) assert.ok((await whole(`.gs-rows [role=row]:visible [role=gridcell]:nth-child(${n})`)).every(Boolean), `column ${n - 1} whole`);
  });

  it('says a column type in its tooltip only when it is known, and never cuts a header or a filter hint by itself', async () => {
    const computed = `json_extract(Parties, '$[0].emailAddress')`;
    await page.setViewportSize({ width: 370, height: 700 });
    await page.evaluate(([columns]) => {
      window.mount([...columns]);
      window.driven.push([['1', 'a@b.c', '2025-05-01T00:00:00Z', 4], ['2', 'd@e.f', '2025-05-02T00:00:00Z', 5]]);
      window.driven.finish();
    }, [[{ name: 'Id', type: 'null' }, { name: computed, type: 'null' }, { name: 'Started', type: 'text' }, { name: 'n', type: 'integer' }]] as const);
    await until(async () => (await ids()).join() === '1,2', 'the rows');
    const titles = await page.locator('[role=columnheader]').evaluateAll((hs) => hs.map((h) => (h as HTMLElement).title));
    assert.match(titles[0]!, /^Id\. Click to sort/);
    assert.match(titles[2]!, /^Started \(text\)\. Click/);
    assert.ok(titles.every((t) => !t.includes('(null)')), titles.join('\n'));
    assert.ok((await whole('.gs-head .gs-label')).every(Boolean), 'every header whole');
    const hints = await page.locator('.gs-filter input').evaluateAll((inputs) => inputs.map((input) => {
      const probe = document.createElement('span');
      const style = getComputedStyle(input);
      probe.style.font = style.font;
      probe.style.whiteSpace = 'pre';
      probe.textContent = (input as HTMLInputElement).placeholder;
      document.body.append(probe);
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const fits = probe.getBoundingClientRect().width <= room;
      probe.remove();
      return fits;
    }));
    assert.ok(hints.every(Boolean), 'every filter hint whole');
  });

  it('keeps the selection on its columns when a column is dragged elsewhere, and across a sort', async () => {
    await mountCalls(10);
    await page.evaluate(() => window.driven.copied.splice(0));
    // The Title cell of the third row.
    await page.locator('.gs-rows [role=row]:visible').nth(2).locator('[role=gridcell]').nth(1).click();
    await page.locator('[role=columnheader]', { hasText: 'Title' }).dragTo(page.locator('[role=columnheader]', { hasText: 'Id' }));
    await until(async () => (await page.locator('.gs-head [role=columnheader]').first().textContent())?.startsWith('Title') === true, 'Title first');
    await page.locator('.gs-grid').focus();
    await page.keyboard.press('Control+c');
    await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '2-2:1', 'the Title cell still');
    await page.locator('[role=columnheader]', { hasText: 'Duration' }).click();
    await until(async () => (await page.locator('[role=columnheader]', { hasText: 'Duration' }).getAttribute('aria-sort')) === 'ascending', 'sorted');
    await page.locator('.gs-grid').focus();
    await page.keyboard.press('Control+c');
    await until(async () => (await page.evaluate(() => window.driven.copied)).at(-1) === '2-2:1', 'the same cell after the sort, not everything');
  });

});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (c: string) => {
    const [r, g, bl] = (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
