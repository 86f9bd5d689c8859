import { at, col, defineTable, equals, filter, listOf, read, replyText } from './define';
import type { MirrorPolicy, ParamDef, ProcedureDef } from './types';

/**
 * Gong's data-privacy lookups answer for one person at a time: the reply's lists (emails,
 * calls, meetings, CRM records, engagement events, matching numbers) become one row per item.
 */
type Item = Record<string, unknown>;
const item = (objectType: string, objectId: unknown, system: unknown, time: unknown, details: unknown): Item =>
  ({ objectType, objectId: objectId === undefined || objectId === null ? null : String(objectId), system: system ?? null, time: time ?? null, details });

function commonItems(body: Item): Item[] {
  return [
    ...listOf('calls')(body).map((c) => item('Call', c.id, at(c, 'externalSystems.0.system'), null, c)),
    ...listOf('meetings')(body).map((m) => item('Meeting', m.id, null, null, m)),
    ...listOf('customerData')(body).flatMap((s) => listOf('objects')(s).map((o) => item(`Crm${String(o.objectType ?? 'Object')}`, o.id, s.system, null, o))),
  ];
}

const emailItems = (body: Item): Item[] => [
  ...listOf('emails')(body).map((e) => item('Email', e.id, null, e.sentTime, e)),
  ...commonItems(body),
  ...listOf('customerEngagement')(body).map((e) => item('EngagementEvent', e.sourceEventId, e.reportingSystem, e.timestamp, e)),
];

const phoneItems = (body: Item): Item[] => {
  const strings = (key: string) => (Array.isArray(body[key]) ? (body[key] as unknown[]) : []).map(String);
  return [
    ...strings('matchingPhoneNumbers').map((n) => item('MatchingPhoneNumber', n, null, null, n)),
    ...strings('emailAddresses').map((e) => item('EmailAddress', e, null, null, e)),
    ...commonItems(body),
  ];
};

const NOT_MIRRORED: MirrorPolicy = { kind: 'none', reason: 'Gong answers only for one email address or phone number at a time, a required filter: there is nothing to list in bulk' };

const itemColumns = (what: string) => [
  col('ObjectType', 'text', `What Gong holds about the ${what}: Email, Call, Meeting, CrmContact, CrmLead, EngagementEvent${what === 'phone number' ? ', MatchingPhoneNumber, EmailAddress' : ''}.`, { key: true }),
  col('ObjectId', 'text', "The item's id in Gong or in its system (the number or address itself for MatchingPhoneNumber and EmailAddress).", { key: true }),
  col('System', 'text', 'The system it comes from (CRM, telephony, engagement platform), when Gong says.'),
  col('Time', 'datetime', 'When an email was sent or an engagement event happened.'),
  col('Details', 'json', "The item as Gong returns it, JSON."),
];

export const DataPrivacyByEmail = defineTable({
  name: 'DataPrivacyByEmail',
  group: 'Privacy',
  mirror: NOT_MIRRORED,
  description: 'Everything Gong holds that references one email address: emails, calls, meetings, CRM records, engagement events (GET /v2/data-privacy/data-for-email-address).',
  columns: [col('EmailAddress', 'text', 'The email address looked up (required filter).', { key: true, source: (_r, ctx) => ctx.bound.EmailAddress }), ...itemColumns('email address')],
  filters: [filter('EmailAddress', ['='], 'Required: sent to Gong as emailAddress. Gong looks up one address per request.')],
  reads: [read({
    name: 'lookup', method: 'GET', path: '/v2/data-privacy/data-for-email-address', requires: ['EmailAddress'], notFound: 'empty',
    bindings: [equals('EmailAddress', 'query:emailAddress', 'text')],
    records: emailItems,
  })],
  peculiarities: ['A filter EmailAddress = \'…\' is required: Gong answers for one address at a time.', 'To erase what is found: CALL EraseDataForEmailAddress(\'…\'), which always asks for confirmation.'],
});

