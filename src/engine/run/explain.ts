import { findProcedure } from '../../gong/catalog';
import type { SqlValue } from '../../gong/catalog/types';
import type { InputValue } from '../../gong/write/values';
import { constantValue } from '../bind/binder';
import { irreversibleQuestion } from './context';
import type { Estimate, Predicate, ReadPlan } from '../../gong/read/plan';
import { keyedEstimate, knownRows, type FirstPage } from './pageCount';
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
export function explainScans(text: string, scans: readonly Scan[], sources?: Sources, mirror?: MirrorFacts, firstPages: ReadonlyMap<A.TableRef, FirstPage> = new Map()): SqlValue[][] {
  return scans.map((scan) => {
    const from = sources?.of.get(scan.ref);
    if (from?.kind === 'mirror' && mirror) return explainMirrorScan(text, scan, from, mirror);
    const keyed = keyedRequest(scan);
    const plan = keyed?.plan ?? scan.plan;
    const fanOut = plan.fanOut ? ` × each ${plan.fanOut.column}${fannedFrom(plan)}` : '';
    const paging = plan.path.paging === 'none' ? '' : ' (100 per page)';
    const sourceScan = scan.keyFrom && scans.find((s) => s.ref === scan.keyFrom!.source);
    const source = scan.keyFrom && `${sourceScan?.alias}.${scan.keyFrom.sourceColumn}`;
    const sourcePage = sourceScan && firstPages.get(sourceScan.ref);
    const own = scan.plan.pushed.filter((p) => plan.pushed.includes(p));
    const params = [...plan.params.entries()].filter(([, v]) => !keyed || !Array.isArray(v)).map(([k, v]) => `${k.split(':')[1]}=${Array.isArray(v) ? `[${v.length} id${v.length === 1 ? '' : 's'}]` : v}`);
    const native = [...(keyed ? own : plan.pushed).map(describe), ...(keyed ? [`${scan.keyFrom!.column} IN (the ${source} values read)`] : [])];
    return [
      scan.table.name,
      scan.alias,
      `${plan.path.method} ${plan.path.path}${paging}${fanOut}`,
      `${native.length ? native.join(' AND ') : '(none)'}${params.length ? ` → ${params.join(', ')}` : ''}`,
      scan.residual.length ? scan.residual.map((e) => text.slice(e.span.start, e.span.end)).join(' AND ') : '(none)',
      estimateText(keyed ? keyedEstimate(scan, source as string, sourcePage && knownRows(sourceScan!.table.name, sourcePage)) : plan.estimate),
    ];
  });
}

/** `20 (about 20 requests: …)`, `1+ (…)`; a cost known only after another read, as that. */
function estimateText(e: Estimate): string {
  return e.open && e.requests === 0 ? e.note : `${e.requests}${e.open ? '+' : ''} (${e.note})`;
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
    case 'Call': return explainCall(statement).rows;
    default: return [];
  }
}

/**
 * A CALL: the requests its procedure sends (as its description names them) and, for one that
 * cannot be undone, what it erases and that it will ask first. EXPLAIN itself sends nothing.
 */
export function explainCall(statement: A.CallStatement, params: ReadonlyMap<string, InputValue> = new Map()): { rows: SqlValue[][]; messages: string[] } {
  const procedure = findProcedure(statement.name.text);
  if (!procedure) return { rows: [[statement.name.text, '', 'unknown procedure', '(none)', '(none)', '0']], messages: [] };
  const requests = procedure.description.match(/\b(GET|POST|PUT|PATCH|DELETE) \/v2\/[^\s),;]+/g) ?? [];
  const calls = Math.max(1, requests.length);
  const request = requests.length ? requests.join(', then ') : "the procedure's request";
  if (!procedure.irreversible) return { rows: [[procedure.name, '', request, '(none)', '(none)', `${calls} (${writes(calls)})`]], messages: [`Running it sends ${writes(calls)} to Gong; EXPLAIN sent nothing.`] };
  const args = Object.fromEntries(procedure.params.map((p, i) => [p.name, argumentText(statement.args[i], params)]));
  const question = irreversibleQuestion({ kind: 'irreversibleCall', procedure: procedure.name, action: procedure.irreversible(args) });
  return {
    rows: [[procedure.name, '', request, '(none)', '(none)', `${calls} (${writes(calls)}, sent only after a yes)`]],
    messages: [
      question,
      'It asks for confirmation every time (the editor in a dialog; the CLI only with --confirm irreversible-call, which --yes does not give) and sends nothing without a yes.',
      'EXPLAIN sent nothing.',
    ],
  };
}

function writes(n: number): string {
  return n === 1 ? 'a write request' : `${n} write requests`;
}

/** An argument as EXPLAIN can tell it without running anything: a constant, a parameter's value, or the expression's text. */
function argumentText(e: A.Expr | undefined, params: ReadonlyMap<string, InputValue>): string {
  if (!e) return '(missing)';
  const value = e.kind === 'Parameter' ? params.get(e.name) : constantValue(e);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (e.kind === 'Parameter') return e.name.startsWith('?') ? e.name : `:${e.name}`;
  return 'the value computed when it runs';
}

function describe(p: Predicate): string {
  const value = Array.isArray(p.value) ? `(${p.value.length > 3 ? `${p.value.slice(0, 3).map(literal).join(', ')}, … ${p.value.length} values` : p.value.map(literal).join(', ')})` : literal(p.value as SqlValue);
  return `${p.column} ${p.op} ${value}`;
}

function literal(v: SqlValue): string {
  return typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
}

/** ` (from Users)`: the table a fan-out's values come from, as the catalog says (a costed plan holds the values themselves). */
function fannedFrom(plan: ReadPlan): string {
  const fanOut = plan.path.fanOut;
  return fanOut && 'from' in fanOut ? ` (from ${fanOut.from.table})` : '';
}
