import { at, col, defineTable, equals, filter, list, listOf, range, read } from './define';
import type { Column, EqualsSpan, ReadPath } from './types';

/**
 * Gong's user stats (§13): POST endpoints with a required window of whole days (`fromDate`
 * inclusive, `toDate` exclusive, company time zone, at most today), paged by user.
 * gongsql's one rule for the ends of windows: a last day is included (ToDate, PeriodEnd, and
 * a filter `<=` a day); the exclusive day after exists only in what is sent to Gong.
 */

/** Gong's activity counters: [column, Gong's key, what it counts]. */
const COUNTERS: readonly [string, string, string][] = [
  ['CallsAsHost', 'callsAsHost', 'calls the user hosted'],
  ['CallsAttended', 'callsAttended', 'calls the user attended without hosting'],
  ['CallsGaveFeedback', 'callsGaveFeedback', 'calls the user gave feedback on'],
  ['CallsRequestedFeedback', 'callsRequestedFeedback', 'calls the user asked feedback on'],
  ['CallsReceivedFeedback', 'callsReceivedFeedback', "of the user's calls that received feedback"],
  ['OwnCallsListenedTo', 'ownCallsListenedTo', 'of their own calls the user listened to'],
  ['OthersCallsListenedTo', 'othersCallsListenedTo', "of others' calls the user listened to"],
  ['CallsSharedInternally', 'callsSharedInternally', 'calls the user shared inside the company'],
  ['CallsSharedExternally', 'callsSharedExternally', 'calls the user shared outside the company'],
  ['CallsScorecardsFilled', 'callsScorecardsFilled', 'calls the user filled a scorecard for'],
  ['CallsScorecardsReceived', 'callsScorecardsReceived', "of the user's calls scored by others"],
  ['CallsCommentsGiven', 'callsCommentsGiven', 'calls the user commented on'],
  ['CallsCommentsReceived', 'callsCommentsReceived', "of the user's calls others commented on"],
  ['CallsMarkedAsFeedbackGiven', 'callsMarkedAsFeedbackGiven', 'calls the user marked as feedback given'],
  ['CallsMarkedAsFeedbackReceived', 'callsMarkedAsFeedbackReceived', "of the user's calls marked as feedback received"],
];

/** Days a read without a start covers (Gong has no default; the stats need a window). */
export const STATS_DEFAULT_DAYS = 30;

const WINDOW = { from: 'body:filter.fromDate', to: 'body:filter.toDate', defaultDays: STATS_DEFAULT_DAYS } as const;

const WINDOW_NOTE = `Gong requires a window of whole days (fromDate/toDate, in the company time zone, ending at most today). Without a start the read covers the ${STATS_DEFAULT_DAYS} days before its end; without an end it ends today. EXPLAIN shows the window sent.`;

/** The one rule for last days, said wherever a window's end is (hover, README). */
export const LAST_DAY_RULE = "Last days are included: ToDate and PeriodEnd are the last day covered, and ToDate <= '2026-10-31' reads October 31 (Gong's toDate, sent as the day after, is exclusive).";

const userColumns = (): Column[] => [
  col('UserId', 'id', 'The Gong user (joins Users.Id).', { key: true, source: '$user.userId' }),
  col('UserEmailAddress', 'text', "The user's email address.", { source: '$user.userEmailAddress' }),
];

const userFilter = filter('UserId', ['=', 'IN'], 'Sent to Gong as filter.userIds.');
const userBinding = list('UserId', 'body:filter.userIds');

/** A stats endpoint's read: the window, the users, records unwound by `records`. */
function statsRead(name: string, path: string, bindings: ReadPath['bindings'], records: ReadPath['records']): ReadPath {
  return read({ name, method: 'POST', path, paging: 'body', window: WINDOW, bindings: [...bindings, userBinding], fixed: { body: { filter: {} } }, records });
}

/** Why a totals object's rows depend on its filters, unlike other objects'. */
const TOTALS_NOTE = 'The window filters choose what Gong totals over, so the rows depend on them: a window Gong cannot be sent (with pushdown off, or an OR) reads the default window, whose rows the filters then leave out.';

