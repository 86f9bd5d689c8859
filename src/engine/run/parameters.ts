import type { InputValue } from '../../gong/write/values';
import type * as A from '../syntax/ast';
import { EngineError } from './errors';

/**
 * The values a statement's parameters are bound to in SQLite. Each distinct parameter gets
 * one numbered placeholder `?N`, its value at N-1 in `values`, whatever order it is printed in.
 */
export class BoundParameters {
  readonly values: InputValue[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(private readonly params: ReadonlyMap<string, InputValue>) {}

  /** The placeholder for a parameter; a parameter without a value is an error naming it. */
  placeholder(e: A.ParameterExpr): A.ParameterExpr {
    let n = this.numbers.get(e.name);
    if (n === undefined) {
      this.values.push(valueOf(e, this.params));
      n = this.values.length;
      this.numbers.set(e.name, n);
    }
    return { ...e, name: `?${n}`, written: `?${n}` };
  }
}

/** A parameter's value; an error naming the parameter when none was given. */
export function valueOf(e: A.ParameterExpr, params: ReadonlyMap<string, InputValue>): InputValue {
  if (!params.has(e.name)) {
    throw new EngineError('PARAMETER', `Parameter ${shownName(e)} has no value`, e.span);
  }
  return params.get(e.name);
}

/** A parameter as the user wrote it; a bare `?` with its place, since several may be written. */
export function shownName(e: A.ParameterExpr): string {
  return e.written === '?' ? `? (the ${ordinal(Number(e.name.slice(1)))} ?)` : e.written;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
