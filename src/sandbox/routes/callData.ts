import { isAnswered } from '../data/analytics';
import type { CallAnalytics, CrmContext, SandboxCall } from '../data/model';
import { badRequest, GongHttpError } from '../http/errors';
import type { RequestContext } from '../http/router';
import { optBool, optEnum, optObject } from '../http/validate';

export type ContextTiming = 'Now' | 'TimeOfCall';

export interface ContentSelector {
  context: 'None' | 'Basic' | 'Extended';
  /** With Extended context: the CRM objects as they are now and/or as they were at the call. */
  contextTiming: ContextTiming[];
  parties: boolean;
  content: Record<'structure' | 'topics' | 'trackers' | 'trackerOccurrences' | 'brief' | 'outline' | 'highlights' | 'callOutcome' | 'keyPoints', boolean>;
  interaction: Record<'speakers' | 'video' | 'personInteractionStats' | 'questions', boolean>;
  publicComments: boolean;
  media: boolean;
}

const CONTENT_FIELDS = ['structure', 'topics', 'trackers', 'trackerOccurrences', 'brief', 'outline', 'highlights', 'callOutcome', 'keyPoints'] as const;
const INTERACTION_FIELDS = ['speakers', 'video', 'personInteractionStats', 'questions'] as const;

/** Reads `contentSelector`; every block is off unless asked for, as in Gong. */
export function parseContentSelector(value: unknown, ctx: RequestContext): ContentSelector {
  const selector = optObject(value, 'contentSelector') ?? {};
  const exposed = optObject(selector.exposedFields, 'contentSelector.exposedFields') ?? {};
  const content = optObject(exposed.content, 'contentSelector.exposedFields.content') ?? {};
  const interaction = optObject(exposed.interaction, 'contentSelector.exposedFields.interaction') ?? {};
  const collaboration = optObject(exposed.collaboration, 'contentSelector.exposedFields.collaboration') ?? {};
  const media = optBool(exposed.media, 'contentSelector.exposedFields.media') ?? false;
  const scopes = ctx.principal.scopes;
  if (media && scopes !== 'all' && !scopes.has('api:calls:read:media-url')) {
    throw new GongHttpError(403, ['Access denied: media URLs need the scope api:calls:read:media-url']);
  }
  const flags = <K extends string>(names: readonly K[], from: Record<string, unknown>, path: string) =>
    Object.fromEntries(names.map((n) => [n, optBool(from[n], `${path}.${n}`) ?? false])) as Record<K, boolean>;
  const context = optEnum(selector.context, 'contentSelector.context', ['None', 'Basic', 'Extended'] as const) ?? 'None';
  return {
    context,
    contextTiming: readContextTiming(selector.contextTiming, context),
    parties: optBool(exposed.parties, 'contentSelector.exposedFields.parties') ?? false,
    content: flags(CONTENT_FIELDS, content, 'contentSelector.exposedFields.content'),
    interaction: flags(INTERACTION_FIELDS, interaction, 'contentSelector.exposedFields.interaction'),
    publicComments: optBool(collaboration.publicComments, 'contentSelector.exposedFields.collaboration.publicComments') ?? false,
    media,
  };
}

/** One `calls[]` item of /v2/calls/extensive: metaData plus only the selected blocks. */
export function callData(call: SandboxCall, s: ContentSelector): Record<string, unknown> {
  const data: Record<string, unknown> = { metaData: call.meta };
  if (s.context !== 'None') data.context = s.context === 'Extended' ? contextAt(call, s.contextTiming) : shapeContext(call.context, 'Basic');
  if (s.parties) data.parties = call.parties.map((p) => ({ ...p, context: shapeContext(p.context, s.context === 'None' ? 'Basic' : s.context) }));
  const c = s.content;
  if (CONTENT_FIELDS.some((f) => c[f])) {
    data.content = {
      ...(c.structure && { structure: call.structure }),
      ...(c.topics && { topics: call.topics }),
      ...(c.trackers && { trackers: call.trackers.map((t) => (c.trackerOccurrences ? t : { ...t, occurrences: [], phrases: t.phrases.map((p) => ({ ...p, occurrences: [] })) })) }),
      ...(c.brief && { brief: call.brief }),
      ...(c.outline && { outline: outline(call) }),
      ...(c.highlights && { highlights: highlights(call) }),
      ...(c.callOutcome && { callOutcome: call.analytics?.outcome ?? null }),
      ...(c.keyPoints && { keyPoints: call.keyPoints }),
      pointsOfInterest: null,
    };
  }
  const i = s.interaction;
  const a = call.analytics;
  if (INTERACTION_FIELDS.some((f) => i[f])) {
    const speakers = call.parties.filter((p) => p.speakerId !== null);
    data.interaction = {
      ...(i.speakers && { speakers: speakers.map((p) => ({ id: p.speakerId, userId: p.userId, talkTime: a?.talkTimes[p.speakerId as string] ?? 0 })) }),
      // Gong computes no interaction stats for a call nobody answered (ringing, a voicemail, a wrong number).
      ...(i.personInteractionStats && { interactionStats: a && isAnswered(call) ? interactionStats(a) : [] }),
      ...(i.video && { video: call.meta.media === 'Video' ? [{ name: 'Webcam', duration: Math.round(call.meta.duration * 0.6) }] : [] }),
      ...(i.questions && { questions: { companyCount: a?.companyQuestions ?? 0, nonCompanyCount: a?.nonCompanyQuestions ?? 0 } }),
    };
  }
  if (s.publicComments) data.collaboration = { publicComments: call.comments };
  if (s.media) {
    data.media = {
      audioUrl: `https://media.sandbox.gongsql.invalid/${call.meta.id}.mp3`,
      videoUrl: call.meta.media === 'Video' ? `https://media.sandbox.gongsql.invalid/${call.meta.id}.mp4` : null,
    };
  }
  return data;
}

