import type { Column, Row, SqlValue } from '../../gong/catalog/types';
import type { ReadOptions } from '../../gong/read/reader';
import type { InputValue } from '../../gong/write/values';
import { constantValue, type BindResult } from '../bind/binder';
import { LocalDatabase } from '../eval/local';
import { narrowByKeys } from '../plan/joinKeys';
import { planQuery, type QueryPlan, type Scan } from '../plan/planner';
import type { FoldedValues } from '../plan/predicates';
import { foldConstants, foldValue } from './fold';
import type * as A from '../syntax/ast';
import { announceColumns, confirmed, NotConfirmed, type RunContext } from './context';
import { observeTypes, type ResultColumn } from './result';
import { localSql, type LocalSql } from './localSql';
import { localTables, preflight } from './preflight';
import { runNative } from './nativeSelect';
import { costFanOuts } from './fanOutCost';
import { countPages, keyedEstimate, knownRows, type FirstPage } from './pageCount';
import { PAGE_SIZE, type Estimate } from '../../gong/read/plan';
import { cacheKey, scanPages, scanSources, type ScanSource, type Sources } from './source';

export interface SelectOutput {
  columns: ResultColumn[];
  rows: SqlValue[][];
  plan: QueryPlan;
  /** What the statement's messages say about where its rows came from. */
  messages: string[];
}

export function queryPlanFor(select: A.SelectStatement, binding: BindResult, ctx: RunContext, folded?: FoldedValues): QueryPlan {
  return planQuery(select, binding, { pushdown: ctx.options.pushdown ?? true, params: ctx.params, folded });
}

/**
 * Runs a SELECT: each object reference is read (pushdown applied) from its source, Gong or a
 * mirror, into its own SQLite table, and the statement runs there with SQLite's semantics. A
 * streaming plan emits rows page by page and stops reading once LIMIT is satisfied. When
 * every object comes from a mirror that is a SQLite file, the statement runs on the file.
 */
export async function runSelect(text: string, select: A.SelectStatement, binding: BindResult, ctx: RunContext, emitRows = true): Promise<SelectOutput> {
  const queryPlan = queryPlanFor(select, binding, ctx, await foldConstants(select, ctx.params, ctx.options));
  const sources = await scanSources(queryPlan.scans, ctx.options);
  const native = nativeOf(queryPlan.scans, sources, ctx);
  const direct = native && await runNative(native, text, select, queryPlan.scans, ctx, emitRows);
  if (direct) return { ...direct, plan: queryPlan, messages: [...sources.messages] };
  return { ...(await runLocally(text, select, binding, queryPlan, sources, ctx, emitRows)), messages: [...sources.messages, ...filledWindows(queryPlan.scans, sources)] };
}

/** The windows Gong requires that the query left open, read from Gong: what was read instead. */
function filledWindows(scans: readonly Scan[], sources: Sources): string[] {
  return scans.filter((s) => s.plan.filledWindow && sources.of.get(s.ref)?.kind === 'gong').map((s) => s.plan.filledWindow as string);
}

/** The mirror's own SQL when every object reference reads the same SQLite mirror (and filters may be pushed). */
export function nativeOf(scans: readonly Scan[], sources: Sources, ctx: RunContext) {
  if (ctx.options.pushdown === false || scans.length === 0) return undefined;
  const all = scans.map((s) => sources.of.get(s.ref));
  const first = all[0];
  if (first?.kind !== 'mirror' || !all.every((s) => s?.kind === 'mirror' && s.destination === first.destination)) return undefined;
  return first.destination.native;
}

