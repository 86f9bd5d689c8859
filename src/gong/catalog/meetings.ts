import { col, defineTable, filter, list, listOf, read, replyText } from './define';
import type { ParamDef, ProcedureDef } from './types';

export const MeetingIntegrationStatus = defineTable({
  name: 'MeetingIntegrationStatus',
  group: 'Users',
  mirror: { kind: 'none', reason: "a live check of each user's calendar connection, not data that changes by itself; Gong's meetings have no list endpoint" },
  description: "Whether Gong can create meetings in each user's calendar (POST /v2/meetings/integration/status; meetings are a limited-release API).",
  columns: [
    col('Email', 'text', "The user's email address.", { key: true }),
    col('Exists', 'boolean', 'A Gong user has this address.'),
    col('Valid', 'boolean', 'Gong can schedule meetings for this user.'),
    col('UserFacingError', 'text', 'Why not, as Gong tells the user.'),
    col('FixUrl', 'text', 'Where the user fixes it.'),
    col('HelpUrl', 'text', 'Help on the problem.'),
  ],
  filters: [filter('Email', ['=', 'IN'], "Sent to Gong as emails (100 per request), which Gong requires: without it, one request per user's email.")],
  reads: [read({
    name: 'by emails', method: 'POST', path: '/v2/meetings/integration/status', requires: ['Email'],
    bindings: [list('Email', 'body:emails', { onePerValue: true, format: 'text' })],
    fanOut: { column: 'Email', from: { table: 'Users', column: 'EmailAddress' } },
    records: listOf('users'),
  })],
  peculiarities: ['Gong offers meetings to some companies only (a 403 otherwise). There is no endpoint that lists meetings.', 'Filter on Email (= or IN): without it, gongsql asks for every user\'s email, 100 a request.', 'Gong answers for every address it is asked about: an address named in the filter that is no Gong user still gets a row (Exists = 0), which a read without the filter does not have.'],
});

const MEETING_PARAMS: readonly ParamDef[] = [
  { name: 'StartTime', type: 'datetime', required: true, description: 'Start, in the future: ISO-8601 with an offset, or YYYY-MM-DD HH:MM:SS read as UTC.' },
  { name: 'EndTime', type: 'datetime', required: true, description: 'End, after StartTime.' },
  { name: 'OrganizerEmail', type: 'email', required: true, maxLength: 320, description: 'The Gong user who organizes it: one whose meeting integration is valid (see MeetingIntegrationStatus); UpdateMeeting and DeleteMeeting take the same organizer, it cannot be changed.' },
  { name: 'Invitees', type: 'jsonArray', required: true, description: 'JSON array of the invitees, the organizer not included: objects with Email (required), DisplayName, FirstName, LastName.', example: '[{"Email": "jane@acme.com", "DisplayName": "Jane Doe"}]' },
  { name: 'Title', type: 'text', required: false, maxLength: 1024, description: 'The meeting title.' },
  { name: 'ExternalId', type: 'text', required: false, maxLength: 256, description: 'Your id of the meeting.' },
];
const LIMITED = 'Meetings are a limited-release Gong API: Gong answers 403 to companies without it. There is no endpoint that lists meetings.';

function meetingBody(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = { startTime: args.StartTime, endTime: args.EndTime, organizerEmail: args.OrganizerEmail, invitees: args.Invitees };
  if (args.Title !== undefined && args.Title !== null) body.title = args.Title;
  if (args.ExternalId !== undefined && args.ExternalId !== null) body.externalId = args.ExternalId;
  return body;
}

export const CreateMeeting: ProcedureDef = {
  name: 'CreateMeeting',
  description: 'Creates a meeting in the organizer\'s calendar that Gong records (POST /v2/meetings).',
  params: MEETING_PARAMS,
  returns: [
    { name: 'MeetingId', type: 'id', description: 'The new meeting.' },
    { name: 'MeetingUrl', type: 'text', description: 'Its link.' },
    { name: 'AdditionalInvitees', type: 'json', description: 'Invitees Gong added (its recorder), JSON array.' },
  ],
  peculiarities: [LIMITED],
  async run(args, send) {
    const reply = await send({ method: 'POST', path: '/v2/meetings', body: meetingBody(args) });
    return { MeetingId: replyText(reply.meetingId), MeetingUrl: replyText(reply.meetingUrl), AdditionalInvitees: JSON.stringify(reply.additionalInvitees ?? []) };
  },
};

export const UpdateMeeting: ProcedureDef = {
  name: 'UpdateMeeting',
  description: 'Replaces a meeting\'s time, invitees and title (PUT /v2/meetings/{meetingId}).',
  params: [{ name: 'MeetingId', type: 'id', required: true, description: 'The meeting CreateMeeting returned.' }, ...MEETING_PARAMS],
  returns: [{ name: 'MeetingId', type: 'id', description: 'The meeting.' }],
  peculiarities: [LIMITED, 'Every field is replaced: pass the full invitee list.'],
  async run(args, send) {
    const reply = await send({ method: 'PUT', path: `/v2/meetings/${encodeURIComponent(String(args.MeetingId))}`, body: meetingBody(args) });
    return { MeetingId: replyText(reply.meetingId ?? args.MeetingId) };
  },
};

export const DeleteMeeting: ProcedureDef = {
  name: 'DeleteMeeting',
  description: 'Deletes a meeting Gong created (DELETE /v2/meetings/{meetingId}).',
  params: [
    { name: 'MeetingId', type: 'id', required: true, description: 'The meeting.' },
    { name: 'OrganizerEmail', type: 'email', required: true, maxLength: 320, description: 'Its organizer, as Gong requires.' },
  ],
  returns: [{ name: 'RequestId', type: 'text', description: "Gong's requestId." }],
  peculiarities: [LIMITED],
  async run(args, send) {
    const reply = await send({ method: 'DELETE', path: `/v2/meetings/${encodeURIComponent(String(args.MeetingId))}`, body: { organizerEmail: args.OrganizerEmail } });
    return { RequestId: replyText(reply.requestId) };
  },
};
