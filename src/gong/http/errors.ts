/**
 * Everything that can go wrong talking to Gong, as one class with a `code` to branch on.
 * Nobody branches on message text. Messages say what to do next and never contain
 * credentials: they are built from the request's method and path, Gong's own error
 * strings, and the status.
 */
import { scopeOf } from './scopes';

export type GongErrorCode =
  | 'AUTH'          // 401: credentials rejected
  | 'PERMISSION'    // 403: credentials lack a scope or permission
  | 'RATE_LIMITED'  // 429 that could not be waited out
  | 'NOT_FOUND'     // 404 that is not an empty result
  | 'API'           // any other 4xx/5xx from Gong
  | 'NETWORK'       // connection refused, reset, DNS, timeout
  | 'PROTOCOL'      // a 2xx whose body is not the JSON Gong sends
  | 'VALIDATION'    // bad input caught before any request
  | 'ABORTED';      // the caller cancelled

export interface GongErrorDetails {
  status?: number;
  /** Gong's requestId, for Gong support. */
  requestId?: string;
  /** Gong's `errors` strings. */
  gongErrors?: string[];
  /** How long Gong asked us to wait (429). */
  retryAfterMs?: number;
  /** The request, as `METHOD /path` (never the query values or headers). */
  endpoint?: string;
  /** The parameter or column a validation error is about. */
  parameter?: string;
  /**
   * A write that may have been done: it was sent, then no answer could be read (the
   * connection broke, a timeout, a cancel). Never retried; reported as "outcome unknown".
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class GongError extends Error {
  readonly status?: number;
  readonly requestId?: string;
  readonly gongErrors?: string[];
  readonly retryAfterMs?: number;
  readonly endpoint?: string;
  readonly parameter?: string;
  readonly outcomeUnknown?: boolean;

  constructor(readonly code: GongErrorCode, message: string, details: GongErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GongError';
    this.status = details.status;
    this.requestId = details.requestId;
    this.gongErrors = details.gongErrors;
    this.retryAfterMs = details.retryAfterMs;
    this.endpoint = details.endpoint;
    this.parameter = details.parameter;
    if (details.outcomeUnknown) this.outcomeUnknown = true;
  }
}

/** A bad value caught before any request; `parameter` names it. */
export function validationError(parameter: string, message: string): GongError {
  return new GongError('VALIDATION', `${parameter}: ${message}`, { parameter });
}

export function abortedError(): GongError {
  return new GongError('ABORTED', 'Cancelled');
}

/** The scope Gong's own message names (media URLs need one beyond the endpoint's), else the endpoint's. */
function lacking(endpoint: string, gongErrors: readonly string[]): string {
  const named = gongErrors.join(' ').match(/\bapi:[a-z][\w:-]*[\w]/)?.[0];
  const scope = named ?? scopeOf(endpoint);
  return scope ? `It needs the scope ${scope}, which the API key or the app's sign-in lacks` : 'The API key or app lacks the permission for it';
}

/** How the request authenticated (the `kind` of the client's credentials): what to fix after a 401 depends on it. */
export type AuthKind = 'basic' | 'bearer' | 'oauth';

const FIX_REJECTED: Record<AuthKind, string> = {
  basic: "Check the connection's access key and secret.",
  bearer: 'Check the access token: it may be wrong or expired.',
  oauth: 'Sign in with Gong again.',
};

/** The error for a non-2xx answer from Gong, with a message a person can act on. */
/** `retried`: whether a 5xx was tried again (reads are; a write never is, it could be done twice). */
export function errorForStatus(status: number, endpoint: string, body: { requestId?: string; errors?: string[] } | undefined, retryAfterMs?: number, authKind: AuthKind = 'basic', retried = true): GongError {
  const gongErrors = Array.isArray(body?.errors) ? body.errors.map(String) : undefined;
  const details: GongErrorDetails = { status, endpoint, requestId: body?.requestId, gongErrors, retryAfterMs };
  const said = gongErrors?.length ? `: ${gongErrors.join('; ')}` : '';
  const ref = body?.requestId ? ` (Gong requestId ${body.requestId})` : '';
  switch (true) {
    case status === 401:
      return new GongError('AUTH', `Gong rejected the credentials (401) on ${endpoint}${said}. ${FIX_REJECTED[authKind]}${ref}`, details);
    case status === 403:
      return new GongError('PERMISSION', `Gong denied access (403) to ${endpoint}${said}. ${lacking(endpoint, gongErrors ?? [])}; ask a Gong technical admin.${ref}`, details);
    case status === 429:
      return new GongError('RATE_LIMITED', `Gong's rate limit was hit (429) on ${endpoint}; retry after ${Math.ceil((retryAfterMs ?? 0) / 1000)} s.${ref}`, details);
    case status === 404:
      return new GongError('NOT_FOUND', `Not found (404) on ${endpoint}${said}.${ref}`, details);
    case status >= 500:
      return new GongError('API', `Gong failed (${status}) on ${endpoint}${said}; ${retried ? 'retries did not help, try again later' : 'a write is not sent again automatically'}.${ref}`, details);
    default:
      return new GongError('API', `Gong refused the request (${status}) on ${endpoint}${said}.${ref}`, details);
  }
}
