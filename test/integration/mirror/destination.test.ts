import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Predicate } from '../../../src/gong/read/plan';
import type { Destination, SyncState } from '../../../src/mirror/destination';
import { openDestination } from '../../../src/mirror/open';
import { mirrorTables, type MirrorTable } from '../../../src/mirror/schema';
import type { Row, SqlValue } from '../../../src/values';
import { startPostgres, type TestPostgres } from '../../support/postgres';

// The Destination contract, the same cases on every destination: the sync job and the
// engine rely on nothing else, so a mirror answers alike wherever it lives.

const table = (name: string): MirrorTable => {
  const found = mirrorTables().find((t) => t.name === name);
  assert.ok(found, name);
  return found;
};
const Calls = table('Calls');
const CallParties = table('CallParties');
const CallTranscripts = table('CallTranscripts');
const ScoreCards = table('ScoreCards');

/** A row in the table's column order from the values given by name (others NULL). */
function row(t: MirrorTable, values: Record<string, SqlValue>): Row {
  return t.columns.map((c) => values[c.name] ?? null);
}

function state(object: string, overrides: Partial<SyncState> = {}): SyncState {
  return {
    object, policy: 'window', watermark: null, checkpoint: null, lastRunStarted: null, lastRunFinished: null,
    rows: 0, apiCalls: 0, status: 'running', error: null, ...overrides,
  };
}

async function all(d: Destination, t: MirrorTable, predicates: readonly Predicate[] = []): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of d.select(t, predicates)) rows.push(...batch);
  return rows;
}

async function ids(d: Destination, t: MirrorTable, predicates: readonly Predicate[]): Promise<string[]> {
  return (await all(d, t, predicates)).map((r) => String(r[0])).sort();
}

const RUN1 = '2026-11-01T00:00:00.000Z';
const RUN2 = '2026-11-02T00:00:00.000Z';

interface Kind {
  readonly name: string;
  open(): Promise<Destination>;
}

let postgres: TestPostgres | undefined;
let files: string | undefined;
let opened = 0;
const kinds: Kind[] = [
  { name: 'sqlite', open: async () => openDestination(join(files!, `mirror-${++opened}.sqlite`)) },
  { name: 'postgres', open: async () => openDestination(await postgres!.createDatabase()) },
];

