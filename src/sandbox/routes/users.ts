import type { User } from '../data/model';
import { getPaging, nonEmpty, postPaging } from '../http/context';
import { notFound } from '../http/errors';
import { timeIdKey } from '../http/paging';
import type { RequestContext, Route } from '../http/router';
import { asObject, inWindow, optBool, optDateTime, optIdList } from '../http/validate';

const userKey = (u: User) => timeIdKey(Date.parse(u.created), u.id);

function visibleUsers(ctx: RequestContext, includeAvatars: boolean): User[] {
  const users = ctx.store.world.users.filter((u) => includeAvatars || !ctx.store.world.avatarUserIds.has(u.id));
  return users.sort((a, b) => (userKey(a) < userKey(b) ? -1 : 1));
}

const listUsers: Route = {
  method: 'GET',
  pattern: '/v2/users',
  scope: 'api:users:read',
  handle(ctx) {
    const users = visibleUsers(ctx, optBool(ctx.query.get('includeAvatars'), 'includeAvatars') ?? false);
    const page = ctx.pager.page(nonEmpty(users, 'No users found corresponding to the provided filters'), userKey, getPaging(ctx));
    return { body: { records: page.records, users: page.items } };
  },
};

const getUser: Route = {
  method: 'GET',
  pattern: '/v2/users/{id}',
  scope: 'api:users:read',
  handle(ctx) {
    const user = ctx.store.world.users.find((u) => u.id === ctx.params.id);
    if (!user) throw notFound('User not found');
    return { body: { user } };
  },
};

/** GET /v2/users/{id}/settings-history: every change, oldest first, not paged (an empty list when none). */
const settingsHistory: Route = {
  method: 'GET',
  pattern: '/v2/users/{id}/settings-history',
  scope: 'api:users:read',
  handle(ctx) {
    const history = ctx.store.world.settingsHistory.get(ctx.params.id ?? '');
    if (!history) throw notFound('User not found');
    return { body: { userSettingsHistory: history } };
  },
};

const extensiveUsers: Route = {
  method: 'POST',
  pattern: '/v2/users/extensive',
  scope: 'api:users:read',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const filter = asObject(body.filter, 'filter');
    const from = optDateTime(filter.createdFromDateTime, 'filter.createdFromDateTime');
    const to = optDateTime(filter.createdToDateTime, 'filter.createdToDateTime');
    const ids = optIdList(filter.userIds, 'filter.userIds');
    const wanted = ids && new Set(ids);
    const users = visibleUsers(ctx, optBool(filter.includeAvatars, 'filter.includeAvatars') ?? false)
      .filter((u) => inWindow(Date.parse(u.created), from, to) && (!wanted || wanted.has(u.id)));
    const page = ctx.pager.page(nonEmpty(users, 'No users found corresponding to the provided filters'), userKey, postPaging(ctx, body));
    return { body: { records: page.records, users: page.items } };
  },
};

const workspaces: Route = {
  method: 'GET',
  pattern: '/v2/workspaces',
  scope: 'api:workspaces:read',
  handle: (ctx) => ({ body: { workspaces: ctx.store.world.workspaces } }),
};

export const userRoutes: Route[] = [listUsers, getUser, settingsHistory, extensiveUsers, workspaces];
