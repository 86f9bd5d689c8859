import type { ResultLayout } from '../../src/engine/run/result';
import type { SqlValue } from '../../src/values';
import type { ExportFormat } from '../../src/results/protocol';
import type { FilterSpec, SortSpec } from '../../src/results/rowView';
import { ColumnLayout } from './columnLayout';
import { canvasMeasure, type Measure } from './columnWidths';
import { el, GridHeader } from './header';
import { RecordView } from './recordView';
import type { Row, RowSource } from './source';
import { addStyleSheet, GRID_CSS } from './styles';
import { Selection, type Cell } from './selection';
import { Toolbar, type ToolbarAction } from './toolbar';
import { isJson, openViewer } from './viewer';

const ROW_HEIGHT = 22;
const BLOCK = 256;
const OVERSCAN = 3;
/** Double-clicking a column's edge measures the rows already loaded, up to this many. */
const FIT_SAMPLE = 5000;
/** Typing in a filter narrows the rows once typing pauses this long. */
const FILTER_DELAY = 150;
/**
 * Browsers cap an element's height (about 33.5 million px in Chromium); 22 px rows reach it
 * near 1.5 million rows. Past that the spacer is scaled and scroll positions map back.
 */
const MAX_SPACER = 30_000_000;

export interface GridOptions {
  /** Asks the host to save the whole result; absent where export is not offered. */
  exportAs?: (format: ExportFormat) => void;
  /** How the result is first shown ('record' for EXPLAIN); the "…" menu switches. */
  layout?: ResultLayout;
}

interface Filter { quick?: string; columns: Record<number, string> }

/**
 * A virtualized grid: only the visible rows exist in the DOM (a recycled pool), rows arrive
 * from the source in blocks, every value is rendered with textContent.
 */
export class Grid {
  readonly element: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rowsLayer: HTMLElement;
  private readonly header: GridHeader;
  private readonly toolbar: Toolbar;
  private readonly pool: HTMLElement[] = [];
  private readonly blocks = new Map<number, readonly Row[] | 'loading'>();
  /** A partial block's rows while its refreshed copy loads, so streaming never blanks rows on screen. */
  private readonly stale = new Map<number, readonly Row[]>();
  private order: number[];
  private readonly columns: ColumnLayout;
  private measure: Measure | undefined;
  private sort: SortSpec | undefined;
  private filter: Filter = { columns: {} };
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly selection = new Selection();
  private pending = false;
  /** The header's offset as the rows last set it (followHeader). */
  private headerLeft = 0;
  private generation = 0;
  private viewer: HTMLElement | undefined;
  /** Present while the record view is shown (recordView.ts); the table's rows are then hidden. */
  private records: RecordView | undefined;

  constructor(private readonly source: RowSource, options: GridOptions = {}) {
    addStyleSheet(GRID_CSS);
    this.order = source.columns.map((_, i) => i);
    this.columns = new ColumnLayout(source.columns);
    this.element = el('div', 'gs-grid');
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-colcount', String(source.columns.length));
    this.toolbar = new Toolbar(this.actions(options), (quick) => this.setFilter({ ...this.filter, quick }));
    this.header = new GridHeader(source.columns, {
      sort: (col) => this.toggleSort(col),
      move: (from, to) => this.moveColumn(from, to),
      resize: (col, start, delta) => this.pin(col, Math.max(40, start + delta)),
      fit: (col) => this.fitToContent(col),
      filter: (col, text) => this.setFilter({ ...this.filter, columns: { ...this.filter.columns, [col]: text } }),
      widthOf: (col) => this.columns.widths[col] ?? 0,
    });
    const progress = el('div', 'gs-progress');
    progress.setAttribute('aria-hidden', 'true');
    this.viewport = el('div', 'gs-viewport');
    this.spacer = el('div', 'gs-spacer');
    this.rowsLayer = el('div', 'gs-rows');
    this.rowsLayer.setAttribute('role', 'rowgroup');
    this.spacer.append(this.rowsLayer);
    this.viewport.append(this.spacer);
    this.element.append(this.toolbar.element, progress, this.header.element, this.viewport);
    this.element.style.setProperty('--gs-row-height', `${ROW_HEIGHT}px`);
    this.viewport.addEventListener('scroll', () => {
      // The header scrolls sideways with the rows.
      this.header.element.scrollLeft = this.viewport.scrollLeft;
      this.headerLeft = this.header.element.scrollLeft;
      this.schedule();
    }, { passive: true });
    // The browser may scroll the header alone (a filter box focused by a click or Tab): the rows follow.
    this.header.element.addEventListener('scroll', () => this.followHeader(), { passive: true });
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.rowsLayer.addEventListener('mousedown', (e) => this.onMouse(e));
    this.rowsLayer.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    new ResizeObserver(() => {
      this.layoutColumns();
      this.schedule();
    }).observe(this.viewport);
    source.onChange(() => this.reset(false));
    this.header.arrange(this.order);
    this.header.update(this.sort, this.columns.numeric);
    this.applyWidths();
    if (options.layout === 'record') this.toggleLayout();
    this.reset(false);
  }

