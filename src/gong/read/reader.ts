import { findColumn, findTable } from '../catalog';
import type { EnrichFetch, FilterRoute, ParamTarget, ReadPath, Row, SqlValue, TableDef } from '../catalog/types';
import { throwIfAborted } from '../http/abort';
import { ANY_404, NO_RESULTS_404, type GongClient } from '../http/client';
import { planRead, type ReadPlan } from './plan';
import { toRow } from './rows';

/** What a read has cost so far; updated after every page. */
export interface ReadStats {
  apiCalls: number;
  pages: number;
  records: number;
  rows: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (stats: Readonly<ReadStats>) => void;
  /**
   * Called after the first page of a paged request chain, when Gong has said how many
   * records match: the caller may stop a read that would cost too much (by throwing).
   */
  onTotal?: (info: { endpoint: string; totalRecords: number; pages: number }) => Promise<void> | void;
  /**
   * Resumes a single-chain read (no fan-out, one batch) at this page cursor, as an earlier
   * `onCursor` gave it (the sync job's checkpoints).
   */
  startCursor?: string;
  /** After each page of the read's own chain: the cursor of the next page, undefined after the last. */
  onCursor?: (next: string | undefined) => void;
  /** Gong said to wait (a 429's Retry-After) before the next attempt. */
  onRateLimitWait?: (ms: number) => void;
}

export const emptyStats = (): ReadStats => ({ apiCalls: 0, pages: 0, records: 0, rows: 0 });

/**
 * Streams a plan's rows page by page. Paging stops as soon as the consumer stops (a
 * `break` out of `for await` ends the generator), which is what makes LIMIT cheap.
 */
export async function* readRows(client: GongClient, plan: ReadPlan, options: ReadOptions = {}, stats: ReadStats = emptyStats()): AsyncGenerator<Row[]> {
  for await (const { records, bound } of readRecords(client, plan, options, stats)) {
    const rows = records.map((r) => toRow(plan.table, r, { bound }));
    stats.rows += rows.length;
    options.onProgress?.(stats);
    yield rows;
  }
}

/** A plan's records page by page, before they become rows, with the column values the request fixed. */
export async function* readRecords(client: GongClient, plan: ReadPlan, options: ReadOptions = {}, stats: ReadStats = emptyStats()): AsyncGenerator<{ records: Record<string, unknown>[]; bound: Record<string, SqlValue> }> {
  const chains = plan.fanOut ? await fanOutValues(client, plan, options, stats) : [{}];
  for (const fanned of chains) {
    const batches = plan.batches?.values ?? [undefined];
    for (const batch of batches) {
      const params = new Map(plan.params);
      if (plan.batches && batch) params.set(plan.batches.target, [...batch]);
      const fannedList = listFanOut(plan);
      if (fannedList && Array.isArray(fanned[fannedList.column])) {
        // Values fanned into a list parameter go 100 (its batch) to a request; no row is bound to one of them.
        params.set(fannedList.to, (fanned[fannedList.column] as SqlValue[]).map(String));
        for await (const records of pages(client, plan.path, params, options, stats)) yield { records, bound: plan.bound };
        continue;
      }
      const bound = { ...plan.bound, ...(fanned as Record<string, SqlValue>) };
      for (const [column, value] of Object.entries(fanned)) {
        const binding = plan.path.bindings.find((b) => b.column === column && b.kind === 'equals');
        if (binding && binding.kind === 'equals') params.set(binding.to, String(value));
      }
      for await (const records of pages(client, plan.path, params, options, stats)) yield { records, bound };
    }
  }
}

/** Reads every row of a table (the fan-out source), through its own best plan. */
export async function readAll(client: GongClient, table: TableDef, options: ReadOptions = {}, stats: ReadStats = emptyStats()): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of readRows(client, planRead(table, []), options, stats)) rows.push(...batch);
  return rows;
}

/** The list binding a fan-out fills, when its column is sent as a list (call ids, emails). */
function listFanOut(plan: ReadPlan): Extract<FilterRoute, { kind: 'list' }> | undefined {
  const column = plan.fanOut?.column;
  const binding = plan.path.bindings.find((b) => b.column === column && b.kind === 'list');
  return binding?.kind === 'list' ? binding : undefined;
}

/** Fan-out values, one chain each; into a list parameter, one chain per batch of them. */
async function fanOutValues(client: GongClient, plan: ReadPlan, options: ReadOptions, stats: ReadStats): Promise<Record<string, SqlValue | SqlValue[]>[]> {
  const single = await fanOutSingles(client, plan, options, stats);
  const list = listFanOut(plan);
  if (!list) return single;
  const values = single.map((v) => v[list.column] as SqlValue);
  const chunks: Record<string, SqlValue[]>[] = [];
  for (let i = 0; i < values.length; i += list.batch) chunks.push({ [list.column]: values.slice(i, i + list.batch) });
  return chunks;
}

