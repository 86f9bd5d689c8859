import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { gongsql, lastLine } from '../../helpers/cli';
import { dumpMirror, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';


describe('gongsql sync (the command)', () => {
  let target: MirrorTarget;
  let big: Sandbox;
  before(async () => {
    target = await sqliteTarget();
    big = await startSandbox({ scale: 14_000, rateLimit: false });
  });
  after(async () => {
    await big.close();
    await target.cleanup();
  });

  it('syncs, then prints a summary per object and the stats line last', async () => {
    const to = await target.fresh('cli');
    const r = await gongsql(['sync', '--sandbox', '--objects', 'workspaces', '--to', to]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Sync done: 3 rows, 2 API calls/, 'the workspaces that identify the source, then the object');
    assert.match(r.stderr, /Workspaces: done, 3 rows, 1 API calls/);
    assert.match(lastLine(r.stderr), /^stats: api_calls=2 rows=3 objects=1 ms=\d+$/);
    assert.equal((await dumpMirror(to, ['Workspaces'])).get('Workspaces')?.length, 3);
  });

  it('does not start a sync above 500 API calls without --yes: the estimate, then how to run it (exit 1)', async () => {
    const to = await target.fresh('unconfirmed');
    const env = { GONG_ACCESS_KEY: big.credentials.accessKey, GONG_ACCESS_KEY_SECRET: big.credentials.accessKeySecret };
    const r = await gongsql(['sync', '--to', to, '--base-url', big.url], { env });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Estimate: at least \d+ API calls, about \d+ min at 3 requests a second; \d+ left of today's quota/);
    assert.match(r.stderr, /^  Calls +\d+ +\d{4,} records at Gong$/m);
    assert.match(r.stderr, /^  CallTopics +0 +read by CallParties's requests$/m);
    // The estimate's first pages are the only requests made.
    assert.match(lastLine(r.stderr), /^stats: api_calls=[1-9]\d? rows=0 objects=0 ms=\d+$/);
    assert.match(r.stderr, /gongsql: Not run: the sync needs at least \d+ API calls .* To run it: --yes\.$/m);
    assert.equal((await dumpMirror(to, ['Calls'])).get('Calls')?.length, 0);
  });

  it('names the mirrored objects when asked for one it does not keep (exit 2)', async () => {
    const r = await gongsql(['sync', '--sandbox', '--objects', 'Calls,Nope', '--to', await target.fresh('nope')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gongsql: Nope is not an object the mirror keeps; the objects are Calls, CallParties, .* \(see gongsql sync --help\)$/m);
  });

  it('refuses to sync another Gong into a mirror, saying how to start a new one, and leaves the mirror as it was', async () => {
    const to = await target.fresh('tenant');
    assert.equal((await gongsql(['sync', '--sandbox', '--objects', 'Workspaces', '--to', to])).code, 0);
    const before = await dumpMirror(to, ['Workspaces']);
    const r = await gongsql(['sync', '--sandbox', '--seed', '7', '--objects', 'Calls', '--to', to]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^gongsql: .* is a mirror of another Gong \(127\.0\.0\.1:\d+, workspaces [\d, ]+\); these credentials reach .* start a new mirror with --to ANOTHER_FILE/m);
    assert.deepEqual(await dumpMirror(to, ['Workspaces']), before);
    // The same Gong again is welcome.
    assert.equal((await gongsql(['sync', '--sandbox', '--objects', 'Workspaces', '--to', to])).code, 0);
  });

  it('creates no file for a usage error or wrong credentials, and a rejected key is not "stopped, the next run resumes"', async () => {
    const unknown = await target.fresh('unknown');
    const r = await gongsql(['sync', '--sandbox', '--objects', 'Calls,Foo', '--to', unknown]);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /Syncing into|stats:/);
    assert.equal(existsSync(unknown), false);
    const denied = await target.fresh('denied');
    const env = { GONG_ACCESS_KEY: big.credentials.accessKey, GONG_ACCESS_KEY_SECRET: 'wrong' };
    const auth = await gongsql(['sync', '--to', denied, '--base-url', big.url], { env });
    assert.equal(auth.code, 1, auth.stderr);
    assert.doesNotMatch(auth.stderr, /resumes/);
    assert.match(auth.stderr, /^gongsql: .*(401|credentials|access key)/im);
    assert.equal(existsSync(denied), false);
  });

  it('says when the destination is a folder, or its folder does not exist', async () => {
    const folder = dirname(await target.fresh('folder'));
    const r = await gongsql(['sync', '--sandbox', '--objects', 'Workspaces', '--to', folder]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^gongsql: .* is a folder: give the mirror's file \(e\.g\. .*gong\.sqlite\)$/m);
    const missing = join(folder, 'no-such-folder', 'x.sqlite');
    const m = await gongsql(['sync', '--sandbox', '--objects', 'Workspaces', '--to', missing]);
    assert.equal(m.code, 1);
    assert.match(m.stderr, /cannot be made: the folder .*no-such-folder does not exist$/m);
  });

  it('--help prints the command, its options and how resume works', async () => {
    const r = await gongsql(['sync', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^gongsql sync \[--to FILE \| --to postgres:\/\/…\]/);
    assert.match(r.stdout, /--look-back DAYS/);
    assert.match(r.stdout, /resumes where it stopped/);
  });
});
