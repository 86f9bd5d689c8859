/**
 * The results panel's Chart tab: a chart of the result set whose tab was chosen last (a
 * picker when the run has several), drawn from the rows the grid shows (its filter and sort),
 * read from the extension host once the query has finished.
 */
import { el } from '../grid/header';
import { ChartView, type ChartFormat } from '../chart/chartView';
import type { HostSource } from './hostSource';

/** Rows a chart reads at most; the chart says when the result has more. */
export const CHART_ROWS = 100_000;

interface Charted {
  readonly title: string;
  readonly source: HostSource;
  readonly view: ChartView;
  /** Counts the reads: a read answered after a newer one started is dropped. */
  reads: number;
  /** The chart shows the rows as they are now (no filter, sort or new rows since). */
  fresh: boolean;
}

export class ChartTab {
  readonly element: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly holder: HTMLElement;
  private readonly charts = new Map<number, Charted>();
  private current: number | undefined;
  private visible = false;

  constructor(private readonly save: (title: string, format: ChartFormat, data: string) => void) {
    this.element = el('div', 'chart-tab');
    const pick = document.createElement('label');
    pick.className = 'chart-pick';
    pick.textContent = 'Result ';
    this.picker = document.createElement('select');
    this.picker.addEventListener('change', () => this.choose(Number(this.picker.value)));
    pick.append(this.picker);
    pick.hidden = true;
    this.holder = el('div', 'chart-holder');
    this.element.append(pick, this.holder);
  }

  add(result: number, title: string, source: HostSource): void {
    const view = new ChartView(source.columns, { save: (format, data) => this.save(title, format, data) });
    const charted: Charted = { title, source, view, reads: 0, fresh: false };
    this.charts.set(result, charted);
    const option = document.createElement('option');
    option.value = String(result);
    option.textContent = title;
    this.picker.append(option);
    (this.picker.parentElement as HTMLElement).hidden = this.charts.size < 2;
    // A filter, a sort or more rows: read them again when the chart is shown.
    source.onChange(() => {
      charted.fresh = false;
      if (this.visible && this.current === result) void this.load();
    });
    if (this.current === undefined) this.choose(result);
  }

  /** The result to chart (its grid's tab was selected, or the picker changed). */
  choose(result: number): void {
    const charted = this.charts.get(result);
    if (!charted || this.current === result) return;
    this.current = result;
    this.picker.value = String(result);
    this.holder.replaceChildren(charted.view.element);
    if (this.visible) void this.load();
  }

  /** The tab was shown or hidden. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) void this.load();
  }

  /** Reads the rows (in the grid's view order) once the query has finished, again after a change. */
  private async load(): Promise<void> {
    const charted = this.current === undefined ? undefined : this.charts.get(this.current);
    if (!charted || charted.fresh) return;
    const { source, view } = charted;
    if (!source.done()) return view.wait('The chart is drawn when the query has finished…');
    charted.fresh = true;
    const read = ++charted.reads;
    const count = source.count();
    const rows = await source.read(0, Math.min(count, CHART_ROWS));
    const notes = count > CHART_ROWS ? [`Charting the first ${CHART_ROWS.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} rows.`] : [];
    if (read === charted.reads) view.show(rows, notes);
  }
}
