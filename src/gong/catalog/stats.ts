import { at, col, defineTable, equals, filter, list, listOf, range, read } from './define';
import type { Column, ReadPath } from './types';

/**
 * Gong's user stats (§13): POST endpoints with a required window of whole days (`fromDate`
 * inclusive, `toDate` exclusive, company time zone, at most today), paged by user.
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
  col('FromDate', 'datetime', 'First day of the window (YYYY-MM-DD).', { key: true, source: (r) => dayOf(at(r, '$window.from')) }),
  col('ToDate', 'datetime', 'Last day of the window, included (YYYY-MM-DD; Gong\'s toDate is the day after).', { key: true, source: (r) => lastDayOf(at(r, '$window.to')) }),
  col('TimeZone', 'text', 'The company time zone the days are in.', { source: '$window.timeZone' }),
];

const windowFilters = [
  filter('FromDate', ['>', '>=', '<', '<='], `FromDate >= sends filter.fromDate. ${WINDOW_NOTE}`),
  filter('ToDate', ['>', '>=', '<', '<='], 'ToDate <= sends filter.toDate (the day after).'),
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
  peculiarities: [WINDOW_NOTE, TOTALS_NOTE, 'Only users with activity in the window are returned.'],
});

export const STATS_PERIODS = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;

export const UserActivityByPeriod = defineTable({
  name: 'UserActivityByPeriod',
  group: 'Stats',
  mirror: { kind: 'none', reason: 'the first and last periods are cut to the window a query asks for; mirror UserActivityDayByDay and group its days instead' },
  description: "Each user's activity totals per day, week, month, quarter or year (POST /v2/stats/activity/aggregate-by-period).",
  columns: [
    ...userColumns(),
    col('Period', 'text', `${STATS_PERIODS.join(', ')} (Gong's aggregationPeriod; weeks start on Monday).`, { key: true, source: (_r, ctx) => ctx.bound.Period }),
    col('PeriodStart', 'datetime', 'First day of the period (YYYY-MM-DD), or of the window when the period began earlier.', { key: true, source: 'fromDate' }),
    col('PeriodEnd', 'datetime', 'Day after the period (YYYY-MM-DD, exclusive), or the end of the window when it is earlier.', { source: 'toDate' }),
    ...countColumns(''),
  ],
  filters: [
    filter('Period', ['='], 'Sent to Gong as aggregationPeriod, which Gong requires: without it, one request chain per period.'),
    filter('PeriodStart', ['>', '>=', '<', '<='], `Sent to Gong as filter.fromDate/toDate. ${WINDOW_NOTE}`),
    userFilter,
  ],
  reads: [{
    ...statsRead('stats/activity/aggregate-by-period', '/v2/stats/activity/aggregate-by-period',
      [equals('Period', 'body:aggregationPeriod', 'text'), range('PeriodStart', 'body:filter.fromDate', 'body:filter.toDate', 'date')],
      perUserItems('usersAggregateActivity', 'userAggregateActivity')),
    requires: ['Period'],
    fanOut: { column: 'Period', values: STATS_PERIODS },
  }],
  peculiarities: [WINDOW_NOTE, TOTALS_NOTE, 'Every period of the window is listed for each user with activity, zeros included; the first and last are cut to the window.'],
});

export const UserActivityDayByDay = defineTable({
  name: 'UserActivityDayByDay',
  group: 'Stats',
  mirror: { kind: 'window', cursor: 'Date' },
  description: "Each user's activity day by day, a row per user and day with activity, with the calls behind every counter (POST /v2/stats/activity/day-by-day).",
  columns: [
    ...userColumns(),
    col('Date', 'datetime', 'The day (YYYY-MM-DD, company time zone).', { key: true, source: 'fromDate' }),
    ...COUNTERS.flatMap(([name, key, what]) => [
      col(name, 'integer', `How many ${what} that day.`, { source: (r) => (Array.isArray(r[key]) ? (r[key] as unknown[]).length : 0) }),
      col(`${name}CallIds`, 'json', `The ${what} that day: JSON array of call ids (joins Calls.Id through json_each).`, { source: key }),
    ]),
  ],
  filters: [filter('Date', ['>', '>=', '<', '<='], `Sent to Gong as filter.fromDate/toDate. ${WINDOW_NOTE}`), userFilter],
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
  peculiarities: [WINDOW_NOTE, TOTALS_NOTE, 'Only users who hosted calls in the window are returned.'],
});
