import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GongError } from '../../gong/http/errors';
import { baseUrlProblem, originOf } from '../../gong/http/hosts';
import { OAuthSession, type OAuthApp, type TokenSet } from '../../gong/http/oauth';
import { allScopes } from '../../gong/http/scopes';
import type { ConnectionSetting } from '../connectionSettings';
import type { OAuthRedirects } from '../oauthRedirects';
import { appSecret, SecretTokenStore } from '../oauthSecrets';
import { openInBrowser } from '../openInBrowser';
import { hostsOf, mayReceive, secretHosts } from '../secretHosts';

/** The app's client secret, also in SecretStorage. */
export async function oauthApp(secrets: vscode.SecretStorage, setting: ConnectionSetting): Promise<OAuthApp> {
  const clientSecret = await appSecret.get(secrets, setting.name);
  if (!setting.authUrl || !setting.clientId || !clientSecret) throw new GongError('AUTH', `Connection ${setting.name} has no stored app secret: sign in with Gong again.`);
  return { tokenUrl: `${setting.authUrl}/oauth2/generate-customer-token`, clientId: setting.clientId, clientSecret };
}

interface OAuthAppAnswers { name: string; base: string; clientId: string; clientSecret: string }

/**
 * "Sign in with Gong": asks for the app, opens the consent page, stores the tokens. Given an
 * existing connection (signing in again after Gong refused its tokens), the answers start
 * from its values and an empty secret keeps the stored one.
 */
export async function signInWithGong(context: vscode.ExtensionContext, redirects: OAuthRedirects, again?: ConnectionSetting): Promise<{ setting: ConnectionSetting; tokens: TokenSet } | undefined> {
  const app = await askForApp(context.secrets, again);
  if (!app) return undefined;
  const tokens = await authorizeInBrowser(context, redirects, app);
  const setting: ConnectionSetting = { name: app.name, baseUrl: tokens.apiBaseUrl || 'https://api.gong.io', kind: 'oauth', authUrl: app.base, clientId: app.clientId };
  await appSecret.store(context.secrets, setting.name, app.clientSecret);
  await new SecretTokenStore(context.secrets, setting.name).save(tokens);
  await secretHosts.store(context.secrets, setting.name, hostsOf(setting));
  return { setting, tokens };
}

async function askForApp(secrets: vscode.SecretStorage, again?: ConnectionSetting): Promise<OAuthAppAnswers | undefined> {
  const name = await vscode.window.showInputBox({ title: 'Sign in with Gong (1/4): connection name', value: again?.name ?? 'Gong', ignoreFocusOut: true, validateInput: (v) => (v.trim() && v.trim() !== 'Sandbox' ? undefined : 'A name other than Sandbox is required') });
  if (!name) return undefined;
  const authUrl = await vscode.window.showInputBox({ title: 'Sign in with Gong (2/4): Gong sign-in address', value: again?.authUrl ?? 'https://app.gong.io', ignoreFocusOut: true, validateInput: (v) => baseUrlProblem(v.trim(), 'The sign-in address') });
  if (!authUrl) return undefined;
  const storedSecret = again ? await reusableSecret(secrets, again.name, authUrl.trim()) : undefined;
  const clientId = await vscode.window.showInputBox({ title: 'Sign in with Gong (3/4): the app\'s client id', value: again?.clientId, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Required') });
  if (!clientId) return undefined;
  const secret = await vscode.window.showInputBox({
    title: 'Sign in with Gong (4/4): the app\'s client secret', password: true, ignoreFocusOut: true,
    prompt: storedSecret ? 'Leave empty to keep the stored secret.' : undefined,
    validateInput: (v) => (v || storedSecret ? undefined : 'Required'),
  });
  const clientSecret = secret || storedSecret;
  if (secret === undefined || !clientSecret) return undefined;
  return { name: name.trim(), base: authUrl.trim().replace(/\/$/, ''), clientId: clientId.trim(), clientSecret };
}

/** The stored client secret, if it may go to this sign-in address (the host it was saved for). */
async function reusableSecret(secrets: vscode.SecretStorage, name: string, authUrl: string): Promise<string | undefined> {
  return mayReceive(await secretHosts.get(secrets, name), 'signIn', originOf(authUrl)) ? appSecret.get(secrets, name) : undefined;
}

/** Opens the consent page, waits for the redirect (state checked) and trades the code for tokens. */
async function authorizeInBrowser(context: vscode.ExtensionContext, redirects: OAuthRedirects, app: OAuthAppAnswers): Promise<TokenSet> {
  const callback = await vscode.env.asExternalUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${context.extension.id}/oauth`));
  const redirectUri = callback.toString(true);
  const state = randomBytes(16).toString('hex');
  // The browser may not reach the sign-in host as the extension host does (a browser VS Code
  // forwards a server-side localhost port through its own proxy), so ask VS Code first.
  const consentHost = (await vscode.env.asExternalUri(vscode.Uri.parse(app.base))).toString(true).replace(/\/$/, '');
  const authorize = `${consentHost}/oauth2/authorize?${new URLSearchParams({ client_id: app.clientId, response_type: 'code', scope: allScopes().join(' '), redirect_uri: redirectUri, state })}`;
  const code = redirects.wait(state);
  if (!(await openInBrowser(authorize))) {
    // The user declined to open the page: end the wait (code then rejects with SignInCancelled).
    redirects.cancel(state);
    await code;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Waiting for Gong sign-in in the browser…', cancellable: true }, async (_p, token) => {
    token.onCancellationRequested(() => redirects.cancel(state));
    const tokenUrl = `${app.base}/oauth2/generate-customer-token`;
    return OAuthSession.exchangeCode({ tokenUrl, clientId: app.clientId, clientSecret: app.clientSecret }, await code, redirectUri);
  });
}
