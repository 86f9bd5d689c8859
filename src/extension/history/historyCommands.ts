import * as vscode from 'vscode';
import type { HistoryEntry } from '../../history/entry';
import type { RememberedParameters } from '../../history/parameters';
import { describeEntry, matchesSearch, runTime } from '../../history/search';
import type { ResultsPanels } from '../../results/resultsPanel';
import type { EditorHistory } from './editorHistory';
import { clock, oneLine, type HistoryNode, type HistoryTree } from './historyTree';

/** What a history command acts on: a row of the view, or a run picked in Search Query History. */
type Target = HistoryNode | HistoryEntry | undefined;

/** What the history commands need from the rest of the extension. */
export interface HistoryCommandDeps {
  readonly history: EditorHistory;
  readonly tree: HistoryTree;
  readonly panels: ResultsPanels;
  readonly parameters: RememberedParameters;
  readonly activeConnection: () => string;
}

/** The Query History view's and palette's commands: open, run again, copy, open a kept result, filter, search, clear. */
export function registerHistoryCommands(deps: HistoryCommandDeps): vscode.Disposable[] {
  const { history, tree } = deps;
  const on = (fn: (entry: HistoryEntry) => Promise<unknown>) => async (target: Target) => {
    const entry = entryOf(target);
    if (entry) await fn(entry);
  };
  return [
    vscode.commands.registerCommand('gongsql.history.openInEditor', on(openInEditor)),
    vscode.commands.registerCommand('gongsql.history.runAgain', on((entry) => runAgain(entry, deps))),
    vscode.commands.registerCommand('gongsql.history.copy', on(copy)),
    vscode.commands.registerCommand('gongsql.history.openResult', on((entry) => openResult(entry, deps))),
    vscode.commands.registerCommand('gongsql.history.filter', () => askFilter(tree)),
    vscode.commands.registerCommand('gongsql.history.clearFilter', () => tree.setFilter('')),
    vscode.commands.registerCommand('gongsql.history.refresh', () => history.refresh()),
    vscode.commands.registerCommand('gongsql.searchQueryHistory', () => search(deps)),
    vscode.commands.registerCommand('gongsql.clearQueryHistory', () => clear(history)),
  ];
}

function entryOf(target: Target): HistoryEntry | undefined {
  if (!target) return undefined;
  if ('kind' in target) return target.kind === 'entry' ? target.entry : undefined;
  return target;
}

/** The run's text in a new editor, to read or change before running. */
async function openInEditor(entry: HistoryEntry): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content: entry.text });
  return vscode.window.showTextDocument(document);
}

/** The text in a new editor, run on the active connection; its parameters are offered with the values it ran with. */
async function runAgain(entry: HistoryEntry, deps: HistoryCommandDeps): Promise<void> {
  const editor = await openInEditor(entry);
  const values = Object.fromEntries(Object.entries(entry.params ?? {}).filter(([, v]) => v !== null));
  await deps.parameters.remember(editor.document.uri.toString(), deps.activeConnection(), values);
  await vscode.commands.executeCommand('gongsql.runFile');
}

async function copy(entry: HistoryEntry): Promise<void> {
  await vscode.env.clipboard.writeText(entry.text);
  void vscode.window.setStatusBarMessage('Gong SQL: query copied', 3000);
}

/** The run's kept rows in a results panel, read from disk: 0 API calls. */
async function openResult(entry: HistoryEntry, deps: HistoryCommandDeps): Promise<void> {
  const kept = await deps.history.store.readResult(entry.id);
  if (!kept) {
    void vscode.window.showInformationMessage('Gong SQL: the result of this run is no longer kept (newer runs pushed it out, it was cleared, or keeping results is off: gongsql.history.keepResults). Run it again to see it.');
    return;
  }
  const note = `Kept from the run of ${runTime(entry.at)} on ${entry.connection}: these rows were read then. Reopened from query history: 0 API calls.`;
  await deps.panels.showKept(`History ${clock(entry.at)}`, entry.text, kept, note);
}

