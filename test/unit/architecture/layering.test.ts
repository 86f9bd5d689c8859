import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** The project folder (e.g. `src/cli`, `webview`) a relative import of `file` lands in; undefined for packages. */
const targetsOf = (file: string) =>
  importsOf(file).filter((i) => i.startsWith('.')).map((i) => relative('.', resolve(dirname(file), i)).split('\\').join('/'));

/** Files in `dirs` with an import landing under one of `forbidden` (folder or module paths, without extension). */
function importing(dirs: string[], forbidden: RegExp): string[] {
  return dirs.flatMap(sources).flatMap((f) => targetsOf(f).filter((t) => forbidden.test(t)).map((t) => `${f} → ${t}`));
}

/** The project's own modules a file imports (relative imports, resolved to files). */
function localImports(file: string): string[] {
  return importsOf(file)
    .filter((i) => i.startsWith('.'))
    .map((i) => resolve(dirname(file), i))
    .map((base) => [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f)))
    .filter((f): f is string => f !== undefined)
    .map((f) => relative(process.cwd(), f));
}

/** Groups of modules that import each other, directly or through others (Tarjan's strongly connected components). */
function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) group.push(w);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return cycles;
}

describe('layering', () => {
  it('has no import cycles', () => {
    assert.deepEqual(importCycles(sources('src')), []);
  });

  it('core code (engine, gong, cli, sandbox, gallery, history, mirror, agent) never imports vscode', () => {
    const offenders = ['src/engine', 'src/gong', 'src/cli', 'src/sandbox', 'src/gallery', 'src/history', 'src/mirror', 'src/agent']
      .flatMap(sources)
      .filter((f) => importsOf(f).includes('vscode'));
    assert.deepEqual(offenders, []);
  });

  it('the sandbox shares no code with the client (src/gong) or the engine', () => {
    const offenders = sources('src/sandbox').filter((f) => importsOf(f).some((i) => /(^|\/)(gong|engine)(\/|$)/.test(i) && i.startsWith('.')));
    assert.deepEqual(offenders, []);
  });

  it('the CLI and the editor front ends share code only below them (engine, connector, values), never with each other', () => {
    const editor = ['src/extension', 'src/results', 'src/notebook', 'src/language', 'src/explorer', 'webview'];
    assert.deepEqual(importing(editor, /^src\/cli(\/|$)/), []);
    assert.deepEqual(importing(['src/cli'], /^(src\/(extension|results|notebook|language|explorer)|webview)(\/|$)/), []);
  });

  it('shared value types come from src/values: the webview, results and notebooks import nothing from the connector', () => {
    assert.deepEqual(importing(['webview', 'src/results', 'src/notebook'], /^src\/gong(\/|$)/), []);
    assert.deepEqual(importsOf('src/values.ts'), [], 'the values module depends on nothing');
  });

  it('only the engine\'s runners use the writer (it sends requests): the binder and planner check, they do not write', () => {
    const users = sources('src').filter((f) => !f.startsWith('src/gong') && !f.startsWith('src/engine/run/') && targetsOf(f).includes('src/gong/write/writer'));
    assert.deepEqual(users, []);
  });

  it('the syntax layer learns SQLite\'s functions from a generated table: it never imports sql.js or the evaluator', () => {
    const offenders = sources('src/engine/syntax').filter((f) => importsOf(f).some((i) => i === 'sql.js' || /(^|\/)eval(\/|$)/.test(i)));
    assert.deepEqual(offenders, []);
  });

  it('the test suite can see the folders it checks', () => {
    assert.ok(sources('src/sandbox').length > 10);
  });
});
