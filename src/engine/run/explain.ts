import type { SqlValue } from '../../gong/catalog/types';
import type { Predicate } from '../../gong/read/plan';
import { keyedRequest } from '../plan/joinKeys';
import type { Scan } from '../plan/planner';
import type * as A from '../syntax/ast';
import { age } from './mirrorCoverage';
import { mirrorPredicates } from './mirrorRead';
import type { ResultColumn } from './result';
import type { ScanSource, Sources } from './source';
import type { SyncState } from '../../mirror/destination';

export const EXPLAIN_COLUMNS: ResultColumn[] = ['Object', 'Alias', 'Request', 'NativeFilters', 'ResidualFilters', 'EstimatedCalls']
  .map((name) => ({ name, type: 'text' }));

/** What EXPLAIN says of reads from a mirror: whether the file runs the whole statement. */
export interface MirrorFacts {
  /** True when the mirror's SQLite file runs the statement itself. */
  readonly native: boolean;
}

/**
 * One row per object read: the request(s), what Gong filters, what is left for SQLite, the
 * estimated calls. An object read from a mirror says so instead: which mirror, how fresh it
 * is, what the mirror filters, 0 calls.
 */
export function explainScans(text: string, scans: readonly Scan[], sources?: Sources, mirror?: MirrorFacts): SqlValue[][] {
  return scans.map((scan) => {
    const from = sources?.of.get(scan.ref);
    if (from?.kind === 'mirror' && mirror) return explainMirrorScan(text, scan, from, mirror);
    const keyed = keyedRequest(scan);
    const plan = keyed?.plan ?? scan.plan;
    const fanOut = plan.fanOut ? ` × each ${plan.fanOut.column}${'from' in plan.fanOut ? ` (from ${plan.fanOut.from.table})` : ''}` : '';
    const paging = plan.path.paging === 'none' ? '' : ' (100 per page)';
    const source = scan.keyFrom && `${scans.find((s) => s.ref === scan.keyFrom!.source)?.alias}.${scan.keyFrom.sourceColumn}`;
    const own = scan.plan.pushed.filter((p) => plan.pushed.includes(p));
    const params = [...plan.params.entries()].filter(([, v]) => !keyed || !Array.isArray(v)).map(([k, v]) => `${k.split(':')[1]}=${Array.isArray(v) ? `[${v.length} ids]` : v}`);
    const native = [...(keyed ? own : plan.pushed).map(describe), ...(keyed ? [`${scan.keyFrom!.column} IN (the ${source} values read)`] : [])];
    return [
      scan.table.name,
      scan.alias,
      `${plan.path.method} ${plan.path.path}${paging}${fanOut}`,
      `${native.length ? native.join(' AND ') : '(none)'}${params.length ? ` → ${params.join(', ')}` : ''}`,
      scan.residual.length ? scan.residual.map((e) => text.slice(e.span.start, e.span.end)).join(' AND ') : '(none)',
      keyed ? `after ${source}: 1 request per ${keyed.perRequest} values` : `${plan.estimate.requests}${plan.estimate.open ? '+' : ''} (${plan.estimate.note})`,
    ];
  });
}

function explainMirrorScan(text: string, scan: Scan, source: Extract<ScanSource, { kind: 'mirror' }>, mirror: MirrorFacts): SqlValue[] {
  // The object is the row's first column; its freshness is in the messages, whole.
  const request = `mirror ${source.destination.label}`;
  if (mirror.native) return [scan.table.name, scan.alias, request, 'the whole statement runs on the SQLite file', '(none)', '0 (mirror)'];
  const pushed = mirrorPredicates(scan);
  const residual = mirrorResidual(scan, new Set(pushed));
  return [
    scan.table.name,
    scan.alias,
    request,
    pushed.length ? pushed.map(describe).join(' AND ') : '(none)',
    residual.length ? residual.map((e) => text.slice(e.span.start, e.span.end)).join(' AND ') : '(none)',
    '0 (mirror)',
  ];
}

/** How fresh an object of a mirror is, for EXPLAIN's messages: its last sync, its rows, its status. */
export function freshness(object: string, state: SyncState | undefined, rows: number | undefined, now: number): string {
  const synced = state?.lastRunFinished ? `last sync ${state.lastRunFinished} (${age(now - Date.parse(state.lastRunFinished))} ago)` : 'no finished sync';
  const count = rows === undefined ? '' : `, ${rows.toLocaleString('en-US')} rows`;
  return `${object}: ${synced}${count}, status ${state?.status ?? 'never synced'}${state?.error ? ` (${state.error})` : ''}`;
}

/** The conjuncts on the object that the mirror does not evaluate: every offer of a conjunct must have gone for it to be pushed. */
function mirrorResidual(scan: Scan, pushed: ReadonlySet<Predicate>): A.Expr[] {
  const considered = new Set<A.Expr>([...scan.residual, ...scan.offered.map((o) => o.source)]);
  const kept = [...considered].filter((c) => {
    const offers = scan.offered.filter((o) => o.source === c);
    return offers.length === 0 || offers.some((o) => !pushed.has(o.predicate));
  });
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/** What DML and CALL add to the reads: the write requests. */
export function explainWrite(statement: A.Statement): SqlValue[][] {
  switch (statement.kind) {
    case 'Insert': return [[statement.table.text, '', 'one write request per row', '(none)', '(none)', `${statement.source.kind === 'Values' ? statement.source.rows.length : '?'} write(s)`]];
    case 'Update': return [[statement.table.text, '', 'one write request per matching row', '(none)', '(none)', 'one per row']];
    case 'Delete': return [[statement.table.text, '', 'one delete request per matching row', '(none)', '(none)', 'one per row']];
    case 'Call': return [[statement.name.text, '', 'the procedure\'s request(s)', '(none)', '(none)', statement.name.text.toLowerCase() === 'createcall' ? '2' : '1']];
    default: return [];
  }
}

function describe(p: Predicate): string {
  const value = Array.isArray(p.value) ? `(${p.value.length > 3 ? `${p.value.slice(0, 3).map(literal).join(', ')}, … ${p.value.length} values` : p.value.map(literal).join(', ')})` : literal(p.value as SqlValue);
  return `${p.column} ${p.op} ${value}`;
}

function literal(v: SqlValue): string {
  return typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
}
