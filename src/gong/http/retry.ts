import { GongError } from './errors';

export interface RetryOptions {
  /** Retries after the first attempt, for 5xx, resets and timeouts (default 5). */
  maxRetries?: number;
  /** First backoff; doubles each retry, with full jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Longest single backoff (default 30 s). */
  maxDelayMs?: number;
  /** Give up when the next wait would end past this long after the first attempt (default 5 min). */
  deadlineMs?: number;
  /** How many 429s in a row are waited out before giving up (default 10). */
  maxRateLimitWaits?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  deadlineMs: 300_000,
  maxRateLimitWaits: 10,
};

/** Whether an error is worth another attempt. Writes retry only what never reached Gong's handler. */
export function isRetryable(error: GongError, idempotent: boolean): boolean {
  // Gong may have done it: a second attempt could do it twice.
  if (error.outcomeUnknown) return false;
  if (error.code === 'NETWORK') return idempotent || (error.cause as { code?: string } | undefined)?.code === 'ECONNREFUSED';
  if (!idempotent) return false;
  if (error.code === 'PROTOCOL') return true;
  return error.code === 'API' && (error.status ?? 0) >= 500;
}

/** Full-jitter exponential backoff (AWS architecture blog's "full jitter"). */
export function backoffMs(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

/** Retry-After is seconds or an HTTP date; absent or unreadable means one second. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
