import { findColumn, supportedStatements } from '../catalog';
import type { DmlKind, ProcedureDef, SqlValue, TableDef, WriteRequest } from '../catalog/types';
import type { ClientEvent, GongClient } from '../http/client';
import { GongError } from '../http/errors';
import { normalizeArgs, type InputValue } from './values';

/** What happened to one row of a DML statement. */
export type RowOutcome =
  | { index: number; status: 'ok'; key: Record<string, SqlValue>; requestId?: string }
  | { index: number; status: 'failed'; error: GongError }
  /** Sent, then no answer: Gong may have written it. `check` says how to find out. */
  | { index: number; status: 'unknown'; error: GongError; check: string }
  /**
   * An INSERT Gong refused because it already has the row (its dedupe key, a call's
   * ClientUniqueId, was used before): nothing missing, nothing written twice. `refusal` is
   * Gong's answer (its requestId); `said` explains it. Gong's answer does not carry the
   * existing row's key, so there is none.
   */
  | { index: number; status: 'exists'; refusal: GongError; said: string }
  | { index: number; status: 'skipped' };

export type RowStatus = RowOutcome['status'];

export interface WriteOptions {
  signal?: AbortSignal;
  /**
   * Asked before an irreversible procedure sends anything, with what it will do; only `true`
   * lets it run. Absent means no: such a procedure then never reaches Gong.
   */
  confirmIrreversible?: (action: string) => Promise<boolean>;
  /** After each request sent to Gong (retries too, refused ones too): a write costs the daily quota like a read. */
  onRequest?: () => void;
}

function sender(client: GongClient, options: WriteOptions) {
  return async (request: WriteRequest) => {
    const onEvent = (e: ClientEvent) => { if (e.type === 'request') options.onRequest?.(); };
    const response = await client.request({ ...request, signal: options.signal, idempotent: false, onEvent });
    return response.body ?? {};
  };
}

function unsupported(table: TableDef, kind: DmlKind): GongError {
  return new GongError('VALIDATION', `${table.name} does not support ${kind}; it supports ${supportedStatements(table)}.`, { parameter: table.name });
}

/**
 * Runs a procedure with positional arguments, as `CALL Name(a, b, …)` gives them. Every
 * argument is validated before the first request.
 */
export async function callProcedure(client: GongClient, procedure: ProcedureDef, args: readonly InputValue[], options: WriteOptions = {}): Promise<Record<string, SqlValue>> {
  if (args.length > procedure.params.length) {
    throw new GongError('VALIDATION', `${procedure.name} takes at most ${procedure.params.length} arguments, got ${args.length}. Nothing was sent to Gong.`, { parameter: procedure.name });
  }
  const named = Object.fromEntries(args.map((v, i) => [procedure.params[i]?.name as string, v]));
  const values = await normalizeArgs(procedure.params, named, procedure.name);
  if (procedure.irreversible) {
    const action = procedure.irreversible(values);
    if ((await options.confirmIrreversible?.(action)) !== true) {
      throw new GongError('VALIDATION', `${procedure.name} was not confirmed: it would ${action}, which cannot be undone. Nothing was sent to Gong.`, { parameter: procedure.name });
    }
  }
  return procedure.run(values, sender(client, options));
}

/**
 * INSERT: all rows are validated first (a bad row means nothing is sent); then one request
 * per row, stopping at the first failure so the outcome says exactly what was written.
 */
export async function insertRows(client: GongClient, table: TableDef, rows: readonly Readonly<Record<string, InputValue>>[], options: WriteOptions = {}): Promise<RowOutcome[]> {
  const insert = table.dml.insert;
  if (!insert) throw unsupported(table, 'INSERT');
  const prepared = [];
  for (const [i, row] of rows.entries()) {
    try {
      prepared.push(await normalizeArgs(insert.params, canonicalColumns(table, row), `${table.name} row ${i + 1}`));
    } catch (error) {
      throw readOnlyHint(table, row, error);
    }
  }
  const how = insert.afterUnknown;
  return runEach(prepared, async (values) => {
    const reply = await sender(client, options)(insert.request(values));
    return { key: insert.result(reply), requestId: reply.requestId as string | undefined };
  }, (values) => insertCheck(table, how, values), options, 'dedupeKey' in how ? (values, error) => alreadyThere(table, how.dedupeKey, values, error) : undefined);
}

/** UPDATE of rows the engine already resolved locally, by key. */
export async function updateRows(client: GongClient, table: TableDef, keys: readonly string[], changes: Readonly<Record<string, InputValue>>, options: WriteOptions = {}): Promise<RowOutcome[]> {
  const update = table.dml.update;
  if (!update) throw unsupported(table, 'UPDATE');
  const values = await normalizeArgs(update.params, canonicalColumns(table, changes), `UPDATE ${table.name}`).catch((e) => { throw readOnlyHint(table, changes, e); });
  return runEach(keys, async (key) => {
    const reply = await sender(client, options)(update.request(key, values));
    return { key: { [update.key]: key }, requestId: reply.requestId as string | undefined };
  }, (key) => `To check: ${selectWhere(table, { [update.key]: key })}; running the UPDATE again sets the same values.`, options);
}

