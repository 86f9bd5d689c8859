import { appendFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEntry, KeptResult } from './entry';
import { matchesSearch } from './search';

/** How many kept results, and how many bytes of them, the store holds at most (oldest out); `keep` false keeps none. */
export interface ResultLimits {
  readonly keep: boolean;
  readonly maxCount: number;
  readonly maxBytes: number;
}

export const DEFAULT_RESULT_LIMITS: ResultLimits = { keep: true, maxCount: 20, maxBytes: 50 * 1024 * 1024 };

/** Entries kept in the history file; it is cut back to this when it grows a fifth beyond. */
export const MAX_ENTRIES = 5000;

const HISTORY_FILE = 'history.jsonl';
/** The editor's result settings, written there so that the CLI keeps results under the same rules. */
const LIMITS_FILE = 'limits.json';
const RESULTS_DIR = 'results';
/** Results hold customer data: only the user reads them. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * The query history of one user, in a folder the editor and the CLI share (`location.ts`):
 * `history.jsonl`, one entry a line, appended (a line is written whole by one `write`, so two
 * processes appending do not mix lines; a line cut by a crash is skipped when read), and
 * `results/<id>.json`, the rows of the last runs, bounded by `ResultLimits`.
 */
export class HistoryStore {
  constructor(readonly dir: string) {}

  private get historyFile(): string {
    return join(this.dir, HISTORY_FILE);
  }

  private get resultsDir(): string {
    return join(this.dir, RESULTS_DIR);
  }

  /** Records a run, and its result when the limits allow; says whether the result was kept. */
  async add(entry: HistoryEntry, result: KeptResult | undefined, limits: ResultLimits = DEFAULT_RESULT_LIMITS): Promise<{ kept: boolean }> {
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR });
    const kept = result !== undefined && limits.keep && await this.keepResult(result, limits);
    // Why a result was not kept is said in the view's tooltip.
    const recorded: HistoryEntry = result !== undefined && !kept ? { ...entry, notKept: whyNotKept(limits) } : entry;
    // A line a crash cut short is ended first, so that it does not swallow this one.
    const cut = !(await endsWithNewline(this.historyFile));
    await appendFile(this.historyFile, `${cut ? '\n' : ''}${JSON.stringify(recorded)}\n`, { mode: PRIVATE_FILE });
    await this.trimEntries();
    return { kept };
  }

  /** Entries newest first, those matching `search` (every word), at most `limit`. */
  async list(options: { search?: string; limit?: number } = {}): Promise<HistoryEntry[]> {
    const entries = (await this.readEntries()).reverse().filter((e) => matchesSearch(e, options.search));
    return options.limit === undefined ? entries : entries.slice(0, options.limit);
  }

  /** The ids of the runs whose result is still kept. */
  async keptIds(): Promise<Set<string>> {
    const names = await readdir(this.resultsDir).catch(() => [] as string[]);
    return new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  }

  /** A kept result, or undefined when it is gone (cleared, or pushed out by newer ones). */
  async readResult(id: string): Promise<KeptResult | undefined> {
    if (!/^[0-9a-z-]+$/.test(id)) return undefined;
    const text = await readFile(join(this.resultsDir, `${id}.json`), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as KeptResult);
  }

  /** Deletes the kept results, and with `entries` the history itself. */
  async clear(options: { entries: boolean }): Promise<void> {
    await rm(this.resultsDir, { recursive: true, force: true });
    if (options.entries) await rm(this.historyFile, { force: true });
  }

  /** The limits the editor's settings last set (the CLI follows them), or the defaults. */
  async readLimits(): Promise<ResultLimits> {
    const text = await readFile(join(this.dir, LIMITS_FILE), 'utf8').catch(() => undefined);
    try {
      const saved = text === undefined ? {} : (JSON.parse(text) as Partial<ResultLimits>);
      return { ...DEFAULT_RESULT_LIMITS, ...saved };
    } catch {
      return DEFAULT_RESULT_LIMITS;
    }
  }

  /** Saves the limits for the CLI and applies them now (a setting changed): the oldest results go first. */
  async setLimits(limits: ResultLimits): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR });
    await writeFile(join(this.dir, LIMITS_FILE), JSON.stringify(limits), { mode: PRIVATE_FILE });
    await this.applyLimits(limits);
  }

  /** Applies new limits now (a setting changed): the oldest results go first. */
  private async applyLimits(limits: ResultLimits): Promise<void> {
    if (!limits.keep) return this.clear({ entries: false });
    await this.pruneResults(limits);
  }

  private async keepResult(result: KeptResult, limits: ResultLimits): Promise<boolean> {
    // A result larger than the whole budget is not kept (it would push out every other).
    const text = limits.maxCount < 1 ? undefined : jsonWithin(result, limits.maxBytes);
    if (text === undefined) return false;
    await mkdir(this.resultsDir, { recursive: true, mode: PRIVATE_DIR });
    // Written aside and renamed: a reader never sees half a result.
    const file = join(this.resultsDir, `${result.id}.json`);
    await writeFile(`${file}.tmp`, text, { mode: PRIVATE_FILE });
    await rename(`${file}.tmp`, file);
    await this.pruneResults(limits);
    return true;
  }

  /** Removes the oldest results until both bounds hold. */
  private async pruneResults(limits: ResultLimits): Promise<void> {
    const names = (await readdir(this.resultsDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    const sizes = await Promise.all(names.map((n) => stat(join(this.resultsDir, n)).then((s) => s.size, () => 0)));
    let count = names.length;
    let bytes = sizes.reduce((a, b) => a + b, 0);
    for (const [i, name] of names.entries()) {
      if (count <= limits.maxCount && bytes <= limits.maxBytes) break;
      await rm(join(this.resultsDir, name), { force: true });
      count -= 1;
      bytes -= sizes[i] ?? 0;
    }
  }

  private async readEntries(): Promise<HistoryEntry[]> {
    const text = await readFile(this.historyFile, 'utf8').catch(() => '');
    const entries: HistoryEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as HistoryEntry);
      } catch {
        // A line cut short by a crash: the others are still good.
      }
    }
    return entries;
  }

  /** Keeps the newest MAX_ENTRIES once the file has grown a fifth beyond (rewritten aside, then renamed). */
  private async trimEntries(): Promise<void> {
    // Not read back on every run: only a file big enough to hold that many entries is counted.
    const size = await stat(this.historyFile).then((s) => s.size, () => 0);
    if (size < MAX_ENTRIES * 100) return;
    const entries = await this.readEntries();
    if (entries.length <= MAX_ENTRIES * 1.2) return;
    const kept = entries.slice(-MAX_ENTRIES).map((e) => `${JSON.stringify(e)}\n`).join('');
    await writeFile(`${this.historyFile}.tmp`, kept, { mode: PRIVATE_FILE });
    await rename(`${this.historyFile}.tmp`, this.historyFile);
  }
}

