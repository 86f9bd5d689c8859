import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GongClient } from '../../../src/gong/http/client';
import type { Destination } from '../../../src/mirror/destination';
import { heldRequests } from '../../../src/mirror/estimate';
import { runSync } from '../../../src/mirror/job';
import { openDestination } from '../../../src/mirror/open';
import { DEFAULT_LOOK_BACK_DAYS, isoSeconds } from '../../../src/mirror/reads';
import { mirrorTables } from '../../../src/mirror/schema';
import type { SyncEstimate } from '../../../src/mirror/sync';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { fastClient, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';

// Issue 15's bench:sync counted one request as the least a second run needs for
// UserActivityDayByDay, and the estimate a page per 100 rows: Gong pages the stats by user,
// 100 users a page, whatever their days. At this scale more than 100 users are active in the
// look-back window, on fewer than 100 days each: two pages, neither one nor a page per 100 rows.

const DAY_MS = 86_400_000;
const table = (name: string) => mirrorTables().find((t) => t.name === name)!;

describe('a second run reads the pages of Gong records its window holds (sandbox over HTTP)', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  let target: MirrorTarget;
  let destination: Destination;

  before(async () => {
    sandbox = await startSandbox({ scale: 5000, rateLimit: false });
    client = fastClient(sandbox);
    target = await sqliteTarget();
    destination = await openDestination(await target.fresh('paged'));
    const first = await runSync({ client, destination, objects: ['UserActivityDayByDay', 'AnsweredScorecardAnswers'], confirm: async () => true });
    assert.deepEqual(first.objects.map((o) => o.status), ['done', 'done']);
  });
  after(async () => {
    await destination.close();
    await client.close();
    await sandbox.close();
    await target.cleanup();
  });

  /** A second run of one object: its estimate, its summary and the requests the sandbox saw. */
  async function secondRun(object: string, lookBackDays?: number) {
    const states = await destination.readState();
    const watermark = states.get(object)!.watermark!;
    // The window the bench computes for its minimum, apart from the sync's own code.
    const from = isoSeconds(Date.parse(watermark) - (lookBackDays ?? DEFAULT_LOOK_BACK_DAYS) * DAY_MS);
    const least = await heldRequests(destination, table(object), from);
    const seq = sandbox.log.entries().at(-1)?.seq ?? 0;
    let estimate: SyncEstimate | undefined;
    const run = await runSync({ client, destination, objects: [object], lookBackDays, confirm: async () => true, onEvent: (e) => { if (e.type === 'estimate') estimate = e.estimate; } });
    const requests = sandbox.log.entries().filter((e) => e.seq > seq && e.path !== '/v2/workspaces');
    return { from, least, run: run.objects[0]!, estimated: estimate!.objects.find((o) => o.object === object)!.requests, requests };
  }

  it('UserActivityDayByDay: the 7 days of the look-back, a page per 100 users active in them', async () => {
    const { least, run, estimated, requests } = await secondRun('UserActivityDayByDay');
    // The sync asks the look-back's 7 days, through today, and nothing else.
    const windows = new Set(requests.map((e) => JSON.stringify(JSON.parse(e.body!).filter)));
    assert.equal(windows.size, 1, [...windows].join(' '));
    const window = JSON.parse([...windows][0]!) as { fromDate: string; toDate: string };
    const tomorrow = new Date((Math.floor(Date.now() / DAY_MS) + 1) * DAY_MS).toISOString().slice(0, 10);
    assert.equal(window.toDate, tomorrow);
    assert.equal((Date.parse(window.toDate) - Date.parse(window.fromDate)) / DAY_MS, DEFAULT_LOOK_BACK_DAYS);

    // What Gong pages: the users with activity in that window.
    const [fromMs, toMs] = [Date.parse(`${window.fromDate}T00:00:00Z`), Date.parse(`${window.toDate}T00:00:00Z`)];
    const users = new Set(sandbox.world.activity.filter((e) => e.ms >= fromMs && e.ms < toMs).map((e) => e.userId)).size;
    const pages = Math.ceil(users / 100);
    assert.ok(users > 100 && Math.ceil(least.rows / 100) > pages, `${users} users on ${least.rows} days: the scale must tell users from rows`);

    assert.equal(requests.length, pages, 'the sync reads each page once');
    assert.equal(run.apiCalls, pages);
    assert.equal(run.rows, least.rows, 'the mirror held the window the run read again');
    assert.equal(least.requests, pages, "bench:sync's minimum");
    assert.equal(estimated, pages, 'the estimate');
  });

  it('AnsweredScorecardAnswers: a page per 100 scorecards, however many answers each has', async () => {
    const { from, least, run, estimated } = await secondRun('AnsweredScorecardAnswers', 60);
    const cards = new Set<string>();
    const at = table('AnsweredScorecardAnswers').columns.findIndex((c) => c.name === 'AnsweredScorecardId');
    for await (const batch of destination.select(table('AnsweredScorecardAnswers'), [{ column: 'ReviewTime', op: '>=', value: from }])) {
      for (const row of batch) cards.add(String(row[at]));
    }
    assert.ok(cards.size < 100 && least.rows > 100, `${cards.size} scorecards with ${least.rows} answers: the scale must tell them apart`);
    assert.equal(run.apiCalls, 1);
    assert.equal(least.requests, 1);
    assert.equal(estimated, 1);
  });
});
