import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnostics } from '../../../src/engine/ide/outline';

/** The editor's warning for a day compared with date-times, at the comparison, with the fix. */
describe('a day compared with date-times: an editor warning', () => {
  const warned = (sql: string) => diagnostics(sql).filter((d) => d.severity === 'warning').map((d) => ({ code: d.code, message: d.message, at: sql.slice(d.span.start, d.span.end) }));

  it('= a day on Calls.Scheduled warns at the comparison, suggesting >= and <', () => {
    assert.deepEqual(warned("SELECT * FROM Calls WHERE Scheduled = '2026-11-20'"), [{
      code: 'GS2032',
      message: "Scheduled = '2026-11-20' compares date-times with a day, which no date-time equals (SQL compares the text): for that whole day write Scheduled >= '2026-11-20' AND Scheduled < '2026-11-21'",
      at: "Scheduled = '2026-11-20'",
    }]);
  });

  it('<= a day, a BETWEEN ending on a day and a flipped comparison warn about the end of the day', () => {
    const between = warned("SELECT * FROM CallInteractionStats i WHERE i.CallScheduled BETWEEN '2026-11-20' AND '2026-11-20'");
    assert.deepEqual(between.map((w) => [w.code, w.at]), [['GS2033', "i.CallScheduled BETWEEN '2026-11-20' AND '2026-11-20'"]]);
    assert.match(between[0]!.message, /^i\.CallScheduled <= '2026-11-20' compares date-times with a day: it ends at 2026-11-20 00:00:00, leaving that day out; to include it write i\.CallScheduled < '2026-11-21'$/);
    assert.deepEqual(warned("SELECT * FROM Users WHERE '2026-01-31' >= Created").map((w) => w.code), ['GS2033']);
  });

  it('no warning for days that are days, date-time literals, or other operators', () => {
    for (const sql of [
      "SELECT * FROM UserActivityDayByDay WHERE Date = '2026-10-06'",
      "SELECT * FROM UserActivityStats WHERE FromDate = '2026-10-01' AND ToDate <= '2026-10-31'",
      "SELECT * FROM Calls WHERE Scheduled = '2026-11-20T10:00:00Z'",
      "SELECT * FROM Calls WHERE Scheduled >= '2026-11-20' AND Scheduled < '2026-11-21'",
      "SELECT * FROM Calls WHERE Title = '2026-11-20'",
    ]) assert.deepEqual(warned(sql), [], sql);
  });
});
