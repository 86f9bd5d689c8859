import { findProcedure, findTable } from '../../gong/catalog';
import type { SqlValue, TableDef } from '../../gong/catalog/types';
import { GongError } from '../../gong/http/errors';
import { callProcedure, deleteRows, insertRows, updateRows, type RowOutcome, type WriteOptions } from '../../gong/write/writer';
import type { InputValue } from '../../gong/write/values';
import { bind, constantValue } from '../bind/binder';
import { LocalDatabase } from '../eval/local';
import type * as A from '../syntax/ast';
import type { Span } from '../syntax/tokens';
import { confirmed, everyRow, gongClient, NotConfirmed, type RunContext } from './context';
import { EngineError } from './errors';
import type { ResultColumn, StatementResult } from './result';
import { confirmCalls, runSelect } from './select';
import { localSql, valueSelect } from './localSql';
import { valueOf } from './parameters';

export interface DmlOutput { columns: ResultColumn[]; rows: SqlValue[][]; messages: string[]; outcomes?: StatementResult['outcomes'] }

/** INSERT … VALUES or INSERT … SELECT: values are computed locally, then one request per row. */
export async function runInsert(text: string, s: A.InsertStatement, ctx: RunContext): Promise<DmlOutput> {
  const table = tableOf(s.table);
  const columns = s.columns.map((c) => c.text);
  let rows: InputValue[][];
  if (s.source.kind === 'Values') {
    rows = [];
    for (const row of s.source.rows) rows.push(await Promise.all(row.map((e) => evaluate(e, ctx))));
  } else if (s.source.kind === 'Select') {
    const select = s.source.select;
    const output = await runSelect(text, select, bind(select), readingGong(ctx), false);
    rows = output.rows;
  } else {
    throw new EngineError('SYNTAX', 'INSERT needs VALUES or SELECT', s.span);
  }
  const named = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
  await confirmWrites(named.length, ctx);
  const outcomes = await insertRows(gongClient(ctx.options), table, named, writeOptions(ctx));
  return outcomeResult(table, outcomes, 'inserted');
}

/** UPDATE/DELETE resolve their rows locally first (pushdown applies), then one request per row. */
export async function runUpdateOrDelete(text: string, s: A.UpdateStatement | A.DeleteStatement, ctx: RunContext): Promise<DmlOutput> {
  const table = tableOf(s.table);
  const spec = s.kind === 'Update' ? table.dml.update : table.dml.delete;
  if (!spec) throw new EngineError('UNSUPPORTED', `${table.name} does not support ${s.kind.toUpperCase()}`, s.table.span);
  const sets = s.kind === 'Update' ? s.sets : [];
  const select = resolvingSelect(s, spec.key);
  const matched = await runSelect(text, select, bind(select), readingGong(ctx), false);
  const unfiltered = { kind: 'unfilteredWrite', statement: s.kind === 'Update' ? 'UPDATE' : 'DELETE', table: table.name, rows: matched.rows.length } as const;
  if (!s.where && !(await confirmed(ctx, unfiltered))) {
    throw new NotConfirmed(unfiltered, `${unfiltered.statement} without WHERE would change ${everyRow(unfiltered.rows)} of ${table.name}; not run without confirmation.`, s.span);
  }
  const keys = matched.rows.map((r) => String(r[0]));
  await confirmWrites(keys.length, ctx);
  let outcomes: RowOutcome[];
  if (s.kind === 'Delete') {
    outcomes = await deleteRows(gongClient(ctx.options), table, keys, writeOptions(ctx));
  } else {
    outcomes = [];
    // Each row may get its own values (SET x = f(column)), so each is its own request.
    for (const [i, row] of matched.rows.entries()) {
      const changes = Object.fromEntries(sets.map((set, j) => [set.column.text, row[j + 1] as InputValue]));
      const [outcome] = outcomes.some((o) => o.status !== 'ok')
        ? [{ index: 0, status: 'skipped' as const }]
        : await updateRows(gongClient(ctx.options), table, [keys[i] as string], changes, writeOptions(ctx));
      outcomes.push({ ...(outcome as RowOutcome), index: i });
    }
  }
  return outcomeResult(table, outcomes, s.kind === 'Update' ? 'updated' : 'deleted', keys, spec.key);
}

