import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { GongError } from '../../../src/gong/http/errors';
import { MirrorError, type SyncState } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables } from '../../../src/mirror/schema';
import { waitFor } from '../../helpers/sandboxClient';
import { sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';

const calls = mirrorTables().find((t) => t.name === 'Calls') ?? assert.fail('Calls');
const BIG_ID = '9223372036854775807';

const state = (object: string): SyncState => ({
  object, policy: 'window', watermark: null, checkpoint: null, lastRunStarted: null, lastRunFinished: null, rows: 0, apiCalls: 0, status: 'done', error: null,
});

/** Another process holding the mirror open, as a second `gongsql sync` would. */
function holdOpen(file: string) {
  const script = `const { openDestination } = require(${JSON.stringify(require.resolve('../../../src/mirror/open'))});
openDestination(process.argv[1]).then(() => process.stdout.write('open\\n'));
setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return { child, opened: () => waitFor(() => out.includes('open'), 'the other process to open the mirror', 20_000) };
}

describe('the SQLite mirror file', () => {
  let target: MirrorTarget;
  before(async () => { target = await sqliteTarget(); });
  after(() => target.cleanup());

  it('keeps ids exact as text, integers as numbers, and answers statements on the file in batches', async () => {
    const destination = await openDestination(await target.fresh('values'));
    try {
      await destination.prepare([calls]);
      const row = calls.columns.map((c) => (c.name === 'Id' ? BIG_ID : c.name === 'Duration' ? 61 : c.name === 'IsPrivate' ? 1 : null));
      await destination.commit({ table: calls, rows: [row], runAt: '2026-01-01T00:00:00.000Z', states: [state('Calls')] });
      const batches = await collect(destination.select(calls, [{ column: 'Id', op: '=', value: BIG_ID }]));
      assert.deepEqual(batches, [[row]]);
      const answered: unknown[][] = [];
      let names: readonly string[] = [];
      await destination.native?.query(`SELECT Id, CAST(Id AS INTEGER), Duration, Id FROM Calls`, [], { columns: (n) => { names = n; }, rows: (r) => answered.push(...r) });
      assert.deepEqual(names, ['Id', 'CAST(Id AS INTEGER)', 'Duration', 'Id']);
      assert.deepEqual(answered, [[BIG_ID, BIG_ID, 61, BIG_ID]]);
    } finally {
      await destination.close();
    }
  });

  it('a cancelled statement stops, and the mirror answers the next one', async () => {
    const destination = await openDestination(await target.fresh('cancel'));
    try {
      const controller = new AbortController();
      let rows = 0;
      const endless = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n`;
      await assert.rejects(
        destination.native?.query(endless, [], { columns: () => undefined, rows: (batch) => { rows += batch.length; controller.abort(); } }, controller.signal) ?? Promise.resolve(),
        (error: Error) => error instanceof GongError && error.code === 'ABORTED',
      );
      assert.ok(rows > 0 && rows < 10_000);
      const answered: unknown[][] = [];
      await destination.native?.query('SELECT 1 + 1', [], { columns: () => undefined, rows: (r) => answered.push(...r) });
      assert.deepEqual(answered, [[2]]);
    } finally {
      await destination.close();
    }
  });

  it('a mirror whose thread died fails with a MirrorError, and opening the file again gives a working one', async () => {
    const file = await target.fresh('crashed');
    const broken = await openDestination(file);
    // As a crash of the WebAssembly thread would.
    await (broken as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await assert.rejects(broken.rowCounts(), MirrorError);
    const again = await openDestination(file);
    try {
      assert.notEqual(again, broken);
      assert.ok((await again.rowCounts()) instanceof Map);
    } finally {
      await again.close();
    }
  });

  it('a cancelled statement busy inside one step (no row yet) stops within a second; the file opens again, no lock left', async () => {
    const file = await target.fresh('cancel');
    const destination = await openDestination(file);
    await destination.prepare([]);
    const controller = new AbortController();
    // One step that runs for minutes: SQLite produces no row before it has counted them all.
    const long = destination.native!.query(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c`, [], { columns: () => undefined, rows: () => undefined }, controller.signal);
    const settled = long.then(() => 'finished', (e: Error) => e.name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cancelledAt = Date.now();
    controller.abort();
    assert.equal(await settled, 'GongError');
    assert.ok(Date.now() - cancelledAt < 1000, `stopped after ${Date.now() - cancelledAt} ms`);
    await destination.close();
    await waitFor(() => !existsSync(`${file}.lock`), 'the lock to be removed');
    const again = await openDestination(file);
    try {
      assert.equal((await again.readState()).size, 0);
    } finally {
      await again.close();
    }
    assert.ok(!existsSync(`${file}.lock`) && !existsSync(`${file}.owner`));
  });

  it('refuses a file that is not a mirror, saying why', async () => {
    const text = await target.fresh('text');
    await writeFile(text, 'not a database at all, just some text that is long enough to be read as a header'.repeat(20));
    await assert.rejects(openDestination(text), (e: Error) => e instanceof MirrorError && /not a gongsql mirror: it is not a SQLite database/.test(e.message));
  });

  it('refuses a file another live process holds, naming its pid; after that process is killed (-9) the stale lock is cleared', async () => {
    const file = await target.fresh('locked');
    const other = holdOpen(file);
    try {
      await other.opened();
      await assert.rejects(openDestination(file), (e: Error) => e instanceof MirrorError && e.message.includes(`pid ${other.child.pid}`));
      other.child.kill('SIGKILL');
      await waitFor(() => other.child.exitCode !== null || other.child.signalCode !== null, 'the other process to die');
      assert.ok(existsSync(`${file}.lock`), 'kill -9 leaves the lock behind');
      const destination = await openDestination(file);
      await destination.close();
      assert.ok(!existsSync(`${file}.lock`) && !existsSync(`${file}.owner`));
    } finally {
      other.child.kill('SIGKILL');
    }
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}
