import type { SyncState, SyncStatus } from './destination';
import type { MirrorTable } from './schema';

/**
 * Where an unfinished run of one object stopped, saved with every page (`SyncState.checkpoint`)
 * so that the next run goes on from there: same run start (so `_synced_at` and a full
 * refresh's deletions stay those of one run), same window, the part (fan-out value) and the
 * page cursor of the next page; for per-call content, the last call whose content is in.
 */
export interface Checkpoint {
  readonly runAt: string;
  /** `window` / `createdSince`: the window's start (its end is open), and where the run sets the watermark at the end. */
  readonly from?: string | null;
  readonly until?: string;
  /** Index of the part being read (one per fan-out value), and the cursor of its next page. */
  readonly part?: number;
  readonly cursor?: string;
  /** `perCall`: the last call done, in (`_synced_at`, id) order. */
  readonly after?: { readonly syncedAt: string; readonly key: string };
  readonly rows: number;
  readonly apiCalls: number;
}

export function parseCheckpoint(state: SyncState | undefined): Checkpoint | undefined {
  if (!state?.checkpoint) return undefined;
  try {
    return JSON.parse(state.checkpoint) as Checkpoint;
  } catch {
    // A checkpoint this version cannot read: the run starts the object over (upserts make that safe).
    return undefined;
  }
}

/** The state saved with a page of a run in progress. */
export function runningState(table: MirrorTable, previous: SyncState | undefined, checkpoint: Checkpoint): SyncState {
  return {
    object: table.name,
    policy: table.policy.kind,
    watermark: previous?.watermark ?? null,
    checkpoint: JSON.stringify(checkpoint),
    lastRunStarted: checkpoint.runAt,
    lastRunFinished: null,
    rows: checkpoint.rows,
    apiCalls: checkpoint.apiCalls,
    status: 'running',
    error: null,
  };
}

/** The state when a run of the object ended: done moves the watermark; stopped or failed keeps the checkpoint. */
export function endedState(running: SyncState, status: SyncStatus, finishedAt: string, change: { watermark?: string | null; error?: string | null }): SyncState {
  return {
    ...running,
    watermark: change.watermark !== undefined ? change.watermark : running.watermark,
    checkpoint: status === 'done' ? null : running.checkpoint,
    lastRunFinished: finishedAt,
    status,
    error: change.error ?? null,
  };
}
