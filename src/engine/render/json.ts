import type { SqlValue } from '../../values';

/**
 * Rows as JSON objects, for every JSON export (the CLI's json and ndjson, the results panel's
 * Export JSON). A result may repeat a column name (`SELECT * FROM a JOIN b`, two `AS ""`)
 * where an object cannot, so no value is lost: the first column keeps its name and each repeat
 * takes the next free suffix, `Id`, `Id_2`, `Id_3`. A suffix is never the name of another
 * column of the result (`Id_2` already there makes the repeat `Id_3`), so every key is one column.
 */
export function jsonKeys(names: readonly string[]): string[] {
  const taken = new Set(names);
  const used = new Set<string>();
  return names.map((name) => {
    let key = name;
    for (let n = 2; used.has(key); n++) {
      key = `${name}_${n}`;
      if (taken.has(key)) key = name; // a real column's name: try the next suffix
    }
    used.add(key);
    return key;
  });
}

/** One row as an object under `keys` (from jsonKeys), a missing value as null. */
export function jsonObject(keys: readonly string[], row: readonly SqlValue[]): Record<string, SqlValue> {
  return Object.fromEntries(keys.map((key, i) => [key, row[i] ?? null]));
}
