/**
 * The grid's toolbar: the quick filter, what is known about the rows (running, how many),
 * and actions as VS Code shows them: icons with their names as tooltips, the rest in a "…"
 * menu. It fits any width: the filter and the count give way, the actions stay.
 */
import { el } from './header';
import { iconButton, type IconName } from './icons';

export interface ToolbarAction {
  /** A function when the name follows a state (read each time the menu opens). */
  readonly label: string | (() => string);
  /** Shown as an icon in the toolbar; without one, the action is only in the menu. */
  readonly icon?: IconName;
  /** A key that does the same, shown in the menu. */
  readonly keys?: string;
  run(): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  readonly quick: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly more: HTMLButtonElement;
  private menu: HTMLElement | undefined;

  constructor(private readonly actions: readonly ToolbarAction[], onQuickFilter: (text: string) => void) {
    this.element = el('div', 'gs-toolbar');
    this.quick = document.createElement('input');
    this.quick.className = 'gs-quick';
    this.quick.placeholder = 'Filter rows…';
    this.quick.setAttribute('aria-label', 'Filter all columns');
    this.quick.addEventListener('input', () => onQuickFilter(this.quick.value));
    this.status = el('span', 'gs-count');
    this.status.setAttribute('role', 'status');
    const bar = el('div', 'gs-actions');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Result actions');
    for (const action of actions) if (action.icon) bar.append(iconButton(action.icon, labelOf(action), () => action.run()));
    this.more = iconButton('more', 'More actions…', (e) => {
      e.stopPropagation();
      if (this.menu) this.closeMenu();
      else this.openMenu();
    });
    this.more.setAttribute('aria-haspopup', 'menu');
    bar.append(this.more);
    this.element.append(this.quick, this.status, bar);
  }

  setStatus(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
    this.status.title = text;
  }

  /** Every action with its name (and key), keyboard-navigable, closed by Escape or a click elsewhere. */
  private openMenu(): void {
    const menu = el('div', 'gs-menu');
    menu.setAttribute('role', 'menu');
    const items = this.actions.map((action) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'gs-menuitem';
      item.setAttribute('role', 'menuitem');
      const label = el('span', 'gs-menulabel');
      label.textContent = labelOf(action);
      const keys = el('span', 'gs-menukeys');
      keys.textContent = action.keys ?? '';
      item.append(label, keys);
      item.addEventListener('click', () => {
        this.closeMenu();
        action.run();
      });
      return item;
    });
    menu.append(...items);
    menu.addEventListener('keydown', (e) => {
      e.stopPropagation();
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'Escape') {
        this.closeMenu();
        this.more.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }
    });
    this.element.append(menu);
    this.menu = menu;
    items[0]?.focus();
    document.addEventListener('mousedown', this.outside, true);
  }

  private readonly outside = (e: MouseEvent) => {
    if (!this.menu?.contains(e.target as Node) && !this.more.contains(e.target as Node)) this.closeMenu();
  };

  private closeMenu(): void {
    this.menu?.remove();
    this.menu = undefined;
    document.removeEventListener('mousedown', this.outside, true);
  }
}

const labelOf = (action: ToolbarAction) => (typeof action.label === 'function' ? action.label() : action.label);
