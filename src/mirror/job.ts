import { GongError } from '../gong/http/errors';
import { planRead, type ReadPlan } from '../gong/read/plan';
import { emptyStats, readRecords, readRows, type ReadStats } from '../gong/read/reader';
import { toRow } from '../gong/read/rows';
import type { Row } from '../values';
import type { Destination, SyncState, SyncStatus } from './destination';
import { estimateSync } from './estimate';
import { CALLS_PER_REQUEST, callsTable, normalizeSince, readParts, selectTables, windowPredicates, windowStart, type ReadPart } from './reads';
import type { MirrorTable } from './schema';
import { checkSameSource, identifySource, parseSource, sourceText } from './source';
import { groupSharedReads, recordsOf, sharedPlan } from './sharedContent';
import { endedState, parseCheckpoint, runningState, type Checkpoint } from './state';
import type { ObjectSummary, SyncEstimate, SyncOptions, SyncSummary } from './sync';

/**
 * `gongsql sync`: brings each selected object of the mirror up to date, as its catalog
 * `mirror:` policy says. Every page is one atomic commit of its rows and the object's state
 * (with a checkpoint), so a run stopped anywhere — Ctrl-C, kill -9, a network fault, the daily
 * quota — goes on from the last committed page the next time, with no duplicate (rows are
 * upserted by key, per-call content replaced per call) and no hole (the checkpoint is written
 * with the rows it covers).
 */

export { estimateSync };

export const DEFAULT_CONFIRM_ABOVE = 500;

/** The estimate was above the threshold and the run was not confirmed. */
export class SyncNotConfirmed extends Error {
  /** `apiCalls`: the requests the estimate made (a first page per dated object on a first run). */
  constructor(readonly estimate: SyncEstimate, readonly apiCalls: number) {
    super(`Not run: the sync needs at least ${estimate.requests} API calls (about ${duration(estimate.seconds)} at 3 requests a second)${estimate.quotaLeft !== undefined ? `, and ${estimate.quotaLeft} are left of today's quota` : ''}.`);
    this.name = 'SyncNotConfirmed';
  }
}

export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Why a run stops altogether rather than going on with the next object. */
function stopsTheRun(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  return error instanceof GongError && (error.code === 'ABORTED' || error.code === 'RATE_LIMITED' || error.code === 'NETWORK' || error.code === 'AUTH');
}

/** A message for the state table and the summary: Gong's or SQLite's words, never a secret. */
function describe(error: unknown): string {
  if (error instanceof GongError && error.code === 'RATE_LIMITED') return `${error.message} The next run resumes where this one stopped.`;
  return error instanceof Error ? error.message : String(error);
}

interface RunContext {
  readonly options: SyncOptions;
  readonly destination: Destination;
  /** This run's start: every row it writes gets it as `_synced_at`. */
  readonly runAt: string;
  readonly states: Map<string, SyncState>;
  /** API calls of the estimate and of the objects already done. */
  finishedApiCalls: number;
}

export async function runSync(options: SyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const tables = selectTables(options.objects);
  normalizeSince(options.since);
  const { destination } = options;
  const probe = emptyStats();
  // Who the credentials reach, checked against the Gong the mirror copies before anything is written.
  const source = options.source ?? { source: await identifySource(options.client, probe), apiCalls: 0 };
  probe.apiCalls += source.apiCalls;
  checkSameSource(parseSource(await destination.readSource()), source.source, destination.label);
  await destination.prepare(tables);
  await destination.recordSource(sourceText(source.source));
  const states = await destination.readState();
  const estimate = await estimateSync(options, tables, states, probe);
  options.onEvent?.({ type: 'estimate', estimate });
  // Above the threshold, or more than today's quota has left (the run would stop at it and resume tomorrow): ask.
  const beyondQuota = estimate.quotaLeft !== undefined && estimate.requests > estimate.quotaLeft;
  if (estimate.requests > (options.confirmAbove ?? DEFAULT_CONFIRM_ABOVE) || beyondQuota) {
    const yes = options.confirm ? await options.confirm(estimate) : false;
    if (!yes) throw new SyncNotConfirmed(estimate, probe.apiCalls);
  }
  const ctx: RunContext = { options, destination, runAt: now().toISOString(), states, finishedApiCalls: probe.apiCalls };
  const summaries: ObjectSummary[] = [];
  let stopped = false;
  for (const group of groupSharedReads(tables, states, options.full)) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    for (const summary of await syncObjects(ctx, group, now)) {
      summaries.push(summary);
      ctx.finishedApiCalls += summary.apiCalls;
      options.onEvent?.({ type: 'objectEnd', object: summary.object, result: summary });
      if (summary.status === 'stopped') stopped = true;
    }
    if (stopped) break;
  }
  return {
    objects: summaries,
    apiCalls: ctx.finishedApiCalls,
    rows: summaries.reduce((n, s) => n + s.rows, 0),
    ms: Math.round(performance.now() - started),
    stopped,
  };
}

