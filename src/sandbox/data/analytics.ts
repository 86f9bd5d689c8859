import type { CallAnalytics, OutcomeOfCall, SandboxCall, User } from './model';
import { Random } from './random';
import { DAY_MS } from './time';

/**
 * What Gong's AI and interaction analysis report per call, drawn from its own stream so the
 * calls themselves do not change. Each rep has a style (talk ratio, monologue length, how
 * much they ask) that drifts over time; a few calls are outliers. Skill ties the numbers
 * together the way analysts expect: reps who ask more and talk less win more.
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

/** The outcomes a dialer call can get; conferences get a meeting outcome. */
const DIALER_OUTCOMES: readonly OutcomeOfCall[] = [
  { id: 'MEETING_BOOKED', category: 'Answered', name: 'Meeting booked' },
  { id: 'NOT_INTERESTED', category: 'Answered', name: 'Not interested' },
  { id: 'CALL_BACK_LATER', category: 'Answered', name: 'Call back later' },
  { id: 'LEFT_VOICEMAIL', category: 'Not answered', name: 'Left voicemail' },
  { id: 'NO_ANSWER', category: 'Not answered', name: 'No answer' },
  { id: 'WRONG_NUMBER', category: 'Bad number', name: 'Wrong number' },
];
const MEETING_OUTCOMES: readonly OutcomeOfCall[] = [
  { id: 'NEXT_STEPS_SET', category: 'Meeting', name: 'Next steps set' },
  { id: 'FOLLOW_UP_NEEDED', category: 'Meeting', name: 'Follow-up needed' },
  { id: 'NO_DECISION', category: 'Meeting', name: 'No decision' },
  { id: 'DISQUALIFIED', category: 'Meeting', name: 'Disqualified' },
];

export function addCallAnalytics(random: Random, calls: SandboxCall[], users: User[], anchorMs: number): void {
  const styles = new Map(users.map((u) => [u.id, repStyle(random)]));
  for (const call of calls) {
    const style = styles.get(call.meta.primaryUserId) ?? repStyle(random);
    call.analytics = callAnalytics(random, call, style, anchorMs);
  }
}

function repStyle(random: Random): RepStyle {
  const skill = random.next();
  return {
    skill,
    talkRatio: 0.68 - skill * 0.3 + (random.next() - 0.5) * 0.08,
    monologue: 200 - skill * 120 + random.int(0, 40),
    drift: (random.next() - 0.5) * 0.03,
  };
}

function callAnalytics(random: Random, call: SandboxCall, style: RepStyle, anchorMs: number): CallAnalytics {
  const monthsAgo = (anchorMs - Date.parse(call.meta.started)) / MONTH_MS;
  const outlier = random.bool(0.02);
  const noise = () => (random.next() - 0.5) * 0.16;
  const talkRatio = outlier ? 0.9 + random.next() * 0.08 : clamp(style.talkRatio - style.drift * monthsAgo + noise(), 0.15, 0.92);
  const duration = call.meta.duration;
  const longestMonologue = Math.min(duration, Math.round(outlier ? duration * 0.5 : style.monologue * (0.5 + random.next())));
  const questionsPerHour = 6 + style.skill * 14 + random.int(-3, 3);
  const companyCount = Math.max(0, Math.round((questionsPerHour * duration) / 3600));
  return {
    talkRatio: round(talkRatio, 2),
    longestMonologue,
    longestCustomerStory: Math.min(duration, Math.round((1 - talkRatio) * random.int(40, 160))),
    interactivity: round(clamp(3 + style.skill * 4 + noise() * 10, 0, 10), 1),
    patience: round(clamp(0.4 + style.skill * 0.9 + noise(), 0.1, 2.5), 2),
    companyQuestions: companyCount,
    nonCompanyQuestions: Math.round(companyCount * (0.2 + random.next() * 0.6)),
    talkTimes: talkTimes(random, call, talkRatio),
    outcome: call.meta.direction === 'Conference'
      ? (random.bool(0.9) ? pickWeighted(random, MEETING_OUTCOMES, style.skill) : null)
      : pickWeighted(random, DIALER_OUTCOMES, style.skill),
    stageAtCall: random.pick(OPPORTUNITY_STAGES),
    stageNow: random.bool(0.25 + style.skill * 0.5) ? 'Closed Won' : random.bool(0.5) ? 'Closed Lost' : random.pick(OPPORTUNITY_STAGES),
  };
}

/** Splits the spoken time: the company's speakers share the talk ratio, the others the rest. */
function talkTimes(random: Random, call: SandboxCall, talkRatio: number): Record<string, number> {
  const spoken = call.meta.duration * (0.75 + random.next() * 0.2);
  const speakers = call.parties.filter((p) => p.speakerId !== null);
  const internal = speakers.filter((p) => p.affiliation === 'Internal');
  const external = speakers.filter((p) => p.affiliation !== 'Internal');
  const times: Record<string, number> = {};
  const share = (group: typeof speakers, total: number) => {
    const weights = group.map(() => 0.3 + random.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    group.forEach((p, i) => { times[p.speakerId as string] = round((total * (weights[i] as number)) / sum, 1); });
  };
  share(internal, external.length ? spoken * talkRatio : spoken);
  share(external, internal.length ? spoken * (1 - talkRatio) : spoken);
  return times;
}

/** Better reps land the first (better) outcomes more often. */
function pickWeighted(random: Random, outcomes: readonly OutcomeOfCall[], skill: number): OutcomeOfCall {
  const index = Math.floor(Math.pow(random.next(), 0.6 + skill * 1.4) * outcomes.length);
  return outcomes[Math.min(index, outcomes.length - 1)] as OutcomeOfCall;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
