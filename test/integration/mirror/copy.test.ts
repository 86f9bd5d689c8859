import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { canLoad, copyMirror } from '../../../src/mirror/copy';
import type { Destination, SyncState } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables, type MirrorTable } from '../../../src/mirror/schema';
import type { Row, SqlValue } from '../../../src/values';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// Moving from the SQLite file to PostgreSQL at 0 API calls: everything the file holds, as it
// holds it, so the next sync into PostgreSQL goes on where the file's last run stopped.

const byName = (name: string): MirrorTable => mirrorTables().find((t) => t.name === name)!;
const Calls = byName('Calls');
const CallTranscripts = byName('CallTranscripts');
const ScoreCards = byName('ScoreCards');
const row = (t: MirrorTable, values: Record<string, SqlValue>): Row => t.columns.map((c) => values[c.name] ?? null);
const RUN1 = '2026-11-01T00:00:00.000Z';
const RUN2 = '2026-11-02T00:00:00.000Z';

async function rows(d: Destination, t: MirrorTable): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of d.select(t, [])) out.push(...batch.map((r) => JSON.stringify(r)));
  return out.sort();
}

let postgres: TestPostgres;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongsql-copy-'));
  postgres = await startPostgres();
});
after(async () => {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('copying a SQLite mirror into PostgreSQL', () => {
  it('copies every table and the state as stored, and the result answers alike', async () => {
    const file = await openDestination(join(dir, 'gong.sqlite'));
    const target = await openDestination(await postgres.createDatabase());
    try {
      await file.prepare(mirrorTables());
      const callsState: SyncState = {
        object: 'Calls', policy: 'window', watermark: '2026-10-31T00:00:00.000Z', checkpoint: '{"page":"abc"}', lastRunStarted: RUN2,
        lastRunFinished: null, rows: 6001, apiCalls: 61, status: 'stopped', error: 'Cancelled',
      };
      // More calls than one batch of the copy, one with an id beyond 2^53.
      const calls = Array.from({ length: 6000 }, (_, i) => row(Calls, { Id: String(7000000000000000000n + BigInt(i)), Title: `Call ${i}`, Duration: i, Scheduled: '2026-10-01T00:00:00Z' }));
      for (let i = 0; i < calls.length; i += 1000) await file.commit({ table: Calls, runAt: RUN1, rows: calls.slice(i, i + 1000), states: [] });
      await file.commit({ table: Calls, runAt: RUN2, rows: [row(Calls, { Id: '9223372036854775807', Title: 'Big' })], states: [callsState] });
      // Two sentences on the same millisecond (per-call keys repeat; `_ordinal` keeps both).
      await file.commit({ table: CallTranscripts, runAt: RUN1, states: [], replaceCalls: ['9223372036854775807'], rows: [
        row(CallTranscripts, { CallId: '9223372036854775807', StartMs: 0, Text: 'Our budget is set.' }),
        row(CallTranscripts, { CallId: '9223372036854775807', StartMs: 0, Text: 'Agreed.' }),
      ] });
      // A scorecard a full refresh no longer returned: copied as deleted.
      await file.commit({ table: ScoreCards, runAt: RUN1, states: [], rows: [row(ScoreCards, { ScorecardId: '1' }), row(ScoreCards, { ScorecardId: '2' })] });
      await file.commit({ table: ScoreCards, runAt: RUN2, states: [], rows: [row(ScoreCards, { ScorecardId: '1' })] });
      const cardsState: SyncState = { ...callsState, object: 'ScoreCards', policy: 'fullRefresh', watermark: null, checkpoint: null, status: 'done', error: null, lastRunFinished: RUN2 };
      assert.equal(await file.finishRefresh(ScoreCards, RUN2, cardsState), 1);

      assert.ok(canLoad(target));
      const seen: string[] = [];
      const summary = await copyMirror(file, target, (object) => seen.push(object));
      assert.equal(summary.rows, 6001 + 2 + 2);
      assert.ok(seen.includes('Calls') && seen.includes('CallTranscripts'));

      assert.deepEqual(await target.readState(), await file.readState());
      assert.deepEqual(await target.rowCounts(), await file.rowCounts());
      for (const t of [Calls, CallTranscripts, ScoreCards]) assert.deepEqual(await rows(target, t), await rows(file, t), t.name);
      // Bookkeeping came along: what each run wrote, deleted rows included.
      assert.deepEqual(await target.syncedAfter(ScoreCards, null), await file.syncedAfter(ScoreCards, null));
      assert.deepEqual(await target.syncedAfter(Calls, { syncedAt: RUN1 }), [{ key: '9223372036854775807', syncedAt: RUN2 }]);
      const [match] = await target.searchTranscripts('budget', 5);
      assert.equal(match?.callTitle, 'Big');

      // A copy is for moving into an empty database, not for merging into a synced one.
      await assert.rejects(copyMirror(file, target), /already holds a mirror/);
    } finally {
      await file.close();
      await target.close();
    }
  });
});