/**
 * One object's run (or the runs of per-call objects that share their requests): reads and
 * commits page by page, then marks each done (a full refresh also marks what Gong no longer
 * returned as deleted). A failure is saved in each state, with the checkpoint, and reported;
 * it stops the whole run when the next object would fail alike.
 */
async function syncObjects(ctx: RunContext, group: readonly MirrorTable[], now: () => Date): Promise<ObjectSummary[]> {
  const runs = group.map((table) => {
    const previous = ctx.states.get(table.name);
    const resume = ctx.options.full ? undefined : parseCheckpoint(previous);
    ctx.options.onEvent?.({ type: 'objectStart', object: table.name, resumed: resume !== undefined });
    return new ObjectRun(ctx, table, previous, resume);
  });
  try {
    const watermark = runs.length === 1 ? await read(runs[0] as ObjectRun) : await readPerCall(runs);
    const summaries: ObjectSummary[] = [];
    for (const run of runs) {
      const finished = endedState(run.state(), 'done', now().toISOString(), { watermark });
      const deleted = run.table.policy.kind === 'fullRefresh' ? await ctx.destination.finishRefresh(run.table, run.checkpoint.runAt, finished) : 0;
      if (run.table.policy.kind !== 'fullRefresh') await run.save(finished);
      summaries.push(run.summary('done', deleted));
    }
    return summaries;
  } catch (error) {
    const status: SyncStatus = stopsTheRun(error, ctx.options.signal) ? 'stopped' : 'failed';
    const message = ctx.options.signal?.aborted ? 'Cancelled: the next run resumes where this one stopped.' : describe(error);
    const summaries: ObjectSummary[] = [];
    for (const run of runs) {
      // The state says why; the checkpoint of the last committed page stays for the next run.
      await run.save(endedState(run.state(), status, now().toISOString(), { error: message })).catch(() => undefined);
      summaries.push(run.summary(status, 0, message));
    }
    return summaries;
  }
}

/** Reads the object as its policy says; resolves to the new watermark. */
function read(run: ObjectRun): Promise<string | null> {
  switch (run.table.policy.kind) {
    case 'window':
    case 'createdSince': return readWindow(run);
    case 'fullRefresh': return readWhole(run).then(() => null);
    case 'perCall': return readPerCall([run]);
  }
}

/** The state of one object's run, committed with each page. */
class ObjectRun {
  checkpoint: Checkpoint;
  readonly stats: ReadStats = emptyStats();
  private readonly apiCallsBefore: number;
  /**
   * Rows this run wrote: the reader's own count also has the parent rows a fan-out read
   * (the workspaces behind each folder), which are not this object's.
   */
  private written = 0;
  private readonly rowsBefore: number;

