import * as vscode from 'vscode';
import { execute } from '../engine/run/engine';
import { sqliteError } from '../engine/run/preflight';
import { parse } from '../engine/syntax/parser';
import type { SqliteCheck } from '../language/sqliteDiagnostics';
import type { StatementResult } from '../engine/run/result';
import type { ResultsPanels } from '../results/resultsPanel';
import { connectionCommandHandlers, type ConnectionCommand } from './commands/connectionCommands';
import type { MirrorCommand } from './commands/mirrorCommandIds';
import { mirrorCommandHandlers } from './commands/mirrorCommands';
import type { MirrorObject } from './mirrors';
import { runQuery, type RunMemory, type RunMode, type RunTarget } from './commands/runQuery';
import { signInWithGong } from './commands/signIn';
import type { OAuthRedirects } from './oauthRedirects';
import { editorRunOptions } from './runOptions';
import { Connections } from './connections';
import { offerCredentialsFix } from './credentialsFix';
import { forEditor } from './editorErrors';
import { declinedRequest } from './declined';
import type { CellContext } from '../notebook/controller';
import { EditorAgentTools } from './lmToolsRuntime';

/**
 * Everything that talks to Gong: connections (the HTTP client, the sandbox), the engine, the
 * results panels. Bundled apart (dist/runtime.js) and loaded on the first command that
 * needs it, so that activation stays light.
 */
export class Runtime {
  private readonly connections: Connections;
  private readonly handlers: Record<ConnectionCommand, (arg?: unknown) => Promise<void>>;
  private readonly mirrorHandlers: Record<MirrorCommand, () => Promise<void>>;
  private readonly subscription: vscode.Disposable;
  private agent: EditorAgentTools | undefined;

  /** `panels` are created at activation, which restores them after a window reload. */
  constructor(context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel, onChange: () => void, redirects: OAuthRedirects, private readonly panels: ResultsPanels, private readonly memory: RunMemory) {
    this.connections = new Connections(context, log);
    this.handlers = connectionCommandHandlers(this.connections, (again) => signInWithGong(context, redirects, again));
    this.mirrorHandlers = mirrorCommandHandlers(this.connections, context.globalState, openQuery);
    this.subscription = this.connections.onDidChange(onChange);
  }

  run(target: RunTarget, mode: RunMode = 'run'): Promise<void> {
    return runQuery(this.connections, this.panels, this.log, this.memory, target, mode);
  }

  /** Runs a statement again from a results panel restored after a window reload (it kept the text). */
  async rerun(uri: vscode.Uri, statement: string): Promise<void> {
    // The run needs its editor's document open (the run's title and the panel are the document's).
    const opened = await vscode.workspace.openTextDocument(uri).then(() => true, () => false);
    if (!opened) return void vscode.window.showErrorMessage(`Gong SQL: ${uri.path.split('/').pop()} cannot be opened; open the file and run the statement there.`);
    return this.run({ uri, text: statement });
  }

  /** Runs a notebook cell's text on the active connection, recorded in the query history under the notebook's name. */
  async execute(text: string, signal: AbortSignal, cell: CellContext = {}): Promise<StatementResult[]> {
    const connection = await this.connections.active();
    const params = cell.params ?? {};
    const recording = this.memory.history.record({ text, connection: connection.label, surface: 'notebook', ...(cell.file ? { file: cell.file } : {}), params });
    try {
      const results = await execute(text, { ...recording.withUntimedConfirm(editorRunOptions(connection, 'cell')), params, signal, onEvent: recording.onEvent });
      for (const r of results) this.log.info(`Notebook ${r.kind.toUpperCase()}: ${r.messages.join('; ')}`);
      await recording.finish('ok');
      return results;
    } catch (thrown) {
      const error = forEditor(thrown, connection.label);
      await recording.finish(declinedRequest(error) ? 'declined' : signal.aborted ? 'cancelled' : 'error', error);
      offerCredentialsFix(error, `Gong SQL: ${(error as Error).message}`, this.connections.setting(connection.label));
      throw error;
    } finally {
      connection.release();
    }
  }

  /** The language-model tools' calls (lmTools.ts), made on first use. */
  agentTools(): EditorAgentTools {
    return (this.agent ??= new EditorAgentTools(this.connections, this.memory.history, this.log));
  }

  removeConnection(name: string): Promise<void> {
    return this.connections.remove(name);
  }

  connectionCommand(id: ConnectionCommand, arg?: unknown): Promise<void> {
    return this.handlers[id](arg);
  }

  mirrorCommand(id: MirrorCommand): Promise<void> {
    return this.mirrorHandlers[id]();
  }

  /** A mirror connection's objects with their row counts and sync state (the explorer). */
  mirrorObjects(name: string): Promise<MirrorObject[]> {
    return this.connections.mirrors.objects(name);
  }

  async dispose(): Promise<void> {
    this.subscription.dispose();
    this.agent?.dispose();
    await this.connections.dispose();
  }
}

/** Opens a query in a new editor and runs it (Search Transcripts' matches). */
async function openQuery(sql: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content: sql });
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('gongsql.runFile');
}

/**
 * The editor's SQLite check of one statement (language/sqliteDiagnostics.ts): here, with the
 * engine, so that the light activation bundle does not carry SQLite's worker code.
 */
export const checkStatement: SqliteCheck = async (text) => {
  const parsed = parse(text);
  const [statement] = parsed.statements;
  if (!statement || parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const error = await sqliteError(text, statement);
  return error?.span ? { message: error.message.replace(/^SQLite: /, ''), span: error.span } : undefined;
};
