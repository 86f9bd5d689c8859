import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Reader for SQLite's conformance corpus (`../shared/conformance/sqlite`, format in its README).
 * The corpus is read where it lies, never copied into the project.
 */

/** One query to check, with the schema statements its test file ran before it (since the last reset). */
export interface CorpusQuery {
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  readonly note?: string;
  readonly schema: readonly string[];
}

type Entry = { k: 'q'; sql: string; line: number; note?: string } | { k: 's'; sql: string; line?: number } | { k: 'reset' };

/** The corpus beside the checkout, when present. */
export function defaultCorpusDir(): string | undefined {
  const dir = resolve(__dirname, '../../../shared/conformance/sqlite');
  return existsSync(dir) ? dir : undefined;
}

/** The corpus's `.jsonl` files, relative to `dir`, in a stable order. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.jsonl')).map((f) => `${d.name}/${f}`))
    .sort();
}

/** Every query of one file, each with the schema it runs against. */
export function* fileQueries(dir: string, file: string): Generator<CorpusQuery> {
  let schema: string[] = [];
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as Entry;
    if (entry.k === 'reset') schema = [];
    else if (entry.k === 's') schema = [...schema, entry.sql];
    else yield { file, line: entry.line, sql: entry.sql, note: entry.note, schema };
  }
}

/** Every query of the corpus. */
export function* corpusQueries(dir: string): Generator<CorpusQuery> {
  for (const file of corpusFiles(dir)) yield* fileQueries(dir, file);
}
