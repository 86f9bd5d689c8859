import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_LOCAL_MEMORY_MB, MIN_LOCAL_MEMORY_MB, type LocalMemoryLimit } from '../engine/eval/local';
import { NotConfirmed, type ConfirmKind } from '../engine/run/context';
import { execute } from '../engine/run/engine';
import { EngineError, lineColumn } from '../engine/run/errors';
import type { StatementResult } from '../engine/run/result';
import { FILE_FORMATS, type FileFormat } from '../engine/render/fileFormats';
import { loadFileExport } from '../engine/render/loadFileExport';
import { parse } from '../engine/syntax/parser';
import type { RunOutcome } from '../history/entry';
import { historyDir } from '../history/location';
import { RunRecording } from '../history/record';
import { HistoryStore } from '../history/store';
import type { InputValue } from '../gong/write/values';
import { parseOptions } from './args';
import { openConnection, openMirrorConnection } from './connection';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from './output';
import { Progress } from './progress';
import { UsageError } from './usage';

export const QUERY_USAGE = `gongsql [-e SQL | FILE | < stdin] [options]

Connection (credentials only from the environment):
  --sandbox [--seed N]   run against a built-in Gong API sandbox
  --base-url URL         Gong's API host (default GONG_BASE_URL or https://api.gong.io), with
                         GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_ACCESS_TOKEN
  --mirror FILE|URL      query a mirror made by gongsql sync (a SQLite file, or postgres://…):
                         the same SQL and object names, 0 API calls, no credentials, read-only
Output:
  --format F             table (default), csv, json or ndjson; xlsx (Excel) or parquet, files
                         of one statement's whole result: ids as text, dates as dates, typed
  --out FILE             write the result to FILE instead of stdout (xlsx and parquet need it
                         when stdout is a terminal)
  --csv-raw              csv: write text starting with = + - @ tab or CR as is (by default it
                         gets a leading ' so that a spreadsheet shows it instead of running it)
  --explain              show the plan (requests, filters sent to Gong, estimated calls) instead of running
  --stats                end stderr with: stats: api_calls=N pages=N rows=N ms=N
  --no-history           do not add this run to the query history (gongsql history --help)
Running:
  --param NAME=VALUE     value of :NAME (repeatable); NAME=@path passes a file path (for media);
                         N=VALUE or ?N=VALUE is the value of the Nth ? (--param 1=5 for the first)
  --no-pushdown          evaluate every filter locally (for comparison)
  --no-cache             do not reuse rows read earlier in this run
  --memory-limit MB      memory local evaluation (SQLite, in its own thread) may use; default
                         GONGSQL_MEMORY_LIMIT_MB or 1024; a statement needing more stops with an error
  --yes                  answer yes to many API calls and UPDATE/DELETE without WHERE (never to an
                         irreversible CALL)
  --confirm KIND         answer yes to one kind only (repeatable): api-calls (a statement needing more
                         than 50 API calls), unfiltered-write (UPDATE/DELETE without WHERE) or
                         irreversible-call (a CALL that cannot be undone: EraseDataForEmailAddress,
                         EraseDataForPhoneNumber; only this flag answers it)

Exit codes: 0 success (a row Gong already had, "exists", counts as done), 1 query or Gong error, or a
row of INSERT/UPDATE/DELETE that failed or whose outcome is unknown, 2 usage error (or nothing to
run), 130 cancelled by Ctrl-C.`;

