import type { AnsweredScorecard, Scorecard } from '../data/model';
import { nonEmpty, postPaging } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import { int64 } from '../http/json';
import { timeIdKey } from '../http/paging';
import type { Route } from '../http/router';
import { asObject, inWindow, optDate, optEnum, optId, optIdList } from '../http/validate';

/** Scorecard ids are int64 JSON numbers on the wire (SPEC-2026); the sandbox sends them so. */
function scorecardJson(s: Scorecard) {
  return {
    ...s,
    scorecardId: int64(s.scorecardId),
    workspaceId: int64(s.workspaceId),
    updaterUserId: int64(s.updaterUserId),
    questions: s.questions.map((q) => ({ ...q, questionId: int64(q.questionId), questionRevisionId: int64(q.questionRevisionId) })),
  };
}

function answeredJson(a: AnsweredScorecard) {
  const optional = (id: string | null) => (id === null ? null : int64(id));
  return {
    ...a,
    answeredScorecardId: int64(a.answeredScorecardId),
    scorecardId: int64(a.scorecardId),
    callId: int64(a.callId),
    reviewedUserId: int64(a.reviewedUserId),
    reviewerUserId: optional(a.reviewerUserId),
    editorUserId: optional(a.editorUserId),
    answers: a.answers.map((x) => ({ ...x, questionId: int64(x.questionId), questionRevisionId: int64(x.questionRevisionId) })),
  };
}

const scorecards: Route = {
  method: 'GET',
  pattern: '/v2/settings/scorecards',
  scope: 'api:settings:scorecards:read',
  handle(ctx) {
    const list = nonEmpty(ctx.store.world.scorecards, 'Scorecards not found');
    return { body: { scorecards: list.map(scorecardJson) } };
  },
};

const trackers: Route = {
  method: 'GET',
  pattern: '/v2/settings/trackers',
  scope: 'api:settings:trackers:read',
  handle(ctx) {
    const workspaceId = optId(ctx.query.get('workspaceId'), 'workspaceId');
    if (workspaceId !== undefined && !ctx.store.world.workspaces.some((w) => w.id === workspaceId)) throw notFound('Workspace not found');
    return { body: { keywordTrackers: ctx.store.world.trackers.filter((t) => workspaceId === undefined || t.workspaceId === workspaceId) } };
  },
};

const REVIEW_METHODS = ['AUTOMATIC', 'MANUAL', 'BOTH'] as const;
const DAY_MS = 86_400_000;

const answeredScorecards: Route = {
  method: 'POST',
  pattern: '/v2/stats/activity/scorecards',
  scope: 'api:stats:scorecards',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const f = asObject(body.filter ?? {}, 'filter');
    const callFrom = optDate(f.callFromDate, 'filter.callFromDate');
    const callTo = optDate(f.callToDate, 'filter.callToDate');
    const reviewFrom = optDate(f.reviewFromDate, 'filter.reviewFromDate');
    const reviewTo = optDate(f.reviewToDate, 'filter.reviewToDate');
    const tomorrow = Math.floor(ctx.now() / DAY_MS) * DAY_MS + DAY_MS;
    if ((callTo ?? 0) > tomorrow || (reviewTo ?? 0) > tomorrow) throw badRequest('toDate must not be after the current day');
    const method = optEnum(f.reviewMethod, 'filter.reviewMethod', REVIEW_METHODS) ?? 'MANUAL';
    const reviewed = optIdList(f.reviewedUserIds, 'filter.reviewedUserIds');
    const cards = optIdList(f.scorecardIds, 'filter.scorecardIds');
    const key = (a: AnsweredScorecard) => timeIdKey(Date.parse(a.reviewTime), a.answeredScorecardId);
    const matches = ctx.store.world.answeredScorecards
      .filter((a) =>
        (method === 'BOTH' || a.reviewMethod === method) &&
        inWindow(Date.parse(a.callStartTime), callFrom, callTo) &&
        inWindow(Date.parse(a.reviewTime), reviewFrom, reviewTo) &&
        (!reviewed || reviewed.includes(a.reviewedUserId)) &&
        (!cards || cards.includes(a.scorecardId)))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const page = ctx.pager.page(nonEmpty(matches, 'Answered scorecards not found'), key, postPaging(ctx, body));
    return { body: { records: page.records, answeredScorecards: page.items.map(answeredJson) } };
  },
};

export const settingsRoutes: Route[] = [scorecards, trackers, answeredScorecards];
