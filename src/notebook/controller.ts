import * as vscode from 'vscode';
import { lineColumn } from '../engine/run/errors';
import type { StatementResult } from '../engine/run/result';
import { NOTEBOOK_TYPE } from './format';
import { resultOutputs } from './outputs';

/** Runs gongsql text on the active connection (the lazily loaded runtime does it). */
export type CellRunner = (text: string, signal: AbortSignal) => Promise<StatementResult[]>;

/**
 * The notebook kernel: runs cells in order with execution order, timing and cancel, on the
 * active connection (shown as the controller's description in the notebook toolbar).
 */
export function createNotebookController(run: () => CellRunner, connectionName: () => string): vscode.Disposable[] {
  const controller = vscode.notebooks.createNotebookController('gongsql.notebookController', NOTEBOOK_TYPE, 'Gong SQL');
  controller.supportedLanguages = ['gongsql'];
  controller.supportsExecutionOrder = true;
  const describe = () => { controller.description = `connection: ${connectionName()}`; };
  describe();
  let order = 0;
  controller.executeHandler = async (cells, _notebook, ctl) => {
    for (const cell of cells) {
      const execution = ctl.createNotebookCellExecution(cell);
      execution.executionOrder = ++order;
      execution.start(Date.now());
      const controllerAbort = new AbortController();
      execution.token.onCancellationRequested(() => controllerAbort.abort());
      try {
        await execution.clearOutput();
        const results = await run()(cell.document.getText(), controllerAbort.signal);
        await execution.replaceOutput(resultOutputs(results));
        execution.end(true, Date.now());
      } catch (error) {
        await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(toError(error, cell.document.getText()))]));
        execution.end(false, Date.now());
        if (execution.token.isCancellationRequested) break;
      }
    }
  };
  return [
    controller,
    // The only kernel for the type: preferred, so cells run without a kernel pick.
    vscode.workspace.onDidOpenNotebookDocument((n) => { if (n.notebookType === NOTEBOOK_TYPE) controller.updateNotebookAffinity(n, vscode.NotebookControllerAffinity.Preferred); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql')) describe(); }),
  ];
}

/** The error as the cell shows it: with the line and column for problems in the query. */
function toError(error: unknown, text: string): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  const span = (e as { span?: { start: number } }).span;
  const where = span ? `Line ${lineColumn(text, span.start).line}, column ${lineColumn(text, span.start).column}: ` : '';
  const out = new Error((e as { code?: string }).code === 'ABORTED' ? 'Cancelled.' : `${where}${e.message}`);
  out.name = e.name === 'EngineError' || e.name === 'GongError' ? 'Gong SQL' : e.name;
  // No stack: the message (with its line and column) is what the user needs.
  out.stack = undefined;
  return out;
}
