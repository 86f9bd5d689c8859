import { GongHttpError } from './errors';

export interface RateLimitOptions {
  /** Requests per second (Gong's default: 3). Bursts up to this many are allowed. */
  perSecond?: number;
  /** Requests per UTC day (Gong's default: 10,000). */
  perDay?: number;
}

const DAY_MS = 86_400_000;

/**
 * Gong's company-wide limits: a token bucket refilled at `perSecond` (burst of the same
 * size) and a daily quota. Over either, a 429 whose integer Retry-After says how long to
 * wait: under a second for the bucket, up to hours when the day's quota is spent.
 */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly perDay: number;
  private tokens: number;
  private refilledAt: number;
  private day = -1;
  private usedToday = 0;

  constructor(options: RateLimitOptions, private readonly now: () => number) {
    this.perSecond = options.perSecond ?? 3;
    this.perDay = options.perDay ?? 10_000;
    this.tokens = this.perSecond;
    this.refilledAt = now();
  }

  /** Takes one request from the budget or throws the 429. */
  take(): void {
    const now = this.now();
    const today = Math.floor(now / DAY_MS);
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
    if (this.usedToday >= this.perDay) {
      throw tooMany(Math.ceil(((today + 1) * DAY_MS - now) / 1000), 'the daily API quota is exhausted');
    }
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) {
      throw tooMany(Math.ceil((1 - this.tokens) / this.perSecond), `more than ${this.perSecond} requests per second`);
    }
    this.tokens -= 1;
    this.usedToday += 1;
  }
}

export function tooMany(retryAfterSec: number, why: string): GongHttpError {
  const seconds = Math.max(1, retryAfterSec);
  return new GongHttpError(429, [`Too many requests: ${why}; retry after ${seconds} s`], { 'retry-after': String(seconds) });
}
