import { homedir } from 'node:os';
import { join } from 'node:path';

/** The variable that moves the store (tests set it, so they never touch the real home folder). */
export const STATE_DIR_VARIABLE = 'GONGSQL_STATE_DIR';

/**
 * Where the query history and the kept results live: one folder per user, shared by the
 * editor and the CLI on the same machine. `GONGSQL_STATE_DIR` if set; else the platform's
 * place for an application's state: `$XDG_STATE_HOME/gongsql` (default `~/.local/state/gongsql`)
 * on Linux, `~/Library/Application Support/gongsql` on macOS, `%LOCALAPPDATA%\gongsql` on Windows.
 */
export function historyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const chosen = env[STATE_DIR_VARIABLE];
  if (chosen) return chosen;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'gongsql');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'gongsql');
  return join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'gongsql');
}
