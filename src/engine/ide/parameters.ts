import { findProcedure } from '../../gong/catalog';
import { parse } from '../syntax/parser';
import type * as A from '../syntax/ast';
import { statementExprs } from '../syntax/walk';

/** A `:name` (or `$name`, `@name`) parameter of a script, as first written; `binary` when it is a procedure's file argument (media). */
export interface NamedParameter {
  readonly name: string;
  readonly written: string;
  readonly binary: boolean;
}

/** The script's named parameters, each once, in order of first use (positional `?` ones are not named). */
export function namedParameters(text: string): NamedParameter[] {
  const binary = new Set<string>();
  const names = new Map<string, string>(); // name → as first written
  for (const s of parse(text).statements) {
    const call = s.kind === 'Explain' ? s.statement : s;
    if (call.kind === 'Call') markBinary(call, binary);
    for (const e of statementExprs(s)) if (e.kind === 'Parameter' && !e.name.startsWith('?') && !names.has(e.name)) names.set(e.name, e.written);
  }
  return [...names].map(([name, written]) => ({ name, written, binary: binary.has(name) }));
}

function markBinary(call: A.CallStatement, binary: Set<string>): void {
  const procedure = findProcedure(call.name.text);
  call.args.forEach((a, i) => {
    if (a.kind === 'Parameter' && procedure?.params[i]?.type === 'binary') binary.add(a.name);
  });
}
