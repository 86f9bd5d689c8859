import type { CallAnalytics, CallOutcome, OutcomeOfCall, SandboxCall, User } from './model';
import { outcomeOf, outcomesFitting } from './outcomes';
import { Random } from './random';
import { DAY_MS } from './time';

/**
 * What Gong's AI and interaction analysis report per call, drawn from its own stream so the
 * calls themselves do not change. Each rep has a style (talk ratio, monologue length, how
 * much they ask) that drifts over time; a few calls are outliers. Skill ties the numbers
 * together the way analysts expect: reps who ask more and talk less win more. The numbers
 * agree with each other as Gong's do: the talk ratio is the company's share of the speakers'
 * talk times, a monologue is never longer than its speaker talked, one speaker alone has
 * no interactivity.
 */
interface RepStyle {
  skill: number;
  talkRatio: number;
  monologue: number;
  /** Change of the talk ratio per 30 days, up for some reps, down for others. */
  drift: number;
}

const MONTH_MS = 30 * DAY_MS;
export const OPPORTUNITY_STAGES = ['Qualification', 'Discovery', 'Proposal', 'Negotiation'] as const;

export function addCallAnalytics(random: Random, calls: SandboxCall[], users: User[], outcomes: readonly CallOutcome[], anchorMs: number): void {
  const styles = new Map(users.map((u) => [u.id, repStyle(random)]));
  for (const call of calls) {
    const style = styles.get(call.meta.primaryUserId) ?? repStyle(random);
    call.analytics = callAnalytics(random, call, style, outcomes, anchorMs);
  }
}

function repStyle(random: Random): RepStyle {
  const skill = random.next();
  // A few reps barely let the customer speak, whatever their skill.
  const talker = random.bool(0.06);
  return {
    skill,
    talkRatio: talker ? 0.8 + random.next() * 0.08 : 0.68 - skill * 0.3 + (random.next() - 0.5) * 0.08,
    monologue: (talker ? 300 : 200 - skill * 120) + random.int(0, 40),
    drift: (random.next() - 0.5) * 0.03,
  };
}

function callAnalytics(random: Random, call: SandboxCall, style: RepStyle, outcomes: readonly CallOutcome[], anchorMs: number): CallAnalytics {
  const monthsAgo = (anchorMs - Date.parse(call.meta.started)) / MONTH_MS;
  const outlier = random.bool(0.02);
  const noise = () => (random.next() - 0.5) * 0.16;
  const aimedRatio = outlier ? 0.9 + random.next() * 0.08 : clamp(style.talkRatio - style.drift * monthsAgo + noise(), 0.15, 0.92);
  const duration = call.meta.duration;
  const talk = talkTimes(random, call, aimedRatio);
  const company = sum(talk.internal);
  const customer = sum(talk.external);
  const talkRatio = company + customer > 0 ? round(company / (company + customer), 2) : 0;
  const conversation = talk.internal.length + talk.external.length >= 2;
  const questionsPerHour = 6 + style.skill * 14 + random.int(-3, 3);
  const companyCount = Math.max(0, Math.round((questionsPerHour * duration) / 3600));
  const nonCompanyShare = 0.2 + random.next() * 0.6;
  const monologue = Math.round(outlier ? duration * 0.5 : style.monologue * (0.5 + random.next()));
  const story = Math.round((1 - talkRatio) * random.int(40, 160));
  const interactivity = round(clamp(3 + style.skill * 4 + noise() * 10, 0, 10), 1);
  const patience = round(clamp(0.4 + style.skill * 0.9 + noise(), 0.1, 2.5), 2);
  return {
    talkRatio,
    longestMonologue: Math.min(monologue, Math.floor(Math.max(0, ...talk.internal))),
    longestCustomerStory: Math.min(story, Math.floor(Math.max(0, ...talk.external))),
    interactivity: conversation ? interactivity : 0,
    patience: conversation ? patience : 0,
    companyQuestions: companyCount,
    nonCompanyQuestions: talk.external.length ? Math.round(companyCount * nonCompanyShare) : 0,
    talkTimes: talk.bySpeaker,
    outcome: outcomeOfCall(random, call, style.skill, outcomes),
    ...dealAtCall(random, call, style.skill),
    hostSkill: style.skill,
  };
}

