import * as vscode from 'vscode';
import { execute } from '../../engine/run/engine';
import { EngineError, lineColumn } from '../../engine/run/errors';
import type { ExecStats } from '../../engine/run/result';
import { parse } from '../../engine/syntax/parser';
import { statementExprs } from '../../engine/syntax/walk';
import { GongError } from '../../gong/http/errors';
import type { InputValue } from '../../gong/write/values';
import { ResultsPanels } from '../../results/resultsPanel';
import type { Connections } from '../connections';

/**
 * Runs the selection, or the whole document, on the active connection: asks for `:name`
 * parameters, shows progress with a Cancel that aborts the HTTP requests, and shows the
 * results in the editor's results panel.
 */
export async function runQuery(connections: Connections, panels: ResultsPanels, log: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a .gongsql file to run a query.');
    return;
  }
  const document = editor.document;
  const text = editor.selection.isEmpty ? document.getText() : document.getText(editor.selection);
  if (text.trim() === '') {
    void vscode.window.showInformationMessage('Nothing to run: the file is empty.');
    return;
  }
  const params = await askParameters(text);
  if (!params) return;
  const title = document.isUntitled ? 'Untitled' : document.uri.path.split('/').pop() ?? 'Query';
  panels.show(document.uri, title);
  await panels.post(document.uri, title, { type: 'running', text: text.length > 80 ? `${text.slice(0, 77)}…` : text });
  const connection = await connections.active();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Gong SQL', cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const results = await execute(text, {
        client: connection.client,
        connectionId: connection.id,
        cache: connection.cache,
        params,
        signal: controller.signal,
        confirm: async (request) => {
          const message = request.kind === 'apiCalls'
            ? `This statement needs about ${request.estimate} Gong API calls (more than ${request.threshold}). Run it?`
            : `${request.statement} without WHERE changes all ${request.rows} rows of ${request.table}. Run it?`;
          return (await vscode.window.showWarningMessage(message, { modal: true }, 'Run')) === 'Run';
        },
        onEvent: (event) => {
          if (event.type === 'progress') progress.report({ message: describe(event.stats) });
        },
      });
      for (const r of results) log.info(`${r.kind.toUpperCase()}: ${r.messages.join('; ')}`);
      await panels.post(document.uri, title, ResultsPanels.message(results));
    } catch (error) {
      const message = errorText(error, text);
      log.warn(message);
      await panels.post(document.uri, title, { type: 'error', message });
      if (!(error instanceof GongError && error.code === 'ABORTED')) void vscode.window.showErrorMessage(message);
    }
  });
}

function describe(stats: Readonly<ExecStats>): string {
  return `${stats.pages} pages · ${stats.records} records · ${stats.apiCalls} API calls`;
}

function errorText(error: unknown, text: string): string {
  if (error instanceof EngineError && error.span) {
    const { line, column } = lineColumn(text, error.span.start);
    return `Line ${line}, column ${column}: ${error.message}`;
  }
  if (error instanceof GongError && error.code === 'ABORTED') return 'Cancelled.';
  return error instanceof Error ? error.message : String(error);
}

/** Asks for each `:name` parameter the text uses (Escape cancels the run). */
async function askParameters(text: string): Promise<Record<string, InputValue> | undefined> {
  const names = new Set<string>();
  for (const s of parse(text).statements) for (const e of statementExprs(s)) if (e.kind === 'Parameter' && !e.name.startsWith('?')) names.add(e.name);
  const params: Record<string, InputValue> = {};
  for (const name of names) {
    const value = await vscode.window.showInputBox({ title: `Value of :${name}`, prompt: `Parameter :${name}`, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    params[name] = value;
  }
  return params;
}
