import { findTable } from '../../gong/catalog';
import { bind } from '../bind/binder';
import { parse } from '../syntax/parser';
import type * as A from '../syntax/ast';
import { readOnlyMessage, type RunContext, type RunOptions } from './context';
import { resolvingSelect, runCall, runInsert, runUpdateOrDelete } from './dml';
import { EngineError } from './errors';
import { EXPLAIN_COLUMNS, explainCall, explainScans, explainWrite, freshness } from './explain';
import { compilesNatively } from './nativeSelect';
import type { Scan } from '../plan/planner';
import { costFanOuts } from './fanOutCost';
import { countPages } from './pageCount';
import { scanSources, type ScanSource } from './source';
import type { ExecStats, StatementResult } from './result';
import { foldConstants } from './fold';
import { markDeclaredTypes } from './declaredTypes';
import { nativeOf, queryPlanFor, runSelect } from './select';
import type { SqlValue } from '../../gong/catalog/types';
import { emptyStats } from '../../gong/read/reader';

/**
 * Runs a gongsql script. Every statement is parsed and bound first: a syntax or name error
 * anywhere stops the script before anything is sent to Gong. Statements then run in order.
 */
export async function execute(text: string, options: RunOptions): Promise<StatementResult[]> {
  const parsed = parse(text);
  const syntax = parsed.diagnostics.find((d) => d.severity === 'error');
  if (syntax) throw new EngineError('SYNTAX', syntax.message, syntax.span);
  // A mirror is a copy: a write anywhere in the script stops it before anything runs, and
  // before the write's own checks (which object takes which write) could say something else.
  const write = options.mirror && parsed.statements.find((s) => WRITES.has(s.kind));
  if (write) throw new EngineError('READ_ONLY', readOnlyMessage(options.mirror!.label), write.span);
  const warnings = parsed.statements.map((statement) => {
    const found = bind(statement).diagnostics;
    const problem = found.find((d) => d.severity === 'error');
    if (problem) throw new EngineError('BIND', problem.message, problem.span);
    return found.map((d) => `Warning: ${d.message}`);
  });
  const results: StatementResult[] = [];
  for (const [index, statement] of parsed.statements.entries()) {
    results.push(await executeStatement(text, statement, index, options, warnings[index] ?? []));
  }
  return results;
}

async function executeStatement(text: string, statement: A.Statement, index: number, options: RunOptions, warnings: string[]): Promise<StatementResult> {
  const started = performance.now();
  const stats: ExecStats = { ...emptyStats(), cachedScans: 0, ms: 0 };
  const ctx: RunContext = {
    options,
    params: new Map(Object.entries(options.params ?? {})),
    index,
    stats,
    confirmed: new Set(),
    emit: (event) => options.onEvent?.(event),
  };
  ctx.emit({ type: 'statementStart', index, text: text.slice(statement.span.start, statement.span.end) });
  let output: Output;
  try {
    output = await dispatch(text, statement, ctx);
  } catch (error) {
    stats.ms = Math.round(performance.now() - started);
    ctx.emit({ type: 'statementError', index, error, stats });
    throw error;
  } finally {
    // A write (even one that failed part-way) may have changed what earlier reads cached.
    if (WRITES.has(statement.kind) && stats.apiCalls > 0) options.cache?.forgetConnection(options.connectionId);
  }
  stats.ms = Math.round(performance.now() - started);
  stats.rows = output.rows.length;
  const messages = [...warnings, ...output.messages];
  if (output.kind === 'select') {
    messages.push(`${output.rows.length} row${output.rows.length === 1 ? '' : 's'} in ${stats.ms} ms; ${stats.apiCalls} API call${stats.apiCalls === 1 ? '' : 's'}, ${stats.pages} page${stats.pages === 1 ? '' : 's'}${stats.cachedScans ? `, ${stats.cachedScans} read${stats.cachedScans === 1 ? '' : 's'} from cache` : ''}`);
  }
  const result: StatementResult = { index, kind: output.kind, columns: output.columns, rows: output.rows, messages, stats, ...(output.layout ? { layout: output.layout } : {}), ...(output.outcomes ? { outcomes: output.outcomes } : {}) };
  for (const m of messages) ctx.emit({ type: 'message', index, text: m });
  ctx.emit({ type: 'statementEnd', index, result });
  return result;
}

const WRITES: ReadonlySet<A.Statement['kind']> = new Set(['Insert', 'Update', 'Delete', 'Call']);

/** Whether a statement of this kind changes Gong (INSERT, UPDATE, DELETE, CALL). */
export function isWrite(kind: A.Statement['kind']): boolean {
  return WRITES.has(kind);
}

type Output = Pick<StatementResult, 'kind' | 'columns' | 'rows' | 'messages' | 'layout' | 'outcomes'>;

async function dispatch(text: string, statement: A.Statement, ctx: RunContext): Promise<Output> {
  switch (statement.kind) {
    case 'Select': {
      const binding = bind(statement);
      const out = await runSelect(text, statement, binding, ctx);
      markDeclaredTypes(out.columns, statement, binding);
      return { kind: 'select', columns: out.columns, rows: out.rows, messages: out.messages };
    }
    case 'Insert':
      return { kind: 'insert', ...(await runInsert(text, statement, ctx)) };
    case 'Update':
    case 'Delete':
      return { kind: statement.kind === 'Update' ? 'update' : 'delete', ...(await runUpdateOrDelete(text, statement, ctx)) };
    case 'Call':
      return { kind: 'call', ...(await runCall(text, statement, ctx)) };
    case 'Explain': {
      const { rows, messages } = await explain(text, statement.statement, ctx);
      return { kind: 'explain', layout: 'record', columns: EXPLAIN_COLUMNS.map((c) => ({ ...c })), rows, messages };
    }
    case 'Invalid':
      throw new EngineError('SYNTAX', 'Not a statement', statement.span);
  }
}

