import type { Column, Row } from '../../gong/catalog/types';
import { readRows, type ReadOptions } from '../../gong/read/reader';
import type { Destination, SyncState } from '../../mirror/destination';
import { mirrorTable, type MirrorTable } from '../../mirror/schema';
import type { Scan } from '../plan/planner';
import type * as A from '../syntax/ast';
import { QueryCache } from './cache';
import { gongClient, type RunContext, type RunOptions } from './context';
import { EngineError } from './errors';
import { mirrorCoverage } from './mirrorCoverage';
import { mirrorPredicates, mirrorRows, projected } from './mirrorRead';
import { mirrorStartWarnings } from './mirrorStart';

/**
 * Where one object reference's rows come from: Gong, or a mirror (a mirror connection, or a
 * live connection answering from its mirror). The planner plans both alike; the source only
 * decides who evaluates the pushed filters and how the rows arrive.
 */
export type ScanSource =
  | { readonly kind: 'gong' }
  | { readonly kind: 'mirror'; readonly destination: Destination; readonly table: MirrorTable; readonly state: SyncState | undefined };

export interface Sources {
  readonly of: ReadonlyMap<A.TableRef, ScanSource>;
  /** Said in the statement's messages (a live read answered from the mirror). */
  readonly messages: readonly string[];
}

const GONG: ScanSource = { kind: 'gong' };

/** The source of every scan of a statement, before anything is read. */
export async function scanSources(scans: readonly Scan[], options: RunOptions): Promise<Sources> {
  if (options.mirror) {
    const states = await options.mirror.readState();
    const of = new Map(scans.map((scan) => [scan.ref, mirrorSource(options.mirror!, scan, states)]));
    const reads = scans.flatMap((scan) => { const source = of.get(scan.ref); return source?.kind === 'mirror' ? [{ scan, source }] : []; });
    return { of, messages: [...unfinished(scans, states, options.mirror.label), ...await mirrorStartWarnings(reads, options.mirror.label)] };
  }
  const fallback = options.answerFromMirror;
  if (!fallback || scans.length === 0) return { of: new Map(scans.map((scan) => [scan.ref, GONG])), messages: [] };
  const states = await fallback.destination.readState();
  const of = new Map<A.TableRef, ScanSource>();
  const messages: string[] = [];
  for (const scan of scans) {
    const table = mirrorTable(scan.table);
    const state = states.get(scan.table.name);
    const why = table && await mirrorCoverage(scan, table, state, fallback.destination, fallback.maxAgeMs);
    of.set(scan.ref, why && table ? { kind: 'mirror', destination: fallback.destination, table, state } : GONG);
    if (why) messages.push(why);
  }
  return { of, messages };
}

/** A warning per object read whose last sync did not finish: its rows may be incomplete. */
function unfinished(scans: readonly Scan[], states: ReadonlyMap<string, SyncState>, label: string): string[] {
  const names = [...new Set(scans.map((scan) => scan.table.name))];
  return names.flatMap((name) => {
    const state = states.get(name);
    if (!state || state.status === 'done') return [];
    const how = state.status === 'running' ? 'has not finished (it is running, or its process was killed)' : state.status;
    const why = state.error ? ` (${state.error})` : '';
    return [`Warning: the last sync of ${name} ${how}${why}: its rows may be incomplete. Run gongsql sync --objects ${name} --to ${label} to finish it.`];
  });
}

/** On a mirror connection: the object's mirrored table, or an error saying why it is not there. */
function mirrorSource(destination: Destination, scan: Scan, states: ReadonlyMap<string, SyncState>): ScanSource {
  const table = mirrorTable(scan.table);
  const name = scan.table.name;
  if (!table) {
    const reason = scan.table.mirror.kind === 'none' ? ` (${scan.table.mirror.reason})` : '';
    throw new EngineError('MIRROR', `${name} is not kept in a mirror${reason}: query it on a live connection.`, scan.ref.name.span);
  }
  const state = states.get(name);
  if (!state) throw new EngineError('MIRROR', `${name} has not been synced to ${destination.label} yet: run gongsql sync --objects ${name} --to ${destination.label}`, scan.ref.name.span);
  return { kind: 'mirror', destination, table, state };
}

/**
 * A scan's rows in the catalog's column order, page by page (stopping when the consumer
 * stops): requests to Gong, or the mirror's rows, of which only the columns in `read` (the
 * statement's) are filled.
 */
export function scanPages(scan: Scan, source: ScanSource, read: readonly Column[], ctx: RunContext, options: ReadOptions): AsyncIterable<Row[]> {
  if (source.kind === 'mirror') return mirrorRows(source.destination, source.table, filtersFor(scan, ctx), read, ctx.stats, options);
  return readRows(gongClient(ctx.options), scan.plan, options, ctx.stats);
}

function filtersFor(scan: Scan, ctx: RunContext) {
  return ctx.options.pushdown === false ? [] : mirrorPredicates(scan);
}

/**
 * What the cache keeps a complete read under: Gong's reads by connection and what was sent;
 * a mirror's by mirror, the filters it evaluated, the columns it read and the object's last
 * sync (a new sync is new rows).
 */
export function cacheKey(scan: Scan, source: ScanSource, read: readonly Column[], ctx: RunContext): string {
  if (source.kind === 'gong') return QueryCache.key(ctx.options.connectionId, scan.plan);
  const predicates = filtersFor(scan, ctx);
  const columns = projected(source.table, read, predicates).columns.map((c) => c.name);
  return JSON.stringify(['mirror', source.destination.label, source.table.name, predicates, columns, source.state?.lastRunFinished ?? null, source.state?.lastRunStarted ?? null]);
}
