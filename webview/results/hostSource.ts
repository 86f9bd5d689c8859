import type { FilterSpec, SortSpec } from '../../src/results/rowView';
import type { ColumnInfo, WebviewToHost } from '../../src/results/protocol';
import type { Row, RowSource } from '../grid/source';

/**
 * Rows held by the extension host: the grid asks for windows, so a large result is never
 * held twice. Sorting and filtering run in the host too.
 */
export class HostSource implements RowSource {
  private total = 0;
  private finished = false;
  private listener: () => void = () => undefined;
  private requests = 0;
  private readonly waiting = new Map<number, (rows: readonly Row[]) => void>();

  constructor(readonly columns: readonly ColumnInfo[], private readonly run: number, private readonly result: number, private readonly send: (m: WebviewToHost) => void) {}

  count(): number {
    return this.total;
  }

  done(): boolean {
    return this.finished;
  }

  /** The host said how many rows there are now. */
  setCount(count: number, done: boolean): void {
    this.total = count;
    this.finished = done;
    this.listener();
  }

  receive(request: number, rows: readonly Row[]): void {
    this.waiting.get(request)?.(rows);
    this.waiting.delete(request);
  }

  rows(start: number, count: number): Promise<readonly Row[]> {
    const request = ++this.requests;
    return new Promise((resolve) => {
      this.waiting.set(request, resolve);
      this.send({ type: 'window', run: this.run, result: this.result, request, start, count });
    });
  }

  async setView(sort: SortSpec | undefined, filter: FilterSpec): Promise<void> {
    this.send({ type: 'view', run: this.run, result: this.result, sort, filter });
  }

  async copy(from: number, to: number, columns: readonly number[], withHeaders: boolean): Promise<void> {
    this.send({ type: 'copy', run: this.run, result: this.result, from, to, columns, withHeaders });
  }

  onChange(listener: () => void): void {
    this.listener = listener;
  }
}
