import * as vscode from 'vscode';
import { readChartSpec } from '../results/chart';
import { saveChart } from '../results/chartFile';
import { OUTPUT_KEY } from './outputs';
import { RENDERER_ID, type RendererToHost } from './rendererMessages';

/**
 * The renderer's chart choices become the cell's metadata (saved with the notebook, so the
 * cell opens on its chart next time and a re-run keeps it); its exports are saved here.
 */
export function registerChartMessages(): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  return messaging.onDidReceiveMessage(async ({ editor, message }) => {
    const m = message as RendererToHost;
    if (m.type === 'saveChart') return saveChart('the cell', m.format, m.data);
    if (m.type !== 'chart') return;
    const cell = editor.notebook.getCells().find((c) => c.outputs.some((o) => o.metadata?.[OUTPUT_KEY] === m.key));
    if (!cell) return;
    const chart = m.chart === null ? undefined : readChartSpec(m.chart);
    const { chart: previous, ...metadata } = cell.metadata as Record<string, unknown>;
    if (JSON.stringify(previous) === JSON.stringify(chart)) return;
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, chart ? { ...metadata, chart } : metadata)]);
    await vscode.workspace.applyEdit(edit);
  });
}
