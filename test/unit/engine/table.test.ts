import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth } from '../../../src/engine/render/displayWidth';
import { formatTable } from '../../../src/engine/render/table';

describe('displayWidth: the columns a terminal gives a text', () => {
  it('counts East Asian wide and fullwidth characters as 2', () => {
    assert.equal(displayWidth('株式会社テスト'), 14);
    assert.equal(displayWidth('한국어'), 6);
    assert.equal(displayWidth('ＡＢＣ'), 6);
    assert.equal(displayWidth('ｱｲ'), 2); // halfwidth katakana stays 1
  });

  it('counts combining marks and zero-width characters as 0', () => {
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('Zürich'), 6);
    assert.equal(displayWidth('a\u200bb'), 2);
    assert.equal(displayWidth('\u1112\u1161\u11ab'), 2); // 한 as conjoining jamo
  });

  it('counts an emoji as 2, a sequence of them joined or flagged as one', () => {
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('👩‍💻'), 2);
    assert.equal(displayWidth('👍🏽'), 2);
    assert.equal(displayWidth('🇯🇵'), 2);
    assert.equal(displayWidth('❤️'), 2);
    assert.equal(displayWidth('1️⃣'), 2);
    assert.equal(displayWidth('❤'), 1); // text presentation
  });
});

describe('formatTable: a terminal table', () => {
  /** The display column of each │ on each line. */
  const bars = (table: string) => table.split('\n').map((line) => {
    const at: number[] = [];
    let column = 0;
    for (const ch of new Intl.Segmenter().segment(line)) {
      if (ch.segment === '│' || ch.segment === '┼') at.push(column);
      column += displayWidth(ch.segment);
    }
    return at;
  });

  it('lines up columns holding wide characters, emoji and combining marks', () => {
    const table = formatTable(['Name', 'n'], [['株式会社テスト', 1], ['Zu\u0308rich', 2], ['👩‍💻 dev', 3], ['plain', 4]]);
    const lines = bars(table);
    assert.ok(lines.every((l) => l.length === 1 && l[0] === lines[0]![0]), table);
    assert.equal(lines[0]![0], 15, table);
  });

  it('cuts a long cell at its display width, never in the middle of a character', () => {
    const table = formatTable(['t'], [['株式会社テスト株式会社テスト'], ['abcdefghijklmnopqrstuvwxyz']], 9);
    const [, , wide, narrow] = table.split('\n');
    assert.equal(wide, '株式会社…');
    assert.equal(narrow, 'abcdefgh…');
    assert.ok(displayWidth(wide!) <= 9 && displayWidth(narrow!) === 9);
  });
});
