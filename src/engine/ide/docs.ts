import type { Column, ParamDef, ProcedureDef, TableDef } from '../../gong/catalog/types';
import { scopeOf } from '../../gong/http/scopes';
import type { FunctionDoc } from './functions';

/** Markdown for hover and completion details, from the catalog alone. */
export function tableDoc(t: TableDef): string {
  const filters = t.filters.map((f) => `- \`${f.column} ${f.operators.join(' ')}\`: ${f.description}`);
  const dml = (['insert', 'update', 'delete'] as const).filter((k) => t.dml[k]).map((k) => k.toUpperCase());
  return [
    `**${t.name}** — ${t.description}`,
    filters.length ? `Filters Gong evaluates:\n${filters.join('\n')}` : 'Gong evaluates no filter on it: every filter runs locally.',
    `Statements: SELECT${dml.length ? `, ${dml.join(', ')}` : ' (read-only)'}`,
    ...readScopes(t),
    ...(t.peculiarities.length ? [`Peculiarities:\n${t.peculiarities.map((p) => `- ${p}`).join('\n')}`] : []),
  ].join('\n\n');
}

/** What an app signed in with Gong needs to read the object (any one path, depending on the filters). */
function readScopes(t: TableDef): string[] {
  const byPath = t.reads.map((r) => [scopeOf(`${r.method} ${r.path}`), ...(r.scopes ?? [])].filter((s): s is string => s !== undefined));
  const scopes = [...new Set(byPath.flat())];
  // Several scopes are alternatives when the paths differ, all needed when one path needs them all.
  const label = byPath.some((s) => s.length > 1) ? 'OAuth scopes (all of)' : `OAuth scope${scopes.length > 1 ? 's (by filter)' : ''}`;
  return scopes.length ? [`${label}: ${scopes.map((s) => `\`${s}\``).join(', ')}`] : [];
}

export function columnDoc(t: TableDef, c: Column): string {
  const filter = t.filters.find((f) => f.column === c.name);
  const flags = [c.type, c.key ? 'key' : '', c.insertOnly ? 'insert-only' : '', c.readOnly ? '' : 'writable'].filter(Boolean).join(' · ');
  return [
    `**${t.name}.${c.name}** · ${flags}`,
    c.description,
    ...(filter ? [`Gong evaluates \`${c.name} ${filter.operators.join(' ')}\`: ${filter.description}`] : []),
    ...(c.insertOnly && !c.description.includes('Used only by INSERT') ? ['Used only by INSERT; SELECT returns it empty.'] : []),
  ].join('\n\n');
}

/** A SQLite function's signature and what it does (aggregate or window by SQLite's own list). */
export function functionDoc(f: FunctionDoc): string {
  return `**${f.signature}**\n\n${f.doc}`;
}

export function procedureSignature(p: ProcedureDef): string {
  return `${p.name}(${p.params.map((x) => (x.required ? x.name : `${x.name}?`)).join(', ')})`;
}

export function procedureDoc(p: ProcedureDef): string {
  return [
    `**CALL ${procedureSignature(p)}**`,
    p.description,
    `Parameters:\n${p.params.map((x) => `- \`${x.name}\` (${paramType(x)}${x.required ? '' : ', optional'}): ${x.description}${exampleOf(x)}`).join('\n')}`,
    `Returns one row: ${p.returns.map((r) => r.name).join(', ')}`,
    ...(p.peculiarities.length ? [p.peculiarities.map((x) => `- ${x}`).join('\n')] : []),
  ].join('\n\n');
}

export function paramDoc(p: ProcedureDef, param: ParamDef): string {
  return `**${param.name}** (${paramType(param)}${param.required ? ', required' : ', optional'}) — parameter ${p.params.indexOf(param) + 1} of ${p.name}\n\n${param.description}${exampleOf(param)}`;
}

function paramType(param: ParamDef): string {
  return param.type === 'enum' ? `one of ${param.values?.join(', ')}` : param.type === 'binary' ? 'file path' : param.type;
}

/** A JSON parameter's format, shown by the catalog's one example of it (quoted as in SQL). */
export function exampleOf(param: ParamDef): string {
  return param.example === undefined ? '' : ` Example: \`'${param.example}'\``;
}
