import { conflict } from '../http/errors';
import type { Route } from '../http/router';
import { asObject, reqString } from '../http/validate';

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

export const digitalInteractionRoutes: Route[] = [digitalInteraction];
