import type { ParamDef, ParamType } from './types';

/** Gong's language codes for uploaded calls (LanguageCode parameter). */
export const LANGUAGE_CODES: readonly string[] = (
  'af-ZA am-ET ar-AE ar-BH ar-DZ ar-EG ar-IL ar-IQ ar-JO ar-KW ar-LB ar-MA ar-MR ar-OM ar-PS ar-QA ar-SA ar-TN ar-YE ' +
  'az-AZ bg-BG bn-BD bn-IN bs-BA ca-ES cs-CZ da-DK de-AT de-CH de-DE el-GR en-AB en-AU en-CA en-GB en-IE en-IN en-NZ ' +
  'en-PH en-SG en-US en-WL en-ZA es-AR es-BO es-CL es-CO es-CR es-DO es-EC es-ES es-GT es-HN es-MX es-NI es-PA es-PE ' +
  'es-PR es-PY es-SV es-US es-UY et-EE eu-ES fa-IR fi-FI fil-PH fr-BE fr-CA fr-CH fr-FR gl-ES gu-IN he-IL hi-IN hr-HR ' +
  'hu-HU hy-AM id-ID is-IS it-CH it-IT ja-JP jv-ID ka-GE kk-KZ km-KH kn-IN ko-KR lo-LA lt-LT lv-LV mk-MK ml-IN mn-MN ' +
  'mr-IN ms-MY my-MM ne-NP nl-BE nl-NL no-NO pa-Guru-IN pl-PL pt-BR pt-PT ro-RO ru-RU si-LK sk-SK sl-SI sq-AL sr-RS ' +
  'su-ID sv-SE sw-KE sw-TZ ta-IN ta-LK ta-MY ta-SG te-IN th-TH tr-TR uk-UA ur-IN ur-PK uz-UZ vi-VN yue-Hant-HK zh-CN ' +
  'zh-TW zu-ZA'
).split(' ');

export const DIRECTIONS = ['Inbound', 'Outbound', 'Conference', 'Unknown'] as const;

/** Gong's upload limit for media, by file or by URL. */
export const MAX_MEDIA_BYTES = 1.5 * 1024 ** 3;

/** A person outside the company, the shape of Person, Viewer, Actor and Recipients' items. */
export const PERSON_EXAMPLE = '{"Email": "jane@acme.com", "Name": "Jane Doe"}';

/** A reference to a CRM opportunity, the shape of every Context / CrmContext parameter. */
export const CRM_CONTEXT_EXAMPLE = '[{"System": "Salesforce", "Objects": [{"ObjectType": "Opportunity", "ObjectId": "0065e00000AbCdE"}]}]';

const DATETIME_NOTE = 'ISO-8601 with an offset (2018-02-18T02:30:00-07:00 or 2018-02-18T08:00:00Z); YYYY-MM-DD HH:MM:SS is read as UTC';

function param(name: string, type: ParamType, required: boolean, description: string, extra: Partial<ParamDef> = {}): ParamDef {
  return { name, type, required, description, ...extra };
}