  constructor(readonly ctx: RunContext, readonly table: MirrorTable, readonly previous: SyncState | undefined, readonly resumed: Checkpoint | undefined) {
    // A full refresh keeps its run's start across a resume: rows it wrote before the stop are
    // then this run's, and only rows Gong no longer returns are marked deleted at the end.
    const runAt = table.policy.kind === 'fullRefresh' && resumed ? resumed.runAt : ctx.runAt;
    this.checkpoint = resumed ? { ...resumed, runAt } : { runAt, rows: 0, apiCalls: 0 };
    this.apiCallsBefore = this.checkpoint.apiCalls;
    this.positions = table.columns.map((c) => table.table.columns.findIndex((d) => d.name === c.name));
    this.rowsBefore = this.checkpoint.rows;
  }

  /** Reads one plan's pages with the run's counters and signal; `onCursor` gives each page's next cursor. */
  pages(part: ReadPart, options: { startCursor?: string; onCursor?: (next: string | undefined) => void } = {}): AsyncGenerator<Row[]> {
    return readRows(this.ctx.options.client, part.plan, {
      signal: this.ctx.options.signal,
      startCursor: options.startCursor,
      onCursor: options.onCursor,
      onRateLimitWait: this.onRateLimitWait,
    }, this.stats);
  }

  /** Every row of a plan (all its pages). */
  async allRows(plan: ReadPlan): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const page of this.pages({ plan, resumable: false })) rows.push(...page);
    return rows;
  }

  /**
   * Every page of a request shared by several objects' runs (this one first): each run gets
   * its records as rows; the requests count as this run's API calls.
   */
  async sharedRows(plan: ReadPlan, runs: readonly ObjectRun[]): Promise<Row[][]> {
    const rows = runs.map((): Row[] => []);
    const read = readRecords(this.ctx.options.client, plan, { signal: this.ctx.options.signal, onRateLimitWait: this.onRateLimitWait }, this.stats);
    for await (const { records, bound } of read) {
      for (const body of records) {
        for (const [index, run] of runs.entries()) {
          const mine = recordsOf(run.table, body).map((r) => toRow(run.table.table, r, { bound }));
          (rows[index] as Row[]).push(...mine);
        }
      }
    }
    return rows;
  }

  private readonly onRateLimitWait = (ms: number) => this.ctx.options.onEvent?.({ type: 'waiting', seconds: Math.ceil(ms / 1000) });

  /** Positions of the mirror's columns in a row the reader makes (insert-only columns are never mirrored). */
  private readonly positions: readonly number[];

  /** One atomic commit: the rows, the per-call rows they replace, the checkpoint after them. */
  async commit(read: readonly Row[], at: Partial<Checkpoint>, replaceCalls?: readonly string[]): Promise<void> {
    const rows = read.map((row) => this.positions.map((i) => row[i] ?? null));
    this.written += rows.length;
    this.checkpoint = { ...this.checkpoint, ...at, rows: this.rowsBefore + this.written, apiCalls: this.apiCallsBefore + this.stats.apiCalls };
    await this.ctx.destination.commit({ table: this.table, rows, replaceCalls, runAt: this.checkpoint.runAt, states: [this.state()] });
    this.ctx.options.onEvent?.({
      type: 'progress', object: this.table.name, pages: this.stats.pages, rows: this.written, apiCalls: this.stats.apiCalls, totalApiCalls: this.ctx.finishedApiCalls + this.stats.apiCalls,
    });
  }

  state(): SyncState {
    const checkpoint = { ...this.checkpoint, rows: this.rowsBefore + this.written, apiCalls: this.apiCallsBefore + this.stats.apiCalls };
    return runningState(this.table, this.previous, checkpoint);
  }

  save(state: SyncState): Promise<void> {
    return this.ctx.destination.commit({ table: this.table, rows: [], runAt: this.checkpoint.runAt, states: [state] });
  }

  summary(status: SyncStatus, deleted: number, error?: string): ObjectSummary {
    return { object: this.table.name, status, rows: this.written, apiCalls: this.stats.apiCalls, deleted, ...(error ? { error } : {}) };
  }
}

/**
 * A window on the policy's cursor, from the watermark (less the look-back for `window`) with
 * no end: every page is upserted. The new watermark is the run's start; a resumed run keeps
 * the window it started with and goes on at its next page.
 */
