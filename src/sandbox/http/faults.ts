import { Random } from '../data/random';

/**
 * What can go wrong on the wire, on purpose:
 * - `rateLimit`: a 429 with Retry-After (`retryAfterSec`, default 1), as a burst of `count`.
 * - `serverError`: a 500, 502 or 503 (`status`, default 500) with Gong's error body.
 * - `reset`: the response starts, then the connection is destroyed mid-body.
 * - `slow`: the response is held back `delayMs` (default 2,000) before it is sent.
 * - `malformedJson`: a 200 whose body is cut short and does not parse.
 * - `badCursor`: a normal page whose `records.cursor` is corrupted, so the next page fails.
 * - `hangUp`: the request is handled (a write is done), then the connection is closed before
 *   any byte of the answer: the client cannot know that the write happened.
 */
export type FaultKind = 'rateLimit' | 'serverError' | 'reset' | 'slow' | 'malformedJson' | 'badCursor' | 'hangUp';
export const FAULT_KINDS: readonly FaultKind[] = ['rateLimit', 'serverError', 'reset', 'slow', 'malformedJson', 'badCursor', 'hangUp'];

export interface FaultRule {
  kind: FaultKind;
  /** `METHOD /pattern` as in the route table, e.g. `GET /v2/calls`; every API route when absent. */
  route?: string;
  /** How many matching requests get the fault (default 1). */
  count?: number;
  /** How many matching requests pass untouched first (default 0). */
  skip?: number;
  status?: 500 | 502 | 503;
  retryAfterSec?: number;
  delayMs?: number;
}

export interface RandomFaults {
  seed: number | string;
  /** Chance per request, 0..1. */
  probability: number;
  kinds?: FaultKind[];
  route?: string;
}

export interface FaultOptions { rules?: FaultRule[]; random?: RandomFaults }

export type Fault = Required<Pick<FaultRule, 'kind'>> & Omit<FaultRule, 'kind' | 'count' | 'skip' | 'route'>;

interface ActiveRule { rule: FaultRule; skipped: number; fired: number }

/** Decides, per request, whether a fault is injected; rules fire in the order they were added. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: { config: RandomFaults; rng: Random } | undefined;

  constructor(options: FaultOptions = {}) {
    for (const rule of options.rules ?? []) this.add(rule);
    if (options.random) this.setRandom(options.random);
  }

  add(rule: FaultRule): void {
    if (!FAULT_KINDS.includes(rule.kind)) throw new Error(`unknown fault kind ${String(rule.kind)}`);
    this.rules.push({ rule, skipped: 0, fired: 0 });
  }

  setRandom(config: RandomFaults | undefined): void {
    this.random = config && { config, rng: new Random(config.seed) };
  }

  clear(): void {
    this.rules = [];
    this.random = undefined;
  }

  /** Rules that still have faults to fire (tests wait for this to reach zero). */
  get pending(): number {
    return this.rules.filter((r) => r.fired < (r.rule.count ?? 1)).length;
  }

  decide(routeKey: string): Fault | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.route !== undefined && rule.route !== routeKey) continue;
      if (active.fired >= (rule.count ?? 1)) continue;
      if (active.skipped < (rule.skip ?? 0)) {
        active.skipped++;
        continue;
      }
      active.fired++;
      return toFault(rule);
    }
    if (this.random) {
      const { config, rng } = this.random;
      if ((config.route === undefined || config.route === routeKey) && rng.next() < config.probability) {
        return { kind: rng.pick(config.kinds ?? FAULT_KINDS) };
      }
    }
    return undefined;
  }
}

function toFault({ kind, status, retryAfterSec, delayMs }: FaultRule): Fault {
  return { kind, status, retryAfterSec, delayMs };
}
