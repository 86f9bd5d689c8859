import { isAnswered } from './analytics';
import { IdFactory } from './ids';
import type { AnsweredScorecard, KeywordTracker, SandboxCall, Scorecard, ScorecardQuestion, User, Workspace } from './model';
import { Random } from './random';
import { DAY_MS, isoSeconds } from './time';
import { TRACKER_KEYWORDS } from './vocabulary';

export function generateTrackers(random: Random, ids: IdFactory, workspaces: Workspace[], users: User[], anchorMs: number): KeywordTracker[] {
  const trackers: KeywordTracker[] = [];
  for (const workspace of workspaces) {
    for (const [name, keywords] of Object.entries(TRACKER_KEYWORDS)) {
      if (workspace !== workspaces[0] && random.bool(0.3)) continue;
      const creator = random.pick(users).id;
      const createdMs = anchorMs - random.int(100, 900) * DAY_MS;
      trackers.push({
        trackerId: ids.next(19),
        trackerName: name,
        workspaceId: workspace.id,
        languageKeywords: [{ language: random.bool(0.8) ? 'eng' : 'mul', keywords, includeRelatedForms: random.bool() }],
        affiliation: random.pick(['Anyone', 'Company', 'NonCompany'] as const),
        partOfQuestion: random.bool(0.2),
        saidAt: random.pick(['Anytime', 'Anytime', 'First', 'Last'] as const),
        saidAtInterval: random.bool(0.3) ? random.int(1, 10) : null,
        saidAtUnit: random.bool(0.3) ? 'minutes' : null,
        saidInTopics: random.bool(0.3) ? ['Pricing'] : [],
        filterQuery: random.bool(0.2) ? JSON.stringify({ callScope: 'External' }) : null,
        created: isoSeconds(createdMs),
        creatorUserId: creator,
        updated: isoSeconds(createdMs + random.int(0, 90) * DAY_MS),
        updaterUserId: random.pick(users).id,
      });
    }
  }
  return trackers;
}

export function generateScorecards(random: Random, ids: IdFactory, workspaces: Workspace[], users: User[], anchorMs: number): Scorecard[] {
  const names = ['SDR Call Scorecard', 'Discovery "MEDDICC" Review', 'Demo Quality', 'Renewal Health ✅'];
  const scorecards: Scorecard[] = [];
  for (const workspace of workspaces) {
    for (const name of random.sample(names, random.int(1, 3))) {
      const createdMs = anchorMs - random.int(200, 900) * DAY_MS;
      scorecards.push({
        scorecardId: ids.next(19),
        scorecardName: name,
        workspaceId: workspace.id,
        enabled: random.bool(0.85),
        updaterUserId: random.pick(users).id,
        created: isoSeconds(createdMs),
        updated: isoSeconds(createdMs + random.int(0, 150) * DAY_MS),
        reviewMethod: random.bool(0.3) ? 'AUTOMATIC' : 'MANUAL',
        questions: scorecardQuestions(random, ids),
      });
    }
  }
  return scorecards;
}

function scorecardQuestions(random: Random, ids: IdFactory): ScorecardQuestion[] {
  const question = (text: string, extra: Partial<ScorecardQuestion>): ScorecardQuestion => ({
    questionId: ids.next(18),
    questionRevisionId: ids.next(17),
    questionText: text,
    isOverall: false,
    questionType: 'RANGE',
    answerGuide: null,
    minRange: null,
    maxRange: null,
    answerOptions: null,
    ...extra,
  });
  return [
    question('Overall, how did the call go?', { isOverall: true, minRange: 1, maxRange: 5 }),
    question('How well did the rep uncover pain?', { minRange: 0, maxRange: 50, answerGuide: '0 = not at all, 50 = quantified pain' }),
    question('Which next step was agreed?', {
      questionType: 'SINGLE_SELECT',
      answerOptions: [{ id: 1, text: 'Demo' }, { id: 2, text: 'Proposal' }, { id: 3, text: 'None' }],
    }),
    question('Which topics were covered?', {
      questionType: 'MULTIPLE_SELECT',
      answerOptions: [{ id: 1, text: 'Budget' }, { id: 2, text: 'Authority' }, { id: 3, text: 'Need' }, { id: 4, text: 'Timeline' }],
    }),
    ...(random.bool(0.5) ? [question('Anything else? (free text)', { questionType: 'TEXT' })] : []),
  ];
}

export function generateAnsweredScorecards(random: Random, ids: IdFactory, scorecards: Scorecard[], calls: SandboxCall[], users: User[], anchorMs: number): AnsweredScorecard[] {
  const byWorkspace = new Map<string, Scorecard[]>();
  for (const s of scorecards) byWorkspace.set(s.workspaceId, [...(byWorkspace.get(s.workspaceId) ?? []), s]);
  const managerOf = new Map(users.map((u) => [u.id, u.managerId]));
  const answered: AnsweredScorecard[] = [];
  for (const call of calls) {
    if (call.state !== 'processed' || !random.bool(0.12)) continue;
    const candidates = byWorkspace.get(call.meta.workspaceId);
    if (!candidates) continue;
    const scorecard = random.pick(candidates);
    const automatic = scorecard.reviewMethod === 'AUTOMATIC';
    const startedMs = Date.parse(call.meta.started);
    const reviewMs = Math.min(anchorMs - 60_000, startedMs + random.int(1, 5 * 24 * 60) * 60_000);
    const reviewer = automatic ? null : managerOf.get(call.meta.primaryUserId) ?? random.pick(users).id;
    // Nobody scores a call nobody took; drawn all the same, so the ids after it stay as they were.
    const review: AnsweredScorecard = {
      answeredScorecardId: ids.next(19),
      scorecardId: scorecard.scorecardId,
      scorecardName: scorecard.scorecardName,
      callId: call.meta.id,
      callStartTime: call.meta.started,
      reviewedUserId: call.meta.primaryUserId,
      reviewerUserId: reviewer,
      reviewMethod: scorecard.reviewMethod,
      editorUserId: random.bool(0.1) ? random.pick(users).id : null,
      reviewTime: isoSeconds(reviewMs),
      visibilityType: random.pick(['PUBLIC', 'PUBLIC', 'PRIVATE', 'OPT_IN_USERS'] as const),
      answers: scorecard.questions.map((q) => {
        const notApplicable = !q.isOverall && random.bool(0.08);
        const options = q.answerOptions ?? [];
        return {
          questionId: q.questionId,
          questionRevisionId: q.questionRevisionId,
          isOverall: q.isOverall,
          score: q.questionType === 'RANGE' && !notApplicable ? random.int(q.minRange ?? 0, q.maxRange ?? 5) : null,
          answerText: q.questionType === 'TEXT' && !notApplicable ? random.pick(['Solid call.', "Didn't ask about budget — coach on \"MEDDICC\".", '']) : null,
          notApplicable,
          selectedOptions: options.length > 0 && !notApplicable
            ? random.sample(options, q.questionType === 'SINGLE_SELECT' ? 1 : random.int(1, options.length)).map((o) => String(o.id))
            : null,
        };
      }),
    };
    if (isAnswered(call)) answered.push(review);
  }
  return answered;
}
