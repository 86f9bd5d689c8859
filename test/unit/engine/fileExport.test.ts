import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import readXlsxFile from 'read-excel-file/node';
import { exportKinds } from '../../../src/engine/render/exportKinds';
import { writeParquet, PARQUET_ROW_GROUP } from '../../../src/engine/render/parquet';
import type { ExportTable } from '../../../src/engine/render/typedTable';
import { writeXlsx } from '../../../src/engine/render/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'gongsql-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A result as the engine gives it: ids and date-times as text, booleans as 0/1, NULLs. */
const CALLS: ExportTable = {
  columns: [
    { name: 'Id', declared: 'id' },
    { name: 'Title', declared: 'text' },
    { name: 'Started', declared: 'datetime' },
    { name: 'Day' },
    { name: 'Duration', declared: 'integer' },
    { name: 'TalkRatio' },
    { name: 'IsPrivate', declared: 'boolean' },
    { name: 'Note' },
    { name: 'Id' },
  ],
  rows: [
    ['7782342274025937895', '=HYPERLINK("http://x","y")', '2026-03-02T15:04:05-08:00', '2026-03-02', 1800, 0.5, 1, null, '1'],
    ['0012', 'Q2 review', '2026-03-03T09:00:00Z', '2026-03-03', null, 1, 0, 'text', '2'],
    ['9223372036854775807', null, null, null, 12, null, null, null, '3'],
  ],
};

describe('exportKinds: what a typed file writes each column as', () => {
  it('ids and text stay text; dates, date-times, booleans and numbers are typed', () => {
    assert.deepEqual(exportKinds(CALLS.columns, CALLS.rows), ['text', 'text', 'datetime', 'date', 'integer', 'real', 'boolean', 'text', 'text']);
  });

  it('one value that does not fit makes the column text (nothing is lost)', () => {
    assert.deepEqual(exportKinds([{ name: 'a' }, { name: 'b' }, { name: 'c', declared: 'boolean' }, { name: 'd' }], [
      ['2026-03-02', '2026-03-02T10:00:00Z', 1, 5],
      ['2026-02-30', 'yesterday', 2, '9007199254740993'],
    ]), ['text', 'text', 'integer', 'text']);
  });

  it('a date-time without an offset is UTC (as SQLite gives it); finer than milliseconds stays text', () => {
    assert.deepEqual(exportKinds([{ name: 'a' }, { name: 'b' }], [['2026-03-02 10:00:00', '2026-03-02T10:00:00.1234567Z']]), ['datetime', 'text']);
  });
});

describe('writeXlsx: read back with read-excel-file', () => {
  it('writes ids and formula-like text as text, numbers, booleans, dates as dates, NULL as empty', async () => {
    const file = join(dir, 'calls.xlsx');
    assert.equal(await writeXlsx(file, CALLS, 'Calls'), 3);
    const [sheet] = await readXlsxFile(file);
    assert.equal(sheet?.sheet, 'Calls');
    // Excel keeps a date-time as a fraction of a day: read back, it is exact to the second.
    const rows = (sheet?.data ?? []).map((row) => row.map((v) => (v instanceof Date ? new Date(Math.round(v.getTime() / 1000) * 1000) : v)));
    assert.deepEqual(rows[0], ['Id', 'Title', 'Started', 'Day', 'Duration', 'TalkRatio', 'IsPrivate', 'Note', 'Id']);
    assert.deepEqual(rows[1], ['7782342274025937895', '=HYPERLINK("http://x","y")', new Date('2026-03-02T23:04:05Z'), new Date('2026-03-02T00:00:00Z'), 1800, 0.5, true, null, '1']);
    assert.deepEqual(rows[2], ['0012', 'Q2 review', new Date('2026-03-03T09:00:00Z'), new Date('2026-03-03T00:00:00Z'), null, 1, false, 'text', '2']);
    assert.deepEqual(rows[3], ['9223372036854775807', null, null, null, 12, null, null, null, '3']);
  });

  it('an integer Excel would round (over 15 digits) is written as its exact text', async () => {
    const file = join(dir, 'big.xlsx');
    await writeXlsx(file, { columns: [{ name: 'n' }], rows: [[2 ** 53 - 1], [5]] });
    const [sheet] = await readXlsxFile(file);
    assert.deepEqual(sheet?.data.slice(1), [['9007199254740991'], [5]]);
  });

  it('sizes each column from its values: date-times, 19-digit ids and text show whole, a long text is capped', async () => {
    const file = join(dir, 'widths.xlsx');
    await writeXlsx(file, {
      columns: [{ name: 'Id', declared: 'id' }, { name: 'Started', declared: 'datetime' }, { name: 'Day' }, { name: 'Title' }, { name: 'Body' }, { name: 'n' }],
      rows: [['7782342274025937895', '2026-03-02T15:04:05Z', '2026-03-02', 'Quarterly business review', 'y'.repeat(500), 1], ['1', null, null, null, null, null]],
    });
    // Read back from the sheet's own XML (read-excel-file's unzipper): Excel's width of each column, in characters.
    const xml = strFromU8(unzipSync(readFileSync(file))['xl/worksheets/sheet1.xml'] as Uint8Array);
    const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 6);
    const [id, started, day, title, body, n] = widths as [number, number, number, number, number, number];
    assert.ok(id >= 21, `a 19-digit id needs 21, got ${id}`);
    assert.ok(started >= 21, `yyyy-mm-dd hh:mm:ss needs 21, got ${started}`);
    assert.ok(day >= 12 && day < started, `yyyy-mm-dd needs 12, got ${day}`);
    assert.ok(title >= 27, `the title needs 27, got ${title}`);
    assert.ok(body <= 62, `a long text is capped, got ${body}`);
    assert.ok(n >= 8 && n < 12, `a short column keeps a small width, got ${n}`);
  });

  it('refuses a text longer than a cell holds, naming the row and column, and leaves no file', async () => {
    const file = join(dir, 'long.xlsx');
    await assert.rejects(writeXlsx(file, { columns: [{ name: 'Id' }, { name: 'Text' }], rows: [['1', 'x'], ['2', 'y'.repeat(40_000)]] }),
      /at most 32,767 characters in a cell; row 2, column Text has 40,000\. Export Parquet, CSV or JSON instead/);
    assert.equal(existsSync(file), false);
  });
});

