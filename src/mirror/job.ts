import { MirrorError } from './destination';
import type { SyncOptions, SyncSummary } from './sync';

// Placeholder until the sync lane's job is merged (its job.ts replaces this file).
export async function runSync(options: SyncOptions): Promise<SyncSummary> {
  throw new MirrorError(`The sync job is not built yet (${options.destination.label})`);
}
