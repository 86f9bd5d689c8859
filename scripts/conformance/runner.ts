import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { corpusFiles, fileQueries, type CorpusQuery } from './corpus';
import { SchemaDatabase, sqliteVerdict } from './sqliteVerdict';

/** Where gongsql and SQLite agree or not on one query. */
export type Outcome = 'bothAccept' | 'bothReject' | 'falseError' | 'acceptedInvalid' | 'hang' | 'exception';

export const OUTCOMES: readonly Outcome[] = ['bothAccept', 'bothReject', 'falseError', 'acceptedInvalid', 'hang', 'exception'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  bothAccept: 'both accept',
  bothReject: 'both reject',
  falseError: 'SQLite accepts, gongsql reports a syntax error',
  acceptedInvalid: 'gongsql accepts, SQLite reports a syntax error',
  hang: 'gongsql hangs (stopped after the time limit)',
  exception: 'gongsql throws',
};

export interface Judged {
  readonly query: CorpusQuery;
  readonly outcome: Outcome;
  /** TCL-only parameter forms (`$::x`, `:123`, `@123`): SQLite's TCL tests only; the target leaves them out. */
  readonly tclParameter: boolean;
  readonly sqlite?: string;
  readonly gongsql?: string;
}

export interface Summary {
  readonly counts: Record<Outcome, number>;
  /** falseError without the TCL-only parameter forms: the number the target is about. */
  readonly falseErrorsExceptTcl: number;
  readonly judged: readonly Judged[];
  /** Messages of SQLite errors judged semantic (valid syntax), with counts, for review. */
  readonly semanticMessages: ReadonlyMap<string, number>;
  readonly parseMs: number;
  readonly queries: number;
}

export interface RunOptions {
  /** A query whose parse takes longer is a hang (default 2 s: parsing one query takes well under 10 ms). */
  readonly timeoutMs?: number;
  /** The parser module the worker loads (tests point it at a deliberately broken parser). */
  readonly parserModule?: string;
}

const TCL_PARAMETER = /\$::|[:@]\d|\$\w+\(/;

/** Judges every query of the corpus in `dir`: SQLite's verdict against gongsql's. */
export async function runConformance(dir: string, options: RunOptions = {}): Promise<Summary> {
  const SQL = await initSqlJs();
  const parser = new GuardedParser(options.timeoutMs ?? 2000, options.parserModule);
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const judged: Judged[] = [];
  const semanticMessages = new Map<string, number>();
  let parseMs = 0;
  try {
    for (const file of corpusFiles(dir)) {
      const schema = new SchemaDatabase(SQL);
      try {
        for (const query of fileQueries(dir, file)) {
          const sqlite = sqliteVerdict(schema.at(query.schema), query.sql);
          if (sqlite.valid && sqlite.message) {
            const shape = sqlite.message.replace(/: .*/s, ': …');
            semanticMessages.set(shape, (semanticMessages.get(shape) ?? 0) + 1);
          }
          const gong = await parser.parse(query.sql);
          parseMs += gong.ms;
          const outcome: Outcome = gong.kind === 'hang' ? 'hang' : gong.kind === 'exception' ? 'exception'
            : sqlite.valid ? (gong.error ? 'falseError' : 'bothAccept') : gong.error ? 'bothReject' : 'acceptedInvalid';
          counts[outcome]++;
          judged.push({ query, outcome, tclParameter: TCL_PARAMETER.test(query.sql), sqlite: sqlite.message, gongsql: gong.error });
        }
      } finally {
        schema.close();
      }
    }
  } finally {
    await parser.close();
  }
  const falseErrorsExceptTcl = judged.filter((j) => j.outcome === 'falseError' && !j.tclParameter).length;
  return { counts, falseErrorsExceptTcl, judged, semanticMessages, parseMs, queries: judged.length };
}

export type ParseAnswer = { kind: 'parsed'; error?: string; ms: number } | { kind: 'exception'; error: string; ms: number } | { kind: 'hang'; error: string; ms: number };

/** gongsql's parse() in a worker: a query that does not finish in time is a hang, the worker is replaced. Also used by the parser's termination tests. */
export class GuardedParser {
  private worker: Promise<Worker> | undefined;

  constructor(private readonly timeoutMs: number, private readonly module?: string) {}

  async parse(sql: string): Promise<ParseAnswer> {
    const worker = await (this.worker ??= this.start());
    return new Promise<ParseAnswer>((resolve) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: 'hang', error: `no answer within ${this.timeoutMs} ms`, ms: this.timeoutMs });
      }, this.timeoutMs);
      const onMessage = (m: { ok: boolean; errors?: { code: string; message: string; start: number }[]; error?: string; ms: number }) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (!m.ok) resolve({ kind: 'exception', error: m.error ?? 'unknown', ms: m.ms });
        else {
          const first = m.errors?.[0];
          resolve({ kind: 'parsed', error: first && `${first.code} ${first.message} @${first.start}`, ms: m.ms });
        }
      };
      worker.on('message', onMessage);
      worker.postMessage(sql);
    });
  }

  private start(): Promise<Worker> {
    // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
    const source = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'parseWorker.ts'))});`;
    const worker = new Worker(source, { eval: true, workerData: { module: this.module } });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    });
  }

  async close(): Promise<void> {
    const worker = await this.worker;
    await worker?.terminate();
  }
}
