import type { SqlValue } from '../gong/catalog/types';
import type { StatementResult } from '../engine/run/result';
import { formatTable } from './table';

export type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'ndjson'];

/** One statement's result in the chosen format (data only: messages go to stderr). */
export function formatResult(result: StatementResult, format: OutputFormat): string {
  const names = result.columns.map((c) => c.name);
  switch (format) {
    case 'table':
      return `${formatTable(names, result.rows, 60)}\n`;
    case 'csv':
      return [names, ...result.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
    case 'json':
      return `${JSON.stringify(result.rows.map((row) => objectOf(names, row)), null, 2)}\n`;
    case 'ndjson':
      return result.rows.map((row) => JSON.stringify(objectOf(names, row))).join('\n') + (result.rows.length ? '\n' : '');
  }
}

/** RFC 4180: quoted when it holds a comma, quote or line break; NULL is an empty field. */
export function csvField(value: SqlValue | string): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function objectOf(names: string[], row: SqlValue[]): Record<string, SqlValue> {
  return Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]));
}
