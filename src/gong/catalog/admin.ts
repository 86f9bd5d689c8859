import { col, defineTable, equals, filter, listOf, range, read, writable } from './define';
import type { ParamDef } from './types';

const ACCESS_COLUMNS = ['CallsAccess', 'LibraryFolderAccess', 'DealsAccess', 'CoachingAccess', 'InsightsAccess', 'UsageAccess', 'EmailsAccess'] as const;
const STRUCTURED_KEYS = new Set(['id', 'name', 'description', ...ACCESS_COLUMNS.map((c) => c.charAt(0).toLowerCase() + c.slice(1)), 'forecastPermissions']);

/** The profile's boolean capabilities, which Gong lists at the top level of the DTO. */
function capabilities(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k, v]) => !STRUCTURED_KEYS.has(k) && !k.startsWith('$') && typeof v === 'boolean'));
}

const profileParams = (nameRequired: boolean): ParamDef[] => [
  { name: 'Name', type: 'text', required: nameRequired, description: 'Profile name (unique within the workspace).', maxLength: 255 },
  { name: 'Description', type: 'text', required: false, description: 'Description.', maxLength: 2000 },
  ...ACCESS_COLUMNS.map((name): ParamDef => ({ name, type: 'jsonObject', required: false, description: `${name} as a JSON object.`, example: '{"permissionLevel": "all"}' })),
  { name: 'Capabilities', type: 'jsonObject', required: false, description: 'Boolean capabilities as a JSON object.', example: '{"scoreCalls": true}' },
];

/** The DTO Gong takes, from validated profile values. */
function profileDto(v: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const dto: Record<string, unknown> = { ...(v.Capabilities as Record<string, unknown> | undefined) };
  if (v.Name !== undefined) dto.name = v.Name;
  if (v.Description !== undefined) dto.description = v.Description;
  for (const c of ACCESS_COLUMNS) if (v[c] !== undefined) dto[c.charAt(0).toLowerCase() + c.slice(1)] = v[c];
  return dto;
}

export const PermissionProfiles = defineTable({
  name: 'PermissionProfiles',
  group: 'Admin',
  mirror: { kind: 'fullRefresh' },
  description: 'Permission profiles of each workspace.',
  columns: [
    col('Id', 'id', 'Profile id.', { key: true }),
    writable(col('Name', 'text', 'Name.')),
    writable(col('Description', 'text', 'Description.')),
    writable(col('WorkspaceId', 'id', 'Workspace (from the request: Gong lists profiles per workspace).', { source: (_r, ctx) => ctx.bound.WorkspaceId })),
    ...ACCESS_COLUMNS.map((name) => writable(col(name, 'json', `${name.replace(/Access$/, '')} access, JSON object {permissionLevel, …}.`))),
    writable(col('Capabilities', 'json', 'Boolean capabilities (scoreCalls, downloadCallMedia, …), JSON object.', { source: capabilities })),
  ],
  filters: [filter('WorkspaceId', ['='], 'Sent to Gong as workspaceId; without it, one request per workspace.')],
  reads: [read({
    name: 'per workspace', method: 'GET', path: '/v2/all-permission-profiles', requires: ['WorkspaceId'],
    bindings: [equals('WorkspaceId', 'query:workspaceId')],
    fanOut: { column: 'WorkspaceId', from: { table: 'Workspaces', column: 'Id' } },
    records: listOf('profiles'),
  })],
  dml: {
    insert: {
      params: [{ name: 'WorkspaceId', type: 'id', required: true, description: 'Workspace of the new profile.' }, ...profileParams(true)],
      request: (v) => ({ method: 'POST', path: '/v2/permission-profile', query: { workspaceId: String(v.WorkspaceId) }, body: profileDto(v) }),
      result: (reply) => ({ Id: String((reply.profile as Record<string, unknown> | undefined)?.id ?? '') }),
      afterUnknown: { findBy: ['WorkspaceId', 'Name'] },
    },
    update: {
      key: 'Id',
      params: profileParams(false),
      request: (id, changes) => ({ method: 'PUT', path: '/v2/permission-profile', query: { profileId: id }, body: profileDto(changes) }),
    },
  },
  peculiarities: [
    "Gong's single-profile endpoint does not say which workspace a profile is in, so profiles are always read per workspace (WorkspaceId = reads one workspace).",
  ],
});

export const PermissionProfileUsers = defineTable({
  name: 'PermissionProfileUsers',
  group: 'Admin',
  mirror: { kind: 'fullRefresh' },
  description: 'Users holding each permission profile.',
  columns: [
    col('ProfileId', 'id', 'The profile.', { key: true, source: (_r, ctx) => ctx.bound.ProfileId }),
    col('UserId', 'id', 'The user.', { key: true, source: 'id' }),
    col('FullName', 'text', 'Full name.'),
    col('EmailAddress', 'text', 'Email.'),
  ],
  filters: [filter('ProfileId', ['='], 'Sent to Gong as profileId; without it, one request per profile.')],
  reads: [read({
    name: 'per profile', method: 'GET', path: '/v2/permission-profile/users', requires: ['ProfileId'], notFound: 'empty',
    bindings: [equals('ProfileId', 'query:profileId')],
    fanOut: { column: 'ProfileId', from: { table: 'PermissionProfiles', column: 'Id' } },
    records: listOf('users'),
  })],
});

export const LOG_TYPES = ['AccessLog', 'UserActivityLog', 'UserCallPlay', 'ExternallySharedCallAccess', 'ExternallySharedCallPlay'] as const;

export const AuditLogs = defineTable({
  name: 'AuditLogs',
  group: 'Admin',
  mirror: { kind: 'createdSince', cursor: 'EventTime' },
  description: 'Audit log entries by type.',
  columns: [
    col('LogType', 'text', `One of ${LOG_TYPES.join(', ')}.`, { key: true, source: (_r, ctx) => ctx.bound.LogType }),
    col('UserId', 'id', 'Acting user.'),
    col('UserEmailAddress', 'text', 'Acting user email.'),
    col('UserFullName', 'text', 'Acting user name.'),
    col('ImpersonatorUserId', 'id', 'Impersonating user, if any.'),
    col('ImpersonatorEmailAddress', 'text', 'Impersonator email.'),
    col('ImpersonatorFullName', 'text', 'Impersonator name.'),
    col('ImpersonatorCompanyId', 'id', 'Impersonator company.'),
    col('EventTime', 'datetime', 'When it happened.', { key: true }),
    col('LogRecord', 'json', 'The entry, free-form JSON.'),
  ],
  filters: [
    filter('LogType', ['='], 'Sent to Gong as logType, which Gong requires: without it, one request per log type.'),
    filter('EventTime', ['>', '>=', '<', '<='], 'Sent to Gong as fromDateTime/toDateTime.'),
  ],
  reads: [read({
    name: 'per log type', method: 'GET', path: '/v2/logs', paging: 'query', requires: ['LogType'],
    bindings: [equals('LogType', 'query:logType', 'text'), range('EventTime', 'query:fromDateTime', 'query:toDateTime')],
    fanOut: { column: 'LogType', values: LOG_TYPES },
    fixed: { query: { fromDateTime: '1970-01-01T00:00:00Z' } },
    records: listOf('logEntries'),
  })],
});
