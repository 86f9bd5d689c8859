// npm run bench:mirror — queries on a mirror (issue 15), on a SQLite file and on PostgreSQL:
//   JOIN + GROUP BY over 100,000 calls (budget ≤ 300 ms) and a transcript word search over
//   1,000,000 sentences (≤ 200 ms). The mirrors are filled through Destination.commit with
//   generated rows (no API call). Each figure says whether it went through gongsql's engine
//   (execute(), as the CLI's --mirror and the editor run it) or is the database alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute } from '../src/engine';
import type { Destination, SyncState } from '../src/mirror/destination';
import { openDestination } from '../src/mirror/open';
import { mirrorTables, type MirrorTable } from '../src/mirror/schema';
import type { Row, SqlValue } from '../src/values';
import { startPostgres } from '../test/support/postgres';

const CALLS = 100_000;
const USERS = 200;
const SENTENCES = 1_000_000;
const PER_CALL = 100;
const RUNS = 5;

const JOIN_GROUP_BY = 'SELECT u.FirstName, c.Direction, count(*), avg(c.Duration) FROM Calls c JOIN Users u ON u.Id = c.PrimaryUserId GROUP BY 1, 2 ORDER BY 3 DESC';
const WORD = 'roadmap';
// Every match (500): the whole million is read; LIMIT would stop at the first matches.
const WORD_SEARCH = `SELECT CallId, StartMs, Text FROM CallTranscripts WHERE Text LIKE '%${WORD}%'`;
// What an interactive search shows first: reading stops at the 50th match.
const FIRST_MATCHES = `${WORD_SEARCH} LIMIT 50`;

const table = (name: string) => mirrorTables().find((t) => t.name === name) as MirrorTable;
const RUN_AT = new Date().toISOString();

const line = (label: string, ms: number, budget: number | undefined) =>
  console.log(`${label.padEnd(78)} ${`${ms.toFixed(0)} ms`.padStart(9)}   ${budget === undefined ? '(informational)' : `(budget ${budget} ms)   ${ms <= budget ? 'OK' : 'OVER BUDGET'}`}`);

/** A generated row of a table, by column name (others NULL). */
function row(t: MirrorTable, values: Record<string, SqlValue>): Row {
  return t.columns.map((c) => values[c.name] ?? null);
}

function done(t: MirrorTable, rows: number): SyncState {
  return { object: t.name, policy: t.policy.kind, watermark: RUN_AT, checkpoint: null, lastRunStarted: RUN_AT, lastRunFinished: RUN_AT, rows, apiCalls: 0, status: 'done', error: null };
}

const PHRASES = ['Thanks everyone for joining today.', 'Security will want to see the SOC 2 report.', 'Can you share the pricing for the enterprise tier?', 'Let me pull up the dashboard.', 'We should loop in procurement next week.'];

async function fill(d: Destination): Promise<number> {
  const t0 = performance.now();
  const [calls, users, transcripts] = [table('Calls'), table('Users'), table('CallTranscripts')];
  await d.prepare([calls, users, transcripts]);
  const userId = (i: number) => String(1_000_000_000_000_000n + BigInt(i));
  const callId = (i: number) => String(7_000_000_000_000_000_000n + BigInt(i));
  await d.commit({ table: users, rows: Array.from({ length: USERS }, (_, i) => row(users, { Id: userId(i), FirstName: `User ${i}`, Active: 1 })), runAt: RUN_AT, states: [done(users, USERS)] });
  const page = 10_000;
  for (let start = 0; start < CALLS; start += page) {
    const rows = Array.from({ length: page }, (_, k) => {
      const i = start + k;
      return row(calls, { Id: callId(i), Title: `Call ${i}`, Scheduled: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), Duration: (i * 37) % 3600, PrimaryUserId: userId(i % USERS), Direction: ['Inbound', 'Outbound', 'Conference'][i % 3] as string, IsPrivate: 0 });
    });
    await d.commit({ table: calls, rows, runAt: RUN_AT, states: [done(calls, start + page)] });
  }
  const callsPerPage = 100;
  for (let first = 0; first < SENTENCES / PER_CALL; first += callsPerPage) {
    const ids = Array.from({ length: callsPerPage }, (_, k) => callId(first + k));
    const rows: Row[] = [];
    for (const [k, id] of ids.entries()) {
      for (let s = 0; s < PER_CALL; s++) {
        const n = (first + k) * PER_CALL + s;
        // One sentence in 2,000 mentions the word searched: 500 of the million.
        const text = n % 2000 === 7 ? `That integration is on our ${WORD} for next quarter.` : PHRASES[n % PHRASES.length] as string;
        rows.push(row(transcripts, { CallId: id, SpeakerId: userId(s % 4), SpeakerName: `User ${s % 4}`, StartMs: s * 4000, EndMs: s * 4000 + 3500, Text: text }));
      }
    }
    await d.commit({ table: transcripts, rows, replaceCalls: ids, runAt: RUN_AT, states: [done(transcripts, first + callsPerPage)] });
  }
  return performance.now() - t0;
}

/** The best of RUNS runs of `work` after one warm-up run (of 2 when a run takes seconds). */
async function best(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  const runs = performance.now() - t > 2000 ? 2 : RUNS;
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

async function measure(name: string, d: Destination): Promise<void> {
  const filled = await fill(d);
  console.log(`\n${name}: filled ${CALLS.toLocaleString('en-US')} calls, ${USERS} users, ${SENTENCES.toLocaleString('en-US')} sentences through commit in ${(filled / 1000).toFixed(1)} s`);
  const run = async (sql: string) => {
    const [result] = await execute(sql, { mirror: d, connectionId: 'bench' });
    if (result!.stats.apiCalls !== 0 || result!.rows.length === 0) throw new Error(`${sql}: ${result!.rows.length} rows, ${result!.stats.apiCalls} API calls`);
    return result!;
  };
  const [plan] = await execute(`EXPLAIN ${JOIN_GROUP_BY}`, { mirror: d, connectionId: 'bench' });
  const how = plan!.rows[0]![3] === 'the whole statement runs on the SQLite file' ? 'on the file' : 'rows read from the mirror, SQLite in the engine';
  line(`${name}: JOIN + GROUP BY over 100,000 calls, through the engine (${how})`, await best(() => run(JOIN_GROUP_BY)), 300);
  const hits = (await run(WORD_SEARCH)).rows.length;
  line(`${name}: word search, Text LIKE '%${WORD}%' over 1,000,000 sentences, through the engine (${hits} rows)`, await best(() => run(WORD_SEARCH)), 200);
  line(`${name}: first 50 matches of the same LIKE (LIMIT 50), through the engine`, await best(() => run(FIRST_MATCHES)), undefined);
  const found = (await d.searchTranscripts(WORD, 50)).length;
  line(`${name}: word search, full-text index (Destination.searchTranscripts, the database alone; ${found} rows)`, await best(() => d.searchTranscripts(WORD, 50)), 200);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gongsql-bench-mirror-'));
  const postgres = await startPostgres();
  try {
    const sqlite = await openDestination(join(dir, 'gong.sqlite'));
    try { await measure('SQLite', sqlite); } finally { await sqlite.close(); }
    const pg = await openDestination(await postgres.createDatabase());
    try { await measure('PostgreSQL', pg); } finally { await pg.close(); }
  } finally {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
