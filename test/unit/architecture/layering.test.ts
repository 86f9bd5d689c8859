import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** PRODUCT.md §3: one-way dependencies, checked on the source text. */
function sources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);

describe('layering', () => {
  it('core code (engine, gong, cli, sandbox) never imports vscode', () => {
    const offenders = ['src/engine', 'src/gong', 'src/cli', 'src/sandbox']
      .flatMap(sources)
      .filter((f) => importsOf(f).includes('vscode'));
    assert.deepEqual(offenders, []);
  });

  it('the sandbox shares no code with the client (src/gong) or the engine', () => {
    const offenders = sources('src/sandbox').filter((f) => importsOf(f).some((i) => /(^|\/)(gong|engine)(\/|$)/.test(i) && i.startsWith('.')));
    assert.deepEqual(offenders, []);
  });

  it('the syntax layer learns SQLite\'s functions from a generated table: it never imports sql.js or the evaluator', () => {
    const offenders = sources('src/engine/syntax').filter((f) => importsOf(f).some((i) => i === 'sql.js' || /(^|\/)eval(\/|$)/.test(i)));
    assert.deepEqual(offenders, []);
  });

  it('the test suite can see the folders it checks', () => {
    assert.ok(sources('src/sandbox').length > 10);
  });
});
