import type { CallOutcome, Connection, OutcomeOfCall } from './model';
import type { Random } from './random';

/**
 * The company's call outcomes (GET /v2/call-outcomes) and the outcome each call gets: one
 * list, so that a call's outcome (CallOutcomes) always names an entry of the list
 * (CallOutcomeTypes) with the same name and category. Gong identifies an outcome by its
 * name; the per-call id is that name in upper snake case.
 */

/** What a call must have been like to get the outcome. */
type Fits = Connection | 'meeting';
type OutcomeType = Omit<CallOutcome, 'displayOrder'> & { fits: Fits };

const answered = (callOutcome: string, sentiment: CallOutcome['sentiment'], fits: Fits, todoAction: CallOutcome['todoAction'] = 'COMPLETE'): OutcomeType =>
  ({ callOutcome, connectStatus: 'CONNECTED', sentiment, todoAction, automation: null, category: 'ANSWERED', fits });
const notAnswered = (callOutcome: string, fits: Fits, todoAction: CallOutcome['todoAction'] = 'COMPLETE'): OutcomeType =>
  ({ callOutcome, connectStatus: 'NOT_CONNECTED', sentiment: 'NEUTRAL', todoAction, automation: null, category: 'NOT_ANSWERED', fits });

/** In display order; within a kind of call, the better outcomes first (skilled reps land them more often). */
const DEFAULTS: readonly OutcomeType[] = [
  answered('Meeting booked', 'POSITIVE', 'connected'),
  answered('Call back later', 'POSITIVE', 'connected'),
  answered('Not interested', 'NEGATIVE', 'connected', 'COMPLETE_AND_REMOVE'),
  { ...answered('Do not call', 'NEGATIVE', 'connected', 'COMPLETE_AND_REMOVE'), automation: 'MARK_AS_OPT_OUT' },
  notAnswered('Wrong number', 'wrongNumber', 'COMPLETE_AND_REMOVE'),
  notAnswered('Left voicemail', 'voicemail'),
  notAnswered('No answer', 'noAnswer'),
  answered('Gatekeeper', 'NEUTRAL', 'connected'),
];
/** A custom outcome some companies add (the seed decides). */
const REFERRED = answered('Referred to colleague', 'POSITIVE', 'connected');
/** Outcomes of meetings (conferences), set up beside the dialer's. */
const MEETINGS: readonly OutcomeType[] = [
  answered('Next steps set', 'POSITIVE', 'meeting'),
  answered('Follow-up needed', 'NEUTRAL', 'meeting'),
  answered('No decision', 'NEUTRAL', 'meeting'),
  answered('Disqualified', 'NEGATIVE', 'meeting', 'COMPLETE_AND_REMOVE'),
];
/** Best first, for the skill weighting: a connected dialer call's outcomes. */
const CONNECTED_ORDER = ['Meeting booked', 'Call back later', 'Referred to colleague', 'Gatekeeper', 'Not interested', 'Do not call'];

export function generateCallOutcomes(random: Random): CallOutcome[] {
  const types = [...DEFAULTS, ...(random.bool(0.7) ? [REFERRED] : []), ...MEETINGS];
  return types.map(({ fits: _fits, ...o }, i) => ({ ...o, displayOrder: i + 1 }));
}

/** The id Gong's per-call outcome carries: the name in upper snake case (MEETING_BOOKED). */
export function outcomeId(name: string): string {
  return name.normalize('NFD').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

export function outcomeOf(type: CallOutcome): OutcomeOfCall {
  return { id: outcomeId(type.callOutcome), name: type.callOutcome, category: type.category };
}

/** The outcomes of the list a call like this one can get, best first. */
export function outcomesFitting(list: readonly CallOutcome[], fits: Fits): CallOutcome[] {
  const kinds = new Map([...DEFAULTS, REFERRED, ...MEETINGS].map((t) => [t.callOutcome, t.fits]));
  const fitting = list.filter((o) => kinds.get(o.callOutcome) === fits);
  if (fits !== 'connected') return fitting;
  return fitting.sort((a, b) => CONNECTED_ORDER.indexOf(a.callOutcome) - CONNECTED_ORDER.indexOf(b.callOutcome));
}
