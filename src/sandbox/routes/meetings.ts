import { Random } from '../data/random';
import { badRequest } from '../http/errors';
import type { Route } from '../http/router';
import { asObject } from '../http/validate';

/** POST /v2/meetings/integration/status: whether Gong can schedule meetings in each user's calendar. */
const integrationStatus: Route = {
  method: 'POST',
  pattern: '/v2/meetings/integration/status',
  scope: 'api:meetings:integration:status',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const emails = body.emails;
    if (!Array.isArray(emails) || emails.length === 0) throw badRequest('emails is required');
    if (emails.length > 100) throw badRequest('emails may hold at most 100 addresses');
    const users = emails.map((e, i) => {
      if (typeof e !== 'string') throw badRequest(`emails[${i}] must be a string`);
      const user = ctx.store.world.users.find((u) => u.emailAddress.toLowerCase() === e.toLowerCase());
      const random = new Random(`meetings:${e.toLowerCase()}`);
      const valid = user !== undefined && user.active && random.bool(0.85);
      return {
        email: e,
        exists: user !== undefined,
        valid,
        userFacingError: valid ? null : user === undefined ? 'No Gong user has this email address' : random.pick(['Calendar is not connected', 'Calendar permission expired', 'User is inactive']),
        fixUrl: valid ? null : 'https://app.gong.io/settings/calendar',
        helpUrl: valid ? null : 'https://help.gong.io/docs/connect-your-calendar',
      };
    });
    return { body: { users } };
  },
};

export const meetingRoutes: Route[] = [integrationStatus];
