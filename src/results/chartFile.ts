import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/**
 * Export PNG / Export SVG of a chart (results panel and notebook outputs): VS Code's save
 * dialog proposes chart.png or chart.svg in the workspace, then the image is written there.
 * The webview cannot write files; it sends the image (PNG as base64, SVG as text).
 */
export async function saveChart(title: string, format: 'png' | 'svg', data: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `Export the chart of ${title} as ${format.toUpperCase()}`,
    filters: format === 'png' ? { PNG: ['png'] } : { SVG: ['svg'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, `chart.${format}`) : undefined,
  });
  if (!target) return;
  await writeFile(target.fsPath, format === 'png' ? Buffer.from(data, 'base64') : data);
  void vscode.window.showInformationMessage(`Exported the chart to ${target.fsPath}`);
}