  private actions(options: GridOptions): ToolbarAction[] {
    const exportAs = options.exportAs;
    return [
      { label: 'Copy with headers', icon: 'copy', keys: 'Ctrl+Shift+C', run: () => void this.copy(true) },
      { label: 'Copy', keys: 'Ctrl+C', run: () => void this.copy(false) },
      ...(exportAs ? [
        { label: 'Export CSV', icon: 'export', run: () => exportAs('csv') } as const,
        { label: 'Export JSON', run: () => exportAs('json') },
        { label: 'Export Excel', run: () => exportAs('xlsx') },
        { label: 'Export Parquet', run: () => exportAs('parquet') },
      ] : []),
      { label: 'Fit columns to content', run: () => this.refit() },
      { label: () => (this.records ? 'Table view' : 'Record view'), keys: 'Alt+R', run: () => this.toggleLayout() },
    ];
  }

  /** Record view ⇄ table view: the record view replaces the header and rows (CSS), the toolbar stays. */
  private toggleLayout(): void {
    this.records?.element.remove();
    this.records = this.records ? undefined : new RecordView(this.source, () => this.order);
    this.element.classList.toggle('gs-record-mode', this.records !== undefined);
    if (this.records) {
      this.element.append(this.records.element);
      void this.records.refresh(true);
    }
    this.schedule();
  }