export async function deleteRows(client: GongClient, table: TableDef, keys: readonly string[], options: WriteOptions = {}): Promise<RowOutcome[]> {
  const del = table.dml.delete;
  if (!del) throw unsupported(table, 'DELETE');
  return runEach(keys, async (key) => {
    const reply = await sender(client, options)(del.request(key));
    return { key: { [del.key]: key }, requestId: reply.requestId as string | undefined };
  }, (key) => `To check: ${selectWhere(table, { [del.key]: key })} (no row: it was deleted).`, options);
}

/**
 * One request per item, in order, stopping at the first row that failed or whose outcome is
 * unknown (the rows after it are skipped, so the outcome says exactly what may be written).
 * `check` tells how to find out whether an item with an unknown outcome was written;
 * `exists` recognises Gong's refusal of an item it already has (the rerun after an unknown
 * outcome): that row is reported as such and the next one is sent.
 */
async function runEach<T>(items: readonly T[], run: (item: T) => Promise<{ key: Record<string, SqlValue>; requestId?: string }>, check: (item: T) => string, options: WriteOptions, exists?: (item: T, error: GongError) => string | undefined): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  let stopped = false;
  for (const [index, item] of items.entries()) {
    if (stopped || options.signal?.aborted) {
      outcomes.push({ index, status: 'skipped' });
      continue;
    }
    try {
      outcomes.push({ index, status: 'ok', ...(await run(item)) });
    } catch (error) {
      if (!(error instanceof GongError)) throw error;
      const said = exists?.(item, error);
      if (said !== undefined) {
        outcomes.push({ index, status: 'exists', refusal: error, said });
        continue;
      }
      outcomes.push(error.outcomeUnknown ? { index, status: 'unknown', error, check: check(item) } : { index, status: 'failed', error });
      stopped = true;
    }
  }
  return outcomes;
}

/** How to find out whether an inserted row whose outcome is unknown was written. */
function insertCheck(table: TableDef, how: NonNullable<TableDef['dml']['insert']>['afterUnknown'], values: Readonly<Record<string, unknown>>): string {
  if ('dedupeKey' in how) {
    const key = how.dedupeKey;
    return `To check, run the statement again: Gong refuses a second ${table.name} row with ${key} ${sqlText(values[key])}, so it cannot be written twice; a row Gong already has shows as exists, and the rows it lacks are written.`;
  }
  return `To check: ${selectWhere(table, Object.fromEntries(how.findBy.map((c) => [c, values[c]])))}.`;
}

/**
 * Whether Gong refused an inserted row because it already has one with the same dedupe key,
 * and if so what to tell the user. Gong answers 409 for more than that (on POST /v2/calls
 * also "recording is not enabled for the primary user", reference §3.3), and its error bodies
 * carry only text, so a 409 counts as "already there" only when Gong's errors name the key
 * (clientUniqueId, in any spelling). Any other refusal stays a failure that stops the run:
 * calling a row written that was not would lose it.
 */
function alreadyThere(table: TableDef, key: string, values: Readonly<Record<string, unknown>>, error: GongError): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (error.status !== 409 || !error.gongErrors?.some((e) => squash(e).includes(squash(key)))) return undefined;
  return `already in Gong (Gong refused a second ${table.name} row with ${key} ${sqlText(values[key])}, 409), so it was not written again; Gong's answer does not say the existing row's id.`;
}

/** `SELECT * FROM T WHERE A = 'x' AND B = 'y'`: the statement that finds one written row. */
function selectWhere(table: TableDef, values: Readonly<Record<string, unknown>>): string {
  const conditions = Object.entries(values).map(([column, value]) => `${column} = ${sqlText(value)}`);
  return `SELECT * FROM ${table.name} WHERE ${conditions.join(' AND ')}`;
}

/** A value as a SQL string literal (ids and names are text in gongsql's tables). */
function sqlText(value: unknown): string {
  return `'${String(value ?? '').replace(/'/g, "''")}'`;
}

/** Column names are case-insensitive in SQL; parameters use the catalog's spelling. */
function canonicalColumns(table: TableDef, row: Readonly<Record<string, InputValue>>): Record<string, InputValue> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [findColumn(table, k)?.name ?? k, v]));
}

/** A read-only column in DML deserves a clearer word than "not a parameter". */
function readOnlyHint(table: TableDef, row: Readonly<Record<string, InputValue>>, error: unknown): unknown {
  if (!(error instanceof GongError)) return error;
  const readOnly = Object.keys(row).map((k) => findColumn(table, k)).filter((c) => c?.readOnly).map((c) => c?.name);
  if (readOnly.length === 0) return error;
  return new GongError('VALIDATION', `${error.message} (${readOnly.join(', ')} ${readOnly.length === 1 ? 'is' : 'are'} read-only in ${table.name})`, { parameter: readOnly[0] });
}
