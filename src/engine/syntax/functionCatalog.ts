import { SQLITE_FUNCTIONS } from './sqliteFunctions';

/**
 * One way to call a function, as SQLite's `pragma_function_list` reports it: the syntax
 * layer learns which calls aggregate from SQLite itself (through the generated table in
 * sqliteFunctions.ts), never from a hand list.
 */
export interface FunctionForm {
  readonly name: string;
  /** s: scalar, a: aggregate, w: aggregate that can also take OVER, or a window function. */
  readonly type: 's' | 'a' | 'w';
  /** The argument count it takes; negative: a variable count. */
  readonly narg: number;
  /** A window function proper (row_number, lag…): SQLite refuses it without OVER. */
  readonly windowOnly?: true;
}

const byName = new Map<string, FunctionForm[]>();
for (const form of SQLITE_FUNCTIONS) byName.set(form.name, [...(byName.get(form.name) ?? []), form]);

/** The form SQLite picks for this name and argument count: an exact count first, then a variable one. */
export function functionForm(name: string, argCount: number): FunctionForm | undefined {
  const forms = byName.get(name.toLowerCase()) ?? [];
  return forms.find((f) => f.narg === argCount) ?? forms.find((f) => f.narg < 0);
}

/** Every function SQLite knows with all its forms, by name. */
export function functionForms(): ReadonlyMap<string, readonly FunctionForm[]> {
  return byName;
}

/** What a name is, for the editor: an aggregate if any form aggregates, a window function if it only windows. */
export function functionKind(name: string): 'scalar' | 'aggregate' | 'window' | undefined {
  const forms = byName.get(name.toLowerCase());
  if (!forms) return undefined;
  if (forms.some((f) => f.windowOnly)) return 'window';
  return forms.some((f) => f.type !== 's') ? 'aggregate' : 'scalar';
}
