import * as vscode from 'vscode';
import { locateError, locatedMessage, statementAt, statementSpans, type ErrorLocation } from '../../engine/ide';
import { execute } from '../../engine/run/engine';
import { EngineError } from '../../engine/run/errors';
import { forEditor } from '../editorErrors';
import type { ExecStats } from '../../engine/run/result';
import { erasedParameterNames, namedParameters } from '../../engine/ide/parameters';
import { isSecretName } from '../../history/entry';
import { parameterPrompt } from '../parameterPrompt';
import { GongError } from '../../gong/http/errors';
import type { InputValue } from '../../gong/write/values';
import type { ResultsPanels } from '../../results/resultsPanel';
import { revealLocation } from '../revealLocation';
import type { Connections } from '../connections';
import { editorRunOptions } from '../runOptions';
import { offerCredentialsFix } from '../credentialsFix';
import { declinedRequest, declinedText } from '../declined';
import type { EditorHistory } from '../history/editorHistory';
import type { RememberedParameters } from '../../history/parameters';

/** What a run records and remembers: the query history, and the `:name` values per file and connection. */
export interface RunMemory {
  readonly history: EditorHistory;
  readonly parameters: RememberedParameters;
}

/** A range of an open document (CodeLens), or a text to run for it (a restored results panel's Run). */
export type RunTarget = 'statement' | 'file' | { uri: vscode.Uri; start: number; end: number } | { uri: vscode.Uri; text: string };
/** 'refresh' reads Gong again instead of the cache (and refills it); 'explain' shows the plan. */
export type RunMode = 'run' | 'refresh' | 'explain';

/** What a run takes and where it starts in its document (error positions are the file's). */
interface RunText { document: vscode.TextDocument; text: string; base: number }

/** Which text a run takes: the selection, the statement at the cursor, the file, or a CodeLens range. */
function targetText(target: RunTarget): RunText | undefined {
  if (typeof target === 'object') {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri.toString());
    if (!document) return undefined;
    if ('text' in target) {
      // A restored panel's statement: where it still stands in the file, its errors point there.
      const at = document.getText().indexOf(target.text);
      return { document, text: target.text, base: Math.max(at, 0) };
    }
    return { document, text: document.getText().slice(target.start, target.end), base: target.start };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty) return { document, text: document.getText(selection), base: document.offsetAt(selection.start) };
  if (target === 'file') return { document, text: document.getText(), base: 0 };
  const full = document.getText();
  const span = statementAt(full, document.offsetAt(selection.active));
  return { document, text: span ? full.slice(span.start, span.end) : '', base: span?.start ?? 0 };
}

/** Said instead of running nothing. */
function nothingToRun(document: vscode.TextDocument): string {
  return statementSpans(document.getText()).length === 0
    ? 'Nothing to run: this file has no statement yet.'
    : 'Nothing to run: put the cursor in a statement (or just after its ;).';
}

/**
 * Runs gongsql on the active connection: asks for `:name` parameters (a file picker for
 * media), shows progress with a Cancel that aborts the HTTP requests, confirms costly or
 * unfiltered statements, and shows the results in the editor's results panel.
 */
