import type { SqlValue } from '../../src/values';
import { toTsv, viewIndex, type FilterSpec, type SortSpec } from '../../src/results/rowView';
import type { ColumnInfo } from '../../src/results/protocol';

export type Row = readonly SqlValue[];

/**
 * Where the grid's rows come from, in view order (sorted, filtered). The results panel's
 * source asks the extension host for windows; notebooks and the benchmark hold rows here.
 */
export interface RowSource {
  readonly columns: readonly ColumnInfo[];
  count(): number;
  /** Whether more rows may still arrive (streaming). */
  done(): boolean;
  rows(start: number, count: number): Promise<readonly Row[]>;
  setView(sort: SortSpec | undefined, filter: FilterSpec): Promise<void>;
  copy(from: number, to: number, columns: readonly number[], withHeaders: boolean): Promise<void>;
  /** Called when the count changes (rows streamed in, a new view). */
  onChange(listener: () => void): void;
}

/** Rows held in the page: sorting and filtering run here. */
export class MemorySource implements RowSource {
  private index: Uint32Array;
  private sort: SortSpec | undefined;
  private filter: FilterSpec = {};
  private listener: () => void = () => undefined;

  constructor(readonly columns: readonly ColumnInfo[], private readonly all: Row[], private readonly writeClipboard: (text: string) => Promise<void>) {
    this.index = viewIndex(all, undefined);
  }

  count(): number {
    return this.index.length;
  }

  done(): boolean {
    return true;
  }

  async rows(start: number, count: number): Promise<readonly Row[]> {
    const out: Row[] = [];
    for (let i = start; i < Math.min(this.index.length, start + count); i++) out.push(this.all[this.index[i] as number] as Row);
    return out;
  }

  async setView(sort: SortSpec | undefined, filter: FilterSpec): Promise<void> {
    this.sort = sort;
    this.filter = filter;
    this.index = viewIndex(this.all, this.sort, this.filter);
    this.listener();
  }

  async copy(from: number, to: number, columns: readonly number[], withHeaders: boolean): Promise<void> {
    const rows = (await this.rows(from, to - from + 1)).map((r) => columns.map((c) => r[c] ?? null));
    await this.writeClipboard(toTsv(withHeaders ? columns.map((c) => this.columns[c]?.name ?? '') : undefined, rows));
  }

  onChange(listener: () => void): void {
    this.listener = listener;
  }
}
