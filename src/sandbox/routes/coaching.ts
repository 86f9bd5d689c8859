import type { ActivityKind, User } from '../data/model';
import type { Store } from '../store';
import { badRequest, notFound } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { reqDateTime, reqId } from '../http/validate';

const person = (u: User) => ({ id: u.id, emailAddress: u.emailAddress, firstName: u.firstName, lastName: u.lastName, title: u.title });

/** Gong's coaching metrics and the activity-stats events behind each (a manager's events on a report's calls). */
export const COACHING_METRICS: readonly [string, ActivityKind][] = [
  ['Calls listened to', 'othersCallsListenedTo'],
  ['Comments given', 'callsCommentsGiven'],
  ['Feedback given', 'callsGaveFeedback'],
  ['Scorecards filled', 'callsScorecardsFilled'],
  ['Feedback marked as given', 'callsMarkedAsFeedbackGiven'],
];

/**
 * A manager's coaching of each direct report over the period, counted from the same events
 * as the activity stats (UserActivity*): the distinct calls of the report the manager
 * listened to, commented on, gave feedback on or scored in the period.
 */
function metricsByReport(store: Store, manager: User, reports: readonly User[], from: number, to: number) {
  const wanted = new Set(reports.map((r) => r.id));
  const calls = new Map(reports.map((r) => [r.id, new Map(COACHING_METRICS.map(([, kind]) => [kind, new Set<string>()]))]));
  for (const e of store.world.activity) {
    if (e.userId !== manager.id || e.ms < from || e.ms >= to) continue;
    const host = store.call(e.callId)?.meta.primaryUserId;
    if (host !== undefined && wanted.has(host)) calls.get(host)?.get(e.kind)?.add(e.callId);
  }
  return (report: User) => Object.fromEntries(COACHING_METRICS.map(([name, kind]) => [name, [String(calls.get(report.id)?.get(kind)?.size ?? 0)]]));
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
    const metricsOf = metricsByReport(ctx.store, manager, reports, from, to);
    return { body: { coachingData: [{ manager: person(manager), directReportsMetrics: reports.map((r) => ({ report: person(r), metrics: metricsOf(r) })) }] } };
  },
};

export const coachingRoutes: Route[] = [coaching];
