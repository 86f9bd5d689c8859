import type { ReadPath } from '../gong/catalog/types';
import type { ReadPlan } from '../gong/read/plan';
import type { SyncState } from './destination';
import type { MirrorTable } from './schema';
import { parseCheckpoint } from './state';

/**
 * Per-call objects that one request can serve: Gong's calls/extensive answers parties, topics,
 * trackers and comments of the same calls, each asked for by its own part of the request's
 * `contentSelector`. Read together, 100 calls cost one request for all of them instead of one
 * each. Decided from the catalog's read paths alone: the same endpoint, fixed body parts to
 * merge, no further lookups (`enrich`), and the same point in the calls they follow.
 */

/** The runs of objects in order, those sharing a request grouped (a group of one reads alone). */
export function groupSharedReads(tables: readonly MirrorTable[], states: Map<string, SyncState>, full: boolean | undefined): MirrorTable[][] {
  const groups: MirrorTable[][] = [];
  for (const table of tables) {
    const group = groups.find((g) => shareable(g[0] as MirrorTable, table, states, full));
    if (group) group.push(table);
    else groups.push([table]);
  }
  return groups;
}

function soleRead(table: MirrorTable): ReadPath | undefined {
  return table.policy.kind === 'perCall' && table.table.reads.length === 1 ? table.table.reads[0] : undefined;
}

function shareable(a: MirrorTable, b: MirrorTable, states: Map<string, SyncState>, full: boolean | undefined): boolean {
  const ra = soleRead(a);
  const rb = soleRead(b);
  if (!ra || !rb || ra.enrich || rb.enrich || !ra.fixed?.body || !rb.fixed?.body) return false;
  if (ra.method !== rb.method || ra.path !== rb.path || ra.paging !== rb.paging) return false;
  if (a.policy.kind !== 'perCall' || b.policy.kind !== 'perCall' || a.policy.callKey !== b.policy.callKey) return false;
  const sa = states.get(a.name);
  const sb = states.get(b.name);
  if ((sa?.watermark ?? null) !== (sb?.watermark ?? null)) return false;
  return full === true || JSON.stringify(parseCheckpoint(sa)?.after ?? null) === JSON.stringify(parseCheckpoint(sb)?.after ?? null);
}

/** The first object's plan asking for every object's part: its records are whole response bodies. */
export function sharedPlan(plan: ReadPlan, tables: readonly MirrorTable[]): ReadPlan {
  const body = tables.reduce<Record<string, unknown>>((merged, t) => deepMerge(merged, soleRead(t)?.fixed?.body ?? {}), {});
  return { ...plan, path: { ...plan.path, fixed: { ...plan.path.fixed, body }, records: (response) => [response], enrich: undefined } };
}

/** One object's records in a shared response body. */
export function recordsOf(table: MirrorTable, body: Record<string, unknown>): Record<string, unknown>[] {
  return soleRead(table)?.records(body) ?? [];
}

function deepMerge(a: Record<string, unknown>, b: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = isObject(mine) && isObject(value) ? deepMerge(mine, value) : value;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
