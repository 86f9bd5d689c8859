/**
 * The grid's two header rows: column names (sort, drag to move, drag or double-click the
 * edge to resize or fit) and a filter box per column. The cells are built once per column
 * and only moved or updated afterwards, so a filter box keeps its focus, caret and text
 * while the rows change under it.
 */
import type { ColumnInfo } from '../../src/results/protocol';
import type { SortSpec } from '../../src/results/rowView';

export interface HeaderActions {
  sort(column: number): void;
  move(fromPosition: number, toPosition: number): void;
  /** A drag on a column's edge, from the width it had when the drag started. */
  resize(column: number, startWidth: number, delta: number): void;
  fit(column: number): void;
  filter(column: number, text: string): void;
  widthOf(column: number): number;
}

interface ColumnCells { name: HTMLElement; arrow: HTMLElement; filter: HTMLElement; input: HTMLInputElement }

export class GridHeader {
  readonly element: HTMLElement;
  private readonly names: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly cells: ColumnCells[];

  constructor(private readonly columns: readonly ColumnInfo[], private readonly actions: HeaderActions) {
    this.element = el('div', 'gs-head');
    this.names = el('div', 'gs-row');
    this.names.setAttribute('role', 'row');
    this.names.setAttribute('aria-rowindex', '1');
    this.filters = el('div', 'gs-row gs-filter');
    this.cells = columns.map((info, col) => this.columnCells(info, col));
    this.element.append(this.names, this.filters);
  }

  /** Puts the cells in display order (the same elements: nothing typed is lost). */
  arrange(order: readonly number[]): void {
    const cells = order.map((col) => this.cells[col] as ColumnCells);
    this.names.replaceChildren(el('div', 'gs-cell gutter'), ...cells.map((c) => c.name));
    this.filters.replaceChildren(el('div', 'gs-cell gutter'), ...cells.map((c) => c.filter));
  }

  /** Sort arrows and alignment: numeric columns are right-aligned like their values. */
  update(sort: SortSpec | undefined, numeric: readonly boolean[]): void {
    this.cells.forEach((cells, col) => {
      const direction = sort?.column === col ? sort.direction : undefined;
      cells.name.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none');
      cells.arrow.textContent = direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '';
      cells.name.classList.toggle('num', numeric[col] === true);
      cells.input.classList.toggle('num', numeric[col] === true);
    });
  }

  private columnCells(info: ColumnInfo, col: number): ColumnCells {
    const name = el('div', 'gs-cell gs-hcell');
    name.setAttribute('role', 'columnheader');
    name.title = `${info.name}${knownType(info.type) ? ` (${info.type})` : ''}. Click to sort; drag to move; drag the edge to resize, double-click it to fit.`;
    const label = el('span', 'gs-label');
    label.textContent = info.name;
    const arrow = el('span', 'gs-sort');
    name.append(label, arrow, this.resizeHandle(col));
    name.addEventListener('click', () => this.actions.sort(col));
    name.draggable = true;
    name.addEventListener('dragstart', (e) => e.dataTransfer?.setData('text/x-gs-column', String(this.positionOf(name))));
    name.addEventListener('dragover', (e) => { e.preventDefault(); name.classList.add('drop'); });
    name.addEventListener('dragleave', () => name.classList.remove('drop'));
    name.addEventListener('drop', (e) => {
      e.preventDefault();
      name.classList.remove('drop');
      const from = Number(e.dataTransfer?.getData('text/x-gs-column'));
      if (!Number.isNaN(from)) this.actions.move(from, this.positionOf(name));
    });
    const filter = el('div', 'gs-cell');
    const input = document.createElement('input');
    // Short enough for the narrowest column; the tooltip says what the box does.
    input.placeholder = FILTER_PLACEHOLDER;
    input.setAttribute('aria-label', `Filter ${info.name}`);
    input.title = `Filter ${info.name}: rows whose value contains the text`;
    input.addEventListener('input', () => this.actions.filter(col, input.value));
    input.addEventListener('keydown', (e) => e.stopPropagation());
    filter.append(input);
    return { name, arrow, filter, input };
  }

  private resizeHandle(col: number): HTMLElement {
    const handle = el('span', 'gs-resize');
    handle.addEventListener('mousedown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      const startX = e.clientX;
      const startWidth = this.actions.widthOf(col);
      const move = (m: MouseEvent) => this.actions.resize(col, startWidth, m.clientX - startX);
      const up = () => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    });
    handle.addEventListener('click', (e) => e.stopPropagation());
    handle.addEventListener('dblclick', (e) => {
      e.stopPropagation();
      this.actions.fit(col);
    });
    return handle;
  }

  /** The column's display position: its place among the header cells after the gutter. */
  private positionOf(name: HTMLElement): number {
    return [...this.names.children].indexOf(name) - 1;
  }
}

const FILTER_PLACEHOLDER = '…';

/** A column's type is unknown ('null') for columns computed or streamed before their type is known. */
function knownType(type: string): boolean {
  return type !== '' && type !== 'null';
}

export function el(tag: string, className: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}
