import type { ParseArgsConfig } from 'node:util';
import type { StatementResult } from '../engine/run/result';
import type { HistoryEntry } from '../history/entry';
import { historyDir } from '../history/location';
import { HistoryStore } from '../history/store';
import { parseOptions, wholeNumberOption } from './args';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from './output';
import { UsageError } from './usage';

export const HISTORY_USAGE = `gongsql history [--search TEXT] [--limit N] [--format F]

The queries run on this machine, newest first: the CLI's and the VS Code extension's, which
share one store: $GONGSQL_STATE_DIR if set, else $XDG_STATE_HOME/gongsql (~/.local/state/gongsql)
on Linux, ~/Library/Application Support/gongsql on macOS, %LOCALAPPDATA%\\gongsql on Windows.
Each run's text, connection, time, duration, rows, API calls and outcome; never a credential,
never the value of a parameter whose name says secret, token, key or password.

  --search TEXT   only runs whose text, connection, file or error holds every word of TEXT
  --limit N       at most N runs (default 20)
  --format F      table (default), csv, json or ndjson (json and ndjson give the whole text)
  --clear         delete the history and the kept results`;

export const HISTORY_OPTIONS = {
  search: { type: 'string' },
  limit: { type: 'string', default: '20' },
  format: { type: 'string', default: 'table' },
  clear: { type: 'boolean', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

const COLUMNS = ['At', 'Connection', 'Surface', 'Outcome', 'Rows', 'ApiCalls', 'Ms', 'Query', 'Error', 'Id'];

export async function historyCommand(argv: string[], io: { stdout: NodeJS.WritableStream; env: NodeJS.ProcessEnv }): Promise<number> {
  const { values } = parseOptions(argv, HISTORY_OPTIONS, false);
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const limit = wholeNumberOption(values.limit, '--limit', 20, 1);
  const store = new HistoryStore(historyDir(io.env));
  if (values.clear) {
    await store.clear({ entries: true });
    io.stdout.write(`Cleared the query history and its kept results in ${store.dir}\n`);
    return 0;
  }
  const entries = await store.list({ search: values.search, limit });
  // A table of no rows would be a header alone: a person is told instead (json/csv stay data: [] or a header).
  if (entries.length === 0 && format === 'table') {
    io.stdout.write(`No runs${values.search !== undefined ? ` match "${values.search}"` : ''} in the query history (${store.dir}).\n`);
    return 0;
  }
  const rows = entries.map((e) => row(e, format === 'table'));
  const result: StatementResult = { index: 0, kind: 'select', columns: COLUMNS.map((name) => ({ name, type: 'text' })), rows, messages: [], stats: { pages: 0, records: 0, apiCalls: 0, rows: rows.length, cachedScans: 0, ms: 0 } };
  io.stdout.write(formatResult(result, format));
  return 0;
}

/** An entry as a row; in a table the text is one line and the time is local, to the minute. */
function row(entry: HistoryEntry, table: boolean) {
  const at = table ? localMinute(new Date(entry.at)) : entry.at;
  const text = table ? entry.text.replace(/\s+/g, ' ').trim() : entry.text;
  return [at, entry.connection, entry.surface, entry.outcome, entry.rows, entry.apiCalls, entry.ms, text, entry.error ?? null, entry.id];
}

function localMinute(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
