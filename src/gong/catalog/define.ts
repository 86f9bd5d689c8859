import type { EqualsSpan, FilterRoute, Column, ColumnType, Dml, NativeFilter, Operator, ParamFormat, ParamTarget, ReadPath, SqlValue, ValueSource, TableDef } from './types';

/** The one place column defaults are applied. */
export function col(
  name: string,
  type: ColumnType,
  description: string,
  options: { source?: ValueSource; key?: boolean; insertOnly?: boolean; readOnly?: boolean; days?: true } = {},
): Column {
  return {
    name,
    type,
    description,
    key: options.key ?? false,
    insertOnly: options.insertOnly ?? false,
    readOnly: options.readOnly ?? !options.insertOnly,
    source: options.insertOnly ? undefined : options.source ?? lowerFirst(name),
    ...(options.days ? { days: true as const } : {}),
  };
}

/** A column written by INSERT (and UPDATE where the table allows it) that SELECT also reads. */
export function writable(column: Column): Column {
  return { ...column, readOnly: false };
}

export function filter(column: string, operators: Operator[], description: string): NativeFilter {
  return { column, operators, description };
}

export const equals = (column: string, to: ParamTarget, format: ParamFormat = 'id'): FilterRoute => ({ kind: 'equals', column, to, format });
/** A list filter; `onePerValue` when each value selects at most one record of the response. */
export const list = (column: string, to: ParamTarget, options: { onePerValue?: boolean; batch?: number; format?: ParamFormat } = {}): FilterRoute =>
  ({ kind: 'list', column, to, format: options.format ?? 'id', batch: options.batch ?? 100, onePerValue: options.onePerValue ?? false });
export const range = (column: string, from: ParamTarget | undefined, to: ParamTarget | undefined, format: ParamFormat = 'datetime', span?: EqualsSpan): FilterRoute =>
  ({ kind: 'range', column, from, to, format, ...(span ? { span } : {}) });

type ReadPathInput = Omit<ReadPath, 'requires' | 'bindings' | 'paging' | 'notFound'> & Partial<Pick<ReadPath, 'requires' | 'bindings' | 'paging' | 'notFound'>>;

export function read(path: ReadPathInput): ReadPath {
  return { bindings: [], requires: [], paging: 'none', notFound: 'noResults', ...path };
}

type TableInput = Omit<TableDef, 'filters' | 'dml' | 'peculiarities'> & Partial<Pick<TableDef, 'filters' | 'dml' | 'peculiarities'>>;

export function defineTable(table: TableInput): TableDef {
  const dml: Dml = table.dml ?? {};
  return { filters: [], peculiarities: [], ...table, dml };
}

/** Reads a dotted path (`metaData.id`) from a record; undefined when any step is missing. */
export function at(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A value of Gong's reply as a procedure's result: NULL when absent, JSON text for nested values. */
export const replyText = (v: unknown): SqlValue => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A record's list under `key`, or an empty list when Gong left it out or sent null. */
export const listOf = (key: string) => (body: Record<string, unknown>): Record<string, unknown>[] => {
  const value = at(body, key);
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
};

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