/** Why a result within these limits was not kept. */
function whyNotKept(limits: ResultLimits): string {
  if (!limits.keep) return 'keeping results is off (gongsql.history.keepResults)';
  if (limits.maxCount < 1) return 'gongsql.history.maxResults is 0';
  return `larger than gongsql.history.maxResultsSizeMB (${Math.round(limits.maxBytes / 1024 / 1024)} MB)`;
}

/** Whether the file ends a line (or is empty or missing). */
async function endsWithNewline(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return true;
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/**
 * The result as JSON, or undefined as soon as it passes `maxBytes`: a million rows are not
 * turned into one huge string only to find they cannot be kept.
 */
export function jsonWithin(result: KeptResult, maxBytes: number): string | undefined {
  const parts: string[] = [];
  let bytes = 0;
  const add = (text: string): boolean => {
    parts.push(text);
    bytes += Buffer.byteLength(text);
    return bytes <= maxBytes;
  };
  if (!add(`{"id":${JSON.stringify(result.id)},"at":${JSON.stringify(result.at)},"statements":[`)) return undefined;
  for (const [i, { rows, ...statement }] of result.statements.entries()) {
    if (!add(`${i ? ',' : ''}${JSON.stringify(statement).slice(0, -1)},"rows":[`)) return undefined;
    for (const [r, row] of rows.entries()) if (!add(`${r ? ',' : ''}${JSON.stringify(row)}`)) return undefined;
    if (!add(']}')) return undefined;
  }
  return add(']}') ? parts.join('') : undefined;
}
