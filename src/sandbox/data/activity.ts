import type { ActivityEvent, ActivityKind, AnsweredScorecard, SandboxCall, User } from './model';
import { Random } from './random';

/**
 * What Gong's activity stats count, as events derived from the world's calls: hosting and
 * attending from the parties, comments, scorecards filled and received, plus the listening,
 * sharing and feedback Gong sees in its own app (drawn from a stream of their own). Each rep
 * has a habit (how often they review their calls, share, ask for feedback); each manager a
 * coaching intensity; adoption grows over time; a few users are outliers.
 */
export function generateActivity(random: Random, calls: readonly SandboxCall[], answered: readonly AnsweredScorecard[], users: readonly User[], anchorMs: number, spanMs: number): ActivityEvent[] {
  const habits = new Map(users.map((u) => [u.id, habitOf(random, u)]));
  const managerOf = new Map(users.map((u) => [u.id, u.managerId]));
  const events: ActivityEvent[] = [];
  const add = (userId: string | null | undefined, kind: ActivityKind, callId: string, ms: number) => {
    if (userId && ms < anchorMs) events.push({ userId, kind, callId, ms });
  };
  for (const call of calls) {
    if (call.state !== 'processed') continue;
    const id = call.meta.id;
    const host = call.meta.primaryUserId;
    const startedMs = Date.parse(call.meta.started);
    const endMs = startedMs + call.meta.duration * 1000;
    add(host, 'callsAsHost', id, startedMs);
    for (const p of call.parties) if (p.affiliation === 'Internal' && p.userId !== host && p.methods.includes('Attendee')) add(p.userId, 'callsAttended', id, startedMs);
    for (const c of call.comments) {
      const posted = Date.parse(c.posted);
      add(c.commenterUserId, 'callsCommentsGiven', id, posted);
      if (c.commenterUserId !== host) add(host, 'callsCommentsReceived', id, posted);
    }
    // Adoption: a call at the start of the span draws half the engagement of a recent one.
    const adoption = 0.5 + 0.5 * (1 - (anchorMs - startedMs) / spanMs);
    const habit = habits.get(host) as Habit;
    const later = () => endMs + random.int(10, 4 * 24 * 60) * 60_000;
    if (random.bool(habit.review * adoption)) add(host, 'ownCallsListenedTo', id, later());
    if (random.bool(habit.share * adoption)) add(host, random.bool(0.7) ? 'callsSharedInternally' : 'callsSharedExternally', id, later());
    const manager = managerOf.get(host);
    const coaching = (manager && habits.get(manager)?.coaching) || 0;
    const requested = random.bool(habit.askFeedback * adoption);
    if (requested) add(host, 'callsRequestedFeedback', id, later());
    if (manager && random.bool(Math.min(0.95, coaching * adoption * (requested ? 2 : 1)))) {
      const at = later();
      add(manager, 'othersCallsListenedTo', id, at);
      if (random.bool(0.6)) {
        add(manager, 'callsGaveFeedback', id, at);
        add(host, 'callsReceivedFeedback', id, at);
        if (random.bool(0.5)) {
          add(manager, 'callsMarkedAsFeedbackGiven', id, at);
          add(host, 'callsMarkedAsFeedbackReceived', id, at);
        }
      }
    }
  }
  for (const a of answered) {
    const ms = Date.parse(a.reviewTime);
    add(a.reviewerUserId, 'callsScorecardsFilled', a.callId, ms);
    add(a.reviewedUserId, 'callsScorecardsReceived', a.callId, ms);
  }
  return events.sort((a, b) => a.ms - b.ms);
}

interface Habit { review: number; share: number; askFeedback: number; coaching: number }

/** How engaged a user is; about one in twenty is an outlier (a power reviewer or a coach who listens to everything). */
function habitOf(random: Random, user: User): Habit {
  const outlier = random.bool(0.05);
  return {
    review: outlier ? 0.9 : random.next() * 0.35,
    share: random.next() * (outlier ? 0.6 : 0.15),
    askFeedback: random.next() * 0.2,
    coaching: user.title === 'Sales Manager' || user.title === 'CRO' ? (outlier ? 0.9 : 0.1 + random.next() * 0.4) : 0,
  };
}
