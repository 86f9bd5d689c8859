import { findTable } from '../gong/catalog';
import type { Predicate, ReadPlan } from '../gong/read/plan';
import { planRead } from '../gong/read/plan';
import type { SyncOptions } from './sync';
import type { SyncState } from './destination';
import { mirrorTables, type MirrorTable } from './schema';

/**
 * What a run reads for an object, from its catalog `mirror:` policy alone: the window on the
 * policy's cursor, and the parts of the read (one per fixed fan-out value, so that each has
 * one page chain a checkpoint can resume). No object has code of its own here.
 */

const DAY_MS = 86_400_000;
export const DEFAULT_LOOK_BACK_DAYS = 7;
/** Per-call content is read for this many calls per request (Gong's limit for callIds). */
export const CALLS_PER_REQUEST = 100;

/** The object per-call content follows (the table of calls, whose key the content's call key names). */
const CALLS = 'Calls';

export function callsTable(): MirrorTable {
  const calls = mirrorTables().find((t) => t.name === CALLS);
  if (!calls) throw new Error('catalog: per-call content needs the Calls table in the mirror');
  return calls;
}

/** The objects of a run, in catalog order; per-call content brings the calls it follows. */
export function selectTables(objects: readonly string[] | undefined): MirrorTable[] {
  const all = mirrorTables();
  if (!objects || objects.length === 0) return all.filter((t) => !(t.policy.kind === 'fullRefresh' && t.policy.onlyWhenNamed));
  const wanted = new Set<string>();
  const unknown: string[] = [];
  for (const name of objects) {
    const table = all.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
    if (!table) {
      unknown.push(name.trim());
      continue;
    }
    wanted.add(table.name);
    if (table.policy.kind === 'perCall') wanted.add(callsTable().name);
  }
  // Every refused name at once: fixing one at a time would take a run per name.
  if (unknown.length > 0) throw new UnknownObject(unknown, all);
  return all.filter((t) => wanted.has(t.name));
}

/** Object names that are not mirrored: each with why when the catalog says, and the ones that are. */
export class UnknownObject extends Error {
  constructor(names: readonly string[], all: readonly MirrorTable[]) {
    const reasons = names.flatMap((name) => {
      const policy = findTable(name)?.mirror;
      return policy?.kind === 'none' ? [{ name, reason: policy.reason.replace(/\.$/, '') }] : [];
    });
    const refused = names.length === 1 ? `${names[0]} is not an object` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are not objects`;
    const why = names.length === 1 ? reasons.map((r) => ` (${r.reason})`).join('') : reasons.length ? ` (${reasons.map((r) => `${r.name}: ${r.reason}`).join('; ')})` : '';
    super(`${refused} the mirror keeps${why}; the objects are ${all.map((t) => t.name).join(', ')}`);
  }
}

/** `2026-01-31` or a date-time, as the ISO-8601 instant a window starts at. */
export function normalizeSince(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`--since must be a date (2026-01-31) or an ISO-8601 date-time, got ${since}`);
  return isoSeconds(ms);
}

export const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Where a window or created-since read starts: the watermark (minus the look-back for a
 * window, since records change late), or `--since` on a first run or with `--full` (except
 * for a policy with `history: 'all'`); null reads from the beginning.
 */
export function windowStart(table: MirrorTable, previous: SyncState | undefined, options: Pick<SyncOptions, 'full' | 'since' | 'lookBackDays'>): string | null {
  // A dimension every call points at (its policy says `history: 'all'`) is never cut by --since.
  const keepsAll = table.policy.kind === 'createdSince' && table.policy.history === 'all';
  const since = keepsAll ? null : normalizeSince(options.since) ?? null;
  if (options.full || !previous?.watermark) return since;
  const watermark = Date.parse(previous.watermark);
  if (table.policy.kind !== 'window') return previous.watermark;
  const lookBack = (options.lookBackDays ?? DEFAULT_LOOK_BACK_DAYS) * DAY_MS;
  return isoSeconds(watermark - lookBack);
}

/** The predicates of a window starting at `from` (none from the beginning). */
export function windowPredicates(table: MirrorTable, from: string | null | undefined): Predicate[] {
  const policy = table.policy;
  if (from === null || from === undefined || (policy.kind !== 'window' && policy.kind !== 'createdSince')) return [];
  return [{ column: policy.cursor, op: '>=', value: from }];
}

/** A read split into parts with one page chain each where the catalog fans out over fixed values. */
export interface ReadPart {
  readonly plan: ReadPlan;
  /** Whether the part is one page chain, so a checkpoint can resume it at a page cursor. */
  readonly resumable: boolean;
}

export function readParts(table: MirrorTable, predicates: readonly Predicate[]): ReadPart[] {
  const plan = planRead(table.table, predicates);
  const fanOut = plan.fanOut;
  if (fanOut && 'values' in fanOut) {
    return fanOut.values.map((value) => {
      const part = planRead(table.table, [...predicates, { column: fanOut.column, op: '=', value }]);
      return { plan: part, resumable: !part.fanOut && !part.batches };
    });
  }
  return [{ plan, resumable: !fanOut && !plan.batches }];
}
