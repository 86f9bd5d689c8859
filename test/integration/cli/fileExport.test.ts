import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import readXlsxFile from 'read-excel-file/node';
import { queryCommand } from '../../../src/cli/queryCommand';
import { gongsql } from '../../helpers/cli';

/** `--format xlsx|parquet`: the whole result as a typed file, read back with independent readers. */
describe('gongsql --format xlsx and parquet', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'gongsql-cli-export-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  const SQL = "SELECT Id, Title, Started, Duration, IsPrivate, date(Started) AS Day, NULL AS Empty FROM Calls WHERE Started >= '2025-01-01' ORDER BY Id";

  it('--out writes an Excel file: ids as text, date-times and dates as dates, booleans, numbers, NULL empty; every row', async () => {
    const file = join(dir, 'calls.xlsx');
    const expected = JSON.parse((await gongsql(['-e', SQL, '--sandbox', '--format', 'json'])).stdout) as Record<string, string | number | null>[];
    const r = await gongsql(['-e', SQL, '--sandbox', '--format', 'xlsx', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`gongsql: wrote ${expected.length.toLocaleString('en-US')} rows to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    assert.ok(expected.length > 100, 'more than one page of calls');
    const [sheet] = await readXlsxFile(file);
    const [header, ...rows] = sheet!.data;
    assert.deepEqual(header, ['Id', 'Title', 'Started', 'Duration', 'IsPrivate', 'Day', 'Empty']);
    assert.equal(rows.length, expected.length);
    for (const [i, row] of rows.entries()) {
      const { Id, Title, Started, Duration, IsPrivate, Day } = expected[i]!;
      assert.equal(row[0], Id, 'the id digit for digit, as text');
      assert.equal(row[1], Title);
      // Excel keeps a date-time as a fraction of a day: exact to the second.
      assert.ok(row[2] instanceof Date && Math.abs(row[2].getTime() - Date.parse(Started as string)) < 1000, `Started ${Started} is a date: ${String(row[2])}`);
      assert.equal(row[3], Duration);
      assert.equal(row[4], IsPrivate === 1);
      assert.deepEqual(row[5], new Date(`${Day}T00:00:00Z`));
      assert.equal(row[6], null);
    }
  });

  it('--out writes a Parquet file: ids as strings, int64, booleans, timestamps and dates, NULL as null', async () => {
    const file = join(dir, 'calls.parquet');
    const json = await gongsql(['-e', SQL, '--sandbox', '--format', 'json']);
    const r = await gongsql(['-e', SQL, '--sandbox', '--format', 'parquet', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    const buffer = await asyncBufferFromFile(file);
    const schema = parquetSchema(await parquetMetadataAsync(buffer)).children.map((c) => `${c.element.name} ${c.element.type}${c.element.converted_type ? ` ${c.element.converted_type}` : ''}`);
    assert.deepEqual(schema, ['Id BYTE_ARRAY UTF8', 'Title BYTE_ARRAY UTF8', 'Started INT64 TIMESTAMP_MILLIS', 'Duration INT64', 'IsPrivate BOOLEAN', 'Day INT32 DATE', 'Empty BYTE_ARRAY UTF8']);
    const expected = JSON.parse(json.stdout) as Record<string, string | number | null>[];
    const rows = await parquetReadObjects({ file: buffer });
    assert.deepEqual(rows, expected.map((e) => ({
      Id: e.Id, Title: e.Title, Started: new Date(e.Started as string), Duration: BigInt(e.Duration as number),
      IsPrivate: e.IsPrivate === 1, Day: new Date(`${e.Day}T00:00:00Z`), Empty: null,
    })));
  });

  it('a computed column of integers (CAST(Id AS INTEGER), count(*)) is int64 in Parquet, 19-digit values exact', async () => {
    const file = join(dir, 'ints.parquet');
    const sql = "SELECT Id, CAST(Id AS INTEGER) AS IdInt, count(*) AS N FROM Calls GROUP BY Id UNION ALL SELECT '5', 5, 0 ORDER BY Id";
    const json = JSON.parse((await gongsql(['-e', sql, '--sandbox', '--format', 'json'])).stdout) as { Id: string; IdInt: string | number; N: number }[];
    assert.ok(json.some((e) => BigInt(e.Id) > BigInt(Number.MAX_SAFE_INTEGER)), 'ids beyond 2^53');
    // The engine keeps them exact: never a JS number.
    for (const e of json) assert.equal(String(e.IdInt), e.Id);
    const r = await gongsql(['-e', sql, '--sandbox', '--format', 'parquet', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    const buffer = await asyncBufferFromFile(file);
    const schema = parquetSchema(await parquetMetadataAsync(buffer)).children.map((c) => `${c.element.name} ${c.element.type}${c.element.converted_type ? ` ${c.element.converted_type}` : ''}`);
    assert.deepEqual(schema, ['Id BYTE_ARRAY UTF8', 'IdInt INT64', 'N INT64']);
    const rows = await parquetReadObjects({ file: buffer });
    assert.deepEqual(rows, json.map((e) => ({ Id: e.Id, IdInt: BigInt(e.Id), N: BigInt(e.N) })));
  });

  it('writes the file to stdout when it is redirected', async () => {
    const r = await gongsql(['-e', 'SELECT Id FROM Calls LIMIT 2', '--sandbox', '--format', 'parquet']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.slice(0, 4), 'PAR1');
  });

  it('refuses xlsx and parquet to a terminal without --out, and a script of several statements, before running', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    const io = { stdin: new PassThrough(), stdout: terminal, stderr: new PassThrough(), env: {} };
    await assert.rejects(queryCommand(['-e', 'SELECT 1', '--sandbox', '--format', 'xlsx'], io), /--format xlsx writes a binary file: add --out FILE \(or redirect stdout to a file\)/);
    const two = await gongsql(['-e', 'SELECT 1; SELECT 2', '--sandbox', '--format', 'parquet', '--out', join(dir, 'two.parquet')]);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /^gongsql: --format parquet writes one statement's result to one file; this script has 2 statements/);
  });

  it('--out takes the text formats too: the CSV goes to the file, nothing to stdout', async () => {
    const file = join(dir, 'calls.csv');
    const r = await gongsql(['-e', 'SELECT Id FROM Calls ORDER BY Id LIMIT 2', '--sandbox', '--format', 'csv', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(await readFile(file, 'utf8'), /^Id\r\n\d+\r\n\d+\r\n$/);
  });
});
