import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry, KeptResult } from '../../../src/history/entry';
import { historyDir } from '../../../src/history/location';
import { RunRecording } from '../../../src/history/record';
import { HistoryStore, jsonWithin } from '../../../src/history/store';
import type { StatementResult } from '../../../src/engine/run/result';

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'gongsql-history-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

const entry = (id: string, text: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({ id, at: new Date().toISOString(), text, connection: 'Sandbox', surface: 'editor', ms: 5, rows: 1, apiCalls: 1, statements: 1, outcome: 'ok', ...extra });
const result = (id: string, rows: number): KeptResult => ({ id, at: new Date().toISOString(), statements: [{ index: 0, text: 'SELECT 1', kind: 'select', columns: [{ name: 'Id', type: 'text' }], rows: Array.from({ length: rows }, (_, i) => [`92091129289${i}`]), messages: [] }] });

describe('the query history store', () => {
  it('lives in GONGSQL_STATE_DIR, else in the platform state folder', () => {
    assert.equal(historyDir({ GONGSQL_STATE_DIR: '/x' }, 'linux', '/home/a'), '/x');
    assert.equal(historyDir({}, 'linux', '/home/a'), '/home/a/.local/state/gongsql');
    assert.equal(historyDir({ XDG_STATE_HOME: '/s' }, 'linux', '/home/a'), '/s/gongsql');
    assert.equal(historyDir({}, 'darwin', '/Users/a'), '/Users/a/Library/Application Support/gongsql');
    assert.equal(historyDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\Users\\a'), join('C:\\L', 'gongsql'));
  });

  it('lists newest first, searches every word, limits, and skips a line cut short', async () => {
    const store = new HistoryStore(join(dir, 'list'));
    await store.add(entry('a1', 'SELECT * FROM Calls'), undefined);
    await store.add(entry('a2', 'SELECT Name FROM Users', { connection: 'Prod' }), undefined);
    await appendFile(join(store.dir, 'history.jsonl'), '{"id":"cut');
    await store.add(entry('a3', 'select count(*) from calls where Duration > 60'), undefined);
    assert.deepEqual((await store.list()).map((e) => e.id), ['a3', 'a2', 'a1']);
    assert.deepEqual((await store.list({ search: 'CALLS select' })).map((e) => e.id), ['a3', 'a1']);
    assert.deepEqual((await store.list({ search: 'prod' })).map((e) => e.id), ['a2']);
    assert.deepEqual((await store.list({ limit: 1 })).map((e) => e.id), ['a3']);
  });

  it('keeps the last results within the count and size limits, oldest out; none when turned off; private files', async () => {
    const store = new HistoryStore(join(dir, 'limits'));
    const limits = { keep: true, maxCount: 2, maxBytes: 10_000 };
    for (const id of ['r1', 'r2', 'r3']) assert.deepEqual(await store.add(entry(id, 'q'), result(id, 3), limits), { kept: true });
    assert.deepEqual([...await store.keptIds()].sort(), ['r2', 'r3']);
    assert.equal((await store.readResult('r3'))?.statements[0]?.rows[2]?.[0], '920911292892', 'ids come back as the text they were');
    // Larger than the whole budget: not kept, and nothing else is pushed out for it.
    assert.deepEqual(await store.add(entry('big', 'q'), result('big', 2000), limits), { kept: false });
    assert.deepEqual([...await store.keptIds()].sort(), ['r2', 'r3']);
    // The size bound pushes out the oldest too.
    await store.setLimits({ keep: true, maxCount: 10, maxBytes: 300 });
    assert.deepEqual([...await store.keptIds()], ['r3']);
    assert.deepEqual(await store.readLimits(), { keep: true, maxCount: 10, maxBytes: 300 }, 'the CLI reads the limits the editor set');
    assert.equal((await stat(store.dir)).mode & 0o777, 0o700);
    assert.equal((await stat(join(store.dir, 'results', 'r3.json'))).mode & 0o777, 0o600);
    await store.setLimits({ keep: false, maxCount: 10, maxBytes: 300 });
    assert.equal((await store.keptIds()).size, 0, 'turning it off deletes what was kept');
    assert.deepEqual(await store.add(entry('r4', 'q'), result('r4', 1), await store.readLimits()), { kept: false });
    assert.equal((await store.list()).length, 5, 'the runs are still listed');
  });

  it('a kept result is the JSON of the result, written row by row and given up as soon as it is too large', () => {
    const kept = { ...result('j1', 3), statements: [result('j1', 3).statements[0]!, { index: 1, text: 'SELECT 2', kind: 'select' as const, columns: [], rows: [], messages: ['none'], layout: 'record' as const }] };
    const text = jsonWithin(kept, 10_000);
    assert.deepEqual(JSON.parse(text!), kept);
    assert.equal(jsonWithin(kept, Buffer.byteLength(text!)), text);
    assert.equal(jsonWithin(kept, Buffer.byteLength(text!) - 1), undefined);
  });

  it('clears the results alone, or everything', async () => {
    const store = new HistoryStore(join(dir, 'clear'));
    await store.add(entry('c1', 'q'), result('c1', 1));
    await store.clear({ entries: false });
    assert.equal((await store.keptIds()).size, 0);
    assert.equal((await store.list()).length, 1);
    await store.clear({ entries: true });
    assert.deepEqual(await readdir(store.dir), []);
  });

  it('a recording keeps the run, the rows of each statement and never a secret-named value', async () => {
    const store = new HistoryStore(join(dir, 'record'));
    const recording = new RunRecording(store, { text: 'SELECT :ws, :api_token', connection: 'Sandbox', surface: 'notebook', params: { ws: 'EMEA', api_token: 's3cr3t' } });
    const stats = { apiCalls: 2, pages: 2, records: 4, rows: 1, cachedScans: 0, ms: 3 };
    const done: StatementResult = { index: 0, kind: 'select', columns: [{ name: 'a', type: 'text' }], rows: [['EMEA']], messages: ['1 row in 3 ms; 2 API calls, 2 pages'], stats };
    recording.onEvent({ type: 'statementStart', index: 0, text: 'SELECT :ws, :api_token' });
    recording.onEvent({ type: 'statementEnd', index: 0, result: done });
    const saved = await recording.finish('ok');
    assert.deepEqual({ ...saved, id: undefined, at: undefined, ms: undefined }, { id: undefined, at: undefined, ms: undefined, text: 'SELECT :ws, :api_token', connection: 'Sandbox', surface: 'notebook', rows: 1, apiCalls: 2, statements: 1, outcome: 'ok', params: { ws: 'EMEA', api_token: null } });
    const kept = await store.readResult(saved!.id);
    assert.deepEqual(kept?.statements[0]?.rows, [['EMEA']]);
    assert.equal(kept?.statements[0]?.text, 'SELECT :ws, :api_token');
    const failed = new RunRecording(store, { text: 'SELECT x', connection: 'Sandbox', surface: 'editor' });
    const entryFailed = await failed.finish('error', new Error('Unknown column x\nmore'));
    assert.equal(entryFailed?.error, 'Unknown column x');
    assert.equal(await store.readResult(entryFailed!.id), undefined, 'a failed run keeps no result');
  });

  it('never records a URL\'s query string, fragment or user:password: the connection is scheme://host[:port]/path', async () => {
    const store = new HistoryStore(join(dir, 'url'));
    const recording = new RunRecording(store, { text: 'SELECT Name FROM Workspaces', connection: 'http://127.0.0.1:4717/gong/?token=abc123SECRET#frag', surface: 'cli' });
    const failed = await recording.finish('error', new Error('fetch failed: https://me:pw@api.example.com/v2/calls?access_token=abc123SECRET'));
    assert.equal(failed?.connection, 'http://127.0.0.1:4717/gong/');
    assert.equal(failed?.error, 'fetch failed: https://api.example.com/v2/calls');
    assert.ok(!(await readFile(join(store.dir, 'history.jsonl'), 'utf8')).includes('abc123SECRET'), 'the token is nowhere in the file');
  });

  it('never records what an erase procedure erases (its parameter is kept as null), and a declined run keeps the API calls its first statements spent', async () => {
    const store = new HistoryStore(join(dir, 'erase'));
    const text = 'SELECT * FROM DataPrivacyByEmail WHERE EmailAddress = :email;\nCALL EraseDataForEmailAddress(:email)';
    const recording = new RunRecording(store, { text, connection: 'Sandbox', surface: 'editor', params: { email: 'someone@example.com', note: 'x' } });
    const stats = { apiCalls: 1, pages: 1, records: 0, rows: 0, cachedScans: 0, ms: 3 };
    recording.onEvent({ type: 'statementStart', index: 0, text: 'SELECT * FROM DataPrivacyByEmail WHERE EmailAddress = :email' });
    recording.onEvent({ type: 'statementEnd', index: 0, result: { index: 0, kind: 'select', columns: [{ name: 'a', type: 'text' }], rows: [], messages: [], stats } });
    const declined = await recording.finish('declined');
    assert.deepEqual([declined?.params, declined?.apiCalls, declined?.statements, declined?.outcome], [{ email: null, note: 'x' }, 1, 1, 'declined']);
    assert.ok(!(await readFile(join(store.dir, 'history.jsonl'), 'utf8')).includes('someone@example.com'));
  });

  it('a declined run\'s duration leaves out the time the confirmation was open', async () => {
    const store = new HistoryStore(join(dir, 'answer'));
    const recording = new RunRecording(store, { text: 'DELETE FROM CRMIntegrations', connection: 'Sandbox', surface: 'editor' });
    // The user takes 300 ms to answer no.
    const options = recording.withUntimedConfirm({ confirm: (_request: unknown) => new Promise<boolean>((answer) => setTimeout(() => answer(false), 300)) });
    assert.equal(await options.confirm({ kind: 'unfiltered', message: 'Delete every row?' } as never), false);
    const declined = await recording.finish('declined');
    assert.ok(declined!.ms < 250, `${declined!.ms} ms counts the dialog`);
  });

  it('says why a result was not kept: too large, or keeping is off', async () => {
    const store = new HistoryStore(join(dir, 'why'));
    const run = async (limits: { keep: boolean; maxCount: number; maxBytes: number }) => {
      const recording = new RunRecording(store, { text: 'SELECT 1', connection: 'Sandbox', surface: 'cli' }, limits);
      const stats = { apiCalls: 0, pages: 0, records: 0, rows: 1, cachedScans: 0, ms: 1 };
      recording.onEvent({ type: 'statementEnd', index: 0, result: { index: 0, kind: 'select', columns: [{ name: 'a', type: 'text' }], rows: [['x'.repeat(100)]], messages: [], stats } });
      const entry = await recording.finish('ok');
      return (await store.list()).find((e) => e.id === entry?.id)?.notKept;
    };
    assert.equal(await run({ keep: true, maxCount: 5, maxBytes: 10 }), 'larger than gongsql.history.maxResultsSizeMB (0 MB)');
    assert.equal(await run({ keep: false, maxCount: 5, maxBytes: 10_000 }), 'keeping results is off (gongsql.history.keepResults)');
    assert.equal(await run({ keep: true, maxCount: 5, maxBytes: 10_000 }), undefined, 'kept: no reason');
  });

  it('a store that cannot be written never fails the run: the error is reported', async () => {
    const file = join(dir, 'a-file');
    await appendFile(file, 'x');
    const errors: unknown[] = [];
    const recording = new RunRecording(new HistoryStore(join(file, 'below')), { text: 'q', connection: 'c', surface: 'cli' }, undefined, (e) => errors.push(e));
    assert.equal(await recording.finish('ok'), undefined);
    assert.equal(errors.length, 1);
  });
});
