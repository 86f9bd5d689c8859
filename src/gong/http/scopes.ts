/**
 * The OAuth scope each Gong endpoint gongsql calls needs (gong-api.md §2.3). "Sign in with
 * Gong" asks for all of them, and a 403 names the one its endpoint needs. An endpoint
 * with `undefined` needs no scope Gong documents (permission profiles). A test checks this
 * table against the sandbox's routes, which declare their scopes on their own.
 */
export const ENDPOINT_SCOPES: Readonly<Record<string, string | undefined>> = {
  'GET /v2/calls': 'api:calls:read:basic',
  'GET /v2/calls/{id}': 'api:calls:read:basic',
  'POST /v2/calls/extensive': 'api:calls:read:extensive',
  'POST /v2/calls/transcript': 'api:calls:read:transcript',
  'GET /v2/calls/manual-crm-associations': 'api:crm-calls:manual-association:read',
  'POST /v2/calls': 'api:calls:create',
  'PUT /v2/calls/{id}/media': 'api:calls:create',
  'GET /v2/users': 'api:users:read',
  'GET /v2/users/{id}': 'api:users:read',
  'POST /v2/users/extensive': 'api:users:read',
  'GET /v2/workspaces': 'api:workspaces:read',
  'GET /v2/settings/scorecards': 'api:settings:scorecards:read',
  'GET /v2/settings/trackers': 'api:settings:trackers:read',
  'POST /v2/stats/activity/scorecards': 'api:stats:scorecards',
  'POST /v2/stats/activity/aggregate': 'api:stats:user-actions',
  'POST /v2/stats/activity/aggregate-by-period': 'api:stats:user-actions',
  'POST /v2/stats/activity/day-by-day': 'api:stats:user-actions:detailed',
  'POST /v2/stats/interaction': 'api:stats:interaction',
  'GET /v2/library/folders': 'api:library:read',
  'GET /v2/library/folder-content': 'api:library:read',
  'GET /v2/crm/integrations': 'api:crm:integrations:read',
  'PUT /v2/crm/integrations': 'api:crm:integration:register',
  'DELETE /v2/crm/integrations': 'api:crm:integration:delete',
  'GET /v2/crm/request-status': 'api:crm:upload',
  'GET /v2/all-permission-profiles': undefined,
  'GET /v2/permission-profile': undefined,
  'POST /v2/permission-profile': undefined,
  'PUT /v2/permission-profile': undefined,
  'GET /v2/permission-profile/users': 'api:users:read',
  'GET /v2/logs': 'api:logs:read',
  'GET /v2/users/{id}/settings-history': 'api:users:read',
  'GET /v2/flows': 'api:flows:read',
  'GET /v2/flows/folders': 'api:flows:read',
  'GET /v2/call-outcomes': 'api:call-outcomes:read',
  'GET /v2/data-privacy/data-for-email-address': 'api:data-privacy:read',
  'GET /v2/data-privacy/data-for-phone-number': 'api:data-privacy:read',
  'POST /v2/data-privacy/erase-data-for-email-address': 'api:data-privacy:delete',
  'POST /v2/data-privacy/erase-data-for-phone-number': 'api:data-privacy:delete',
  'GET /v2/crm/entity-schema': 'api:crm:schema',
  'POST /v2/calls/users-access': 'api:call-user-access:read',
  'POST /v2/meetings/integration/status': 'api:meetings:integration:status',
  'POST /v2/flows/prospects': 'api:flows:read',
  'POST /v2/flows/prospects/assign': 'api:flows:write',
  'POST /v2/flows/prospects/unassign-flows-by-crm-id': 'api:flows:write',
  'POST /v2/digital-interaction': 'api:digital-interactions:write',
  'GET /v2/coaching': 'api:coaching:read',
  'POST /v2/meetings': 'api:meetings:user:create',
  'PUT /v2/meetings/{meetingId}': 'api:meetings:user:update',
  'DELETE /v2/meetings/{meetingId}': 'api:meetings:user:delete',
  'PUT /v2/calls/users-access': 'api:call-user-access:write',
  'DELETE /v2/calls/users-access': 'api:call-user-access:write',
  'POST /v2/integration-settings': 'api:integration-settings:write',
  'POST /v2/tasks': 'api:tasks:read',
  'PUT /v2/customer-engagement/content/viewed': 'api:engagement-data:write',
  'PUT /v2/customer-engagement/content/shared': 'api:engagement-data:write',
  'PUT /v2/customer-engagement/action': 'api:engagement-data:write',
};

const patterns = Object.entries(ENDPOINT_SCOPES).map(([endpoint, scope]) => ({
  match: new RegExp(`^${endpoint.replace(/\{\w+\}/g, '[^/]+')}$`),
  scope,
}));

/** The scope of a request such as `GET /v2/calls/123` (ids in the path), if Gong documents one. */
export function scopeOf(endpoint: string): string | undefined {
  const withoutQuery = endpoint.split('?', 1)[0] ?? endpoint;
  return patterns.find((p) => p.match.test(withoutQuery))?.scope;
}

/** Scopes a request needs beyond its endpoint's: calls/extensive sends media URLs only with this one. */
export const MEDIA_URL_SCOPE = 'api:calls:read:media-url';

/** Every scope gongsql can use, reads and writes: what "Sign in with Gong" asks for. */
export function allScopes(): string[] {
  return [...new Set([...Object.values(ENDPOINT_SCOPES).filter((s): s is string => s !== undefined), MEDIA_URL_SCOPE])];
}
