import { isSecretName } from '../history/entry';

/**
 * A notebook's named parameter sets (saved in the .gongsqlnb file, not in its cells): each set
 * gives `:name` parameters their values, and the active one is what cells run with. A value
 * whose name says secret, token, key or password is never put in a set: the file is shared.
 */
export interface ParameterSets {
  readonly active?: string;
  readonly sets: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const NO_SETS: ParameterSets = { sets: {} };

/** The sets as read from a file; anything that is not a name → { name: text } map is left out. */
export function readParameterSets(raw: unknown): ParameterSets {
  if (!isObject(raw) || !isObject(raw.sets)) return NO_SETS;
  const sets: Record<string, Record<string, string>> = {};
  for (const [set, values] of Object.entries(raw.sets)) {
    if (!isObject(values)) continue;
    sets[set] = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && !isSecretName(e[0])));
  }
  const active = typeof raw.active === 'string' && raw.active in sets ? raw.active : undefined;
  return { ...(active ? { active } : {}), sets };
}

/** Whether there is anything to save (a notebook without sets is saved as before). */
export function hasParameterSets(sets: ParameterSets): boolean {
  return Object.keys(sets.sets).length > 0;
}

/** The values of the active set. */
export function activeValues(sets: ParameterSets): Readonly<Record<string, string>> {
  return (sets.active && sets.sets[sets.active]) || {};
}

/** The sets with `values` added to the active one (made, named `name`, when none is active); secret-named values are not added. */
export function withValues(sets: ParameterSets, values: Readonly<Record<string, string>>, name = 'Default'): ParameterSets {
  const active = sets.active ?? name;
  const kept = Object.fromEntries(Object.entries(values).filter(([n]) => !isSecretName(n)));
  return { active, sets: { ...sets.sets, [active]: { ...sets.sets[active], ...kept } } };
}

/** The sets with `name` active (made empty when new). */
export function withActive(sets: ParameterSets, name: string): ParameterSets {
  return { active: name, sets: { ...sets.sets, [name]: sets.sets[name] ?? {} } };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
