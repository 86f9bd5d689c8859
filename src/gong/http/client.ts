import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { FormData, Pool, request as undiciRequest } from 'undici';
import { sleep, throwIfAborted } from './abort';
import { errorForStatus, GongError, abortedError, type AuthKind } from './errors';
import { baseUrlProblem } from './hosts';
import { parseGongJson } from './json';
import type { OAuthSession } from './oauth';
import { MemoryUsageStore, RateLimiter, utcDay, type RateLimitOptions, type UsageStore } from './rateLimit';
import { backoffMs, DEFAULT_RETRY, isRetryable, retryAfterMs, type RetryOptions } from './retry';

/** How the connection authenticates; kept in a private field and never echoed anywhere. */
export type Credentials =
  | { kind: 'basic'; accessKey: string; accessKeySecret: string }
  | { kind: 'bearer'; accessToken: string }
  /** "Sign in with Gong": tokens refreshed by the session. */
  | { kind: 'oauth'; session: OAuthSession };

export interface ClientOptions {
  /** e.g. https://api.gong.io or https://us-12345.api.gong.io (paths start with /v2). */
  baseUrl: string;
  credentials: Credentials;
  /** Names the connection in the daily usage counter. */
  connectionId?: string;
  rateLimit?: RateLimitOptions;
  /** Gong's daily request quota, for the usage display (default 10,000). */
  dailyLimit?: number;
  retry?: RetryOptions;
  usageStore?: UsageStore;
  /** Per-attempt timeout for headers and for body silence (default 60 s). */
  timeoutMs?: number;
  onEvent?: (event: ClientEvent) => void;
  now?: () => number;
}

/** What the client tells the caller while it works: each attempt, and each wait it chooses. */
export type ClientEvent =
  | { type: 'request'; endpoint: string; status: number | 'error'; durationMs: number; attempt: number; requestId?: string }
  | { type: 'wait'; endpoint: string; reason: 'rateLimit' | 'retry'; ms: number; attempt: number; /** a wait long enough to tell the user about */ long: boolean };

export interface GongRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, e.g. `/v2/calls`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON body. */
  body?: unknown;
  /** A multipart upload streamed from disk (never read into memory). */
  upload?: { field: string; filePath: string };
  signal?: AbortSignal;
  /** Reads may be retried freely; writes only when Gong surely did not run them. Default: GET only. */
  idempotent?: boolean;
  /** Which 404s mean "nothing matched" (Gong's way of saying empty) rather than an error. */
  emptyOn404?: (gongErrors: string[]) => boolean;
  onEvent?: (event: ClientEvent) => void;
}

export interface GongResponse {
  status: number;
  /** The parsed body; undefined when the 404 meant "no results". */
  body: Record<string, unknown> | undefined;
  requestId?: string;
}

/** Gong's "No calls found corresponding to the provided filters" and its siblings. */
export const NO_RESULTS_404 = (errors: string[]) => errors.some((e) => /^No .+ found\b/i.test(e) || /^(Answered scorecards|Scorecards) not found/i.test(e));
/** For lookups by id, any 404 means the id matches nothing. */
export const ANY_404 = () => true;

const LONG_WAIT_MS = 5000;

/**
 * The HTTP client for one Gong connection: keep-alive pool, auth, pacing, retries,
 * cancellation, exact ids. Every request the connector makes goes through `request`.
 */
export class GongClient {
  readonly #authorization: string | undefined;
  readonly #session: OAuthSession | undefined;
  /** What a 401 asks the user to fix. */
  private readonly authKind: AuthKind;
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly prefix: string;
  private readonly limiter: RateLimiter;
  private readonly retry: Required<RetryOptions>;
  private readonly usage: UsageStore;
  private readonly connectionId: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  readonly dailyLimit: number;

  /** The options minus the credentials, which live only in #authorization. */
  private readonly options: Omit<ClientOptions, 'credentials'>;

