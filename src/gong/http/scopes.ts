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
