import type { FilterSpec, SortSpec } from '../../src/results/rowView';
import type { ColumnInfo, WebviewToHost } from '../../src/results/protocol';
import type { Row, RowSource } from '../grid/source';

/**
 * Rows held by the extension host: the grid asks for windows, so a large result is never
 * held twice. Sorting and filtering run in the host too.
 *
 * Until the first rows are here the count stays 0 and not done ("Running…"): a count the
 * grid shows over empty rows, with widths not measured yet, looks like empty results.
 */
/** The grid reads rows in blocks of this many (grid.ts BLOCK). */
const FIRST_ROWS = 256;

export class HostSource implements RowSource {
  private total = 0;
  private finished = false;
  private readonly listeners: (() => void)[] = [];
  private requests = 0;
  private readonly waiting = new Map<number, (rows: readonly Row[]) => void>();
  /** The host's count, held back until the first rows arrive. */
  private pending: { count: number; done: boolean } | undefined;
  /** The first rows, fetched before the count is shown; the grid's first read gets them. */
  private head: readonly Row[] | undefined;
  private shown = false;

  constructor(readonly columns: readonly ColumnInfo[], private readonly run: number, private readonly result: number, private readonly send: (m: WebviewToHost) => void) {}

  count(): number {
    return this.total;
  }

  done(): boolean {
    return this.finished;
  }

  /** The host said how many rows there are now. */
  setCount(count: number, done: boolean): void {
    if (!this.shown && count > 0) return this.holdBack(count, done);
    this.shown ||= count > 0 || done;
    this.total = count;
    this.finished = done;
    for (const listener of this.listeners) listener();
  }

  private holdBack(count: number, done: boolean): void {
    const fetching = this.pending !== undefined;
    this.pending = { count, done };
    if (fetching) return;
    void this.rows(0, FIRST_ROWS).then((rows) => {
      this.head = rows;
      this.shown = true;
      const { count: total, done: finished } = this.pending ?? { count, done };
      this.pending = undefined;
      this.setCount(total, finished);
    });
  }

  receive(request: number, rows: readonly Row[]): void {
    this.waiting.get(request)?.(rows);
    this.waiting.delete(request);
  }

  rows(start: number, count: number): Promise<readonly Row[]> {
    const head = this.head;
    this.head = undefined;
    if (head && start === 0) return Promise.resolve(head.slice(0, count));
    return this.read(start, count);
  }

  /** Rows in view order straight from the host (the chart reads them all at once). */
  read(start: number, count: number): Promise<readonly Row[]> {
    const request = ++this.requests;
    return new Promise((resolve) => {
      this.waiting.set(request, resolve);
      this.send({ type: 'window', run: this.run, result: this.result, request, start, count });
    });
  }

  async setView(sort: SortSpec | undefined, filter: FilterSpec): Promise<void> {
    this.head = undefined;
    this.send({ type: 'view', run: this.run, result: this.result, sort, filter });
  }

  async copy(from: number, to: number, columns: readonly number[], withHeaders: boolean): Promise<void> {
    this.send({ type: 'copy', run: this.run, result: this.result, from, to, columns, withHeaders });
  }

  /** The grid and the chart both follow the count. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
