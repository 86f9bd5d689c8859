import type { User } from '../data/model';
import { Random } from '../data/random';
import { NO_CALLS } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import type { Route } from '../http/router';
import { asObject, optIdList } from '../http/validate';

/**
 * The users given access to a call, derived from its id. Most calls have none; some one to
 * three users; a few (a training call) a whole team.
 */
export function usersWithAccess(callId: string, users: readonly User[]): string[] {
  const random = new Random(`access:${callId}`);
  const count = random.bool(0.6) ? 0 : random.bool(0.9) ? random.int(1, 3) : random.int(8, 15);
  return random.sample(users, count).map((u) => u.id);
}

/**
 * POST /v2/calls/users-access: users given access to a call beyond their permission profile.
 */
const usersAccess: Route = {
  method: 'POST',
  pattern: '/v2/calls/users-access',
  scope: 'api:call-user-access:read',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const filter = asObject(body.filter ?? {}, 'filter');
    const callIds = optIdList(filter.callIds, 'filter.callIds');
    if (!callIds) throw badRequest('filter.callIds is required');
    if (callIds.length > 100) throw badRequest('filter.callIds may hold at most 100 call ids');
    const users = ctx.store.world.users;
    const calls = callIds.flatMap((id) => ctx.store.visibleCalls.filter((c) => c.meta.id === id));
    if (calls.length === 0) throw notFound(NO_CALLS);
    const callAccessList = calls.map((call) => ({ callId: call.meta.id, users: usersWithAccess(call.meta.id, users).map((userId) => ({ userId })) }));
    return { body: { callAccessList } };
  },
};

export const callAccessRoutes: Route[] = [usersAccess];