/** Internal calls have no prospect, so no outcome (drawn all the same, so later calls stay as they were). */
function outcomeOfCall(random: Random, call: SandboxCall, skill: number, outcomes: readonly CallOutcome[]): OutcomeOfCall | null {
  const outcome = outcomeFor(random, call, skill, outcomes);
  return call.meta.scope === 'Internal' ? null : outcome;
}

/** A meeting mostly gets an outcome; a dialer call always, the one that says how it connected. */
function outcomeFor(random: Random, call: SandboxCall, skill: number, outcomes: readonly CallOutcome[]): OutcomeOfCall | null {
  if (call.meta.direction === 'Conference') {
    return random.bool(0.9) ? pickWeighted(random, outcomesFitting(outcomes, 'meeting'), skill) : null;
  }
  const fitting = outcomesFitting(outcomes, call.connection ?? 'connected');
  return fitting.length > 1 ? pickWeighted(random, fitting, skill) : fitting[0] ? outcomeOf(fitting[0]) : null;
}

/**
 * The opportunity's stage and amount when the call happened: deals move forward (or close)
 * after a call, and about a third of them were re-priced since.
 */
function dealAtCall(random: Random, call: SandboxCall, skill: number): Pick<CallAnalytics, 'stageAtCall' | 'stageNow' | 'amountAtCall'> {
  const stageAtCall = random.pick(OPPORTUNITY_STAGES);
  const later = OPPORTUNITY_STAGES.slice(OPPORTUNITY_STAGES.indexOf(stageAtCall));
  const stageNow = random.bool(0.25 + skill * 0.5) ? 'Closed Won' : random.bool(0.5) ? 'Closed Lost' : random.pick(later);
  const now = amountNow(call);
  const repriced = random.bool(0.35);
  const factor = 0.5 + random.next();
  const before = Math.round((now ?? 0) * factor / 1000) * 1000;
  return { stageAtCall, stageNow, amountAtCall: now === null ? null : repriced && before !== now && before > 0 ? before : now };
}

function amountNow(call: SandboxCall): number | null {
  const field = call.context.flatMap((c) => c.objects).find((o) => o.objectType === 'Opportunity')?.fields.find((f) => f.name === 'Amount');
  return typeof field?.value === 'number' ? field.value : null;
}

/** Someone took the call (uploaded calls count as taken): Gong analyses only those. */
export function isAnswered(call: SandboxCall): boolean {
  return call.connection === undefined || call.connection === 'connected';
}

/** Both the company and a customer spoke, with interaction stats to show for it: what Gong's per-user stats average. */
export function isConversation(call: SandboxCall): boolean {
  const spoke = call.parties.filter((p) => p.speakerId !== null);
  return isAnswered(call) && call.analytics !== undefined && call.meta.duration > 0 && spoke.some((p) => p.affiliation === 'Internal') && spoke.some((p) => p.affiliation !== 'Internal');
}

interface TalkTimes { bySpeaker: Record<string, number>; internal: number[]; external: number[] }

/** Splits the spoken time: the company's speakers share the aimed ratio, the others the rest. */
function talkTimes(random: Random, call: SandboxCall, talkRatio: number): TalkTimes {
  const spoken = call.meta.duration * (0.75 + random.next() * 0.2);
  const speakers = call.parties.filter((p) => p.speakerId !== null);
  const internal = speakers.filter((p) => p.affiliation === 'Internal');
  const external = speakers.filter((p) => p.affiliation !== 'Internal');
  const bySpeaker: Record<string, number> = {};
  const share = (group: typeof speakers, total: number) => {
    const weights = group.map(() => 0.3 + random.next());
    const all = sum(weights);
    return group.map((p, i) => (bySpeaker[p.speakerId as string] = round((total * (weights[i] as number)) / all, 1)));
  };
  return {
    bySpeaker,
    internal: share(internal, external.length ? spoken * talkRatio : spoken),
    external: share(external, internal.length ? spoken * (1 - talkRatio) : spoken),
  };
}

/** Better reps land the first (better) outcomes more often. */
function pickWeighted(random: Random, outcomes: readonly CallOutcome[], skill: number): OutcomeOfCall | null {
  if (outcomes.length === 0) return null;
  const index = Math.floor(Math.pow(random.next(), 0.6 + skill * 1.4) * outcomes.length);
  return outcomeOf(outcomes[Math.min(index, outcomes.length - 1)] as CallOutcome);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
