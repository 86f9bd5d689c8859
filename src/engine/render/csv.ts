import type { SqlValue } from '../../gong/catalog/types';

/**
 * What to do with a text value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab
 * or carriage return first): 'neutralise' prefixes it with `'` (OWASP's CSV-injection rule),
 * which spreadsheets show as text; 'raw' writes it unchanged, for programs reading the file.
 */
export type CsvFormulas = 'neutralise' | 'raw';

export interface CsvOptions {
  /** Default 'neutralise'. */
  readonly formulas?: CsvFormulas;
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A text value that is only a number ("-5", "+1.5e3") is read as that number, never run. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * RFC 4180: quoted when it holds a comma, quote or line break; NULL is an empty field. Only
 * text is neutralised: a numeric SQL value such as -5 stays a number. Shared by the CLI and exports.
 */
export function csvField(value: SqlValue | string, options: CsvOptions = {}): string {
  if (value === null) return '';
  let text = String(value);
  if (options.formulas !== 'raw' && typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (SqlValue | string)[], options: CsvOptions = {}): string {
  return `${values.map((v) => csvField(v, options)).join(',')}\r\n`;
}
