import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { version } from '../../package.json';
import { AGENT_TOOLS, AgentTools, ApiCallBudget, DEFAULT_BUDGET, DEFAULT_OUTPUT_LIMITS, type AgentConnection } from '../agent';
import { historyDir } from '../history/location';
import { RunRecording } from '../history/record';
import { HistoryStore } from '../history/store';
import { parseOptions, wholeNumberOption } from './args';
import { QueryCache } from '../engine/run/cache';
import { isPostgresUrl } from '../mirror/open';
import { openConnection, openMirrorConnection, type Connection } from './connection';
import { MCP_OPTIONS } from './mcpOptions';
import { INTERRUPTED } from './queryCommand';
import { UsageError } from './usage';

/** What the server tells the client about itself (MCP's `instructions`), for the model's system prompt. */
const INSTRUCTIONS = `gongsql answers questions about a company's Gong data (calls, users, transcripts, stats, CRM) with SQL (SQLite's dialect) over Gong's API.
Start with list_objects and describe_object (free). Gong allows few API calls, and this server spends from a budget per call and per session; every result says how many API calls were used and are left. run_query checks a query's cost itself: one whose estimate exceeds the budget is refused before it is read, with the estimate and a hint (explain_query shows a plan, but costs the counting again): filter on the columns Gong evaluates (gongFilters, e.g. Calls.Scheduled >= '2026-11-01'), select by Id, aggregate, or use a mirror (0 API calls).
Ids are exact strings: never do arithmetic on them, and pass them as strings.`;

interface IO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/**
 * `gongsql mcp`: an MCP server on stdin/stdout (the official SDK's stdio transport) with the
 * agent tools of src/agent on one connection. Resolves with the exit code when the client
 * closes stdin or the process is interrupted. stdout carries only the protocol: every
 * message of ours goes to stderr.
 */
export async function mcpCommand(argv: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(argv, MCP_OPTIONS, true);
  if (positionals.length > 0) throw new UsageError(`gongsql mcp takes no SQL (got ${positionals[0]}): the agent sends it`);
  if (values.seed !== undefined && !values.sandbox) throw new UsageError('--seed needs --sandbox');
  if ([values.sandbox, values['base-url'] !== undefined, values.mirror !== undefined].filter(Boolean).length > 1) throw new UsageError('use one of --sandbox, --base-url or --mirror');
  const budget = new ApiCallBudget({
    perCall: wholeNumberOption(values['max-calls-per-call'], '--max-calls-per-call', DEFAULT_BUDGET.perCall, 0),
    perSession: wholeNumberOption(values['max-calls-per-session'], '--max-calls-per-session', DEFAULT_BUDGET.perSession, 0),
  });
  const limits = {
    maxRows: wholeNumberOption(values['max-rows'], '--max-rows', DEFAULT_OUTPUT_LIMITS.maxRows, 1),
    maxBytes: wholeNumberOption(values['max-bytes'], '--max-bytes', DEFAULT_OUTPUT_LIMITS.maxBytes, 1024),
  };
  const onWait = (message: string) => io.stderr.write(`gongsql mcp: ${message}\n`);
  const connection: Connection = values.mirror !== undefined
    ? await openMirrorConnection(values.mirror, onWait)
    : await openConnection({ sandbox: values.sandbox, seed: values.seed, baseUrl: values['base-url'] }, io.env);
  const connect = await connectionPerCall(connection, values.mirror, onWait);
  const store = values['no-history'] ? undefined : new HistoryStore(historyDir(io.env));
  const historyLimits = await store?.readLimits();
  const tools = new AgentTools({
    connection: connect.next,
    budget,
    allowWrites: values['allow-writes'],
    limits,
    hints: {
      allowWrites: 'restart the server with gongsql mcp --allow-writes',
      useMirror: values.mirror !== undefined ? `this server already reads the mirror ${connection.label}` : 'gongsql sync --to gong.sqlite, then start the server with gongsql mcp --mirror gong.sqlite',
      raiseBudget: 'restart the server with --max-calls-per-call N or --max-calls-per-session N',
    },
    ...(store ? { record: (run) => new RunRecording(store, run, historyLimits, (error) => io.stderr.write(`gongsql mcp: a run was not added to the query history in ${store.dir}: ${(error as Error).message}\n`)) } : {}),
  });

  const server = new McpServer({ name: 'gongsql', version }, { instructions: INSTRUCTIONS });
  const inFlight = new InFlight();
  for (const spec of AGENT_TOOLS) {
    const readOnly = spec.readOnly || !values['allow-writes'];
    server.registerTool(spec.name, {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      annotations: { title: spec.title, readOnlyHint: readOnly, destructiveHint: !readOnly, openWorldHint: true },
    }, async (args: unknown, extra: { signal: AbortSignal }) => {
      const result = await inFlight.track(tools.call(spec.name, args, extra.signal));
      return { content: [{ type: 'text' as const, text: result.text }], isError: result.isError };
    });
  }

  const transport = new StdioServerTransport(io.stdin as NodeJS.ReadStream, io.stdout as NodeJS.WriteStream);
  const closed = new Promise<number>((resolve) => {
    let done = false;
    const close = (code: number) => {
      if (done) return;
      done = true;
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', terminated);
      void server.close().catch(() => undefined).finally(() => connect.close().catch(() => undefined).finally(() => resolve(code)));
    };
    // Ctrl-C and a client that goes away end the server; the connection (and a sandbox) is closed first.
    const interrupted = () => close(INTERRUPTED);
    const terminated = () => close(0);
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', terminated);
    // The end of stdin ends the server once the calls it already took are answered (`echo … | gongsql mcp`).
    io.stdin.once('end', () => void inFlight.idle().then(() => close(0)));
    transport.onclose = () => close(0);
  });
  await server.connect(transport);
  io.stderr.write(`gongsql mcp: serving ${AGENT_TOOLS.length} tools on ${connection.label} over stdio; budget ${budget.limits.perCall} API calls per call, ${budget.limits.perSession} per session${values['allow-writes'] ? '; writes allowed' : ''}\n`);
  return closed;
}

/** The tool calls being answered, so that the end of stdin waits for them. */
class InFlight {
  private pending = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work;
    } finally {
      this.pending--;
      // The answer is written after this resolves: let it reach stdout before a waiter closes the server.
      if (this.pending === 0) setImmediate(() => this.waiters.splice(0).forEach((wake) => wake()));
    }
  }

  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((wake) => this.waiters.push(wake));
  }
}

/**
 * Each tool call's connection. A live one (with a cache, so a re-run within 5 minutes costs no
 * API call) and a PostgreSQL mirror are kept for the server's life; a SQLite mirror file is
 * opened for each call and closed after it, because its lock would otherwise keep
 * `gongsql sync` and other readers out for as long as the agent's client runs.
 */
async function connectionPerCall(opened: Connection, mirror: string | undefined, onWait: (message: string) => void): Promise<{ next: () => Promise<AgentConnection>; close: () => Promise<void> }> {
  if (mirror === undefined || isPostgresUrl(mirror)) {
    const kept: AgentConnection = { client: opened.client, mirror: opened.mirror, connectionId: opened.connectionId, label: opened.label, cache: new QueryCache() };
    return { next: async () => kept, close: () => opened.close() };
  }
  await opened.close();
  return {
    next: async () => {
      const connection = await openMirrorConnection(mirror, onWait);
      return { mirror: connection.mirror, connectionId: connection.connectionId, label: connection.label, release: () => connection.close() };
    },
    close: async () => undefined,
  };
}
