import * as vscode from 'vscode';
import { readChartSpec } from '../results/chart';
import { parseNotebook, RESULT_MIME, serializeNotebook, sourceText, type DroppedOutput, type NotebookCellJson, type ResultOutput } from './notebookFile';
import { outputOf } from './outputs';
import { hasParameterSets, readParameterSets } from './parameterSets';

/** .gongsqlnb ⇄ notebook: the format lives in notebookFile.ts; this only adapts it to VS Code's types. */
export class GongNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { cells, problem, dropped, parameters } = parseNotebook(new TextDecoder().decode(content));
    // Refusing to open beats opening empty: a save would overwrite what could not be read.
    // VS Code's editor shows only "could not be opened", so the reason goes in a message too.
    if (problem) {
      void vscode.window.showErrorMessage(`Gong SQL: ${problem}`);
      throw new Error(problem);
    }
    if (dropped.length > 0) void vscode.window.showWarningMessage(droppedWarning(dropped));
    const data = new vscode.NotebookData(cells.map((c) => {
      const cell = new vscode.NotebookCellData(c.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code, sourceText(c), c.kind === 'markdown' ? 'markdown' : 'gongsql');
      if (c.chart) cell.metadata = { chart: c.chart };
      if (c.outputs) cell.outputs = c.outputs.map((o) => outputOf(o, c.chart));
      return cell;
    }));
    if (parameters && hasParameterSets(parameters)) data.metadata = { parameters };
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const keepOutputs = vscode.workspace.getConfiguration('gongsql').get<boolean>('notebook.saveOutputs', false);
    const cells = data.cells.map((c): NotebookCellJson => ({
      kind: c.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'gongsql',
      source: c.value.split('\n'),
      chart: readChartSpec(c.metadata?.chart),
      outputs: keepOutputs ? savedOutputs(c.outputs ?? []) : undefined,
    }));
    return new TextEncoder().encode(serializeNotebook(cells, keepOutputs, readParameterSets(data.metadata?.parameters)));
  }
}

/** Names the cells whose saved outputs are not shown, first (a notification shows one line until expanded). */
function droppedWarning(dropped: readonly DroppedOutput[]): string {
  const cells = [...new Set(dropped.map((d) => d.cell))];
  const where = cells.length === 1 ? `cell ${cells[0]}` : `cells ${cells.slice(0, -1).join(', ')} and ${cells.at(-1)}`;
  const details = dropped.slice(0, 3).map((d) => `cell ${d.cell}, ${d.reason}`).join('; ') + (dropped.length > 3 ? `; ${dropped.length - 3} more` : '');
  return `Gong SQL: unreadable saved outputs not shown in ${where} (${details}). The file keeps them until you save.`;
}

function savedOutputs(outputs: readonly vscode.NotebookCellOutput[]): ResultOutput[] {
  return outputs.flatMap((o) => o.items.filter((i) => i.mime === RESULT_MIME).map((i) => JSON.parse(new TextDecoder().decode(i.data)) as ResultOutput));
}
