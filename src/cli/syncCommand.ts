import { createInterface } from 'node:readline/promises';
import type { ParseArgsConfig } from 'node:util';
import { GongError } from '../gong/http/errors';
import { MirrorError } from '../mirror/destination';
import { duration, runSync, SyncNotConfirmed } from '../mirror/job';
import { openDestination } from '../mirror/open';
import { emptyStats } from '../gong/read/reader';
import { DEFAULT_LOOK_BACK_DAYS, normalizeSince, selectTables } from '../mirror/reads';
import { identifySource } from '../mirror/source';
import type { SyncEstimate, SyncSummary } from '../mirror/sync';
import { parseOptions } from './args';
import { copyMirrorCommand } from './copyMirrorCommand';
import { openConnection } from './connection';
import { INTERRUPTED } from './queryCommand';
import { SyncProgress } from './syncProgress';
import { UsageError } from './usage';

export const SYNC_USAGE = `gongsql sync [--to FILE | --to postgres://…] [--objects A,B] [--since DATE] [--full] [--look-back DAYS] [--yes]
       gongsql sync --from FILE --to postgres://…

Copies Gong into a database you own (a local mirror) and keeps it current; queries on it make no API calls.
  --to FILE|URL      the mirror: a SQLite file (default gong.sqlite in the current folder) or a
                     PostgreSQL URL (postgres://user@host/db, password from PGPASSWORD or the URL)
  --objects A,B      only these objects (default every mirrored one); per-call content (CallTranscripts,
                     CallParties, …) brings Calls, whose calls it follows
  --since DATE       a first run of Calls (and other dated objects, not Users) starts at DATE (default: everything);
                     per-call content follows only calls scheduled since DATE
  --full             read everything since --since again (upserted); full refresh of every object
  --look-back DAYS   how far before the last run Calls are read again, as Gong adds and changes calls
                     late (default ${DEFAULT_LOOK_BACK_DAYS})
  --yes              start without asking when the estimate is above 500 API calls
  --from FILE        copy the SQLite mirror FILE (tables and sync state) into the empty PostgreSQL
                     database of --to, at 0 API calls; then sync --to that URL to keep it current
Connection: --sandbox [--seed N], or --base-url URL with GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET
(or GONG_ACCESS_TOKEN) in the environment.

A run stopped anywhere (Ctrl-C, a lost connection, Gong's daily quota) resumes where it stopped
the next time. Exit codes: 0 done, 1 an object failed or the run stopped (quota, network; run it
again to resume), 2 usage error, 130 cancelled by Ctrl-C (run it again to resume).`;

export const SYNC_OPTIONS = {
  to: { type: 'string', default: 'gong.sqlite' },
  objects: { type: 'string' },
  since: { type: 'string' },
  full: { type: 'boolean', default: false },
  'look-back': { type: 'string' },
  yes: { type: 'boolean', default: false },
  from: { type: 'string' },
  sandbox: { type: 'boolean', default: false },
  seed: { type: 'string' },
  'base-url': { type: 'string' },
} satisfies NonNullable<ParseArgsConfig['options']>;