/** CALL: arguments computed locally, validated by the connector, the procedure's one-row result. */
export async function runCall(text: string, s: A.CallStatement, ctx: RunContext): Promise<DmlOutput> {
  const procedure = findProcedure(s.name.text);
  if (!procedure) throw new EngineError('BIND', `Unknown procedure ${s.name.text}`, s.name.span);
  const args = await Promise.all(s.args.map((e) => evaluate(e, ctx)));
  try {
    const confirmIrreversible = async (action: string) => {
      const request = { kind: 'irreversibleCall', procedure: procedure.name, action } as const;
      if (await confirmed(ctx, request)) return true;
      throw new NotConfirmed(request, `${procedure.name} would ${action}, which cannot be undone; not run without confirmation.`, s.span);
    };
    const row = await callProcedure(gongClient(ctx.options), procedure, args, { ...writeOptions(ctx), confirmIrreversible });
    const columns = procedure.returns.map((r) => ({ name: r.name, type: 'text' as const }));
    return { columns, rows: [procedure.returns.map((r) => row[r.name] ?? null)], messages: [`${procedure.name} done`] };
  } catch (error) {
    if (error instanceof GongError && error.code === 'VALIDATION' && error.parameter) {
      const i = procedure.params.findIndex((p) => p.name === error.parameter);
      throw new EngineError('PARAMETER', error.message, s.args[i]?.span ?? s.argsSpan);
    }
    throw error;
  }
}

/**
 * Writes are API calls like reads, asked about once the rows are known and before the first is
 * sent (what the statement read to find them counted in): a write stopped part-way by a limit
 * would leave Gong half-changed.
 */
async function confirmWrites(rows: number, ctx: RunContext): Promise<void> {
  if (rows > 0) await confirmCalls(ctx.stats.apiCalls + rows, ctx, `${rows} write request${rows === 1 ? '' : 's'}, one per row`);
}

/** How a write is sent: cancellable, and every request it sends counted in the statement's API calls. */
function writeOptions(ctx: RunContext): WriteOptions {
  return { signal: ctx.options.signal, onRequest: () => { ctx.stats.apiCalls++; } };
}

/**
 * A write's own reads (the rows an UPDATE/DELETE changes, the values INSERT … SELECT sends)
 * go to Gong even when the connection may answer reads from its mirror: a mirror is as old as
 * its last sync, and a write decided on rows Gong no longer has, or without rows it has since,
 * would change the wrong rows.
 */
function readingGong(ctx: RunContext): RunContext {
  if (!ctx.options.answerFromMirror) return ctx;
  return { ...ctx, options: { ...ctx.options, answerFromMirror: undefined } };
}

/**
 * The SELECT that finds the rows an UPDATE or DELETE touches: the key, the new values, the
 * same FROM and WHERE. It is built as a tree from the statement's own nodes and runs like any
 * query, so its filters reach Gong.
 */
export function resolvingSelect(s: A.UpdateStatement | A.DeleteStatement, key: string): A.SelectStatement {
  const sets = s.kind === 'Update' ? s.sets : [];
  const named = (text: string, span: Span): A.Name => ({ text, quoted: true, span });
  const target = { start: s.table.span.start, end: (s.alias ?? s.table).span.end };
  const keyColumn: A.ColumnRef = { kind: 'Column', span: s.table.span, table: s.alias, name: named(key, s.table.span) };
  const columns: A.SelectItem[] = [
    { span: s.table.span, expr: keyColumn, alias: named('__key', s.table.span) },
    ...sets.map((set, i) => ({ span: set.value.span, expr: set.value, alias: named(`__set${i}`, set.value.span) })),
  ];
  const from: A.TableRef = { kind: 'Table', span: target, schema: s.schema, name: s.table, alias: s.alias };
  return { kind: 'Select', span: s.span, orderBy: [], body: { kind: 'Core', span: s.span, distinct: false, columns, from, where: s.where, groupBy: [], windows: [] } };
}