  /** Re-reads the count; with `clear`, forgets cached rows (a new view). */
  private reset(clear: boolean): void {
    if (clear) {
      this.blocks.clear();
      this.stale.clear();
      this.generation++;
    }
    const count = this.source.count();
    this.spacer.style.height = `${Math.min(count * ROW_HEIGHT, MAX_SPACER)}px`;
    this.element.setAttribute('aria-rowcount', String(count + 1));
    this.toolbar.setStatus(statusText(count, this.source.done()));
    if (this.columns.resizeGutter(count, this.measure)) this.layoutColumns();
    void this.records?.refresh(clear);
    // New rows may have streamed into a partial last block: read it again.
    const last = Math.floor(Math.max(0, count - 1) / BLOCK);
    const partial = this.blocks.get(last);
    if (partial !== 'loading' && (partial?.length ?? BLOCK) < BLOCK) {
      if (partial) this.stale.set(last, partial);
      this.blocks.delete(last);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  /** Maps the scroll position to the first visible row (scaled past the height cap). */
  private firstVisible(): number {
    const count = this.source.count();
    const full = count * ROW_HEIGHT;
    const top = this.viewport.scrollTop;
    if (full <= MAX_SPACER) return Math.floor(top / ROW_HEIGHT);
    const maxTop = Math.max(1, MAX_SPACER - this.viewport.clientHeight);
    return Math.floor((top / maxTop) * Math.max(0, count - this.visibleCount()));
  }

  private visibleCount(): number {
    return Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 1;
  }

  /** Renders now instead of at the next frame (benchmarks measure a frame's work with it). */
  renderNow(): void {
    this.render();
  }

  private render(): void {
    // Before the rows are filled: the new widths and the new rows are then laid out once.
    this.sampleWidths();
    const count = this.source.count();
    const visibleFirst = this.firstVisible();
    const first = Math.max(0, visibleFirst - OVERSCAN);
    const last = Math.min(count, visibleFirst + this.visibleCount() + OVERSCAN);
    const size = this.visibleCount() + 2 * OVERSCAN;
    while (this.pool.length < size) {
      const row = this.newRow();
      this.pool.push(row);
      this.rowsLayer.append(row);
    }
    // Past the height cap the layer follows the scroll position; below it rows sit at their own offsets.
    const scaled = count * ROW_HEIGHT > MAX_SPACER;
    this.rowsLayer.style.transform = scaled ? `translateY(${this.viewport.scrollTop - (visibleFirst - first) * ROW_HEIGHT - first * ROW_HEIGHT}px)` : '';
    // Each row element keeps its index while it stays in view (index modulo the pool):
    // a small scroll refills only the rows it exposes.
    const shown = new Set<HTMLElement>();
    let missing = false;
    for (let index = first; index < last; index++) {
      const rowEl = this.pool[index % this.pool.length] as HTMLElement & { _index?: number; _data?: Row | undefined; _selection?: string };
      shown.add(rowEl);
      const data = this.rowAt(index);
      if (!data) missing = true;
      const selection = this.selection.keyOf(index);
      if (rowEl._index !== index || rowEl._data !== data || rowEl._selection !== selection) {
        this.fillRow(rowEl, index, data);
        rowEl._data = data;
        rowEl._selection = selection;
      }
      if (rowEl.style.display) rowEl.style.display = '';
      rowEl.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    }
    for (const rowEl of this.pool) if (!shown.has(rowEl) && rowEl.style.display !== 'none') rowEl.style.display = 'none';
    // Shows that rows are on their way: the query still runs, or rows on screen are not loaded yet.
    this.element.classList.toggle('gs-loading', missing || !this.source.done());
  }

  /** The row at a view position; while its block loads (the load is started), the row shown before, if any. */
  private rowAt(index: number): Row | undefined {
    const blockNo = Math.floor(index / BLOCK);
    const block = this.blocks.get(blockNo);
    const offset = index - blockNo * BLOCK;
    if (block === 'loading') return this.stale.get(blockNo)?.[offset];
    if (block) return block[offset];
    this.blocks.set(blockNo, 'loading');
    const generation = this.generation;
    void this.source.rows(blockNo * BLOCK, BLOCK).then((rows) => {
      if (generation !== this.generation) return;
      this.blocks.set(blockNo, rows);
      this.stale.delete(blockNo);
      if (this.blocks.size > 64) this.evict(blockNo);
      this.schedule();
    });
    return this.stale.get(blockNo)?.[offset];
  }

  /** Keeps memory bounded: far-away blocks are dropped and read again if scrolled back to. */
  private evict(keep: number): void {
    for (const key of [...this.blocks.keys()].sort((a, b) => Math.abs(b - keep) - Math.abs(a - keep)).slice(0, this.blocks.size - 48)) this.blocks.delete(key);
  }

  private newRow(): HTMLElement {
    const row = el('div', 'gs-row');
    row.setAttribute('role', 'row');
    const gutter = el('div', 'gs-cell gutter');
    gutter.setAttribute('role', 'rowheader');
    row.append(gutter);
    for (let c = 0; c < this.order.length; c++) {
      const cell = el('div', 'gs-cell');
      cell.setAttribute('role', 'gridcell');
      row.append(cell);
    }
    return row;
  }

  private fillRow(rowEl: HTMLElement, index: number, row: Row | undefined): void {
    if ((rowEl as HTMLElement & { _index?: number })._index !== index) rowEl.setAttribute('aria-rowindex', String(index + 2));
    (rowEl as HTMLElement & { _index?: number })._index = index;
    const cells = rowEl.children;
    const gutter = cells[0] as HTMLElement;
    // A row not loaded yet has no number: blank numbered rows look like empty results.
    gutter.textContent = row ? String(index + 1) : '';
    gutter.classList.toggle('selected', this.selection.has(index, -1));
    for (let p = 0; p < this.order.length; p++) {
      const col = this.order[p] as number;
      const cell = cells[p + 1] as HTMLElement;
      const value: SqlValue | undefined = row ? (row[col] ?? null) : undefined;
      const type = this.source.columns[col]?.type;
      let text: string;
      let cls = 'gs-cell';
      if (value === undefined) text = '';
      else if (value === null) {
        text = 'NULL';
        cls += ' null';
      } else {
        text = String(value);
        if (typeof value === 'number' || type === 'integer' || type === 'real' || this.columns.numeric[col]) cls += ' num';
        else if (isJson(text)) cls += ' json';
      }
      if (this.selection.has(index, p)) cls += ' selected';
      if (this.selection.focus?.row === index && this.selection.focus.col === p) cls += ' focus';
      if (cell.className !== cls) cell.className = cls;
      if (cell.textContent !== text) {
        // textContent only: a value such as <img src=x onerror=…> stays text.
        cell.textContent = text;
        cell.title = text.length > 40 ? text.slice(0, 2000) : '';
      }
    }
  }

  // ---- column widths ----

  /** Measures the first rows once they are loaded (again as more of them stream in), then lays the columns out. */
  private sampleWidths(): void {
    const first = this.blocks.get(0);
    if (first === undefined || first === 'loading' || !this.columns.wants(first.length) || !this.element.isConnected) return;
    // Reads before writes: the layout is still clean, so reading it costs nothing.
    const width = this.viewport.clientWidth;
    this.measure ??= canvasMeasure(getComputedStyle(this.viewport), getComputedStyle(this.header.element.querySelector('.gs-hcell') ?? this.header.element));
    this.columns.sample(first, this.measure, this.source.count());
    this.header.update(this.sort, this.columns.numeric);
    this.layoutColumns(width);
  }

  /** Columns the user did not size share the view's width; hidden grids wait until shown. */
  private layoutColumns(width = this.viewport.clientWidth): void {
    this.columns.layout(this.order, width);
    this.applyWidths();
  }

  /** Double-click on a column's edge: wide enough for its header and the rows loaded (not wider than the view). */
  private fitToContent(col: number): void {
    if (!this.measure) return;
    this.columns.fit(col, this.loadedValues(col), this.measure, this.viewport.clientWidth);
    this.applyWidths();
  }

  /** A column's values in the rows already loaded, up to FIT_SAMPLE of them. */
  private *loadedValues(col: number): Generator<SqlValue> {
    let n = 0;
    for (const block of this.blocks.values()) {
      if (block === 'loading') continue;
      for (const row of block) {
        if (n++ >= FIT_SAMPLE) return;
        yield row[col] ?? null;
      }
    }
  }

  /**
   * Header and rows share one horizontal offset. Only a scroll of the header's own (not the
   * echo of the rows' offset, whose event may arrive a frame later, clamped to the header's
   * narrower range) moves the rows.
   */
  private followHeader(): void {
    const left = this.header.element.scrollLeft;
    if (left === this.headerLeft) return;
    this.headerLeft = left;
    this.viewport.scrollLeft = left;
  }

  /** "Fit columns to content": every column as a double-click on its edge fits it. */
  private refit(): void {
    this.sampleWidths();
    for (const col of this.order) this.fitToContent(col);
  }

  private pin(col: number, width: number): void {
    this.columns.pin(col, width);
    this.applyWidths();
  }

  private applyWidths(): void {
    const total = `${this.columns.total(this.order)}px`;
    this.element.style.setProperty('--gs-cols', this.columns.template(this.order));
    this.element.style.setProperty('--gs-width', total);
    this.spacer.style.width = total;
  }

  private moveColumn(from: number, to: number): void {
    const [col] = this.order.splice(from, 1);
    if (col === undefined) return;
    this.order.splice(to, 0, col);
    this.selection.moveColumn(from, to);
    this.header.arrange(this.order);
    this.applyWidths();
    void this.records?.refresh(true);
    // Every row's cells are refilled in the new order.
    for (const rowEl of this.pool) (rowEl as HTMLElement & { _index?: number })._index = undefined;
    this.schedule();
  }

  private toggleSort(col: number): void {
    // asc → desc → unsorted
    this.sort = this.sort?.column !== col ? { column: col, direction: 'asc' } : this.sort.direction === 'asc' ? { column: col, direction: 'desc' } : undefined;
    void this.applyView();
  }

  /** Filters apply once typing pauses; the boxes themselves are never rebuilt (header.ts). */
  private setFilter(filter: Filter): void {
    this.filter = filter;
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => void this.applyView(), FILTER_DELAY);
  }

  private async applyView(): Promise<void> {
    clearTimeout(this.filterTimer);
    const spec: FilterSpec = { quick: this.filter.quick, columns: this.filter.columns };
    this.header.update(this.sort, this.columns.numeric);
    await this.source.setView(this.sort, spec);
    // A sort keeps the selected positions; a filter that leaves fewer rows trims them.
    this.selection.keepWithin(this.source.count());
    this.reset(true);
  }

  // ---- selection and keyboard ----

  private select(cell: Cell, extend: boolean): void {
    const count = this.source.count();
    if (count === 0) return;
    const focus = this.selection.moveTo(cell, extend, count, this.order.length);
    this.scrollIntoView(focus.row);
    this.scrollColumnIntoView(focus.col);
    this.schedule();
  }

  /** Sideways: the column at a display position fully in view, right of the sticky gutter. */
  private scrollColumnIntoView(position: number): void {
    if (position < 0) return;
    const left = this.columns.total(this.order.slice(0, position));
    const right = left + (this.columns.widths[this.order[position] as number] ?? 0);
    const view = this.viewport;
    const visibleLeft = view.scrollLeft + this.columns.gutter;
    if (left < visibleLeft) view.scrollLeft = left - this.columns.gutter;
    else if (right > view.scrollLeft + view.clientWidth) view.scrollLeft = Math.min(left - this.columns.gutter, right - view.clientWidth);
  }

  private scrollIntoView(row: number): void {
    if (this.source.count() * ROW_HEIGHT > MAX_SPACER) return;
    const top = row * ROW_HEIGHT;
    const view = this.viewport;
    if (top < view.scrollTop) view.scrollTop = top;
    else if (top + ROW_HEIGHT > view.scrollTop + view.clientHeight) view.scrollTop = top + ROW_HEIGHT - view.clientHeight;
  }

  /** The cell under an event: the row element knows its index, the column is its position. */
  private cellOf(target: HTMLElement): Cell | undefined {
    const cell = target.closest('.gs-cell') as HTMLElement | null;
    const rowEl = cell?.parentElement as (HTMLElement & { _index?: number }) | null;
    if (!cell || !rowEl || rowEl._index === undefined) return undefined;
    return { row: rowEl._index, col: [...rowEl.children].indexOf(cell) - 1 };
  }

  private onMouse(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const rowEl = target.closest('.gs-row') as (HTMLElement & { _index?: number }) | null;
    if (!rowEl || rowEl._index === undefined) return;
    this.closeViewer();
    this.element.focus();
    if (target.classList.contains('gutter')) {
      // The gutter selects whole rows.
      this.selection.rowsTo(rowEl._index, e.shiftKey, this.order.length);
      this.schedule();
      return;
    }
    const cell = this.cellOf(target);
    if (cell && cell.col >= 0) this.select(cell, e.shiftKey);
  }

  private onDoubleClick(e: MouseEvent): void {
    const cell = this.cellOf(e.target as HTMLElement);
    if (cell && cell.col >= 0) void this.openViewer(cell);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.viewer?.contains(e.target as Node)) {
      // In the viewer keys select and copy its text; Escape closes it.
      if (e.key === 'Escape') this.closeViewer();
      return;
    }
    // Keys typed in a filter box or on a toolbar button are theirs.
    if (e.target !== this.element) return;
    if (e.altKey && e.code === 'KeyR') {
      e.preventDefault();
      this.toggleLayout();
      return;
    }
    if (this.records) return this.onRecordKey(e);
    const f = this.selection.focus ?? { row: 0, col: 0 };
    const page = Math.max(1, this.visibleCount() - 1);
    const ctrl = e.ctrlKey || e.metaKey;
    const moves: Record<string, Cell | undefined> = {
      ArrowDown: { row: f.row + 1, col: f.col },
      ArrowUp: { row: f.row - 1, col: f.col },
      ArrowRight: { row: f.row, col: f.col + 1 },
      ArrowLeft: { row: f.row, col: f.col - 1 },
      PageDown: { row: f.row + page, col: f.col },
      PageUp: { row: f.row - page, col: f.col },
      Home: ctrl ? { row: 0, col: 0 } : { row: f.row, col: 0 },
      End: ctrl ? { row: this.source.count() - 1, col: this.order.length - 1 } : { row: f.row, col: this.order.length - 1 },
    };
    if (moves[e.key]) {
      e.preventDefault();
      this.select(moves[e.key] as Cell, e.shiftKey);
    } else if (ctrl && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      if (this.source.count() > 0) this.selection.all(this.source.count(), this.order.length);
      this.schedule();
    } else if (ctrl && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void this.copy(e.shiftKey);
    } else if (e.key === 'Enter' && this.selection.focus) {
      e.preventDefault();
      void this.openViewer(this.selection.focus);
    } else if (e.key === 'Escape' && this.viewer) {
      this.closeViewer();
    }
  }