/** The parameters of a call upload, shared by CreateDraftCall, CreateCall, CreateCallWithUrl and INSERT INTO Calls. */
export const CALL_PARAMS = {
  ClientUniqueId: param('ClientUniqueId', 'text', true, "The call's id in the PBX or recording system. Gong burns it forever, even for discarded calls.", { maxLength: 2048 }),
  PrimaryUser: param('PrimaryUser', 'id', true, 'The Gong user id of the host (may be written as an unquoted integer literal).'),
  Direction: param('Direction', 'enum', true, 'Inbound, Outbound, Conference or Unknown.', { values: DIRECTIONS }),
  ActualStart: param('ActualStart', 'datetime', true, `When the recording started: ${DATETIME_NOTE}.`),
  Parties: param('Parties', 'jsonArray', true, 'JSON array of participants with PascalCase keys (PhoneNumber, EmailAddress, Name, PartyId, UserId, MediaChannelId, Context); a party for the primary user is required.',
    { example: '[{"UserId": "234599484848423", "Name": "Dana Reyes"}, {"Name": "Jane Doe", "EmailAddress": "jane@acme.com"}]' }),
  ScheduledStart: param('ScheduledStart', 'datetime', false, `Scheduled start: ${DATETIME_NOTE}.`),
  ScheduledEnd: param('ScheduledEnd', 'datetime', false, `Scheduled end: ${DATETIME_NOTE}.`),
  Title: param('Title', 'text', false, 'Call title.', { maxLength: 2048 }),
  Duration: param('Duration', 'integer', false, 'Length in seconds.'),
  WorkspaceId: param('WorkspaceId', 'id', false, 'Workspace to place the call in; without it Gong places the call by its default rule.'),
  CustomData: param('CustomData', 'text', false, 'Free text stored verbatim with the call.'),
  Purpose: param('Purpose', 'text', false, 'Purpose of the call.', { maxLength: 255 }),
  MeetingUrl: param('MeetingUrl', 'url', false, 'URL of the meeting.'),
  Disposition: param('Disposition', 'text', false, 'Disposition of the call.', { maxLength: 255 }),
  Context: param('Context', 'jsonArray', false, 'JSON array of references to external systems (CRM, telephony, case management), PascalCase keys (System, Objects, ObjectType, ObjectId, Fields).',
    { example: CRM_CONTEXT_EXAMPLE }),
  LanguageCode: param('LanguageCode', 'language', false, "Language of the call (e.g. en-US, fr-FR); Gong detects it when absent."),
  MediaFile: param('MediaFile', 'binary', true, 'Path of the recording: WAV, MP3, MP4, MKV or FLAC, at most 1.5 GB and at least 2 minutes long. Streamed from disk.'),
  DownloadMediaUrl: param('DownloadMediaUrl', 'url', true, 'A unique URL Gong downloads the media from: at most 1.5 GB; audio/* or video/*, or application/octet-stream and binary/octet-stream with WAV, MP3, MP4, MKV or FLAC.'),
} as const;

/** The optional parameters of a call upload, in the documented order. */
export const OPTIONAL_CALL_PARAMS: readonly ParamDef[] = [
  CALL_PARAMS.ScheduledStart, CALL_PARAMS.ScheduledEnd, CALL_PARAMS.Title, CALL_PARAMS.Duration, CALL_PARAMS.WorkspaceId,
  CALL_PARAMS.CustomData, CALL_PARAMS.Purpose, CALL_PARAMS.MeetingUrl, CALL_PARAMS.Disposition, CALL_PARAMS.Context, CALL_PARAMS.LanguageCode,
];

export const REQUIRED_CALL_PARAMS: readonly ParamDef[] = [
  CALL_PARAMS.ClientUniqueId, CALL_PARAMS.PrimaryUser, CALL_PARAMS.Direction, CALL_PARAMS.ActualStart, CALL_PARAMS.Parties,
];

/** Gong's POST /v2/calls body from validated call parameters (JSON already camelCased). */
export function callUploadBody(v: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    clientUniqueId: v.ClientUniqueId,
    primaryUser: v.PrimaryUser,
    direction: v.Direction,
    actualStart: v.ActualStart,
    parties: v.Parties,
    scheduledStart: v.ScheduledStart,
    scheduledEnd: v.ScheduledEnd,
    title: v.Title,
    duration: v.Duration,
    workspaceId: v.WorkspaceId,
    customData: v.CustomData,
    purpose: v.Purpose,
    meetingUrl: v.MeetingUrl,
    disposition: v.Disposition,
    context: v.Context,
    languageCode: v.LanguageCode,
    downloadMediaUrl: v.DownloadMediaUrl,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined || body[key] === null) delete body[key];
  return body;
}
