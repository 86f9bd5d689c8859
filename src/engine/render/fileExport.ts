/**
 * The typed file exports, Excel and Parquet, behind one call. Bundled on its own
 * (dist/fileExport.js, see scripts/build.mjs) and loaded by loadFileExport only when a file
 * is written: exceljs and hyparquet-writer stay out of the extension's and the CLI's startup.
 */
import type { FileFormat } from './fileFormats';
import { writeParquet } from './parquet';
import type { ExportTable } from './typedTable';
import { writeXlsx } from './xlsx';

/** Writes the whole table to `file`; returns how many rows. `title` names an Excel sheet. */
export function writeFileExport(format: FileFormat, file: string, table: ExportTable, title?: string): Promise<number> {
  return format === 'xlsx' ? writeXlsx(file, table, title) : writeParquet(file, table);
}

export type { ExportTable, FileFormat };
