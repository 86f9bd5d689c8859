// Runs the test files under test/<suite>/ (all suites by default) with node's built-in
// runner; TypeScript is loaded through tsx. Node 20's --test takes no globs, hence this.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = process.argv.slice(2);
const roots = (suites.length > 0 ? suites : ['unit', 'integration']).map((s) => join('test', s));

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = roots.flatMap(find).sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
// Every gongsql the tests start records its runs in a folder of this run, never in the user's home.
const env = { ...process.env, GONGSQL_STATE_DIR: process.env.GONGSQL_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'gongsql-test-state-')) };
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