async function explain(text: string, statement: A.Statement, ctx: RunContext): Promise<{ rows: SqlValue[][]; messages: string[] }> {
  if (statement.kind === 'Select') return explainSelect(text, statement, ctx);
  if (ctx.options.mirror && WRITES.has(statement.kind)) throw new EngineError('READ_ONLY', readOnlyMessage(ctx.options.mirror.label), statement.span);
  if (statement.kind === 'Update' || statement.kind === 'Delete') {
    const table = findTable(statement.table.text);
    const key = (statement.kind === 'Update' ? table?.dml.update?.key : table?.dml.delete?.key) ?? 'Id';
    const read = await explainSelect(text, resolvingSelect(statement, key), ctx);
    return { rows: [...read.rows, ...explainWrite(statement)], messages: read.messages };
  }
  if (statement.kind === 'Insert' && statement.source.kind === 'Select') {
    const read = await explainSelect(text, statement.source.select, ctx);
    return { rows: [...read.rows, ...explainWrite(statement)], messages: read.messages };
  }
  if (statement.kind === 'Call') return explainCall(statement, ctx.params);
  return { rows: explainWrite(statement), messages: [] };
}

/** Said of every read that filters (never of a write or CALL, which filter nothing). */
const LOCAL_FILTERS = 'Every filter is also evaluated locally; pushed filters only reduce what is fetched.';

/** The reads of a SELECT, from Gong or a mirror; a mirror's freshness is read from its state (0 API calls). */
async function explainSelect(text: string, select: A.SelectStatement, ctx: RunContext): Promise<{ rows: SqlValue[][]; messages: string[] }> {
  const planned = queryPlanFor(select, bind(select), ctx, await foldConstants(select, ctx.params, ctx.options)).scans;
  const sources = await scanSources(planned, ctx.options);
  const counting = !ctx.options.explainSendsNothing;
  // A read of one request per user says how many users: counting them may take a request.
  const fannedOut = await costFanOuts(planned, (scan) => counting && sources.of.get(scan.ref)?.kind === 'gong', ctx);
  // Of a join, each paged read says its pages, and the reads keyed by it their keys: counting takes its first page.
  // (One object's run asks after its first page anyway; its EXPLAIN stays free.)
  const fromGong = fannedOut.filter((scan) => sources.of.get(scan.ref)?.kind === 'gong');
  const { scans, firstPages } = await countPages(fannedOut, (scan) => counting && fromGong.length > 1 && fromGong.includes(scan), ctx);
  const mirror = [...sources.of.values()].find((s) => s.kind === 'mirror');
  if (mirror?.kind !== 'mirror') return { rows: explainScans(text, scans, undefined, undefined, firstPages), messages: [...countingMessage(ctx, planned, firstPages), LOCAL_FILTERS] };
  const native = nativeOf(scans, sources, ctx);
  const onFile = native !== undefined && await compilesNatively(native, text, select, scans, ctx);
  const rows = explainScans(text, scans, sources, { native: onFile }, firstPages);
  const counts = await mirror.destination.rowCounts();
  const objects = new Map<string, ScanSource>(scans.map((scan) => [scan.table.name, sources.of.get(scan.ref) as ScanSource]));
  const fresh = [...objects].flatMap(([name, s]) => (s.kind === 'mirror' ? [freshness(name, s.state, counts.get(name), Date.now())] : []));
  const label = mirror.destination.label;
  const where = onFile ? `the statement runs on the SQLite file ${label} itself`
    : native ? `the file's SQLite does not take this statement, so rows come from ${label} and SQLite evaluates it locally`
    : `rows come from ${label} (with the filters that compare alike there) and SQLite evaluates the statement locally`;
  const local = onFile ? [] : [LOCAL_FILTERS];
  return { rows, messages: [...sources.messages, `From the mirror: ${where}; 0 API calls.`, ...fresh, ...local, ...countingMessage(ctx, planned, firstPages)] };
}

/**
 * What EXPLAIN spent counting the rows of the tables a read makes one request per row of
 * (Users for a per-user read) or takes its keys from (Calls for a read by call ids).
 */
function countingMessage(ctx: RunContext, planned: readonly Scan[], firstPages: ReadonlyMap<A.TableRef, unknown>): string[] {
  const spent = ctx.stats.apiCalls;
  if (spent === 0) return [];
  const fanOutSources = planned.flatMap((s) => (s.plan.fanOut && 'from' in s.plan.fanOut ? [s.plan.fanOut.from.table] : []));
  const firstPaged = planned.filter((s) => firstPages.has(s.ref)).map((s) => s.table.name);
  const counted = [...new Set([...fanOutSources, ...firstPaged])];
  return [`Counting ${counted.join(' and ')} took ${spent} API call${spent === 1 ? '' : 's'}: EXPLAIN reads ${counted.length === 1 ? 'its' : 'each one\'s'} first page to know how many requests follow.`];
}

export { EngineError };
