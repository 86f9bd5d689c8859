import * as vscode from 'vscode';
import { AgentTools, ApiCallBudget, type AgentConnection, type AgentToolName } from '../agent';
import { RunRecording, type RunDescription } from '../history/record';
import type { ActiveConnection, Connections } from './connections';
import type { EditorHistory } from './history/editorHistory';
import { historyLimits } from './history/editorHistory';
import { agentSettings, invocationMessage, runConfirmation, type AgentSettings } from './lmToolsText';
import { editorRunOptions } from './runOptions';
import { userSetting } from './userSettings';

/**
 * The language-model tools' work (runtime bundle, loaded on the first tool call): one
 * AgentTools per connection, whose budget lasts the VS Code session, on the connection active
 * at each call. lmTools.ts registers the tools at activation and hands each call here.
 */
export class EditorAgentTools implements vscode.Disposable {
  private readonly tools = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connections: Connections, private readonly history: EditorHistory, private readonly log: vscode.LogOutputChannel) {
    // New limits apply from the next call; what the session spent stays spent.
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gongsql.agent')) for (const entry of this.tools.values()) entry.stale = true;
    });
  }

  async prepare(name: AgentToolName, input: unknown, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation> {
    // Only run_query's estimate needs the connection: the others are named without opening it
    // (which may start the sandbox or open a mirror), as preparing a call should do nothing.
    if (name !== 'run_query') return { invocationMessage: invocationMessage(name, input, this.connections.activeLabel) };
    return this.with(token, async (connection, tools, signal) => {
      const invocation = invocationMessage(name, input, connection.label);
      const preview = await tools.preview(input, signal);
      const { budget } = tools;
      const confirmation = runConfirmation(preview, this.settings().confirmAboveApiCalls, connection.label, { available: budget.available(), sessionLeft: budget.sessionLeft(), perSession: budget.limits.perSession });
      return confirmation ? { invocationMessage: invocation, confirmationMessages: { title: confirmation.title, message: new vscode.MarkdownString(confirmation.message) } } : { invocationMessage: invocation };
    });
  }

  /**
   * Runs a tool. A failure (bad input, a refusal, a failed query) is thrown with the tool's JSON
   * text as its message, as VS Code asks of tools: the chat marks the call failed and gives
   * the model the message, which says why and what to do instead.
   */
  async invoke(name: AgentToolName, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const result = await this.with(token, (_connection, tools, signal) => tools.call(name, input, signal));
    if (result.isError) throw new Error(result.text);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
  }

  /** Runs `work` on the active connection (held until it ends) with its AgentTools, the token as a signal. */
  private async with<T>(token: vscode.CancellationToken, work: (connection: ActiveConnection, tools: AgentTools, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      const connection = await this.connections.active();
      let entry = this.tools.get(connection.label);
      // Remade for new settings only between calls, so that a call under way spends from the
      // budget the next one starts from.
      if (!entry || (entry.stale && entry.calls === 0)) this.tools.set(connection.label, (entry = this.create(connection.label, entry?.tools.budget.report(0).sessionUsed ?? 0)));
      entry.calls++;
      try {
        // Calls on one connection share its options (a mirror's destination is one per window,
        // open while any call holds its lease): the latest lease's are as good as any.
        const { client, mirror, answerFromMirror, connectionId, cache, localMemory } = editorRunOptions(connection, 'statement');
        entry.options.current = { label: connection.label, client, mirror, answerFromMirror, connectionId, cache, localMemory };
        return await work(connection, entry.tools, controller.signal);
      } finally {
        entry.calls--;
        connection.release();
      }
    } finally {
      cancel.dispose();
    }
  }

  private create(label: string, alreadySpent: number): Entry {
    const settings = this.settings();
    const budget = new ApiCallBudget({ perCall: settings.maxApiCallsPerCall, perSession: settings.maxApiCallsPerSession });
    budget.spend(alreadySpent);
    const options: { current?: AgentConnection } = {};
    const tools = new AgentTools({
      connection: async () => {
        if (!options.current) throw new Error(`The connection ${label} is not open.`);
        return options.current;
      },
      budget,
      allowWrites: settings.allowWrites,
      hints: {
        allowWrites: 'turn on gongsql.agent.allowWrites in your user settings (VS Code then asks before every write)',
        useMirror: 'Gong: Sync to Local Mirror…, then make the mirror connection active (Gong: Switch Connection); queries on it cost 0 API calls',
        raiseBudget: 'gongsql.agent.maxApiCallsPerCall and gongsql.agent.maxApiCallsPerSession in user settings',
      },
      record: (run) => new ShownRecording(this.history, run, (e) => this.log.warn(`Query history: the agent's run was not recorded in ${this.history.store.dir}: ${(e as Error).message}`)),
    });
    return { tools, options, calls: 0, stale: false };
  }

  private settings(): AgentSettings {
    // User settings only: a repository cannot raise what an agent may spend or let it write.
    return agentSettings((key) => userSetting(`agent.${key}`, undefined), (message) => this.log.warn(message));
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** A connection's tools, the options of its latest call, its calls under way, and whether settings changed since it was made. */
interface Entry {
  readonly tools: AgentTools;
  readonly options: { current?: AgentConnection };
  calls: number;
  stale: boolean;
}

/** A run recorded in the query history, whose view shows it as soon as it is written. */
class ShownRecording extends RunRecording {
  constructor(private readonly history: EditorHistory, run: RunDescription, onError: (error: unknown) => void) {
    super(history.store, run, historyLimits(), onError);
  }

  override async finish(...args: Parameters<RunRecording['finish']>): ReturnType<RunRecording['finish']> {
    const entry = await super.finish(...args);
    this.history.refresh();
    return entry;
  }
}
