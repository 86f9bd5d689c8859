// Runs in headless Chromium (bench/grid.ts): the grid over rows held in the page.
import { Grid } from '../../webview/grid/grid';
import { MemorySource } from '../../webview/grid/source';
import { makeRows, measureScroll, nextPaint, untilFrame } from './measure';

declare global {
  interface Window { benchGrid(rows: number, columns: number): Promise<Record<string, number>> }
}

window.benchGrid = async (rowCount, columnCount) => {
  const { columns, rows } = makeRows(rowCount, columnCount);
  const host = document.getElementById('host') as HTMLElement;
  host.replaceChildren();
  const before = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const t0 = performance.now();
  const grid = new Grid(new MemorySource(columns, rows, async () => undefined));
  host.append(grid.element);
  await untilFrame(() => host.querySelectorAll('.gs-rows [role=gridcell]').length > 0 && /\d/.test(host.querySelector('.gs-rows [role=gridcell]')?.textContent ?? ''));
  void document.body.offsetHeight;
  await nextPaint();
  const firstPaint = performance.now() - t0;
  const viewport = host.querySelector('.gs-viewport') as HTMLElement;
  const scroll = await measureScroll(viewport, 240, undefined, () => grid.renderNow());
  const wheel = await measureScroll(viewport, 240, 120, () => grid.renderNow());
  const after = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  return { firstPaint, ...scroll, wheelP95: wheel.p95, heapMb: (after - before) / 1024 / 1024, domNodes: host.querySelectorAll('*').length };
};
