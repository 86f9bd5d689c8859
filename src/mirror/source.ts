import type { GongClient } from '../gong/http/client';
import { findTable } from '../gong/catalog';
import { readAll } from '../gong/read/reader';
import type { ReadStats } from '../gong/read/reader';
import { MirrorError } from './destination';

/**
 * Which Gong a mirror copies, recorded in the mirror (`_gongsql_source`) by its first run: the
 * API host and the company's workspace ids (not secrets). A run against another company is
 * refused, so two tenants' rows never mix in one mirror. The workspaces are read first, which
 * also checks the credentials before anything is written.
 */
export interface MirrorSource {
  readonly host: string;
  readonly workspaces: readonly string[];
}

/** One request (Gong's workspaces): who the client's credentials reach. */
export async function identifySource(client: GongClient, stats?: ReadStats): Promise<MirrorSource> {
  const workspaces = findTable('Workspaces');
  if (!workspaces) throw new Error('catalog: the mirror identifies its source by the Workspaces table');
  const id = workspaces.columns.findIndex((c) => c.name === 'Id');
  const rows = await readAll(client, workspaces, {}, stats);
  return { host: new URL(String(client.toJSON().baseUrl)).host, workspaces: rows.map((r) => String(r[id])).sort() };
}

export const sourceText = (source: MirrorSource) => JSON.stringify(source);

export function parseSource(text: string | null): MirrorSource | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as MirrorSource;
    return Array.isArray(parsed.workspaces) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The same company when most of the recorded workspaces are still there: a company adds
 * workspaces and now and then removes one, but another company's are other ids (the host is
 * not compared: a sandbox's changes with its port, and one tenant has several API hosts).
 */
export function checkSameSource(recorded: MirrorSource | undefined, current: MirrorSource, label: string): void {
  if (!recorded || recorded.workspaces.length === 0) return;
  const kept = recorded.workspaces.filter((w) => current.workspaces.includes(w)).length;
  if (kept * 2 > recorded.workspaces.length) return;
  throw new MirrorError(
    `${label} is a mirror of another Gong (${recorded.host}, workspaces ${recorded.workspaces.join(', ')}); `
    + `these credentials reach ${current.host}, workspaces ${current.workspaces.join(', ')}. `
    + 'Syncing would mix two companies\' data: start a new mirror with --to ANOTHER_FILE (or another database).',
  );
}
