import { jsonKeys, jsonObject } from '../engine/render/json';
import type { SqlValue } from '../values';

/** How much of a result an agent is given: a model's context is small, Gong's objects are not. */
export interface OutputLimits {
  readonly maxRows: number;
  /** Of the rows as JSON text. */
  readonly maxBytes: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { maxRows: 100, maxBytes: 32 * 1024 };

/** Longer text (a transcript, a brief) is cut in a result: the model is told, and how to see the rest. */
const MAX_CELL_CHARS = 2000;

export interface BoundedRows {
  readonly rows: Record<string, SqlValue>[];
  /** Rows the statement returned. */
  readonly total: number;
  /** What was left out and how to see it; absent when nothing was. */
  readonly note?: string;
}

/**
 * The first rows of a result within `limits`, as JSON objects (a repeated column name gets a
 * suffix, so no value is lost), with a note saying how many were left out and why. Ids are
 * text, so they stay exact.
 */
export function boundRows(columns: readonly string[], rows: readonly (readonly SqlValue[])[], limits: OutputLimits, more = 'add LIMIT/OFFSET, a narrower WHERE, or aggregate to see the rest'): BoundedRows {
  const keys = jsonKeys(columns);
  const cut = (value: SqlValue): SqlValue => {
    if (typeof value !== 'string' || value.length <= MAX_CELL_CHARS) return value;
    return `${value.slice(0, MAX_CELL_CHARS)}… [${(value.length - MAX_CELL_CHARS).toLocaleString('en-US')} more characters]`;
  };
  // Rows are made objects one at a time: a million-row result is not copied to keep a hundred.
  const bounded = boundObjects(rows.length, (i) => jsonObject(keys, (rows[i] as readonly SqlValue[]).map(cut)), limits, more);
  // Counted over the rows kept: a row left out had its values cut for nothing.
  const cutCells = rows.slice(0, bounded.rows.length).reduce((n, row) => n + row.filter((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS).length, 0);
  const cutNote = cutCells > 0 ? `${cutCells} long text value${cutCells === 1 ? ' was' : 's were'} cut at ${MAX_CELL_CHARS} characters: select substr(Column, ${MAX_CELL_CHARS + 1}, ${MAX_CELL_CHARS}) for more.` : undefined;
  const note = [bounded.note, cutNote].filter(Boolean).join(' ');
  return { rows: bounded.rows as Record<string, SqlValue>[], total: bounded.total, ...(note ? { note } : {}) };
}

/** The first of `count` objects (made by `make`) within `limits`; the note says how many were left out and `more` how to see them. */
export function boundObjects<T extends object>(count: number, make: (index: number) => T, limits: OutputLimits, more: string, noun = 'rows'): { rows: T[]; total: number; note?: string } {
  const kept: T[] = [];
  let bytes = 2;
  let stoppedBy: 'rows' | 'bytes' | undefined;
  for (let i = 0; i < count; i++) {
    if (kept.length >= limits.maxRows) {
      stoppedBy = 'rows';
      break;
    }
    const object = make(i);
    const size = Buffer.byteLength(JSON.stringify(object), 'utf8') + 1;
    if (bytes + size > limits.maxBytes && kept.length > 0) {
      stoppedBy = 'bytes';
      break;
    }
    kept.push(object);
    bytes += size;
  }
  const left = count - kept.length;
  if (left === 0) return { rows: kept, total: count };
  const limit = stoppedBy === 'rows' ? `${limits.maxRows} rows` : `${Math.round(limits.maxBytes / 1024)} KB`;
  return { rows: kept, total: count, note: `${left.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} ${noun} left out (the result is limited to ${limit}): ${more}.` };
}
