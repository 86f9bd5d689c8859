import type * as vscode from 'vscode';
import type { TokenSet, TokenStore } from '../gong/http/oauth';

/**
 * Where a "Sign in with Gong" connection keeps its secrets: its tokens and its app's client
 * secret, in SecretStorage only. Light on purpose (type imports only): the Accounts provider
 * reads it at activation, before the HTTP client is loaded.
 */
const TOKENS_PREFIX = 'gongsql.oauth.';
const APP_SECRET_PREFIX = 'gongsql.oauthClient.';

/** Whether a SecretStorage key holds a connection's tokens. */
export function isTokensKey(key: string): boolean {
  return key.startsWith(TOKENS_PREFIX);
}

/** Tokens of an OAuth connection in SecretStorage, never anywhere else. */
export class SecretTokenStore implements TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly name: string) {}
  async load(): Promise<TokenSet | undefined> {
    const stored = await this.secrets.get(TOKENS_PREFIX + this.name);
    return stored ? (JSON.parse(stored) as TokenSet) : undefined;
  }
  async save(tokens: TokenSet): Promise<void> {
    await this.secrets.store(TOKENS_PREFIX + this.name, JSON.stringify(tokens));
  }
  async clear(): Promise<void> {
    await this.secrets.delete(TOKENS_PREFIX + this.name);
  }
}

/** The app's client secret of an OAuth connection. */
export const appSecret = {
  get: (secrets: vscode.SecretStorage, name: string) => secrets.get(APP_SECRET_PREFIX + name),
  store: (secrets: vscode.SecretStorage, name: string, secret: string) => secrets.store(APP_SECRET_PREFIX + name, secret),
  delete: (secrets: vscode.SecretStorage, name: string) => secrets.delete(APP_SECRET_PREFIX + name),
};
