import { badRequest, conflict } from '../http/errors';
import type { Route } from '../http/router';
import { asObject, optEnum, optObject, reqDateTime, reqString } from '../http/validate';

/** POST /v2/digital-interaction: write-only; an eventId reported before is refused with 409. */
const digitalInteraction: Route = {
  method: 'POST',
  pattern: '/v2/digital-interaction',
  scope: 'api:digital-interactions:write',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const eventId = reqString(body.eventId, 'eventId', 256);
    reqString(body.timestamp, 'timestamp');
    reqString(body.eventType, 'eventType', 256);
    const content = asObject(body.content, 'content');
    reqString(content.contentTitle, 'content.contentTitle', 1024);
    const seen = ctx.store.world.digitalInteractions;
    if (seen.has(eventId)) throw conflict(`An event with eventId ${eventId} was already reported`);
    seen.set(eventId, body);
    return { body: {} };
  },
};


const INTEGRATION_TYPES = ['EMAIL_COMPOSER', 'ACCOUNT_PAGES', 'DIALER'] as const;

/** POST /v2/integration-settings: which origins may embed Gong's widgets; write-only. */
const integrationSettings: Route = {
  method: 'POST',
  pattern: '/v2/integration-settings',
  scope: 'api:integration-settings:write',
  async handle(ctx) {
    const list = asObject(await ctx.json(), 'body').integrationTypeSettings;
    if (!Array.isArray(list) || list.length === 0) throw badRequest('integrationTypeSettings is required');
    list.forEach((entry, i) => {
      const e = asObject(entry, `integrationTypeSettings[${i}]`);
      if (optEnum(e.integrationType, `integrationTypeSettings[${i}].integrationType`, INTEGRATION_TYPES) === undefined) throw badRequest(`integrationTypeSettings[${i}].integrationType is required`);
      reqString(e.allowedOrigin, `integrationTypeSettings[${i}].allowedOrigin`, 2048);
    });
    return { body: {} };
  },
};

type EngagementKind = 'viewed' | 'shared' | 'action';

/** The fields every legacy customer-engagement event requires, plus the kind's own. */
const ENGAGEMENT_REQUIRED: Record<EngagementKind, readonly string[]> = {
  viewed: [],
  shared: [],
  action: ['actionName'],
};

/** PUT /v2/customer-engagement/{content/viewed|content/shared|action}: legacy event pushes; write-only. */
function engagementEvent(kind: EngagementKind, pattern: string): Route {
  return {
    method: 'PUT',
    pattern,
    scope: 'api:engagement-data:write',
    async handle(ctx) {
      const body = asObject(await ctx.json(), 'body');
      for (const field of ['reportingSystem', 'contentId', 'contentUrl', 'contentTitle', ...ENGAGEMENT_REQUIRED[kind]]) reqString(body[field], field, 2048);
      reqDateTime(body.eventTimestamp, 'eventTimestamp');
      for (const field of ['viewer', 'sharer', 'actor']) optObject(body[field], field);
      if (body.recipients !== undefined) {
        if (!Array.isArray(body.recipients)) throw badRequest('recipients must be an array');
        body.recipients.forEach((r, i) => reqString(asObject(r, `recipients[${i}]`).email, `recipients[${i}].email`, 256));
      }
      ctx.store.world.engagementEvents.push({ kind, body });
      return { body: {} };
    },
  };
}

const engagementRoutes = [
  engagementEvent('viewed', '/v2/customer-engagement/content/viewed'),
  engagementEvent('shared', '/v2/customer-engagement/content/shared'),
  engagementEvent('action', '/v2/customer-engagement/action'),
];

export const digitalInteractionRoutes: Route[] = [digitalInteraction, integrationSettings, ...engagementRoutes];
