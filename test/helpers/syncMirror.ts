import assert from 'node:assert/strict';
import type { GongClient } from '../../src/gong';
import type { Destination } from '../../src/mirror/destination';
import { runSync } from '../../src/mirror/job';

/** A real sync from the sandbox into a mirror, as `gongsql sync [--objects …] --yes` does; every object must end done. */
export async function syncMirror(client: GongClient, destination: Destination, objects?: readonly string[]): Promise<void> {
  const summary = await runSync({ client, destination, objects, confirm: async () => true });
  assert.deepEqual(summary.objects.filter((o) => o.status !== 'done'), [], destination.label);
}
