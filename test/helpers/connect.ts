import { GongClient, readRows, planRead, findTable, type ClientOptions, type Predicate, type ReadStats, type Row, emptyStats } from '../../src/gong';
import type { Sandbox } from '../../src/sandbox';

/** A client for a sandbox: the demo credentials, fast pacing and short backoff unless a test says otherwise. */
export function connect(sandbox: Sandbox, options: Partial<ClientOptions> = {}): GongClient {
  return new GongClient({
    baseUrl: sandbox.url,
    credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
    rateLimit: { perSecond: 1000, concurrency: 4 },
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...options,
  });
}

/** Reads a table through the planner's choice; returns the rows as objects and what it cost. */
export async function select(client: GongClient, tableName: string, predicates: Predicate[] = [], signal?: AbortSignal) {
  const table = findTable(tableName);
  if (!table) throw new Error(`no table ${tableName}`);
  const plan = planRead(table, predicates);
  const stats: ReadStats = emptyStats();
  const rows: Row[] = [];
  for await (const batch of readRows(client, plan, { signal }, stats)) rows.push(...batch);
  const objects = rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]])));
  return { rows: objects, stats, plan };
}
