/**
 * Per-call content from POST /v2/calls/extensive: each block its own table keyed by the
 * call id, read with the narrowest content selector that yields it, 100 calls per request.
 */
import { at, col, defineTable, filter, list } from './define';
import { callKeyColumns, childFilters, extensiveRead, PRIMARY_USER_FILTER, PROCESSED_ONLY } from './calls';
import { MEDIA_URL_SCOPE } from '../http/scopes';
import type { Column, MirrorPolicy, NativeFilter, TableDef } from './types';

type Json = Record<string, unknown>;

/** Content tables also carry the host, so "by rep" needs no join and pushes down as primaryUserIds. */
const contentKeyColumns = (): Column[] => [
  ...callKeyColumns(),
  col('PrimaryUserId', 'id', "The call's host (joins Users.Id).", { source: '$call.primaryUserId' }),
];
const contentFilters: NativeFilter[] = [...childFilters, filter('PrimaryUserId', ['=', 'IN'], PRIMARY_USER_FILTER)];
const byHost = [list('PrimaryUserId', 'body:filter.primaryUserIds')];

/** A table of one block: `items` turns one call of the response into its rows. */
function contentTable(spec: {
  name: string;
  description: string;
  columns: Column[];
  selector: Json;
  items: (call: Json) => unknown;
  peculiarities?: string[];
  mirror?: MirrorPolicy;
  /** Scopes beyond calls/extensive's own. */
  scopes?: string[];
}): TableDef {
  return defineTable({
    name: spec.name,
    group: 'Calls',
    mirror: spec.mirror ?? { kind: 'perCall', callKey: 'CallId' },
    description: spec.description,
    columns: [...contentKeyColumns(), ...spec.columns],
    filters: contentFilters,
    reads: [{ ...extensiveRead(`calls/extensive ${spec.name}`, spec.selector, spec.items, byHost), ...(spec.scopes && { scopes: spec.scopes }) }],
    peculiarities: [PROCESSED_ONLY, ...(spec.peculiarities ?? [])],
  });
}

/** The call's value of one of Gong's named interaction stats. */
const stat = (name: string) => (r: Json) => (r.interactionStats as Json[] | undefined)?.find((s) => s.name === name)?.value;

export const CallInteractionStats = contentTable({
  name: 'CallInteractionStats',
  description: "Gong's interaction stats of each call (a row per call): talk ratio, monologues, interactivity, patience, questions.",
  columns: [
    col('TalkRatio', 'real', "Share of the spoken time the company's speakers talked, 0–1.", { source: stat('Talk Ratio') }),
    col('LongestMonologue', 'real', 'Longest stretch a company speaker talked uninterrupted, seconds.', { source: stat('Longest Monologue') }),
    col('LongestCustomerStory', 'real', 'Longest stretch a customer talked uninterrupted, seconds.', { source: stat('Longest Customer Story') }),
    col('Interactivity', 'real', 'How often the speaker changes, on Gong\'s 0–10 scale.', { source: stat('Interactivity') }),
    col('Patience', 'real', 'Seconds the company waits before speaking after a customer stops.', { source: stat('Patience') }),
    col('CompanyQuestions', 'integer', "Questions asked by the company's speakers.", { source: 'questions.companyCount' }),
    col('NonCompanyQuestions', 'integer', 'Questions asked by everyone else.', { source: 'questions.nonCompanyCount' }),
  ],
  selector: { interaction: { personInteractionStats: true, questions: true } },
  items: (c) => (c.interaction ? [c.interaction] : []),
  peculiarities: ['A stat Gong did not compute for a call (nobody answered: a voicemail, no answer, a wrong number; too short; no speech) is NULL.'],
});

/** Speakers of a call with what their party says about them (name, user, affiliation). */
function speakersWithParties(call: Json): Json[] {
  const parties = (call.parties as Json[] | undefined) ?? [];
  const speakers = (at(call, 'interaction.speakers') as Json[] | undefined) ?? [];
  return speakers.map((s) => ({ ...s, party: parties.find((p) => p.speakerId != null && String(p.speakerId) === String(s.id)) ?? {} }));
}

