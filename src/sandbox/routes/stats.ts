import { isConversation } from '../data/analytics';
import { ACTIVITY_KINDS, type ActivityEvent, type ActivityKind, type CallAnalytics, type SandboxCall, type User } from '../data/model';
import { nonEmpty, postPaging } from '../http/context';
import { badRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, optEnum, optIdList, optDate, type Json } from '../http/validate';

/**
 * Gong's user stats (/v2/stats/activity/aggregate, aggregate-by-period, day-by-day and
 * /v2/stats/interaction): a required whole-day window in the company time zone (UTC here),
 * paged by user, 100 users a page, only users with activity, 404 when none.
 */

const DAY_MS = 86_400_000;
const NO_STATS = 'No stats found corresponding to the provided filters';
const TIME_ZONE = 'UTC';

interface StatsRequest { body: Json; from: number; to: number; userIds?: Set<string> }

/** The common filter: fromDate and toDate are required, toDate at most the end of today. */
async function statsRequest(ctx: RequestContext): Promise<StatsRequest> {
  const body = asObject(await ctx.json(), 'body');
  if (body.filter === undefined || body.filter === null) throw badRequest('filter is required');
  const f = asObject(body.filter, 'filter');
  const from = optDate(f.fromDate, 'filter.fromDate');
  const to = optDate(f.toDate, 'filter.toDate');
  if (from === undefined) throw badRequest('filter.fromDate is required');
  if (to === undefined) throw badRequest('filter.toDate is required');
  if (to > Math.floor(ctx.now() / DAY_MS) * DAY_MS + DAY_MS) throw badRequest('filter.toDate must not be after the current day');
  if (to <= from) throw badRequest('filter.toDate must be after filter.fromDate');
  const ids = optIdList(f.userIds, 'filter.userIds');
  return { body, from, to, userIds: ids && new Set(ids) };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dateTime = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The events of the window, grouped by user, for the users asked for; users in id order. */
function eventsByUser(ctx: RequestContext, r: StatsRequest): [User, ActivityEvent[]][] {
  const byUser = new Map<string, ActivityEvent[]>();
  for (const e of ctx.store.world.activity) {
    if (e.ms < r.from || e.ms >= r.to || (r.userIds && !r.userIds.has(e.userId))) continue;
    byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
  }
  return usersInOrder(ctx, byUser);
}

function usersInOrder<T>(ctx: RequestContext, byUser: Map<string, T>): [User, T][] {
  return ctx.store.world.users
    .filter((u) => byUser.has(u.id))
    .sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1))
    .map((u) => [u, byUser.get(u.id) as T]);
}

/** One page of users; the paging key is the user id. */
function pageOf<T>(ctx: RequestContext, r: StatsRequest, entries: [User, T][]) {
  return ctx.pager.page(nonEmpty(entries, NO_STATS), ([u]) => u.id.padStart(20, '0'), postPaging(ctx, r.body));
}

/** Distinct calls per counter. */
function counts(events: readonly ActivityEvent[]): Record<ActivityKind, number> {
  const lists = callIdLists(events);
  return Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, lists[k].length])) as Record<ActivityKind, number>;
}

/** The calls of each counter, as day-by-day sends them. */
function callIdLists(events: readonly ActivityEvent[]): Record<ActivityKind, string[]> {
  const sets = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, new Set<string>()])) as Record<ActivityKind, Set<string>>;
  for (const e of events) sets[e.kind].add(e.callId);
  return Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, [...sets[k]]])) as Record<ActivityKind, string[]>;
}

/** Gong echoes the window of whole-window stats. */
const windowEcho = (r: StatsRequest) => ({ fromDateTime: dateTime(r.from), toDateTime: dateTime(r.to), timeZone: TIME_ZONE });

/**
 * An activity route: the window, then a page of the users with activity in it, each with
 * `statsKey` from what `prepare` (which may refuse the request first) makes of their events.
 */
function activityRoute(pattern: string, scope: string, listKey: string, statsKey: string, prepare: (r: StatsRequest) => (events: ActivityEvent[]) => unknown, echo?: (r: StatsRequest) => Json): Route {
  return {
    method: 'POST',
    pattern,
    scope,
    async handle(ctx) {
      const r = await statsRequest(ctx);
      const statsOf = prepare(r);
      const page = pageOf(ctx, r, eventsByUser(ctx, r));
      const users = page.items.map(([u, events]) => ({ userId: u.id, userEmailAddress: u.emailAddress, [statsKey]: statsOf(events) }));
      return { body: { records: page.records, [listKey]: users, ...echo?.(r) } };
    },
  };
}

