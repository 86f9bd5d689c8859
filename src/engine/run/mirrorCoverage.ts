import type { Predicate } from '../../gong/read/plan';
import type { Destination, SyncState } from '../../mirror/destination';
import type { MirrorTable } from '../../mirror/schema';
import type { Scan } from '../plan/planner';
import { mirrorPredicates } from './mirrorRead';

/**
 * Whether a live connection may answer one object read from the mirror (the
 * `answerFromMirror` option): the object's last sync finished at most `maxAgeMs` ago, and
 * the mirror holds every row the read asks for. Returns why (for the statement's messages),
 * or undefined to read Gong.
 *
 * Covered means, per the object's policy:
 * - `fullRefresh`: always (the mirror holds the whole object, deleted rows marked);
 * - `window` / `createdSince`: the read has a lower bound on the cursor column, and the mirror
 *   holds a row at or before it. A sync reads forward from its first date, so every row the
 *   mirror has lies after that date: a row at or before the bound proves the window starts
 *   inside what the mirror holds (an unbounded read is never covered);
 * - `perCall`: never (the mirror knows which calls' content it holds only call by call).
 * Rows newer than the last sync are missing, which is what the maximum age accepts.
 */
export async function mirrorCoverage(scan: Scan, table: MirrorTable, state: SyncState | undefined, destination: Destination, maxAgeMs: number, now = Date.now()): Promise<string | undefined> {
  const finished = state?.lastRunFinished ? Date.parse(state.lastRunFinished) : NaN;
  if (!state || state.status !== 'done' || !(now - finished <= maxAgeMs)) return undefined;
  const synced = `synced ${state.lastRunFinished} (${age(now - finished)} ago)`;
  const policy = table.policy;
  if (policy.kind === 'fullRefresh') return `${scan.table.name} answered from the mirror ${destination.label} (${synced}); 0 API calls`;
  if (policy.kind === 'perCall') return undefined;
  const from = lowerBound(mirrorPredicates(scan), policy.cursor);
  if (from === undefined || !(await holdsRowAtOrBefore(destination, table, policy.cursor, from))) return undefined;
  return `${scan.table.name} answered from the mirror ${destination.label}: it holds ${policy.cursor} from before ${from.text} (${synced}); 0 API calls`;
}

/** The latest of the lower bounds the filters put on the cursor column, as an instant. */
export function lowerBound(predicates: readonly Predicate[], cursor: string): { text: string; ms: number } | undefined {
  let best: { text: string; ms: number } | undefined;
  for (const p of predicates) {
    if (p.column.toLowerCase() !== cursor.toLowerCase()) continue;
    const values = p.op === 'IN' ? [...(p.value as string[])].sort() : p.op === '>' || p.op === '>=' || p.op === '=' ? [p.value as string] : [];
    const first = values[0];
    const ms = typeof first === 'string' ? Date.parse(first) : NaN;
    if (first !== undefined && !Number.isNaN(ms) && (!best || ms > best.ms)) best = { text: first, ms };
  }
  return best;
}

export async function holdsRowAtOrBefore(destination: Destination, table: MirrorTable, cursor: string, from: { text: string; ms: number }): Promise<boolean> {
  const at = table.columns.findIndex((c) => c.name.toLowerCase() === cursor.toLowerCase());
  // A mirror may answer more rows than asked: each row is checked, the first one that is before ends the search.
  for await (const batch of destination.select(table, [{ column: table.columns[at]!.name, op: '<=', value: from.text }])) {
    if (batch.some((row) => Date.parse(String(row[at])) <= from.ms)) return true;
  }
  return false;
}

/** `3 min`, `2 h`, `5 days`. */
export function age(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
