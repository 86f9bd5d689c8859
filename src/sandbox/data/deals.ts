import type { SandboxCall } from './model';
import { OPPORTUNITY_STAGES } from './analytics';
import type { Random } from './random';
import { DAY_MS } from './time';

/**
 * The CRM context follows deals, as a pipeline analysis expects: one Salesforce account per
 * company, and each company's calls grouped into opportunities that run for weeks or months,
 * one after the other. A deal's stage at a call moves forward with the deal's age; now, a
 * deal whose time is up is closed (won or lost), a recent one is still open, and a few stall
 * where they were. Drawn from a stream of its own: the calls and their other analytics stay
 * as they were; only the ids, amounts and stages in the context are replaced.
 */
interface Deal {
  id: string;
  amount: number;
  startMs: number;
  /** When the deal closes (or closed); after the anchor, it is still open. */
  closeMs: number;
  /** A stalled deal stays open at the stage of its last call. */
  stalled: boolean;
  /** Decided once all its calls are known: the better the reps on it, the likelier a win. */
  won: boolean;
  lastCallMs: number;
  skills: number[];
}

type Stage = (typeof OPPORTUNITY_STAGES)[number] | 'Closed Won' | 'Closed Lost';

export function followDeals(random: Random, calls: readonly SandboxCall[], anchorMs: number): void {
  const byCompany = new Map<string, SandboxCall[]>();
  for (const call of calls) {
    const name = accountOf(call)?.fields.find((f) => f.name === 'Name')?.value;
    if (typeof name === 'string' && call.analytics) byCompany.set(name, [...(byCompany.get(name) ?? []), call]);
  }
  for (const companyCalls of byCompany.values()) {
    const accountId = `001${random.digits(12)}AAC`;
    let deal: Deal | null = null;
    const placed: [SandboxCall, Deal][] = [];
    for (const call of companyCalls.sort((a, b) => startOf(a) - startOf(b))) {
      const at = startOf(call);
      if (!deal || at > deal.closeMs) deal = newDeal(random, at);
      deal.lastCallMs = at;
      deal.skills.push(call.analytics?.hostSkill ?? 0.5);
      placeCall(random, call, accountId, deal);
      placed.push([call, deal]);
    }
    // The deal's stage now is one value for all its calls, known once its last call is placed.
    for (const d of new Set(placed.map(([, d]) => d))) d.won = random.bool(winChance(d.skills));
    for (const [call, d] of placed) if (call.analytics) call.analytics.stageNow = stageNow(d, anchorMs);
  }
}

/** Skilled teams win most of their deals, weak ones few: the steep slope survives the mix of reps on a deal. */
function winChance(skills: readonly number[]): number {
  const mean = skills.reduce((a, b) => a + b, 0) / Math.max(1, skills.length);
  return Math.min(0.95, Math.max(0.05, 0.45 + 4 * (mean - 0.5)));
}

function stageNow(deal: Deal, anchorMs: number): Stage {
  if (deal.stalled) return stageAt(deal, deal.lastCallMs);
  return deal.closeMs <= anchorMs ? (deal.won ? 'Closed Won' : 'Closed Lost') : stageAt(deal, anchorMs);
}

function newDeal(random: Random, startMs: number): Deal {
  return {
    id: `006${random.digits(12)}AAK`,
    amount: random.int(5, 500) * 1000,
    startMs,
    closeMs: startMs + random.int(20, 100) * DAY_MS,
    stalled: random.bool(0.15),
    won: false,
    lastCallMs: startMs,
    skills: [],
  };
}

function placeCall(random: Random, call: SandboxCall, accountId: string, deal: Deal): void {
  const objects = call.context.flatMap((c) => c.objects);
  const account = objects.find((o) => o.objectType === 'Account');
  const opportunity = objects.find((o) => o.objectType === 'Opportunity');
  if (account) account.objectId = accountId;
  if (!opportunity || !call.analytics) return;
  opportunity.objectId = deal.id;
  opportunity.fields = opportunity.fields.map((f) => (f.name === 'Amount' ? { ...f, value: deal.amount } : f));
  // About a third of the calls saw an earlier price.
  const repriced = random.bool(0.35) ? Math.round((deal.amount * (0.5 + random.next())) / 1000) * 1000 : deal.amount;
  call.analytics.stageAtCall = stageAt(deal, startOf(call));
  call.analytics.amountAtCall = repriced > 0 ? repriced : deal.amount;
}

/** The open stage a deal is in at a time: it moves through the stages as its time runs. */
function stageAt(deal: Deal, ms: number): Stage {
  const progress = Math.min(0.999, Math.max(0, (ms - deal.startMs) / (deal.closeMs - deal.startMs)));
  return OPPORTUNITY_STAGES[Math.floor(progress * OPPORTUNITY_STAGES.length)] as Stage;
}

function accountOf(call: SandboxCall) {
  return call.context.flatMap((c) => c.objects).find((o) => o.objectType === 'Account');
}

const startOf = (call: SandboxCall) => Date.parse(call.meta.started);
