import type * as vscode from 'vscode';
import { findMirror } from './mirrorSettings';
import { userSetting } from './userSettings';

/**
 * What the extension knows about connections without loading the HTTP client: names, the
 * active one, today's usage. Activation reads only this (the client loads on first use).
 */
export interface ConnectionSetting {
  name: string;
  baseUrl: string;
  /** 'key' (access key and secret, the default) or 'oauth' (Sign in with Gong). */
  kind?: 'key' | 'oauth';
  /** OAuth: where the consent page and token endpoint live, and the app's client id. */
  authUrl?: string;
  clientId?: string;
}

export const SANDBOX = 'Sandbox';

/**
 * The user's own connections. They decide where secrets are sent, so a repository's
 * `.vscode/settings.json` never defines or redirects one: user settings only.
 */
export function listConnections(): ConnectionSetting[] {
  return userSetting<ConnectionSetting[]>('connections', []);
}

/** The active connection: the sandbox, a Gong connection or a mirror connection (by name). */
export function activeConnectionName(): string {
  const name = userSetting('activeConnection', SANDBOX);
  return name === SANDBOX || listConnections().some((c) => c.name === name) || findMirror(name) ? name : SANDBOX;
}

export function usageKey(day: string): string {
  return `gongsql.usage.${day}`;
}

/** API calls a connection made today (UTC), as counted by its client. */
export function usageToday(state: vscode.Memento, name: string): number | undefined {
  return state.get<Record<string, number>>(usageKey(new Date().toISOString().slice(0, 10)), {})[name];
}
