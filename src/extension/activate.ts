import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../sandbox';

let sandbox: Sandbox | undefined;

/**
 * Activation stays cheap: nothing starts until a command needs it (the sandbox generates
 * its data on first use, not on activation).
 */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('gongsql.startSandbox', async () => {
      sandbox ??= await startSandbox();
      void vscode.window.showInformationMessage(`Gong API sandbox running at ${sandbox.url}`);
      return sandbox.url;
    }),
    { dispose: () => void sandbox?.close() },
  );
}

export function deactivate(): Promise<void> | undefined {
  return sandbox?.close();
}
