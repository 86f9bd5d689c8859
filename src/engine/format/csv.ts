import type { SqlValue } from '../../gong/catalog/types';

/** RFC 4180: quoted when it holds a comma, quote or line break; NULL is an empty field. Shared by the CLI and exports. */
export function csvField(value: SqlValue | string): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (SqlValue | string)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
