import { replyText } from './define';
import { PERSON_EXAMPLE } from './params';
import type { ProcedureDef } from './types';

/** Write-only endpoints: events gongsql can send to Gong but never read back. */
export const ReportDigitalInteraction: ProcedureDef = {
  name: 'ReportDigitalInteraction',
  description: "Reports a prospect's digital interaction (a page visit, a document view, a webinar) to Gong (POST /v2/digital-interaction). Write-only: Gong offers no read.",
  params: [
    { name: 'EventId', type: 'text', required: true, maxLength: 256, description: 'Your unique id of the event; Gong refuses an id reported before.' },
    { name: 'Timestamp', type: 'datetime', required: true, description: 'When it happened: ISO-8601 with an offset, or YYYY-MM-DD HH:MM:SS read as UTC.' },
    { name: 'EventType', type: 'text', required: true, maxLength: 256, description: 'What happened, e.g. "Page view", "Document viewed".' },
    { name: 'Content', type: 'jsonObject', required: true, description: 'What was seen: JSON object with ContentTitle (required), ContentId, ContentLabel (array of text), ContentUrl.', example: '{"ContentTitle": "Pricing page", "ContentUrl": "https://www.acme.com/pricing"}' },
    { name: 'SourceSystemName', type: 'text', required: false, maxLength: 256, description: 'The system that saw the event.' },
    { name: 'SessionId', type: 'text', required: false, maxLength: 256, description: 'The visit the event belongs to.' },
    { name: 'Device', type: 'enum', required: false, values: ['MOBILE', 'PC'], description: 'MOBILE or PC.' },
    { name: 'Person', type: 'jsonObject', required: false, description: 'Who: JSON object with Email, Name, CrmId, … (PascalCase keys).', example: PERSON_EXAMPLE },
    { name: 'CustomFields', type: 'jsonArray', required: false, description: 'JSON array of {Name, Value}.', example: '[{"Name": "Campaign", "Value": "Q4 webinar"}]' },
    { name: 'TrackingId', type: 'text', required: false, maxLength: 256, description: 'Your tracking cookie or id.' },
  ],
  returns: [{ name: 'RequestId', type: 'text', description: "Gong's requestId." }],
  peculiarities: ['Write-only: nothing reported can be read back through the API.', 'Gong refuses an EventId reported before (409): running the CALL again cannot report an event twice.'],
  async run(args, send) {
    const names: Record<string, string> = { EventId: 'eventId', Timestamp: 'timestamp', EventType: 'eventType', Content: 'content', SourceSystemName: 'sourceSystemName', SessionId: 'sessionId', Device: 'device', Person: 'person', CustomFields: 'customFields', TrackingId: 'trackingId' };
    const body = Object.fromEntries(Object.entries(names).filter(([param]) => args[param] !== undefined && args[param] !== null).map(([param, key]) => [key, args[param]]));
    const reply = await send({ method: 'POST', path: '/v2/digital-interaction', body });
    return { RequestId: replyText(reply.requestId) };
  },
};

export const SetIntegrationSettings: ProcedureDef = {
  name: 'SetIntegrationSettings',
  description: "Sets which web origins may embed Gong's email composer, account pages or dialer (POST /v2/integration-settings). Write-only.",
  params: [{ name: 'IntegrationTypeSettings', type: 'jsonArray', required: true, description: 'JSON array of {IntegrationType: EMAIL_COMPOSER, ACCOUNT_PAGES or DIALER, AllowedOrigin: "https://…"}.', example: '[{"IntegrationType": "DIALER", "AllowedOrigin": "https://crm.example.com"}]' }],
  returns: [{ name: 'RequestId', type: 'text', description: "Gong's requestId." }],
  peculiarities: ['Write-only: Gong offers no read of these settings.'],
  async run(args, send) {
    const reply = await send({ method: 'POST', path: '/v2/integration-settings', body: { integrationTypeSettings: args.IntegrationTypeSettings } });
    return { RequestId: replyText(reply.requestId) };
  },
};
