import * as vscode from 'vscode';
import { columnDoc, procedureDoc, tableDoc } from '../engine/ide/docs';
import type { GongNode, GongTree } from './gongTree';

/** The explorer's context actions. */
export function registerExplorerCommands(tree: GongTree): vscode.Disposable[] {
  const openQuery = async (content: string, run: boolean) => {
    const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content });
    await vscode.window.showTextDocument(document);
    if (run) await vscode.commands.executeCommand('gongsql.runFile');
  };
  return [
    vscode.commands.registerCommand('gongsql.refreshExplorer', () => tree.refresh()),
    vscode.commands.registerCommand('gongsql.newQuery', () => openQuery('SELECT Id, Title, Started FROM Calls LIMIT 100;\n', false)),
    vscode.commands.registerCommand('gongsql.selectTop100', (node: GongNode) => {
      if (node?.kind === 'table') return openQuery(`SELECT * FROM ${node.table.name} LIMIT 100;\n`, true);
    }),
    vscode.commands.registerCommand('gongsql.describe', async (node: GongNode) => {
      const markdown = node?.kind === 'table' ? `${tableDoc(node.table)}\n\n| Column | Type | Notes |\n| --- | --- | --- |\n${node.table.columns.map((c) => `| ${c.name} | ${c.type} | ${[c.key ? 'key' : '', c.insertOnly ? 'insert-only' : '', c.description.replace(/\|/g, '\\|')].filter(Boolean).join('; ')} |`).join('\n')}`
        : node?.kind === 'column' ? columnDoc(node.table, node.column)
        : node?.kind === 'procedure' ? procedureDoc(node.procedure) : undefined;
      if (!markdown) return;
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.commands.executeCommand('markdown.showPreview', document.uri).then(undefined, () => vscode.window.showTextDocument(document));
    }),
    vscode.commands.registerCommand('gongsql.copyName', async (node: GongNode) => {
      const name = node?.kind === 'table' ? node.table.name : node?.kind === 'column' ? node.column.name : node?.kind === 'procedure' ? node.procedure.name : node?.kind === 'parameter' ? node.param.name : undefined;
      if (name) await vscode.env.clipboard.writeText(name);
    }),
    vscode.commands.registerCommand('gongsql.runProcedure', async (node: GongNode) => {
      if (node?.kind !== 'procedure') return;
      const stops = node.procedure.params.filter((p) => p.required).map((p, i) => (p.type === 'binary' ? `:${p.name}` : `\${${i + 1}:${p.name}}`)).join(', ');
      const snippet = new vscode.SnippetString(`CALL ${node.procedure.name}(${stops});\n`);
      const editor = vscode.window.activeTextEditor?.document.languageId === 'gongsql' ? vscode.window.activeTextEditor : await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'gongsql', content: '' }));
      await editor.insertSnippet(snippet);
    }),
  ];
}
