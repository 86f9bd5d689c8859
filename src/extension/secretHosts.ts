import type * as vscode from 'vscode';
import { isGongHost, originOf } from '../gong/http/hosts';
import type { ConnectionSetting } from './connectionSettings';

/**
 * The hosts a connection's secrets were saved for, kept in SecretStorage beside them: the API
 * host (the access key and secret, or the access token) and, for "Sign in with Gong", the
 * sign-in host (the app's client secret and the refresh token). Settings can change under a
 * saved secret (by hand, a settings sync, an older gongsql that copied a repository's
 * connections into user settings): a secret then goes nowhere until the user agrees.
 */
export interface SecretHosts {
  readonly api: string;
  readonly signIn?: string;
}

const PREFIX = 'gongsql.secretHosts.';

/** Where a connection's setting would send its secrets now (origins). */
export function hostsOf(setting: ConnectionSetting): SecretHosts {
  return setting.kind === 'oauth' && setting.authUrl ? { api: originOf(setting.baseUrl), signIn: originOf(setting.authUrl) } : { api: originOf(setting.baseUrl) };
}

export const secretHosts = {
  async get(secrets: vscode.SecretStorage, name: string): Promise<SecretHosts | undefined> {
    const stored = await secrets.get(PREFIX + name);
    return stored ? (JSON.parse(stored) as SecretHosts) : undefined;
  },
  store: (secrets: vscode.SecretStorage, name: string, hosts: SecretHosts) => secrets.store(PREFIX + name, JSON.stringify(hosts)),
  delete: (secrets: vscode.SecretStorage, name: string) => secrets.delete(PREFIX + name),
};

/** A host a secret would go to that is not the one it was saved for. */
export interface HostChange {
  readonly what: 'API host' | 'sign-in host';
  readonly saved: string | undefined;
  readonly now: string;
}

/** The hosts a connection's setting names now that its secrets were not saved for (none: go ahead). */
export function hostChanges(saved: SecretHosts | undefined, now: SecretHosts): HostChange[] {
  return (['api', 'signIn'] as const).flatMap((key) => {
    const origin = now[key];
    if (origin === undefined || mayReceive(saved, key, origin)) return [];
    return [{ what: key === 'api' ? 'API host' : 'sign-in host', saved: saved?.[key], now: origin }];
  });
}

/**
 * Whether a secret saved for `saved` may go to `origin`: only the same origin. Secrets saved
 * before hosts were recorded (no `saved`) may go to Gong's own https hosts (*.gong.io), where
 * nearly every real connection points, and are then bound to them; any other host is asked
 * about once, since an older gongsql could copy a repository's connection into user settings.
 */
export function mayReceive(saved: SecretHosts | undefined, key: keyof SecretHosts, origin: string): boolean {
  if (saved) return saved[key] === origin;
  const url = new URL(origin);
  return url.protocol === 'https:' && isGongHost(url.hostname);
}
