// Runs in headless Chromium (bench/grid.ts): the baseline, @vscode/webview-ui-toolkit's data
// grid (deprecated; used here only as the thing the grid replaces).
import { provideVSCodeDesignSystem, vsCodeDataGrid, vsCodeDataGridCell, vsCodeDataGridRow } from '@vscode/webview-ui-toolkit';
import { makeRows, measureScroll, nextPaint, untilFrame } from './measure';

provideVSCodeDesignSystem().register(vsCodeDataGrid(), vsCodeDataGridRow(), vsCodeDataGridCell());

declare global {
  interface Window { benchToolkit(rows: number, columns: number): Promise<Record<string, number>> }
}

window.benchToolkit = async (rowCount, columnCount) => {
  const { columns, rows } = makeRows(rowCount, columnCount);
  const data = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] === null ? 'NULL' : String(r[i])])));
  const host = document.getElementById('host') as HTMLElement;
  host.replaceChildren();
  const before = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const t0 = performance.now();
  const grid = document.createElement('vscode-data-grid') as HTMLElement & { rowsData: unknown[] };
  grid.style.height = '100%';
  grid.style.overflow = 'auto';
  host.append(grid);
  grid.rowsData = data;
  // The toolkit renders every row: first paint is when the last one exists.
  await untilFrame(() => grid.querySelectorAll('vscode-data-grid-row').length >= rowCount + 1);
  void document.body.offsetHeight;
  await nextPaint();
  const firstPaint = performance.now() - t0;
  const scroll = await measureScroll(grid, 120);
  const after = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  return { firstPaint, ...scroll, heapMb: (after - before) / 1024 / 1024, domNodes: host.querySelectorAll('*').length };
};
