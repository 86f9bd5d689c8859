import type { Database } from 'sql.js';

/**
 * median, mode, lower_quartile, upper_quartile, stdev and variance: the statistics sql.js's
 * legacy extension used to add, written again so they are exact. The legacy C code is
 * switched off (see sqlite.ts): its mode() read 64-bit integers through a C `int` (a Gong id
 * came back as -16717685), and loading it replaced SQLite's own log(), floor() and ceil() by
 * functions with other answers.
 *
 * sql.js hands an aggregate's arguments to JavaScript as text (exact), or as a number read
 * with sqlite3_value_double: exact up to 2^53, which is why mode() refuses larger integers
 * instead of merging two of them.
 */

/** A value as sql.js passes it to a JavaScript function. */
type Arg = number | string | Uint8Array | null;

interface Aggregate<S> {
  readonly init: () => S;
  readonly step: (state: S, value: Arg) => S;
  readonly finalize: (state: S) => number | string | Uint8Array | null;
}

/** Registers the statistics on a new database; every database the engine opens gets them. */
export function registerAggregates(db: Database): void {
  const register = db as unknown as { create_aggregate<S>(name: string, a: Aggregate<S>): void };
  register.create_aggregate('median', percentile('median', 0.5));
  register.create_aggregate('lower_quartile', percentile('lower_quartile', 0.25));
  register.create_aggregate('upper_quartile', percentile('upper_quartile', 0.75));
  register.create_aggregate('variance', spread('variance', (v) => v));
  register.create_aggregate('stdev', spread('stdev', Math.sqrt));
  register.create_aggregate('mode', mode());
}

/**
 * The value at fraction p of the sorted numbers, interpolated between the two nearest as
 * SQLite's own percentile() does: median of 1, 2, 3, 4 is 2.5. NULLs are skipped; no number
 * gives NULL.
 */
function percentile(name: string, p: number): Aggregate<number[]> {
  return {
    init: () => [],
    step: (values, value) => {
      const n = numberOf(name, value);
      if (n !== null) values.push(n);
      return values;
    },
    finalize: (values) => {
      if (values.length === 0) return null;
      const sorted = Float64Array.from(values).sort();
      const at = p * (sorted.length - 1);
      const below = sorted[Math.floor(at)] as number;
      const above = sorted[Math.ceil(at)] as number;
      return below + (above - below) * (at - Math.floor(at));
    },
  };
}

/**
 * Sample variance (n - 1), or a function of it; NULL for fewer than two numbers. Welford's
 * update over the values minus the first one: on data far from zero (timestamps, amounts
 * around 1e9) the running mean itself carries a rounding error as large as the spread, which
 * plain Welford squares into the answer; the differences to a nearby value are exact, so the
 * update works on small numbers.
 */
function spread(name: string, of: (variance: number) => number): Aggregate<{ shift: number; count: number; mean: number; m2: number }> {
  return {
    init: () => ({ shift: 0, count: 0, mean: 0, m2: 0 }),
    step: (s, value) => {
      const n = numberOf(name, value);
      if (n === null) return s;
      const shift = s.count === 0 ? n : s.shift;
      const x = n - shift;
      const count = s.count + 1;
      const mean = s.mean + (x - s.mean) / count;
      return { shift, count, mean, m2: s.m2 + (x - s.mean) * (x - mean) };
    },
    finalize: (s) => (s.count < 2 ? null : of(s.m2 / (s.count - 1))),
  };
}

/**
 * The most frequent non-NULL value, returned as it came (an id stays its text). Ties go to
 * the smallest value in SQLite's order (numbers, then text, then blobs), so the answer does
 * not depend on the order rows arrive in.
 */
function mode(): Aggregate<Map<string, { value: Arg; count: number }>> {
  return {
    init: () => new Map(),
    step: (counts, value) => {
      if (value === null) return counts;
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new Error(`mode(): the integer ${value} is beyond 2^53 and would not be exact; use mode(CAST(x AS TEXT))`);
      }
      const key = keyOf(value);
      const seen = counts.get(key);
      counts.set(key, { value, count: (seen?.count ?? 0) + 1 });
      return counts;
    },
    finalize: (counts) => {
      let best: { value: Arg; count: number } | undefined;
      for (const entry of counts.values()) {
        if (!best || entry.count > best.count || (entry.count === best.count && compare(entry.value, best.value) < 0)) best = entry;
      }
      return best?.value ?? null;
    },
  };
}

/** Equal SQLite values share a key; 1 and '1' do not (SQLite tells them apart too). */
function keyOf(value: Exclude<Arg, null>): string {
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'string') return `t${value}`;
  return `b${Buffer.from(value).toString('hex')}`;
}

const RANK = { number: 0, string: 1, object: 2 } as const;

/** SQLite's order of values with the BINARY collation: numbers, then text by bytes, then blobs by bytes. */
function compare(a: Arg, b: Arg): number {
  const ra = RANK[typeof a as keyof typeof RANK];
  const rb = RANK[typeof b as keyof typeof RANK];
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const bytes = (v: Arg) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v as Uint8Array));
  return Buffer.compare(bytes(a), bytes(b));
}

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * A number for a statistic: text that reads as a number counts (as SQLite's numeric affinity
 * would have it), NULL is skipped, anything else is an error naming the function and value.
 */
function numberOf(name: string, value: Arg): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  const shown = typeof value === 'string' ? `'${value}'` : 'a blob';
  throw new Error(`${name}() needs numbers: ${shown} is not a number`);
}