/** The filter box: the view narrows as the user types (every word must match). */
async function askFilter(tree: HistoryTree): Promise<void> {
  const box = vscode.window.createInputBox();
  box.title = 'Filter Query History';
  box.placeholder = 'Words in the query, connection, file, outcome (failed, cancelled, declined) or error';
  box.value = tree.filter;
  box.onDidChangeValue((value) => tree.setFilter(value));
  box.onDidAccept(() => {
    // The whole value, even if its last keystrokes' change events are still on their way.
    tree.setFilter(box.value);
    box.hide();
  });
  box.onDidHide(() => box.dispose());
  box.show();
}

interface EntryPick extends vscode.QuickPickItem { readonly entry: HistoryEntry }
interface ActionPick extends vscode.QuickPickItem { readonly run: () => Promise<unknown> }

/** Gong: Search Query History: every run, searched by its text, connection and outcome; then what to do with it. */
async function search(deps: HistoryCommandDeps): Promise<void> {
  const [entries, kept] = await Promise.all([deps.history.store.list(), deps.history.store.keptIds()]);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('Gong SQL: the query history is empty. Runs are added as you run queries.');
    return;
  }
  const items = entries.map((entry): EntryPick => ({
    label: oneLine(entry.text),
    description: `${runTime(entry.at)}${kept.has(entry.id) ? ' · result kept' : ''}`,
    detail: describeEntry(entry),
    entry,
    // Shown whenever it matches the typed words (below), not by VS Code's fuzzy letters.
    alwaysShow: true,
  }));
  const picked = await pickMatching(items);
  if (!picked) return;
  const { entry } = picked;
  const actions: ActionPick[] = [
    ...(kept.has(entry.id) ? [{ label: '$(table) Open Result', description: 'the rows kept from that run, 0 API calls', run: () => openResult(entry, deps) }] : []),
    { label: '$(go-to-file) Open in Editor', run: () => openInEditor(entry) },
    { label: '$(play) Run Again', description: `on ${deps.activeConnection()}`, run: () => runAgain(entry, deps) },
    { label: '$(copy) Copy Query', run: () => copy(entry) },
  ];
  const action = await vscode.window.showQuickPick(actions, { title: oneLine(entry.text, 60) });
  await action?.run();
}

/**
 * A quick pick that narrows by the typed words as substrings (every word, any case, as the
 * view's filter does), in place of VS Code's fuzzy letter matching, which put "C…a…S…T" over "CAST".
 */
function pickMatching(items: readonly EntryPick[]): Promise<EntryPick | undefined> {
  const pick = vscode.window.createQuickPick<EntryPick>();
  pick.title = 'Search Query History';
  pick.placeholder = 'Words in the query, connection, file or outcome (failed, cancelled, declined)';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.items = items;
  pick.onDidChangeValue((value) => { pick.items = items.filter((item) => matchesSearch(item.entry, value)); });
  return new Promise((done) => {
    pick.onDidAccept(() => { done(pick.selectedItems[0]); pick.hide(); });
    pick.onDidHide(() => { done(undefined); pick.dispose(); });
    pick.show();
  });
}

/** Clears the kept results (they hold customer data), or the whole history, after asking. */
async function clear(history: EditorHistory): Promise<void> {
  const everything = 'Clear History and Results';
  const results = 'Clear Kept Results Only';
  const answer = await vscode.window.showWarningMessage(`Clear the query history in ${history.store.dir}? It is shared with the gongsql CLI on this machine.`, { modal: true }, everything, results);
  if (!answer) return;
  await history.store.clear({ entries: answer === everything });
  history.refresh();
  void vscode.window.showInformationMessage(answer === everything ? 'Gong SQL: query history and kept results cleared.' : 'Gong SQL: kept results cleared.');
}
