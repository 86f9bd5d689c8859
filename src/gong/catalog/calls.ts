import { at, col, defineTable, equals, filter, list, listOf, range, read, writable } from './define';
import { CALL_PARAMS, OPTIONAL_CALL_PARAMS, REQUIRED_CALL_PARAMS, callUploadBody } from './params';
import type { Column, EnrichFetch, ParamDef, ReadPath, TableDef } from './types';

const NEVER_RETURNED = 'Used only by INSERT; SELECT returns it empty (Gong does not return it).';
export const PROCESSED_ONLY = 'Only calls with a processed recording/transcript are returned: a call created without media is not returned until its media is processed, and never if processing fails.';
export const SCHEDULED_FILTER = 'Sent to Gong as fromDateTime/toDateTime (from inclusive, to exclusive). Gong compares the scheduled start for Gong-recorded conferences and the actual start for other calls.';

const callColumns: Column[] = [
  col('Id', 'id', 'Gong call id (up to 19 digits; kept as text, never a JS number).', { key: true }),
  col('Url', 'text', 'Link to the call in Gong.'),
  writable(col('Title', 'text', 'Call title.')),
  col('Scheduled', 'datetime', 'Scheduled start (ISO-8601).'),
  col('Started', 'datetime', 'When the recording started (ISO-8601).'),
  writable(col('Duration', 'integer', 'Length in seconds.')),
  writable(col('PrimaryUserId', 'id', 'Gong user id of the host. INSERT sends it as primaryUser.')),
  writable(col('Direction', 'text', 'Inbound, Outbound, Conference or Unknown.')),
  col('System', 'text', 'The system the call came from (Zoom, Outreach, …).'),
  col('Scope', 'text', 'Internal, External or Unknown.'),
  col('Media', 'text', 'Video or Audio.'),
  col('Language', 'text', 'Detected language, ISO-639-2B (eng, fre, …).'),
  writable(col('WorkspaceId', 'id', 'Workspace the call belongs to.')),
  col('SdrDisposition', 'text', 'Dialer disposition, when there is one.'),
  writable(col('ClientUniqueId', 'text', "The call's id in the system it was uploaded from.")),
  writable(col('CustomData', 'text', 'Free text stored with the call at upload.')),
  writable(col('Purpose', 'text', 'Purpose given at upload.')),
  writable(col('MeetingUrl', 'text', 'Meeting link.')),
  col('IsPrivate', 'boolean', 'Whether the call is private.'),
  col('CalendarEventId', 'text', 'Calendar event id.'),
  col('ScheduledStart', 'datetime', `Scheduled start for upload. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('ScheduledEnd', 'datetime', `Scheduled end for upload. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('ActualStart', 'datetime', `Actual start for upload. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('Parties', 'json', `Participants, a JSON array with PascalCase keys. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('Disposition', 'text', `Disposition for upload. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('Context', 'json', `CRM references, a JSON array with PascalCase keys. ${NEVER_RETURNED}`, { insertOnly: true }),
  col('LanguageCode', 'text', `Language code for upload (e.g. en-US). ${NEVER_RETURNED}`, { insertOnly: true }),
  col('DownloadMediaUrl', 'text', `URL Gong downloads the media from. ${NEVER_RETURNED}`, { insertOnly: true }),
];

/** INSERT INTO Calls takes the upload parameters under the table's column names. */
const insertParams: ParamDef[] = [...REQUIRED_CALL_PARAMS, ...OPTIONAL_CALL_PARAMS, { ...CALL_PARAMS.DownloadMediaUrl, required: false }]
  .map((p) => (p.name === 'PrimaryUser' ? { ...p, name: 'PrimaryUserId' } : p));

export const PRIMARY_USER_FILTER = 'Sent to Gong as primaryUserIds (the calls these users hosted) on POST /v2/calls/extensive, 100 users per request.';

const EVERYTHING = '1970-01-01T00:00:00Z';

export const Calls: TableDef = defineTable({
  name: 'Calls',
  group: 'Calls',
  mirror: { kind: 'window', cursor: 'Scheduled' },
  description: 'Calls recorded or uploaded to Gong (processed calls only).',
  columns: callColumns,
  filters: [
    filter('WorkspaceId', ['='], 'Sent to Gong as workspaceId.'),
    filter('Scheduled', ['>', '>=', '<', '<='], SCHEDULED_FILTER),
    filter('Id', ['=', 'IN'], 'One id reads GET /v2/calls/{id}; a list reads POST /v2/calls/extensive with callIds, 100 per request.'),
    filter('PrimaryUserId', ['=', 'IN'], PRIMARY_USER_FILTER),
  ],
  reads: [
    read({ name: 'by id', method: 'GET', path: '/v2/calls/{id}', bindings: [equals('Id', 'path:id')], requires: ['Id'], notFound: 'empty', records: (b) => [b.call as Record<string, unknown>] }),
    read({
      name: 'by ids', method: 'POST', path: '/v2/calls/extensive', paging: 'body', requires: ['Id'],
      bindings: [list('Id', 'body:filter.callIds', { onePerValue: true }), range('Scheduled', 'body:filter.fromDateTime', 'body:filter.toDateTime'), equals('WorkspaceId', 'body:filter.workspaceId')],
      records: (b) => listOf('calls')(b).map((c) => c.metaData as Record<string, unknown>),
    }),
    read({
      name: 'by hosts', method: 'POST', path: '/v2/calls/extensive', paging: 'body', requires: ['PrimaryUserId'],
      bindings: [list('PrimaryUserId', 'body:filter.primaryUserIds'), range('Scheduled', 'body:filter.fromDateTime', 'body:filter.toDateTime'), equals('WorkspaceId', 'body:filter.workspaceId')],
      records: (b) => listOf('calls')(b).map((c) => c.metaData as Record<string, unknown>),
    }),
    read({
      name: 'date window', method: 'GET', path: '/v2/calls', paging: 'query',
      bindings: [range('Scheduled', 'query:fromDateTime', 'query:toDateTime'), equals('WorkspaceId', 'query:workspaceId')],
      // Gong requires fromDateTime; without a filter the window starts at the epoch.
      fixed: { query: { fromDateTime: EVERYTHING } },
      records: listOf('calls'),
    }),
  ],
  dml: {
    insert: {
      params: insertParams,
      request: (v) => ({ method: 'POST', path: '/v2/calls', body: callUploadBody({ ...v, PrimaryUser: v.PrimaryUserId }) }),
      result: (reply) => ({ Id: String(reply.callId) }),
      // Gong burns a clientUniqueId forever; an uploaded call is not listed until processed.
      afterUnknown: { dedupeKey: 'ClientUniqueId' },
    },
  },
  peculiarities: [
    'ScheduledStart, ScheduledEnd, ActualStart, Parties, Disposition, Context, LanguageCode and DownloadMediaUrl are used only by INSERT; SELECT returns them empty.',
    PROCESSED_ONLY,
  ],
});

/** The columns every child table of a call carries, read from the call's metaData. */
export const callKeyColumns = (): Column[] => [
  col('CallId', 'id', 'The call this row belongs to.', { key: true, source: '$call.id' }),
  col('CallScheduled', 'datetime', "The call's scheduled start; filters on it reach Gong as the call date window.", { source: '$call.scheduled' }),
  col('WorkspaceId', 'id', "The call's workspace.", { source: '$call.workspaceId' }),
];

export const childFilters = [
  filter('CallId', ['=', 'IN'], 'Sent to Gong as callIds, 100 per request.'),
  filter('CallScheduled', ['>', '>=', '<', '<='], SCHEDULED_FILTER),
  filter('WorkspaceId', ['='], 'Sent to Gong as workspaceId.'),
];

/** POST /v2/calls/extensive asking for one block, unwound into a row per item. */
export function extensiveRead(
  name: string,
  selector: Record<string, unknown>,
  items: (call: Record<string, unknown>) => unknown,
  extraBindings: ReadPath['bindings'] = [],
): ReadPath {
  const contentSelector = 'exposedFields' in selector ? selector : { exposedFields: selector };
  return read({
    name,
    method: 'POST',
    path: '/v2/calls/extensive',
    paging: 'body',
    bindings: [list('CallId', 'body:filter.callIds', { onePerValue: true }), range('CallScheduled', 'body:filter.fromDateTime', 'body:filter.toDateTime'), equals('WorkspaceId', 'body:filter.workspaceId'), ...extraBindings],
    fixed: { body: { filter: {}, contentSelector } },
    records: (body) => listOf('calls')(body).flatMap((call) => {
      const children = items(call);
      return Array.isArray(children) ? children.map((child: Record<string, unknown>) => ({ ...child, $call: call.metaData })) : [];
    }),
  });
}

export const CallParties = defineTable({
  name: 'CallParties',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Participants of each call (a row per party), from calls/extensive.',
  columns: [
    ...callKeyColumns(),
    col('Id', 'id', 'Party id within the call.', { key: true }),
    col('Name', 'text', 'Display name.'),
    col('EmailAddress', 'text', 'Email address.'),
    col('Title', 'text', 'Job title.'),
    col('UserId', 'id', 'Gong user id, for internal parties.'),
    col('SpeakerId', 'id', 'Joins CallTranscripts.SpeakerId; NULL for parties who did not speak.'),
    col('Affiliation', 'text', 'Internal, External or Unknown.'),
    col('PhoneNumber', 'text', 'Phone number.'),
    col('Methods', 'json', 'How the party took part (Invitee, Attendee), JSON array.'),
    col('Context', 'json', 'CRM references of the party, JSON array.'),
  ],
  filters: childFilters,
  reads: [extensiveRead('calls/extensive parties', { parties: true }, (c) => c.parties)],
  peculiarities: [PROCESSED_ONLY],
});

export const CallTopics = defineTable({
  name: 'CallTopics',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Topics Gong detected in each call, with time spent (a row per topic).',
  columns: [...callKeyColumns(), col('Name', 'text', 'Topic name.', { key: true }), col('Duration', 'real', 'Seconds spent on the topic.')],
  filters: childFilters,
  reads: [extensiveRead('calls/extensive topics', { content: { topics: true } }, (c) => at(c, 'content.topics'))],
  peculiarities: [PROCESSED_ONLY],
});

export const CallTrackers = defineTable({
  name: 'CallTrackers',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Trackers that fired in each call, with occurrences (a row per tracker).',
  columns: [
    ...callKeyColumns(),
    col('TrackerId', 'id', 'Tracker id (joins TrackerDetails.TrackerId for keyword trackers).', { key: true, source: 'id' }),
    col('Name', 'text', 'Tracker name.'),
    col('Count', 'integer', 'How many times it fired.'),
    col('Type', 'text', 'KEYWORD or SMART.'),
    col('Occurrences', 'json', 'JSON array of {startTime (seconds), speakerId}.'),
    col('Phrases', 'json', 'JSON array of the phrases that matched, with counts and occurrences.'),
  ],
  filters: childFilters,
  reads: [extensiveRead('calls/extensive trackers', { content: { trackers: true, trackerOccurrences: true } }, (c) => at(c, 'content.trackers'))],
  peculiarities: [PROCESSED_ONLY, 'Tracker occurrences exist only for calls since 2023-01-01.'],
});

export const CallComments = defineTable({
  name: 'CallComments',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Public comments on each call (a row per comment).',
  columns: [
    ...callKeyColumns(),
    col('Id', 'id', 'Comment id.', { key: true }),
    col('AudioStartTime', 'real', 'Where in the recording the comment points, seconds.'),
    col('AudioEndTime', 'real', 'End of the commented span, seconds.'),
    col('CommenterUserId', 'id', 'Gong user who commented.'),
    col('Comment', 'text', 'Text; mentions look like @[name](user id).'),
    col('Posted', 'datetime', 'When it was posted.'),
    col('InReplyTo', 'id', 'The comment this one answers.'),
    col('DuringCall', 'boolean', 'Posted while the call was live.'),
  ],
  filters: childFilters,
  reads: [extensiveRead('calls/extensive comments', { collaboration: { publicComments: true } }, (c) => at(c, 'collaboration.publicComments'))],
  peculiarities: [PROCESSED_ONLY],
});

/**
 * Transcript rows carry no speaker names, users, affiliations and no call date: both come from the calls'
 * parties, read through calls/extensive 100 calls at a time.
 */
async function speakerNames(records: Record<string, unknown>[], fetch: EnrichFetch): Promise<Record<string, unknown>[]> {
  const callIds = [...new Set(records.map((r) => String(r.callId)))];
  const calls = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < callIds.length; i += 100) {
    const found = await fetch({
      method: 'POST', path: '/v2/calls/extensive', paging: 'body',
      body: { filter: { callIds: callIds.slice(i, i + 100) }, contentSelector: { exposedFields: { parties: true } } },
      records: listOf('calls'),
    });
    for (const call of found) calls.set(String(at(call, 'metaData.id')), call);
  }
  return records.map((r) => {
    const call = calls.get(String(r.callId));
    const parties = (call?.parties as Record<string, unknown>[] | undefined) ?? [];
    const speaker = parties.find((p) => p.speakerId !== null && p.speakerId !== undefined && String(p.speakerId) === String(r.speakerId));
    return { ...r, speakerName: speaker?.name ?? null, speakerUserId: speaker?.userId ?? null, speakerAffiliation: speaker?.affiliation ?? null, $call: call?.metaData ?? { id: r.callId } };
  });
}

export const CallTranscripts = defineTable({
  name: 'CallTranscripts',
  group: 'Calls',
  mirror: { kind: 'perCall', callKey: 'CallId' },
  description: 'Call transcripts, a row per sentence, with the speaker resolved through the call\'s parties.',
  columns: [
    ...callKeyColumns(),
    col('SpeakerId', 'id', 'Speaker id (joins CallParties.SpeakerId); NULL when Gong could not attribute the speech.'),
    col('SpeakerName', 'text', "The speaker's name from the call's parties (NULL when unknown)."),
    col('UserId', 'id', "The speaker's Gong user id when internal, from the call's parties (NULL otherwise).", { source: 'speakerUserId' }),
    col('Affiliation', 'text', "The speaker's affiliation from the call's parties: Internal, External or Unknown (NULL when unattributed).", { source: 'speakerAffiliation' }),
    col('Topic', 'text', 'Topic of the monologue, when Gong found one.'),
    col('StartMs', 'integer', 'Sentence start, milliseconds from the call start.', { key: true, source: 'start' }),
    col('EndMs', 'integer', 'Sentence end, milliseconds from the call start.', { source: 'end' }),
    col('Text', 'text', 'The sentence.'),
  ],
  filters: childFilters,
  reads: [
    read({
      name: 'calls/transcript', method: 'POST', path: '/v2/calls/transcript', paging: 'body',
      bindings: [list('CallId', 'body:filter.callIds', { onePerValue: true }), range('CallScheduled', 'body:filter.fromDateTime', 'body:filter.toDateTime'), equals('WorkspaceId', 'body:filter.workspaceId')],
      fixed: { body: { filter: {} } },
      records: (body) => listOf('callTranscripts')(body).flatMap((t) =>
        listOf('transcript')(t).flatMap((m) => listOf('sentences')(m).map((s) => ({ callId: t.callId, speakerId: m.speakerId, topic: m.topic, ...s })))),
      enrich: speakerNames,
    }),
  ],
  peculiarities: [PROCESSED_ONLY, 'SpeakerName, UserId and Affiliation cost one extra calls/extensive request per 100 calls.'],
});
