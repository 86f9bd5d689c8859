import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GongClient } from '../../../src/gong/http/client';
import { runSync } from '../../../src/mirror/job';
import { openDestination } from '../../../src/mirror/open';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { Random } from '../../../src/sandbox/data/random';
import { startGongsql, type Run } from '../../helpers/cli';
import { waitFor } from '../../helpers/sandboxClient';
import { dumpMirror, fastClient, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';
import { postgresTarget } from '../../support/postgres';

/** Objects of the resume tests: paged calls, per-call content (sharing requests, and with its speaker lookups) and a full refresh. */
const OBJECTS = ['Calls', 'CallParties', 'CallTopics', 'CallTranscripts', 'ScoreCards', 'ScoreCardQuestions'];

/** `gongsql sync` as a user runs it, against the sandbox's URL with credentials in the environment. */
function startSync(sandbox: Sandbox, to: string) {
  return startGongsql(['sync', '--to', to, '--objects', OBJECTS.join(','), '--base-url', sandbox.url, '--yes'], {
    env: { GONG_ACCESS_KEY: sandbox.credentials.accessKey, GONG_ACCESS_KEY_SECRET: sandbox.credentials.accessKeySecret },
  });
}

/**
 * The resume guarantee, on every destination: a sync stopped anywhere and run again ends with
 * the same rows, table by table, as a sync that was never stopped.
 */
for (const makeTarget of [sqliteTarget, postgresTarget]) {
  describe(`gongsql sync resumes where it stopped (${makeTarget.name.replace(/Target$/, '')})`, () => {
    let sandbox: Sandbox;
    let client: GongClient;
    let target: MirrorTarget;
    let reference: Map<string, string[]>;

    before(async () => {
      sandbox = await startSandbox({ scale: 400, rateLimit: false });
      client = fastClient(sandbox);
      target = await makeTarget();
      const location = await target.fresh('reference');
      const destination = await openDestination(location);
      try {
        await runSync({ client, destination, objects: OBJECTS, confirm: async () => true });
      } finally {
        await destination.close();
      }
      reference = await dumpMirror(location, OBJECTS);
    });
    after(async () => {
      await client.close();
      await sandbox.close();
      await target.cleanup();
    });

    /** Starts a sync and stops it with `signal` once the sandbox has answered `requests` more of its requests. */
    async function stopAfter(to: string, requests: number, signal: NodeJS.Signals): Promise<Run> {
      const seen = sandbox.log.entries().length;
      const { child, done } = startSync(sandbox, to);
      const ended = done.then(() => true);
      await Promise.race([waitFor(() => sandbox.log.entries().length >= seen + requests, `${requests} requests`, 30_000), ended]);
      child.kill(signal);
      return done;
    }

    it('Ctrl-C: exits 130 saying how to resume; the next run finishes with the rows of an uninterrupted sync', async () => {
      const to = await target.fresh('sigint');
      // Within the calls' pages: the next run goes on at the page where this one stopped.
      const stopped = await stopAfter(to, 3, 'SIGINT');
      assert.equal(stopped.code, 130, stopped.stderr);
      assert.match(stopped.stderr, /cancelled; run the same command again to resume/);
      const resumed = await startSync(sandbox, to).done;
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stderr, /resuming/);
      assert.deepEqual(await dumpMirror(to, OBJECTS), reference);
    });

    it('kill -9 at random points, then a run to the end: the same rows, table by table, as an uninterrupted sync', async () => {
      const seed = Date.now() % 100_000;
      const random = new Random(seed);
      const to = await target.fresh('kill');
      for (let i = 0; i < 4; i++) {
        const run = await stopAfter(to, 1 + random.int(0, 9), 'SIGKILL');
        // A run may finish before the kill lands; then there is nothing left to resume.
        assert.ok(run.signal === 'SIGKILL' || run.code === 0, `seed ${seed}, kill ${i}: ${run.stderr}`);
      }
      const last = await startSync(sandbox, to).done;
      assert.equal(last.code, 0, `seed ${seed}: ${last.stderr}`);
      assert.deepEqual(await dumpMirror(to, OBJECTS), reference, `seed ${seed}`);
    });
  });
}
