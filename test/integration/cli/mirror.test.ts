import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables } from '../../../src/mirror/schema';
import { startSandbox } from '../../../src/sandbox';
import { BIN, gongsql, lastLine, startGongsql } from '../../helpers/cli';
import { connect } from '../../helpers/connect';
import { syncMirror } from '../../helpers/syncMirror';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// `gongsql --mirror FILE|URL`: the same SQL and output as on Gong, 0 API calls, no credentials.
// The mirrors are filled from a sandbox with the CLI's own defaults, so `--sandbox` answers alike.

const OBJECTS = ['Calls', 'Workspaces', 'Users'];
const SQL = `SELECT w.Name, count(c.Id) AS calls, sum(c.Duration) AS seconds FROM Workspaces w LEFT JOIN Calls c ON c.WorkspaceId = w.Id AND c.Scheduled >= date('now', '-3 days') GROUP BY w.Id ORDER BY w.Name`;

describe('gongsql --mirror', () => {
  let dir: string;
  let file: string;
  let postgres: TestPostgres;
  let url: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongsql-cli-mirror-'));
    file = join(dir, 'gong.sqlite');
    postgres = await startPostgres();
    url = await postgres.createDatabase();
    const sandbox = await startSandbox({ rateLimit: false });
    const client = connect(sandbox);
    try {
      for (const location of [file, url]) {
        const mirror = await openDestination(location);
        await syncMirror(client, mirror, OBJECTS);
        await mirror.close();
      }
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
  after(async () => {
    await postgres?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers what --sandbox answers, on the SQLite file and on PostgreSQL, with 0 API calls and no credentials', async () => {
    const live = await gongsql(['--sandbox', '-e', SQL, '--format', 'csv']);
    assert.equal(live.code, 0, live.stderr);
    for (const location of [file, url]) {
      const r = await gongsql(['--mirror', location, '-e', SQL, '--format', 'csv', '--stats']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, live.stdout, location);
      assert.match(lastLine(r.stderr), /^stats: api_calls=0 pages=0 rows=3 ms=\d+$/);
      assert.ok(!r.stderr.includes('test-secret-pw'));
    }
  });

  it('--explain says where the rows come from and how fresh each object is', async () => {
    const r = await gongsql(['--mirror', file, '--explain', '-e', SQL, '--stats', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout) as Record<string, string>[];
    assert.deepEqual(plan.map((p) => [p.Object, p.Request, p.EstimatedCalls]), [['Workspaces', `mirror ${file}`, '0 (mirror)'], ['Calls', `mirror ${file}`, '0 (mirror)']]);
    assert.match(r.stderr, /^From the mirror: the statement runs on the SQLite file .*gong\.sqlite itself; 0 API calls\.$/m);
    assert.match(r.stderr, /^Calls: last sync \S+ \(\d+ min ago\), [\d,]+ rows, status done$/m);
    assert.match(lastLine(r.stderr), /^stats: api_calls=0 /);
    const pg = await gongsql(['--mirror', url, '--explain', '-e', SQL]);
    assert.equal(pg.code, 0, pg.stderr);
    assert.match(pg.stderr, /^From the mirror: rows come from postgres:\/\/gongsql@127\.0\.0\.1:\d+\/mirror_\d+ /m);
    assert.ok(!`${pg.stdout}${pg.stderr}`.includes('test-secret-pw'), 'never the password');
  });

  it('a file that is not there is an error, and no empty mirror is left behind', async () => {
    const missing = join(dir, 'missing.sqlite');
    const r = await gongsql(['--mirror', missing, '-e', 'SELECT 1']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `gongsql: no mirror at ${missing}: create it with gongsql sync --to ${missing} (see gongsql --help)\n`);
    assert.ok(!existsSync(missing));
  });

  it('a file that is not a mirror, and a mirror in use by another process, say so', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not a database\n');
    const r = await gongsql(['--mirror', text, '-e', 'SELECT 1']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /notes\.txt is not a gongsql mirror/);

    // Another process holds the file (as a running sync does) until it is told to stop.
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `require('./src/mirror/open').openDestination(${JSON.stringify(file)}).then((m) => { console.log('open'); process.stdin.once('data', () => m.close().then(() => process.exit(0))); })`], { cwd: join(__dirname, '..', '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      // A query waits (saying so) for the file, and runs once the other process lets it go.
      const query = startGongsql(['--mirror', file, '-e', 'SELECT count(*) FROM Calls']);
      // (Or its end: a query that does not wait fails below instead of hanging.)
      await Promise.race([query.done, new Promise<void>((resolve) => query.child.stderr.on('data', (d: Buffer) => { if (/waiting up to 10 s/.test(String(d))) resolve(); }))]);
      holder.stdin.write('stop\n');
      const waited = await query.done;
      assert.equal(waited.code, 0, waited.stderr);
      assert.match(waited.stderr, /^gongsql: .*gong\.sqlite is in use by another gongsql process \(pid \d+\); waiting up to 10 s$/m);
    } finally {
      holder.stdin.write('stop\n');
      if (holder.exitCode === null) await new Promise((resolve) => holder.once('exit', resolve));
    }
  });

  it('a lock left by a killed process is cleared by a query, even before its parent reaps it (a zombie)', async () => {
    // `sleep 0` exits at once; its parent (exec'd into sleep 30) never reaps it, so it stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d).trim()))));
      await waitForZombie(pid);
      await mkdir(`${file}.lock`);
      await writeFile(`${file}.owner`, `${pid}\n`);
      const r = await gongsql(['--mirror', file, '-e', 'SELECT count(*) > 0 FROM Calls']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!existsSync(`${file}.lock`) && !existsSync(`${file}.owner`));
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('a mirror the user may read but not write says the problem is permissions (file, then folder)', { skip: nobodySkip() }, async () => {
    const shared = await mkdtemp(join(tmpdir(), 'gongsql-ro-'));
    try {
      await chmod(shared, 0o755);
      const readOnly = join(shared, 'ro.sqlite');
      await copyFile(file, readOnly);
      await chmod(readOnly, 0o444);
      const asNobody = (location: string) => runAs('nobody', [BIN, '--mirror', location, '-e', 'SELECT count(*) FROM Calls']);
      const r = await asNobody(readOnly);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /ro\.sqlite cannot be opened as a mirror: permission denied: the file is read-only for you/);
      await chmod(readOnly, 0o666);
      const f = await asNobody(readOnly);
      assert.match(f.stderr, /permission denied: gongsql writes its lock and journal beside the mirror, and the folder .* is read-only for you/);
    } finally {
      await rm(shared, { recursive: true, force: true });
    }
  });

  it('a query on an object whose last sync stopped warns that its rows may be incomplete (stderr), other objects do not', async () => {
    const mirror = await openDestination(file);
    const table = mirrorTables().find((t) => t.name === 'Users') ?? assert.fail('Users');
    const state = (await mirror.readState()).get('Users') ?? assert.fail('no state');
    const save = (s: typeof state) => mirror.commit({ table, rows: [], runAt: s.lastRunStarted ?? '', states: [s] });
    try {
      await save({ ...state, status: 'stopped', error: 'Cancelled: the next run resumes where this one stopped.' });
      await mirror.close();
      const r = await gongsql(['--mirror', file, '-e', 'SELECT count(*) FROM Users']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^Warning: the last sync of Users stopped \(Cancelled: .*\): its rows may be incomplete\. Run gongsql sync --objects Users --to .*gong\.sqlite to finish it\.$/m);
      const calls = await gongsql(['--mirror', file, '-e', 'SELECT count(*) FROM Calls']);
      assert.doesNotMatch(calls.stderr, /Warning/);
    } finally {
      const again = await openDestination(file);
      await again.commit({ table, rows: [], runAt: state.lastRunStarted ?? '', states: [state] });
      await again.close();
    }
  });

  it("sslmode has libpq's meanings on a PostgreSQL mirror: prefer goes on without TLS, require wants TLS (no pg warning), an unknown value is an error", async () => {
    const query = (mode: string) => gongsql(['--mirror', `${url}${url.includes('?') ? '&' : '?'}sslmode=${mode}`, '-e', 'SELECT count(*) > 0 FROM Calls'], { env: { PGPASSWORD: process.env.PGPASSWORD ?? '' } });
    for (const mode of ['disable', 'prefer', 'allow']) {
      const r = await query(mode);
      assert.equal(r.code, 0, `${mode}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /SECURITY WARNING/);
    }
    const require = await query('require');
    assert.equal(require.code, 1);
    assert.match(require.stderr, /does not support SSL/);
    assert.doesNotMatch(require.stderr, /SECURITY WARNING/);
    const bogus = await query('bogus');
    assert.equal(bogus.code, 1);
    assert.match(bogus.stderr, /sslmode=bogus is not one of disable, allow, prefer, require, verify-ca, verify-full/);
  });

  it('is read-only, and is not combined with a live connection', async () => {
    const write = await gongsql(['--mirror', file, '-e', `UPDATE PermissionProfiles SET Name = 'x' WHERE Id = '1'`]);
    assert.equal(write.code, 1);
    assert.match(write.stderr, /read-only.*live connection/);
    // The read-only message comes before what the write itself would be told (UPDATE on Users, INSERT's required columns).
    for (const sql of [`UPDATE Users SET Active = 0 WHERE Id = '1'`, `INSERT INTO Calls (Title) VALUES ('x')`]) {
      const r = await gongsql(['--mirror', file, '-e', sql]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /is read-only: it is a copy/, sql);
    }
    const forgotten = await gongsql(['--mirror', '-e', 'SELECT count(*) FROM Calls']);
    assert.equal(forgotten.code, 2);
    assert.match(forgotten.stderr, /--mirror needs a file or URL \(got -e\)/);
    const both = await gongsql(['--mirror', file, '--sandbox', '-e', 'SELECT 1']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /use either --mirror or --sandbox/);
  });
});

async function waitForZombie(pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (/\) Z/.test(await readFile(`/proc/${pid}/stat`, 'utf8'))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`process ${pid} did not become a zombie`);
}

/** Why the permissions test cannot run here: it needs root, and a checkout `nobody` can reach. */
function nobodySkip(): string | false {
  if (process.getuid?.() !== 0) return 'needs root to run as nobody';
  for (let dir = dirname(BIN); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return `nobody cannot reach the checkout (${dir} is private)`;
    if (dirname(dir) === dir) return false;
  }
}

/** Runs node as another user (setpriv), as a teammate with other rights on a shared file. */
function runAs(user: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('setpriv', [`--reuid=${user}`, '--regid=nogroup', '--clear-groups', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}
