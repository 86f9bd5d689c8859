/**
 * The gallery of Gong queries (*Gong: Example Queries*): worked, commented examples across the
 * catalog, as data. The editor shows them grouped by topic and opens one in a new editor or
 * notebook (src/extension/exampleQueries.ts); test/integration/gallery runs every one on the
 * sandbox. Dates are relative to today (`date('now', …)`) so an example fits any data set.
 */

export const TOPICS = [
  'Calls', 'Conversation analytics', 'Trackers and topics', 'Scorecards', 'Deals',
  'People and activity', 'Transcripts', 'Library and settings', 'Writes and procedures',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * What running an example does to Gong: reads it, changes it (an INSERT, UPDATE or a CALL
 * that can be undone), or erases data for good. Writes still ask what any write asks.
 */
export type Effect = 'read' | 'write' | 'irreversible';

export interface Example {
  /** Stable and unique: tests and the quick pick name an example by it. */
  readonly id: string;
  readonly topic: Topic;
  readonly title: string;
  /** What it answers and how to read the answer: the comment above the SQL. */
  readonly about: string;
  readonly sql: string;
  readonly effect: Effect;
  /** Written for a mirror connection (0 API calls over every synced call). */
  readonly onMirror?: boolean;
}

const read = (topic: Topic, id: string, title: string, about: string, sql: string): Example => ({ id, topic, title, about, sql, effect: 'read' });
const onMirror = (example: Example): Example => ({ ...example, onMirror: true });
const change = (effect: Exclude<Effect, 'read'>, id: string, title: string, about: string, sql: string): Example =>
  ({ id, topic: 'Writes and procedures', title, about, sql, effect });

/**
 * Deal stage at call time vs now, for the calls since `since` (a SQL expression): the gallery
 * asks for the last 60 days, README's "Conversation analytics" for a date of the sandbox's.
 */
export function dealStageSql(since: string): string {
  return `SELECT atCall.FieldValue AS StageAtCall,
       today.FieldValue AS StageNow,
       count(*) AS Calls
FROM CallCrmContext atCall
JOIN CallCrmContext today
  ON today.CallId = atCall.CallId AND today.ObjectId = atCall.ObjectId
 AND today.FieldName = atCall.FieldName AND today.Timing = 'Now'
WHERE atCall.ObjectType = 'Opportunity' AND atCall.FieldName = 'StageName'
  AND atCall.Timing = 'TimeOfCall' AND atCall.CallScheduled >= ${since}
GROUP BY StageAtCall, StageNow
ORDER BY StageAtCall, Calls DESC`;
}

export const EXAMPLES: readonly Example[] = [
  // ---- Calls -----------------------------------------------------------------------
  read('Calls', 'calls-per-week-by-workspace', 'Calls per week by workspace',
    `How many calls each workspace recorded each week (weeks start on Monday) over the last
12 weeks.`,
    `SELECT date(c.Scheduled, '-6 days', 'weekday 1') AS Week,
       w.Name AS Workspace,
       count(*) AS Calls
FROM Calls c
JOIN Workspaces w ON w.Id = c.WorkspaceId
WHERE c.Scheduled >= date('now', '-84 days')
GROUP BY Week, w.Id
ORDER BY Week, Workspace`),
  read('Calls', 'busiest-reps-last-30-days', 'Busiest reps of the last 30 days',
    `The reps who hosted the most calls in the last 30 days, with their total and average
call length in minutes.`,
    `SELECT u.FirstName || ' ' || u.LastName AS Rep,
       count(*) AS Calls,
       round(sum(c.Duration) / 60.0) AS Minutes,
       round(avg(c.Duration) / 60.0, 1) AS AvgMinutes
FROM Calls c
JOIN Users u ON u.Id = c.PrimaryUserId
WHERE c.Scheduled >= date('now', '-30 days')
GROUP BY u.Id
ORDER BY Calls DESC
LIMIT 10`),
  read('Calls', 'external-companies-met', 'Companies met most often',
    `The external participants' email domains on the last 30 days' calls: which customers and
prospects the team spends its time with. Parties without an email address are left out.`,
    `SELECT lower(substr(p.EmailAddress, instr(p.EmailAddress, '@') + 1)) AS Domain,
       count(DISTINCT p.CallId) AS Calls,
       count(DISTINCT lower(p.EmailAddress)) AS People
FROM CallParties p
WHERE p.CallScheduled >= date('now', '-30 days')
  AND p.Affiliation = 'External' AND p.EmailAddress LIKE '%@%'
GROUP BY Domain
ORDER BY Calls DESC
LIMIT 15`),
  read('Calls', 'calls-by-direction-and-system', 'Calls by direction and system',
    `Where calls come from: the dialer or meeting system that recorded them and their direction
(Inbound, Outbound, Conference), over the last 90 days.`,
    `SELECT System, Direction, count(*) AS Calls, round(avg(Duration) / 60.0, 1) AS AvgMinutes
FROM Calls
WHERE Scheduled >= date('now', '-90 days')
GROUP BY System, Direction
ORDER BY Calls DESC`),

  // ---- Conversation analytics --------------------------------------------------------
  read('Conversation analytics', 'talk-ratio-by-rep', 'Talk ratio by rep',
    `The share of each call the rep's side spoke (0-1), averaged per rep over the last 90 days.
A rep above ~0.65 is pitching more than listening; compare Patience (seconds of silence
before answering) and questions asked per call. Calls nobody answered have no stats: left out.`,
    `SELECT u.EmailAddress AS Rep,
       count(*) AS Calls,
       round(avg(i.TalkRatio), 2) AS TalkRatio,
       round(avg(i.Patience), 2) AS Patience,
       round(avg(i.CompanyQuestions), 1) AS QuestionsPerCall
FROM CallInteractionStats i
JOIN Users u ON u.Id = i.PrimaryUserId
WHERE i.CallScheduled >= date('now', '-90 days') AND i.TalkRatio IS NOT NULL
GROUP BY u.Id
HAVING count(*) >= 3
ORDER BY TalkRatio DESC`),
  read('Conversation analytics', 'longest-monologues', 'Longest monologues of the last 30 days',
    `The calls where a rep spoke longest without a break (seconds), for coaching: open the
call in Gong with its Url.`,
    `SELECT c.Title, u.EmailAddress AS Rep, i.LongestMonologue, c.Url
FROM CallInteractionStats i
JOIN Calls c ON c.Id = i.CallId
JOIN Users u ON u.Id = i.PrimaryUserId
WHERE i.CallScheduled >= date('now', '-30 days')
  AND c.Scheduled >= date('now', '-30 days')
ORDER BY i.LongestMonologue DESC
LIMIT 10`),
  read('Conversation analytics', 'customer-talk-time', 'Who speaks on calls: company vs customer',
    `Talk time per side (Internal: your company; External: customers and prospects) per week
of the last 8 weeks, in minutes, from each speaker's talk time (CallSpeakers).`,
    `SELECT date(CallScheduled, '-6 days', 'weekday 1') AS Week,
       Affiliation,
       round(sum(TalkTime) / 60.0) AS Minutes,
       count(DISTINCT CallId) AS Calls
FROM CallSpeakers
WHERE CallScheduled >= date('now', '-56 days')
GROUP BY Week, Affiliation
ORDER BY Week, Affiliation`),
  read('Conversation analytics', 'calls-per-outcome', 'Calls per outcome',
    `The outcome set on each call (dialer calls: answered, not answered, bad number; meetings:
next steps, follow-up, …) over the last 60 days, counted. Calls without an outcome have no row.`,
    `SELECT Category, Name AS Outcome, count(*) AS Calls
FROM CallOutcomes
WHERE CallScheduled >= date('now', '-60 days')
GROUP BY Category, Name
ORDER BY Calls DESC`),
  read('Conversation analytics', 'call-structure', 'How calls are spent: the parts of a call',
    `The parts Gong recognised in the last 30 days' calls (setup, discovery, demo, …), how often
each comes up and how long it lasts on average, in minutes.`,
    `SELECT Name AS Part,
       count(*) AS Calls,
       round(avg(Duration) / 60.0, 1) AS AvgMinutes,
       round(avg(Position), 1) AS AvgPosition
FROM CallStructure
WHERE CallScheduled >= date('now', '-30 days')
GROUP BY Name
ORDER BY AvgPosition`),
  read('Conversation analytics', 'recent-briefs', 'What happened on the latest calls',
    `Gong's AI brief and key points of the 10 latest calls: a morning read of what the team
talked about. Key points are joined into one cell per call.`,
    `WITH latest AS (
  SELECT Id, Title, Scheduled FROM Calls
  WHERE Scheduled >= date('now', '-7 days')
  ORDER BY Scheduled DESC
  LIMIT 10
)
SELECT l.Scheduled, l.Title, b.Brief,
       (SELECT group_concat(k.Text, ' • ') FROM CallKeyPoints k
        WHERE k.CallId = l.Id AND k.CallScheduled >= date('now', '-7 days')) AS KeyPoints
FROM latest l
LEFT JOIN CallBriefs b ON b.CallId = l.Id AND b.CallScheduled >= date('now', '-7 days')
ORDER BY l.Scheduled DESC`),

  // ---- Trackers and topics -------------------------------------------------------------
  read('Trackers and topics', 'tracker-mentions-over-time', 'Tracker mentions over time',
    `How often each keyword tracker fired per week over the last 12 weeks (a tracker counts its
occurrences in a call). A rising competitor tracker is worth a look.`,
    `SELECT date(CallScheduled, '-6 days', 'weekday 1') AS Week,
       Name AS Tracker,
       sum(Count) AS Mentions,
       count(DISTINCT CallId) AS Calls
FROM CallTrackers
WHERE CallScheduled >= date('now', '-84 days')
GROUP BY Week, Name
ORDER BY Week, Mentions DESC`),
  read('Trackers and topics', 'topics-by-time-spent', 'Topics by time spent',
    `The topics Gong detected in the last 30 days' calls, by the total time spent on them (in
minutes) and the number of calls they came up in.`,
    `SELECT Name AS Topic,
       round(sum(Duration) / 60.0) AS Minutes,
       count(DISTINCT CallId) AS Calls
FROM CallTopics
WHERE CallScheduled >= date('now', '-30 days')
GROUP BY Name
ORDER BY Minutes DESC`),

  // ---- Scorecards ---------------------------------------------------------------------
  read('Scorecards', 'scorecard-answer-distribution', 'Scorecard answer distributions',
    `For each scored question of each scorecard: how the answers of the last 90 days spread over
the scores (Percent: the share of the question's answers that gave that score). Questions
answered "not applicable" are left out.`,
    `SELECT s.ScorecardName AS Scorecard,
       q.QuestionText AS Question,
       a.Score,
       count(*) AS Answers,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY a.ScorecardId, a.QuestionId)) AS Percent
FROM AnsweredScorecardAnswers a
JOIN ScoreCards s ON s.ScorecardId = a.ScorecardId
JOIN ScoreCardQuestions q ON q.QuestionId = a.QuestionId AND q.ScorecardId = a.ScorecardId
WHERE a.ReviewTime >= date('now', '-90 days')
  AND a.Score IS NOT NULL AND NOT a.NotApplicable
GROUP BY a.ScorecardId, a.QuestionId, a.Score
ORDER BY Scorecard, Question, a.Score`),
  read('Scorecards', 'scorecards-per-reviewer', 'Who fills in scorecards',
    `Scorecards filled in over the last 90 days per reviewer and method (manual or automatic),
and how many different reps they reviewed.`,
    `SELECT coalesce(u.EmailAddress, 'Gong (automatic)') AS Reviewer,
       a.ReviewMethod,
       count(*) AS Scorecards,
       count(DISTINCT a.ReviewedUserId) AS RepsReviewed
FROM AnsweredScorecards a
LEFT JOIN Users u ON u.Id = a.ReviewerUserId
WHERE a.ReviewTime >= date('now', '-90 days')
GROUP BY Reviewer, a.ReviewMethod
ORDER BY Scorecards DESC`),

  // ---- Deals ----------------------------------------------------------------------------
  read('Deals', 'deal-stage-at-call-vs-now', 'Deal stage at call time vs now',
    `Where the opportunities discussed on calls stood when the call happened
(Timing = 'TimeOfCall') and where they are now (Timing = 'Now'): how deals moved since.`,
    dealStageSql("date('now', '-60 days')")),
  read('Deals', 'pipeline-discussed-by-stage', 'Pipeline discussed on calls, then and now',
    `The opportunities discussed on the last 60 days' calls, grouped by their stage now: how
many, and their total Amount at the time of the call and today (deals grow and shrink after
they are discussed).`,
    `WITH amounts AS (
  SELECT CallId, ObjectId,
         max(CASE WHEN FieldName = 'StageName' AND Timing = 'Now' THEN FieldValue END) AS StageNow,
         max(CASE WHEN FieldName = 'Amount' AND Timing = 'TimeOfCall' THEN CAST(FieldValue AS REAL) END) AS AmountAtCall,
         max(CASE WHEN FieldName = 'Amount' AND Timing = 'Now' THEN CAST(FieldValue AS REAL) END) AS AmountNow
  FROM CallCrmContext
  WHERE ObjectType = 'Opportunity' AND CallScheduled >= date('now', '-60 days')
  GROUP BY CallId, ObjectId
)
SELECT StageNow,
       count(DISTINCT ObjectId) AS Opportunities,
       round(sum(AmountAtCall)) AS AmountAtCall,
       round(sum(AmountNow)) AS AmountNow
FROM amounts
GROUP BY StageNow
ORDER BY AmountNow DESC`),

  // ---- People and activity --------------------------------------------------------------
  read('People and activity', 'calls-hosted-per-week', 'Calls hosted per rep per week',
    `Gong's weekly activity totals (UserActivityByPeriod, Period = 'WEEK') of the last 8 weeks:
calls each user hosted and attended, and calls they listened to. Users with no calls are left out.`,
    `SELECT PeriodStart AS Week, UserEmailAddress AS Rep,
       CallsAsHost, CallsAttended,
       OwnCallsListenedTo + OthersCallsListenedTo AS CallsListenedTo
FROM UserActivityByPeriod
WHERE Period = 'WEEK' AND PeriodStart >= date('now', '-56 days')
  AND CallsAsHost + CallsAttended > 0
ORDER BY Week, CallsAsHost DESC`),
  read('People and activity', 'team-activity-day-by-day', 'Day-by-day activity per team',
    `A team is a manager's direct reports (Users.ManagerId), named by its manager: each day of
the last two weeks, how many reps were on calls, and the calls they hosted and listened to.`,
    `SELECT d.Date,
       m.FirstName || ' ' || m.LastName AS Team,
       count(DISTINCT CASE WHEN d.CallsAsHost + d.CallsAttended > 0 THEN d.UserId END) AS RepsOnCalls,
       sum(d.CallsAsHost) AS CallsHosted,
       sum(d.OwnCallsListenedTo + d.OthersCallsListenedTo) AS CallsListenedTo
FROM UserActivityDayByDay d
JOIN Users u ON u.Id = d.UserId
JOIN Users m ON m.Id = u.ManagerId
WHERE d.Date >= date('now', '-14 days')
GROUP BY d.Date, m.Id
ORDER BY d.Date, Team`),
  read('People and activity', 'interaction-stats-per-rep', 'Reps who listen least',
    `Gong's interaction stats per user over the last 30 days (UserInteractionStats, averaged
over the calls they hosted): the highest talk ratios and longest monologues first.`,
    `SELECT UserEmailAddress AS Rep,
       round(TalkRatio, 2) AS TalkRatio,
       round(LongestMonologue) AS LongestMonologue,
       round(Patience, 2) AS Patience,
       round(QuestionRate, 1) AS QuestionRate
FROM UserInteractionStats
WHERE FromDate >= date('now', '-30 days')
  AND TalkRatio IS NOT NULL
ORDER BY TalkRatio DESC
LIMIT 15`),
  read('People and activity', 'teams-and-managers', 'Teams and their managers',
    `Every manager with the number of active direct reports (Users.ManagerId) and how many of
them hosted a call in the last 30 days.`,
    `SELECT m.FirstName || ' ' || m.LastName AS Manager,
       count(DISTINCT u.Id) AS Reports,
       count(DISTINCT c.PrimaryUserId) AS ReportsWithCalls
FROM Users u
JOIN Users m ON m.Id = u.ManagerId
LEFT JOIN Calls c ON c.PrimaryUserId = u.Id AND c.Scheduled >= date('now', '-30 days')
WHERE u.Active
GROUP BY m.Id
ORDER BY Reports DESC`),
  read('People and activity', 'coaching-by-manager', 'How much a manager coached each report',
    `Gong's coaching metrics of one manager's direct reports over the last 30 days. Gong answers
for one workspace and manager at a time: you are asked for both ids (Users and Workspaces
list them). The period is a pair of date-times, midnight UTC.`,
    `SELECT ReportName, Metric, Value
FROM Coaching
WHERE WorkspaceId = :workspaceId AND ManagerId = :managerId
  AND PeriodFrom = strftime('%Y-%m-%dT00:00:00Z', 'now', '-30 days')
  AND PeriodTo = strftime('%Y-%m-%dT00:00:00Z', 'now')
ORDER BY ReportName, Metric`),

  // ---- Transcripts ----------------------------------------------------------------------
  read('Transcripts', 'transcript-search-recent', 'Who talked about pricing this week',
    `The transcript sentences of the last 7 days' calls that mention pricing, with who said it.
Transcripts are read per call: keep the window short on a live connection, or search a
mirror (the next example) at no API cost.`,
    `SELECT c.Title, t.SpeakerName, t.Affiliation, t.Text
FROM CallTranscripts t
JOIN Calls c ON c.Id = t.CallId
WHERE t.CallScheduled >= date('now', '-7 days')
  AND c.Scheduled >= date('now', '-7 days')
  AND t.Text LIKE '%pricing%'
ORDER BY c.Scheduled DESC, t.StartMs`),
  onMirror(read('Transcripts', 'transcript-search-mirror', 'Competitors mentioned, on the mirror',
      `Run on a mirror connection (Gong: Sync to Local Mirror…, then Query the Mirror): every
synced transcript is searched locally, 0 API calls. Which calls mention a competitor by name,
and how often, per month. On a live connection it would read every call's transcript.`,
      `SELECT substr(t.CallScheduled, 1, 7) AS Month,
       CASE WHEN t.Text LIKE '%Globex%' THEN 'Globex'
            WHEN t.Text LIKE '%Initech%' THEN 'Initech'
            ELSE 'Umbrella' END AS Competitor,
       count(*) AS Sentences,
       count(DISTINCT t.CallId) AS Calls
FROM CallTranscripts t
WHERE t.Text LIKE '%Globex%' OR t.Text LIKE '%Initech%' OR t.Text LIKE '%Umbrella%'
GROUP BY Month, Competitor
ORDER BY Month, Competitor`)),

  // ---- Library and settings ---------------------------------------------------------------
  read('Library and settings', 'library-folders', 'Library folders and what they hold',
    `The public library's folders with the calls and snippets saved in each (a snippet has a
start and end second); a parent folder is named beside its children.`,
    `SELECT f.Name AS Folder, parent.Name AS Parent,
       count(c.Id) AS Items,
       sum(c.SnippetFromSec IS NOT NULL) AS Snippets
FROM PublicLibraryFolders f
LEFT JOIN PublicLibraryFolders parent ON parent.Id = f.ParentFolderId
LEFT JOIN LibraryFolderCalls c ON c.FolderId = f.Id
GROUP BY f.Id
ORDER BY Items DESC`),
  read('Library and settings', 'trackers-and-keywords', 'Keyword trackers and their keywords',
    `Every keyword tracker with the words it listens for (LanguageKeywords is JSON: a list per
language) and the side it listens to.`,
    `SELECT t.TrackerName, w.Name AS Workspace, t.Affiliation,
       json_extract(k.value, '$.language') AS Language,
       json_extract(k.value, '$.keywords') AS Keywords
FROM TrackerDetails t
JOIN Workspaces w ON w.Id = t.WorkspaceId
JOIN json_each(t.LanguageKeywords) k
ORDER BY t.TrackerName`),

  // ---- Writes and procedures --------------------------------------------------------------
  change('write', 'grant-call-access', 'Give a colleague access to a call',
    `Lets users hear a call their permission profile hides (undo it with RevokeCallAccess).
You are asked for the call id and the user ids (a JSON list, e.g. ["123…"]); CallUserAccess
shows who has been given access.`,
    `CALL GrantCallAccess(:callId, :userIds);

SELECT * FROM CallUserAccess WHERE CallId = :callId`),
  change('write', 'describe-permission-profiles', 'Describe permission profiles',
    `Sets the description of a workspace's permission profiles from their names. Every UPDATE
asks before it runs when it has no WHERE; this one is limited to one workspace.`,
    `UPDATE PermissionProfiles
SET Description = 'Profile for ' || Name || ' (reviewed ' || date('now') || ')'
WHERE WorkspaceId = :workspaceId`),
  change('write', 'create-meeting', 'Schedule a meeting Gong records',
    `Creates a meeting tomorrow at 10:00 UTC in the organizer's calendar, with one invitee; Gong
joins and records it. You are asked for the organizer's and the invitee's email.`,
    `CALL CreateMeeting(
  datetime('now', 'start of day', '+1 day', '+10 hours'),
  datetime('now', 'start of day', '+1 day', '+10 hours', '+30 minutes'),
  :organizerEmail,
  json_array(json_object('Email', :inviteeEmail)),
  'Discovery call')`),
  change('irreversible', 'erase-email-address', 'Erase everything about an email address',
    `A data-privacy request: first see what Gong holds about the address, then erase it. The
erase is irreversible: it asks for confirmation every time, naming what it erases.`,
    `SELECT ObjectType, System, count(*) AS Records
FROM DataPrivacyByEmail
WHERE EmailAddress = :emailAddress
GROUP BY ObjectType, System;

CALL EraseDataForEmailAddress(:emailAddress)`),
];

const EFFECT_WARNING: Record<Effect, string | undefined> = {
  read: undefined,
  write: 'WRITES TO GONG: running it changes data in Gong. Read it first; the usual confirmations still apply.',
  irreversible: 'ERASES DATA IN GONG FOR GOOD: it asks for confirmation before it erases, every time.',
};

/** The label that marks an example in lists: what it does to Gong, or where it runs. */
export function exampleBadge(example: Example): string | undefined {
  if (example.effect === 'write') return 'writes to Gong';
  if (example.effect === 'irreversible') return 'erases data: irreversible';
  return example.onMirror ? 'on a mirror' : undefined;
}

/** The example's comment lines (without `-- `): its title, a warning for writes, what it answers. */
export function exampleComment(example: Example): string[] {
  const warning = EFFECT_WARNING[example.effect];
  return [`Example: ${example.title} (${example.topic})`, ...(warning ? [warning] : []), ...example.about.split('\n')];
}

/** The text a new editor opens with: the comment, then the statement(s), each ended with `;`. */
export function exampleText(example: Example): string {
  return `${exampleComment(example).map((line) => `-- ${line}`).join('\n')}\n${example.sql};\n`;
}
