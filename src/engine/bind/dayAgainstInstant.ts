import type { Column } from '../../gong/catalog/types';
import { Diagnostics as D, type DiagnosticMessage } from '../syntax/diagnostics';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * A plain day compared with a column of date-times (`Scheduled = '2026-11-20'`). SQLite
 * compares the text, so `=` matches nothing and `<=` (a BETWEEN's end too) stops at midnight,
 * leaving the day out. That is SQL's meaning and stays, but a query rarely means it (the
 * Stats objects' days read the other way), so the binder warns with what to write; the
 * editor shows the warning and a run adds it to its messages. The message and its
 * arguments, else undefined.
 */
export function dayAgainstInstant(column: Column | undefined, op: string, value: unknown, name: string): { message: DiagnosticMessage; args: string[] } | undefined {
  if (!column || column.type !== 'datetime' || column.days || typeof value !== 'string' || !DAY.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms)) return undefined;
  const next = new Date(ms + DAY_MS).toISOString().slice(0, 10);
  if (op === '=') return { message: D.dayEqualsInstants, args: [name, value, next] };
  if (op === '<=') return { message: D.dayEndsInstants, args: [name, value, next] };
  return undefined;
}
