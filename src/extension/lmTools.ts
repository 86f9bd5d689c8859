import * as vscode from 'vscode';
import { agentToolName } from './lmToolsText';
import type { Runtime } from './runtime';

/**
 * Registers gongsql's language-model tools (package.json's `languageModelTools`, which VS Code
 * activates the extension for) so that an agent in the editor can query Gong on the active
 * connection. Light: the ids come from the manifest, and the work from the runtime bundle,
 * loaded on the first call (`load`).
 */
export function registerLmTools(context: vscode.ExtensionContext, load: () => Runtime): vscode.Disposable[] {
  const contributed = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } }).contributes?.languageModelTools ?? [];
  return contributed.flatMap(({ name: id }) => {
    const name = agentToolName(id);
    if (!name) return [];
    return [vscode.lm.registerTool<unknown>(id, {
      prepareInvocation: (options, token) => load().agentTools().prepare(name, options.input, token),
      invoke: (options, token) => load().agentTools().invoke(name, options.input, token),
    })];
  });
}
