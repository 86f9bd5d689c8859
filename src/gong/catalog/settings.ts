import { col, defineTable, equals, filter, list, listOf, range, read } from './define';

export const ScoreCards = defineTable({
  name: 'ScoreCards',
  group: 'Settings',
  mirror: { kind: 'fullRefresh' },
  description: 'Scorecard definitions, with their questions as structured JSON.',
  columns: [
    col('ScorecardId', 'id', 'Scorecard id (Gong sends it as an int64 number; kept exact as text).', { key: true }),
    col('ScorecardName', 'text', 'Name.'),
    col('WorkspaceId', 'id', 'Workspace.'),
    col('Enabled', 'boolean', 'Whether it is enabled.'),
    col('UpdaterUserId', 'id', 'Who last changed it.'),
    col('Created', 'datetime', 'Created.'),
    col('Updated', 'datetime', 'Last updated.'),
    col('ReviewMethod', 'text', 'AUTOMATIC or MANUAL.'),
    col('Questions', 'json', 'The questions, structured JSON (see ScoreCardQuestions for a row per question).'),
  ],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/settings/scorecards', records: listOf('scorecards') })],
  peculiarities: ['ScoreCards.Questions is structured JSON: query it with json_each/json_extract or read ScoreCardQuestions.'],
});

export const ScoreCardQuestions = defineTable({
  name: 'ScoreCardQuestions',
  group: 'Settings',
  mirror: { kind: 'fullRefresh' },
  description: 'Questions of every scorecard, a row per question.',
  columns: [
    col('ScorecardId', 'id', 'The scorecard.', { key: true, source: '$card.scorecardId' }),
    col('QuestionId', 'id', 'Question id.', { key: true }),
    col('QuestionRevisionId', 'id', 'Revision of the question.'),
    col('QuestionText', 'text', 'The question.'),
    col('IsOverall', 'boolean', 'The overall-score question.'),
    col('QuestionType', 'text', 'RANGE, SINGLE_SELECT, MULTIPLE_SELECT, TEXT, …'),
    col('AnswerGuide', 'text', 'Guidance for reviewers.'),
    col('MinRange', 'integer', 'Lowest score for RANGE questions.'),
    col('MaxRange', 'integer', 'Highest score for RANGE questions.'),
    col('AnswerOptions', 'json', 'Options of select questions, JSON array of {id, text}.'),
  ],
  reads: [read({
    name: 'list', method: 'GET', path: '/v2/settings/scorecards',
    records: (b) => listOf('scorecards')(b).flatMap((card) => listOf('questions')(card).map((q) => ({ ...q, $card: card }))),
  })],
});

const answeredFilters = [
  filter('CallStartTime', ['>', '>=', '<', '<='], 'Sent to Gong as callFromDate/callToDate (whole days in the company time zone).'),
  filter('ReviewTime', ['>', '>=', '<', '<='], 'Sent to Gong as reviewFromDate/reviewToDate (whole days in the company time zone).'),
  filter('ScorecardId', ['=', 'IN'], 'Sent to Gong as scorecardIds.'),
  filter('ReviewedUserId', ['=', 'IN'], 'Sent to Gong as reviewedUserIds.'),
  filter('ReviewMethod', ['='], "Sent to Gong as reviewMethod (AUTOMATIC or MANUAL); without it, both (Gong's own default is MANUAL only)."),
];

/** POST /v2/stats/activity/scorecards, its records unwound by `records`. */
function answeredRead(name: string, records: (body: Record<string, unknown>) => Record<string, unknown>[]) {
  return read({
    name, method: 'POST', path: '/v2/stats/activity/scorecards', paging: 'body',
    bindings: [
      range('CallStartTime', 'body:filter.callFromDate', 'body:filter.callToDate', 'date'),
      range('ReviewTime', 'body:filter.reviewFromDate', 'body:filter.reviewToDate', 'date'),
      list('ScorecardId', 'body:filter.scorecardIds'),
      list('ReviewedUserId', 'body:filter.reviewedUserIds'),
      equals('ReviewMethod', 'body:filter.reviewMethod', 'text'),
    ],
    // Gong's default is MANUAL only; BOTH returns what the table promises.
    fixed: { body: { filter: { reviewMethod: 'BOTH' } } },
    records,
  });
}