/** Rows of a per-user list with the user's fields under `$user` and one record per item of `items` that `keep` keeps. */
const perUserItems = (usersKey: string, itemsKey: string, keep: (item: Record<string, unknown>) => boolean = () => true) => (body: Record<string, unknown>) =>
  listOf(usersKey)(body).flatMap((user) => listOf(itemsKey)(user).filter(keep).map((item) => ({ ...item, $user: user })));

/** A day with something in it: which users and quiet days Gong lists depends on the window asked for, a busy day does not. */
const busyDay = (day: Record<string, unknown>) => COUNTERS.some(([, key]) => Array.isArray(day[key]) && (day[key] as unknown[]).length > 0);

/** Whole-window rows: the window Gong echoes (fromDateTime, toDateTime) on each user's record. */
const perUserWindow = (usersKey: string) => (body: Record<string, unknown>) =>
  listOf(usersKey)(body).map((user) => ({ ...user, $user: user, $window: { from: body.fromDateTime, to: body.toDateTime, timeZone: body.timeZone } }));

const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : null);
/** The last day a window covers: Gong's end is exclusive. */
const lastDayOf = (value: unknown) => {
  const ms = typeof value === 'string' ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms - 86_400_000).toISOString().slice(0, 10);
};

const windowColumns = (): Column[] => [
  col('FromDate', 'datetime', 'First day of the window (YYYY-MM-DD).', { key: true, days: true, source: (r) => dayOf(at(r, '$window.from')) }),
  col('ToDate', 'datetime', 'Last day of the window, included (YYYY-MM-DD; Gong\'s toDate is the day after).', { key: true, days: true, source: (r) => lastDayOf(at(r, '$window.to')) }),
  col('TimeZone', 'text', 'The company time zone the days are in.', { source: '$window.timeZone' }),
];

/** How `>` and `<` and a date-time bound a window of whole days (plan.ts dayBounds). */
const DAY_BOUNDS_NOTE = "The window's columns hold days ('YYYY-MM-DD'): `>` a day starts the window the day after, `<` a day ends it the day before; a date-time bounds by its day as SQL compares it (text), and `=` a date-time, which no day equals, is refused.";

const windowFilters = [
  filter('FromDate', ['=', '>', '>=', '<', '<='], `FromDate = or >= sends filter.fromDate; FromDate > '2026-10-01' starts the window on October 2. ${DAY_BOUNDS_NOTE} ${WINDOW_NOTE}`),
  filter('ToDate', ['=', '>', '>=', '<', '<='], `ToDate = or <= sends filter.toDate (the day after); ToDate < '2026-10-31' ends the window on October 30. ${LAST_DAY_RULE}`),
];
const windowBindings = [range('FromDate', 'body:filter.fromDate', undefined, 'date'), range('ToDate', undefined, 'body:filter.toDate', 'date')];

const countColumns = (under: string): Column[] =>
  COUNTERS.map(([name, key, what]) => col(name, 'integer', `How many ${what}.`, { source: `${under}${key}` }));

export const UserActivityStats = defineTable({
  name: 'UserActivityStats',
  group: 'Stats',
  mirror: { kind: 'none', reason: 'totals over the window a query asks for; mirror UserActivityDayByDay and sum its days instead' },
  description: "Each user's activity totals over a window of days (POST /v2/stats/activity/aggregate): calls hosted, attended, listened to, shared, scored, commented on, feedback.",
  columns: [...userColumns(), ...windowColumns(), ...countColumns('userAggregateActivityStats.')],
  filters: [...windowFilters, userFilter],
  reads: [statsRead('stats/activity/aggregate', '/v2/stats/activity/aggregate', windowBindings, perUserWindow('usersAggregateActivityStats'))],
  peculiarities: [WINDOW_NOTE, LAST_DAY_RULE, TOTALS_NOTE, 'Only users with activity in the window are returned.'],
});

export const STATS_PERIODS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
type StatsPeriod = (typeof STATS_PERIODS)[number];

/** Where each period starts, for the error when a `PeriodStart =` day is not such a start. */
const PERIOD_STARTS: Record<StatsPeriod, string> = { DAY: 'every day', WEEK: 'on Mondays', MONTH: 'on the 1st', QUARTER: 'on January, April, July and October 1', YEAR: 'on January 1' };

