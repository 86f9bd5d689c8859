import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI, as `npx gongsql` runs it. */
export const BIN = join(__dirname, '..', '..', 'bin', 'gongsql.js');

/** The query history the CLI writes during tests: never the real one in the home folder. */
export const TEST_STATE_DIR = process.env.GONGSQL_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'gongsql-state-'));

export interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs the built CLI as a user would, with only the environment given (and a test's own history folder). */
export function gongsql(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return startGongsql(args, options).done;
}

/** Starts the built CLI; `done` settles when it exits, `child` lets a test signal it meanwhile. */
export function startGongsql(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', GONGSQL_STATE_DIR: TEST_STATE_DIR, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stdin.end(options.stdin ?? '');
  return { child, done };
}

export const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';
