import type { GongClient } from '../gong/http/client';
import type { Destination, SyncStatus } from './destination';
import type { MirrorSource } from './source';

// The sync job's public shape, shared by the CLI and the editor. The job itself is job.ts.

export interface SyncOptions {
  readonly client: GongClient;
  readonly destination: Destination;
  /** Object names (case-insensitive); default every mirrored object. Per-call content follows the calls synced. */
  readonly objects?: readonly string[];
  /** First run of a `window` / `createdSince` object starts here (ISO-8601 date or date-time). */
  readonly since?: string;
  /** Ignores watermarks: everything since `since` is read again (and upserted). */
  readonly full?: boolean;
  /** How far back each `window` run re-reads before its watermark (default 7 days). */
  readonly lookBackDays?: number;
  readonly signal?: AbortSignal;
  /** Estimated API calls above which `confirm` is asked (default 500); absent `confirm` means "no". */
  readonly confirmAbove?: number;
  readonly confirm?: (estimate: SyncEstimate) => Promise<boolean>;
  readonly onEvent?: (event: SyncEvent) => void;
  /** Who the client reaches, when the caller already asked (source.ts), and the requests that took. */
  readonly source?: { readonly source: MirrorSource; readonly apiCalls: number };
  /** The clock (tests). */
  readonly now?: () => Date;
}

/** What a run will cost before it starts, like EXPLAIN. */
export interface SyncEstimate {
  readonly objects: readonly { readonly object: string; readonly requests: number; readonly open: boolean; readonly note: string }[];
  /** At least this many requests (open-ended reads may need more pages). */
  readonly requests: number;
  /** At Gong's 3 requests a second. */
  readonly seconds: number;
  /** What is left of today's 10,000 (as counted on this machine), when known. */
  readonly quotaLeft?: number;
}

export type SyncEvent =
  | { readonly type: 'estimate'; readonly estimate: SyncEstimate }
  | { readonly type: 'objectStart'; readonly object: string; readonly resumed: boolean }
  | { readonly type: 'progress'; readonly object: string; readonly pages: number; readonly rows: number; readonly apiCalls: number; readonly totalApiCalls: number }
  | { readonly type: 'objectEnd'; readonly object: string; readonly result: ObjectSummary }
  /** Gong said to wait (429 Retry-After): the run goes on after it. */
  | { readonly type: 'waiting'; readonly seconds: number };

export interface ObjectSummary {
  readonly object: string;
  readonly status: SyncStatus;
  readonly rows: number;
  readonly apiCalls: number;
  /** Rows a full refresh marked deleted. */
  readonly deleted: number;
  readonly error?: string;
}

export interface SyncSummary {
  readonly objects: readonly ObjectSummary[];
  readonly apiCalls: number;
  readonly rows: number;
  readonly ms: number;
  /** True when cancelled or stopped by the daily quota: the next run resumes. */
  readonly stopped: boolean;
}
