import * as vscode from 'vscode';
import { registerExplorerCommands } from '../explorer/explorerCommands';
import { GongTree } from '../explorer/gongTree';
import { registerLanguageFeatures } from '../language/providers';
import { ResultsPanels } from '../results/resultsPanel';
import { registerConnectionCommands } from './commands/connectionCommands';
import { runQuery } from './commands/runQuery';
import { Connections } from './connections';

/**
 * Wires the extension together. Activation stays cheap: the sandbox and its data start on
 * the first query, not here.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Gong SQL', { log: true });
  const connections = new Connections(context, log);
  const panels = new ResultsPanels(context.extensionUri);
  const tree = new GongTree(() => connections.activeLabel);
  const status = vscode.window.createStatusBarItem('gongsql.connection', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Gong SQL connection';
  status.command = 'gongsql.switchConnection';
  const refresh = () => {
    const usage = connections.usage();
    status.text = `$(database) Gong: ${connections.activeLabel}${usage ? ` · ${usage.used}/${usage.limit.toLocaleString('en-US')} calls today` : ''}`;
    status.tooltip = 'Active Gong SQL connection and the API calls used today against the daily limit. Click to switch.';
    tree.refresh();
  };
  refresh();
  status.show();
  const run = (target: Parameters<typeof runQuery>[3], explain = false) => runQuery(connections, panels, log, target, explain);

  registerLanguageFeatures(context);
  context.subscriptions.push(
    log,
    panels,
    status,
    { dispose: () => void connections.dispose() },
    connections.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql')) refresh(); }),
    vscode.window.registerTreeDataProvider('gongsql.explorer', tree),
    vscode.commands.registerCommand('gongsql.runStatement', (uri?: vscode.Uri, start?: number, end?: number) =>
      run(uri instanceof vscode.Uri && start !== undefined && end !== undefined ? { uri, start, end } : 'statement')),
    vscode.commands.registerCommand('gongsql.runFile', () => run('file')),
    vscode.commands.registerCommand('gongsql.runQuery', () => run('file')),
    vscode.commands.registerCommand('gongsql.explainStatement', (uri?: vscode.Uri, start?: number, end?: number) =>
      run(uri instanceof vscode.Uri && start !== undefined && end !== undefined ? { uri, start, end } : 'statement', true)),
    ...registerExplorerCommands(tree),
    ...registerConnectionCommands(connections),
  );
  log.info('Gong SQL activated');
}

export function deactivate(): void {
  // Disposables registered on the context close the sandbox and the clients.
}