  constructor({ credentials, ...options }: ClientOptions) {
    this.options = options;
    // Credentials go only to https, or to plain http on this machine.
    const problem = baseUrlProblem(options.baseUrl);
    if (problem) throw new GongError('VALIDATION', problem);
    const url = new URL(options.baseUrl);
    this.pool = new Pool(url.origin, { connections: options.rateLimit?.concurrency ?? 4, keepAliveTimeout: 30_000 });
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/$/, '');
    this.#session = credentials.kind === 'oauth' ? credentials.session : undefined;
    this.authKind = credentials.kind;
    this.#authorization = credentials.kind === 'oauth' ? undefined : authorizationHeader(credentials);
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(options.rateLimit, this.now);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.usage = options.usageStore ?? new MemoryUsageStore();
    this.connectionId = options.connectionId ?? url.origin;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.dailyLimit = options.dailyLimit ?? 10_000;
  }

  /** API calls this connection made today (UTC), as counted by the usage store. */
  usedToday(): number {
    return this.usage.get(this.connectionId, utcDay(this.now()));
  }

  async request(req: GongRequest): Promise<GongResponse> {
    const endpoint = `${req.method} ${req.path}`;
    const idempotent = isIdempotent(req);
    const emit = (event: ClientEvent) => {
      req.onEvent?.(event);
      this.options.onEvent?.(event);
    };
    const started = this.now();
    let retries = 0;
    let rateLimitWaits = 0;
    let refreshed = false;
    const used: { token?: string } = {};
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(req.signal);
      let failure: GongError;
      try {
        return await this.attempt(req, endpoint, attempt, emit, used);
      } catch (error) {
        if (!(error instanceof GongError)) throw error;
        failure = error;
      }
      // An expired or revoked access token: refresh once, then try again once.
      if (failure.code === 'AUTH' && failure.status === 401 && this.#session && !refreshed) {
        refreshed = true;
        await this.#session.refresh(used.token ?? '');
        continue;
      }
      if (failure.code === 'RATE_LIMITED' && rateLimitWaits < this.retry.maxRateLimitWaits) {
        const wait = failure.retryAfterMs ?? 1000;
        if (this.now() + wait - started <= this.retry.deadlineMs) {
          rateLimitWaits++;
          this.limiter.drain();
          emit({ type: 'wait', endpoint, reason: 'rateLimit', ms: wait, attempt, long: wait >= LONG_WAIT_MS });
          await sleep(wait, req.signal);
          continue;
        }
      }
      if (isRetryable(failure, idempotent) && retries < this.retry.maxRetries) {
        const wait = backoffMs(retries, this.retry);
        if (this.now() + wait - started <= this.retry.deadlineMs) {
          retries++;
          emit({ type: 'wait', endpoint, reason: 'retry', ms: wait, attempt, long: wait >= LONG_WAIT_MS });
          await sleep(wait, req.signal);
          continue;
        }
      }
      throw failure;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async attempt(req: GongRequest, endpoint: string, attempt: number, emit: (e: ClientEvent) => void, used: { token?: string }): Promise<GongResponse> {
    const release = await this.limiter.acquire(req.signal);
    const t0 = this.now();
    let status: number | 'error' = 'error';
    let requestId: string | undefined;
    let sent = false;
    try {
      this.usage.add(this.connectionId, utcDay(this.now()), 1);
      const headers = await this.headers(req, used);
      const body = await this.body(req);
      sent = true;
      const response = await undiciRequest(this.url(req), {
        dispatcher: this.pool,
        method: req.method,
        headers,
        body,
        signal: req.signal,
        headersTimeout: req.upload ? 0 : this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      }).catch((error: unknown) => { throw networkError(error, endpoint, req.signal); });
      status = response.statusCode;
      const text = await response.body.text().catch((error: unknown) => { throw networkError(error, endpoint, req.signal); });
      const parsed = parseBody(text);
      requestId = typeof parsed?.requestId === 'string' ? parsed.requestId : undefined;
      if (status >= 200 && status < 300) {
        if (parsed === undefined) throw new GongError('PROTOCOL', `Gong sent a response that is not valid JSON on ${endpoint}; the read was retried and still failed.`, { status, endpoint });
        return { status, body: parsed, requestId };
      }
      const errors = Array.isArray(parsed?.errors) ? (parsed.errors as unknown[]).map(String) : [];
      if (status === 404 && req.emptyOn404?.(errors)) return { status, body: undefined, requestId };
      const wait = status === 429 ? retryAfterMs(response.headers['retry-after'], this.now()) : undefined;
      throw errorForStatus(status, endpoint, { requestId, errors }, wait, this.authKind, isIdempotent(req));
    } catch (error) {
      if (sent && !isIdempotent(req) && error instanceof GongError && mayHaveRun(error)) throw outcomeUnknown(error, endpoint, status);
      throw error;
    } finally {
      release();
      emit({ type: 'request', endpoint, status, durationMs: this.now() - t0, attempt, requestId });
    }
  }

  private url(req: GongRequest): string {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query.set(k, v);
    const qs = query.toString();
    return `${this.origin}${this.prefix}${req.path}${qs ? `?${qs}` : ''}`;
  }

  /** `used` remembers the access token this request sent, to tell Gong's rejection of it from a newer one. */
  private async headers(req: GongRequest, used: { token?: string }): Promise<Record<string, string>> {
    let authorization = this.#authorization;
    if (this.#session) {
      used.token = await this.#session.accessToken();
      authorization = `Bearer ${used.token}`;
    }
    const headers: Record<string, string> = { authorization: authorization as string, accept: 'application/json' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  private async body(req: GongRequest): Promise<string | FormData | undefined> {
    if (req.upload) {
      // openAsBlob gives a file-backed Blob: the upload streams from disk, whatever its size.
      const form = new FormData();
      form.append(req.upload.field, await openAsBlob(req.upload.filePath), basename(req.upload.filePath));
      return form;
    }
    return req.body === undefined ? undefined : JSON.stringify(req.body);
  }

  /** Keeps secrets out of console.log and util.inspect of the client. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.options.baseUrl, connectionId: this.connectionId };
  }
}

function authorizationHeader(credentials: Exclude<Credentials, { kind: 'oauth' }>): string {
  if (credentials.kind === 'basic') return `Basic ${Buffer.from(`${credentials.accessKey}:${credentials.accessKeySecret}`).toString('base64')}`;
  return `Bearer ${credentials.accessToken}`;
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value = parseGongJson(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads may be repeated freely; writes are not, unless the caller says so. */
function isIdempotent(req: GongRequest): boolean {
  return req.idempotent ?? req.method === 'GET';
}

/** Failures that happen before a connection exists: the request never left this machine. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** After the request was handed to the network, these leave Gong's answer unknown; a status from Gong does not. */
function mayHaveRun(error: GongError): boolean {
  if (error.code === 'ABORTED' || error.code === 'PROTOCOL') return true;
  return error.code === 'NETWORK' && !NEVER_SENT.has((error.cause as { code?: string } | undefined)?.code ?? '');
}

/** A write sent to Gong without a readable answer: Gong may have done it, so it is never retried. */
function outcomeUnknown(error: GongError, endpoint: string, status: number | 'error'): GongError {
  const cause = (error.cause as { code?: string } | undefined)?.code;
  const why = error.code === 'ABORTED' ? 'it was cancelled'
    : status !== 'error' ? `Gong answered ${status} but the answer could not be read`
    : `the connection broke (${cause || 'no answer'})`;
  return new GongError(error.code, `Outcome unknown: ${endpoint} was sent, then ${why}; Gong may have done it. It was not retried, so it was not done twice.`, { endpoint, status: error.status, requestId: error.requestId, outcomeUnknown: true, cause: error.cause });
}

function networkError(error: unknown, endpoint: string, signal?: AbortSignal): GongError {
  if (signal?.aborted) return abortedError();
  if (error instanceof GongError) return error;
  const code = (error as { code?: string }).code ?? '';
  const timeout = code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
  const why = timeout ? 'timed out' : code === 'ECONNREFUSED' ? 'connection refused' : `connection failed (${code || (error as Error).message})`;
  // Only the code and message travel on: the library's error object may reference the request.
  const cause = { code, message: (error as Error).message };
  return new GongError('NETWORK', `Could not reach Gong for ${endpoint}: ${why}. Check the base URL and the network.`, { endpoint, cause });
}
