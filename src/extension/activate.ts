import * as vscode from 'vscode';
import { GongTree } from '../explorer/gongTree';
import { ResultsPanels } from '../results/resultsPanel';
import { runQuery } from './commands/runQuery';
import { Connections } from './connections';

/**
 * Wires the extension together. Activation stays cheap: the sandbox starts, and its data
 * is generated, on the first query, not here.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Gong SQL', { log: true });
  const connections = new Connections(log);
  const panels = new ResultsPanels(context.extensionUri);
  const tree = new GongTree(() => connections.activeLabel);
  const status = vscode.window.createStatusBarItem('gongsql.connection', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Gong SQL connection';
  const refreshStatus = async () => {
    const usage = await connections.usage();
    status.text = `$(database) Gong: ${connections.activeLabel}${usage ? ` · ${usage.used}/${usage.limit.toLocaleString('en-US')} calls today` : ''}`;
    status.tooltip = 'Active Gong SQL connection and the API calls used today against the daily limit';
  };
  void refreshStatus();
  status.show();

  context.subscriptions.push(
    log,
    panels,
    status,
    { dispose: () => void connections.dispose() },
    connections.onDidChange(() => void refreshStatus()),
    vscode.window.registerTreeDataProvider('gongsql.explorer', tree),
    vscode.commands.registerCommand('gongsql.runQuery', () => runQuery(connections, panels, log)),
    vscode.commands.registerCommand('gongsql.refreshExplorer', () => tree.refresh()),
    vscode.commands.registerCommand('gongsql.newQuery', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content: 'SELECT Id, Title, Started FROM Calls LIMIT 100;\n' });
      await vscode.window.showTextDocument(document);
    }),
  );
  log.info('Gong SQL activated');
}

export function deactivate(): void {
  // Disposables registered on the context close the sandbox and the clients.
}