/** The first day of the period of `unit` that holds `day`, and the first day of the next one. */
function periodAround(unit: StatsPeriod, day: Date): { start: Date; next: Date } {
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  switch (unit) {
    case 'DAY': return { start: day, next: new Date(Date.UTC(y, m, d + 1)) };
    case 'WEEK': {
      const monday = d - ((day.getUTCDay() + 6) % 7);
      return { start: new Date(Date.UTC(y, m, monday)), next: new Date(Date.UTC(y, m, monday + 7)) };
    }
    case 'MONTH': return { start: new Date(Date.UTC(y, m, 1)), next: new Date(Date.UTC(y, m + 1, 1)) };
    case 'QUARTER': return { start: new Date(Date.UTC(y, m - (m % 3), 1)), next: new Date(Date.UTC(y, m - (m % 3) + 3, 1)) };
    case 'YEAR': return { start: new Date(Date.UTC(y, 0, 1)), next: new Date(Date.UTC(y + 1, 0, 1)) };
  }
}

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/**
 * `PeriodStart = day` reads the one period of the `Period =` unit that starts that day, so the
 * row is that whole period (a plain window of one day would total one day of a month).
 */
const onePeriod: EqualsSpan = (text, ms, bound) => {
  const unit = bound.Period as StatsPeriod | undefined;
  if (unit === undefined) return `PeriodStart = '${text}' needs Period = '…' as well (one of ${STATS_PERIODS.join(', ')}): the period says how many days to read; for every period starting that day, use UNION ALL`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return `PeriodStart = takes a day written 'YYYY-MM-DD', not '${text}'`;
  const { start, next } = periodAround(unit, new Date(ms));
  if (start.getTime() !== ms) {
    return `PeriodStart = '${text}' is not the first day of a ${unit} (a ${unit} starts ${PERIOD_STARTS[unit]}): write PeriodStart = '${dayText(start)}' for the ${unit} that holds it, or PeriodStart >= '${text}' for a window from that day`;
  }
  return { from: ms, to: next.getTime() };
};

export const UserActivityByPeriod = defineTable({
  name: 'UserActivityByPeriod',
  group: 'Stats',
  mirror: { kind: 'none', reason: 'the first and last periods are cut to the window a query asks for; mirror UserActivityDayByDay and group its days instead' },
  description: "Each user's activity totals per day, week, month, quarter or year (POST /v2/stats/activity/aggregate-by-period).",
  columns: [
    ...userColumns(),
    col('Period', 'text', `${STATS_PERIODS.join(', ')} (Gong's aggregationPeriod; weeks start on Monday).`, { key: true, source: (_r, ctx) => ctx.bound.Period }),
    col('PeriodStart', 'datetime', 'First day of the period (YYYY-MM-DD), or of the window when the period began earlier.', { key: true, days: true, source: 'fromDate' }),
    col('PeriodEnd', 'datetime', 'Last day of the period, included (YYYY-MM-DD), or of the window when it ends earlier (Gong\'s toDate is the day after).', { days: true, source: (r) => lastDayOf(r.toDate) }),
    ...countColumns(''),
  ],
  filters: [
    filter('Period', ['=', 'IN'], `Sent to Gong as aggregationPeriod, which Gong requires: one of ${STATS_PERIODS.join(', ')} (checked before any request). Required: the periods are views of the same activity, so a read of all of them would count every call once per period. Period IN (…) reads several, one request chain each.`),
    filter('PeriodStart', ['=', '>', '>=', '<', '<='], `Sent to Gong as filter.fromDate/toDate. PeriodStart = '2026-10-01' (with Period =) reads that one period whole; the day must start a period. ${DAY_BOUNDS_NOTE} ${WINDOW_NOTE} ${LAST_DAY_RULE}`),
    userFilter,
  ],
  reads: [{
    ...statsRead('stats/activity/aggregate-by-period', '/v2/stats/activity/aggregate-by-period',
      [equals('Period', 'body:aggregationPeriod', 'text'), range('PeriodStart', 'body:filter.fromDate', 'body:filter.toDate', 'date', onePeriod)],
      perUserItems('usersAggregateActivity', 'userAggregateActivity')),
    requires: ['Period'],
    fanOut: { column: 'Period', values: STATS_PERIODS, chosen: true },
  }],
  peculiarities: [WINDOW_NOTE, LAST_DAY_RULE, TOTALS_NOTE, 'Every period of the window is listed for each user with activity, zeros included; the first and last are cut to the window.'],
});