async function runLocally(text: string, select: A.SelectStatement, binding: BindResult, planned: QueryPlan, sources: Sources, ctx: RunContext, emitRows: boolean): Promise<Omit<SelectOutput, 'messages'>> {
  const db = LocalDatabase.open(ctx.options);
  try {
    const tables = localTables(select, binding, planned.scans);
    const readOf: ReadOf = (scan) => ({ source: sources.of.get(scan.ref) as ScanSource, columns: tables.columnsOf(scan.ref) });
    // Printed before anything is read: a parameter without a value stops the statement here.
    const local = localSql(select, { tables: tables.names, params: ctx.params, text });
    // And compiled by SQLite on the local tables, created empty: what SQLite rejects costs no API call.
    await preflight(db, local.sql, select, text, tables);
    // A read of one request per user learns how many users there are before it is asked about.
    const fannedOut = withScans(planned, await costFanOuts(planned.scans, (s) => readsGong(s, readOf(s), ctx), ctx));
    // A paged read learns its pages (and the reads keyed by it their keys) from its first page; a streamed one asks as it goes.
    const counted = await countPages(fannedOut.scans, (s) => s.ref !== fannedOut.streaming?.scan.ref && readsGong(s, readOf(s), ctx), ctx);
    const queryPlan = withScans(fannedOut, counted.scans);
    await confirmEstimate(queryPlan.scans, readOf, counted.firstPages, ctx);
    const streamed = queryPlan.streaming?.scan;
    const counts = queryPlan.streaming && streamed && !cached(streamed, readOf(streamed), ctx)
      ? await rowCounts(db, queryPlan.streaming, ctx)
      : undefined;
    // Without WHERE every row read is a row of the result, so LIMIT and OFFSET bound the pages read (and asked about) when a record is a row; one that unwinds into fewer rows asks again for the rest.
    const pagesNeeded = counts && select.body.kind === 'Core' && !select.body.where ? Math.max(1, Math.ceil((counts.offset + counts.limit) / PAGE_SIZE)) : undefined;
    if (counts) {
      // The engine counts rows for LIMIT and OFFSET instead, as pages arrive.
      const unlimited = localSql({ ...select, limit: undefined }, { tables: tables.names, params: ctx.params, text });
      return await stream(db, unlimited, queryPlan, readOf(queryPlan.streaming!.scan), counts, ctx, emitRows, pagesNeeded);
    }
    const read = await readScans(queryPlan.scans, readOf, counted.firstPages, ctx);
    for (const scan of queryPlan.scans) {
      const columns = tables.columnsOf(scan.ref);
      await db.insertRows(tables.nameOf(scan.ref), columns.length, read.get(scan.ref) as Row[], projection(scan.table.columns, columns));
    }
    const out = { columns: [] as ResultColumn[], rows: [] as SqlValue[][], plan: queryPlan };
    await db.query(local.sql, local.values, (columns) => {
      out.columns = columns;
      announceColumns(ctx, columns, emitRows);
    }, (batch, wide) => {
      observeTypes(out.columns, batch, wide);
      out.rows.push(...batch);
      if (emitRows) ctx.emit({ type: 'rows', index: ctx.index, rows: batch });
    });
    return out;
  } finally {
    await db.close();
  }
}

/** How one object reference is read: its source, and the columns the statement reads of it. */
interface ScanRead { readonly source: ScanSource; readonly columns: readonly Column[] }
type ReadOf = (scan: Scan) => ScanRead;
type FirstPages = ReadonlyMap<A.TableRef, FirstPage>;

async function stream(db: LocalDatabase, unlimited: LocalSql, queryPlan: QueryPlan, how: ScanRead, counts: RowCounts, ctx: RunContext, emitRows: boolean, pagesNeeded?: number): Promise<Omit<SelectOutput, 'messages'>> {
  const { columns } = how;
  const { scan } = queryPlan.streaming as NonNullable<QueryPlan['streaming']>;
  const { limit: limitCount } = counts;
  let skip = counts.offset;
  const { sql, values: kept } = unlimited;
  const out = { columns: [] as ResultColumn[], rows: [] as SqlValue[][], plan: queryPlan };
  const all: Row[] = [];
  let complete = true;
  if (limitCount > 0) {
    complete = false;
    const pages: PagesOfLimit | undefined = pagesNeeded === undefined ? undefined : { needed: pagesNeeded, read: 0 };
    for await (const page of scanPages(scan, how.source, how.columns, ctx, readOptions(ctx, pages))) {
      all.push(...page);
      await db.clear('gs_0');
      await db.insertRows('gs_0', columns.length, page, projection(scan.table.columns, columns));
      let done = false;
      await db.query(sql, kept, (columns) => {
        if (out.columns.length === 0) {
          out.columns = columns;
          announceColumns(ctx, columns, emitRows);
        }
      }, (batch, wide) => {
        const fresh = batch.slice(skip).slice(0, limitCount - out.rows.length);
        skip = Math.max(0, skip - batch.length);
        if (fresh.length === 0) return;
        observeTypes(out.columns, fresh, wide);
        out.rows.push(...fresh);
        if (emitRows) ctx.emit({ type: 'rows', index: ctx.index, rows: fresh });
        done = out.rows.length >= limitCount;
      });
      if (done) break;
      await askForTheRest(pages, ctx);
    }
    complete = out.rows.length < limitCount;
  }
  if (out.columns.length === 0) {
    // No page arrived (or LIMIT 0): the columns still come from the statement.
    await db.query(sql, kept, (columns) => {
      out.columns = columns;
      announceColumns(ctx, columns, emitRows);
    }, () => undefined);
  }
  if (complete && ctx.options.cache) ctx.options.cache.set(cacheKey(scan, how.source, how.columns, ctx), all);
  return out;
}

