import type { SandboxCall } from './model';
import type { Random } from './random';

/**
 * Gong's AI brief and key points of a connected call, assembled from parts (who met whom,
 * what came up, what was agreed) so that calls read differently: an analysis grouping by
 * key point finds many distinct ones, a few of them common (next steps, competitors).
 */
export interface SummaryFacts {
  company: string;
  rep: string;
  /** The customer who spoke most, when one is known by name. */
  contact: string | null;
  topics: readonly string[];
  kind: string;
}

const COMPETITORS = ['Globex', 'Initech', 'Hooli', 'a homegrown tool', 'spreadsheets and email', 'Vandelay Analytics', 'their CRM\'s built-in tool'];
const TIMELINES = ['the end of the quarter', 'next Friday', 'the end of the month', 'Q3', 'their board meeting', 'mid-January', 'the renewal date', 'two weeks from now'];
const ROLES = ['the CFO', 'the VP of Sales', 'procurement', 'the CIO', 'legal', 'the head of RevOps', 'the COO'];
const CONCERNS = ['the price per seat', 'implementation time', 'data residency in the EU', 'the SSO setup', 'adoption by the field team', 'the contract length', 'migrating historical data', 'the Salesforce sync'];
const TOOLS = ['Salesforce', 'HubSpot', 'Outreach', 'Slack', 'Zoom', 'Microsoft Teams', 'Salesloft', 'Snowflake'];
const NEXT_STEPS = [
  'send the proposal', 'book a technical deep dive', 'share the SOC 2 report', 'set up a trial workspace', 'loop in procurement',
  'schedule a demo for the wider team', 'send a mutual action plan', 'confirm pricing in writing', 'introduce a reference customer',
  'follow up after their planning meeting',
];
const CALL_BACKS = ['next week', 'on Monday', 'after their board meeting', 'at the end of the month', 'in two weeks', 'after the holidays'];
const PURPOSES = ['review their pipeline process', 'walk through the demo', 'discuss pricing', 'plan the rollout', 'qualify the opportunity', 'go over the security questionnaire', 'agree on next steps'];
const REGIONS = ['North America', 'EMEA', 'the DACH team', 'APAC', 'two pilot teams', 'the SDR team'];

const lower = (s: string) => s.toLowerCase();

export function briefOf(random: Random, f: SummaryFacts): string {
  const who = f.contact ? `${f.contact} of ${f.company}` : f.company;
  const topic = lower(random.pick(f.topics.length ? f.topics : ['the deal']));
  const opener = random.pick([
    () => `${f.rep} met ${who} to ${random.pick(PURPOSES)}.`,
    () => `In this ${lower(f.kind)}, ${f.rep} and ${who} covered ${f.topics.length > 1 ? `${lower(f.topics[0] as string)} and ${lower(f.topics[1] as string)}` : topic}.`,
    () => `${who} talked ${f.rep} through how they handle ${topic} today.`,
    () => `${f.rep} called ${who} about ${topic}.`,
  ])();
  const detail = random.pick([
    () => `${f.company} is also looking at ${random.pick(COMPETITORS)} and wants a decision by ${random.pick(TIMELINES)}.`,
    () => `They need about ${random.int(2, 40) * 5} seats; a budget of $${random.int(2, 60) * 5}k is ${random.pick(['approved', 'not yet approved', 'pending with finance'])}.`,
    () => `The main concern was ${random.pick(CONCERNS)}.`,
    () => `They use ${random.pick(TOOLS)} today and asked how the integration works.`,
    () => `${random.pick(ROLES)} has the final say.`,
    () => '',
  ])();
  return [opener, detail].filter(Boolean).map(capitalized).join(' ');
}

/** How a call's outcome bears on what comes next. */
const AGREED = new Set(['Meeting booked', 'Next steps set', 'Referred to colleague', 'Follow-up needed']);
const ENDED = new Set(['Not interested', 'Do not call', 'Disqualified']);

/**
 * The brief's last sentence and the call's "Next steps" highlight, drawn once the outcome is
 * known so that they agree with it: a booked meeting has a next step, a disqualified deal none.
 */
export function closeOf(random: Random, f: Pick<SummaryFacts, 'rep' | 'company'>, outcome: string | null): { sentence: string; nextSteps: string[] } {
  const step = random.pick(NEXT_STEPS);
  const agreed = outcome !== null && AGREED.has(outcome);
  if (outcome === 'Call back later') {
    const when = random.pick(CALL_BACKS);
    return { sentence: `${f.rep} will call back ${when}.`, nextSteps: [capitalized(`call back ${when}`)] };
  }
  if (outcome === 'Gatekeeper') return { sentence: `${f.rep} will try to reach ${random.pick(ROLES)} directly.`, nextSteps: [] };
  if ((outcome !== null && ENDED.has(outcome)) || (!agreed && random.bool(0.4))) {
    const sentence = outcome !== null && ENDED.has(outcome) ? random.pick([`${f.company} is not going ahead.`, 'No next step was agreed.']) : 'No next step was agreed.';
    return { sentence, nextSteps: [] };
  }
  const sentence = random.bool(0.5) ? `Next step: ${step}.` : `${f.rep} will ${step}.`;
  return { sentence, nextSteps: [capitalized(step)] };
}

/** Ends each brief with a sentence that agrees with the call's outcome, and sets its next steps. */
export function closeBriefs(random: Random, calls: readonly SandboxCall[]): void {
  for (const call of calls) {
    if (call.brief === null || !call.briefFacts) continue;
    const close = closeOf(random, call.briefFacts, call.analytics?.outcome?.name ?? null);
    call.brief = `${call.brief} ${close.sentence}`;
    call.nextSteps = close.nextSteps;
  }
}

/** Sentences start upper case, whatever part of the vocabulary opens them. */
function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function keyPointsOf(random: Random, f: SummaryFacts): { text: string }[] {
  const points = [
    () => `${f.company} is comparing us with ${random.pick(COMPETITORS)}.`,
    () => `Budget of $${random.int(2, 60) * 5}k ${random.pick(['approved', 'requested', 'still open'])} for ${random.pick(['this year', 'next fiscal year', 'Q3'])}.`,
    () => `${f.company} expects to decide by ${random.pick(TIMELINES)}.`,
    () => `${f.contact ?? 'The customer'} is the champion; ${random.pick(ROLES)} signs off.`,
    () => `Concern raised about ${random.pick(CONCERNS)}.`,
    () => `Rollout to ${random.int(2, 40) * 10} users in ${random.pick(REGIONS)}.`,
    () => `Integration with ${random.pick(TOOLS)} is a must-have for ${f.company}.`,
    () => `Asked for a ${random.int(1, 6) * 5}% discount on a ${random.int(1, 3)}-year term.`,
    () => `${random.pick(ROLES)} wants a security review before signing.`,
    () => `${random.pick(f.topics.length ? f.topics : ['Pricing'])} took most of the call.`,
    () => `${f.contact ?? f.company} wants the trial to start ${random.pick(['next week', 'on Monday', 'after the holidays', 'once legal signs the NDA'])}.`,
  ];
  return random.sample(points, random.int(1, 5)).map((point) => ({ text: capitalized(point()) }));
}
