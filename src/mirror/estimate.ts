import { findTable } from '../gong/catalog';
import type { TableDef } from '../gong/catalog/types';
import { countedFanOut } from '../gong/read/fanOutRequests';
import { PAGE_SIZE, planRead } from '../gong/read/plan';
import { emptyStats, readRows, type ReadStats } from '../gong/read/reader';
import type { Destination, SyncState } from './destination';
import { CALLS_PER_REQUEST, callsTable, readParts, selectTables, windowPredicates, windowStart, type ReadPart } from './reads';
import { parseCheckpoint } from './state';
import type { MirrorTable } from './schema';
import { groupSharedReads } from './sharedContent';
import type { SyncEstimate, SyncOptions } from './sync';

/** Gong's rate limit: the time a number of requests takes at best. */
export const REQUESTS_PER_SECOND = 3;

type ObjectEstimate = SyncEstimate['objects'][number];

/**
 * What a run will cost before it starts, like EXPLAIN: per object the requests its reads make
 * at least (the catalog's plan), sharpened by what the mirror already holds (the rows in a
 * window it re-reads, the calls per-call content will follow), against today's quota.
 */
export async function estimateSync(
  options: SyncOptions, tables: readonly MirrorTable[] = selectTables(options.objects), states?: Map<string, SyncState>,
  /** Counts the requests the estimate itself makes (a first page per dated object the mirror knows nothing of). */
  stats: ReadStats = emptyStats(),
): Promise<SyncEstimate> {
  const known = states ?? await options.destination.readState();
  const counts = await options.destination.rowCounts();
  const objects: ObjectEstimate[] = [];
  // Calls a run will write, which per-call content then follows: those the calls' window re-reads.
  let followedCalls: number | undefined;
  const sourceRows = fanOutSourceRows(options, known, counts, stats);
  for (const group of groupSharedReads(tables, known, options.full)) {
    const [first, ...sharing] = group as [MirrorTable, ...MirrorTable[]];
    const estimate = await estimateObject(options, first, known.get(first.name), counts, followedCalls, stats, sourceRows);
    if (first.name === callsTable().name) followedCalls = estimate.rows;
    objects.push(estimate.object);
    for (const table of sharing) objects.push({ object: table.name, requests: 0, open: false, note: `read by ${first.name}'s requests` });
  }
  const requests = objects.reduce((n, o) => n + o.requests, 0);
  const { client } = options;
  return {
    objects,
    requests,
    seconds: requests / REQUESTS_PER_SECOND,
    quotaLeft: Math.max(0, client.dailyLimit - client.usedToday()),
  };
}

async function estimateObject(
  options: SyncOptions, table: MirrorTable, state: SyncState | undefined, counts: Map<string, number>, followedCalls: number | undefined, stats: ReadStats,
  sourceRows: SourceRows,
): Promise<{ object: ObjectEstimate; rows?: number }> {
  const { policy } = table;
  if (policy.kind === 'perCall') {
    const pending = await pendingCalls(options, table, state);
    const calls = pending + (followedCalls ?? 0);
    const perBatch = table.table.reads.some((r) => r.enrich) ? 2 : 1;
    const requests = Math.ceil(calls / CALLS_PER_REQUEST) * perBatch;
    const open = followedCalls === undefined;
    return { object: { object: table.name, requests, open, note: `${calls} call${calls === 1 ? '' : 's'} to follow${open ? ' or more' : ''}, ${perBatch} request${perBatch === 1 ? '' : 's'} per ${CALLS_PER_REQUEST}` } };
  }
  const resumed = options.full ? undefined : parseCheckpoint(state);
  const from = policy.kind === 'fullRefresh' ? null : resumed ? resumed.from ?? null : windowStart(table, state, options);
  const parts = readParts(table, windowPredicates(table, from));
  const fannedOut = await fanOutEstimate(parts, sourceRows);
  if (fannedOut) return { object: { object: table.name, ...fannedOut } };
  const minimum = parts.reduce((n, p) => n + p.plan.estimate.requests, 0);
  // What the mirror holds in the window tells how many pages it will take again; on a first run
  // Gong's count on the first page does (one request, read again by the run).
  const mirrored = state?.watermark || policy.kind === 'fullRefresh' ? await heldRequests(options.destination, table, from, counts) : undefined;
  const held = mirrored?.rows;
  // A resumed read goes on at its page: its count is not worth a request.
  const told = held === undefined && !resumed && policy.kind !== 'fullRefresh' ? await countAtGong(options, parts[0], stats) : undefined;
  const rows = held ?? told;
  const pages = mirrored ? mirrored.requests : told === undefined ? minimum : Math.max(minimum, Math.ceil(told / PAGE_SIZE) + parts.length - 1);
  const open = rows === undefined || parts.length > 1 || parts.some((p) => p.plan.fanOut !== undefined);
  const note = policy.kind === 'fullRefresh' ? `read whole${held ? ` (${held} row${held === 1 ? '' : 's'} in the mirror)` : ''}`
    : held !== undefined ? `${held} row${held === 1 ? '' : 's'} in the mirror for this window`
    : told !== undefined ? `${told} record${told === 1 ? '' : 's'} at Gong${parts.length > 1 ? ' in the first of ' + parts.length + ' parts' : ''}`
      : `${minimum} request${minimum === 1 ? '' : 's'} or more${resumed ? ', resuming where the last run stopped' : ''}`;
  return { object: { object: table.name, requests: pages, open, note }, rows };
}

