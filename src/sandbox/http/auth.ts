import type { IncomingMessage } from 'node:http';
import { GongHttpError } from './errors';

/** An access key pair, as created on Gong's API page; scopes default to all. */
export interface AccessKeyCredential { accessKey: string; accessKeySecret: string; scopes?: string[] }
/** A Bearer token (OAuth); the OAuth endpoints will mint these. */
export interface BearerCredential { token: string; scopes?: string[]; expiresAtMs?: number }

export const DEMO_CREDENTIALS: AccessKeyCredential = { accessKey: 'SANDBOXACCESSKEY', accessKeySecret: 'sandbox-secret-not-for-production' };

export interface Principal { kind: 'basic' | 'bearer'; scopes: ReadonlySet<string> | 'all' }

/** Authenticates a request: 401 for missing or wrong credentials, 403 for a missing scope. */
export class Authenticator {
  constructor(
    private readonly keys: AccessKeyCredential[],
    readonly bearers: BearerCredential[],
    private readonly now: () => number,
  ) {}

  authenticate(req: IncomingMessage, requiredScope: string | undefined): Principal {
    const principal = this.identify(req.headers.authorization);
    if (principal === undefined) {
      throw new GongHttpError(401, ['Access denied: provide a valid access key and secret (HTTP Basic) or a Bearer token'], {
        'www-authenticate': 'Basic realm="Gong API"',
      });
    }
    if (requiredScope !== undefined && principal.scopes !== 'all' && !principal.scopes.has(requiredScope)) {
      throw new GongHttpError(403, [`Access denied: the credentials lack the scope ${requiredScope}`]);
    }
    return principal;
  }

  private identify(header: string | undefined): Principal | undefined {
    if (header === undefined) return undefined;
    const [scheme, value = ''] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const key = decoded.slice(0, colon);
      const secret = decoded.slice(colon + 1);
      const match = this.keys.find((k) => colon > 0 && k.accessKey === key && k.accessKeySecret === secret);
      return match && { kind: 'basic', scopes: match.scopes ? new Set(match.scopes) : 'all' };
    }
    if (scheme?.toLowerCase() === 'bearer') {
      const match = this.bearers.find((b) => b.token === value && (b.expiresAtMs === undefined || b.expiresAtMs > this.now()));
      return match && { kind: 'bearer', scopes: match.scopes ? new Set(match.scopes) : 'all' };
    }
    return undefined;
  }
}
