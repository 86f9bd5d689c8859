import { z } from 'zod';
import { bind } from '../engine/bind/binder';
import { planQuery } from '../engine/plan/planner';
import { findProcedure } from '../gong/catalog';
import { everyRow, NotConfirmed, type RunOptions } from '../engine/run/context';
import { execute, isWrite } from '../engine/run/engine';
import { EngineError, lineColumn } from '../engine/run/errors';
import type { StatementResult } from '../engine/run/result';
import { parse } from '../engine/syntax/parser';
import type * as A from '../engine/syntax/ast';
import type { RunOutcome } from '../history/entry';
import type { TranscriptMatch } from '../mirror/destination';
import type { RunDescription, RunRecording } from '../history/record';
import type { InputValue } from '../gong/write/values';
import { ApiCallBudget } from './budget';
import { cappedClient } from './cappedClient';
import { describeObject, listObjects } from './catalogFacts';
import { boundObjects, boundRows, DEFAULT_OUTPUT_LIMITS, type OutputLimits } from './output';
import { findAgentTool, type AgentToolInput, type AgentToolName } from './tools';

/** The connection tools run on: a live Gong (its client) or a mirror, as the engine's run options take them. */
export interface AgentConnection extends Pick<RunOptions, 'client' | 'mirror' | 'answerFromMirror' | 'connectionId' | 'cache' | 'localMemory'> {
  /** Its name in the query history and in results. */
  readonly label: string;
  /**
   * Called when the tool call is done with the connection: a SQLite mirror is held only while
   * it is read (its file lock would keep \`gongsql sync\` out for as long as an agent's client runs).
   */
  release?(): Promise<void>;
}

/** What each front end says in refusals: how its user changes what was refused. */
export interface AgentHints {
  /** e.g. "start the server with --allow-writes". */
  readonly allowWrites: string;
  /** e.g. "gongsql sync --to gong.sqlite, then gongsql mcp --mirror gong.sqlite". */
  readonly useMirror: string;
  /** e.g. "--max-calls-per-call N". */
  readonly raiseBudget: string;
}

export interface AgentToolsOptions {
  /** The connection of each call (VS Code's active connection may change between calls). */
  connection(): Promise<AgentConnection>;
  readonly budget: ApiCallBudget;
  readonly allowWrites: boolean;
  readonly limits?: OutputLimits;
  readonly hints: AgentHints;
  /** Starts the query history's record of a run, when the front end keeps one. */
  readonly record?: (run: RunDescription) => RunRecording | undefined;
}

/** What a tool call gives back: JSON text for the model, and the same data for code. */
export interface AgentToolResult {
  readonly isError: boolean;
  readonly text: string;
  readonly data: Record<string, unknown>;
}

/** An estimate of a statement's API calls: `open` when it may need more (Gong's count is known only once reading starts). */
export interface CallEstimate {
  readonly calls: number;
  readonly open: boolean;
  /** "about 20 API calls", "1 or more API calls", "no API call". */
  readonly text: string;
}

/** What a front end shows before running a statement (VS Code's confirmation). */
export interface StatementPreview {
  readonly statement: string;
  readonly writes: boolean;
  readonly estimate: CallEstimate;
  /** Set when the run would be refused: the tool call then says why, with nothing to confirm. */
  readonly refusal?: string;
}

/** The values of a statement's `:name` parameters, as a tool's input gives them. */
type StatementParams = Readonly<Record<string, string | number | boolean | null>> | undefined;

/** A statement an agent may run: the one statement of its text, and what it does (EXPLAIN's statement for an EXPLAIN). */
interface Checked { readonly statement: A.Statement; readonly target: A.Statement }

/** `explainOnly`: run its EXPLAIN; `preview`: an estimate for a confirmation, which sends nothing and is not recorded. */
interface RunHow { readonly explainOnly: boolean; readonly preview: boolean }

/** The outcome of one statement run for an agent. */
type Ran =
  | { kind: 'ok'; result: StatementResult }
  | { kind: 'refused'; message: string; hint?: string; estimate?: number }
  | { kind: 'error'; message: string; position?: { line: number; column: number } };

/**
 * The agent tools on one connection with one budget: the MCP server makes one per process,
 * VS Code one per connection. Every statement runs with the budget's rest as its ceiling, so
 * the engine refuses a costlier one before its requests (its `confirm` is never yes), and its
 * Gong client (`cappedClient`) sends nothing past the ceiling whatever the estimate said.
 */
