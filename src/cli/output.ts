import type { SqlValue } from '../values';
import type { StatementResult } from '../engine/run/result';
import { csvLine, type CsvOptions } from '../engine/render/csv';
import { formatTable } from '../engine/render/table';

export type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'ndjson'];

/** One statement's result in the chosen format (data only: messages go to stderr). */
export function formatResult(result: StatementResult, format: OutputFormat, csv: CsvOptions = {}): string {
  const names = result.columns.map((c) => c.name);
  switch (format) {
    case 'table':
      return `${formatTable(names, result.rows, 60)}\n`;
    case 'csv':
      return [names, ...result.rows].map((values) => csvLine(values, csv)).join('');
    case 'json':
      return `${JSON.stringify(result.rows.map((row) => objectOf(names, row)), null, 2)}\n`;
    case 'ndjson':
      return result.rows.map((row) => JSON.stringify(objectOf(names, row))).join('\n') + (result.rows.length ? '\n' : '');
  }
}

function objectOf(names: string[], row: SqlValue[]): Record<string, SqlValue> {
  return Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]));
}