interface IO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const QUERY_OPTIONS = {
  e: { type: 'string', short: 'e' },
  sandbox: { type: 'boolean', default: false },
  seed: { type: 'string' },
  'base-url': { type: 'string' },
  mirror: { type: 'string' },
  format: { type: 'string', default: 'table' },
  out: { type: 'string' },
  'csv-raw': { type: 'boolean', default: false },
  explain: { type: 'boolean', default: false },
  'no-pushdown': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  param: { type: 'string', multiple: true, default: [] },
  yes: { type: 'boolean', default: false },
  confirm: { type: 'string', multiple: true, default: [] },
  stats: { type: 'boolean', default: false },
  'memory-limit': { type: 'string' },
  'no-history': { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

/** The exit code of a run stopped by Ctrl-C (SIGINT), as shells report a process killed by it: 128 + 2. */
export const INTERRUPTED = 130;

export async function queryCommand(argv: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(argv, QUERY_OPTIONS, true);
  const format = values.format as OutputFormat | FileFormat;
  if (!OUTPUT_FORMATS.includes(format as OutputFormat) && !FILE_FORMATS.includes(format as FileFormat)) throw new UsageError(`--format must be one of ${[...OUTPUT_FORMATS, ...FILE_FORMATS].join(', ')}`);
  const fileFormat = FILE_FORMATS.includes(format as FileFormat) ? format as FileFormat : undefined;
  if (fileFormat && values.out === undefined && (io.stdout as NodeJS.WriteStream).isTTY) throw new UsageError(`--format ${fileFormat} writes a binary file: add --out FILE (or redirect stdout to a file)`);
  if (values['csv-raw'] && format !== 'csv') throw new UsageError('--csv-raw needs --format csv');
  if (values.seed !== undefined && !values.sandbox) throw new UsageError('--seed needs --sandbox');
  if (values.sandbox && values['base-url']) throw new UsageError('use either --sandbox or --base-url');
  // `--mirror -e "SQL"` (the file forgotten) would take -e as the file.
  if (values.mirror !== undefined && values.mirror.startsWith('-')) throw new UsageError(`--mirror needs a file or URL (got ${values.mirror})`);
  if (values.mirror !== undefined && (values.sandbox || values['base-url'])) throw new UsageError(`use either --mirror or ${values.sandbox ? '--sandbox' : '--base-url'}: a mirror is queried without Gong`);
  if (positionals.length > 1 || (positionals.length === 1 && values.e !== undefined)) throw new UsageError('give the SQL once: -e SQL, a file, or stdin');
  const params = parseParams(values.param);
  const localMemory = memoryLimit(values['memory-limit'], io.env);
  const answered = confirmedKinds(values.yes, values.confirm);
  let text = values.e ?? (positionals[0] !== undefined ? await readSqlFile(positionals[0]) : undefined);
  if (text === undefined) {
    if (io.stdin.isTTY) throw new UsageError('no SQL: use -e SQL, a file, or pipe it on stdin');
    text = await readAll(io.stdin);
  }
  const statements = parse(text).statements;
  if (statements.length === 0) {
    const from = values.e !== undefined ? 'the SQL given with -e' : positionals[0] ?? 'the SQL on stdin';
    throw new UsageError(`nothing to run: ${from} has no statement (it is empty or only comments)`);
  }
  // Where each statement starts in what the user wrote (before --explain rewrites it).
  const statementLines = statements.map((s) => lineColumn(text as string, s.span.start).line);
  if (fileFormat && statements.length > 1) throw new UsageError(`--format ${fileFormat} writes one statement's result to one file; this script has ${statements.length} statements`);
  if (values.explain) text = explainEach(text);
  const out = values.out !== undefined && !fileFormat ? await openOut(values.out) : undefined;
  const stdout = out ?? io.stdout;
  // A typed file is written once the statement has every row (exceljs and Parquet need each column's type first).
  let fileResult: StatementResult | undefined;

  const connection = values.mirror !== undefined
    ? await openMirrorConnection(values.mirror, (message) => io.stderr.write(`gongsql: ${message}\n`))
    : await openConnection({ sandbox: values.sandbox, seed: values.seed, baseUrl: values['base-url'] }, io.env);
  const progress = new Progress(io.stderr, Boolean((io.stderr as NodeJS.WriteStream).isTTY));
  const totals = { apiCalls: 0, pages: 0, rows: 0, ms: 0 };
  const started = performance.now();
  // The statement that failed, to say which one in a script of several.
  let failed: number | undefined;
  // Rows of INSERT/UPDATE/DELETE that failed or whose outcome is unknown: the run did not do all it was asked.
  const unwritten = { failed: 0, unknown: 0 };
  const controller = new AbortController();
  // Ctrl-C cancels the running statement (its requests are aborted); a second one kills at once.
  const onSignal = () => controller.abort();
  /** Ctrl-C: rows written meanwhile that failed or may be written are said first. */
  const cancelled = () => {
    if (unwritten.failed + unwritten.unknown > 0) io.stderr.write(`gongsql: ${describeUnwritten(unwritten)}\n`);
    io.stderr.write('gongsql: cancelled\n');
    return INTERRUPTED;
  };
  process.once('SIGINT', onSignal);
  const recording = values['no-history'] ? undefined : await startRecording(text, connection.label, positionals[0], params, io);
  // How the run ended, for the history: set where the run returns.
  let outcome: { kind: RunOutcome; error?: unknown } = { kind: 'ok' };
  try {
    await execute(text, {
      client: connection.client,
      mirror: connection.mirror,
      connectionId: connection.connectionId,
      pushdown: !values['no-pushdown'],
      useCache: !values['no-cache'],
      params,
      localMemory,
      signal: controller.signal,
      confirm: async (request) => answered.has(request.kind),
      onEvent: (event) => {
        recording?.onEvent(event);
        progress.onEvent(event);
        if (event.type === 'statementEnd') {
          progress.clear();
          const { result } = event;
          if (result.columns.length > 0 && fileFormat) fileResult = result;
          else if (result.columns.length > 0) stdout.write(formatResult(result, format as OutputFormat, { formulas: values['csv-raw'] ? 'raw' : 'neutralise' }));
          for (const m of result.messages) io.stderr.write(`${m}\n`);
          totals.apiCalls += result.stats.apiCalls;
          totals.pages += result.stats.pages;
          totals.rows += result.rows.length;
          unwritten.failed += result.outcomes?.failed ?? 0;
          unwritten.unknown += result.outcomes?.unknown ?? 0;
        }
        if (event.type === 'statementError') {
          failed = event.index;
          totals.apiCalls += event.stats.apiCalls;
          totals.pages += event.stats.pages;
        }
      },
    });
    // A cancel during a write ends the statement with that row unknown, not with an error.
    if (controller.signal.aborted) {
      outcome = { kind: 'cancelled' };
      return cancelled();
    }
    if (fileFormat) await writeFileResult(fileFormat, fileResult, values.out, io);
    if (unwritten.failed + unwritten.unknown === 0) return 0;
    io.stderr.write(`gongsql: ${describeUnwritten(unwritten)}\n`);
    return 1;
  } catch (error) {
    progress.clear();
    if (controller.signal.aborted) {
      outcome = { kind: 'cancelled' };
      return cancelled();
    }
    outcome = { kind: error instanceof NotConfirmed ? 'declined' : 'error', error };
    io.stderr.write(`gongsql: ${describeError(error, text, whichStatement(failed, statementLines))}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    totals.ms = Math.round(performance.now() - started);
    if (values.stats) io.stderr.write(`stats: api_calls=${totals.apiCalls} pages=${totals.pages} rows=${totals.rows} ms=${totals.ms}\n`);
    if (out) await closeOut(out);
    await recording?.finish(outcome.kind, outcome.error);
    await connection.close();
  }
}

/** Records the run in the query history shared with the editor, under the limits its settings last saved. */
async function startRecording(text: string, connection: string, file: string | undefined, params: Record<string, InputValue>, io: IO): Promise<RunRecording> {
  const store = new HistoryStore(historyDir(io.env));
  const limits = await store.readLimits();
  const onError = (error: unknown) => io.stderr.write(`gongsql: this run was not added to the query history in ${store.dir}: ${(error as Error).message}\n`);
  return new RunRecording(store, { text, connection, surface: 'cli', ...(file ? { file: resolve(file) } : {}), params }, limits, onError);
}

/**
 * Writes the statement's whole result as an Excel or Parquet file: to --out, or through a
 * temporary file to stdout when that is redirected (the writers need a file to write to).
 */
async function writeFileResult(format: FileFormat, result: StatementResult | undefined, out: string | undefined, io: IO): Promise<void> {
  if (!result) throw new Error(`the statement returned no result set, so there is nothing to write as ${format}`);
  const { writeFileExport } = loadFileExport();
  const table = { columns: result.columns, rows: result.rows };
  if (out !== undefined) {
    const rows = await writeFileExport(format, out, table);
    io.stderr.write(`gongsql: wrote ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} to ${out}\n`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongsql-'));
  try {
    const file = join(dir, `result.${format}`);
    await writeFileExport(format, file, table);
    await pipeline(createReadStream(file), io.stdout, { end: false });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** --out for a text format: the file, created or truncated; a usage error that says why it cannot be. */
async function openOut(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(new UsageError(`cannot write ${path}: ${READ_ERRORS[(error as { code?: string }).code ?? ''] ?? error.message}`)));
  });
  return stream;
}

function closeOut(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Which statement of a script of several failed while it ran, and its first line; nothing for a single statement. */
function whichStatement(index: number | undefined, statementLines: readonly number[]): { index: number; line: number } | undefined {
  if (index === undefined || statementLines.length < 2) return undefined;
  return { index: index + 1, line: statementLines[index] as number };
}

/** `1 row failed, 1 row's outcome is unknown`: why a run that ended exits 1. */
function describeUnwritten({ failed, unknown }: { failed: number; unknown: number }): string {
  const parts = [];
  if (failed > 0) parts.push(`${failed} row${failed === 1 ? '' : 's'} failed`);
  if (unknown > 0) parts.push(`${unknown} row${unknown === 1 ? "'s outcome is" : "s' outcomes are"} unknown (Gong may have written ${unknown === 1 ? 'it' : 'them'}; see above how to check)`);
  return parts.join(', ');
}

/**
 * One line: where and what. Where is the line and column of an error the engine places, else
 * the statement of a script and its first line (an error from Gong has no position of its
 * own); a line is named once: `statement 2, line 4, column 6: …`, `statement 2 (line 3): …`.
 */
function describeError(error: unknown, text: string, statement?: { index: number; line: number }): string {
  const span = error instanceof EngineError ? error.span : undefined;
  const at = span ? lineColumn(text, span.start) : undefined;
  const where = [
    statement && (at ? `statement ${statement.index}` : `statement ${statement.index} (line ${statement.line})`),
    at && `line ${at.line}, column ${at.column}`,
  ].filter(Boolean).join(', ');
  return `${where ? `${where}: ` : ''}${errorText(error)}`;
}

function errorText(error: unknown): string {
  // The engine says what was not confirmed; how to confirm it on the command line is said here.
  if (error instanceof NotConfirmed) return `${error.message} To run it: --confirm ${confirmFlag(error.request.kind)}${YES_KINDS.includes(error.request.kind) ? ' (or --yes)' : ''}.`;
  return error instanceof Error ? error.message : String(error);
}

/** The bound on local evaluation's memory: --memory-limit, else GONGSQL_MEMORY_LIMIT_MB, else the default. */
function memoryLimit(flag: string | undefined, env: NodeJS.ProcessEnv): LocalMemoryLimit {
  const [written, setting] = flag !== undefined ? [flag, '--memory-limit'] : [env.GONGSQL_MEMORY_LIMIT_MB, 'GONGSQL_MEMORY_LIMIT_MB'];
  if (written === undefined || written === '') return { megabytes: DEFAULT_LOCAL_MEMORY_MB, setting: '--memory-limit MB' };
  const megabytes = Number(written);
  if (!Number.isInteger(megabytes) || megabytes < MIN_LOCAL_MEMORY_MB) throw new UsageError(`${setting} must be a whole number of megabytes, at least ${MIN_LOCAL_MEMORY_MB} (got ${written})`);
  return { megabytes, setting: flag !== undefined ? '--memory-limit MB' : 'GONGSQL_MEMORY_LIMIT_MB' };
}

/** What `--confirm KIND` calls each question the engine asks. */
const CONFIRM_KINDS: Readonly<Record<string, ConfirmKind>> = { 'api-calls': 'apiCalls', 'unfiltered-write': 'unfilteredWrite', 'irreversible-call': 'irreversibleCall' };

/** What --yes answers: everything but an irreversible CALL, which must be confirmed by name. */
const YES_KINDS: readonly ConfirmKind[] = ['apiCalls', 'unfilteredWrite'];

/** The `--confirm` name of a kind of question. */
function confirmFlag(kind: ConfirmKind): string {
  return Object.keys(CONFIRM_KINDS).find((name) => CONFIRM_KINDS[name] === kind) ?? kind;
}

/** The questions answered yes: those named by --confirm, and with --yes all but an irreversible CALL. */
function confirmedKinds(yes: boolean, named: readonly string[]): ReadonlySet<ConfirmKind> {
  return new Set([...(yes ? YES_KINDS : []), ...named.map((name) => {
    const kind = CONFIRM_KINDS[name];
    if (!kind) throw new UsageError(`--confirm ${name}: expected ${Object.keys(CONFIRM_KINDS).join(', ')}`);
    return kind;
  })]);
}

function parseParams(list: string[]): Record<string, InputValue> {
  const params: Record<string, InputValue> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param ${item}: expected NAME=VALUE or NAME=@path`);
    const name = paramName(item.slice(0, eq));
    const value = item.slice(eq + 1);
    // NAME=@path names a file (media uploads); the connector checks and streams it.
    params[name] = value.startsWith('@') ? value.slice(1) : value;
  }
  return params;
}

/** `n`, `:n`, `@n` or `$n` name :n; `1` or `?1` names the first `?` (the engine calls it `?1`). */
function paramName(written: string): string {
  if (/^\??\d+$/.test(written)) return `?${written.replace(/^\?/, '')}`;
  return written.replace(/^[:@$]/, '');
}

/** Each statement of the script, prefixed with EXPLAIN. */
function explainEach(text: string): string {
  return parse(text).statements.map((s) => `EXPLAIN ${text.slice(s.span.start, s.span.end)}`).join(';\n');
}

/** The SQL in a file; a usage error that says why it cannot be read. */
async function readSqlFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const why = READ_ERRORS[(error as { code?: string }).code ?? ''] ?? (error as Error).message;
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
