/**
 * The notebook renderer for Gong SQL results: the results grid over the rows the output
 * carries (bounded by the controller; the output says so when a result had more).
 */
import type { ActivationFunction } from 'vscode-notebook-renderer';
import type { ResultOutput } from '../../src/notebook/notebookFile';
import { Grid } from '../grid/grid';
import { MemorySource } from '../grid/source';

export const activate: ActivationFunction = () => ({
  renderOutputItem(item, element) {
    const output = item.json() as ResultOutput;
    const source = new MemorySource(output.columns, output.rows as (readonly (string | number | null)[])[], (text) => navigator.clipboard.writeText(text));
    const grid = new Grid(source, { layout: output.layout === 'record' ? 'record' : 'table' });
    const frame = document.createElement('div');
    // The record view shows a record's fields as rows, their values wrapped.
    const lines = output.layout === 'record' ? output.columns.length * 2 : output.rows.length;
    frame.style.height = `${Math.min(420, 90 + lines * 22)}px`;
    frame.style.display = 'flex';
    frame.style.flexDirection = 'column';
    frame.append(grid.element);
    const notes = document.createElement('div');
    for (const m of output.messages) {
      const p = document.createElement('p');
      p.textContent = m;
      p.style.margin = '2px 0';
      p.style.color = 'var(--vscode-descriptionForeground)';
      notes.append(p);
    }
    element.replaceChildren(frame, notes);
  },
});
