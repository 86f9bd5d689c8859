import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BearerCredential } from './http/auth';
import { apiRoutes } from './routes';

/** An app registered for "Sign in with Gong". `redirectUris` absent: any is accepted. */
export interface OAuthClient { clientId: string; clientSecret: string; redirectUris?: string[]; scopes?: readonly string[] }

export interface OAuthOptions {
  clients?: OAuthClient[];
  /** Access token lifetime (default 86,400 s, Gong's day); tests make it short. */
  accessTokenTtlSec?: number;
  /** Authorization code lifetime (default 600 s). */
  codeTtlSec?: number;
}

export const DEMO_OAUTH_CLIENT: OAuthClient = { clientId: 'sandbox-oauth-client', clientSecret: 'sandbox-oauth-secret' };

/** Scopes checked inside a route rather than by the route table (media URLs on calls/extensive). */
const IN_ROUTE_SCOPES = ['api:calls:read:media-url'];

/** The scopes an app gets when it asks for none: every scope a sandbox route checks. */
export const ALL_SCOPES: readonly string[] = [...new Set([...apiRoutes.flatMap((r) => (r.scope ? [r.scope] : [])), ...IN_ROUTE_SCOPES])];

interface Grant { clientId: string; scopes: string[]; redirectUri: string; expiresAtMs: number; used: boolean }

/**
 * Gong's OAuth 2 authorization-code flow, as the reference describes it: a consent page at
 * /oauth2/authorize, tokens from /oauth2/generate-customer-token (Basic client auth; the
 * parameters in the query, a form body or JSON), `api_base_url_for_customer`, access tokens
 * that expire and single-use rotating refresh tokens (reuse is 400 invalid_grant).
 */
export class OAuthServer {
  private readonly clients: OAuthClient[];
  private readonly codes = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, { clientId: string; scopes: string[]; used: boolean }>();
  private readonly accessTokens = new Map<string, string>();

  constructor(private readonly options: OAuthOptions, private readonly bearers: BearerCredential[], private readonly baseUrl: () => string, private readonly now: () => number) {
    this.clients = options.clients ?? [DEMO_OAUTH_CLIENT];
  }