function tableOf(name: A.Name): TableDef {
  const table = findTable(name.text);
  if (!table) throw new EngineError('BIND', `Unknown object ${name.text}`, name.span);
  return table;
}

/** A value expression: constants keep big integers exact; anything else is computed by SQLite. */
async function evaluate(e: A.Expr, ctx: RunContext): Promise<InputValue> {
  const constant = constantValue(e);
  if (constant !== undefined) return constant;
  if (e.kind === 'Parameter') return valueOf(e, ctx.params);
  const { sql, values } = localSql(valueSelect(e), { tables: new Map(), params: ctx.params });
  const db = LocalDatabase.open(ctx.options);
  try {
    let value: InputValue = null;
    await db.query(sql, values, () => undefined, (rows) => { value = rows[0]?.[0] ?? null; });
    return value;
  } finally {
    await db.close();
  }
}

function outcomeResult(table: TableDef, outcomes: RowOutcome[], verb: string, keys?: string[], keyName?: string): DmlOutput {
  const keyColumns = keyName ? [keyName] : [...new Set(outcomes.flatMap((o) => (o.status === 'ok' ? Object.keys(o.key) : [])))];
  const columns: ResultColumn[] = [
    { name: 'Row', type: 'integer' },
    { name: 'Status', type: 'text' },
    ...keyColumns.map((name) => ({ name, type: 'text' as const })),
    { name: 'RequestId', type: 'text' },
    { name: 'Error', type: 'text' },
  ];
  const rows = outcomes.map((o): SqlValue[] => [
    o.index + 1,
    o.status,
    ...keyColumns.map((k) => (o.status === 'ok' ? o.key[k] ?? null : keys?.[o.index] ?? null)),
    requestIdOf(o) ?? null,
    o.status === 'failed' ? o.error.message : o.status === 'unknown' ? `${o.error.message} ${o.check}` : null,
  ]);
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const there = outcomes.flatMap((o) => (o.status === 'exists' ? [o] : []));
  const stopped = outcomes.find((o) => o.status === 'failed' || o.status === 'unknown');
  const messages = [`${ok} of ${outcomes.length} row${outcomes.length === 1 ? '' : 's'} ${verb} in ${table.name}${there.length > 0 ? `; ${there.length} already in Gong` : ''}${stopped?.status === 'unknown' ? `; row ${stopped.index + 1}: outcome unknown` : ''}`];
  for (const o of there) messages.push(`Row ${o.index + 1}: ${o.said}`);
  if (stopped?.status === 'failed') messages.push(`Row ${stopped.index + 1} failed: ${stopped.error.message}; the rows after it were not sent.`);
  if (stopped?.status === 'unknown') messages.push(`Row ${stopped.index + 1}: ${stopped.error.message} ${stopped.check} The rows after it were not sent.`);
  return { columns, rows, messages, outcomes: countOutcomes(outcomes) };
}

/** Gong's requestId for the row, for Gong support: from its answer, its refusal or its error. */
function requestIdOf(o: RowOutcome): string | undefined {
  switch (o.status) {
    case 'ok': return o.requestId;
    case 'exists': return o.refusal.requestId;
    case 'failed':
    case 'unknown': return o.error.requestId;
    case 'skipped': return undefined;
  }
}

function countOutcomes(outcomes: readonly RowOutcome[]): NonNullable<StatementResult['outcomes']> {
  const counts = { ok: 0, exists: 0, failed: 0, unknown: 0, skipped: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}
