import type { Row } from '../../gong/catalog/types';
import type { ReadPlan } from '../../gong/read/plan';

/**
 * Rows of complete object reads, per connection, keyed by object + what was sent to Gong.
 * A re-run within the TTL costs no API call.
 */
export class QueryCache {
  private readonly entries = new Map<string, { rows: Row[]; expires: number }>();

  constructor(private readonly ttlMs = 5 * 60_000, private readonly now: () => number = Date.now) {}

  static key(connectionId: string, plan: ReadPlan): string {
    const params = [...plan.params.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify([connectionId, plan.table.name, plan.path.name, params, plan.fanOut?.column ?? null]);
  }

  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.rows;
  }

  set(key: string, rows: Row[]): void {
    this.entries.set(key, { rows, expires: this.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
