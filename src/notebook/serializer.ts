import * as vscode from 'vscode';
import { parseNotebook, RESULT_MIME, serializeNotebook, sourceText, type NotebookCellJson, type ResultOutput } from './format';
import { outputOf } from './outputs';

/** .gongsqlnb ⇄ notebook: the format lives in format.ts; this only adapts it to VS Code's types. */
export class GongNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { cells, problem } = parseNotebook(new TextDecoder().decode(content));
    // Refusing to open beats opening empty: a save would overwrite what could not be read.
    if (problem) throw new Error(problem);
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

function savedOutputs(outputs: readonly vscode.NotebookCellOutput[]): ResultOutput[] {
  return outputs.flatMap((o) => o.items.filter((i) => i.mime === RESULT_MIME).map((i) => JSON.parse(new TextDecoder().decode(i.data)) as ResultOutput));
}
