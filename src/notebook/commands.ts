import * as vscode from 'vscode';
import { statementSpans } from '../engine/ide/statements';
import { cellsFromScript, NOTEBOOK_TYPE, scriptFromCells, type NotebookCellJson } from './notebookFile';
import { registerParameterSetCommand } from './notebookParameters';

const code = (source: string) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'gongsql');

/** New notebook, a .gongsql file as a notebook, a notebook as a .gongsql file, the notebook's parameter set. */
export function registerNotebookCommands(): vscode.Disposable[] {
  return [
    registerParameterSetCommand(),
    vscode.commands.registerCommand('gongsql.newNotebook', async () => {
      const data = new vscode.NotebookData([
        new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# Gong SQL notebook\nRun a cell with Ctrl+Enter.', 'markdown'),
        code('SELECT Name, Description FROM Workspaces ORDER BY Name'),
      ]);
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data));
    }),
    vscode.commands.registerCommand('gongsql.openAsNotebook', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'gongsql') {
        void vscode.window.showInformationMessage('Open a .gongsql file first.');
        return;
      }
      const text = editor.document.getText();
      const data = new vscode.NotebookData(cellsFromScript(text, statementSpans(text)).map((c) => code(c.source.join('\n'))));
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data));
    }),
    vscode.commands.registerCommand('gongsql.exportNotebook', async () => {
      const notebook = vscode.window.activeNotebookEditor?.notebook;
      if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
        void vscode.window.showInformationMessage('Open a Gong SQL notebook first.');
        return;
      }
      const cells = notebook.getCells().map((c): NotebookCellJson => ({ kind: c.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'gongsql', source: c.document.getText().split('\n') }));
      const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content: scriptFromCells(cells) });
      await vscode.window.showTextDocument(document);
    }),
  ];
}
