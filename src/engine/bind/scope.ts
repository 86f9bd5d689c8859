import type { TableDef } from '../../gong/catalog/types';
import type * as A from '../syntax/ast';

/** Something a FROM clause makes visible under a name. */
export interface FromSource {
  /** The alias, or the table's own name. */
  readonly name: string;
  readonly kind: 'object' | 'cte' | 'subquery' | 'function';
  /** The Gong object, for `object` sources. */
  readonly table?: TableDef;
  /** Known column names, or 'any' when they cannot be known (no diagnostics then). */
  readonly columns: readonly string[] | 'any';
  readonly node: A.FromItem;
  /** Columns named in USING / NATURAL joins, which are not ambiguous. */
  readonly shared?: ReadonlySet<string>;
}

/** The sources of one SELECT, its result aliases, and the scope it is nested in. */
export class Scope {
  readonly sources: FromSource[] = [];
  readonly aliases = new Set<string>();
  readonly shared = new Set<string>();

  constructor(readonly parent?: Scope) {}

  find(name: string): FromSource | undefined {
    const lower = name.toLowerCase();
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const found = scope.sources.find((s) => s.name.toLowerCase() === lower);
      if (found) return found;
    }
    return undefined;
  }
}

/** Output columns of json_each/json_tree, SQLite's table-valued JSON functions. */
export const JSON_TABLE_COLUMNS = ['key', 'value', 'type', 'atom', 'id', 'parent', 'fullkey', 'path', 'json', 'root'];

export function hasColumn(source: FromSource, column: string): boolean {
  if (source.columns === 'any') return true;
  const lower = column.toLowerCase();
  return source.columns.some((c) => c.toLowerCase() === lower);
}
