import { join } from 'node:path';
import * as vscode from 'vscode';
import { registerExplorerCommands } from '../explorer/explorerCommands';
import { GongTree } from '../explorer/gongTree';
import { registerLanguageFeatures } from '../language/providers';
import { registerChartMessages } from '../notebook/chartMessages';
import { registerNotebookCommands } from '../notebook/commands';
import { createNotebookController } from '../notebook/controller';
import { NOTEBOOK_TYPE } from '../notebook/notebookFile';
import { GongNotebookSerializer } from '../notebook/serializer';
import { RESULTS_VIEW_TYPE, ResultsPanels } from '../results/resultsPanel';
import { CONNECTION_COMMANDS } from './commands/connectionCommands';
import { MIRROR_COMMANDS } from './commands/mirrorCommandIds';
import { GongAuthenticationProvider } from './authProvider';
import { OAuthRedirects } from './oauthRedirects';
import type { RunMode, RunTarget } from './commands/runQuery';
import { activeConnectionName, usageToday } from './connectionSettings';
import { registerExampleQueries } from './exampleQueries';
import { registerLmTools } from './lmTools';
import type { Runtime } from './runtime';
import { warnAboutWorkspaceConnections } from './workspaceConnections';
import { EditorHistory } from './history/editorHistory';
import { registerHistoryCommands } from './history/historyCommands';
import { HistoryTree } from './history/historyTree';
import { RememberedParameters } from '../history/parameters';

/**
 * Wires the extension together. Activation stays light: the language features, the tree and
 * the status bar need only the catalog and the parser; the HTTP client, the sandbox and the
 * engine's evaluator (dist/runtime.js) load on the first command that needs them.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Gong SQL', { log: true });
  // A mirror connection's objects come from its mirror, read by the runtime (loaded then).
  const tree = new GongTree((name) => load().mirrorObjects(name));
  const kernel = createNotebookController(() => (text, signal, cell) => load().execute(text, signal, cell), activeConnectionName);
  // The query history (shared with the CLI) and the :name values remembered per file and connection.
  const history = new EditorHistory(log);
  const parameters = new RememberedParameters(context.globalState);
  const historyTree = new HistoryTree(history);
  const status = vscode.window.createStatusBarItem('gongsql.connection', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Gong SQL connection';
  status.command = 'gongsql.switchConnection';
  const refresh = () => {
    const name = activeConnectionName();
    const used = usageToday(context.globalState, name);
    status.text = `$(database) Gong: ${name}${used === undefined ? '' : ` · ${used}/10,000 calls today`}`;
    status.tooltip = 'Active Gong SQL connection and the API calls used today against the daily limit. Click to switch.';
    tree.refresh();
    kernel.describe();
  };
  refresh();
  status.show();

  // The OAuth redirect handler must exist from activation on: the browser may answer any time.
  const redirects = new OAuthRedirects();
  const accounts = new GongAuthenticationProvider(context.secrets, (name) => load().removeConnection(name));
  let runtime: Runtime | undefined;
  // Here, not in the runtime: VS Code restores the panels of a reloaded window at activation.
  const panels = new ResultsPanels(context.extensionUri, (uri, statement) => void load().rerun(uri, statement));
  const load = (): Runtime => {
    if (!runtime) {
      // Not a static import: esbuild bundles runtime.ts on its own (see scripts/build.mjs).
      const { Runtime: RuntimeClass } = require(join(__dirname, 'runtime.js')) as typeof import('./runtime');
      runtime = new RuntimeClass(context, log, refresh, redirects, panels, { history, parameters });
    }
    return runtime;
  };
  const run = async (target: RunTarget, mode: RunMode = 'run') => {
    // A suggestion list left open by typing would sit over the results the run opens. Typing's
    // quick suggestions may open it just after the key that ran, so it is closed again when
    // the run ends, unless the user has typed since (then the list is theirs).
    const hideSuggestions = () => void vscode.commands.executeCommand('hideSuggestWidget');
    const document = vscode.window.activeTextEditor?.document;
    const version = document?.version;
    hideSuggestions();
    try {
      return await load().run(target, mode);
    } finally {
      if (document && vscode.window.activeTextEditor?.document === document && document.version === version) hideSuggestions();
    }
  };
  const rangeTarget = (uri?: vscode.Uri, start?: number, end?: number): RunTarget =>
    uri instanceof vscode.Uri && start !== undefined && end !== undefined ? { uri, start, end } : 'statement';

  // SQLite's check of each statement comes from the runtime bundle, loaded at the first check.
  registerLanguageFeatures(context, (text) => (require(join(__dirname, 'runtime.js')) as typeof import('./runtime')).checkStatement(text));
  context.subscriptions.push(
    log,
    status,
    { dispose: () => void runtime?.dispose() },
    panels,
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, panels),
    vscode.window.registerUriHandler(redirects),
    accounts,
    vscode.authentication.registerAuthenticationProvider('gong', 'Gong', accounts, { supportsMultipleAccounts: true }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql')) refresh(); }),
    vscode.window.registerTreeDataProvider('gongsql.explorer', tree),
    history,
    historyTree.createView(),
    ...registerHistoryCommands({ history, tree: historyTree, panels, parameters, activeConnection: activeConnectionName }),
    vscode.commands.registerCommand('gongsql.runStatement', (uri?: vscode.Uri, start?: number, end?: number) => run(rangeTarget(uri, start, end))),
    vscode.commands.registerCommand('gongsql.runFile', () => run('file')),
    // Run File's former duplicate: no longer in the palette, still bound for keybindings that name it.
    vscode.commands.registerCommand('gongsql.runQuery', () => run('file')),
    vscode.commands.registerCommand('gongsql.runStatementRefresh', (uri?: vscode.Uri, start?: number, end?: number) => run(rangeTarget(uri, start, end), 'refresh')),
    vscode.commands.registerCommand('gongsql.explainStatement', (uri?: vscode.Uri, start?: number, end?: number) => run(rangeTarget(uri, start, end), 'explain')),
    ...CONNECTION_COMMANDS.map((id) => vscode.commands.registerCommand(id, (arg?: unknown) => load().connectionCommand(id, arg))),
    ...MIRROR_COMMANDS.map((id) => vscode.commands.registerCommand(id, () => load().mirrorCommand(id))),
    ...registerExplorerCommands(tree),
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new GongNotebookSerializer(), { transientOutputs: false }),
    ...kernel.disposables,
    ...registerNotebookCommands(),
    registerExampleQueries(),
    registerChartMessages(log),
    ...registerLmTools(context, load),
  );
  void warnAboutWorkspaceConnections();
  log.info(`Gong SQL activated in ${(performance.now() - started).toFixed(0)} ms`);
}

export function deactivate(): void {
  // Disposables registered on the context close the sandbox and the clients.
}