/** How many rows a table a read fans out over has (Users, for one request per user), and who says so; asked once per estimate. */
type SourceRows = (table: TableDef) => Promise<{ rows: number; how: string } | undefined>;

/**
 * The rows of a fan-out's source: the mirror's, when its last sync of the table finished,
 * else Gong's count on the first page of it (one request, for every object fanning out over it).
 */
function fanOutSourceRows(options: SyncOptions, known: Map<string, SyncState>, counts: Map<string, number>, stats: ReadStats): SourceRows {
  const asked = new Map<string, Promise<{ rows: number; how: string } | undefined>>();
  const count = async (table: TableDef) => {
    const held = counts.get(table.name);
    if (known.get(table.name)?.lastRunFinished && held !== undefined) return { rows: held, how: `${table.name} in the mirror` };
    const total = await countAtGong(options, { plan: planRead(table, []), resumable: true }, stats);
    return total === undefined ? undefined : { rows: total, how: `Gong's count of ${table.name}` };
  };
  return (table) => {
    if (!asked.has(table.name)) asked.set(table.name, count(table));
    return asked.get(table.name)!;
  };
}

/** An object read once per row of another table (Flows: per user): that table read whole, then its requests per row, every part. */
async function fanOutEstimate(parts: readonly ReadPart[], sourceRows: SourceRows): Promise<Omit<ObjectEstimate, 'object'> | undefined> {
  const fanned = parts.filter((p) => p.plan.fanOut && 'from' in p.plan.fanOut);
  if (fanned.length === 0) return undefined;
  const fanOut = fanned[0]!.plan.fanOut as { from: { table: string } };
  const source = findTable(fanOut.from.table) as TableDef;
  const counted = await sourceRows(source);
  if (!counted) return undefined;
  const each = fanned.map((p) => countedFanOut(p.plan, source, counted.rows, counted.how));
  const others = parts.length - fanned.length;
  return { requests: each.reduce((n, e) => n + e.requests, others), open: true, note: each[0]!.note };
}

/** Gong's count of the records a read will page through, from its first page (undefined when Gong does not say). */
async function countAtGong(options: SyncOptions, part: ReadPart | undefined, stats: ReadStats): Promise<number | undefined> {
  if (!part || part.plan.path.paging === 'none') return undefined;
  let total: number | undefined;
  const onRateLimitWait = (ms: number) => options.onEvent?.({ type: 'waiting', seconds: Math.ceil(ms / 1000) });
  for await (const _page of readRows(options.client, part.plan, { signal: options.signal, onTotal: (info) => { total = info.totalRecords; }, onRateLimitWait }, stats)) break;
  return total;
}

/**
 * The key columns that tell Gong's records apart in an object's rows. Gong pages records, 100
 * a page, and a read that unwinds each record into rows (a user's days, a scorecard's answers)
 * keys the rows by the record's own key, read from it (`$user.userId`): 100 users are one page
 * of UserActivityDayByDay however many days they have. None: a row is a record.
 */
export function recordKey(table: MirrorTable): string[] {
  return table.columns.filter((c) => {
    const source = table.table.columns.find((d) => d.name === c.name)?.source;
    return table.key.includes(c.name) && typeof source === 'string' && /^\$\w+\./.test(source);
  }).map((c) => c.name);
}

/**
 * The rows the mirror holds from `from` on (every row when null), and the requests reading them
 * again takes at least: per part of the read, a page per 100 of Gong's records (recordKey), and
 * one for a read that is not paged or finds nothing.
 */
export async function heldRequests(destination: Destination, table: MirrorTable, from: string | null, counts?: Map<string, number>): Promise<{ rows: number; requests: number }> {
  const parts = readParts(table, windowPredicates(table, from));
  const pages = (part: ReadPart, records: number) => Math.max(part.plan.estimate.requests, part.plan.path.paging === 'none' ? 0 : Math.ceil(records / PAGE_SIZE));
  const keyAt = recordKey(table).map((name) => table.columns.findIndex((c) => c.name === name));
  // A fan-out over fixed values (AuditLogs' log types) is a part per value, its rows those holding it.
  const matchers = parts.map((part) => Object.entries(part.plan.bound).map(([name, value]) => [table.columns.findIndex((c) => c.name === name), String(value)] as const).filter(([at]) => at >= 0));
  if (from === null && counts && keyAt.length === 0 && parts.length === 1) {
    const rows = counts.get(table.name) ?? 0;
    return { rows, requests: pages(parts[0] as ReadPart, rows) };
  }
  let rows = 0;
  // Rows are records unless a record key says otherwise: then its distinct values are.
  const records = parts.map(() => 0);
  const seen = parts.map(() => new Set<string>());
  for await (const batch of destination.select(table, windowPredicates(table, from))) {
    for (const row of batch) {
      rows++;
      const record = keyAt.length > 0 ? JSON.stringify(keyAt.map((at) => row[at] ?? null)) : undefined;
      for (const [index, matcher] of matchers.entries()) {
        if (!matcher.every(([at, value]) => String(row[at]) === value)) continue;
        if (record === undefined) records[index]!++;
        else seen[index]!.add(record);
      }
    }
  }
  return { rows, requests: parts.reduce((n, part, index) => n + pages(part, records[index]! + seen[index]!.size), 0) };
}

/** Calls already in the mirror whose content this object has not followed yet. */
async function pendingCalls(options: SyncOptions, table: MirrorTable, state: SyncState | undefined): Promise<number> {
  const after = options.full || !state?.watermark ? null : { syncedAt: state.watermark };
  return (await options.destination.syncedAfter(callsTable(), after)).length;
}
