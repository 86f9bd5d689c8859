import type { LogEntry } from '../data/model';
import { LOG_TYPES } from '../data/model';
import { getPaging, nonEmpty } from '../http/context';
import { badRequest } from '../http/errors';
import type { Route } from '../http/router';
import { optDateTime, optEnum, reqDateTime } from '../http/validate';

/** GET /v2/logs: audit entries of one logType in an event-time window. */
const logs: Route = {
  method: 'GET',
  pattern: '/v2/logs',
  scope: 'api:logs:read',
  handle(ctx) {
    const logType = optEnum(ctx.query.get('logType'), 'logType', LOG_TYPES);
    if (logType === undefined) throw badRequest(`logType is required: one of ${LOG_TYPES.join(', ')}`);
    const from = reqDateTime(ctx.query.get('fromDateTime'), 'fromDateTime');
    const to = optDateTime(ctx.query.get('toDateTime'), 'toDateTime');
    const entries = ctx.store.world.logs
      .map((entry, i) => ({ entry, key: `${entry.eventTime}#${String(i).padStart(8, '0')}` }))
      .filter(({ entry }) => {
        const ms = Date.parse(entry.eventTime);
        return entry.logType === logType && ms >= from && (to === undefined || ms < to);
      });
    const page = ctx.pager.page(nonEmpty(entries, 'No logs found corresponding to the provided filters'), (e) => e.key, getPaging(ctx));
    return { body: { records: page.records, logEntries: page.items.map(({ entry }) => withoutType(entry)) } };
  },
};

function withoutType({ logType: _type, ...rest }: LogEntry) {
  return rest;
}

export const logRoutes: Route[] = [logs];
