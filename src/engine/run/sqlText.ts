import type { InputValue } from '../../gong/write/values';
import type * as A from '../syntax/ast';
import type { Span } from '../syntax/tokens';
import { statementExprs } from '../syntax/walk';
import { EngineError } from './errors';

export interface Replacement { readonly span: Span; readonly text: string }

/** `text` between `span.start` and `span.end` with the replacements applied. */
export function rewrite(text: string, span: Span, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = span.start;
  for (const r of sorted) {
    if (r.span.start < at) continue;
    out += text.slice(at, r.span.start) + r.text;
    at = r.span.end;
  }
  return out + text.slice(at, span.end);
}

/**
 * Every parameter of a statement becomes `?k`, with its value at k-1 in the list SQLite
 * binds. A parameter without a value is an error naming it.
 */
export function bindParameters(statement: A.Statement, params: ReadonlyMap<string, InputValue>): { replacements: Replacement[]; values: InputValue[] } {
  const replacements: Replacement[] = [];
  const values: InputValue[] = [];
  for (const e of statementExprs(statement)) {
    if (e.kind !== 'Parameter') continue;
    if (!params.has(e.name)) {
      const shown = e.name.startsWith('?') ? `${e.name} (positional)` : `:${e.name}`;
      throw new EngineError('PARAMETER', `Parameter ${shown} has no value`, e.span);
    }
    values.push(params.get(e.name));
    replacements.push({ span: e.span, text: `?${values.length}` });
  }
  return { replacements, values };
}
