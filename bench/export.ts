// npm run bench:export — Excel and Parquet export of a large result: 100,000 rows × 8 columns
// shaped like calls (a 19-digit id, text, a date-time, an integer, a real, a boolean, a date,
// NULLs), written as the grid's Export and the CLI's --format write them. Prints time, file
// size and the growth of the heap for each, and the budget: 100,000 rows in under 10 s each.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileExport } from '../src/engine/render/fileExport';
import type { FileFormat } from '../src/engine/render/fileFormats';
import type { ExportTable } from '../src/engine/render/typedTable';

const ROWS = 100_000;
const BUDGET_MS = 10_000;

function table(): ExportTable {
  const start = Date.parse('2025-01-01T00:00:00Z');
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `${7782342274025937895n + BigInt(i)}`,
    `Call ${i} with Acme Corp`,
    new Date(start + i * 60_000).toISOString(),
    60 + (i % 3600),
    (i % 100) / 100,
    i % 7 === 0 ? 1 : 0,
    new Date(start + i * 60_000).toISOString().slice(0, 10),
    i % 5 === 0 ? null : `note ${i % 50}`,
  ]);
  return {
    columns: [
      { name: 'Id', declared: 'id' }, { name: 'Title', declared: 'text' }, { name: 'Started', declared: 'datetime' }, { name: 'Duration', declared: 'integer' },
      { name: 'Ratio' }, { name: 'IsPrivate', declared: 'boolean' }, { name: 'Day' }, { name: 'Note' },
    ],
    rows,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongsql-bench-export-'));
  const data = table();
  console.log(`${ROWS.toLocaleString('en-US')} rows × ${data.columns.length} columns (budget ${BUDGET_MS / 1000} s each)`);
  try {
    for (const format of ['xlsx', 'parquet'] as FileFormat[]) {
      const file = join(dir, `bench.${format}`);
      global.gc?.();
      const heap = process.memoryUsage().heapUsed;
      const started = performance.now();
      await writeFileExport(format, file, data);
      const ms = performance.now() - started;
      const grown = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
      console.log(`${format.padEnd(8)} ${ms.toFixed(0).padStart(6)} ms   ${(statSync(file).size / 2 ** 20).toFixed(1).padStart(5)} MB file   heap +${grown.toFixed(0)} MB   ${ms <= BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
