import type { User } from '../data/model';
import { Random } from '../data/random';
import { DAY_MS } from '../data/time';
import { badRequest, notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { reqDateTime, reqId } from '../http/validate';

const person = (u: User) => ({ id: u.id, emailAddress: u.emailAddress, firstName: u.firstName, lastName: u.lastName, title: u.title });

/**
 * A manager's coaching of each direct report over the period: activity counts that grow with
 * the period's length, vary per manager and report, with an occasional report coached far more.
 */
function metricsFor(manager: User, report: User, from: number, to: number) {
  const days = Math.max(1, Math.round((to - from) / DAY_MS));
  const random = new Random(`coaching:${manager.id}:${report.id}:${from}:${to}`);
  const focus = random.bool(0.1) ? 4 : 1;
  const per = (rate: number) => String(Math.round(days * rate * focus * (0.3 + random.next() * 1.4)));
  return {
    'Calls listened to': [per(0.4)],
    'Comments given': [per(0.25)],
    'Feedback given': [per(0.15)],
    'Scorecards filled': [per(0.1)],
    'Calls shared': [per(0.05)],
  };
}

/** GET /v2/coaching: all four parameters are required (note Gong's hyphenated names). */
const coaching: Route = {
  method: 'GET',
  pattern: '/v2/coaching',
  scope: 'api:coaching:read',
  handle(ctx: RequestContext) {
    const workspaceId = reqId(ctx.query.get('workspace-id') ?? undefined, 'workspace-id');
    const managerId = reqId(ctx.query.get('manager-id') ?? undefined, 'manager-id');
    const from = reqDateTime(ctx.query.get('from') ?? undefined, 'from');
    const to = reqDateTime(ctx.query.get('to') ?? undefined, 'to');
    if (to <= from) throw badRequest('to must be after from');
    const world = ctx.store.world;
    if (!world.workspaces.some((w) => w.id === workspaceId)) throw notFound('Workspace not found');
    const manager = world.users.find((u) => u.id === managerId);
    if (!manager) throw notFound('User not found');
    const reports = world.users.filter((u) => u.managerId === managerId && !world.avatarUserIds.has(u.id));
    if (reports.length === 0) throw notFound('No coaching data found for this manager');
    return { body: { coachingData: [{ manager: person(manager), directReportsMetrics: reports.map((r) => ({ report: person(r), metrics: metricsFor(manager, r, from, to) })) }] } };
  },
};

export const coachingRoutes: Route[] = [coaching];
