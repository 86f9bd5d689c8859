import * as vscode from 'vscode';
import { parseNotebook, RESULT_MIME, serializeNotebook, sourceText, type NotebookCellJson, type ResultOutput } from './format';
import { outputOf } from './outputs';

/** .gongsqlnb ⇄ notebook: the format lives in format.ts; this only adapts it to VS Code's types. */
export class GongNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { cells, problem, dropped } = parseNotebook(new TextDecoder().decode(content));
    // Refusing to open beats opening empty: a save would overwrite what could not be read.
    if (problem) throw new Error(problem);
    if (dropped.length > 0) void vscode.window.showWarningMessage(droppedWarning(dropped));
    return new vscode.NotebookData(cells.map((c) => {
      const cell = new vscode.NotebookCellData(c.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code, sourceText(c), c.kind === 'markdown' ? 'markdown' : 'gongsql');
      if (c.outputs) cell.outputs = c.outputs.map(outputOf);
      return cell;
    }));
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const keepOutputs = vscode.workspace.getConfiguration('gongsql').get<boolean>('notebook.saveOutputs', false);
    const cells = data.cells.map((c): NotebookCellJson => ({
      kind: c.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'gongsql',
      source: c.value.split('\n'),
      outputs: keepOutputs ? savedOutputs(c.outputs ?? []) : undefined,
    }));
    return new TextEncoder().encode(serializeNotebook(cells, keepOutputs));
  }
}

/** Names the cells whose saved outputs are not shown, and says the file is still as it was. */
function droppedWarning(dropped: readonly string[]): string {
  const shown = dropped.slice(0, 3).join('; ');
  const more = dropped.length > 3 ? `; and ${dropped.length - 3} more` : '';
  return `Gong SQL: saved outputs that cannot be read are not shown (${shown}${more}). The file keeps them until you save the notebook, which writes it without them.`;
}

function savedOutputs(outputs: readonly vscode.NotebookCellOutput[]): ResultOutput[] {
  return outputs.flatMap((o) => o.items.filter((i) => i.mime === RESULT_MIME).map((i) => JSON.parse(new TextDecoder().decode(i.data)) as ResultOutput));
}
