import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDestination } from '../../../src/mirror/open';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { dumpMirror, sqliteTarget, type MirrorTarget } from '../../helpers/mirrors';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// `gongsql sync --to postgres://…` as a user runs it (the bundled CLI, the sandbox over HTTP),
// and moving a SQLite mirror to PostgreSQL with `--from` at 0 API calls.

const BIN = join(__dirname, '..', '..', '..', 'bin', 'gongsql.js');

interface Run { code: number | null; stderr: string; apiCalls: number }

function gongsql(sandbox: Sandbox, args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', GONG_ACCESS_KEY: sandbox.credentials.accessKey, GONG_ACCESS_KEY_SECRET: sandbox.credentials.accessKeySecret },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, apiCalls: Number(/stats: api_calls=(\d+)/.exec(stderr)?.[1] ?? NaN) }));
  });
}

const sync = (sandbox: Sandbox, to: string) => gongsql(sandbox, ['sync', '--to', to, '--base-url', sandbox.url, '--yes']);

async function state(location: string): Promise<Map<string, unknown>> {
  const destination = await openDestination(location);
  try {
    return await destination.readState();
  } finally {
    await destination.close();
  }
}

describe('gongsql sync with a PostgreSQL mirror', () => {
  let sandbox: Sandbox;
  let postgres: TestPostgres;
  let files: MirrorTarget;
  let file: string;

  before(async () => {
    sandbox = await startSandbox({ scale: 200, rateLimit: false });
    postgres = await startPostgres();
    files = await sqliteTarget();
    file = await files.fresh('gong');
    const first = await sync(sandbox, file);
    assert.equal(first.code, 0, first.stderr);
  });
  after(async () => {
    await sandbox.close();
    await postgres.stop();
    await files.cleanup();
  });

  it('syncs every mirrored object into PostgreSQL, the same rows as the SQLite file, and never shows the password', async () => {
    const url = await postgres.createDatabase();
    const run = await sync(sandbox, url);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Syncing into postgres:\/\/gongsql@127\.0\.0\.1:\d+\/mirror_\d+/);
    assert.ok(!run.stderr.includes('test-secret-pw'), run.stderr);
    assert.deepEqual(await dumpMirror(url), await dumpMirror(file));
  });

  it('--from copies the SQLite mirror at 0 API calls; the next sync goes on as the file\'s would', async () => {
    const url = await postgres.createDatabase();
    const copy = await gongsql(sandbox, ['sync', '--from', file, '--to', url]);
    assert.equal(copy.code, 0, copy.stderr);
    assert.equal(copy.apiCalls, 0);
    assert.match(copy.stderr, /Copy done: \d+ rows of \d+ objects and the sync state/);
    const requests = sandbox.log.entries().length;
    assert.deepEqual(await dumpMirror(url), await dumpMirror(file));
    assert.deepEqual(await state(url), await state(file));
    assert.equal(sandbox.log.entries().length, requests, 'no request reached Gong');

    // A second copy into the now-synced database is refused: copying is for moving.
    const again = await gongsql(sandbox, ['sync', '--from', file, '--to', url]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already holds a mirror/);

    // The next run on PostgreSQL reads what the next run on the file reads: the look-back only.
    const onPostgres = await sync(sandbox, url);
    const onFile = await sync(sandbox, file);
    assert.equal(onPostgres.code, 0, onPostgres.stderr);
    assert.equal(onPostgres.apiCalls, onFile.apiCalls);
    assert.deepEqual(await dumpMirror(url), await dumpMirror(file));
  });

  it('--from says what is wrong before touching anything', async () => {
    const missing = await gongsql(sandbox, ['sync', '--from', join(__dirname, 'no-such.sqlite'), '--to', 'postgres://x@127.0.0.1:1/db']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--from .*no-such\.sqlite: no such file/);
    const notPostgres = await gongsql(sandbox, ['sync', '--from', file, '--to', 'other.sqlite']);
    assert.equal(notPostgres.code, 2);
    assert.match(notPostgres.stderr, /--to must be a postgres:\/\/ URL/);
    const reading = await gongsql(sandbox, ['sync', '--from', file, '--to', 'postgres://x@127.0.0.1:1/db', '--objects', 'Calls']);
    assert.equal(reading.code, 2);
    assert.match(reading.stderr, /takes no --objects/);
  });
});
