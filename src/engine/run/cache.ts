import type { Row } from '../../gong/catalog/types';
import type { ReadPlan } from '../../gong/read/plan';

export interface CacheOptions {
  /** How long rows stay reusable (default 5 minutes; read on every store, so a setting can change it; 0 keeps nothing). */
  readonly ttlMs?: number | (() => number);
  /** At most this many rows are kept, the oldest reads dropped first (default 1,000,000). */
  readonly maxRows?: number;
  readonly now?: () => number;
}

/**
 * Rows of complete object reads, per connection, keyed by object + what was sent to Gong.
 * A re-run within the TTL costs no API call. Expired reads are dropped whenever a read is
 * stored, and the row cap bounds the memory a long session can hold.
 */
export class QueryCache {
  private readonly entries = new Map<string, { rows: Row[]; expires: number }>();
  private rowCount = 0;
  private readonly ttlMs: () => number;
  private readonly maxRows: number;
  private readonly now: () => number;

  constructor(options: CacheOptions = {}) {
    const ttl = options.ttlMs ?? 5 * 60_000;
    this.ttlMs = typeof ttl === 'function' ? ttl : () => ttl;
    this.maxRows = options.maxRows ?? 1_000_000;
    this.now = options.now ?? Date.now;
  }

  static key(connectionId: string, plan: ReadPlan): string {
    const params = [...plan.params.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify([connectionId, plan.table.name, plan.path.name, params, plan.fanOut?.column ?? null]);
  }

  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.drop(key);
      return undefined;
    }
    return entry.rows;
  }

  set(key: string, rows: Row[]): void {
    this.drop(key);
    const ttl = this.ttlMs();
    const now = this.now();
    for (const [k, entry] of this.entries) if (entry.expires <= now) this.drop(k);
    if (ttl <= 0 || rows.length > this.maxRows) return;
    // Maps iterate in insertion order: the first entries are the oldest reads.
    for (const k of this.entries.keys()) {
      if (this.rowCount + rows.length <= this.maxRows) break;
      this.drop(k);
    }
    this.entries.set(key, { rows, expires: now + ttl });
    this.rowCount += rows.length;
  }

  /** Rows held, for tests and the output channel. */
  get size(): { reads: number; rows: number } {
    return { reads: this.entries.size, rows: this.rowCount };
  }

  /**
   * Drops every read of Gong made on `connectionId`: after a write, what was read before may
   * no longer be what Gong holds (a changed row, a new one, a call's parties), and a SELECT
   * checking the write must read Gong again. Reads of a mirror stay: a write never changes one.
   */
  forgetConnection(connectionId: string): void {
    for (const key of [...this.entries.keys()]) if ((JSON.parse(key) as unknown[])[0] === connectionId) this.drop(key);
  }

  clear(): void {
    this.entries.clear();
    this.rowCount = 0;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.rowCount -= entry.rows.length;
  }
}