before(async () => {
  files = mkdtempSync(join(tmpdir(), 'gongsql-mirror-'));
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

for (const kind of kinds) {
  describe(`Destination contract: ${kind.name}`, () => {
    let d: Destination;
    before(async () => {
      d = await kind.open();
      await d.prepare(mirrorTables());
    });
    after(async () => {
      await d.close();
    });

    it('prepare twice is harmless and an empty mirror has no rows and no state', async () => {
      await d.prepare(mirrorTables());
      const fresh = await kind.open();
      try {
        await fresh.prepare(mirrorTables());
        await fresh.prepare(mirrorTables());
        assert.equal((await fresh.readState()).size, 0);
        const counts = await fresh.rowCounts();
        assert.equal(counts.get('Calls'), 0);
        assert.equal(counts.get('CallTranscripts'), 0);
      } finally {
        await fresh.close();
      }
    });

    it('earliest: the smallest value of a column among live rows, undefined when there is none', async () => {
      const fresh = await kind.open();
      try {
        await fresh.prepare(mirrorTables());
        assert.equal(await fresh.earliest(Calls, 'Scheduled'), undefined);
        await fresh.commit({ table: Calls, runAt: RUN1, states: [], rows: [
          row(Calls, { Id: '1', Scheduled: '2026-10-05T09:00:00Z' }),
          row(Calls, { Id: '2', Scheduled: '2026-09-30T23:00:00Z' }),
          row(Calls, { Id: '3', Scheduled: null }),
        ] });
        assert.equal(await fresh.earliest(Calls, 'Scheduled'), '2026-09-30T23:00:00Z');
        // A row the next full read no longer returned is deleted: it no longer counts.
        const done = state('Calls', { status: 'done', lastRunFinished: RUN2 });
        await fresh.commit({ table: Calls, runAt: RUN2, states: [], rows: [row(Calls, { Id: '1', Scheduled: '2026-10-05T09:00:00Z' })] });
        await fresh.finishRefresh(Calls, RUN2, done);
        assert.equal(await fresh.earliest(Calls, 'Scheduled'), '2026-10-05T09:00:00Z');
      } finally {
        await fresh.close();
      }
    });

    it('upserts by key: a known key is overwritten, a new one added', async () => {
      await d.commit({ table: Calls, runAt: RUN1, states: [], rows: [
        row(Calls, { Id: '101', Title: 'First', Duration: 60, IsPrivate: 0 }),
        row(Calls, { Id: '102', Title: 'Second', Duration: 120, IsPrivate: 1 }),
      ] });
      await d.commit({ table: Calls, runAt: RUN2, states: [], rows: [
        row(Calls, { Id: '102', Title: 'Second, renamed', Duration: 121, IsPrivate: 1 }),
        row(Calls, { Id: '103', Title: 'Third', Duration: 30, IsPrivate: 0 }),
        // The same record twice in one page: the last one wins.
        row(Calls, { Id: '103', Title: 'Third, again', Duration: 31, IsPrivate: 0 }),
      ] });
      const rows = await all(d, Calls, [{ column: 'Id', op: 'IN', value: ['101', '102', '103'] }]);
      const byId = new Map(rows.map((r) => [r[0], r]));
      const title = Calls.columns.findIndex((c) => c.name === 'Title');
      const duration = Calls.columns.findIndex((c) => c.name === 'Duration');
      const isPrivate = Calls.columns.findIndex((c) => c.name === 'IsPrivate');
      assert.equal(rows.length, 3);
      assert.equal(byId.get('101')?.[title], 'First');
      assert.equal(byId.get('102')?.[title], 'Second, renamed');
      assert.equal(byId.get('103')?.[title], 'Third, again');
      assert.equal(byId.get('102')?.[duration], 121);
      assert.equal(byId.get('102')?.[isPrivate], 1);
      assert.equal(typeof byId.get('101')?.[duration], 'number');
    });

    it('keeps ids beyond 2^53 exact and values as the catalog maps them', async () => {
      const big = '9223372036854775807';
      const nearSafe = '9007199254740993';
      const text = 'tab\there, newline\nhere, backslash \\ and «quotes» "double" \'single\'';
      await d.commit({ table: Calls, runAt: RUN1, states: [], rows: [
        row(Calls, { Id: big, Title: text, PrimaryUserId: nearSafe, Scheduled: '2026-10-01T09:00:00Z', Duration: 3600 }),
      ] });
      await d.commit({ table: ScoreCards, runAt: RUN1, states: [], rows: [
        row(ScoreCards, { ScorecardId: nearSafe, ScorecardName: 'Discovery', Enabled: 1, Questions: '[{"QuestionId":"9007199254740995"}]' }),
      ] });
      const [call] = await all(d, Calls, [{ column: 'Id', op: '=', value: big }]);
      assert.ok(call);
      const get = (name: string): SqlValue | undefined => call[Calls.columns.findIndex((c) => c.name === name)];
      assert.equal(get('Id'), big);
      assert.equal(get('PrimaryUserId'), nearSafe);
      assert.equal(get('Title'), text);
      assert.equal(get('Scheduled'), '2026-10-01T09:00:00Z');
      assert.equal(get('Duration'), 3600);
      const [card] = await all(d, ScoreCards, [{ column: 'ScorecardId', op: '=', value: nearSafe }]);
      assert.deepEqual(card, row(ScoreCards, { ScorecardId: nearSafe, ScorecardName: 'Discovery', Enabled: 1, Questions: '[{"QuestionId":"9007199254740995"}]' }));
    });

    it('replaces the per-call rows of the calls a page names, and no other', async () => {
      const party = (callId: string, id: string, name: string): Row => row(CallParties, { CallId: callId, Id: id, Name: name, SpeakerId: `s${id}`, Affiliation: 'Internal' });
      await d.commit({ table: CallParties, runAt: RUN1, states: [], replaceCalls: ['201', '202'], rows: [party('201', '1', 'Ann'), party('201', '2', 'Bob'), party('202', '1', 'Cy')] });
      await d.commit({ table: CallParties, runAt: RUN2, states: [], replaceCalls: ['201'], rows: [party('201', '3', 'Dee')] });
      const rows = await all(d, CallParties, [{ column: 'CallId', op: 'IN', value: ['201', '202'] }]);
      const name = CallParties.columns.findIndex((c) => c.name === 'Name');
      assert.deepEqual(rows.map((r) => `${r[0]}:${r[name]}`).sort(), ['201:Dee', '202:Cy']);
    });

    it('marks rows a full refresh no longer returned as deleted, and leaves them out', async () => {
      const card = (id: string): Row => row(ScoreCards, { ScorecardId: id, ScorecardName: `card ${id}` });
      await d.commit({ table: ScoreCards, runAt: RUN1, states: [], rows: [card('301'), card('302'), card('303')] });
      const before = (await d.rowCounts()).get('ScoreCards') ?? 0;
      await d.commit({ table: ScoreCards, runAt: RUN2, states: [], rows: [card('301')] });
      const done = state('ScoreCards', { policy: 'fullRefresh', status: 'done', lastRunFinished: RUN2, rows: 1, apiCalls: 1 });
      const deleted = await d.finishRefresh(ScoreCards, RUN2, done);
      // Every card not written by RUN2 (the other tests' cards too) is now deleted.
      assert.equal(deleted, before - 1);
      assert.deepEqual(await ids(d, ScoreCards, []), ['301']);
      assert.equal((await d.rowCounts()).get('ScoreCards'), 1);
      assert.equal((await d.readState()).get('ScoreCards')?.status, 'done');
      // A second finish of the same run marks nothing again.
      assert.equal(await d.finishRefresh(ScoreCards, RUN2, done), 0);
      // Back in Gong: the next run's upsert brings it back.
      await d.commit({ table: ScoreCards, runAt: '2026-11-03T00:00:00.000Z', states: [], rows: [card('302')] });
      assert.deepEqual(await ids(d, ScoreCards, []), ['301', '302']);
    });

    it('saves the state with the rows and reads it back as written', async () => {
      const saved = state('Calls', {
        watermark: '2026-10-31T00:00:00.000Z', checkpoint: '{"window":["2026-10-01","2026-11-01"],"cursor":"abc"}',
        lastRunStarted: RUN1, lastRunFinished: null, rows: 1234, apiCalls: 56, status: 'stopped', error: 'Gong said 429',
      });
      const perCall = state('CallTranscripts', { policy: 'perCall', watermark: RUN1, status: 'running' });
      await d.commit({ table: Calls, runAt: RUN1, rows: [row(Calls, { Id: '401' })], states: [saved, perCall] });
      const states = await d.readState();
      assert.deepEqual(states.get('Calls'), saved);
      assert.deepEqual(states.get('CallTranscripts'), perCall);
      const next = { ...saved, status: 'done' as const, checkpoint: null, lastRunFinished: RUN2, error: null };
      await d.commit({ table: Calls, runAt: RUN2, rows: [], states: [next] });
      assert.deepEqual((await d.readState()).get('Calls'), next);
    });

    it('writes a page entirely or not at all', async () => {
      const before = await d.readState();
      // The state cannot be saved (no status): the page's rows, written first, go with it.
      const broken = { ...state('Calls'), status: null } as unknown as SyncState;
      await assert.rejects(d.commit({ table: Calls, runAt: RUN1, states: [broken], rows: [row(Calls, { Id: '501' }), row(Calls, { Id: '502' })] }));
      await assert.rejects(d.commit({ table: CallParties, runAt: RUN1, states: [broken], replaceCalls: ['201'], rows: [row(CallParties, { CallId: '201', Id: '9' })] }));
      assert.deepEqual(await ids(d, Calls, [{ column: 'Id', op: 'IN', value: ['501', '502'] }]), []);
      assert.equal((await all(d, CallParties, [{ column: 'CallId', op: '=', value: '201' }])).length, 1, 'the replaced call keeps its rows');
      assert.deepEqual((await d.readState()).get('Calls'), before.get('Calls'));
      // The destination is still usable after the failed page.
      await d.commit({ table: Calls, runAt: RUN1, states: [], rows: [row(Calls, { Id: '503' })] });
      assert.deepEqual(await ids(d, Calls, [{ column: 'Id', op: '=', value: '503' }]), ['503']);
    });

    it('keeps per-call rows whose Gong keys repeat within a call, in their order', async () => {
      const sentence = (startMs: number, text: string): Row => row(CallTranscripts, { CallId: '901', CallScheduled: '2026-06-01T10:00:00Z', StartMs: startMs, EndMs: startMs + 500, Text: text });
      await d.commit({ table: CallTranscripts, runAt: RUN1, states: [], rows: [sentence(0, 'one'), sentence(0, 'two'), sentence(700, 'three')] });
      const text = CallTranscripts.columns.findIndex((c) => c.name === 'Text');
      const rows = await all(d, CallTranscripts, [{ column: 'CallId', op: '=', value: '901' }]);
      assert.deepEqual(rows.map((r) => r[text]).sort(), ['one', 'three', 'two']);
      // Without replaceCalls the page's own calls are replaced: a re-read call never doubles.
      await d.commit({ table: CallTranscripts, runAt: RUN2, states: [], rows: [sentence(0, 'one'), sentence(0, 'two')] });
      assert.equal((await all(d, CallTranscripts, [{ column: 'CallId', op: '=', value: '901' }])).length, 2);
    });

    it('lists what was written after a point, in (_synced_at, key) order, for per-call content to follow', async () => {
      const fresh = await kind.open();
      try {
        await fresh.prepare([Calls]);
        await fresh.commit({ table: Calls, runAt: RUN1, states: [], rows: [row(Calls, { Id: 'b' }), row(Calls, { Id: 'a' })] });
        await fresh.commit({ table: Calls, runAt: RUN2, states: [], rows: [row(Calls, { Id: 'C' }), row(Calls, { Id: 'c' })] });
        const keys = (list: { key: string }[]): string[] => list.map((k) => k.key);
        assert.deepEqual(keys(await fresh.syncedAfter(Calls, null)), ['a', 'b', 'C', 'c']);
        assert.deepEqual(keys(await fresh.syncedAfter(Calls, { syncedAt: RUN1 })), ['C', 'c']);
        assert.deepEqual(await fresh.syncedAfter(Calls, { syncedAt: RUN1, key: 'a' }), [
          { key: 'b', syncedAt: RUN1 }, { key: 'C', syncedAt: RUN2 }, { key: 'c', syncedAt: RUN2 },
        ]);
      } finally {
        await fresh.close();
      }
    });

    it('selects with each predicate kind exactly, comparing text as SQLite does (byte order)', async () => {
      const call = (id: string, scheduled: string, duration: number, title: string): Row => row(Calls, { Id: id, Scheduled: scheduled, Duration: duration, Title: title, WorkspaceId: 'w9' });
      await d.commit({ table: Calls, runAt: RUN1, states: [], rows: [
        call('601', '2026-01-01T00:00:00Z', 10, 'apple'),
        call('602', '2026-02-01T00:00:00Z', 20, 'Banana'),
        call('603', '2026-03-01T00:00:00Z', 30, 'banana'),
        call('604', '2026-04-01T00:00:00Z', 40, 'Zebra'),
      ] });
      const w: Predicate = { column: 'WorkspaceId', op: '=', value: 'w9' };
      const check = async (p: Predicate, expected: string[]): Promise<void> =>
        assert.deepEqual(await ids(d, Calls, [w, p]), expected, `${p.column} ${p.op} ${JSON.stringify(p.value)}`);
      await check({ column: 'Id', op: '=', value: '602' }, ['602']);
      await check({ column: 'Id', op: 'IN', value: ['601', '604', '999'] }, ['601', '604']);
      await check({ column: 'Scheduled', op: '>', value: '2026-02-01T00:00:00Z' }, ['603', '604']);
      await check({ column: 'Scheduled', op: '>=', value: '2026-02-01T00:00:00Z' }, ['602', '603', '604']);
      await check({ column: 'Scheduled', op: '<', value: '2026-02-01T00:00:00Z' }, ['601']);
      await check({ column: 'Scheduled', op: '<=', value: '2026-02-01T00:00:00Z' }, ['601', '602']);
      await check({ column: 'Duration', op: '>', value: 15.5 }, ['602', '603', '604']);
      await check({ column: 'Duration', op: 'IN', value: [10, 40] }, ['601', '604']);
      await check({ column: 'Duration', op: '<=', value: 20 }, ['601', '602']);
      // Byte order: upper case sorts before lower case, as SQLite's BINARY collation.
      await check({ column: 'Title', op: '<', value: 'a' }, ['602', '604']);
      await check({ column: 'Title', op: '>=', value: 'b' }, ['603']);
      await check({ column: 'Title', op: '=', value: 'banana' }, ['603']);
      // An empty IN matches nothing.
      await check({ column: 'Id', op: 'IN', value: [] }, []);
    });

    it('streams a large select in batches', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => row(CallParties, { CallId: '700', Id: String(i), Name: `p${i}` }));
      await d.commit({ table: CallParties, runAt: RUN1, states: [], rows });
      let batches = 0;
      let seen = 0;
      for await (const batch of d.select(CallParties, [{ column: 'CallId', op: '=', value: '700' }])) {
        batches++;
        seen += batch.length;
      }
      assert.equal(seen, 2500);
      assert.ok(batches > 1, `${batches} batch(es)`);
      // A reader that stops early leaves the destination usable.
      for await (const _ of d.select(CallParties, [])) break;
      assert.equal((await all(d, CallParties, [{ column: 'CallId', op: '=', value: '700' }, { column: 'Id', op: '=', value: '7' }])).length, 1);
    });

    it('searches transcripts by word, phrase and prefix, with speaker and affiliation', async () => {
      await d.commit({ table: Calls, runAt: RUN1, states: [], rows: [row(Calls, { Id: '801', Title: 'Pricing call', Scheduled: '2026-05-01T10:00:00Z' })] });
      await d.commit({ table: CallParties, runAt: RUN1, states: [], replaceCalls: ['801'], rows: [
        row(CallParties, { CallId: '801', Id: 'a', Name: 'Ann Seller', SpeakerId: '9007199254740993', Affiliation: 'Internal' }),
        row(CallParties, { CallId: '801', Id: 'b', Name: 'Bo Buyer', SpeakerId: '9007199254740995', Affiliation: 'External' }),
      ] });
      const sentence = (startMs: number, speakerId: string, speakerName: string, text: string): Row =>
        row(CallTranscripts, { CallId: '801', CallScheduled: '2026-05-01T10:00:00Z', SpeakerId: speakerId, SpeakerName: speakerName, Affiliation: speakerName === 'Bo Buyer' ? 'External' : 'Internal', StartMs: startMs, EndMs: startMs + 900, Text: text });
      await d.commit({ table: CallTranscripts, runAt: RUN1, states: [], replaceCalls: ['801'], rows: [
        sentence(1000, '9007199254740993', 'Ann Seller', 'Our pricing starts at ten seats.'),
        sentence(2000, '9007199254740995', 'Bo Buyer', 'The budget for next quarter is approved.'),
        sentence(3000, '9007199254740995', 'Bo Buyer', 'Next, the quarter after that.'),
      ] });
      const [budget, ...none] = await d.searchTranscripts('budget', 10);
      assert.equal(none.length, 0);
      assert.deepEqual(budget, {
        callId: '801', callTitle: 'Pricing call', callScheduled: '2026-05-01T10:00:00Z', speakerName: 'Bo Buyer',
        affiliation: 'External', startMs: 2000, text: 'The budget for next quarter is approved.', snippet: 'The «budget» for next quarter is approved.',
      });
      const phrase = await d.searchTranscripts('"next quarter"', 10);
      assert.deepEqual(phrase.map((m) => m.startMs), [2000]);
      const words = await d.searchTranscripts('next quarter', 10);
      assert.deepEqual(words.map((m) => m.startMs).sort(), [2000, 3000]);
      const prefix = await d.searchTranscripts('pric*', 10);
      assert.deepEqual(prefix.map((m) => [m.startMs, m.affiliation, m.snippet]), [[1000, 'Internal', 'Our «pricing» starts at ten seats.']]);
      // The speaker and the affiliation are searched too; a sentence with a known speaker comes first.
      assert.deepEqual((await d.searchTranscripts('Bo', 10)).map((m) => m.startMs).sort(), [2000, 3000]);
      assert.deepEqual((await d.searchTranscripts('external budget', 10)).map((m) => m.startMs), [2000]);
      await d.commit({ table: CallTranscripts, runAt: RUN1, states: [], replaceCalls: ['802'], rows: [
        row(CallTranscripts, { CallId: '802', CallScheduled: '2026-05-02T10:00:00Z', StartMs: 10, Text: 'Pricing?' }),
      ] });
      assert.deepEqual((await d.searchTranscripts('pricing', 10)).map((m) => [m.callId, m.speakerName]), [['801', 'Ann Seller'], ['802', null]]);
      assert.deepEqual(await d.searchTranscripts('nothing-like-this', 10), []);
      assert.deepEqual(await d.searchTranscripts('  " * ', 10), []);
      assert.equal((await d.searchTranscripts('next', 1)).length, 1);
    });

    it('searches a word thousands of sentences have, best of the newest first', async () => {
      const sentences = Array.from({ length: 6000 }, (_, i) => row(CallTranscripts, {
        CallId: `c${i}`, CallScheduled: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, StartMs: 0, Text: 'hello there, how are you doing today my friend',
      }));
      sentences.push(row(CallTranscripts, { CallId: 'newest', CallScheduled: '2025-12-31T00:00:00Z', StartMs: 5, Text: 'hello hello' }));
      await d.commit({ table: CallTranscripts, runAt: RUN1, states: [], rows: sentences });
      const matches = await d.searchTranscripts('hello', 20);
      assert.equal(matches.length, 20);
      assert.deepEqual(matches[0]?.snippet, '«hello» «hello»');
      assert.ok(matches.every((m) => m.snippet.includes('«hello»')));
    });
  });
}