  /** Answers an /oauth2/ request; returns the status sent. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /oauth2/authorize') return this.consentPage(res, url.searchParams);
    if (route === 'POST /oauth2/authorize') return this.decide(res, await formOf(req, url));
    if (route === 'POST /oauth2/generate-customer-token') return this.token(req, res, await formOf(req, url));
    return json(res, 404, { error: 'not_found', error_description: `No OAuth endpoint ${route}` });
  }

  private consentPage(res: ServerResponse, q: URLSearchParams): number {
    const client = this.clients.find((c) => c.clientId === q.get('client_id'));
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!client) return html(res, 400, '<h1>Unknown app</h1><p>The client_id is not registered.</p>');
    if (q.get('response_type') !== 'code') return html(res, 400, '<h1>Bad request</h1><p>response_type must be code.</p>');
    if (!validRedirect(client, redirectUri)) return html(res, 400, '<h1>Bad request</h1><p>The redirect_uri is not registered for this app.</p>');
    const scopes = requested(q.get('scope'), client);
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope'].map((k) => `<input type="hidden" name="${k}" value="${escape(k === 'scope' ? scopes.join(' ') : q.get(k) ?? '')}">`).join('');
    return html(res, 200, `<h1>Allow ${escape(client.clientId)} to use your Gong data?</h1>
<p>It asks for:</p><ul id="scopes">${scopes.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>
<form method="post" action="authorize">${hidden}
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button></form>`);
  }

  private decide(res: ServerResponse, form: URLSearchParams): number {
    const client = this.clients.find((c) => c.clientId === form.get('client_id'));
    const redirectUri = form.get('redirect_uri') ?? '';
    if (!client || !validRedirect(client, redirectUri)) return html(res, 400, '<h1>Bad request</h1>');
    const target = new URL(redirectUri);
    const state = form.get('state');
    if (state !== null) target.searchParams.set('state', state);
    if (form.get('decision') !== 'approve') {
      target.searchParams.set('error', 'access_denied');
    } else {
      const code = token();
      this.codes.set(code, { clientId: client.clientId, scopes: requested(form.get('scope'), client), redirectUri, expiresAtMs: this.now() + (this.options.codeTtlSec ?? 600) * 1000, used: false });
      target.searchParams.set('code', code);
    }
    res.writeHead(302, { location: target.toString() });
    res.end();
    return 302;
  }

  private token(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): number {
    const client = this.clientOf(req.headers.authorization);
    if (!client) return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const grant = form.get('grant_type');
    let scopes: string[];
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.used || code.expiresAtMs <= this.now() || code.clientId !== client.clientId || (form.get('redirect_uri') ?? code.redirectUri) !== code.redirectUri) {
        return json(res, 400, { error: 'invalid_grant', error_description: 'Authorization code is invalid or expired' });
      }
      code.used = true;
      scopes = code.scopes;
    } else if (grant === 'refresh_token') {
      const refresh = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.used || refresh.clientId !== client.clientId) {
        return json(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      // Rotation: a refresh token works once.
      refresh.used = true;
      scopes = refresh.scopes;
    } else {
      return json(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type must be authorization_code or refresh_token' });
    }
    const ttl = this.options.accessTokenTtlSec ?? 86_400;
    const accessToken = token();
    const refreshToken = token();
    this.bearers.push({ token: accessToken, scopes, expiresAtMs: this.now() + ttl * 1000 });
    this.accessTokens.set(accessToken, client.clientId);
    this.refreshTokens.set(refreshToken, { clientId: client.clientId, scopes, used: false });
    return json(res, 200, { access_token: accessToken, refresh_token: refreshToken, scope: scopes.join(' '), token_type: 'bearer', expires_in: ttl, api_base_url_for_customer: this.baseUrl() });
  }

  /** An admin removes the app in Gong: every token it holds stops working at once. */
  revoke(clientId: string): void {
    for (const refresh of this.refreshTokens.values()) if (refresh.clientId === clientId) refresh.used = true;
    for (let i = this.bearers.length - 1; i >= 0; i--) {
      if (this.accessTokens.get(this.bearers[i]!.token) === clientId) this.bearers.splice(i, 1);
    }
  }

  private clientOf(header: string | undefined): OAuthClient | undefined {
    if (!header?.toLowerCase().startsWith('basic ')) return undefined;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return this.clients.find((c) => colon > 0 && c.clientId === decoded.slice(0, colon) && c.clientSecret === decoded.slice(colon + 1));
  }
}

function requested(scope: string | null, client: OAuthClient): string[] {
  const allowed = client.scopes ?? ALL_SCOPES;
  const asked = scope?.split(/\s+/).filter(Boolean) ?? [];
  return asked.length ? asked.filter((s) => allowed.includes(s)) : [...allowed];
}

function validRedirect(client: OAuthClient, uri: string): boolean {
  try {
    new URL(uri);
  } catch {
    return false;
  }
  return !client.redirectUris || client.redirectUris.includes(uri);
}

const token = () => randomBytes(24).toString('base64url');

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Parameters from the query, a form body or a JSON body (clients send all three). */
async function formOf(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const params = new URLSearchParams(url.searchParams);
  if ((req.headers['content-type'] ?? '').includes('json') && body.trim()) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>)) params.set(k, String(v));
    } catch {
      // a malformed body adds nothing; the request then fails on its missing parameters
    }
  } else {
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  }
  return params;
}

function json(res: ServerResponse, status: number, body: unknown): number {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return status;
}

function html(res: ServerResponse, status: number, body: string): number {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; form-action *" });
  res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Gong sandbox</title></head><body>${body}</body></html>`);
  return status;
}