async function readWindow(run: ObjectRun): Promise<string> {
  const resume = run.resumed;
  const from = resume ? resume.from ?? null : windowStart(run.table, run.previous, run.ctx.options);
  const until = resume?.until ?? run.checkpoint.runAt;
  await readAllParts(run, readParts(run.table, windowPredicates(run.table, from)), { from, until });
  return until;
}

/** A small object, read whole; the end of the run marks what Gong no longer returned as deleted. */
async function readWhole(run: ObjectRun): Promise<void> {
  await readAllParts(run, readParts(run.table, []), {});
}

/**
 * Each part in turn, from the checkpoint's part and page cursor. A cursor Gong no longer
 * accepts (400) restarts that part from its first page: upserts make the re-read harmless.
 */
async function readAllParts(run: ObjectRun, parts: readonly ReadPart[], window: Partial<Checkpoint>): Promise<void> {
  const resume = run.resumed;
  for (let index = resume?.part ?? 0; index < parts.length; index++) {
    const part = parts[index] as ReadPart;
    const startCursor = part.resumable && resume?.part === index ? resume.cursor : undefined;
    try {
      await readPart(run, part, index, window, startCursor);
    } catch (error) {
      if (!(startCursor && error instanceof GongError && error.status === 400)) throw error;
      await readPart(run, part, index, window, undefined);
    }
  }
}

async function readPart(run: ObjectRun, part: ReadPart, index: number, window: Partial<Checkpoint>, startCursor: string | undefined): Promise<void> {
  let next: string | undefined;
  for await (const rows of run.pages(part, { startCursor, onCursor: (cursor) => { next = cursor; } })) {
    // After a part's last page the checkpoint points at the next part.
    const at = part.resumable && next ? { part: index, cursor: next } : { part: next ? index : index + 1, cursor: undefined };
    await run.commit(rows, { ...window, ...at });
  }
}

/**
 * Per-call content follows the calls: every call written to the mirror since the content's
 * watermark (with `--since`, only calls since then), 100 calls per request, each call's rows
 * replaced by what Gong has now. The checkpoint is the last call done. Objects sharing their
 * requests (sharedContent.ts) are read by one request per 100 calls and committed each.
 */
async function readPerCall(runs: readonly ObjectRun[]): Promise<string | null> {
  const first = runs[0] as ObjectRun;
  const policy = first.table.policy;
  if (policy.kind !== 'perCall') throw new Error('readPerCall needs a perCall policy');
  const { destination, options } = first.ctx;
  const calls = callsTable();
  const previous = first.previous;
  const after = first.resumed?.after ?? (options.full || !previous?.watermark ? null : { syncedAt: previous.watermark });
  let followed = await destination.syncedAfter(calls, after);
  const since = normalizeSince(options.since);
  if (since !== undefined) {
    const inWindow = new Set<string>();
    const keyIndex = calls.columns.findIndex((c) => c.name === calls.key[0]);
    for await (const batch of destination.select(calls, windowPredicates(calls, since))) for (const row of batch) inWindow.add(String(row[keyIndex]));
    followed = followed.filter((c) => inWindow.has(c.key));
  }
  let watermark = previous?.watermark ?? null;
  for (let i = 0; i < followed.length; i += CALLS_PER_REQUEST) {
    const batch = followed.slice(i, i + CALLS_PER_REQUEST);
    const ids = batch.map((c) => c.key);
    const plan = planRead(first.table.table, [{ column: policy.callKey, op: 'IN', value: ids }]);
    // Every page of the batch, then one commit per object: a call's content is replaced whole.
    const rows = runs.length === 1 ? [await first.allRows(plan)] : await first.sharedRows(sharedPlan(plan, runs.map((r) => r.table)), runs);
    const last = batch[batch.length - 1] as { key: string; syncedAt: string };
    for (const [index, run] of runs.entries()) await run.commit(rows[index] as Row[], { after: { syncedAt: last.syncedAt, key: last.key } }, ids);
    watermark = last.syncedAt;
  }
  return watermark;
}
