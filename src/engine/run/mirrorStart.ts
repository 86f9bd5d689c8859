import type { Destination } from '../../mirror/destination';
import type { MirrorTable } from '../../mirror/schema';
import type { Scan } from '../plan/planner';
import { holdsRowAtOrBefore, lowerBound } from './mirrorCoverage';
import { mirrorPredicates } from './mirrorRead';

/** An object read from the mirror: the scan, and the mirror's table of it. */
export interface MirrorScan {
  readonly scan: Scan;
  readonly source: { readonly destination: Destination; readonly table: MirrorTable };
}

const DAY_MS = 86_400_000;
/**
 * The mirror does not record where its first sync started, only rows: a first row less than
 * this many days after the filter's day may just follow days with no rows (a weekend, quiet
 * days without activity), so only a later start is told.
 */
const QUIET_DAYS = 7;

/**
 * A warning per dated object of a mirror whose rows start after the day the query asks from:
 * a first sync keeps 30 days of UserActivityDayByDay but 18 months of Calls, and a mirror
 * answers only what it holds, so a query from earlier would be answered in part without a
 * word. Said in the run's and EXPLAIN's messages, with the sync that adds the missing days.
 */
export async function mirrorStartWarnings(reads: readonly MirrorScan[], label: string): Promise<string[]> {
  const said = new Set<string>();
  for (const { scan, source } of reads) {
    const policy = source.table.policy;
    // A createdSince object kept whole (history 'all') starts where Gong's data does.
    if (policy.kind !== 'window' && (policy.kind !== 'createdSince' || policy.history === 'all')) continue;
    const from = lowerBound(mirrorPredicates(scan), policy.cursor);
    if (!from || await holdsRowAtOrBefore(source.destination, source.table, policy.cursor, from)) continue;
    const cursor = source.table.columns.find((c) => c.name.toLowerCase() === policy.cursor.toLowerCase())!.name;
    const first = await source.destination.earliest(source.table, cursor);
    if (first === undefined || Date.parse(first) - from.ms < QUIET_DAYS * DAY_MS) continue;
    const name = scan.table.name;
    said.add(`Warning: the mirror ${label} holds ${name} from ${first} (its earliest ${policy.cursor}), later than the ${from.text} the query asks from: the rows before are not in it. Add them with gongsql sync --objects ${name} --to ${label} --since ${from.text.slice(0, 10)} --full, or query ${name} on a live connection.`);
  }
  return [...said];
}
