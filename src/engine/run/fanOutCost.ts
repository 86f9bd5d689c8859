import { findColumn, findTable } from '../../gong/catalog';
import type { Row, SqlValue, TableDef } from '../../gong/catalog/types';
import { countedFanOut, perValue, requestsText } from '../../gong/read/fanOutRequests';
import { planRead, type Estimate, type ReadPlan } from '../../gong/read/plan';
import { readRows } from '../../gong/read/reader';
import type { Scan } from '../plan/planner';
import { QueryCache } from './cache';
import type { RunContext } from './context';

/**
 * A read Gong answers one request per row of another table (Flows: one per user's email,
 * CallUserAccess: one per 100 calls) costs what that table holds, which the plan alone cannot
 * know. This module finds out before any per-row request: from that table's rows cached by an
 * earlier read, else from Gong's count on the first page of it (one request, which is the whole
 * read when the table fits in a page). Then the plan carries the real estimate, and the costly
 * read is asked about first like any other.
 */
interface FanOutSourceRows {
  /** The source table's rows, when read whole (cached, or its only page). */
  readonly rows?: readonly Row[];
  /** Gong's count of them, when only the first page was read. */
  readonly total?: number;
  /** Requests this took (0 when cached). */
  readonly requests: number;
}

/**
 * The scans with their fan-outs costed: a fan-out whose source rows are in hand becomes a
 * list of values (the reader does not read the source again); one whose source Gong only
 * counted keeps reading it, with the count in its estimate. Scans read from a mirror, keyed by
 * a join, or whose own rows are cached are left as they are.
 */
export async function costFanOuts(scans: readonly Scan[], readsGong: (scan: Scan) => boolean, ctx: RunContext): Promise<Scan[]> {
  const out: Scan[] = [];
  for (const scan of scans) {
    const fanOut = scan.plan.fanOut;
    if (!fanOut || !('from' in fanOut) || scan.keyFrom || !readsGong(scan)) {
      out.push(scan);
      continue;
    }
    const source = findTable(fanOut.from.table) as TableDef;
    const counted = await sourceRows(source, ctx);
    out.push({ ...scan, plan: costed(scan.plan, source, counted) });
  }
  return out;
}

/** The plan with its fan-out's cost known (or said to be unknown). */
function costed(plan: ReadPlan, source: TableDef, counted: FanOutSourceRows | undefined): ReadPlan {
  const fanOut = plan.fanOut as Extract<NonNullable<ReadPlan['fanOut']>, { from: unknown }>;
  const unit = perValue(plan, source);
  const paged = plan.path.paging !== 'none';
  if (counted?.rows) {
    const column = source.columns.indexOf(findColumn(source, fanOut.from.column)!);
    const values = [...new Set(counted.rows.map((r) => r[column]).filter((v): v is Exclude<SqlValue, null> => v !== null && v !== undefined).map(String))];
    const how = counted.requests === 0 ? `${source.name} cached` : `${source.name} read: ${requestsText(counted.requests)}`;
    const estimate: Estimate = { requests: unit.requests(values.length), open: paged, note: `${unit.text(values.length)} (${how})` };
    return { ...plan, fanOut: { column: fanOut.column, values }, estimate };
  }
  if (counted?.total !== undefined) return { ...plan, estimate: countedFanOut(plan, source, counted.total, `Gong's count of ${source.name}`) };
  return { ...plan, estimate: { ...plan.estimate, note: `reads ${source.name}, then ${unit.text(undefined)}: a guess, the number of ${unit.plural} is not known until ${source.name} is read` } };
}

/**
 * The fan-out source's rows: from the cache (a complete read within its TTL), else its first page, whose rows are the whole table when Gong's count says so (then
 * they are cached, as a read of the table would be); else Gong's count alone.
 */
async function sourceRows(source: TableDef, ctx: RunContext): Promise<FanOutSourceRows | undefined> {
  const plan = planRead(source, []);
  const { cache, client, signal } = ctx.options;
  const key = QueryCache.key(ctx.options.connectionId, plan);
  const hit = ctx.options.useCache !== false ? cache?.get(key) : undefined;
  if (hit) return { rows: hit, requests: 0 };
  // Without a client nothing can be counted: the estimate says it is a guess.
  if (!client) return undefined;
  const before = ctx.stats.apiCalls;
  let total: number | undefined;
  const rows: Row[] = [];
  const onTotal = ({ totalRecords }: { totalRecords: number }) => { total = totalRecords; };
  for await (const page of readRows(client, plan, { signal, onTotal }, ctx.stats)) {
    rows.push(...page);
    // More pages to come: Gong's count is what the estimate needs; the read itself waits for the yes.
    if (total !== undefined && total > rows.length) return { total, requests: ctx.stats.apiCalls - before };
  }
  cache?.set(key, rows);
  return { rows, requests: ctx.stats.apiCalls - before };
}