export const AnsweredScorecards = defineTable({
  name: 'AnsweredScorecards',
  group: 'Stats',
  mirror: { kind: 'window', cursor: 'ReviewTime' },
  description: 'Scorecards filled in for calls, manual and automatic (POST /v2/stats/activity/scorecards).',
  columns: [
    col('AnsweredScorecardId', 'id', 'Id of the filled-in scorecard.', { key: true }),
    col('ScorecardId', 'id', 'The scorecard.'),
    col('ScorecardName', 'text', 'Its name.'),
    col('CallId', 'id', 'The call reviewed.'),
    col('CallStartTime', 'datetime', 'When the call started.'),
    col('ReviewedUserId', 'id', 'The user reviewed.'),
    col('ReviewerUserId', 'id', 'The reviewer (NULL for automatic reviews).'),
    col('ReviewMethod', 'text', 'AUTOMATIC or MANUAL.'),
    col('EditorUserId', 'id', 'Who last edited the answers.'),
    col('ReviewTime', 'datetime', 'When it was reviewed.'),
    col('VisibilityType', 'text', 'PUBLIC, PRIVATE or OPT_IN_USERS.'),
    col('Answers', 'json', 'JSON array of answers {questionId, score, answerText, selectedOptions, notApplicable, …} (AnsweredScorecardAnswers has a row per answer).'),
  ],
  filters: answeredFilters,
  reads: [answeredRead('stats/activity/scorecards', listOf('answeredScorecards'))],
});

export const AnsweredScorecardAnswers = defineTable({
  name: 'AnsweredScorecardAnswers',
  group: 'Stats',
  mirror: { kind: 'window', cursor: 'ReviewTime' },
  description: 'The answers of filled-in scorecards, a row per question (POST /v2/stats/activity/scorecards).',
  columns: [
    col('AnsweredScorecardId', 'id', 'The filled-in scorecard (joins AnsweredScorecards).', { key: true, source: '$card.answeredScorecardId' }),
    col('QuestionId', 'id', 'The question (joins ScoreCardQuestions.QuestionId).', { key: true }),
    col('QuestionRevisionId', 'id', 'The revision of the question answered.'),
    col('ScorecardId', 'id', 'The scorecard.', { source: '$card.scorecardId' }),
    col('CallId', 'id', 'The call reviewed.', { source: '$card.callId' }),
    col('CallStartTime', 'datetime', 'When the call started.', { source: '$card.callStartTime' }),
    col('ReviewedUserId', 'id', 'The user reviewed.', { source: '$card.reviewedUserId' }),
    col('ReviewMethod', 'text', 'AUTOMATIC or MANUAL.', { source: '$card.reviewMethod' }),
    col('ReviewTime', 'datetime', 'When it was reviewed.', { source: '$card.reviewTime' }),
    col('IsOverall', 'boolean', 'The overall-score question.'),
    col('Score', 'integer', 'The score (RANGE questions; NULL when unanswered).'),
    col('AnswerText', 'text', 'The answer (TEXT questions).'),
    col('NotApplicable', 'boolean', 'Marked not applicable.'),
    col('SelectedOptions', 'json', 'Options chosen (select questions), JSON array of option ids as text.'),
  ],
  filters: answeredFilters,
  reads: [answeredRead('stats/activity/scorecards answers', (b) => listOf('answeredScorecards')(b).flatMap((card) => listOf('answers')(card).map((a) => ({ ...a, $card: card }))))],
});

export const TrackerDetails = defineTable({
  name: 'TrackerDetails',
  group: 'Settings',
  mirror: { kind: 'fullRefresh' },
  description: 'Keyword trackers and their settings (smart trackers are not listed by Gong).',
  columns: [
    col('TrackerId', 'id', 'Tracker id.', { key: true }),
    col('TrackerName', 'text', 'Name.'),
    col('WorkspaceId', 'id', 'Workspace.'),
    col('LanguageKeywords', 'json', 'Keywords per language, JSON array.'),
    col('Affiliation', 'text', 'Anyone, Company or NonCompany.'),
    col('PartOfQuestion', 'boolean', 'Only when part of a question.'),
    col('SaidAt', 'text', 'Anytime, First or Last.'),
    col('SaidAtInterval', 'integer', 'Interval for First/Last.'),
    col('SaidAtUnit', 'text', 'Unit of the interval.'),
    col('SaidInTopics', 'json', 'Topics it is limited to, JSON array.'),
    col('FilterQuery', 'text', 'Call filter, JSON text.'),
    col('Created', 'datetime', 'Created.'),
    col('CreatorUserId', 'id', 'Creator.'),
    col('Updated', 'datetime', 'Last updated.'),
    col('UpdaterUserId', 'id', 'Last updater.'),
  ],
  filters: [filter('WorkspaceId', ['='], 'Sent to Gong as workspaceId.')],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/settings/trackers', bindings: [equals('WorkspaceId', 'query:workspaceId')], notFound: 'empty', records: listOf('keywordTrackers') })],
});
