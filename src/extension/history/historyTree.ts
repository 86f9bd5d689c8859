import * as vscode from 'vscode';
import type { HistoryEntry } from '../../history/entry';
import { describeEntry, groupByDay, runTime } from '../../history/search';
import type { EditorHistory } from './editorHistory';

/** A day of the history, or one run of it. */
export type HistoryNode = { kind: 'day'; label: string; entries: HistoryEntry[] } | { kind: 'entry'; entry: HistoryEntry; kept: boolean };

/** Runs shown at most: the view is for recent work; Search Query History reaches every run. */
const SHOWN = 500;

/** The Query History view: runs grouped by day, newest first, narrowed by a filter. */
export class HistoryTree implements vscode.TreeDataProvider<HistoryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private view: vscode.TreeView<HistoryNode> | undefined;

  constructor(private readonly history: EditorHistory) {
    history.onDidChange(() => this.changed.fire());
  }

  /** The view this provider fills: its description shows the filter, its message a filter that matches nothing. */
  createView(): vscode.TreeView<HistoryNode> {
    this.view = vscode.window.createTreeView('gongsql.history', { treeDataProvider: this });
    return this.view;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    if (this.view) this.view.description = this.filterText ? `filter: ${this.filterText}` : undefined;
    void vscode.commands.executeCommand('setContext', 'gongsql.historyFiltered', this.filterText !== '');
    this.changed.fire();
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'day') {
      const kept = await this.history.store.keptIds();
      return node.entries.map((entry) => ({ kind: 'entry', entry, kept: kept.has(entry.id) }));
    }
    if (node) return [];
    const entries = await this.history.store.list({ search: this.filterText, limit: SHOWN });
    if (this.view) this.view.message = this.filterText && entries.length === 0 ? `No run matches "${this.filterText}".` : undefined;
    return groupByDay(entries).map((g) => ({ kind: 'day', ...g }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'day') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `day:${node.label}`;
      item.description = `${node.entries.length} run${node.entries.length === 1 ? '' : 's'}`;
      item.contextValue = 'historyDay';
      return item;
    }
    const { entry, kept } = node;
    // The time first: in a narrow side bar, runs of the same query still tell apart.
    const item = new vscode.TreeItem(`${clock(entry.at)}  ${oneLine(entry.text)}`, vscode.TreeItemCollapsibleState.None);
    item.id = entry.id;
    item.description = describeEntry(entry);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendCodeblock(entry.text, 'gongsql');
    tooltip.appendText(`${runTime(entry.at)} · ${entry.surface}${entry.file ? ` · ${fileName(entry.file)}` : ''}\n${describeEntry(entry)}\n${resultNote(entry, kept)}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(ICONS[entry.outcome]);
    item.contextValue = kept ? 'historyEntry.kept' : 'historyEntry';
    item.command = { command: 'gongsql.history.openInEditor', title: 'Open in Editor', arguments: [node] };
    return item;
  }
}

/** Each outcome its own icon: a cancelled run and a declined one are told apart at a glance. */
export const ICONS: Record<HistoryEntry['outcome'], string> = { ok: 'pass', error: 'error', cancelled: 'debug-stop', declined: 'circle-slash' };

/** Whether the run's rows can be reopened, and if not, why. */
export function resultNote(entry: HistoryEntry, kept: boolean): string {
  if (kept) return 'Result kept: Open Result shows it with 0 API calls.';
  if (entry.notKept) return `Result not kept: ${entry.notKept}.`;
  if (entry.outcome !== 'ok') return `Result not kept: only a run that ends well keeps its rows.`;
  return 'Result not kept: it had no rows, or newer runs pushed it out, or it was cleared.';
}

/** The text on one line, shortened for a tree row. */
export function oneLine(text: string, length = 80): string {
  const flat = text.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** The local time of day, HH:MM. */
export function clock(at: string): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function fileName(file: string): string {
  return decodeURIComponent(file.split(/[\\/]/).pop() ?? file);
}
