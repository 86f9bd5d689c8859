import * as vscode from 'vscode';
import { locateError, locatedMessage } from '../engine/ide/errorLocation';
import { statementSpans } from '../engine/ide/statements';
import type { StatementResult } from '../engine/run/result';
import { declinedRequest, declinedText } from '../extension/declined';
import { readChartSpec } from '../results/chart';
import { NOTEBOOK_TYPE } from './notebookFile';
import { cellParameters } from './notebookParameters';
import { resultOutputs } from './outputs';

/** Where a cell runs: its notebook (the history names it) and the parameter values it runs with. */
export interface CellContext { readonly file?: string; readonly params?: Readonly<Record<string, string>> }

/** Runs gongsql text on the active connection (the lazily loaded runtime does it). */
export type CellRunner = (text: string, signal: AbortSignal, cell?: CellContext) => Promise<StatementResult[]>;

/** How the kernel names itself: the notebook toolbar shows the label, so it names the connection. */
export function kernelLabels(connection: string): { label: string; description: string; detail: string } {
  return { label: `Gong SQL: ${connection}`, description: `connection: ${connection}`, detail: `Runs cells on the Gong connection "${connection}"; the connection in the status bar switches it.` };
}

/** What a cell shows when the user left a parameter's question unanswered. */
export const NOT_RUN_WITHOUT_VALUE = 'Not run: a parameter was given no value.';

/** What an empty or comment-only cell shows when run. */
export const NOTHING_TO_RUN = 'Nothing to run: this cell has no statement yet.';

/** The kernel, and `describe` to call when the active connection may have changed. */
export interface NotebookKernel { readonly disposables: vscode.Disposable[]; readonly describe: () => void }

/**
 * The notebook kernel: runs cells in order with execution order, timing and cancel, on the
 * active connection (named in the kernel's label in the notebook toolbar).
 */
export function createNotebookController(run: () => CellRunner, connectionName: () => string): NotebookKernel {
  const controller = vscode.notebooks.createNotebookController('gongsql.notebookController', NOTEBOOK_TYPE, kernelLabels(connectionName()).label);
  controller.supportedLanguages = ['gongsql'];
  controller.supportsExecutionOrder = true;
  const prefer = (n: vscode.NotebookDocument) => { if (n.notebookType === NOTEBOOK_TYPE) controller.updateNotebookAffinity(n, vscode.NotebookControllerAffinity.Preferred); };
  const describe = () => {
    const { label, description, detail } = kernelLabels(connectionName());
    const changed = controller.label !== label;
    controller.label = label;
    controller.description = description;
    controller.detail = detail;
    // The toolbar redraws the kernel's name on an affinity change, not on a label change. VS Code
    // sends the new label in a microtask: the affinity goes after it, in the next task.
    if (changed) setTimeout(() => vscode.workspace.notebookDocuments.forEach(prefer), 0);
  };
  describe();
  let order = 0;
  controller.executeHandler = async (cells, notebook, ctl) => {
    for (const cell of cells) {
      const execution = ctl.createNotebookCellExecution(cell);
      execution.executionOrder = ++order;
      execution.start(Date.now());
      const controllerAbort = new AbortController();
      execution.token.onCancellationRequested(() => controllerAbort.abort());
      try {
        await execution.clearOutput();
        if (statementSpans(cell.document.getText()).length === 0) {
          // Said, as the .gongsql editor does, rather than a bare ✓ over nothing.
          await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(NOTHING_TO_RUN, 'text/plain')]));
          execution.end(true, Date.now());
          continue;
        }
        const params = await cellParameters(notebook, cell.document.getText());
        if (!params) {
          // Escape at a parameter's question: the cell did not run, which it says.
          await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(NOT_RUN_WITHOUT_VALUE, 'text/plain')]));
          execution.end(undefined, Date.now());
          continue;
        }
        const results = await run()(cell.document.getText(), controllerAbort.signal, { file: notebook.uri.toString(), params });
        // The chart chosen for the cell (its metadata) is shown again over the new rows.
        await execution.replaceOutput(resultOutputs(results, readChartSpec(cell.metadata?.chart)));
        execution.end(true, Date.now());
      } catch (error) {
        const declined = declinedRequest(error);
        if (declined) {
          // The user said no in the dialog: the cell says so, neither a success nor an error.
          await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(declinedText(declined, 'cell'), 'text/plain')]));
          execution.end(undefined, Date.now());
          continue;
        }
        await execution.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(toError(error, cell.document.getText()))]));
        execution.end(false, Date.now());
        if (execution.token.isCancellationRequested) break;
      }
    }
  };
  const disposables = [
    controller,
    // The only kernel for the type: preferred, so cells run without a kernel pick.
    vscode.workspace.onDidOpenNotebookDocument(prefer),
  ];
  return { disposables, describe };
}

/** The error as the cell shows it: the line and column in the cell and the statement, for problems in the query. */
function toError(error: unknown, text: string): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  const span = (e as { span?: { start: number } }).span;
  const location = span ? locateError(text, 0, span.start) : undefined;
  const out = new Error((e as { code?: string }).code === 'ABORTED' ? 'Cancelled.' : locatedMessage(e.message, location));
  out.name = e.name === 'EngineError' || e.name === 'GongError' ? 'Gong SQL' : e.name;
  // No stack: the message (with its line and column) is what the user needs.
  out.stack = undefined;
  return out;
}
