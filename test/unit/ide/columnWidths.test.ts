import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitColumn, layoutWidths, widerFit, type Measure } from '../../../webview/grid/columnWidths';

/** 7 px a character in cells, 8 in headers (as a monospace editor font and a bold UI font). */
const measure: Measure = { cell: (t) => t.length * 7, header: (t) => t.length * 8 };
const ID = '7782920124395880000';
const TIMESTAMP = '2025-05-31T00:35:56Z';
const TITLE = 'Vandelay Industries <> Gong SQL: Technical deep dive into the import-export pipeline';

describe('column widths from content', () => {
  it('measures the header and every value; ids, numbers and timestamps set the floor', () => {
    assert.deepEqual(fitColumn('Id', [ID, null], measure), { natural: 19 * 7 + 13, floor: 19 * 7 + 13 });
    assert.deepEqual(fitColumn('Started', [TIMESTAMP], measure), { natural: 20 * 7 + 13, floor: 20 * 7 + 13 });
    const title = fitColumn('Title', [TITLE, 'short'], measure);
    assert.equal(title.natural, TITLE.length * 7 + 13);
    assert.equal(title.floor, 5 * 8 + 8 + 4 + 13, 'text can be cut down to its header (and its sort arrow)');
    assert.deepEqual(fitColumn('A', [], measure).floor, 48, 'a minimum width');
    assert.deepEqual(widerFit({ natural: 10, floor: 80 }, { natural: 50, floor: 20 }), { natural: 50, floor: 80 });
  });

  it('caps long text, and gives the room left to the columns the cap cut', () => {
    const fits = [fitColumn('Id', [ID], measure), fitColumn('Title', [TITLE], measure), fitColumn('Started', [TIMESTAMP], measure)];
    const narrow = layoutWidths(fits, 700);
    assert.deepEqual(narrow.slice(0, 1), [146]);
    assert.deepEqual(narrow.slice(2), [153]);
    assert.equal(narrow.reduce((a, b) => a + b, 0), 700, 'the cut title fills the view');
    const wide = layoutWidths(fits, 2000);
    assert.equal(wide[1], TITLE.length * 7 + 13, 'whole once there is room; not stretched beyond');
  });

  it('makes text give way before ids and timestamps when the view is too narrow', () => {
    const fits = [fitColumn('Id', [ID], measure), fitColumn('Title', [TITLE], measure), fitColumn('Started', [TIMESTAMP], measure)];
    const widths = layoutWidths(fits, 360);
    assert.deepEqual(widths, [146, 160, 153], 'ids and timestamps whole, the title at the smallest cap; the view scrolls');
  });
});
