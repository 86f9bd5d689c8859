import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GongError } from '../../gong/http/errors';
import { OAuthSession, type OAuthApp, type TokenSet, type TokenStore } from '../../gong/http/oauth';
import type { ConnectionSetting } from '../connectionSettings';
import type { OAuthRedirects } from '../oauthRedirects';

const SCOPES = 'api:calls:read:basic api:calls:read:extensive api:calls:read:transcript api:users:read api:workspaces:read api:settings:scorecards:read api:settings:trackers:read api:library:read api:stats:scorecards api:logs:read api:crm:integrations:read';

/** Tokens of an OAuth connection in SecretStorage, never anywhere else. */
export class SecretTokenStore implements TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly name: string) {}
  async load(): Promise<TokenSet | undefined> {
    const stored = await this.secrets.get(`gongsql.oauth.${this.name}`);
    return stored ? (JSON.parse(stored) as TokenSet) : undefined;
  }
  async save(tokens: TokenSet): Promise<void> {
    await this.secrets.store(`gongsql.oauth.${this.name}`, JSON.stringify(tokens));
  }
  async clear(): Promise<void> {
    await this.secrets.delete(`gongsql.oauth.${this.name}`);
  }
}

/** The app's client secret, also in SecretStorage. */
export async function oauthApp(secrets: vscode.SecretStorage, setting: ConnectionSetting): Promise<OAuthApp> {
  const clientSecret = await secrets.get(`gongsql.oauthClient.${setting.name}`);
  if (!setting.authUrl || !setting.clientId || !clientSecret) throw new GongError('AUTH', `Connection ${setting.name} has no stored app secret: sign in with Gong again.`);
  return { tokenUrl: `${setting.authUrl}/oauth2/generate-customer-token`, clientId: setting.clientId, clientSecret };
}

/** "Sign in with Gong": asks for the app, opens the consent page, stores the tokens. */
export async function signInWithGong(context: vscode.ExtensionContext, redirects: OAuthRedirects): Promise<{ setting: ConnectionSetting; tokens: TokenSet } | undefined> {
  const name = await vscode.window.showInputBox({ title: 'Sign in with Gong (1/4): connection name', value: 'Gong', ignoreFocusOut: true, validateInput: (v) => (v.trim() && v.trim() !== 'Sandbox' ? undefined : 'A name other than Sandbox is required') });
  if (!name) return undefined;
  const authUrl = await vscode.window.showInputBox({ title: 'Sign in with Gong (2/4): Gong sign-in address', value: 'https://app.gong.io', ignoreFocusOut: true, validateInput: (v) => { try { new URL(v); return undefined; } catch { return 'Enter a URL'; } } });
  if (!authUrl) return undefined;
  const clientId = await vscode.window.showInputBox({ title: 'Sign in with Gong (3/4): the app\'s client id', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Required') });
  if (!clientId) return undefined;
  const clientSecret = await vscode.window.showInputBox({ title: 'Sign in with Gong (4/4): the app\'s client secret', password: true, ignoreFocusOut: true, validateInput: (v) => (v ? undefined : 'Required') });
  if (!clientSecret) return undefined;
  const base = authUrl.replace(/\/$/, '');
  const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${context.extension.id}/oauth`));
  const redirectUri = callback.toString(true);
  const state = randomBytes(16).toString('hex');
  const authorize = `${base}/oauth2/authorize?${new URLSearchParams({ client_id: clientId.trim(), response_type: 'code', scope: SCOPES, redirect_uri: redirectUri, state })}`;
  const code = redirects.wait(state);
  await vscode.env.openExternal(vscode.Uri.parse(authorize, true));
  const tokens = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Waiting for Gong sign-in in the browser…', cancellable: true }, async (_p, token) => {
    token.onCancellationRequested(() => redirects.handleUri(vscode.Uri.parse(`x:/?state=${state}&error=cancelled`)));
    const app = { tokenUrl: `${base}/oauth2/generate-customer-token`, clientId: clientId.trim(), clientSecret };
    return OAuthSession.exchangeCode(app, await code, redirectUri);
  });
  const setting: ConnectionSetting = { name: name.trim(), baseUrl: tokens.apiBaseUrl || 'https://api.gong.io', kind: 'oauth', authUrl: base, clientId: clientId.trim() };
  await context.secrets.store(`gongsql.oauthClient.${setting.name}`, clientSecret);
  await new SecretTokenStore(context.secrets, setting.name).save(tokens);
  return { setting, tokens };
}