  /**
   * Record view keys: Ctrl+C copies the records shown as the table would (TSV with headers,
   * one line per record), unless text is selected in the view: the browser copies that.
   */
  private onRecordKey(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'c') return;
    const selected = document.getSelection();
    if (selected && !selected.isCollapsed && this.records?.element.contains(selected.anchorNode)) return;
    e.preventDefault();
    void this.copy(true);
  }

  /** Copies the selection (or the focused cell) as TSV, or the records shown; the source writes the clipboard. */
  async copy(withHeaders: boolean): Promise<void> {
    const count = this.source.count();
    if (count === 0) return;
    // The record view has no cell selection: its records, whole, with headers.
    if (this.records) return this.records.count > 0 ? this.source.copy(0, this.records.count - 1, this.order, true) : undefined;
    const { from, to, positions } = this.selection.range(count, this.order.length);
    const cols = positions.map((p) => this.order[p] as number);
    await this.source.copy(from, to, cols, withHeaders);
  }

  /** The full value of a cell (viewer.ts), beside the cell. */
  private async openViewer(cell: Cell): Promise<void> {
    const [row] = await this.source.rows(cell.row, 1);
    const col = this.order[cell.col];
    if (!row || col === undefined) return;
    const value = row[col];
    if (value === null || value === undefined) return;
    this.closeViewer();
    const rowEl = this.pool.find((r) => (r as HTMLElement & { _index?: number })._index === cell.row && r.style.display !== 'none');
    const cellEl = rowEl?.children[cell.col + 1];
    const rect = cellEl?.getBoundingClientRect() ?? this.viewport.getBoundingClientRect();
    this.viewer = openViewer(this.source.columns[col]?.name ?? '', String(value), { container: this.element, cell: rect }, () => this.closeViewer());
  }

  private closeViewer(): void {
    if (!this.viewer) return;
    this.viewer.remove();
    this.viewer = undefined;
    this.element.focus();
  }
}

function statusText(count: number, done: boolean): string {
  if (!done && count === 0) return 'Running…';
  return `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}${done ? '' : ' so far…'}`;
}
