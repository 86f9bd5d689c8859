import { at } from '../catalog/define';
import type { Column, ColumnType, Row, RowContext, SqlValue, TableDef } from '../catalog/types';

/** Gong's record → a row in the table's column order, typed for SQLite. */
export function toRow(table: TableDef, record: Record<string, unknown>, context: RowContext): Row {
  return table.columns.map((column) => toSqlValue(column.type, sourceValue(column, record, context)));
}

function sourceValue(column: Column, record: Record<string, unknown>, context: RowContext): unknown {
  const { source } = column;
  if (source === undefined) return null;
  return typeof source === 'function' ? source(record, context) : at(record, source);
}

/**
 * Ids stay text whatever Gong sent (string, or a number parsed exactly); booleans become
 * 0/1; nested values become JSON text for json_extract and json_each.
 */
export function toSqlValue(type: ColumnType, value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'id':
    case 'text':
    case 'datetime':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'integer':
    case 'real': {
      if (typeof value === 'number') return value;
      const n = Number(value);
      // Beyond 2^53 an integer is kept as its exact digits.
      return Number.isFinite(n) && (type === 'real' || Number.isSafeInteger(n)) ? n : String(value);
    }
    case 'boolean':
      return value === true || value === 'true' || value === 1 ? 1 : 0;
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
