import { findProcedure, findTable, procedures, supportedStatements, tables } from '../gong/catalog';
import type { ProcedureDef, TableDef } from '../gong/catalog/types';
import { didYouMean } from '../engine/bind/suggest';
import { procedureSignature } from '../engine/ide/docs';

/**
 * What list_objects and describe_object tell an agent, from the catalog alone (0 API calls).
 * Plain data: each front end sends it as JSON.
 */

/** The objects a connection can query: on a mirror (`synced`: the objects its state names), only those synced into it. */
export function listObjects(synced?: ReadonlySet<string>): Record<string, unknown> {
  const onMirror = synced !== undefined;
  const queryable = tables.filter((t) => !synced || synced.has(t.name));
  return {
    objects: queryable.map((t) => ({
      name: t.name,
      group: t.group,
      description: t.description,
      gongFilters: t.filters.map((f) => `${f.column} ${f.operators.join(' ')}`),
      statements: supportedStatements(t),
    })),
    ...(onMirror ? {} : { procedures: procedures.map((p) => ({ call: `CALL ${procedureSignature(p)}`, description: p.description })) }),
    note: onMirror
      ? 'This connection is a mirror: the objects synced into it are read at 0 API calls, and it is read-only. Others need gongsql sync --objects NAME first.'
      : 'Filters Gong evaluates (gongFilters) cut the API calls a query needs; other WHERE conditions are evaluated locally after reading. describe_object gives the columns.',
  };
}

export type Described = { found: true; facts: Record<string, unknown> } | { found: false; message: string };

export function describeObject(name: string): Described {
  const table = findTable(name);
  if (table) return { found: true, facts: tableFacts(table) };
  const procedure = findProcedure(name.replace(/^call\s+/i, ''));
  if (procedure) return { found: true, facts: procedureFacts(procedure) };
  const suggestion = didYouMean(name, [...tables.map((t) => t.name), ...procedures.map((p) => p.name)]);
  return { found: false, message: `Unknown object or procedure ${name}.${suggestion ? ` Did you mean ${suggestion}?` : ''} list_objects names them all.` };
}

function tableFacts(t: TableDef): Record<string, unknown> {
  return {
    object: t.name,
    group: t.group,
    description: t.description,
    columns: t.columns.filter((c) => !c.insertOnly).map((c) => ({ name: c.name, type: c.type, ...(c.key ? { key: true } : {}), description: c.description })),
    gongFilters: t.filters.map((f) => ({ filter: `${f.column} ${f.operators.join(' ')}`, description: f.description })),
    reads: [...new Set(t.reads.map((r) => `${r.method} ${r.path}${r.paging === 'none' ? '' : ' (100 records per API call)'}`))],
    statements: supportedStatements(t),
    ...(t.peculiarities.length ? { peculiarities: t.peculiarities } : {}),
    example: exampleQuery(t),
  };
}

function procedureFacts(p: ProcedureDef): Record<string, unknown> {
  return {
    procedure: p.name,
    description: p.description,
    call: `CALL ${procedureSignature(p)}`,
    params: p.params.map((x) => ({ name: x.name, type: x.type, required: x.required, description: x.description, ...(x.values ? { values: x.values } : {}), ...(x.example ? { example: x.example } : {}) })),
    returns: p.returns.map((r) => r.name),
    ...(p.irreversible ? { irreversible: 'It cannot be undone; agents are never allowed to run it.' } : {}),
    ...(p.peculiarities.length ? { peculiarities: p.peculiarities } : {}),
  };
}

/** A first query to adapt: a few columns, filtered where Gong filters (by a recent day, or a parameter). */
function exampleQuery(t: TableDef): string {
  const shown = t.columns.filter((c) => !c.insertOnly && c.type !== 'json').slice(0, 5).map((c) => c.name);
  // A recent window is the filter that most often keeps a read cheap; else a value to fill in.
  const byDay = t.filters.find((f) => f.operators.includes('>=') && t.columns.find((c) => c.name === f.column)?.type === 'datetime');
  const byValue = t.filters.find((f) => f.operators.includes('='));
  const where = byDay ? ` WHERE ${byDay.column} >= '${daysAgo(7)}'` : byValue ? ` WHERE ${byValue.column} = :${byValue.column}` : '';
  return `SELECT ${shown.join(', ')} FROM ${t.name}${where} LIMIT 20`;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
