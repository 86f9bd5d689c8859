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

/** Cycles known and owned by issue 14 §7, to be broken; nothing may join this list. */
const KNOWN_CYCLES = [['src/engine/run/fold.ts', 'src/engine/run/select.ts']];

describe('layering', () => {
  it('has no import cycles (beyond the known ones being broken)', () => {
    const cycles = importCycles(sources('src')).filter((c) => !KNOWN_CYCLES.some((k) => k.join() === c.join()));
    assert.deepEqual(cycles, []);
  });

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

  it('the test suite can see the folders it checks', () => {
    assert.ok(sources('src/sandbox').length > 10);
  });
});
