import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvLine } from '../../../src/engine/render/csv';

describe('csvLine: CSV meant for spreadsheets', () => {
  it('prefixes text a spreadsheet would run as a formula with a single quote (OWASP)', () => {
    assert.equal(csvLine(['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']),
      `"'=HYPERLINK(""http://x"",""y"")",'+cmd,'-2+3,'@SUM(A1),'\tx,"'\rx"\r\n`);
  });

  it('keeps numbers as numbers: numeric values, and text that is only a number', () => {
    assert.equal(csvLine([-5, 1.5, 0, '-5', '+1.5e3', '-.5']), '-5,1.5,0,-5,+1.5e3,-.5\r\n');
  });

  it('leaves other values alone: ids, text, NULL, a formula character later in the text', () => {
    assert.equal(csvLine(['7782342274025937895', 'a=b', 'x-1', null, '', ' =1']), '7782342274025937895,a=b,x-1,,, =1\r\n');
  });

  it("'raw' writes every value unchanged (for programs, not spreadsheets)", () => {
    assert.equal(csvLine(['=1+2', '@x', -5], { formulas: 'raw' }), '=1+2,@x,-5\r\n');
  });
});
