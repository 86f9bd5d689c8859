import { sleep, throwIfAborted } from './abort';
import { abortedError } from './errors';

export interface RateLimitOptions {
  /** Requests per second; Gong's default company limit is 3. */
  perSecond?: number;
  /**
   * Requests allowed back to back before spacing applies. 1 (the default) spaces every
   * request by 1/perSecond, which keeps any one-second window at or under the limit however
   * Gong measures it.
   */
  burst?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

/**
 * Client-side pacing so a well-behaved run never sees a 429: a token bucket for the rate and
 * a semaphore for the concurrency. `acquire` waits for both and returns the release.
 */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly concurrency: number;
  private tokens: number;
  private refilledAt: number;
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  /** Serializes token takers so that waits are handed out in order. */
  private tokenQueue: Promise<void> = Promise.resolve();

  constructor(options: RateLimitOptions = {}, private readonly now: () => number = Date.now) {
    this.perSecond = options.perSecond ?? 3;
    this.burst = options.burst ?? 1;
    this.concurrency = options.concurrency ?? 4;
    if (!(this.perSecond > 0) || !(this.burst >= 1) || !(this.concurrency >= 1)) throw new RangeError('rate limit options must be positive');
    this.tokens = this.burst;
    this.refilledAt = now();
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    await this.slot(signal);
    try {
      await this.token(signal);
    } catch (error) {
      this.release();
      throw error;
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.release();
      }
    };
  }

  /** After a 429 the bucket is emptied, so the next requests wait a full interval. */
  drain(): void {
    this.tokens = 0;
    this.refilledAt = this.now();
  }

  private async slot(signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortedError());
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.inFlight--;
  }

  private token(signal?: AbortSignal): Promise<void> {
    const turn = this.tokenQueue.then(async () => {
      for (;;) {
        throwIfAborted(signal);
        const now = this.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
        this.refilledAt = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000), signal);
      }
    });
    // A cancelled taker must not block the ones behind it.
    this.tokenQueue = turn.catch(() => undefined);
    return turn;
  }
}

/** Where the daily API-call counter lives: memory by default; the extension persists it. */
export interface UsageStore {
  get(connectionId: string, utcDay: string): number;
  add(connectionId: string, utcDay: string, count: number): void;
}

export class MemoryUsageStore implements UsageStore {
  private readonly counts = new Map<string, number>();
  get(connectionId: string, utcDay: string): number {
    return this.counts.get(`${connectionId}@${utcDay}`) ?? 0;
  }
  add(connectionId: string, utcDay: string, count: number): void {
    const key = `${connectionId}@${utcDay}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }
}

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
