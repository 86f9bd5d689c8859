import { Random } from '../data/random';
import { isoSeconds } from '../data/time';
import { badRequest, notFound } from '../http/errors';
import type { Route } from '../http/router';
import { reqId } from '../http/validate';

export const CRM_OBJECT_TYPES = ['ACCOUNT', 'CONTACT', 'DEAL', 'LEAD', 'BUSINESS_USER', 'STAGE'] as const;

/** The fields a company selected per object type; each integration picks some (derived from its id). */
const FIELDS: Readonly<Record<string, readonly [string, string, string?][]>> = {
  ACCOUNT: [['Name', 'STRING'], ['Industry', 'PICKLIST'], ['AnnualRevenue', 'CURRENCY'], ['NumberOfEmployees', 'NUMBER'], ['Website', 'URL'], ['OwnerId', 'REFERENCE', 'USER']],
  CONTACT: [['FirstName', 'STRING'], ['LastName', 'STRING'], ['Email', 'EMAILADDRESS'], ['Phone', 'PHONENUMBER'], ['AccountId', 'REFERENCE', 'ACCOUNT'], ['Title', 'STRING']],
  DEAL: [['Name', 'STRING'], ['Amount', 'CURRENCY'], ['StageName', 'PICKLIST'], ['Probability', 'PERCENT'], ['CloseDate', 'DATE'], ['AccountId', 'REFERENCE', 'ACCOUNT'], ['IsWon', 'BOOLEAN']],
  LEAD: [['Company', 'STRING'], ['Email', 'EMAILADDRESS'], ['Status', 'PICKLIST'], ['ConvertedDate', 'DATETIME']],
  BUSINESS_USER: [['Email', 'EMAILADDRESS'], ['Name', 'STRING']],
  STAGE: [['Name', 'STRING'], ['SortOrder', 'NUMBER'], ['IsActive', 'BOOLEAN']],
};

const PICKLISTS: Readonly<Record<string, string[]>> = {
  Industry: ['Software', 'Retail', 'Finance', 'Healthcare'],
  StageName: ['Discovery', 'Demo', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'],
  Status: ['New', 'Working', 'Qualified', 'Unqualified'],
};

/** GET /v2/crm/entity-schema: the fields of one object type of the integration; 404 when none were uploaded. */
const entitySchema: Route = {
  method: 'GET',
  pattern: '/v2/crm/entity-schema',
  scope: 'api:crm:schema',
  handle(ctx) {
    const integrationId = reqId(ctx.query.get('integrationId'), 'integrationId');
    const objectType = ctx.query.get('objectType');
    if (objectType === null || objectType === '') throw badRequest('objectType is required');
    if (!(CRM_OBJECT_TYPES as readonly string[]).includes(objectType)) throw badRequest(`objectType must be one of ${CRM_OBJECT_TYPES.join(', ')}`);
    if (!ctx.store.world.crmIntegrations.some((i) => i.integrationId === integrationId)) throw notFound(`Integration ${integrationId} was not found`);
    const random = new Random(`schema:${integrationId}:${objectType}`);
    // Gong holds a schema only for the types the company uploaded one for: LEAD and STAGE often lack one.
    if ((objectType === 'LEAD' || objectType === 'STAGE') && random.bool(0.5)) throw notFound(`No schema found for object type ${objectType}`);
    const fields = (FIELDS[objectType] ?? []).filter((_f, i) => i < 2 || random.bool(0.75)).map(([name, type, referenceTo]) => ({
      name,
      label: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      type,
      lastModified: isoSeconds(Date.UTC(2025, random.int(0, 11), random.int(1, 28), random.int(0, 23))),
      isDeleted: random.bool(0.08),
      referenceTo: referenceTo ?? null,
      orderedValueList: type === 'PICKLIST' ? (PICKLISTS[name] ?? []).map((value, order) => ({ value, order })) : null,
    }));
    return { body: { objectTypeToSelectedFields: { [objectType]: fields } } };
  },
};

export const crmSchemaRoutes: Route[] = [entitySchema];