export const CallSpeakers = contentTable({
  name: 'CallSpeakers',
  description: 'Talk time of each speaker of each call (a row per speaker), with the party it belongs to.',
  columns: [
    col('SpeakerId', 'id', 'Speaker id (joins CallTranscripts.SpeakerId and CallParties.SpeakerId).', { key: true, source: 'id' }),
    col('UserId', 'id', 'Gong user id when the speaker is internal, else NULL.', { source: 'userId' }),
    col('Name', 'text', "The speaker's name from the call's parties.", { source: 'party.name' }),
    col('Affiliation', 'text', 'Internal, External or Unknown (from the call\'s parties).', { source: 'party.affiliation' }),
    col('TalkTime', 'real', 'Seconds this speaker talked.'),
  ],
  selector: { parties: true, interaction: { speakers: true } },
  items: speakersWithParties,
});

/** One row per call when the block is there (Gong sends null for a call it did not summarise). */
const oneRow = (path: string) => (c: Json) => {
  const value = at(c, path);
  return value === null || value === undefined ? [] : [{ value }];
};

/** A list block, each item with its position (Gong's order). */
const positioned = (path: string) => (c: Json) => ((at(c, path) as Json[] | undefined) ?? []).map((item, position) => ({ ...item, position }));

/** Sections and their items (outline, highlights) as a row per item; a section without items is one row with the item NULL. */
const sectionItems = (path: string) => (c: Json) =>
  ((at(c, path) as Json[] | undefined) ?? []).flatMap((section, sectionIndex) => {
    const items = (section.items as Json[] | undefined) ?? [];
    return (items.length ? items : [null]).map((item, itemIndex) => ({ section, sectionIndex, item, itemIndex }));
  });

const AI_SUMMARY = "Gong's AI summary: only for calls Gong summarised (recorded, in a supported language, long enough).";

export const CallBriefs = contentTable({
  name: 'CallBriefs',
  description: "Gong's AI brief of each call (a row per summarised call).",
  columns: [col('Brief', 'text', 'The brief, a short paragraph.', { source: 'value' })],
  selector: { content: { brief: true } },
  items: oneRow('content.brief'),
  peculiarities: [AI_SUMMARY],
});

export const CallKeyPoints = contentTable({
  name: 'CallKeyPoints',
  description: "Gong's AI key points of each call (a row per key point).",
  columns: [
    col('Position', 'integer', 'Order of the key point in the call, from 0.', { key: true }),
    col('Text', 'text', 'The key point.'),
  ],
  selector: { content: { keyPoints: true } },
  items: positioned('content.keyPoints'),
  peculiarities: [AI_SUMMARY],
});

export const CallOutlines = contentTable({
  name: 'CallOutlines',
  description: "Gong's AI outline of each call: a row per item of each section.",
  columns: [
    col('SectionIndex', 'integer', 'Order of the section in the call, from 0.', { key: true }),
    col('Section', 'text', 'Section title.', { source: 'section.section' }),
    col('SectionStartTime', 'real', 'Where the section starts, seconds from the call start.', { source: 'section.startTime' }),
    col('SectionDuration', 'real', 'Length of the section, seconds.', { source: 'section.duration' }),
    col('ItemIndex', 'integer', 'Order of the item in its section, from 0.', { key: true }),
    col('ItemText', 'text', 'The item; NULL for a section without items.', { source: 'item.text' }),
    col('ItemStartTime', 'real', 'Where the item starts, seconds from the call start.', { source: 'item.startTime' }),
  ],
  selector: { content: { outline: true } },
  items: sectionItems('content.outline'),
  peculiarities: [AI_SUMMARY, 'A section without items is one row whose ItemText is NULL.'],
});

export const CallHighlights = contentTable({
  name: 'CallHighlights',
  description: "Gong's AI highlights of each call (next steps, outcome, …): a row per item of each highlight.",
  columns: [
    col('HighlightIndex', 'integer', 'Order of the highlight in the call, from 0.', { key: true, source: 'sectionIndex' }),
    col('Title', 'text', 'Highlight title (e.g. Next steps).', { source: 'section.title' }),
    col('ItemIndex', 'integer', 'Order of the item in its highlight, from 0.', { key: true }),
    col('ItemText', 'text', 'The item; NULL for a highlight without items.', { source: 'item.text' }),
    col('StartTimes', 'json', 'JSON array of where in the call the item was said, seconds.', { source: 'item.startTimes' }),
  ],
  selector: { content: { highlights: true } },
  items: sectionItems('content.highlights'),
  peculiarities: [AI_SUMMARY],
});

