/**
 * The conversation-analytics queries of README.md's "Conversation analytics" section: the
 * README shows exactly these (test/integration/engine/analytics.test.ts checks it), and the
 * same test runs each on the sandbox and checks its answer against the sandbox's own data.
 * The dates fit the sandbox the test starts (its last day is 2026-11-26).
 */
import { dealStageSql } from '../../../src/gallery/examples';

export interface AnalyticsQuery {
  readonly title: string;
  /** What the query answers and how to read it: the SQL comment above it in the README. */
  readonly comment: string;
  readonly sql: string;
}

export const TALK_RATIO_BY_REP_PER_MONTH: AnalyticsQuery = {
  title: 'Talk ratio by rep per month',
  comment: `The share of each call the rep's side spoke (0-1), averaged per rep and month.
A rep above ~0.65 month after month is pitching more than listening.
Calls nobody answered (a voicemail, no answer) have no talk ratio: they are left out.`,
  sql: `SELECT u.EmailAddress AS Rep,
       substr(c.Scheduled, 1, 7) AS Month,
       count(*) AS Calls,
       round(avg(i.TalkRatio), 2) AS TalkRatio
FROM Calls c
JOIN CallInteractionStats i ON i.CallId = c.Id
JOIN Users u ON u.Id = c.PrimaryUserId
WHERE c.Scheduled >= '2026-09-01' AND i.TalkRatio IS NOT NULL
GROUP BY u.Id, Month
ORDER BY Rep, Month`,
};

export const LONGEST_MONOLOGUES_LAST_30_DAYS: AnalyticsQuery = {
  title: 'Longest monologues of the last 30 days',
  comment: `The calls where a rep spoke longest without a break (seconds), for coaching.
On your own data write date('now', '-30 days').`,
  sql: `SELECT i.CallId, u.EmailAddress AS Rep, i.LongestMonologue
FROM CallInteractionStats i
JOIN Users u ON u.Id = i.PrimaryUserId
WHERE i.CallScheduled >= date('2026-11-26', '-30 days')
ORDER BY i.LongestMonologue DESC
LIMIT 5`,
};

export const DEAL_STAGE_AT_CALL_VS_NOW: AnalyticsQuery = {
  title: 'Deal stage at call time vs now',
  comment: `Where the opportunities discussed on calls stood when the call happened
(Timing = 'TimeOfCall') and where they are now (Timing = 'Now'): how deals moved since.`,
  sql: dealStageSql("'2026-10-01'"),
};

export const CALLS_PER_OUTCOME: AnalyticsQuery = {
  title: 'Calls per outcome',
  comment: `The outcome set on each call, from the company's list (CallOutcomeTypes): dialer
calls ANSWERED (meeting booked, call back later, …) or NOT_ANSWERED (left voicemail, …),
meetings next steps set, follow-up needed, …; counted. Calls without an outcome have no row.`,
  sql: `SELECT o.Category, o.Name AS Outcome, count(*) AS Calls
FROM CallOutcomes o
JOIN Calls c ON c.Id = o.CallId
WHERE c.Scheduled >= '2026-09-01'
GROUP BY o.Category, o.Name
ORDER BY Calls DESC`,
};

export const QUESTION_RATE_VS_WIN_RATE: AnalyticsQuery = {
  title: 'Question rate vs win rate',
  comment: `Do calls where the rep's side asks more questions end in won deals? Calls on an
opportunity, by the questions the company side asked per hour, with the win rate of each
band: the share whose opportunity is now Closed Won (CallCrmContext, Timing = 'Now').
It reads half a year of calls (their stats by call id): gongsql asks before it spends
more than 50 API calls, with its estimate.`,
  sql: `WITH deals AS (
  SELECT CallId, max(FieldValue = 'Closed Won') AS Won
  FROM CallCrmContext
  WHERE ObjectType = 'Opportunity' AND FieldName = 'StageName' AND Timing = 'Now'
    AND CallScheduled >= '2026-05-01'
  GROUP BY CallId
), rates AS (
  SELECT d.Won, i.CompanyQuestions * 3600.0 / c.Duration AS PerHour
  FROM deals d
  JOIN Calls c ON c.Id = d.CallId
  JOIN CallInteractionStats i ON i.CallId = c.Id
  WHERE c.Scheduled >= '2026-05-01' AND c.Duration > 0
)
SELECT CASE WHEN PerHour < 10 THEN 'under 10'
            WHEN PerHour < 15 THEN '10 to 15'
            WHEN PerHour < 20 THEN '15 to 20'
            ELSE '20 or more' END AS QuestionsPerHour,
       count(*) AS Calls,
       round(avg(Won), 2) AS WinRate
FROM rates
GROUP BY QuestionsPerHour
ORDER BY min(PerHour)`,
};

export const DAY_BY_DAY_ACTIVITY_PER_TEAM: AnalyticsQuery = {
  title: 'Day-by-day activity per team',
  comment: `A team is a manager's direct reports (Users.ManagerId), named by its manager:
each day, how many reps were on calls, and the calls they hosted, attended and listened to.`,
  sql: `SELECT d.Date,
       m.FirstName || ' ' || m.LastName AS Team,
       count(DISTINCT CASE WHEN d.CallsAsHost + d.CallsAttended > 0 THEN d.UserId END) AS RepsOnCalls,
       sum(d.CallsAsHost) AS CallsHosted,
       sum(d.CallsAttended) AS CallsAttended,
       sum(d.OwnCallsListenedTo + d.OthersCallsListenedTo) AS CallsListenedTo,
       sum(d.CallsReceivedFeedback) AS CallsWithFeedback
FROM UserActivityDayByDay d
JOIN Users u ON u.Id = d.UserId
JOIN Users m ON m.Id = u.ManagerId
WHERE d.Date >= '2026-11-01' AND d.Date < '2026-11-15'
GROUP BY d.Date, m.Id
ORDER BY d.Date, Team`,
};

/** In the README's order. */
export const ANALYTICS_QUERIES: readonly AnalyticsQuery[] = [
  TALK_RATIO_BY_REP_PER_MONTH, LONGEST_MONOLOGUES_LAST_30_DAYS, DEAL_STAGE_AT_CALL_VS_NOW,
  CALLS_PER_OUTCOME, QUESTION_RATE_VS_WIN_RATE, DAY_BY_DAY_ACTIVITY_PER_TEAM,
];

/** A query as README.md shows it: a heading, then the SQL with its comment. */
export function readmeBlock(query: AnalyticsQuery): string {
  const comment = query.comment.split('\n').map((line) => `-- ${line}`).join('\n');
  return `#### ${query.title}\n\n\`\`\`sql\n${comment}\n${query.sql}\n\`\`\``;
}
