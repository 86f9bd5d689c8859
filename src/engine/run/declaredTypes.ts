import { findColumn } from '../../gong/catalog';
import type { ColumnType, TableDef } from '../../gong/catalog/types';
import type { BindResult } from '../bind/binder';
import type * as A from '../syntax/ast';
import type { ResultColumn } from './result';

/**
 * Marks the result columns that are an object's column as it is (`SELECT *`, `c.Started`,
 * `IsPrivate AS private`) with the catalog's type, which SQLite's values cannot tell (a boolean
 * is 0 or 1, a date-time and an id are text): typed exports (Excel, Parquet) write them so.
 * Anything else (an expression, a subquery's column, a compound SELECT) stays unmarked.
 */
export function markDeclaredTypes(columns: ResultColumn[], select: A.SelectStatement, binding: BindResult): void {
  const declared = select.body.kind === 'Core' ? coreColumns(select.body, binding) : undefined;
  if (!declared || declared.length !== columns.length) return;
  columns.forEach((column, i) => {
    const known = declared[i];
    // The name is checked too: a column is only marked when it is the one expected here.
    if (known?.type && known.name.toLowerCase() === column.name.toLowerCase()) column.declared = known.type;
  });
}

interface Declared { readonly name: string; readonly type?: ColumnType }

function coreColumns(core: A.SelectCore, binding: BindResult): Declared[] | undefined {
  const sources = core.from ? objectsOf(core.from, binding) : [];
  const out: Declared[] = [];
  for (const item of core.columns) {
    const e = item.expr;
    if (e.kind === 'Star') {
      if (!sources) return undefined;
      const named = e.table ? sources.filter((s) => s.name.toLowerCase() === e.table!.text.toLowerCase()) : sources;
      if (named.length === 0) return undefined;
      for (const s of named) out.push(...s.table.columns.map((c) => ({ name: c.name, type: c.type })));
    } else if (e.kind === 'Column') {
      const bound = binding.columns.get(e);
      const type = bound?.source.table ? findColumn(bound.source.table, bound.column)?.type : undefined;
      out.push({ name: item.alias?.text ?? e.name.text, ...(type ? { type } : {}) });
    } else {
      out.push({ name: item.alias?.text ?? '' });
    }
  }
  return out;
}

/** The FROM clause's objects in order, as `*` lists them; undefined when `*` could hold other columns. */
function objectsOf(item: A.FromItem, binding: BindResult): { name: string; table: TableDef }[] | undefined {
  switch (item.kind) {
    case 'Table': {
      const table = binding.objects.get(item);
      return table ? [{ name: item.alias?.text ?? item.name.text, table }] : undefined;
    }
    case 'Join': {
      // USING and NATURAL joins show a shared column once: `*` is no longer each object's columns.
      if (item.natural || item.using) return undefined;
      const left = objectsOf(item.left, binding);
      const right = objectsOf(item.right, binding);
      return left && right ? [...left, ...right] : undefined;
    }
    case 'ParenFrom':
      return item.alias ? undefined : objectsOf(item.from, binding);
    default:
      return undefined;
  }
}
