import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GongClient } from '../../src/gong/http/client';
import type { Destination } from '../../src/mirror/destination';
import { openDestination } from '../../src/mirror/open';
import { selectTables } from '../../src/mirror/reads';
import { mirrorTables } from '../../src/mirror/schema';
import type { Sandbox } from '../../src/sandbox';

/**
 * Where the mirror tests write: each target gives a fresh, empty mirror location per call.
 * The tests that take a target run on every one of them (the PostgreSQL lane adds its own,
 * from test/support/postgres.ts).
 */
export interface MirrorTarget {
  readonly name: string;
  /** A new empty mirror (a file path or a database URL). */
  fresh(label: string): Promise<string>;
  /** Removes what `fresh` made. */
  cleanup(): Promise<void>;
}

export async function sqliteTarget(): Promise<MirrorTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'gongsql-mirror-'));
  let n = 0;
  return {
    name: 'sqlite',
    fresh: async (label) => join(dir, `${label}-${++n}.sqlite`),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A client for the sandbox that does not pace at Gong's 3/s (the sandbox's limit is off in these tests). */
export function fastClient(sandbox: Sandbox): GongClient {
  const { accessKey, accessKeySecret } = sandbox.credentials;
  return new GongClient({
    baseUrl: sandbox.url,
    credentials: { kind: 'basic', accessKey, accessKeySecret },
    rateLimit: { perSecond: 1000, burst: 1000 },
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
  });
}

/**
 * Every mirrored table's live rows, sorted, as text: what "the same mirror" means when
 * comparing an interrupted and resumed sync with an uninterrupted one, table by table.
 */
export async function dumpMirror(location: string, objects?: readonly string[]): Promise<Map<string, string[]>> {
  const destination = await openDestination(location);
  try {
    return await dump(destination, objects);
  } finally {
    await destination.close();
  }
}

export async function dump(destination: Destination, objects?: readonly string[]): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  // Without a list: what a sync without --objects writes.
  for (const table of objects ? mirrorTables().filter((t) => objects.includes(t.name)) : selectTables(undefined)) {
    const rows: string[] = [];
    for await (const batch of destination.select(table, [])) for (const row of batch) rows.push(JSON.stringify(row));
    tables.set(table.name, rows.sort());
  }
  return tables;
}
