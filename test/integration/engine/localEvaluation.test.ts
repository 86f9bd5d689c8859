import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineError, execute, type RunOptions } from '../../../src/engine';
import { GongError, type GongClient } from '../../../src/gong';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { connect } from '../../helpers/connect';

/** Never ends: counts forever, over the rows of a sandbox table. */
const RUNAWAY = 'WITH RECURSIVE r(n) AS (SELECT count(*) FROM Workspaces UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r';

/**
 * Local evaluation (SQLite) runs in a worker thread: a runaway statement is cancelled within a
 * second, the calling thread keeps running meanwhile, its memory is bounded by a setting,
 * and results come back as they did, ids exact.
 */
describe('local evaluation in its worker', () => {
  let sandbox: Sandbox;
  let client: GongClient;
  const run = (sql: string, options: Partial<RunOptions> = {}) => execute(sql, { client, connectionId: 'sb', ...options });

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, scale: 300 });
    client = connect(sandbox);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  /** Starts RUNAWAY; resolves once SQLite runs it (its columns are out), with the run's promise and its AbortController. */
  async function startRunaway(options: Partial<RunOptions> = {}) {
    const controller = new AbortController();
    let evaluating!: () => void;
    const started = new Promise<void>((resolve) => { evaluating = resolve; });
    const running = run(RUNAWAY, { ...options, signal: controller.signal, onEvent: (e) => { if (e.type === 'columns') evaluating(); } });
    running.catch(() => undefined);
    await Promise.race([started, running]);
    return { controller, running };
  }

  it('Cancel stops a runaway recursive query within 1 s, as "Cancelled"; the next statement runs', async () => {
    const { controller, running } = await startRunaway();
    const cancelled = performance.now();
    controller.abort();
    await assert.rejects(running, (e: unknown) => e instanceof GongError && e.code === 'ABORTED');
    const took = performance.now() - cancelled;
    assert.ok(took < 1000, `stopped ${took.toFixed(0)} ms after Cancel`);
    const [next] = await run('SELECT count(*) AS n FROM Workspaces');
    assert.deepEqual(next!.rows, [[3]]);
  });

  it('the calling thread keeps running while SQLite works', async () => {
    const { controller, running } = await startRunaway();
    // A timer due every 10 ms: with SQLite on this thread, not one would fire until the statement ended.
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 10);
    await new Promise<void>((resolve) => { const check = setInterval(() => { if (ticks >= 30) { clearInterval(check); resolve(); } }, 10); });
    clearInterval(timer);
    controller.abort();
    await assert.rejects(running);
    assert.ok(longest < 250, `the longest gap between ticks was ${longest.toFixed(0)} ms`);
  });

  it('a statement that needs more memory than allowed stops with an error naming the setting; the process goes on', async () => {
    const limit = { megabytes: 64, setting: 'gongsql.localMemoryLimitMB' };
    // A cross join of local rows whose 90,000 distinct kilobyte-long values need more than 64 MB.
    await assert.rejects(run("SELECT count(DISTINCT a.Id || b.Id || printf('%.1000c', 'x')) FROM Calls a, Calls b", { localMemory: limit }), (e: unknown) => {
      assert.ok(e instanceof EngineError && e.code === 'MEMORY_LIMIT', String(e));
      assert.match(e.message, /more than the 64 MB of memory it may use \(gongsql\.localMemoryLimitMB\)/);
      return true;
    });
    const [next] = await run('SELECT count(*) AS n FROM Calls', { localMemory: limit });
    assert.deepEqual(next!.rows, [[sandbox.store.visibleCalls.length]]);
  });

  it('ids and 64-bit integers come back exact, as text, through joins, grouping and arithmetic', async () => {
    const calls = sandbox.store.visibleCalls.slice(0, 3).map((c) => c.meta.id).sort();
    const [r] = await run(`SELECT Id, CAST(Id AS INTEGER) AS n, CAST(Id AS INTEGER) - 1 AS less, max(WorkspaceId) AS ws FROM Calls WHERE Id IN (${calls.map((id) => `'${id}'`).join(', ')}) GROUP BY Id ORDER BY Id`);
    assert.deepEqual(r!.rows.map((row) => row.slice(0, 3)), calls.map((id) => [id, id, (BigInt(id) - 1n).toString()]));
    for (const row of r!.rows) assert.equal(typeof row[3], 'string');
  });

  it('many rows come back in order and complete, in batches', async () => {
    const batches: number[] = [];
    const [r] = await run('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 25000) SELECT n, Name FROM r, Workspaces ORDER BY n, Name', {
      onEvent: (e) => { if (e.type === 'rows') batches.push(e.rows.length); },
    });
    assert.equal(r!.rows.length, 75_000);
    assert.deepEqual(r!.rows[0]!.slice(0, 1), [1]);
    assert.deepEqual(r!.rows.at(-1)!.slice(0, 1), [25_000]);
    assert.ok(batches.length >= 75, `${batches.length} batches`);
    assert.equal(batches.reduce((a, b) => a + b, 0), 75_000);
  });
});
