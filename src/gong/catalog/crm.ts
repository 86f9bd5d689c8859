import { randomUUID } from 'node:crypto';
import { col, defineTable, filter, listOf, range, read, writable } from './define';

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
