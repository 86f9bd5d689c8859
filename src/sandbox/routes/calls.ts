import type { SandboxCall } from '../data/model';
import { transcriptOf } from '../data/transcripts';
import { getPaging, NO_CALLS, nonEmpty, postPaging } from '../http/context';
import { notFound } from '../http/errors';
import { RawJson } from '../http/json';
import type { RequestContext, Route } from '../http/router';
import { asObject, inWindow, optDateTime, optId, optIdList, reqDateTime } from '../http/validate';
import { callKey } from '../store';
import { callData, parseContentSelector } from './callData';

/** GET /v2/calls: processed calls in a date window, 100 per page, cursor in the query. */
const listCalls: Route = {
  method: 'GET',
  pattern: '/v2/calls',
  scope: 'api:calls:read:basic',
  handle(ctx) {
    const from = reqDateTime(ctx.query.get('fromDateTime'), 'fromDateTime');
    const to = optDateTime(ctx.query.get('toDateTime'), 'toDateTime') ?? ctx.now();
    const workspaceId = optId(ctx.query.get('workspaceId'), 'workspaceId');
    let calls = ctx.store.callsInWindow(from, to);
    if (workspaceId !== undefined) calls = calls.filter((c) => c.meta.workspaceId === workspaceId);
    const page = ctx.pager.page(nonEmpty(calls, NO_CALLS), callKey, getPaging(ctx));
    return { body: { records: page.records, calls: page.items.map(metaJson) } };
  },
};

/** A visible call's metadata no longer changes, so the listing serializes it once. */
const serializedMeta = new WeakMap<SandboxCall, RawJson>();
function metaJson(call: SandboxCall): RawJson {
  let raw = serializedMeta.get(call);
  if (raw === undefined) {
    raw = new RawJson(JSON.stringify(call.meta));
    serializedMeta.set(call, raw);
  }
  return raw;
}

const getCall: Route = {
  method: 'GET',
  pattern: '/v2/calls/{id}',
  scope: 'api:calls:read:basic',
  handle(ctx) {
    const call = ctx.store.call(ctx.params.id ?? '');
    if (call?.state === 'processing') throw notFound(`Call ID ${call.meta.id} is not ready yet`);
    if (call?.state !== 'processed') throw notFound('Call ID was not found');
    return { body: { call: call.meta } };
  },
};

interface CallFilter { from?: number; to?: number; workspaceId?: string; callIds?: string[]; primaryUserIds?: string[] }

function readCallFilter(value: unknown, allowPrimaryUsers: boolean): CallFilter {
  const filter = asObject(value, 'filter');
  return {
    from: optDateTime(filter.fromDateTime, 'filter.fromDateTime'),
    to: optDateTime(filter.toDateTime, 'filter.toDateTime'),
    workspaceId: optId(filter.workspaceId, 'filter.workspaceId'),
    callIds: optIdList(filter.callIds, 'filter.callIds'),
    primaryUserIds: allowPrimaryUsers ? optIdList(filter.primaryUserIds, 'filter.primaryUserIds') : undefined,
  };
}

/** The calls a POST filter selects; with callIds, only those inside the date window. */
function selectCalls(ctx: RequestContext, f: CallFilter): SandboxCall[] {
  let calls: SandboxCall[];
  if (f.callIds) {
    const wanted = new Set(f.callIds);
    calls = [...wanted].map((id) => ctx.store.call(id)).filter((c): c is SandboxCall => c?.state === 'processed' && inWindow(c.filterTimeMs, f.from, f.to));
    calls.sort((a, b) => (callKey(a) < callKey(b) ? -1 : 1));
  } else {
    calls = ctx.store.callsInWindow(f.from, f.to);
  }
  return calls.filter((c) =>
    (f.workspaceId === undefined || c.meta.workspaceId === f.workspaceId) &&
    (f.primaryUserIds === undefined || f.primaryUserIds.includes(c.meta.primaryUserId)));
}

const extensiveCalls: Route = {
  method: 'POST',
  pattern: '/v2/calls/extensive',
  scope: 'api:calls:read:extensive',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const filter = readCallFilter(body.filter, true);
    const selector = parseContentSelector(body.contentSelector, ctx);
    const page = ctx.pager.page(nonEmpty(selectCalls(ctx, filter), NO_CALLS), callKey, postPaging(ctx, body));
    return { body: { records: page.records, calls: page.items.map((c) => callData(c, selector)) } };
  },
};

const transcripts: Route = {
  method: 'POST',
  pattern: '/v2/calls/transcript',
  scope: 'api:calls:read:transcript',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const filter = readCallFilter(body.filter, false);
    const page = ctx.pager.page(nonEmpty(selectCalls(ctx, filter), NO_CALLS), callKey, postPaging(ctx, body));
    return { body: { records: page.records, callTranscripts: page.items.map((c) => ({ callId: c.meta.id, transcript: transcriptOf(c) })) } };
  },
};

/** GET /v2/calls/manual-crm-associations: events in ascending time, after fromDateTime. */
const manualAssociations: Route = {
  method: 'GET',
  pattern: '/v2/calls/manual-crm-associations',
  scope: 'api:crm-calls:manual-association:read',
  handle(ctx) {
    const from = optDateTime(ctx.query.get('fromDateTime'), 'fromDateTime');
    const events = ctx.store.world.associations.map((a, i) => ({ a, key: `${a.created}#${String(i).padStart(8, '0')}` }))
      .filter(({ a }) => from === undefined || Date.parse(a.created) >= from);
    const page = ctx.pager.page(nonEmpty(events, 'No associations found corresponding to the provided filters'), (e) => e.key, getPaging(ctx));
    return { body: { records: page.records, associations: page.items.map((e) => e.a) } };
  },
};

export const callReadRoutes: Route[] = [listCalls, manualAssociations, getCall, extensiveCalls, transcripts];
