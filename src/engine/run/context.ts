import type { GongClient } from '../../gong/http/client';
import type { InputValue } from '../../gong/write/values';
import type { LocalMemoryLimit } from '../eval/local';
import type { QueryCache } from './cache';
import type { EngineEvent, ExecStats } from './result';

/** Why the engine asks before going on. */
export type ConfirmRequest =
  | { kind: 'apiCalls'; estimate: number; threshold: number }
  | { kind: 'unfilteredWrite'; statement: 'UPDATE' | 'DELETE'; table: string; rows: number };

export interface RunOptions {
  client: GongClient;
  /** Names the connection in cache keys. */
  connectionId: string;
  cache?: QueryCache;
  /** false skips cached rows (they are refreshed). */
  useCache?: boolean;
  /** false evaluates every filter locally. */
  pushdown?: boolean;
  /** Values of `:name` and `?N` parameters. */
  params?: Readonly<Record<string, InputValue>>;
  /** Cancels the run: requests to Gong are aborted, local evaluation (SQLite's worker) is terminated. */
  signal?: AbortSignal;
  /** The memory local evaluation may use (default 1,024 MB) and the setting that changes it. */
  localMemory?: LocalMemoryLimit;
  /** Estimated API calls above which `confirm` is asked (default 50). */
  confirmThreshold?: number;
  /** Asked before a costly read or an UPDATE/DELETE without WHERE; absent means "no". */
  confirm?: (request: ConfirmRequest) => Promise<boolean>;
  onEvent?: (event: EngineEvent) => void;
}

/** Per-statement state shared by the select, DML and explain runners. */
export interface RunContext {
  readonly options: RunOptions;
  readonly params: ReadonlyMap<string, InputValue>;
  readonly index: number;
  readonly stats: ExecStats;
  confirmed: boolean;
  emit(event: EngineEvent): void;
}
