import type { Row } from '../../gong/catalog/types';
import { requestsText } from '../../gong/read/fanOutRequests';
import { PAGE_SIZE, type Estimate, type ReadPlan } from '../../gong/read/plan';
import { readRows } from '../../gong/read/reader';
import { keyedRequest } from '../plan/joinKeys';
import type { Scan } from '../plan/planner';
import type * as A from '../syntax/ast';
import { gongClient, type RunContext } from './context';

/**
 * A paged read costs as many pages as Gong has records, which the plan cannot know ("1+"),
 * and a read keyed by another's rows costs one request per batch of those rows. So that a
 * statement is asked about before it spends its calls (not after a first read has spent
 * them), each paged read's first page is read first: Gong's count on it gives the read's
 * pages, and the rows of the reads keyed by it. The page is kept and the read goes on from
 * its cursor, so counting costs nothing the read would not have spent.
 */

/** A read's first page, read to count it: its rows, the cursor of the rest (none when it was all), Gong's count. */
export interface FirstPage {
  readonly rows: readonly Row[];
  readonly next?: string;
  readonly total?: number;
  /** Requests it took. */
  readonly requests: number;
}

/** How many rows a read gives, as far as is known before it: exactly (all read or cached) or Gong's count. */
export interface KnownRows {
  readonly rows: number;
  readonly how: string;
}

/** Whether a plan is one chain of pages that can go on from a cursor: no fan-out, at most one batch, paged. */
export function countable(plan: ReadPlan): boolean {
  return plan.path.paging !== 'none' && plan.estimate.open && !plan.fanOut && (plan.batches?.values.length ?? 1) === 1;
}

/** Reads the first page of each scan chosen, and gives the scans with their estimates from Gong's counts. */
export async function countPages(scans: readonly Scan[], chosen: (scan: Scan) => boolean, ctx: RunContext): Promise<{ scans: Scan[]; firstPages: Map<A.TableRef, FirstPage> }> {
  const firstPages = new Map<A.TableRef, FirstPage>();
  const out: Scan[] = [];
  for (const scan of scans) {
    if (scan.keyFrom || !countable(scan.plan) || !chosen(scan)) {
      out.push(scan);
      continue;
    }
    const page = await firstPage(scan.plan, ctx);
    firstPages.set(scan.ref, page);
    out.push({ ...scan, plan: { ...scan.plan, estimate: counted(page) } });
  }
  return { scans: out, firstPages };
}

async function firstPage(plan: ReadPlan, ctx: RunContext): Promise<FirstPage> {
  const before = ctx.stats.apiCalls;
  let total: number | undefined;
  let next: string | undefined;
  const onTotal = ({ totalRecords }: { totalRecords: number }) => { total = totalRecords; };
  const pages = readRows(gongClient(ctx.options), plan, { signal: ctx.options.signal, onTotal, onCursor: (c) => { next = c; } }, ctx.stats);
  const first = await pages.next();
  await pages.return(undefined);
  return { rows: first.done ? [] : first.value, next, total, requests: ctx.stats.apiCalls - before };
}

/** A read's estimate once its first page is read: all of it, or Gong's count of pages. */
function counted(page: FirstPage): Estimate {
  if (page.next === undefined) return { requests: page.requests, open: false, note: `${requestsText(page.requests)}: all ${page.rows.length.toLocaleString('en-US')} records` };
  if (page.total === undefined) return { requests: page.requests, open: true, note: 'more pages follow; Gong did not say how many' };
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  return { requests: pages, open: false, note: `about ${requestsText(pages)}: Gong's count is ${page.total.toLocaleString('en-US')} records, ${PAGE_SIZE} per page` };
}

/** The rows a first page says a read will give. */
export function knownRows(table: string, page: FirstPage): KnownRows {
  if (page.next === undefined) return { rows: page.rows.length, how: `${table} read` };
  return { rows: page.total ?? page.rows.length, how: `Gong's count of ${table}` };
}

/**
 * A read keyed by another read's rows: one request per batch of their values, of which there
 * are at most as many as rows (known when the source's rows are counted or cached).
 */
export function keyedEstimate(scan: Scan, sourceName: string, source: KnownRows | undefined): Estimate {
  const per = keyedRequest(scan)?.perRequest ?? 1;
  const after = `after ${sourceName} is read: 1 request per ${per} of its values`;
  if (!source) return { requests: 0, open: true, note: after };
  return { requests: Math.ceil(source.rows / per), open: false, note: `${after} × at most ${source.rows.toLocaleString('en-US')} values (${source.how})` };
}
