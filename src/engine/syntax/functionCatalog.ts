import type { FunctionForm } from './functionForm';
import { SQLITE_FUNCTIONS } from './sqliteFunctions';

export type { FunctionForm } from './functionForm';

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