export const DataPrivacyByPhone = defineTable({
  name: 'DataPrivacyByPhone',
  group: 'Privacy',
  mirror: NOT_MIRRORED,
  description: 'Everything Gong holds that references one phone number: calls, meetings, CRM records, matching numbers and email addresses (GET /v2/data-privacy/data-for-phone-number).',
  columns: [col('PhoneNumber', 'text', "The phone number looked up, starting with + and the country code (required filter).", { key: true, source: (_r, ctx) => ctx.bound.PhoneNumber }), ...itemColumns('phone number')],
  filters: [filter('PhoneNumber', ['='], 'Required: sent to Gong as phoneNumber, which must start with + and the country code.')],
  reads: [read({
    name: 'lookup', method: 'GET', path: '/v2/data-privacy/data-for-phone-number', requires: ['PhoneNumber'], notFound: 'empty',
    bindings: [equals('PhoneNumber', 'query:phoneNumber', 'text')],
    records: phoneItems,
  })],
  peculiarities: ["A filter PhoneNumber = '+…' is required: Gong answers for one number at a time, written with + and the country code.", 'Gong matches the digits, so a number written with spaces or dashes finds the same data (MatchingPhoneNumber rows show how it was stored).'],
});

const ERASE_RETURNS = [{ name: 'RequestId', type: 'text', description: "Gong's requestId: quote it to Gong support about the erasure." }] as const;
const ERASE_PECULIARITIES = [
  'Irreversible: CALL asks for confirmation every time (in the editor a dialog; in the CLI only --confirm irreversible-call answers it, not --yes).',
  'Asynchronous at Gong: the erasure takes hours (the sandbox: about 3 seconds); Gong guards against abnormal volumes of erasures.',
  'Gong deletes every call the person appears in (as a speaker, attendee, lead or contact), their emails and their CRM leads and contacts.',
];

/** An erase procedure: one required parameter sent in the query, irreversible, answered with Gong's requestId. */
function eraseProcedure(spec: { name: string; description: string; param: ParamDef; query: string; path: string; erases: (value: string) => string }): ProcedureDef {
  return {
    name: spec.name,
    description: spec.description,
    params: [spec.param],
    returns: ERASE_RETURNS,
    peculiarities: ERASE_PECULIARITIES,
    irreversible: (args) => spec.erases(String(args[spec.param.name])),
    async run(args, send) {
      const reply = await send({ method: 'POST', path: spec.path, query: { [spec.query]: String(args[spec.param.name]) } });
      return { RequestId: replyText(reply.requestId) };
    },
  };
}

export const EraseDataForEmailAddress = eraseProcedure({
  name: 'EraseDataForEmailAddress',
  description: 'Erases every call, email, meeting and CRM record Gong holds that references an email address (POST /v2/data-privacy/erase-data-for-email-address). Cannot be undone. Gong erases asynchronously, over hours: reads show the data until it is done.',
  param: { name: 'EmailAddress', type: 'email', required: true, maxLength: 320, description: "The person's email address (see DataPrivacyByEmail for what Gong holds)." },
  query: 'emailAddress',
  path: '/v2/data-privacy/erase-data-for-email-address',
  erases: (email) => `erase all data Gong holds that references ${email} (calls, emails, meetings, CRM records)`,
});

export const EraseDataForPhoneNumber = eraseProcedure({
  name: 'EraseDataForPhoneNumber',
  description: 'Erases every call, meeting and CRM record Gong holds that references a phone number (POST /v2/data-privacy/erase-data-for-phone-number). Cannot be undone. Gong erases asynchronously, over hours: reads show the data until it is done.',
  param: { name: 'PhoneNumber', type: 'text', required: true, maxLength: 64, description: 'The phone number, starting with + and the country code (see DataPrivacyByPhone for what Gong holds).' },
  query: 'phoneNumber',
  path: '/v2/data-privacy/erase-data-for-phone-number',
  erases: (phone) => `erase all data Gong holds that references the phone number ${phone} (calls, meetings, CRM records)`,
});
