import { randomUUID } from 'node:crypto';
import { col, defineTable, equals, filter, listOf, range, read, writable } from './define';

/** Gong needs a clientRequestId per asynchronous CRM request; one is made when none is given. */
export const newClientRequestId = (): string => `gongsql-${randomUUID()}`;

export const CRMIntegrations = defineTable({
  name: 'CRMIntegrations',
  group: 'CRM',
  mirror: { kind: 'fullRefresh' },
  description: 'Generic CRM integrations registered through the CRM API (at most one per company).',
  columns: [
    col('IntegrationId', 'id', 'Integration id (Gong sends an int64 number; kept exact as text).', { key: true }),
    writable(col('OwnerEmail', 'text', 'Email of the integration owner.')),
    writable(col('Name', 'text', 'Integration name.')),
  ],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/crm/integrations', records: listOf('integrations') })],
  dml: {
    insert: {
      params: [
        { name: 'OwnerEmail', type: 'email', required: true, description: 'Email of the integration owner.', maxLength: 320 },
        { name: 'Name', type: 'text', required: true, description: 'Integration name.', maxLength: 255 },
      ],
      request: (v) => ({ method: 'PUT', path: '/v2/crm/integrations', body: { ownerEmail: v.OwnerEmail, name: v.Name } }),
      result: (reply) => ({ IntegrationId: String(reply.integrationId) }),
      afterUnknown: { findBy: ['Name'] },
    },
    delete: {
      key: 'IntegrationId',
      request: (id) => ({ method: 'DELETE', path: '/v2/crm/integrations', query: { integrationId: id, clientRequestId: newClientRequestId() } }),
    },
  },
  peculiarities: [
    'CRMIntegrations holds only integrations created through the CRM API (not native Salesforce or HubSpot ones).',
    'DELETE is asynchronous at Gong: the integration and its CRM data go within up to 24 hours (CALL DeleteCRMIntegration returns the request id to follow).',
  ],
});

export const CallManualCRMAssociations = defineTable({
  name: 'CallManualCRMAssociations',
  group: 'CRM',
  mirror: { kind: 'createdSince', cursor: 'Created' },
  description: 'Calls users associated with CRM accounts or deals by hand, as events in time order.',
  columns: [
    col('CallId', 'id', 'The call.', { key: true }),
    col('UserId', 'id', 'Who made the association.'),
    col('Created', 'datetime', 'When.', { key: true }),
    col('AssociatedCrmObjects', 'json', 'JSON array of {accountCrmId, dealCrmId}.'),
  ],
  filters: [filter('Created', ['>', '>='], 'Sent to Gong as fromDateTime.')],
  reads: [read({
    name: 'list', method: 'GET', path: '/v2/calls/manual-crm-associations', paging: 'query',
    bindings: [range('Created', 'query:fromDateTime', undefined)],
    records: listOf('associations'),
  })],
  peculiarities: ['Re-associations appear as additional events; incremental replication sees new records only.'],
});

export const CRM_OBJECT_TYPES = ['ACCOUNT', 'CONTACT', 'DEAL', 'LEAD', 'BUSINESS_USER', 'STAGE'] as const;

export const CRMEntitySchema = defineTable({
  name: 'CRMEntitySchema',
  group: 'CRM',
  mirror: { kind: 'none', reason: 'Gong reads it for one integration id, a required filter: read it with WHERE IntegrationId = …' },
  description: 'The CRM fields uploaded to the generic CRM integration, per object type (GET /v2/crm/entity-schema).',
  columns: [
    col('IntegrationId', 'id', 'The integration (CRMIntegrations.IntegrationId); a required filter.', { key: true, source: (_r, ctx) => ctx.bound.IntegrationId }),
    col('ObjectType', 'text', `${CRM_OBJECT_TYPES.join(', ')}.`, { key: true, source: '$objectType' }),
    col('Name', 'text', "The field's unique name.", { key: true }),
    col('Label', 'text', 'Its label in the CRM.'),
    col('Type', 'text', 'DATE, DATETIME, NUMBER, PERCENT, CURRENCY, ID, URL, STRING, BOOLEAN, PHONENUMBER, EMAILADDRESS, PICKLIST, REFERENCE or STRINGARRAY.'),
    col('LastModified', 'datetime', 'When the field last changed in the CRM.'),
    col('IsDeleted', 'boolean', 'Deleted in the CRM.'),
    col('ReferenceTo', 'text', 'For REFERENCE fields: ACCOUNT, CONTACT, DEAL, LEAD or USER.'),
    col('OrderedValueList', 'json', 'For PICKLIST fields: JSON array of {value, order}.'),
  ],
  filters: [
    filter('IntegrationId', ['='], 'Required: sent to Gong as integrationId.'),
    filter('ObjectType', ['='], 'Sent to Gong as objectType, which Gong requires: without it, one request per object type.'),
  ],
  reads: [read({
    name: 'per object type', method: 'GET', path: '/v2/crm/entity-schema', requires: ['IntegrationId', 'ObjectType'], notFound: 'empty',
    bindings: [equals('IntegrationId', 'query:integrationId'), equals('ObjectType', 'query:objectType', 'text')],
    fanOut: { column: 'ObjectType', values: CRM_OBJECT_TYPES },
    records: (body) => {
      const byType = body.objectTypeToSelectedFields;
      if (byType === null || typeof byType !== 'object') return [];
      return Object.entries(byType as Record<string, unknown>).flatMap(([objectType, fields]) =>
        (Array.isArray(fields) ? (fields as Record<string, unknown>[]) : []).map((f) => ({ ...f, $objectType: objectType })));
    },
  })],
  peculiarities: ['A filter IntegrationId = … is required (SELECT IntegrationId FROM CRMIntegrations finds it); without ObjectType, one request per object type.', 'An object type no schema was uploaded for has no rows (Gong answers 404).'],
});

export const CRMRequestStatus = defineTable({
  name: 'CRMRequestStatus',
  group: 'CRM',
  mirror: { kind: 'none', reason: 'Gong reads the status of one request at a time: integration id and client request id are required filters' },
  description: 'Status of an asynchronous CRM request: an upload or an integration deletion (GET /v2/crm/request-status).',
  columns: [
    col('IntegrationId', 'id', 'The integration; a required filter.', { key: true, source: (_r, ctx) => ctx.bound.IntegrationId }),
    col('ClientRequestId', 'text', 'The clientRequestId of the request (DeleteCRMIntegration returns it); a required filter.', { key: true, source: (_r, ctx) => ctx.bound.ClientRequestId }),
    col('Status', 'text', 'PENDING, IN_PROGRESS, DONE or FAILED.'),
    col('TotalSuccessCount', 'integer', 'Records processed.'),
    col('TotalErrorCount', 'integer', 'Records that failed.'),
    col('Errors', 'json', 'Up to 20 errors, JSON array of {line, description} (line 0 is about the whole request).'),
  ],
  filters: [
    filter('IntegrationId', ['='], 'Required: sent to Gong as integrationId.'),
    filter('ClientRequestId', ['='], 'Required: sent to Gong as clientRequestId.'),
  ],
  reads: [read({
    name: 'one request', method: 'GET', path: '/v2/crm/request-status', requires: ['IntegrationId', 'ClientRequestId'], notFound: 'empty',
    bindings: [equals('IntegrationId', 'query:integrationId'), equals('ClientRequestId', 'query:clientRequestId', 'text')],
    records: (body) => [body],
  })],
  peculiarities: ['Filters IntegrationId = … AND ClientRequestId = \'…\' are required: Gong reports on one request at a time.'],
});