async function fanOutSingles(client: GongClient, plan: ReadPlan, options: ReadOptions, stats: ReadStats): Promise<Record<string, SqlValue>[]> {
  const fanOut = plan.fanOut;
  if (!fanOut) return [{}];
  if ('values' in fanOut) return fanOut.values.map((v) => ({ [fanOut.column]: v }));
  const source = findTable(fanOut.from.table);
  const column = source && findColumn(source, fanOut.from.column);
  if (!source || !column) throw new Error(`catalog: ${plan.table.name} fans out over unknown ${fanOut.from.table}.${fanOut.from.column}`);
  const index = source.columns.indexOf(column);
  const values = new Set((await readAll(client, source, { signal: options.signal }, stats)).map((r) => r[index]).filter((v) => v !== null));
  return [...values].map((v) => ({ [fanOut.column]: v as SqlValue }));
}

/** One request chain: the first page and every page its cursor leads to. */
async function* pages(client: GongClient, path: ReadPath, params: ReadonlyMap<ParamTarget, string | string[]>, options: ReadOptions, stats: ReadStats): AsyncGenerator<Record<string, unknown>[]> {
  const request = buildRequest(path, params);
  const fetchMore: EnrichFetch = async (extra) => {
    const found: Record<string, unknown>[] = [];
    for await (const recs of chain(client, { ...extra, notFound: 'noResults' }, extra, options, stats)) found.push(...recs);
    return found;
  };
  for await (const records of chain(client, path, request, options, stats, { cursor: options.startCursor, onCursor: options.onCursor })) {
    yield path.enrich ? await path.enrich(records, fetchMore) : records;
  }
}

interface RequestParts { method: 'GET' | 'POST'; path: string; query?: Record<string, string>; body?: Record<string, unknown> }

async function* chain(
  client: GongClient,
  spec: Pick<ReadPath, 'paging' | 'notFound' | 'records'>,
  request: RequestParts,
  options: ReadOptions,
  stats: ReadStats,
  own: { cursor?: string; onCursor?: (next: string | undefined) => void } = {},
): AsyncGenerator<Record<string, unknown>[]> {
  let cursor = own.cursor;
  do {
    throwIfAborted(options.signal);
    const query = { ...request.query, ...(spec.paging === 'query' && cursor ? { cursor } : {}) };
    const body = request.body && { ...request.body, ...(spec.paging === 'body' && cursor ? { cursor } : {}) };
    const response = await client.request({
      method: request.method,
      path: request.path,
      query,
      body,
      signal: options.signal,
      idempotent: true,
      emptyOn404: spec.notFound === 'empty' ? ANY_404 : NO_RESULTS_404,
      onEvent: (e) => {
        if (e.type === 'request') stats.apiCalls++;
        else if (e.reason === 'rateLimit') options.onRateLimitWait?.(e.ms);
      },
    });
    if (response.body === undefined) return;
    const total = (response.body.records as { totalRecords?: unknown } | undefined)?.totalRecords;
    if (cursor === undefined && typeof total === 'number' && options.onTotal) {
      await options.onTotal({ endpoint: `${request.method} ${request.path}`, totalRecords: total, pages: Math.ceil(total / 100) });
    }
    const records = spec.records(response.body);
    stats.pages++;
    stats.records += records.length;
    const next = (response.body.records as { cursor?: unknown } | undefined)?.cursor;
    cursor = spec.paging !== 'none' && typeof next === 'string' && next !== '' ? next : undefined;
    own.onCursor?.(cursor);
    yield records;
  } while (cursor);
}

/** The concrete request of a path: fixed parts, then bound parameters at their targets. */
function buildRequest(path: ReadPath, params: ReadonlyMap<ParamTarget, string | string[]>): RequestParts {
  let urlPath = path.path;
  const query: Record<string, string> = { ...path.fixed?.query };
  const body: Record<string, unknown> | undefined = path.method === 'POST' ? structuredClone({ ...path.fixed?.body }) : undefined;
  for (const [target, value] of params) {
    const [where, name] = splitTarget(target);
    if (where === 'path') urlPath = urlPath.replace(`{${name}}`, encodeURIComponent(String(value)));
    else if (where === 'query') query[name] = Array.isArray(value) ? value.join(',') : value;
    else if (body) setPath(body, name, value);
  }
  return { method: path.method, path: urlPath, query, body };
}

function splitTarget(target: ParamTarget): ['query' | 'body' | 'path', string] {
  const colon = target.indexOf(':');
  return [target.slice(0, colon) as 'query' | 'body' | 'path', target.slice(colon + 1)];
}

function setPath(object: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = object;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
