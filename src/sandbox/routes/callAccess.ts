import type { User } from '../data/model';
import { Random } from '../data/random';
import { NO_CALLS } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { asObject, optIdList, reqId } from '../http/validate';

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
    const callAccessList = calls.map((call) => ({ callId: call.meta.id, users: currentAccess(ctx, call.meta.id, users).map((userId) => ({ userId })) }));
    return { body: { callAccessList } };
  },
};

/** Access as changed by PUT and DELETE since the sandbox started, else as generated. */
function currentAccess(ctx: RequestContext, callId: string, users: readonly User[]): string[] {
  return ctx.store.callAccess.get(callId) ?? usersWithAccess(callId, users);
}

/** PUT (grant) and DELETE (revoke) /v2/calls/users-access: body { callAccessList: [ { callId, userIds } ] }. */
function changeAccess(method: 'PUT' | 'DELETE'): Route {
  return {
    method,
    pattern: '/v2/calls/users-access',
    scope: 'api:call-user-access:write',
    async handle(ctx) {
      const list = asObject(await ctx.json(), 'body').callAccessList;
      if (!Array.isArray(list) || list.length === 0) throw badRequest('callAccessList is required');
      const users = ctx.store.world.users;
      const changes = list.map((entry, i) => {
        const e = asObject(entry, `callAccessList[${i}]`);
        const callId = reqId(e.callId, `callAccessList[${i}].callId`);
        const userIds = optIdList(e.userIds, `callAccessList[${i}].userIds`) ?? [];
        if (!ctx.store.visibleCalls.some((c) => c.meta.id === callId)) throw notFound(`Call ${callId} was not found`);
        const unknown = userIds.find((id) => !users.some((u) => u.id === id));
        if (unknown) throw badRequest(`User ${unknown} was not found`);
        return { callId, userIds };
      });
      for (const { callId, userIds } of changes) {
        const now = new Set(currentAccess(ctx, callId, users));
        for (const id of userIds) if (method === 'PUT') now.add(id); else now.delete(id);
        ctx.store.callAccess.set(callId, [...now]);
      }
      return { body: {} };
    },
  };
}

export const callAccessRoutes: Route[] = [usersAccess, changeAccess('PUT'), changeAccess('DELETE')];
