import { replyText } from './define';
import { CRM_CONTEXT_EXAMPLE, PERSON_EXAMPLE } from './params';
import type { ParamDef, ProcedureDef } from './types';

/**
 * The legacy customer-engagement event pushes (PUT /v2/customer-engagement/…), which Gong
 * keeps beside their successor POST /v2/digital-interaction. Write-only: Gong shows the events
 * on its activity timeline and offers no read.
 */
const COMMON_REQUIRED: readonly ParamDef[] = [
  { name: 'ReportingSystem', type: 'text', required: true, maxLength: 256, description: 'Your id of the system reporting the event; the same in all its events.' },
  { name: 'EventTimestamp', type: 'datetime', required: true, description: 'When it happened: ISO-8601 with an offset, or YYYY-MM-DD HH:MM:SS read as UTC.' },
  { name: 'ContentId', type: 'text', required: true, maxLength: 256, description: 'The content\'s id in the reporting system.' },
  { name: 'ContentUrl', type: 'url', required: true, description: 'The content\'s URL in the reporting system.' },
  { name: 'ContentTitle', type: 'text', required: true, maxLength: 1024, description: 'The content\'s title, as people read it.' },
];

const COMMON_OPTIONAL: readonly ParamDef[] = [
  { name: 'EventId', type: 'text', required: false, maxLength: 256, description: 'The event\'s id in the reporting system.' },
  { name: 'ContentProperties', type: 'jsonArray', required: false, description: 'JSON array of {Name, Value} describing the content.', example: '[{"Name": "Pages", "Value": "12"}]' },
  { name: 'EventProperties', type: 'jsonArray', required: false, description: 'JSON array of {Name, Value} describing the event.', example: '[{"Name": "Seconds viewed", "Value": "95"}]' },
  { name: 'CrmContext', type: 'jsonArray', required: false, description: 'JSON array of references to CRM objects (System, Objects with ObjectType and ObjectId).', example: CRM_CONTEXT_EXAMPLE },
  { name: 'WorkspaceId', type: 'id', required: false, description: 'The workspace the event belongs to; Gong decides when absent.' },
];

const CLIENT_PARAMS: readonly ParamDef[] = [
  { name: 'UserAgent', type: 'text', required: false, maxLength: 1024, description: 'The browser\'s User-Agent header, for a browser interaction.' },
  { name: 'AgentPlatform', type: 'text', required: false, maxLength: 256, description: 'The platform of the interaction, e.g. MacOS.' },
  { name: 'MobileAppId', type: 'text', required: false, maxLength: 256, description: 'The app\'s bundle id or package name, for a mobile interaction.' },
];

const RETURNS = [{ name: 'RequestId', type: 'text', description: "Gong's requestId." }] as const;
const WRITE_ONLY = 'Write-only: nothing reported can be read back through the API. Gong calls these endpoints legacy; ReportDigitalInteraction is their successor.';

/** Gong's body key for a parameter: its name in camelCase (ContentUrl → contentUrl). */
const bodyKey = (param: string) => param[0]!.toLowerCase() + param.slice(1);

function eventProcedure(name: string, path: string, description: string, params: readonly ParamDef[]): ProcedureDef {
  return {
    name,
    description: `${description} (PUT ${path}). Write-only.`,
    params,
    returns: [...RETURNS],
    peculiarities: [WRITE_ONLY],
    async run(args, send) {
      const body = Object.fromEntries(params.filter((p) => args[p.name] !== undefined && args[p.name] !== null).map((p) => [bodyKey(p.name), args[p.name]]));
      const reply = await send({ method: 'PUT', path, body });
      return { RequestId: replyText(reply.requestId) };
    },
  };
}

export const ReportContentViewed = eventProcedure('ReportContentViewed', '/v2/customer-engagement/content/viewed',
  'Reports that an external participant viewed content, such as a prospect opening a contract', [
    ...COMMON_REQUIRED,
    { name: 'Viewer', type: 'jsonObject', required: false, description: 'Who viewed: JSON object with Email, Name, Title, … (PascalCase keys).', example: PERSON_EXAMPLE },
    { name: 'ViewActionTitle', type: 'text', required: false, maxLength: 256, description: 'The action, e.g. "Document viewed" or "Presentation opened".' },
    { name: 'ViewInfoUrl', type: 'url', required: false, description: 'A page with more about this view.' },
    { name: 'ShareId', type: 'text', required: false, maxLength: 256, description: 'The share this view follows, when content is shared more than once.' },
    ...COMMON_OPTIONAL, ...CLIENT_PARAMS,
  ]);

export const ReportContentShared = eventProcedure('ReportContentShared', '/v2/customer-engagement/content/shared',
  'Reports that a Gong user shared content with external participants, such as an AE sending a contract', [
    ...COMMON_REQUIRED,
    { name: 'Sharer', type: 'jsonObject', required: false, description: 'Who shared: JSON object with Email, Name, GongId, … (PascalCase keys).', example: '{"Email": "dana.reyes@yourco.com", "Name": "Dana Reyes"}' },
    { name: 'Recipients', type: 'jsonArray', required: false, description: 'JSON array of {Email, Name}; each needs an Email.', example: `[${PERSON_EXAMPLE}]` },
    { name: 'ActionName', type: 'text', required: false, maxLength: 256, description: 'The action, e.g. "Contract shared".' },
    { name: 'ShareId', type: 'text', required: false, maxLength: 256, description: 'The share\'s id, when content is shared more than once.' },
    { name: 'ShareInfoUrl', type: 'url', required: false, description: 'A page with more about this share.' },
    { name: 'SharingMessageSubject', type: 'text', required: false, maxLength: 1024, description: 'The subject of the share email or message.' },
    { name: 'SharingMessageBody', type: 'text', required: false, description: 'The share message; HTML is cleaned when Gong shows it.' },
    ...COMMON_OPTIONAL,
  ]);

export const ReportCustomAction = eventProcedure('ReportCustomAction', '/v2/customer-engagement/action',
  'Reports any other engagement of an external participant with content, such as a prospect signing a contract', [
    ...COMMON_REQUIRED,
    { name: 'ActionName', type: 'text', required: true, maxLength: 256, description: 'The action, e.g. "Contract signed".' },
    { name: 'Actor', type: 'jsonObject', required: false, description: 'Who acted: JSON object with Email, Name, … (PascalCase keys).', example: PERSON_EXAMPLE },
    { name: 'EventInfoUrl', type: 'url', required: false, description: 'A page with more about this event.' },
    ...COMMON_OPTIONAL, ...CLIENT_PARAMS,
  ]);