/**
 * Sections follow the call's structure back to back (it fits in the call); their items are
 * the topics discussed in them, spread over the section.
 */
function outline(call: SandboxCall): unknown[] {
  let start = 0;
  return call.structure.map((x, i) => {
    const topics = call.topics.filter((_, t) => t % call.structure.length === i);
    const items = topics.map((t, n) => ({ text: `${t.name} came up during ${x.name.toLowerCase()}`, startTime: start + Math.round((x.duration * (n + 1)) / (topics.length + 1)) }));
    const section = { section: x.name, startTime: start, duration: x.duration, items };
    start += x.duration;
    return section;
  });
}

/** The next steps agreed (near the end of the call); a second highlight when the call had an outcome. */
function highlights(call: SandboxCall): unknown[] {
  const outcome = call.analytics?.outcome;
  const steps = call.nextSteps ?? [];
  const at = (n: number) => Math.round((call.meta.duration * (n + 4)) / (steps.length + 5));
  return [
    ...(steps.length ? [{ title: 'Next steps', items: steps.map((text, n) => ({ text, startTimes: [at(n)] })) }] : []),
    ...(outcome ? [{ title: 'Outcome', items: [{ text: outcome.name, startTimes: [Math.max(0, call.meta.duration - 60), call.meta.duration - 30].filter((t) => t >= 0) }] }] : []),
  ];
}

/** Gong's flat list of the call's interaction stats (Talk Ratio as a fraction, times in seconds). */
function interactionStats(a: CallAnalytics): { name: string; value: number }[] {
  return [
    { name: 'Talk Ratio', value: a.talkRatio },
    { name: 'Longest Monologue', value: a.longestMonologue },
    { name: 'Longest Customer Story', value: a.longestCustomerStory },
    { name: 'Interactivity', value: a.interactivity },
    { name: 'Patience', value: a.patience },
  ];
}

function readContextTiming(value: unknown, context: ContentSelector['context']): ContextTiming[] {
  if (value === undefined || value === null) return ['Now'];
  const allowed = ['Now', 'TimeOfCall'];
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => !allowed.includes(v as string))) {
    throw badRequest('contentSelector.contextTiming must be a non-empty array of Now, TimeOfCall');
  }
  if (context !== 'Extended') throw badRequest('contentSelector.contextTiming needs contentSelector.context Extended');
  return [...new Set(value as ContextTiming[])];
}

/**
 * The call's CRM objects once per timing asked for: the opportunity's stage and amount now,
 * or when the call happened (the other fields did not change in between).
 */
function contextAt(call: SandboxCall, timings: ContextTiming[]): CrmContext[] {
  return call.context.map((c) => ({
    system: c.system,
    objects: timings.flatMap((timing) => c.objects.map((o) => ({
      ...o,
      timing,
      fields: o.objectType === 'Opportunity' ? opportunityFieldsAt(o.fields, call.analytics, timing) : o.fields,
    }))),
  }));
}

function opportunityFieldsAt(fields: CrmContext['objects'][number]['fields'], a: CallAnalytics | undefined, timing: ContextTiming) {
  if (!a) return fields;
  const atCall = timing === 'TimeOfCall';
  const amounts = fields.map((f) => (f.name === 'Amount' && atCall && a.amountAtCall !== null ? { ...f, value: a.amountAtCall } : f));
  return [...amounts, { name: 'StageName', value: atCall ? a.stageAtCall : a.stageNow }];
}

/** Basic context carries the object references; Extended adds the CRM fields. */
function shapeContext(context: CrmContext[], level: 'Basic' | 'Extended'): CrmContext[] {
  if (level === 'Extended') return context;
  return context.map((c) => ({ system: c.system, objects: c.objects.map((o) => ({ objectType: o.objectType, objectId: o.objectId, fields: [], timing: o.timing ?? 'Now' })) }));
}