export const UserActivityDayByDay = defineTable({
  name: 'UserActivityDayByDay',
  group: 'Stats',
  mirror: { kind: 'window', cursor: 'Date' },
  description: "Each user's activity day by day, a row per user and day with activity, with the calls behind every counter (POST /v2/stats/activity/day-by-day).",
  columns: [
    ...userColumns(),
    col('Date', 'datetime', 'The day (YYYY-MM-DD, company time zone).', { key: true, days: true, source: 'fromDate' }),
    ...COUNTERS.flatMap(([name, key, what]) => [
      col(name, 'integer', `How many ${what} that day.`, { source: (r) => (Array.isArray(r[key]) ? (r[key] as unknown[]).length : 0) }),
      col(`${name}CallIds`, 'json', `The ${what} that day: JSON array of call ids (joins Calls.Id through json_each).`, { source: key }),
    ]),
  ],
  filters: [filter('Date', ['=', '>', '>=', '<', '<='], `Sent to Gong as filter.fromDate/toDate (Date = reads that one day). ${DAY_BOUNDS_NOTE} ${WINDOW_NOTE}`), userFilter],
  reads: [statsRead('stats/activity/day-by-day', '/v2/stats/activity/day-by-day', [range('Date', 'body:filter.fromDate', 'body:filter.toDate', 'date')], perUserItems('usersDetailedActivities', 'userDailyActivityStats', busyDay))],
  peculiarities: [
    WINDOW_NOTE,
    'Only days with activity are rows: Gong also lists the quiet days (empty arrays) of every user active somewhere in the window read, which would make the rows depend on the window. A missing row is a day with no activity.',
    'Needs the scope api:stats:user-actions:detailed.',
  ],
});

/** Gong's interaction stats: [column, Gong's name, description]. */
const INTERACTION: readonly [string, string, string][] = [
  ['TalkRatio', 'Talk Ratio', "Share of the call the user talked, 0 to 1."],
  ['LongestMonologue', 'Longest Monologue', 'Longest stretch the user talked without interruption, seconds.'],
  ['LongestCustomerStory', 'Longest Customer Story', 'Longest stretch a customer talked, seconds.'],
  ['Interactivity', 'Interactivity', 'How often the speaker changes, 0 to 10.'],
  ['Patience', 'Patience', 'Seconds the user waited before answering.'],
  ['QuestionRate', 'Question Rate', 'Questions the user asked per hour.'],
];

const statValue = (name: string) => (r: Record<string, unknown>) =>
  listOf('personInteractionStats')(r).find((s) => s.name === name)?.value ?? null;

export const UserInteractionStats = defineTable({
  name: 'UserInteractionStats',
  group: 'Stats',
  mirror: { kind: 'none', reason: 'averages over the window a query asks for, with no per-day form to add up' },
  description: "Each user's interaction stats over a window of days, averaged over the calls they hosted (POST /v2/stats/interaction).",
  columns: [
    ...userColumns(),
    ...windowColumns(),
    ...INTERACTION.map(([name, gong, description]) => col(name, 'real', `${description} ("${gong}")`, { source: statValue(gong) })),
    col('Stats', 'json', 'Every stat Gong sent, JSON array of {name, value} (names Gong may add later included).', { source: 'personInteractionStats' }),
  ],
  filters: [...windowFilters, userFilter],
  reads: [statsRead('stats/interaction', '/v2/stats/interaction', windowBindings, perUserWindow('peopleInteractionStats'))],
  peculiarities: [WINDOW_NOTE, LAST_DAY_RULE, TOTALS_NOTE, 'Only users who hosted calls in the window are returned.'],
});
