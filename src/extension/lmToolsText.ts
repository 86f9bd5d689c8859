import type { AgentToolName, StatementPreview } from '../agent';
import { DEFAULT_BUDGET } from '../agent/budget';

/**
 * What VS Code's language-model tools decide and say, without vscode (unit-tested): their ids,
 * the agent settings as read from user settings, when a run_query asks first and the words of
 * that question. lmTools.ts and lmToolsRuntime.ts do the wiring.
 */
export const LM_TOOL_PREFIX = 'gongsql_';

/** package.json's name of an agent tool (`gongsql_run_query`). */
export function lmToolId(name: AgentToolName): string {
  return `${LM_TOOL_PREFIX}${name}`;
}

/** The agent tool behind a package.json name, or undefined for another extension's tool. */
export function agentToolName(id: string): AgentToolName | undefined {
  return id.startsWith(LM_TOOL_PREFIX) ? (id.slice(LM_TOOL_PREFIX.length) as AgentToolName) : undefined;
}

export interface AgentSettings {
  readonly maxApiCallsPerCall: number;
  readonly maxApiCallsPerSession: number;
  readonly allowWrites: boolean;
  readonly confirmAboveApiCalls: number;
}

/** The budget is the MCP server's by default too (`DEFAULT_BUDGET`). */
export const AGENT_SETTING_DEFAULTS: AgentSettings = { maxApiCallsPerCall: DEFAULT_BUDGET.perCall, maxApiCallsPerSession: DEFAULT_BUDGET.perSession, allowWrites: false, confirmAboveApiCalls: 10 };

/**
 * The `gongsql.agent.*` settings from the user's value of each (`userValue(key)`, e.g.
 * `inspect().globalValue`): what an agent may spend and whether it may write are the user's
 * to say, never a repository's. A value of the wrong kind falls back to the default and is
 * reported to `warn`, naming the setting.
 */
export function agentSettings(userValue: (key: keyof AgentSettings) => unknown, warn: (message: string) => void = () => undefined): AgentSettings {
  const count = (key: 'maxApiCallsPerCall' | 'maxApiCallsPerSession' | 'confirmAboveApiCalls'): number => {
    const value = userValue(key);
    if (value === undefined) return AGENT_SETTING_DEFAULTS[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    warn(`gongsql.agent.${key} must be a whole number, 0 or more (got ${JSON.stringify(value)}): using ${AGENT_SETTING_DEFAULTS[key]}.`);
    return AGENT_SETTING_DEFAULTS[key];
  };
  const allowWrites = (): boolean => {
    const value = userValue('allowWrites');
    if (value !== undefined && typeof value !== 'boolean') warn(`gongsql.agent.allowWrites must be true or false (got ${JSON.stringify(value)}): writes stay refused.`);
    return value === true;
  };
  return {
    maxApiCallsPerCall: count('maxApiCallsPerCall'),
    maxApiCallsPerSession: count('maxApiCallsPerSession'),
    allowWrites: allowWrites(),
    confirmAboveApiCalls: count('confirmAboveApiCalls'),
  };
}

/** What is left of a connection's agent budget when a run is previewed. */
export interface BudgetLeft {
  /** What this call may spend (the per-call limit, or less when the session has less left). */
  readonly available: number;
  readonly sessionLeft: number;
  readonly perSession: number;
}

/** A confirmation's title and its Markdown message. */
export interface Confirmation {
  readonly title: string;
  readonly message: string;
}

/**
 * Whether a run_query asks first, and what: a write always; a read whose estimate is open
 * ("N or more": Gong's count is known only once reading starts) or above `threshold`. A run
 * the preview already refuses asks nothing (the call says why), nor does a 0-call run (a
 * mirror, the cache).
 */
export function runConfirmation(preview: StatementPreview, threshold: number, connection: string, budget: BudgetLeft): Confirmation | undefined {
  if (preview.refusal !== undefined) return undefined;
  const { estimate } = preview;
  const costly = estimate.open || estimate.calls > threshold;
  if (!preview.writes && !costly) return undefined;
  // The preview costs the reads; a write also sends a request per row it changes. Either way the
  // run never sends a request past what the call may spend.
  const reads = preview.writes ? `Finding the rows takes **${estimate.text}**, and each row changed is one more` : `It needs **${estimate.text}**`;
  const cost = estimate.open
    ? `${reads}: Gong says how many rows there are only once reading starts, and nothing past what this call may spend is sent.`
    : `${reads}; nothing past what this call may spend is sent.`;
  const left = `This session's agent budget on ${connection}: ${budget.sessionLeft} of ${budget.perSession} API calls left; one call may spend at most ${budget.available}.`;
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(preview.statement) + 1));
  return {
    title: preview.writes ? `Change Gong on ${connection}?` : `Run a costly query on ${connection}?`,
    // The statement comes last: VS Code's dialog shows the message as plain text, where a
    // code block runs into the sentence after it.
    message: [
      `${preview.writes ? 'An AI agent asks to run this statement, which **changes Gong**.' : 'An AI agent asks to run this statement.'} ${cost}`,
      '',
      left,
      '',
      `${fence}sql`,
      preview.statement.trim(),
      fence,
    ].join('\n'),
  };
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/** What VS Code shows while a tool runs (one line: a statement is cut). */
export function invocationMessage(name: AgentToolName, input: unknown, connection: string): string {
  const field = (key: string): string => {
    const value = (input as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' ? oneLine(value) : '';
  };
  switch (name) {
    case 'list_objects': return `Listing the Gong objects of ${connection}`;
    case 'describe_object': return `Describing ${field('name') || 'a Gong object'}`;
    case 'explain_query': return `Explaining on ${connection}: ${field('sql')}`;
    case 'run_query': return `Running on ${connection}: ${field('sql')}`;
    case 'search_transcripts': return `Searching the transcripts of ${connection} for ${field('query')}`;
  }
}

function oneLine(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
