import * as vscode from 'vscode';
import type { StatementResult } from '../engine/run/result';
import { resultsHtml } from './html';
import type { HostToWebview, ResultSetMessage, WebviewToHost } from './protocol';

/** The plain table holds a bounded number of rows; the fast grid will page through all of them. */
const MAX_ROWS = 5000;

/** One results panel per editor, reused across runs (not a new tab each time). */
export class ResultsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; ready: Promise<void> }>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(document: vscode.Uri, title: string): void {
    this.get(document, title).panel.reveal(vscode.ViewColumn.Beside, true);
  }

  async post(document: vscode.Uri, title: string, message: HostToWebview): Promise<void> {
    const entry = this.get(document, title);
    await entry.ready;
    await entry.panel.webview.postMessage(message);
  }

  static message(results: readonly StatementResult[]): HostToWebview {
    const sets: ResultSetMessage[] = results.filter((r) => r.columns.length > 0).map((r, i) => ({
      title: `${r.kind === 'select' ? 'Result' : r.kind.toUpperCase()} ${i + 1}`,
      columns: r.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: r.rows.slice(0, MAX_ROWS),
      omitted: Math.max(0, r.rows.length - MAX_ROWS),
    }));
    return { type: 'results', results: sets, messages: results.flatMap((r) => r.messages) };
  }

  private get(document: vscode.Uri, title: string) {
    const key = document.toString();
    const existing = this.panels.get(key);
    if (existing) return existing;
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel('gongsql.results', `Results: ${title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [webviewRoot],
    });
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'results.js'));
    panel.webview.html = resultsHtml(script.toString(), panel.webview.cspSource);
    const ready = new Promise<void>((resolve) => {
      const listener = panel.webview.onDidReceiveMessage((m: WebviewToHost) => {
        if (m.type === 'ready') {
          listener.dispose();
          resolve();
        }
      });
    });
    panel.onDidDispose(() => this.panels.delete(key));
    const entry = { panel, ready };
    this.panels.set(key, entry);
    return entry;
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
