import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute, type StatementResult } from '../../../src/engine';
import type { GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/**
 * A day compared with a column of date-times keeps SQL's meaning (SQLite compares the text),
 * but the statement's messages warn and say what to write: trial 16 got 0 rows for
 * `Scheduled = '2026-11-20'` without a word, where the Stats objects' `Date =` reads the day.
 */
describe('a day compared with date-times: SQL semantics kept, a warning with the fix', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let day: string;
  const sql = async (text: string) => (await execute(text, { client, connectionId: 'sb', useCache: false, confirm: async () => true }))[0] as StatementResult;
  const warnings = (r: StatementResult) => r.messages.filter((m) => m.startsWith('Warning:'));

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 300 });
    client = connect(sandbox);
    day = sandbox.store.visibleCalls.at(-20)!.meta.scheduled!.slice(0, 10);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it("Calls.Scheduled = a day: 0 rows as SQL says, and a warning naming the whole-day form, which finds the day's calls", async () => {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const equal = await sql(`SELECT count(*) FROM Calls WHERE Scheduled = '${day}'`);
    assert.deepEqual(equal.rows, [[0]]);
    assert.deepEqual(warnings(equal), [`Warning: Scheduled = '${day}' compares date-times with a day, which no date-time equals (SQL compares the text): for that whole day write Scheduled >= '${day}' AND Scheduled < '${next}'`]);
    const suggested = await sql(`SELECT count(*) FROM Calls WHERE Scheduled >= '${day}' AND Scheduled < '${next}'`);
    assert.ok((suggested.rows[0]![0] as number) > 0, 'the suggested form finds the day');
    assert.deepEqual(warnings(suggested), []);
  });

  it('BETWEEN a day AND the same day warns about its end, by alias', async () => {
    const between = await sql(`SELECT count(*) FROM CallInteractionStats i WHERE i.CallScheduled BETWEEN '${day}' AND '${day}'`);
    assert.equal(warnings(between).length, 1);
    assert.match(warnings(between)[0]!, new RegExp(`^Warning: i\\.CallScheduled <= '${day}' compares date-times with a day: it ends at ${day} 00:00:00, leaving that day out`));
  });

  it('no warning where a day means a day (Stats days) or the literal is a date-time', async () => {
    assert.deepEqual(warnings(await sql(`SELECT count(*) FROM UserActivityDayByDay WHERE Date = date('now', '-3 days')`)), []);
    assert.deepEqual(warnings(await sql(`SELECT count(*) FROM Calls WHERE Scheduled = '${day}T10:00:00Z'`)), []);
  });
});
