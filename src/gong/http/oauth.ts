import { request as undiciRequest } from 'undici';
import { GongError } from './errors';
import { baseUrlProblem, oauthApiHostProblem } from './hosts';

/** Tokens from Gong's token endpoint. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAtMs: number;
  readonly scope: string;
  /** The API host for this tenant (`api_base_url_for_customer`). */
  readonly apiBaseUrl: string;
}

/** Where tokens live between runs (the extension: SecretStorage). */
export interface TokenStore {
  load(): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
}

export interface OAuthApp {
  /** e.g. https://app.gong.io/oauth2/generate-customer-token */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * An OAuth session: hands out a valid access token, refreshing it shortly before it
 * expires, or once when Gong rejects it. Refresh tokens are single-use at Gong, so a
 * refresh is single-flight (concurrent callers share it) and the rotated token is saved
 * before anyone uses it; a refresh refused because another process sharing the store
 * spent the token first takes the tokens that process saved. A refused refresh is an AUTH error that asks to sign in again —
 * never a loop.
 */
export class OAuthSession {
  private refreshing: Promise<TokenSet> | undefined;

  constructor(
    private readonly app: OAuthApp,
    private readonly store: TokenStore,
    private readonly now: () => number = Date.now,
    private readonly skewMs = 60_000,
  ) {}

  /** Exchanges an authorization code for tokens (after the consent redirect). */
  static async exchangeCode(app: OAuthApp, code: string, redirectUri: string): Promise<TokenSet> {
    return tokenRequest(app, { grant_type: 'authorization_code', code, client_id: app.clientId, redirect_uri: redirectUri }, Date.now);
  }

  async accessToken(): Promise<string> {
    const tokens = await this.current();
    if (tokens.expiresAtMs - this.skewMs > this.now()) return tokens.accessToken;
    return (await this.refresh(tokens.accessToken)).accessToken;
  }

  /**
   * A fresh token after `rejected` was refused. If another caller already replaced it, that
   * newer token is returned without a second refresh.
   */
  async refresh(rejected: string): Promise<TokenSet> {
    if (this.refreshing) return this.refreshing;
    const tokens = await this.current();
    if (tokens.accessToken !== rejected && tokens.expiresAtMs - this.skewMs > this.now()) return tokens;
    this.refreshing = (async () => {
      try {
        const next = await tokenRequest(this.app, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, this.now);
        await this.store.save(next);
        return next;
      } catch (error) {
        // Another process sharing the store (a second VS Code window) may have spent this
        // refresh token a moment earlier and saved what it got: then use that.
        const latest = await this.store.load();
        if (error instanceof GongError && error.code === 'AUTH' && latest && latest.refreshToken !== tokens.refreshToken) return latest;
        throw error;
      }
    })();
    try {
      return await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
  }

  private async current(): Promise<TokenSet> {
    const tokens = await this.store.load();
    if (!tokens) throw new GongError('AUTH', 'Not signed in to Gong: sign in again.');
    return tokens;
  }
}

export class MemoryTokenStore implements TokenStore {
  constructor(private tokens?: TokenSet) {}
  async load(): Promise<TokenSet | undefined> {
    return this.tokens;
  }
  async save(tokens: TokenSet): Promise<void> {
    this.tokens = tokens;
  }
}

async function tokenRequest(app: OAuthApp, params: Record<string, string>, now: () => number): Promise<TokenSet> {
  // The client secret (and a refresh token or code) go in this request: https or this machine only.
  const unsafe = baseUrlProblem(app.tokenUrl, 'The Gong sign-in address');
  if (unsafe) throw new GongError('VALIDATION', unsafe, { endpoint: 'POST /oauth2/generate-customer-token' });
  const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
  let response;
  try {
    response = await undiciRequest(app.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(params).toString(),
    });
  } catch (error) {
    throw new GongError('NETWORK', `Could not reach Gong's sign-in service: ${(error as Error).message}`, { endpoint: 'POST /oauth2/generate-customer-token' });
  }
  const text = await response.body.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // handled below as a protocol error
  }
  if (response.statusCode === 400 && body.error === 'invalid_grant') {
    throw new GongError('AUTH', `Gong refused the sign-in (${String(body.error_description ?? 'invalid_grant')}): sign in with Gong again.`, { status: 400, endpoint: 'POST /oauth2/generate-customer-token' });
  }
  if (response.statusCode !== 200 || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new GongError(response.statusCode === 401 ? 'AUTH' : 'PROTOCOL', `Gong's token endpoint answered ${response.statusCode}${body.error ? ` (${String(body.error)})` : ''}: check the app's client id and secret.`, { status: response.statusCode, endpoint: 'POST /oauth2/generate-customer-token' });
  }
  // The access token goes to the host Gong names here: it must be one of Gong's, over https.
  const apiBaseUrl = String(body.api_base_url_for_customer ?? '');
  const foreign = apiBaseUrl ? oauthApiHostProblem(apiBaseUrl) : undefined;
  if (foreign) throw new GongError('PROTOCOL', `${foreign}: the token was not kept.`, { endpoint: 'POST /oauth2/generate-customer-token' });
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAtMs: now() + Number(body.expires_in ?? 86_400) * 1000,
    scope: String(body.scope ?? ''),
    apiBaseUrl,
  };
}