/** A row cut down to the given columns, in their order. */
function projection(all: readonly Column[], kept: readonly Column[]): (row: Row) => Row {
  if (kept.length === all.length) return (row) => row;
  const indexes = kept.map((c) => all.indexOf(c));
  return (row) => indexes.map((i) => row[i] ?? null);
}

/** Reads every object reference, each one keyed by a join after the read whose keys it takes. */
async function readScans(scans: readonly Scan[], readOf: ReadOf, firstPages: FirstPages, ctx: RunContext): Promise<Map<A.TableRef, Row[]>> {
  const read = new Map<A.TableRef, Row[]>();
  const pending = [...scans];
  while (pending.length > 0) {
    // The planner never makes two reads wait on each other, so one is always ready.
    const ready = pending.findIndex((s) => !s.keyFrom || read.has(s.keyFrom.source));
    const [scan] = pending.splice(ready, 1) as [Scan];
    const source = scan.keyFrom && scans.find((s) => s.ref === scan.keyFrom!.source);
    const keyed = source ? narrowByKeys(scan, { table: source.table, rows: read.get(source.ref) as Row[] }) : scan;
    if (keyed === 'none') {
      read.set(scan.ref, []);
      continue;
    }
    const how = readOf(scan);
    if (keyed !== scan && how.source.kind === 'gong') await confirmCalls(ctx.stats.apiCalls + keyed.plan.estimate.requests, ctx);
    read.set(scan.ref, await fetchScan(keyed, how, ctx, firstPages.get(scan.ref)));
  }
  return read;
}

/** The rows of one object reference: from the cache, or read from its source (then cached), going on after a first page counted. */
async function fetchScan(scan: Scan, how: ScanRead, ctx: RunContext, first?: FirstPage): Promise<Row[]> {
  const cache = ctx.options.cache;
  const key = cacheKey(scan, how.source, how.columns, ctx);
  if (cache && ctx.options.useCache !== false) {
    const hit = cache.get(key);
    if (hit) {
      ctx.stats.cachedScans++;
      return hit;
    }
  }
  const rows: Row[] = [...(first?.rows ?? [])];
  if (first?.next !== undefined) {
    for await (const page of scanPages(scan, how.source, how.columns, ctx, { ...readOptions(ctx), startCursor: first.next })) rows.push(...page);
  } else if (!first) {
    for await (const page of scanPages(scan, how.source, how.columns, ctx, readOptions(ctx))) rows.push(...page);
  }
  cache?.set(key, rows);
  return rows;
}

/**
 * A streamed read with LIMIT and no WHERE: the pages LIMIT needs if every record is a row, the
 * pages Gong counted, and the pages read so far.
 */
interface PagesOfLimit { readonly needed: number; total?: number; read: number }

/** `limited`: a streamed read that should stop after `needed` pages (LIMIT without WHERE) is asked about those only. */
function readOptions(ctx: RunContext, limited?: PagesOfLimit): ReadOptions {
  return {
    signal: ctx.options.signal,
    onProgress: () => ctx.emit({ type: 'progress', index: ctx.index, stats: ctx.stats }),
    onTotal: async ({ pages }) => {
      if (limited) limited.total = pages;
      const estimate = ctx.stats.apiCalls + Math.min(pages, limited?.needed ?? Infinity) - 1;
      await confirmCalls(estimate, ctx);
    },
  };
}

/**
 * A record can unwind into no row (a call without comments in CallComments): when the pages
 * LIMIT needed are read and LIMIT is not met, the rest of the object is asked about before
 * it is read.
 */
async function askForTheRest(pages: PagesOfLimit | undefined, ctx: RunContext): Promise<void> {
  if (!pages) return;
  pages.read++;
  if (pages.read === pages.needed && pages.total !== undefined && pages.total > pages.read) await confirmCalls(ctx.stats.apiCalls + pages.total - pages.read, ctx);
}

/** The plan with its scans replaced (by reference), the streaming one too. */
function withScans(plan: QueryPlan, scans: readonly Scan[]): QueryPlan {
  const streaming = plan.streaming && { ...plan.streaming, scan: scans.find((s) => s.ref === plan.streaming!.scan.ref) as Scan };
  return { ...plan, scans, streaming };
}