interface IO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function syncCommand(argv: string[], io: IO): Promise<number> {
  const { values } = parseOptions(argv, SYNC_OPTIONS, false);
  if (values.from !== undefined) {
    const reading = (['objects', 'since', 'look-back', 'seed', 'base-url'] as const).find((o) => values[o] !== undefined) ?? (values.full ? 'full' : values.sandbox ? 'sandbox' : undefined);
    if (reading) throw new UsageError(`--from copies a mirror without reading Gong: it takes no --${reading}`);
    return copyMirrorCommand(values.from, values.to, io.stderr);
  }
  if (values.seed !== undefined && !values.sandbox) throw new UsageError('--seed needs --sandbox');
  if (values.sandbox && values['base-url']) throw new UsageError('use either --sandbox or --base-url');
  const objects = values.objects?.split(',').map((o) => o.trim()).filter((o) => o !== '');
  const lookBackDays = values['look-back'] === undefined ? undefined : lookBack(values['look-back']);
  try {
    normalizeSince(values.since);
    // Usage errors before any request or file.
    selectTables(objects);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  const connection = await openConnection({ sandbox: values.sandbox, seed: values.seed, baseUrl: values['base-url'] }, io.env);
  const interactive = Boolean((io.stderr as NodeJS.WriteStream).isTTY);
  const progress = new SyncProgress(io.stderr, interactive);
  const controller = new AbortController();
  // Ctrl-C stops at the next page boundary the job reaches; what was committed stays.
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let summary: SyncSummary | undefined;
  /** Requests made when the run did not start (the estimate's). */
  let estimateCalls = 0;
  const started = performance.now();
  try {
    // The first request (who the credentials reach) before the mirror is opened: bad credentials create no file.
    const identified = emptyStats();
    const source = { source: await identifySource(connection.client, identified), apiCalls: identified.apiCalls };
    estimateCalls = source.apiCalls;
    const destination = await openDestination(values.to);
    try {
      io.stderr.write(`Syncing into ${destination.label}\n`);
      summary = await runSync({
        client: connection.client,
        destination,
        objects,
        since: values.since,
        full: values.full,
        lookBackDays,
        source,
        signal: controller.signal,
        confirm: (estimate) => (values.yes ? Promise.resolve(true) : ask(estimate, io)),
        onEvent: (event) => progress.onEvent(event),
      });
    } finally {
      await destination.close();
    }
    progress.clear();
    io.stderr.write(describeSummary(summary));
    if (controller.signal.aborted) {
      io.stderr.write('gongsql: cancelled; run the same command again to resume\n');
      return INTERRUPTED;
    }
    return summary.stopped || summary.objects.some((o) => o.status !== 'done') ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (controller.signal.aborted) {
      io.stderr.write('gongsql: cancelled; run the same command again to resume\n');
      return INTERRUPTED;
    }
    if (error instanceof SyncNotConfirmed) {
      estimateCalls = error.apiCalls;
      io.stderr.write(`${describeEstimate(error.estimate)}gongsql: ${error.message} To run it: --yes.\n`);
      return 1;
    }
    if (error instanceof MirrorError || error instanceof GongError) {
      io.stderr.write(`gongsql: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    const ms = Math.round(performance.now() - started);
    io.stderr.write(`stats: api_calls=${summary?.apiCalls ?? estimateCalls} rows=${summary?.rows ?? 0} objects=${summary?.objects.length ?? 0} ms=${ms}\n`);
    await connection.close();
  }
}

function lookBack(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days > 3650) throw new UsageError(`--look-back must be a whole number of days from 0 to 3650, got ${text}`);
  return days;
}

/** On a terminal: the estimate, then "Continue? [y/N]"; anywhere else the answer is no. */
async function ask(estimate: SyncEstimate, io: IO): Promise<boolean> {
  if (!io.stdin.isTTY) return false;
  io.stderr.write(describeEstimate(estimate));
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    return /^y(es)?$/i.test((await rl.question('Continue? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

export function describeEstimate(estimate: SyncEstimate): string {
  const lines = estimate.objects.map((o) => `  ${o.object.padEnd(26)} ${String(o.requests).padStart(6)}${o.open ? '+' : ' '}  ${o.note}`);
  const quota = estimate.quotaLeft !== undefined ? `; ${estimate.quotaLeft} left of today's quota` : '';
  return `Estimate: at least ${estimate.requests} API calls, about ${duration(estimate.seconds)} at 3 requests a second${quota}\n${lines.join('\n')}\n`;
}

function describeSummary(summary: SyncSummary): string {
  const lines = summary.objects.map((o) => {
    const deleted = o.deleted > 0 ? `, ${o.deleted} marked deleted` : '';
    const error = o.error ? `: ${o.error}` : '';
    return `  ${o.object.padEnd(26)} ${o.status.padEnd(7)} ${String(o.rows).padStart(8)} rows ${String(o.apiCalls).padStart(6)} API calls${deleted}${error}`;
  });
  const state = summary.stopped ? 'stopped (the next run resumes)' : 'done';
  return `Sync ${state}: ${summary.rows} rows, ${summary.apiCalls} API calls in ${duration(summary.ms / 1000)}\n${lines.join('\n')}\n`;
}