/** Each period's summary of the events in it, dated as Gong dates them. */
const perPeriod = (periods: [number, number][], summarize: (events: ActivityEvent[]) => object) => (events: ActivityEvent[]) =>
  periods.map(([start, end]) => ({ ...summarize(events.filter((e) => e.ms >= start && e.ms < end)), fromDate: day(start), toDate: day(end) }));

const aggregate = activityRoute('/v2/stats/activity/aggregate', 'api:stats:user-actions', 'usersAggregateActivityStats', 'userAggregateActivityStats', () => counts, windowEcho);

const PERIODS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
type Period = (typeof PERIODS)[number];

/** The start of the calendar period holding `ms` (weeks start on Monday), and the start of the next. */
function periodBounds(ms: number, period: Period): [number, number] {
  const d = new Date(Math.floor(ms / DAY_MS) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'DAY': return [d.getTime(), d.getTime() + DAY_MS];
    case 'WEEK': {
      const start = d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS;
      return [start, start + 7 * DAY_MS];
    }
    case 'MONTH': return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)];
    case 'QUARTER': return [Date.UTC(y, m - (m % 3), 1), Date.UTC(y, m - (m % 3) + 3, 1)];
    case 'YEAR': return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  }
}

/** Every period of the window, the first and last cut to the window. */
function periodsOf(from: number, to: number, period: Period): [number, number][] {
  const periods: [number, number][] = [];
  for (let start = from; start < to;) {
    const end = Math.min(periodBounds(start, period)[1], to);
    periods.push([start, end]);
    start = end;
  }
  return periods;
}

const byPeriod = activityRoute('/v2/stats/activity/aggregate-by-period', 'api:stats:user-actions', 'usersAggregateActivity', 'userAggregateActivity', (r) => {
  const period = optEnum(r.body.aggregationPeriod, 'aggregationPeriod', PERIODS);
  if (period === undefined) throw badRequest(`aggregationPeriod is required: one of ${PERIODS.join(', ')}`);
  return perPeriod(periodsOf(r.from, r.to, period), counts);
});

// One entry for every day of the window, empty arrays on quiet days.
const dayByDay = activityRoute('/v2/stats/activity/day-by-day', 'api:stats:user-actions:detailed', 'usersDetailedActivities', 'userDailyActivityStats', (r) => perPeriod(periodsOf(r.from, r.to, 'DAY'), callIdLists));

/** Gong's interaction stats names, as /v2/stats/interaction sends them. */
const INTERACTION = ['Talk Ratio', 'Longest Monologue', 'Longest Customer Story', 'Interactivity', 'Patience', 'Question Rate'] as const;

/**
 * The averages of the per-call stats (CallInteractionStats) over the conversations the user
 * hosted in the window: calls where both the company and a customer spoke (a voicemail or
 * an internal call has no talk ratio to speak of). Question Rate is the company's questions per hour.
 */
function interactionOf(calls: readonly SandboxCall[]): { name: string; value: number }[] {
  const perCall = calls.map((call) => {
    const a = call.analytics as CallAnalytics;
    return [a.talkRatio, a.longestMonologue, a.longestCustomerStory, a.interactivity, a.patience, (a.companyQuestions * 3600) / call.meta.duration];
  });
  return INTERACTION.map((name, i) => ({ name, value: Math.round((perCall.reduce((sum, v) => sum + (v[i] as number), 0) / perCall.length) * 100) / 100 }));
}

const interaction: Route = {
  method: 'POST',
  pattern: '/v2/stats/interaction',
  scope: 'api:stats:interaction',
  async handle(ctx) {
    const r = await statsRequest(ctx);
    const hosted = new Map<string, SandboxCall[]>();
    for (const call of ctx.store.callsInWindow(r.from, r.to)) {
      if (!isConversation(call)) continue;
      const host = call.meta.primaryUserId;
      if (!r.userIds || r.userIds.has(host)) hosted.set(host, [...(hosted.get(host) ?? []), call]);
    }
    const page = pageOf(ctx, r, usersInOrder(ctx, hosted));
    return {
      body: {
        records: page.records,
        peopleInteractionStats: page.items.map(([u, calls]) => ({ userId: u.id, userEmailAddress: u.emailAddress, personInteractionStats: interactionOf(calls) })),
        ...windowEcho(r),
      },
    };
  },
};

export const statsRoutes: Route[] = [aggregate, byPeriod, dayByDay, interaction];
