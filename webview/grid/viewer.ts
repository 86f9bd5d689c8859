/**
 * The cell viewer: a cell's whole value (JSON pretty-printed) in a small themed popup beside
 * the cell, as large as the value needs and no larger; its text can be selected and copied.
 * Escape or the close action closes it.
 */
import { el } from './header';
import { iconButton } from './icons';

export interface ViewerPlace {
  /** The grid element the popup is placed in. */
  readonly container: HTMLElement;
  /** The cell shown, in viewport coordinates. */
  readonly cell: DOMRect;
}

export function prettyValue(text: string): string {
  if (!isJson(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text; // not JSON after all: shown as written
  }
}

export function isJson(text: string): boolean {
  const c = text[0];
  return (c === '[' || c === '{') && text.length > 1;
}

export function openViewer(column: string, value: string, place: ViewerPlace, onClose: () => void): HTMLElement {
  const viewer = el('div', 'gs-viewer');
  viewer.setAttribute('role', 'dialog');
  viewer.setAttribute('aria-label', `Value of ${column}`);
  viewer.tabIndex = -1;
  const title = el('div', 'gs-viewer-title');
  const name = el('span', 'gs-viewer-name');
  name.textContent = column;
  title.append(name, iconButton('close', 'Close (Escape)', onClose));
  const pre = document.createElement('pre');
  pre.textContent = prettyValue(value);
  viewer.append(title, pre);
  place.container.append(viewer);
  position(viewer, place);
  viewer.focus();
  return viewer;
}

/** Below the cell, or above it when there is more room there; never outside the grid. */
function position(viewer: HTMLElement, { container, cell }: ViewerPlace): void {
  const box = container.getBoundingClientRect();
  const below = box.bottom - cell.bottom;
  const above = cell.top - box.top;
  const room = Math.max(below, above) - 8;
  viewer.style.maxHeight = `${Math.max(80, room)}px`;
  const width = viewer.offsetWidth;
  const height = Math.min(viewer.offsetHeight, Math.max(80, room));
  const left = Math.max(4, Math.min(cell.left - box.left, box.width - width - 4));
  const top = below >= height + 4 || below >= above ? cell.bottom - box.top + 2 : cell.top - box.top - height - 2;
  viewer.style.left = `${left}px`;
  viewer.style.top = `${Math.max(0, top)}px`;
}
