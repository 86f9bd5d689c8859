import { rm } from 'node:fs/promises';
import { stream } from 'exceljs';
import type { ExportKind } from './exportKinds';
import { typedRows, type ExportTable, type TypedValue } from './typedTable';
import { XLSX_MEASURED_ROWS, xlsxWidths } from './xlsxWidths';

/** Excel's own limits (a sheet with more is refused by Excel, a longer text cut). */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_CELL_CHARS = 32_767;
/** Excel keeps 15 significant digits: a longer integer is written as text, so it stays exact. */
const EXACT_IN_EXCEL = 999_999_999_999_999;

const FORMATS: Partial<Record<ExportKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/**
 * Writes the table as one sheet of an .xlsx file, streamed (each row is committed as it is
 * written; strings inline, so nothing is held back for a shared-strings table): a bold, frozen
 * header; text (ids too) as text cells, never a formula; numbers, booleans, dates and date-times
 * (UTC) as such; NULL as an empty cell; each column as wide as its values show (xlsxWidths).
 * What Excel cannot hold is refused before anything is written, naming the row and column; a
 * failed write removes its partial file.
 */
export async function writeXlsx(file: string, table: ExportTable, sheetName = 'Result'): Promise<number> {
  checkFits(table);
  const { kinds, row } = typedRows(table);
  const workbook = new stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  try {
    const sheet = workbook.addWorksheet(sheetTitle(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths = xlsxWidths(table.columns.map((c) => c.name), kinds, table.rows.slice(0, XLSX_MEASURED_ROWS).map((values) => row(values).map(cellValue)));
    sheet.columns = table.columns.map((c, i) => ({ key: String(i), width: widths[i], style: FORMATS[kinds[i] as ExportKind] ? { numFmt: FORMATS[kinds[i] as ExportKind] } : {} }));
    const header = sheet.addRow(table.columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
    for (const values of table.rows) sheet.addRow(row(values).map(cellValue)).commit();
    sheet.commit();
    await workbook.commit();
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return table.rows.length;
}

/** An integer Excel would round (more than 15 digits) becomes its exact text. */
function cellValue(value: TypedValue): TypedValue {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > EXACT_IN_EXCEL ? String(value) : value;
}

function checkFits(table: ExportTable): void {
  if (table.rows.length + 1 > XLSX_MAX_ROWS) throw new Error(`Excel holds at most ${(XLSX_MAX_ROWS - 1).toLocaleString('en-US')} rows under a header; this result has ${table.rows.length.toLocaleString('en-US')}. Export Parquet or CSV instead.`);
  if (table.columns.length > XLSX_MAX_COLUMNS) throw new Error(`Excel holds at most ${XLSX_MAX_COLUMNS.toLocaleString('en-US')} columns; this result has ${table.columns.length.toLocaleString('en-US')}. Export Parquet or CSV instead.`);
  for (const [r, values] of table.rows.entries()) {
    for (const [c, value] of values.entries()) {
      if (typeof value === 'string' && value.length > XLSX_MAX_CELL_CHARS) {
        throw new Error(`Excel holds at most ${XLSX_MAX_CELL_CHARS.toLocaleString('en-US')} characters in a cell; row ${r + 1}, column ${table.columns[c]?.name ?? c + 1} has ${value.length.toLocaleString('en-US')}. Export Parquet, CSV or JSON instead, which keep it whole.`);
      }
    }
  }
}

/** A sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
function sheetTitle(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Result';
}
