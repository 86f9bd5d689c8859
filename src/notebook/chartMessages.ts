import * as vscode from 'vscode';
import { readChartSpec } from '../results/chart';
import { saveChart } from '../results/chartFile';
import { OUTPUT_KEY } from './outputs';
import { RENDERER_ID, type RendererToHost } from './rendererMessages';

/**
 * The renderer's chart choices become the cell's metadata (saved with the notebook, so the
 * cell opens on its chart next time and a re-run keeps it); its exports are saved here.
 */
export function registerChartMessages(log: vscode.LogOutputChannel): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  return messaging.onDidReceiveMessage(async ({ editor, message }) => {
    const m = message as RendererToHost;
    if (m.type === 'saveChart') return saveChart('the cell', m.format, m.data);
    if (m.type !== 'chart') return;
    const cell = editor.notebook.getCells().find((c) => c.outputs.some((o) => o.metadata?.[OUTPUT_KEY] === m.key));
    if (!cell) return log.warn('Notebook chart: no cell has the output that changed its chart (it was run again meanwhile).');
    const chart = m.chart === null ? undefined : readChartSpec(m.chart);
    const previous = readChartSpec(cell.metadata?.chart);
    if (JSON.stringify(previous) === JSON.stringify(chart)) return;
    const edit = new vscode.WorkspaceEdit();
    // VS Code merges cell metadata: null removes the chart (the cell shows its table).
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, { ...cell.metadata, chart: chart ?? null })]);
    const applied = await vscode.workspace.applyEdit(edit);
    log.info(`Notebook chart: cell ${cell.index + 1} shows ${chart ? `a ${chart.kind} chart of ${chart.y ?? 'the row count'} by ${chart.x}` : 'its table'}${applied ? '' : ' (VS Code did not apply it)'}.`);
  });
}