describe('writeParquet: read back with hyparquet', () => {
  it('writes ids as strings, integers as int64, booleans, dates and timestamps typed, NULL as null', async () => {
    const file = join(dir, 'calls.parquet');
    assert.equal(await writeParquet(file, CALLS), 3);
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    const types = Object.fromEntries(parquetSchema(metadata).children.map((c) => [c.element.name, [c.element.type, c.element.converted_type ?? '']]));
    assert.deepEqual(types, {
      Id: ['BYTE_ARRAY', 'UTF8'], Title: ['BYTE_ARRAY', 'UTF8'], Started: ['INT64', 'TIMESTAMP_MILLIS'], Day: ['INT32', 'DATE'],
      Duration: ['INT64', ''], TalkRatio: ['DOUBLE', ''], IsPrivate: ['BOOLEAN', ''], Note: ['BYTE_ARRAY', 'UTF8'], Id_2: ['BYTE_ARRAY', 'UTF8'],
    });
    const rows = await parquetReadObjects({ file: buffer });
    assert.deepEqual(rows, [
      { Id: '7782342274025937895', Title: '=HYPERLINK("http://x","y")', Started: new Date('2026-03-02T23:04:05Z'), Day: new Date('2026-03-02T00:00:00Z'), Duration: 1800n, TalkRatio: 0.5, IsPrivate: true, Note: null, Id_2: '1' },
      { Id: '0012', Title: 'Q2 review', Started: new Date('2026-03-03T09:00:00Z'), Day: new Date('2026-03-03T00:00:00Z'), Duration: null, TalkRatio: 1, IsPrivate: false, Note: 'text', Id_2: '2' },
      { Id: '9223372036854775807', Title: null, Started: null, Day: null, Duration: 12n, TalkRatio: null, IsPrivate: null, Note: null, Id_2: '3' },
    ]);
  });

  it('a computed column SQLite gave as integers, some beyond 2^53 as their digits, is int64 and exact', async () => {
    const file = join(dir, 'wide.parquet');
    const table: ExportTable = { columns: [{ name: 'IdInt', type: 'integer' }, { name: 'Digits', type: 'text' }], rows: [['9223372036854775807', '9223372036854775807'], [5, '5'], [null, null]] };
    assert.deepEqual(exportKinds(table.columns, table.rows), ['integer', 'text']);
    await writeParquet(file, table);
    const buffer = await asyncBufferFromFile(file);
    assert.deepEqual(parquetSchema(await parquetMetadataAsync(buffer)).children.map((c) => c.element.type), ['INT64', 'BYTE_ARRAY']);
    assert.deepEqual(await parquetReadObjects({ file: buffer }), [
      { IdInt: 9223372036854775807n, Digits: '9223372036854775807' }, { IdInt: 5n, Digits: '5' }, { IdInt: null, Digits: null },
    ]);
  });

  it('writes a large result row group by row group, every row exact', async () => {
    const file = join(dir, 'many.parquet');
    const count = PARQUET_ROW_GROUP * 2 + 7;
    const rows = Array.from({ length: count }, (_, i) => [`77823422740259${String(i).padStart(5, '0')}`, i]);
    await writeParquet(file, { columns: [{ name: 'Id', declared: 'id' }, { name: 'N' }], rows });
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    assert.deepEqual(metadata.row_groups.map((g) => Number(g.num_rows)), [PARQUET_ROW_GROUP, PARQUET_ROW_GROUP, 7]);
    const read = await parquetReadObjects({ file: buffer, columns: ['Id'], rowStart: count - 2, rowEnd: count });
    assert.deepEqual(read, [{ Id: `77823422740259${String(count - 2).padStart(5, '0')}` }, { Id: `77823422740259${String(count - 1).padStart(5, '0')}` }]);
  });

  it('writes an empty result as a file with its columns and no rows', async () => {
    const file = join(dir, 'empty.parquet');
    await writeParquet(file, { columns: [{ name: 'Id', declared: 'id' }, { name: 'n' }], rows: [] });
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    assert.deepEqual(parquetSchema(metadata).children.map((c) => c.element.name), ['Id', 'n']);
    assert.deepEqual(await parquetReadObjects({ file: buffer }), []);
  });
});
