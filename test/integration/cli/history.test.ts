import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HistoryStore } from '../../../src/history/store';
import { gongsql } from '../../helpers/cli';

interface Listed { At: string; Connection: string; Surface: string; Outcome: string; Rows: number; ApiCalls: number; Query: string; Error: string | null; Id: string }

describe('gongsql history: the CLI records its runs and reads the store the editor shares', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongsql-cli-history-'));
    env = { GONGSQL_STATE_DIR: join(dir, 'state') };
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const history = async (...args: string[]) => {
    const r = await gongsql(['history', '--format', 'json', ...args], { env });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Listed[];
  };

  it('records a run: text, connection, rows, API calls, outcome; its rows are kept; no secret-named value anywhere', async () => {
    const file = join(dir, 'workspaces.gongsql');
    await writeFile(file, 'SELECT Name FROM Workspaces WHERE Name <> :api_token ORDER BY Name');
    const r = await gongsql([file, '--sandbox', '--param', 'api_token=s3cr3t-value', '--stats'], { env });
    assert.equal(r.code, 0, r.stderr);
    const [run] = await history();
    assert.deepEqual({ ...run, At: undefined, Id: undefined }, { At: undefined, Id: undefined, Connection: 'Sandbox', Surface: 'cli', Outcome: 'ok', Rows: 3, ApiCalls: 1, Ms: run?.['Ms' as keyof Listed], Query: 'SELECT Name FROM Workspaces WHERE Name <> :api_token ORDER BY Name', Error: null });
    const kept = await new HistoryStore(env.GONGSQL_STATE_DIR!).readResult(run!.Id);
    assert.deepEqual(kept?.statements[0]?.rows, [['Customer Success'], ['EMEA'], ['North America Sales']]);
    const [entry] = await new HistoryStore(env.GONGSQL_STATE_DIR!).list();
    assert.equal(entry?.file, file);
    assert.deepEqual(entry?.params, { api_token: null });
    for (const name of await readdir(env.GONGSQL_STATE_DIR!, { recursive: true })) {
      const text = await readFile(join(env.GONGSQL_STATE_DIR!, name), 'utf8').catch(() => '');
      assert.ok(!text.includes('s3cr3t'), `${name} holds the secret`);
    }
  });

  it('records failures with their message, a declined confirmation as such, and not a run with --no-history', async () => {
    const failed = await gongsql(['--sandbox', '-e', 'SELECT Nope FROM Workspaces'], { env });
    assert.equal(failed.code, 1);
    const declined = await gongsql(['--sandbox', '-e', 'DELETE FROM CRMIntegrations'], { env });
    assert.equal(declined.code, 1);
    await gongsql(['--sandbox', '-e', 'SELECT 42 AS answer', '--no-history'], { env });
    const [last, previous] = await history();
    assert.equal(previous?.Outcome, 'error');
    assert.equal(previous?.Error, 'Unknown column Nope in Workspaces. Did you mean Name?');
    assert.deepEqual([last?.Query, last?.Outcome], ['DELETE FROM CRMIntegrations', 'declined'], 'a question answered no is its own outcome');
    assert.ok(!(await history('--search', 'answer')).length, '--no-history added nothing');
  });

  it('--search matches every word, --limit bounds, the table is one line a run, --clear empties it', async () => {
    assert.deepEqual((await history('--search', 'workspaces NAME')).map((e) => e.Outcome), ['error', 'ok']);
    assert.equal((await history('--limit', '1')).length, 1);
    const table = await gongsql(['history', '--search', 'Nope'], { env });
    assert.match(table.stdout, /^At +│ Connection │ Surface │ Outcome/);
    assert.match(table.stdout, /│ Sandbox +│ cli +│ error +│ 0 +│ 0 +│/);
    assert.equal(table.stdout.trimEnd().split('\n').length, 3);
    const bad = await gongsql(['history', '--limit', '0'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--limit must be a whole number, at least 1 \(got 0\) \(see gongsql history --help\)/);
    const cleared = await gongsql(['history', '--clear'], { env });
    assert.match(cleared.stdout, /Cleared the query history/);
    assert.deepEqual(await history(), []);
    const empty = await gongsql(['history'], { env });
    assert.equal(empty.stdout, `No runs in the query history (${env.GONGSQL_STATE_DIR}).\n`);
    assert.match((await gongsql(['history', '--search', 'calls'], { env })).stdout, /^No runs match "calls" in the query history/);
  });
});