/** Whether reading the scan sends requests to Gong: its source is Gong and its rows are not cached. */
function readsGong(scan: Scan, how: ScanRead, ctx: RunContext): boolean {
  return how.source.kind === 'gong' && !cached(scan, how, ctx);
}

/** Whether the cache holds the scan's complete read. */
function cached(scan: Scan, how: ScanRead, ctx: RunContext): boolean {
  return ctx.options.useCache !== false && ctx.options.cache?.get(cacheKey(scan, how.source, how.columns, ctx)) !== undefined;
}

/**
 * Asks before a statement whose cost passes the threshold (reads of Gong only), every read
 * counted: its pages as Gong counted them, a keyed read's batches of the keys its source
 * gives, a fan-out's requests. Refuses when nobody says yes.
 */
async function confirmEstimate(scans: readonly Scan[], readOf: ReadOf, firstPages: FirstPages, ctx: RunContext): Promise<void> {
  const reads = scans.filter((s) => readsGong(s, readOf(s), ctx)).map((s) => ({ scan: s, estimate: estimateOf(s, scans, readOf, firstPages, ctx) }));
  // Requests already spent (counting a fan-out's source, first pages) are part of the statement's cost, and not spent twice.
  const estimate = reads.reduce((sum, r) => sum + r.estimate.requests - (firstPages.get(r.scan.ref)?.requests ?? 0), ctx.stats.apiCalls);
  const told = reads.filter((r) => r.scan.plan.fanOut || r.scan.keyFrom || firstPages.get(r.scan.ref)?.next !== undefined);
  const detail = told.map((r) => `${r.scan.table.name}: ${r.estimate.note}`);
  await confirmCalls(estimate, ctx, detail.length ? detail.join('; ') : undefined);
}

/** A read's estimate; a keyed one's from the rows its source is known to give. */
function estimateOf(scan: Scan, scans: readonly Scan[], readOf: ReadOf, firstPages: FirstPages, ctx: RunContext): Estimate {
  if (!scan.keyFrom) return scan.plan.estimate;
  const source = scans.find((s) => s.ref === scan.keyFrom!.source) as Scan;
  const page = firstPages.get(source.ref);
  const hit = cached(source, readOf(source), ctx) ? ctx.options.cache?.get(cacheKey(source, readOf(source).source, readOf(source).columns, ctx)) : undefined;
  const known = page ? knownRows(source.table.name, page) : hit ? { rows: hit.length, how: `${source.table.name} cached` } : undefined;
  return keyedEstimate(scan, `${source.alias}.${scan.keyFrom.sourceColumn}`, known);
}

export async function confirmCalls(estimate: number, ctx: RunContext, detail?: string): Promise<void> {
  const threshold = ctx.options.confirmThreshold ?? 50;
  const request = { kind: 'apiCalls', estimate, threshold, ...(detail ? { detail } : {}) } as const;
  if (estimate <= threshold || await confirmed(ctx, request)) return;
  const why = detail ? `; ${detail}` : '';
  throw new NotConfirmed(request, `This statement needs about ${estimate} API calls, more than the ${threshold} allowed without confirmation (Gong allows 10,000 a day)${why}; not run without confirmation. Narrow the filters, or confirm it.`);
}

/** How many rows a streaming read emits and skips: LIMIT and OFFSET as numbers. */
interface RowCounts { readonly limit: number; readonly offset: number }

/**
 * LIMIT and OFFSET as numbers, to stop reading early: a constant expression is computed by
 * SQLite first (`2*5`, `:n + 1`). Undefined when one needs the rows (a subquery) or is not an
 * integer: then SQLite applies them after the read, as it would.
 */
async function rowCounts(db: LocalDatabase, streaming: NonNullable<QueryPlan['streaming']>, ctx: RunContext): Promise<RowCounts | undefined> {
  const limit = streaming.limit ? await countOf(db, streaming.limit, ctx) : -1;
  const offset = streaming.offset ? await countOf(db, streaming.offset, ctx) : 0;
  if (limit === undefined || offset === undefined) return undefined;
  // SQLite: a negative LIMIT is no limit, a negative OFFSET none.
  return { limit: limit < 0 ? Infinity : limit, offset: Math.max(0, offset) };
}

async function countOf(db: LocalDatabase, e: A.Expr, ctx: RunContext): Promise<number | undefined> {
  const v = e.kind === 'Parameter' ? ctx.params.get(e.name) : constantValue(e) ?? await foldValue(db, e, ctx.params);
  const n = typeof v === 'bigint' || typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}
