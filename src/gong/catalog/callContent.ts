/**
 * Per-call content from POST /v2/calls/extensive: each block its own table keyed by the
 * call id, read with the narrowest content selector that yields it, 100 calls per request.
 */
import { at, col, defineTable, filter, list } from './define';
import { callKeyColumns, childFilters, extensiveRead, PRIMARY_USER_FILTER, PROCESSED_ONLY } from './calls';
import type { Column, NativeFilter, TableDef } from './types';

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
}): TableDef {
  return defineTable({
    name: spec.name,
    group: 'Calls',
    mirror: { kind: 'perCall', callKey: 'CallId' },
    description: spec.description,
    columns: [...contentKeyColumns(), ...spec.columns],
    filters: contentFilters,
    reads: [extensiveRead(`calls/extensive ${spec.name}`, spec.selector, spec.items, byHost)],
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
  peculiarities: ['A stat Gong did not compute for a call (too short, no speech) is NULL.'],
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
