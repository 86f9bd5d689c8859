import { execute } from '../../src/engine';
import type { GongClient } from '../../src/gong';
import type { Destination, SyncState } from '../../src/mirror/destination';
import { mirrorTables, type MirrorTable } from '../../src/mirror/schema';
import type { Row } from '../../src/values';

/**
 * Copies what a live connection answers into a mirror, through `Destination.commit`, so that
 * a test can compare the same statements on Gong and on the mirror. Each object is read whole
 * by the engine (per-call content for every call) and committed as one finished sync.
 */
export async function fillMirror(client: GongClient, destination: Destination, objects?: readonly string[]): Promise<Map<string, number>> {
  const tables = mirrorTables().filter((t) => !objects || objects.includes(t.name));
  await destination.prepare(tables);
  const runAt = new Date().toISOString();
  const counts = new Map<string, number>();
  for (const table of tables) {
    const rows = await liveRows(client, table);
    const replaceCalls = table.policy.kind === 'perCall' ? [...new Set(rows.map((r) => String(r[table.columns.findIndex((c) => c.name === (table.policy as { callKey: string }).callKey)])))] : undefined;
    await destination.commit({ table, rows, replaceCalls, runAt, states: [finished(table, runAt, rows.length)] });
    counts.set(table.name, rows.length);
  }
  return counts;
}

/** The object's rows on the live connection, in the mirror's column order. */
async function liveRows(client: GongClient, table: MirrorTable): Promise<Row[]> {
  const where = table.policy.kind === 'perCall' ? ` WHERE ${table.policy.callKey} IN (SELECT Id FROM Calls)` : '';
  const [result] = await execute(`SELECT * FROM ${table.name}${where}`, { client, connectionId: 'fill', confirm: async () => true });
  const names = result!.columns.map((c) => c.name);
  const at = table.columns.map((c) => names.indexOf(c.name));
  return result!.rows.map((row) => at.map((i) => row[i] ?? null));
}

function finished(table: MirrorTable, runAt: string, rows: number): SyncState {
  return { object: table.name, policy: table.policy.kind, watermark: table.policy.kind === 'fullRefresh' ? null : runAt, checkpoint: null, lastRunStarted: runAt, lastRunFinished: runAt, rows, apiCalls: 0, status: 'done', error: null };
}