export async function runQuery(connections: Connections, panels: ResultsPanels, log: vscode.LogOutputChannel, memory: RunMemory, target: RunTarget, mode: RunMode = 'run'): Promise<void> {
  const found = targetText(target);
  if (!found) {
    void vscode.window.showInformationMessage('Open a .gongsql file to run a query.');
    return;
  }
  const { document } = found;
  if (found.text.trim() === '') {
    void vscode.window.showInformationMessage(nothingToRun(document));
    return;
  }
  const prefix = mode === 'explain' ? 'EXPLAIN ' : '';
  const text = `${prefix}${found.text}`;
  // Engine offsets are in `text`: shifted back to the document as it was when the run started.
  const source = document.getText();
  const locate = (error: unknown) => (error instanceof EngineError && error.span ? locateError(source, found.base, error.span.start - prefix.length) : undefined);
  const file = document.uri.toString();
  const params = await askParameters(text, memory.parameters.recall(file, connections.activeLabel));
  if (!params) return;
  await memory.parameters.remember(file, connections.activeLabel, params, erasedParameterNames(text));
  const title = document.isUntitled ? 'Untitled' : document.uri.path.split('/').pop() ?? 'Query';
  const results = await panels.start(document.uri, title, text);
  let connection;
  try {
    connection = await connections.active();
  } catch (error) {
    await panels.error(document.uri, title, (error as Error).message);
    offerCredentialsFix(error, `Gong SQL: ${(error as Error).message}`, connections.setting(connections.activeLabel));
    return;
  }
  const active = connection;
  log.info(`Running on ${active.label}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  const recording = memory.history.record({ text, connection: active.label, surface: 'editor', file, params });
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Gong SQL', cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    // The statement that threw, and how long it ran: the error or Cancel is said under it.
    let failed: { index: number; ms: number } | undefined;
    try {
      const done = await execute(text, {
        ...recording.withUntimedConfirm(editorRunOptions(active, 'statement')),
        useCache: mode !== 'refresh',
        params,
        signal: controller.signal,
        // Rows stream to the grid as the engine produces them: the first page shows at once.
        onEvent: (event) => {
          recording.onEvent(event);
          if (event.type === 'progress') progress.report({ message: describe(event.stats) });
          else if (event.type === 'statementStart') results.started(event.index, event.text);
          else if (event.type === 'columns') results.columns(event.index, event.columns);
          else if (event.type === 'rows') results.rows(event.index, event.rows);
          else if (event.type === 'statementEnd') results.end(event.result);
          else if (event.type === 'statementError') failed = { index: event.index, ms: event.stats.ms };
        },
      });
      for (const r of done) log.info(`${r.kind.toUpperCase()}: ${r.messages.join('; ')}`);
      results.finish();
      await recording.finish('ok');
    } catch (thrown) {
      const error = forEditor(thrown, active.label);
      const declined = declinedRequest(error);
      if (declined) {
        // The user said no in the dialog: said plainly, under the statement, not as an error.
        const said = declinedText(declined, 'statement');
        log.info(said);
        if (failed) results.stop(failed.index, { notRun: said }, failed.ms);
        void vscode.window.showInformationMessage(`Gong SQL: ${said}`);
        await recording.finish('declined');
        return;
      }
      const location = locate(error);
      const message = errorText(error);
      const full = locatedMessage(message, location);
      log.warn(full);
      const aborted = error instanceof GongError && error.code === 'ABORTED';
      await recording.finish(aborted ? 'cancelled' : 'error', error);
      if (failed) results.stop(failed.index, aborted ? 'cancelled' : { error: message, ...(location ? { location } : {}) }, failed.ms);
      else await panels.error(document.uri, title, message, location);
      if (aborted || offerCredentialsFix(error, `Gong SQL: ${full}`, connections.setting(active.label))) return;
      if (location) void offerGoTo(document, location, `Gong SQL: ${full}`);
      else void vscode.window.showErrorMessage(`Gong SQL: ${full}`);
    } finally {
      // A mirror the run read may be closed once idle.
      active.release();
    }
  });
}

function describe(stats: Readonly<ExecStats>): string {
  return `${stats.pages} pages · ${stats.records} records · ${stats.apiCalls} API calls`;
}

/** The error with a "Go to Line N" action that puts the cursor where it is. */
async function offerGoTo(document: vscode.TextDocument, location: ErrorLocation, message: string): Promise<void> {
  const action = `Go to Line ${location.line}`;
  if ((await vscode.window.showErrorMessage(message, action)) === action) await revealLocation(document.uri, location);
}

function errorText(error: unknown): string {
  if (error instanceof GongError && error.code === 'ABORTED') return 'Cancelled.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks for each named parameter, shown as written (`:x`, `$x`, `@x`), offering the value it
 * had last time (`offered`; never one of a secret-named parameter); a procedure's Binary
 * parameter gets a file picker. Escape cancels.
 */
async function askParameters(text: string, offered: Readonly<Record<string, string>>): Promise<Record<string, InputValue> | undefined> {
  const params: Record<string, InputValue> = {};
  for (const { name, written, binary, erased } of namedParameters(text)) {
    if (binary) {
      const picked = await vscode.window.showOpenDialog({ title: `File for ${written}`, canSelectMany: false, openLabel: 'Use this recording' });
      if (!picked?.[0]) return undefined;
      params[name] = picked[0].fsPath;
      continue;
    }
    const last = offered[name];
    const value = await vscode.window.showInputBox({ ...parameterPrompt(written, isSecretName(name), erased, last !== undefined), value: last, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    params[name] = value;
  }
  return params;
}

