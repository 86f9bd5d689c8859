import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { execute } from '../../../src/engine';
import { findTable } from '../../../src/gong/catalog';
import { STATS_DEFAULT_DAYS } from '../../../src/gong/catalog/stats';
import type { GongClient } from '../../../src/gong/http/client';
import { planRead } from '../../../src/gong/read/plan';
import { readRows } from '../../../src/gong/read/reader';
import { runSync } from '../../../src/mirror/job';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables } from '../../../src/mirror/schema';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { fastClient, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the Stats objects in the mirror (sandbox over HTTP)', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let target: MirrorTarget;

  before(async () => {
    // Anchored today, so that the default window (the last days before today) holds activity.
    sandbox = await startSandbox({ scale: 3000, rateLimit: false });
    client = fastClient(sandbox);
    target = await sqliteTarget();
  });
  after(async () => {
    await client.close();
    await sandbox.close();
    await target.cleanup();
  });

  it('UserActivityDayByDay is kept by date window; the window totals are not mirrored, and say why', async () => {
    const mirrored = mirrorTables().map((t) => t.name);
    assert.ok(mirrored.includes('UserActivityDayByDay'));
    for (const name of ['UserActivityStats', 'UserActivityByPeriod', 'UserInteractionStats']) {
      assert.ok(!mirrored.includes(name), name);
      const policy = findTable(name)!.mirror;
      assert.ok(policy.kind === 'none' && /window/.test(policy.reason), name);
    }
  });

  it('a first sync reads the default window, a run with --since reads from then; the rows are what Gong has', async () => {
    const destination = await openDestination(await target.fresh('stats'));
    try {
      const first = await runSync({ client, destination, objects: ['UserActivityDayByDay'], confirm: async () => true });
      assert.deepEqual(first.objects.map((o) => [o.object, o.status]), [['UserActivityDayByDay', 'done']]);
      const table = mirrorTables().find((t) => t.name === 'UserActivityDayByDay')!;
      const held = async () => {
        const rows: unknown[][] = [];
        for await (const batch of destination.select(table, [])) rows.push(...batch);
        return rows.map((r) => JSON.stringify(r.slice(0, table.table.columns.length))).sort();
      };
      const dateIndex = table.columns.findIndex((c) => c.name === 'Date');
      const firstDates = (await held()).map((r) => JSON.parse(r)[dateIndex] as string);
      assert.ok(firstDates.length > 0);
      assert.ok(firstDates.every((d) => d >= day(Date.now() - (STATS_DEFAULT_DAYS + 1) * DAY_MS)), 'the first run read the default window');

      // Trial 16: a query from before the mirror's first day was answered in part without a word.
      const since = day(Date.now() - 60 * DAY_MS);
      const earliest = [...firstDates].sort()[0]!;
      const query = `SELECT count(*) FROM UserActivityDayByDay WHERE Date >= '${since}'`;
      const warning = `Warning: the mirror ${destination.label} holds UserActivityDayByDay from ${earliest} (its earliest Date), later than the ${since} the query asks from: the rows before are not in it. Add them with gongsql sync --objects UserActivityDayByDay --to ${destination.label} --since ${since} --full, or query UserActivityDayByDay on a live connection.`;
      const [partial] = await execute(query, { mirror: destination, connectionId: 'm' });
      assert.ok(partial!.messages.includes(warning), partial!.messages.join('\n'));
      const [explained] = await execute(`EXPLAIN ${query}`, { mirror: destination, connectionId: 'm' });
      assert.ok(explained!.messages.includes(warning), 'EXPLAIN says it too');
      const [inside] = await execute(`SELECT count(*) FROM UserActivityDayByDay WHERE Date >= '${earliest}'`, { mirror: destination, connectionId: 'm' });
      assert.deepEqual(inside!.messages.filter((m) => m.startsWith('Warning:')), [], 'a query within what the mirror holds');
      const [quietDays] = await execute(`SELECT count(*) FROM UserActivityDayByDay WHERE Date >= '${day(Date.parse(earliest) - 3 * DAY_MS)}'`, { mirror: destination, connectionId: 'm' });
      assert.deepEqual(quietDays!.messages.filter((m) => m.startsWith('Warning:')), [], 'a few days before the first row may be days with no activity');

      await runSync({ client, destination, objects: ['UserActivityDayByDay'], since, full: true, confirm: async () => true });
      const [whole] = await execute(query, { mirror: destination, connectionId: 'm' });
      assert.deepEqual(whole!.messages.filter((m) => m.startsWith('Warning:')), [], 'after the sync the warning suggests, none');
      const live: string[] = [];
      for await (const batch of readRows(client, planRead(findTable('UserActivityDayByDay')!, [{ column: 'Date', op: '>=', value: since }]))) {
        live.push(...batch.map((r) => JSON.stringify(r)));
      }
      assert.deepEqual(await held(), live.sort());
    } finally {
      await destination.close();
    }
  });
});
