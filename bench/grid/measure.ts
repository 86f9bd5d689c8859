import type { SqlValue } from '../../src/gong/catalog/types';

/** Rows like a Calls result: ids, text, numbers, dates, NULLs, JSON. */
export function makeRows(count: number, width: number) {
  const columns = Array.from({ length: width }, (_, c) => ({ name: `Column${c}`, type: c % 4 === 1 ? 'integer' : 'text' }));
  const rows: SqlValue[][] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: SqlValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      switch (c % 4) {
        case 0: row[c] = `${7000000000000000000 + r}`; break;
        case 1: row[c] = (r * 37 + c) % 3600; break;
        case 2: row[c] = r % 11 === 0 ? null : `Call ${r} with Acme Corp <> Gong: Demo`; break;
        default: row[c] = c % 8 === 3 ? '[{"name":"Dana","userId":"234599484848423"}]' : '2026-11-20T10:00:00Z';
      }
    }
    rows[r] = row;
  }
  return { columns, rows };
}

/** Resolves on the first animation frame where `done` holds. */
export function untilFrame(done: () => boolean, timeoutMs = 600_000): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (done()) resolve();
      else if (performance.now() - started > timeoutMs) reject(new Error('timed out'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Scrolls every frame and measures what each frame costs the main thread: the scroll, the
 * grid's render and the layout it causes (forced here, as the browser would do it before
 * painting). Intervals between frames are also kept, but headless Chromium paces frames at
 * 60 Hz, so they cannot go below 16.7 ms whatever the work.
 */
export async function measureScroll(viewport: HTMLElement, frames: number, stepPx?: number, renderNow?: () => void): Promise<{ p50: number; p95: number; max: number; intervalP95: number }> {
  const work: number[] = [];
  const intervals: number[] = [];
  let last = 0;
  await new Promise<void>((resolve) => {
    let n = 0;
    const frame = (now: number) => {
      if (last) intervals.push(now - last);
      last = now;
      const t0 = performance.now();
      viewport.scrollTop += stepPx ?? viewport.clientHeight * 0.9 + (n % 7) * 997;
      renderNow?.();
      void viewport.offsetHeight;
      work.push(performance.now() - t0);
      if (++n >= frames) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))] ?? 0;
  return { p50: pct(work, 0.5), p95: pct(work, 0.95), max: Math.max(...work), intervalP95: pct(intervals, 0.95) };
}

/** After the next frame has been painted (a task queued from a frame callback runs after paint). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
