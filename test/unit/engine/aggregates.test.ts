import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sqlite } from '../../../src/engine/eval/sqlite';

/** Runs SQL on a database opened as the engine opens them; 64-bit integers come back as bigint. */
async function rows(sql: string): Promise<unknown[][]> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  try {
    const statement = db.prepare(sql);
    const out: unknown[][] = [];
    while (statement.step()) out.push((statement as unknown as { get(p: null, o: { useBigInt: boolean }): unknown[] }).get(null, { useBigInt: true }));
    statement.free();
    return out;
  } finally {
    db.close();
  }
}
const one = async (sql: string) => (await rows(sql))[0]![0];
const values = (...v: (number | string | null)[]) => v.map((x) => `SELECT ${x === null ? 'NULL' : typeof x === 'string' ? `'${x}'` : x} AS x`).join(' UNION ALL ');

describe('the engine\'s statistics are exact', () => {
  it('mode() returns a 19-digit id as it came, digit for digit', async () => {
    const id = '2140112977297205387';
    assert.equal(await one(`SELECT mode(x) FROM (${values(id, id, '9209112928780475146', null)})`), id);
  });

  it('mode() refuses integers beyond 2^53 rather than merge two of them', async () => {
    await assert.rejects(one('SELECT mode(x) FROM (SELECT 9007199254740993 AS x)'), /mode\(\): the integer .* beyond 2\^53/);
  });

  it('mode() breaks ties by SQLite\'s order, whatever order the rows come in, and tells 1 from \'1\'', async () => {
    assert.equal(await one(`SELECT mode(x) FROM (${values('b', 'a', 'b', 'a')})`), 'a');
    assert.equal(await one(`SELECT mode(x) FROM (${values('a', 'b', 'a', 'b')})`), 'a');
    assert.equal(await one(`SELECT mode(x) FROM (${values('1', 2, 2, '1', '1')})`), '1');
    assert.equal(await one(`SELECT mode(x) FROM (${values(null)})`), null);
  });

  it('median and the quartiles interpolate as SQLite\'s percentile() does, skipping NULLs', async () => {
    assert.deepEqual(await rows(`SELECT median(x), lower_quartile(x), upper_quartile(x) FROM (${values(4, 1, null, 3, 2)})`), [[2.5, 1.75, 3.25]]);
    assert.equal(await one(`SELECT median(x) FROM (${values(5, 1, 3)})`), 3);
    assert.equal(await one(`SELECT median(x) FROM (${values('10', ' 20 ')})`), 15);
    assert.equal(await one('SELECT median(x) FROM (SELECT NULL AS x)'), null);
  });

  it('stdev and variance are the sample ones; fewer than two numbers give NULL', async () => {
    assert.deepEqual(await rows(`SELECT variance(x), stdev(x) FROM (${values(2, 4, 4, 4, 5, 5, 7, 9)})`), [[32 / 7, Math.sqrt(32 / 7)]]);
    assert.deepEqual(await rows('SELECT variance(x), stdev(x) FROM (SELECT 1 AS x)'), [[null, null]]);
  });

  it('variance and stdev keep their precision on data far from zero (a large offset, small spread)', async () => {
    const data = [1000000000.1, 1000000000.2, 1000000000.3, 1000000000.7, 999999999.9];
    const exact = exactVariance(data);
    const [[variance, stdev]] = (await rows(`SELECT variance(column1), stdev(column1) FROM (VALUES ${data.map((x) => `(${x})`).join(',')})`)) as [[number, number]];
    assert.ok(Math.abs(variance - exact) <= 4 * Number.EPSILON * exact, `variance ${variance}, exact ${exact}`);
    assert.ok(Math.abs(stdev - Math.sqrt(exact)) <= 4 * Number.EPSILON * Math.sqrt(exact), `stdev ${stdev}, exact ${Math.sqrt(exact)}`);
  });

  it('a value that is not a number is an error naming the function and the value', async () => {
    await assert.rejects(one(`SELECT median(x) FROM (${values('Discovery call')})`), /median\(\) needs numbers: 'Discovery call' is not a number/);
  });
});

describe('sql.js\'s legacy extension functions are off', () => {
  it('SQLite\'s own functions answer as SQLite documents them (log is base 10), and nothing is printed', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      assert.deepEqual(await rows("SELECT log(100), typeof(floor(2.5)), median(x), mode(x) FROM (SELECT 1 AS x)"), [[2, 'real', 1, 1]]);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
  });

  it('a legacy-only function is SQLite\'s clear "no such function" error', async () => {
    await assert.rejects(one("SELECT reverse('abc')"), /no such function: reverse/);
  });
});

/**
 * The sample variance of doubles computed exactly: every double is an integer times a power of
 * two, so with a common scale the sums are exact BigInts; only the final division rounds.
 */
function exactVariance(xs: number[]): number {
  const SHIFT = 1100n; // below every double's exponent, so each becomes an exact integer
  const scaled = xs.map((x) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const exponent = Number((bits >> 52n) & 0x7ffn);
    const mantissa = (bits & ((1n << 52n) - 1n)) | (exponent ? 1n << 52n : 0n);
    const magnitude = mantissa << (BigInt(Math.max(exponent, 1) - 1075) + SHIFT);
    return bits >> 63n ? -magnitude : magnitude;
  });
  const n = BigInt(xs.length);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const numerator = n * scaled.reduce((a, b) => a + b * b, 0n) - sum * sum; // n·Σx² − (Σx)², scaled by 2^(2·SHIFT)
  const denominator = n * (n - 1n) << (2n * SHIFT);
  const digits = 30n; // quotient to 30 decimal digits, then one rounding to a double
  const scale = 10n ** digits;
  return Number((numerator * scale) / denominator) / Number(scale);
}

