import type { SqlValue } from '../catalog/types';

/**
 * Date literals of native filters: which ones name an instant, and why the others do not.
 * A filter on a date column with a value that names no date is refused rather than left to
 * local evaluation: Gong would read its default window or the whole history first.
 */

const CANONICAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z)?$/;
const SQL_DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/;
const FORMS = "write a day as 'YYYY-MM-DD' (e.g. '2026-10-01' or date('now', '-1 day')) or a date-time as '2026-10-01T09:30:00Z'";

/** An instant from a SQL literal; `canonical` when its text sorts like Gong's UTC timestamps. */
export function parseInstant(value: SqlValue | readonly SqlValue[]): { ms: number; canonical: boolean } | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!CANONICAL.test(text) && !SQL_DATETIME.test(text)) return undefined;
  if (calendarProblem(text)) return undefined;
  const iso = text.length === 10 ? `${text}T00:00:00Z` : /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : { ms, canonical: CANONICAL.test(text) };
}

/** Why a filter value names no date ("February 2026 has 28 days"), or undefined when it does. */
export function notADate(value: SqlValue): string | undefined {
  if (typeof value === 'string' && parseInstant(value)) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const shaped = CANONICAL.test(text) || SQL_DATETIME.test(text);
  return `not a date${shaped ? ` (${calendarProblem(text) ?? 'no such time'})` : ''}: ${FORMS}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is out of range in a date-shaped text. JavaScript's parser rolls 2026-02-30 over to
 * March 2 instead of refusing it, so the calendar is checked here.
 */
function calendarProblem(text: string): string | undefined {
  const [year, month, day, hour = 0, minute = 0, second = 0] = (text.match(/\d+/g) ?? []).map(Number) as number[];
  if (month! < 1 || month! > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) return `${MONTHS[month! - 1]} ${year} has ${days} days`;
  if (hour > 23 || minute > 59 || second > 59) return `there is no time ${text.slice(11, 19)}`;
  return undefined;
}
