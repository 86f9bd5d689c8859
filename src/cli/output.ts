import type { StatementResult } from '../engine/run/result';
import { csvLine, type CsvOptions } from '../engine/render/csv';
import { jsonKeys, jsonObject } from '../engine/render/json';
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
      return `${JSON.stringify(objects(names, result.rows), null, 2)}\n`;
    case 'ndjson':
      return objects(names, result.rows).map((o) => JSON.stringify(o)).join('\n') + (result.rows.length ? '\n' : '');
  }
}

/** The rows as objects; a repeated column name gets a suffix (see jsonKeys), so no value is lost. */
function objects(names: string[], rows: StatementResult['rows']) {
  const keys = jsonKeys(names);
  return rows.map((row) => jsonObject(keys, row));
}
