import { findProcedure } from '../../gong/catalog';
import { parse } from '../syntax/parser';
import type * as A from '../syntax/ast';
import { statementExprs } from '../syntax/walk';

/** A `:name` (or `$name`, `@name`) parameter of a script, as first written; `binary` when it is a procedure's file argument (media). */
export interface NamedParameter {
  readonly name: string;
  readonly written: string;
  readonly binary: boolean;
  /** An argument of a procedure that erases (irreversible: an email, a phone number): its value is never remembered nor recorded. */
  readonly erased: boolean;
}

/** The script's named parameters, each once, in order of first use (positional `?` ones are not named). */
export function namedParameters(text: string): NamedParameter[] {
  const binary = new Set<string>();
  const erased = new Set<string>();
  const names = new Map<string, string>(); // name → as first written
  for (const s of parse(text).statements) {
    const call = s.kind === 'Explain' ? s.statement : s;
    if (call.kind === 'Call') markCallArguments(call, binary, erased);
    for (const e of statementExprs(s)) if (e.kind === 'Parameter' && !e.name.startsWith('?') && !names.has(e.name)) names.set(e.name, e.written);
  }
  return [...names].map(([name, written]) => ({ name, written, binary: binary.has(name), erased: erased.has(name) }));
}

/** The names of the script's parameters passed to a procedure that erases data: never kept anywhere, like a secret. */
export function erasedParameterNames(text: string): Set<string> {
  return new Set(namedParameters(text).filter((p) => p.erased).map((p) => p.name));
}

function markCallArguments(call: A.CallStatement, binary: Set<string>, erased: Set<string>): void {
  const procedure = findProcedure(call.name.text);
  call.args.forEach((a, i) => {
    if (a.kind !== 'Parameter') return;
    if (procedure?.params[i]?.type === 'binary') binary.add(a.name);
    if (procedure?.irreversible) erased.add(a.name);
  });
}
