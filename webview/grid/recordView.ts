/**
 * The record view (psql's expanded display, DBeaver's record mode): fields as rows, records
 * as columns, every value wrapped so nothing is cut. Meant for a few records of long text
 * (EXPLAIN's sentences), so it shows at most RECORD_LIMIT records and says when there are
 * more. It reads rows from the same source as the table, in the same view order, and
 * renders every value with textContent.
 */
import type { SqlValue } from '../../src/values';
import { el } from './header';
import type { Row, RowSource } from './source';

/** Records shown side by side at most; the table view shows them all. */
export const RECORD_LIMIT = 50;

export class RecordView {
  readonly element: HTMLElement;
  private shown: readonly Row[] = [];
  private generation = 0;

  /** `order` gives the columns (fields) in the table's current order. */
  constructor(private readonly source: RowSource, private readonly order: () => readonly number[]) {
    this.element = el('div', 'gs-records');
  }

  /**
   * Reads the first records again and shows them: always for a new view (sort, filter, the
   * columns moved), and while rows stream in until the view is full.
   */
  async refresh(viewChanged: boolean): Promise<void> {
    const generation = ++this.generation;
    const wanted = Math.min(this.source.count(), RECORD_LIMIT);
    if (!viewChanged && wanted === this.shown.length) {
      this.element.querySelector('.gs-rec-note')?.replaceWith(this.note());
      return;
    }
    const rows = await this.source.rows(0, wanted);
    if (generation !== this.generation) return;
    this.shown = rows;
    this.render();
  }

  /** How many records are shown (view positions 0 … count-1). */
  get count(): number {
    return this.shown.length;
  }

  private render(): void {
    const fields = this.order();
    const table = el('div', 'gs-rec-table');
    table.setAttribute('role', 'table');
    table.setAttribute('aria-label', 'Records');
    table.style.gridTemplateColumns = `fit-content(40%) repeat(${Math.max(1, this.shown.length)}, minmax(6em, 1fr))`;
    table.append(this.headRow(), ...fields.map((col) => this.fieldRow(col)));
    this.element.replaceChildren(table, this.note());
  }

  /** "Field", then "Record 1", "Record 2", …: the record's position in the current view. */
  private headRow(): HTMLElement {
    const names = ['Field', ...this.shown.map((_, i) => `Record ${i + 1}`)];
    return row(names.map((name, i) => cell(i === 0 ? 'gs-rec-corner' : 'gs-rec-head', 'columnheader', name)));
  }

  private fieldRow(col: number): HTMLElement {
    const name = this.source.columns[col]?.name ?? '';
    return row([cell('gs-rec-name', 'rowheader', name), ...this.shown.map((r) => valueCell(r[col] ?? null))]);
  }

  /** Says when the view holds more records than shown, or that it has none. */
  private note(): HTMLElement {
    const total = this.source.count();
    const p = el('p', 'gs-rec-note');
    if (total === 0) p.textContent = this.source.done() ? 'No records.' : 'Running…';
    else if (total > this.shown.length) p.textContent = `Showing the first ${this.shown.length} of ${total.toLocaleString('en-US')}${this.source.done() ? '' : '+'} records: Table view shows them all.`;
    return p;
  }
}

function row(cells: HTMLElement[]): HTMLElement {
  const r = el('div', 'gs-rec-row');
  r.setAttribute('role', 'row');
  r.append(...cells);
  return r;
}

function cell(className: string, role: string, text: string): HTMLElement {
  const c = el('div', className);
  c.setAttribute('role', role);
  c.textContent = text;
  return c;
}

/** A value as the table shows it: NULL in the null style, numbers right-aligned; textContent only. */
function valueCell(value: SqlValue): HTMLElement {
  if (value === null) return cell('gs-rec-value null', 'cell', 'NULL');
  return cell(typeof value === 'number' ? 'gs-rec-value num' : 'gs-rec-value', 'cell', String(value));
}
