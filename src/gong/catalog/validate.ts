import { ENDPOINT_SCOPES } from '../http/scopes';
import { findColumn, findTable, procedures, tables } from './index';
import { checkValue } from '../write/values';
import type { ParamDef, TableDef } from './types';

/** Every inconsistency in the catalog, so a unit test can assert there are none. */
export function validateCatalog(): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    if (seen.has(table.name.toLowerCase())) problems.push(`${table.name}: defined twice`);
    seen.add(table.name.toLowerCase());
    problems.push(...validateTable(table));
  }
  for (const proc of procedures) {
    const names = proc.params.map((p) => p.name);
    if (new Set(names).size !== names.length) problems.push(`${proc.name}: a parameter is listed twice`);
    const firstOptional = proc.params.findIndex((p) => !p.required);
    if (firstOptional >= 0 && proc.params.slice(firstOptional).some((p) => p.required)) problems.push(`${proc.name}: a required parameter follows an optional one`);
    if (findTable(proc.name)) problems.push(`${proc.name}: a procedure and a table share the name`);
    problems.push(...proc.params.flatMap((p) => validateExample(proc.name, p)));
  }
  for (const table of tables) {
    const params = [...(table.dml.insert?.params ?? []), ...(table.dml.update?.params ?? [])];
    problems.push(...params.flatMap((p) => validateExample(table.name, p)));
  }
  return problems;
}

/** A JSON parameter shows one example everywhere (docs and errors): it must be there, and be accepted. */
function validateExample(owner: string, param: ParamDef): string[] {
  if (param.type !== 'jsonArray' && param.type !== 'jsonObject') return param.example === undefined ? [] : [`${owner}.${param.name}: an example on a non-JSON parameter`];
  if (param.example === undefined) return [`${owner}.${param.name}: a JSON parameter without an example`];
  const checked = checkValue(param, param.example);
  return checked.ok ? [] : [`${owner}.${param.name}: its example ${checked.message}`];
}

function validateTable(table: TableDef): string[] {
  const problems: string[] = [];
  const where = (what: string) => `${table.name}: ${what}`;
  const names = table.columns.map((c) => c.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(where('a column is listed twice'));
  if (!table.columns.some((c) => c.key)) problems.push(where('no key column'));
  if (table.reads.length === 0) problems.push(where('no read path'));
  for (const c of table.columns) {
    if (!c.insertOnly && c.source === undefined) problems.push(where(`${c.name} has no source`));
    if (c.insertOnly && !table.dml.insert) problems.push(where(`${c.name} is insert-only but the table takes no INSERT`));
  }
  for (const f of table.filters) {
    if (!findColumn(table, f.column)) problems.push(where(`filter on unknown column ${f.column}`));
    const served = table.reads.some((r) => r.bindings.some((b) => b.column === f.column));
    if (!served) problems.push(where(`filter ${f.column} reaches no read path`));
  }
  for (const r of table.reads) {
    if (!(`${r.method} ${r.path}` in ENDPOINT_SCOPES)) problems.push(where(`${r.name} reads ${r.method} ${r.path}, which has no entry in ENDPOINT_SCOPES`));
    for (const b of r.bindings) if (!findColumn(table, b.column)) problems.push(where(`${r.name} binds unknown column ${b.column}`));
    for (const c of r.requires) {
      if (!r.bindings.some((b) => b.column === c)) problems.push(where(`${r.name} requires ${c} but has no binding for it`));
    }
    if (r.fanOut && 'from' in r.fanOut) {
      const source = findTable(r.fanOut.from.table);
      if (!source || !findColumn(source, r.fanOut.from.column)) problems.push(where(`${r.name} fans out over unknown ${r.fanOut.from.table}.${r.fanOut.from.column}`));
    }
    const unfilled = r.requires.filter((c) => r.fanOut?.column !== c);
    // A filter Gong always requires (a lookup by email) is legal; such a table cannot be mirrored.
    if (unfilled.length > 0 && table.mirror.kind !== 'none' && !table.reads.some((other) => other.requires.length === 0 || other.fanOut)) {
      problems.push(where(`${r.name} needs ${unfilled.join(', ')} and no other path reads the table without it`));
    }
  }
  for (const [kind, spec] of Object.entries(table.dml)) {
    for (const p of (spec as { params?: { name: string }[] }).params ?? []) {
      if (!findColumn(table, p.name)) problems.push(where(`${kind} parameter ${p.name} is not a column`));
    }
    const key = (spec as { key?: string }).key;
    if (key !== undefined && !findColumn(table, key)) problems.push(where(`${kind} key ${key} is not a column`));
  }
  problems.push(...validateMirror(table).map(where));
  return problems;
}

/** A mirror policy names a column Gong can filter the way the policy reads it. */
function validateMirror(table: TableDef): string[] {
  const policy = table.mirror;
  const routed = (column: string, kind: 'range' | 'list') => table.reads.some((r) => r.bindings.some((b) => b.column === column && b.kind === kind));
  switch (policy.kind) {
    case 'window':
    case 'createdSince':
      return routed(policy.cursor, 'range') ? [] : [`mirror cursor ${policy.cursor} has no range filter`];
    case 'perCall':
      return routed(policy.callKey, 'list') ? [] : [`mirror call key ${policy.callKey} has no list filter`];
    default:
      return [];
  }
}
