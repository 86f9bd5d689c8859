import { rm } from 'node:fs/promises';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { ExportKind } from './exportKinds';
import { jsonKeys } from './json';
import { typedRows, type ExportTable, type TypedValue } from './typedTable';

/** The writer's schema element (hyparquet's type, as the writer's own copy of hyparquet declares it). */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** Rows per row group: each is converted, encoded and written to the file before the next. */
export const PARQUET_ROW_GROUP = 50_000;

/** Each kind's Parquet column: ids and text as UTF-8 strings, integers as int64, never a double for an id. */
const SCHEMA: Record<ExportKind, Omit<SchemaElement, 'name'>> = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { type: 'INT64' },
  real: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
  datetime: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
};

/**
 * Writes the table as a Parquet file, one row group of PARQUET_ROW_GROUP rows at a time
 * (snappy, the default every reader knows). Every column is optional (NULL is null); a
 * repeated column name gets a suffix as in JSON (see jsonKeys), since Parquet finds columns
 * by name. A failed write removes its partial file.
 */
export async function writeParquet(file: string, table: ExportTable): Promise<number> {
  const { kinds, row } = typedRows(table);
  const names = jsonKeys(table.columns.map((c) => c.name));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: names.length },
    ...names.map((name, i) => ({ name, repetition_type: 'OPTIONAL' as const, ...SCHEMA[kinds[i] as ExportKind] })),
  ];
  try {
    const writer = new ParquetWriter({ writer: fileWriter(file), schema, createdBy: 'gongsql' });
    for (let start = 0; start < table.rows.length || start === 0; start += PARQUET_ROW_GROUP) {
      const group = table.rows.slice(start, start + PARQUET_ROW_GROUP).map(row);
      if (group.length === 0) break;
      await writer.write({ columnData: names.map((name, i) => ({ name, data: group.map((values) => parquetValue(values[i] ?? null, kinds[i] as ExportKind)) })), rowGroupSize: group.length });
    }
    await writer.finish();
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return table.rows.length;
}

/** int64 takes a bigint: an integer (a number, or the digits of one beyond 2^53) never passes through a double on its way to the file. */
function parquetValue(value: TypedValue, kind: ExportKind): TypedValue | bigint {
  return kind === 'integer' && (typeof value === 'number' || typeof value === 'string') ? BigInt(value) : value;
}