export class AgentTools {
  private readonly limits: OutputLimits;
  /**
   * Statements run one at a time: each then sees what the session really has left (parallel
   * calls would each be given the same rest), and Gong's 3 requests a second make parallel
   * reads no faster anyway.
   */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AgentToolsOptions) {
    this.limits = options.limits ?? DEFAULT_OUTPUT_LIMITS;
  }

  get budget(): ApiCallBudget {
    return this.options.budget;
  }

  /** Runs tool `name` on `input` (checked against the tool's schema); never throws for bad input or a failed query. */
  async call(name: string, input: unknown, signal?: AbortSignal): Promise<AgentToolResult> {
    const spec = findAgentTool(name);
    if (!spec) return this.failure(0, { message: `Unknown tool ${name}.` });
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return this.failure(0, { message: `Invalid input for ${name}: ${z.prettifyError(parsed.error)}` });
    try {
      return await this.answer(spec.name as AgentToolName, parsed.data, signal);
    } catch (error) {
      // A connection that cannot be had (a mirror another process holds, a file gone) is the call's error, not the server's.
      return this.failure(0, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async answer(name: AgentToolName, input: unknown, signal?: AbortSignal): Promise<AgentToolResult> {
    switch (name) {
      case 'list_objects':
        return this.success(0, await this.withConnection(async (connection) => listObjects(connection.mirror && new Set((await connection.mirror.readState()).keys()))));
      case 'describe_object': {
        const described = describeObject((input as AgentToolInput<'describe_object'>).name);
        return described.found ? this.success(0, described.facts) : this.failure(0, { message: described.message });
      }
      case 'explain_query':
        return this.explain(input as AgentToolInput<'explain_query'>, signal);
      case 'run_query':
        return this.query(input as AgentToolInput<'run_query'>, signal);
      case 'search_transcripts':
        return this.search(input as AgentToolInput<'search_transcripts'>);
    }
  }

  /** The statement of a run_query input and its estimated API calls, for a confirmation before the run. */
  async preview(input: unknown, signal?: AbortSignal): Promise<StatementPreview> {
    const parsed = findAgentTool('run_query')!.input.safeParse(input ?? {});
    const statement = parsed.success ? (parsed.data as AgentToolInput<'run_query'>).sql : String((input as { sql?: unknown } | undefined)?.sql ?? '');
    const unknownCost: CallEstimate = { calls: 0, open: true, text: 'unknown' };
    if (!parsed.success) return { statement, writes: false, estimate: unknownCost, refusal: z.prettifyError(parsed.error) };
    const { sql, params } = parsed.data as AgentToolInput<'run_query'>;
    const checked = this.check(sql, params);
    if ('message' in checked) return { statement, writes: false, estimate: unknownCost, refusal: checked.message };
    const writes = isWrite(checked.target.kind);
    const refused = this.refusedBeforeRun(checked.target, false);
    if (refused) return { statement, writes, estimate: unknownCost, refusal: refused.message };
    // A preview is not a run the user asked for: it sends nothing (its estimate stays open
    // where only counting would close it) and stays out of the query history.
    const explained = await this.run(sql, params, { explainOnly: true, preview: true }, signal);
    if (explained.kind !== 'ok') return { statement, writes, estimate: unknownCost, refusal: explained.message };
    return { statement, writes, estimate: estimateOf(explained.result) };
  }

  private async explain(input: AgentToolInput<'explain_query'>, signal?: AbortSignal): Promise<AgentToolResult> {
    const ran = await this.run(input.sql, input.params, { explainOnly: true, preview: false }, signal);
    if (ran.kind !== 'ok') return this.failure(ran.spent, ran);
    const { result } = ran;
    const plan = boundRows(result.columns.map((c) => c.name), result.rows, this.limits);
    // What counting spent is part of what a run of it costs (a run counts again): said with the estimate, so both figures agree.
    const counted = result.stats.apiCalls;
    const estimate = estimateOf(result);
    return this.success(counted, { plan: plan.rows, ...(plan.note ? { note: plan.note } : {}), estimate: counted > 0 ? `${estimate.text} to read, after ${counted} to count (a run counts again): ${estimateAfterCounting(estimate, counted)} in all` : estimate.text, messages: result.messages });
  }

  private async query(input: AgentToolInput<'run_query'>, signal?: AbortSignal): Promise<AgentToolResult> {
    const ran = await this.run(input.sql, input.params, { explainOnly: false, preview: false }, signal);
    if (ran.kind !== 'ok') return this.failure(ran.spent, ran);
    const { result } = ran;
    const limits = { ...this.limits, maxRows: Math.min(this.limits.maxRows, input.maxRows ?? this.limits.maxRows) };
    const bounded = boundRows(result.columns.map((c) => c.name), result.rows, limits);
    // A write with a row that failed (or may have been written) did not do what was asked, as the CLI's exit code 1 says.
    const unwritten = (result.outcomes?.failed ?? 0) + (result.outcomes?.unknown ?? 0) > 0;
    return this.success(result.stats.apiCalls, {
      columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: bounded.rows,
      rowCount: bounded.total,
      ...(bounded.note ? { note: bounded.note } : {}),
      ...(result.outcomes ? { outcomes: result.outcomes } : {}),
      messages: result.messages,
    }, unwritten);
  }

  private async search(input: AgentToolInput<'search_transcripts'>): Promise<AgentToolResult> {
    return this.withConnection(async (connection) => {
      const mirror = connection.mirror ?? connection.answerFromMirror?.destination;
      if (!mirror) return this.failure(0, { message: `search_transcripts needs a mirror of Gong, and ${connection.label} is not one (searching Gong itself would read every transcript).`, hint: this.options.hints.useMirror });
      try {
        const limit = input.limit ?? 20;
        // The best sentences, grouped by call: "which calls mentioned X" wants calls, and one call often repeats a phrase.
        const matches = await mirror.searchTranscripts(input.query, Math.min(SEARCH_SENTENCES, limit * 20));
        const calls = groupByCall(matches);
        const bounded = boundObjects(Math.min(calls.length, limit), (i) => calls[i]!, this.limits, 'ask for fewer calls, or narrow the words', 'calls');
        return this.success(0, {
          mirror: mirror.label,
          calls: bounded.rows,
          callsAmongBestSentences: calls.length,
          bestSentencesRead: matches.length,
          ...(bounded.note ? { note: bounded.note } : {}),
          ...(matches.length === Math.min(SEARCH_SENTENCES, limit * 20) ? { moreMayMatch: `Only the best ${matches.length} sentences were read. To count every call that mentions it: run_query SELECT count(DISTINCT CallId) FROM CallTranscripts WHERE Text LIKE '%word%'.` } : {}),
          howToReadMore: 'run_query: SELECT SpeakerName, StartMs, Text FROM CallTranscripts WHERE CallId = \'…\' ORDER BY StartMs gives a call\'s transcript',
        });
      } catch (error) {
        return this.failure(0, { message: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  /** Runs `use` on the connection of this call, then lets the connection go (see `AgentConnection.release`). */
  private async withConnection<T>(use: (connection: AgentConnection) => Promise<T>): Promise<T> {
    const connection = await this.options.connection();
    try {
      return await use(connection);
    } finally {
      await connection.release?.();
    }
  }

  /**
   * Waits for the statements before this one, then runs `use`. A call cancelled while it waits
   * answers at once and never runs (once running, the run answers a cancel itself: it stops its
   * requests and says what it spent); the next call still waits for the statements before it.
   */
  private inTurn<T>(use: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let started = false;
    const mine = this.turn.then(() => {
      if (signal?.aborted) throw new CancelledWhileWaiting();
      started = true;
      return use();
    });
    this.turn = mine.catch(() => undefined);
    if (!signal) return mine;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => { if (!started) reject(new CancelledWhileWaiting()); };
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      mine.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** The one statement of `sql`, or why it cannot run: a syntax error (with its position), several statements. */
  private check(sql: string, params: Readonly<Record<string, unknown>> | undefined): Checked | { message: string; position?: { line: number; column: number } } {
    const parsed = parse(sql);
    const syntax = parsed.diagnostics.find((d) => d.severity === 'error');
    if (syntax) return { message: syntax.message, position: lineColumn(sql, syntax.span.start) };
    if (parsed.statements.length === 0) return { message: 'The text has no statement (it is empty or only comments).' };
    if (parsed.statements.length !== 1) return { message: `Give one statement per call (this text has ${parsed.statements.length}).` };
    // JSON has no exact integers above 2^53: an id sent as a number has already lost digits.
    const inexact = Object.entries(params ?? {}).find(([, v]) => typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v));
    if (inexact) return { message: `Parameter ${inexact[0]} is the number ${inexact[1]}, too large to be exact: give ids as strings ("${inexact[0]}": "…").` };
    const statement = parsed.statements[0] as A.Statement;
    return { statement, target: statement.kind === 'Explain' ? statement.statement : statement };
  }

  /**
   * Runs one statement (or its EXPLAIN) within the budget and records it in the history. The
   * engine is asked nothing it can say yes to: a costlier read, an UPDATE/DELETE without WHERE
   * and an irreversible CALL all end as refusals.
   */
  private async run(sql: string, params: StatementParams, how: RunHow, signal?: AbortSignal): Promise<Ran & { spent: number }> {
    const checked = this.check(sql, params);
    if ('message' in checked) return { kind: 'error', ...checked, spent: 0 };
    const explaining = how.explainOnly || checked.statement.kind === 'Explain';
    const refused = this.refusedBeforeRun(checked.target, explaining);
    if (refused) return { ...refused, spent: 0 };
    try {
      return await this.inTurn(() => this.withConnection((connection) => this.runOn(connection, sql, checked, params, how, signal)), signal);
    } catch (error) {
      if (error instanceof CancelledWhileWaiting) return { kind: 'error', message: 'Cancelled.', spent: 0 };
      throw error;
    }
  }

  /**
   * What is refused from the statement alone, before any connection: a write when writes are
   * not allowed, an irreversible CALL, an UPDATE/DELETE without WHERE (the engine would read the
   * rows to say how many it changes, and an agent may never confirm it anyway). EXPLAIN of them runs.
   */
  private refusedBeforeRun(target: A.Statement, explaining: boolean): Extract<Ran, { kind: 'refused' }> | undefined {
    if (explaining) return undefined;
    if (isWrite(target.kind) && !this.options.allowWrites) return this.writesRefused();
    if (target.kind === 'Call' && findProcedure(target.name.text)?.irreversible) {
      return { kind: 'refused', message: `Not run: CALL ${target.name.text} cannot be undone, so an agent may never run it; a person can, from the editor or the CLI. Nothing was sent to Gong.` };
    }
    if ((target.kind === 'Update' || target.kind === 'Delete') && !target.where) {
      return { kind: 'refused', message: `Not run: ${target.kind === 'Update' ? 'UPDATE' : 'DELETE'} without WHERE would change every row of ${target.table.text}; an agent cannot confirm that. Add a WHERE clause. Nothing was sent to Gong.` };
    }
    return undefined;
  }

  private async runOn(connection: AgentConnection, sql: string, { statement, target }: Checked, params: StatementParams, { explainOnly, preview }: RunHow, signal: AbortSignal | undefined): Promise<Ran & { spent: number }> {
    const ceiling = this.budget.available();
    // Counting a join reads each object's first page before the engine's question: one that
    // cannot have a page each within the ceiling is refused before that.
    // A preview is refused as the run it previews would be (it sends nothing itself).
    const reads = connection.mirror ? 0 : requestsBeforeQuestion(target, params, !preview && (explainOnly || statement.kind === 'Explain'));
    if (reads > 0 && ceiling === 0) return { ...this.budgetSpent(), spent: 0 };
    if (reads > ceiling) return { kind: 'refused', message: `Not run: it reads ${reads} objects from Gong, at least one API call each, more than this call may spend: ${this.ceilingText(ceiling)}. Nothing was sent to Gong.`, hint: this.narrowHint(), spent: 0 };
    const prefix = explainOnly && statement.kind !== 'Explain' ? 'EXPLAIN ' : '';
    const text = `${prefix}${sql}`;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let spent = 0;
    let passedCeiling = false;
    const { label, release: _release, ...source } = connection;
    const client = source.client && cappedClient(source.client, ceiling, () => { passedCeiling = true; });
    const recording = !preview ? this.options.record?.({ text, connection: label, surface: 'agent', ...(params ? { params } : {}) }) : undefined;
    let outcome: RunOutcome = 'ok';
    let failure: unknown;
    try {
      const [result] = await execute(text, {
        ...source,
        ...(client ? { client } : {}),
        ...(params ? { params } : {}),
        ...(preview ? { explainSendsNothing: true } : {}),
        confirmThreshold: ceiling,
        confirm: async () => false,
        signal: controller.signal,
        onEvent: (event) => {
          recording?.onEvent(event);
          if (event.type === 'statementEnd') spent = event.result.stats.apiCalls;
          if (event.type === 'statementError') spent = event.stats.apiCalls;
        },
      });
      const rows = result?.outcomes;
      // A write with rows that failed (or may be written) is recorded as what it is, not as ok.
      if (rows && rows.failed + rows.unknown > 0) {
        outcome = 'error';
        failure = new Error(`${rows.ok} row${rows.ok === 1 ? '' : 's'} written; ${rows.failed} failed, ${rows.unknown} unknown`);
      }
      return { kind: 'ok', result: result as StatementResult, spent };
    } catch (error) {
      failure = error;
      outcome = error instanceof NotConfirmed ? 'declined' : controller.signal.aborted && !passedCeiling ? 'cancelled' : 'error';
      return { ...this.explainFailure(error, sql, prefix.length, ceiling, passedCeiling, spent, signal), spent };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.budget.spend(spent);
      await recording?.finish(outcome, failure);
    }
  }

  private explainFailure(error: unknown, sql: string, offset: number, ceiling: number, passedCeiling: boolean, spent: number, signal?: AbortSignal): Ran {
    const sent = spent === 0 ? 'Nothing was sent to Gong.' : `It spent ${spent} API call${spent === 1 ? '' : 's'} ${passedCeiling ? 'before it was stopped' : 'reading before the refusal (counting rows, or finding those a write changes)'}.`;
    if (passedCeiling) return { kind: 'refused', message: `Stopped: the statement needed more API calls than this call may spend (${this.ceilingText(ceiling)}), and the request past it was not sent. ${sent}`, hint: this.narrowHint() };
    if (signal?.aborted) return { kind: 'error', message: 'Cancelled.' };
    if (error instanceof NotConfirmed) {
      const { request } = error;
      if (request.kind === 'apiCalls') {
        return {
          kind: 'refused',
          message: `Not run: it needs about ${request.estimate} API calls${request.detail ? ` (${request.detail})` : ''}, more than this call may spend: ${this.ceilingText(ceiling)}. ${sent}`,
          hint: this.narrowHint(),
          estimate: request.estimate,
        };
      }
      if (request.kind === 'unfilteredWrite') return { kind: 'refused', message: `Not run: ${request.statement} without WHERE would change ${everyRow(request.rows)} of ${request.table}; an agent cannot confirm that. Add a WHERE clause.` };
      return { kind: 'refused', message: `Not run: CALL ${request.procedure} would ${request.action}. It cannot be undone, so an agent may never run it; a person can, from the editor or the CLI.` };
    }
    const message = error instanceof Error ? error.message : String(error);
    const span = error instanceof EngineError ? error.span : undefined;
    if (span && span.start >= offset) return { kind: 'error', message, position: lineColumn(sql, span.start - offset) };
    return { kind: 'error', message };
  }

  private ceilingText(ceiling: number): string {
    const { perCall, perSession } = this.budget.limits;
    return ceiling < perCall ? `${ceiling}, what is left of the session's ${perSession}` : `${perCall} per call`;
  }

  private narrowHint(): string {
    return `Cut the API calls: filter on a column Gong evaluates (describe_object lists them: e.g. Calls.Scheduled >= '2026-11-01', or an Id = '…'), read fewer objects, or use a mirror (0 API calls: ${this.options.hints.useMirror}). explain_query shows the estimate. The user can raise the budget: ${this.options.hints.raiseBudget}.`;
  }

  private writesRefused(): Extract<Ran, { kind: 'refused' }> {
    return { kind: 'refused', message: 'Not run: only SELECT and EXPLAIN are allowed here; INSERT, UPDATE, DELETE and CALL change Gong.', hint: `The user can allow writes: ${this.options.hints.allowWrites}.` };
  }

  private budgetSpent(): Extract<Ran, { kind: 'refused' }> {
    return { kind: 'refused', message: `Not run: this session has spent its budget of ${this.budget.limits.perSession} API calls, and the statement reads from Gong. Nothing was sent.`, hint: `Use a mirror (0 API calls: ${this.options.hints.useMirror}), or the user can raise the budget: ${this.options.hints.raiseBudget}.` };
  }

  private success(calls: number, data: Record<string, unknown>, isError = false): AgentToolResult {
    const full = { ...data, apiCalls: this.budget.report(calls) };
    return { isError, text: JSON.stringify(full), data: full };
  }

  /** A tool error: `refused` for what the budget or the rules did not allow, else `error`; what it spent said with it. */
  private failure(spent: number, problem: { message: string; hint?: string; estimate?: number; position?: { line: number; column: number }; kind?: string; spent?: number }): AgentToolResult {
    const { kind, spent: _spent, ...rest } = problem;
    const full = { [kind === 'refused' ? 'refused' : 'error']: rest, apiCalls: this.budget.report(spent) };
    return { isError: true, text: JSON.stringify(full), data: full };
  }
}

/** The sum of EXPLAIN's EstimatedCalls ("20 (about …)", "1+ (…)", "0 (mirror)"); open when any read may need more. */
function estimateOf(explained: StatementResult): CallEstimate {
  const column = explained.columns.findIndex((c) => c.name === 'EstimatedCalls');
  let calls = 0;
  let open = column < 0;
  for (const row of explained.rows) {
    const match = /^(\d+)(\+)?/.exec(String(row[column] ?? ''));
    if (!match) open = true;
    else {
      calls += Number(match[1]);
      if (match[2]) open = true;
    }
  }
  const text = open ? `${calls} or more API calls` : calls === 0 ? 'no API call' : `about ${calls} API call${calls === 1 ? '' : 's'}`;
  return { calls, open, text };
}

/**
 * The fewest requests a statement sends before the engine can ask about its cost: a request
 * per object it reads (a join counts each one's first page; a single object's first page gives
 * its count), or for EXPLAIN only what counting takes (a join's first pages, a fan-out's
 * source), since explaining one object sends nothing. 0 for what reads nothing.
 */
function requestsBeforeQuestion(statement: A.Statement, params: Readonly<Record<string, InputValue>> | undefined, explaining: boolean): number {
  const select = statement.kind === 'Select' ? statement : statement.kind === 'Insert' && statement.source.kind === 'Select' ? statement.source.select : undefined;
  if (!select) return 0;
  let scans;
  try {
    scans = planQuery(select, bind(select), { pushdown: true, params: new Map(Object.entries(params ?? {})) }).scans;
  } catch {
    // A statement the planner cannot plan fails in the run itself, with its position.
    return 0;
  }
  if (!explaining || scans.length > 1) return scans.length;
  return scans.filter((scan) => scan.plan.fanOut && 'from' in scan.plan.fanOut).length;
}

/** A statement's turn never came: the call was cancelled while an earlier statement ran. */
class CancelledWhileWaiting extends Error {}

/** How many matching sentences search_transcripts reads before grouping them by call. */
const SEARCH_SENTENCES = 2000;

/** Sentences of a call shown with it: enough to see how it was said. */
const SENTENCES_PER_CALL = 2;

/** The matches grouped by call, in the order of each call's best match. */
function groupByCall(matches: readonly TranscriptMatch[]): Record<string, unknown>[] {
  const calls = new Map<string, { CallId: string; CallTitle: string | null; CallScheduled: string | null; MatchingSentences: number; Sentences: Record<string, unknown>[] }>();
  for (const m of matches) {
    let call = calls.get(m.callId);
    if (!call) calls.set(m.callId, call = { CallId: m.callId, CallTitle: m.callTitle, CallScheduled: m.callScheduled, MatchingSentences: 0, Sentences: [] });
    call.MatchingSentences++;
    if (call.Sentences.length < SENTENCES_PER_CALL) call.Sentences.push({ Speaker: m.speakerName, Affiliation: m.affiliation, AtSecond: Math.round(m.startMs / 1000), Sentence: m.snippet });
  }
  // FTS ranks sentences, and many tie: the calls that said it most come first, then the latest.
  return [...calls.values()].sort((a, b) => b.MatchingSentences - a.MatchingSentences || (b.CallScheduled ?? '').localeCompare(a.CallScheduled ?? ''));
}

/** An estimate with the requests counting took added: what a run of the statement needs in all. */
function estimateAfterCounting(estimate: CallEstimate, counted: number): string {
  const calls = estimate.calls + counted;
  return estimate.open ? `${calls} or more` : `about ${calls}`;
}