describe('PostgreSQL destination: a database with other tables', () => {
  it('never alters a table of the same name that is not a mirror\'s', async () => {
    const url = await postgres!.createDatabase();
    const pg = require('pg') as typeof import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('CREATE TABLE "Calls" (id int PRIMARY KEY, note text)');
      const d = await openDestination(url);
      try {
        await assert.rejects(d.prepare(mirrorTables()), /already has a table Calls that is not a gongsql mirror's/);
      } finally {
        await d.close();
      }
      const { rows } = await client.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'Calls' ORDER BY ordinal_position");
      assert.deepEqual(rows.map((r) => r.column_name), ['id', 'note']);
    } finally {
      await client.end();
    }
  });
});

describe('PostgreSQL destination: the password stays secret', () => {
  it('keeps it out of the label and of errors', async () => {
    const url = await postgres!.createDatabase();
    const d = await openDestination(url);
    try {
      assert.ok(!d.label.includes('test-secret-pw'), d.label);
      assert.match(d.label, /^postgres:\/\/gongsql@127\.0\.0\.1:\d+\/mirror_\d+$/);
    } finally {
      await d.close();
    }
    const wrong = url.replace('test-secret-pw', 'wrong-secret-pw');
    await assert.rejects(openDestination(wrong), (error: Error) => {
      assert.ok(!error.message.includes('wrong-secret-pw'), error.message);
      assert.match(error.message, /PostgreSQL mirror postgres:\/\/gongsql@127\.0\.0\.1/);
      return true;
    });
    // No password at all (none in the URL, no PGPASSWORD): the error says where one goes.
    const saved = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      await assert.rejects(openDestination(url.replace(':test-secret-pw', '')), /set PGPASSWORD in the environment, or put the password in the URL/);
    } finally {
      if (saved !== undefined) process.env.PGPASSWORD = saved;
    }
  });
});
