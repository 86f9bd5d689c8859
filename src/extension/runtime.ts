import type * as vscode from 'vscode';
import { ResultsPanels } from '../results/resultsPanel';
import { connectionCommandHandlers, type ConnectionCommand } from './commands/connectionCommands';
import { runQuery, type RunTarget } from './commands/runQuery';
import { Connections } from './connections';

/**
 * Everything that talks to Gong: connections (the HTTP client, the sandbox), the engine, the
 * results panels. Bundled apart (dist/runtime.js) and loaded on the first command that
 * needs it, so that activation stays light.
 */
export class Runtime {
  private readonly connections: Connections;
  private readonly panels: ResultsPanels;
  private readonly handlers: Record<ConnectionCommand, () => Promise<void>>;
  private readonly subscription: vscode.Disposable;

  constructor(context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel, onChange: () => void) {
    this.connections = new Connections(context, log);
    this.panels = new ResultsPanels(context.extensionUri);
    this.handlers = connectionCommandHandlers(this.connections);
    this.subscription = this.connections.onDidChange(onChange);
  }

  run(target: RunTarget, explain = false): Promise<void> {
    return runQuery(this.connections, this.panels, this.log, target, explain);
  }

  connectionCommand(id: ConnectionCommand): Promise<void> {
    return this.handlers[id]();
  }

  async dispose(): Promise<void> {
    this.subscription.dispose();
    this.panels.dispose();
    await this.connections.dispose();
  }
}
