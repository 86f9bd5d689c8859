/** The API calls an agent may spend: per tool call and per session (a server's life, an editor's session). */
export interface BudgetLimits {
  readonly perCall: number;
  readonly perSession: number;
}

/** Gong allows 10,000 requests a day per company: an agent left alone should never get near that. */
export const DEFAULT_BUDGET: BudgetLimits = { perCall: 50, perSession: 500 };

/** What a tool result says of the budget, so an agent can plan its next call. */
export interface BudgetReport {
  readonly thisCall: number;
  readonly sessionUsed: number;
  readonly sessionLimit: number;
  readonly sessionLeft: number;
  readonly perCallLimit: number;
}

/**
 * The API calls an agent's session has spent. Every statement is run with what is left as its
 * ceiling (`available`): one whose estimate is above it is refused before its requests.
 */
export class ApiCallBudget {
  #used = 0;

  constructor(readonly limits: BudgetLimits = DEFAULT_BUDGET) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`the API-call budget ${name} must be a whole number, 0 or more (got ${value})`);
    }
  }

  /** What the next tool call may spend: the per-call limit, or the session's rest when that is less. */
  available(): number {
    return Math.min(this.limits.perCall, this.sessionLeft());
  }

  sessionLeft(): number {
    return Math.max(0, this.limits.perSession - this.#used);
  }

  spend(calls: number): void {
    this.#used += calls;
  }

  report(thisCall: number): BudgetReport {
    return { thisCall, sessionUsed: this.#used, sessionLimit: this.limits.perSession, sessionLeft: this.sessionLeft(), perCallLimit: this.limits.perCall };
  }
}