export const CallOutcomes = contentTable({
  name: 'CallOutcomes',
  description: 'The outcome of each call (a row per call that has one): id, name and category.',
  columns: [
    col('OutcomeId', 'text', 'Outcome id (e.g. MEETING_BOOKED; joins CallOutcomeTypes.OutcomeId).', { source: 'value.id' }),
    col('Name', 'text', 'Outcome name as set up in Gong (joins CallOutcomeTypes.CallOutcome).', { source: 'value.name' }),
    col('Category', 'text', 'Outcome category, as in CallOutcomeTypes (ANSWERED, NOT_ANSWERED).', { source: 'value.category' }),
  ],
  selector: { content: { callOutcome: true } },
  items: oneRow('content.callOutcome'),
  peculiarities: ['Calls without an outcome (Gong sends null) have no row.'],
});

export const CallStructure = contentTable({
  name: 'CallStructure',
  description: 'The parts of each call Gong recognised (setup, discovery, demo, …), with their length: a row per part.',
  columns: [
    col('Position', 'integer', 'Order of the part in the call, from 0.', { key: true }),
    col('Name', 'text', 'Part name.'),
    col('Duration', 'real', 'Seconds spent in the part.'),
  ],
  selector: { content: { structure: true } },
  items: positioned('content.structure'),
});

/** A row per field of each CRM object of the call (an object without fields is one row with the field NULL). */
function crmFields(call: Json): Json[] {
  return ((call.context as Json[] | undefined) ?? []).flatMap((system) =>
    ((system.objects as Json[] | undefined) ?? []).flatMap((object) => {
      const fields = (object.fields as Json[] | undefined) ?? [];
      return (fields.length ? fields : [null]).map((field) => ({ system: system.system, object, field }));
    }));
}

export const CallCrmContext = contentTable({
  name: 'CallCrmContext',
  description: 'The CRM objects attached to each call and their fields, as they are now and as they were at the time of the call: a row per object, timing and field.',
  columns: [
    col('System', 'text', 'The CRM (Salesforce, HubSpot, MicrosoftDynamic, Generic).'),
    col('ObjectType', 'text', 'Account, Opportunity, …', { key: true, source: 'object.objectType' }),
    col('ObjectId', 'text', "The object's id in the CRM.", { key: true, source: 'object.objectId' }),
    col('Timing', 'text', 'Now (the value today) or TimeOfCall (the value when the call happened): compare the two for e.g. the deal stage at the call.', { key: true, source: 'object.timing' }),
    col('FieldName', 'text', 'CRM field name (e.g. StageName, Amount); NULL for an object without fields.', { key: true, source: 'field.name' }),
    col('FieldValue', 'text', 'The field\'s value as text (numbers as digits, objects as JSON).', { source: 'field.value' }),
  ],
  selector: { context: 'Extended', contextTiming: ['Now', 'TimeOfCall'], exposedFields: {} },
  items: crmFields,
  peculiarities: [
    'Only calls linked to CRM objects have rows; which fields come back is set in Gong\'s CRM integration.',
    'Each object appears twice, Timing Now and TimeOfCall: filter on Timing to pick one.',
  ],
});

const EXPIRING = 'Gong\'s media URLs expire about 8 hours after the read: download soon, never store them for later.';

export const CallMedia = contentTable({
  name: 'CallMedia',
  description: `Download URLs of each call's recording (a row per call). Needs the scope ${MEDIA_URL_SCOPE}. ${EXPIRING}`,
  columns: [
    col('AudioUrl', 'text', `Audio download URL. ${EXPIRING}`, { source: 'audioUrl' }),
    col('VideoUrl', 'text', `Video download URL; NULL for audio-only calls. ${EXPIRING}`, { source: 'videoUrl' }),
  ],
  selector: { media: true },
  scopes: [MEDIA_URL_SCOPE],
  items: (c) => (c.media ? [c.media] : []),
  // A stored URL is dead within hours, and the scope is often not granted: a sync asking for it would fail the calls' other content.
  mirror: { kind: 'none', reason: 'Media URLs expire about 8 hours after they are read, so a mirror would hold dead links; query CallMedia live.' },
  peculiarities: [EXPIRING, `Reading it needs the scope ${MEDIA_URL_SCOPE} besides api:calls:read:extensive; without it Gong answers 403.`],
});
