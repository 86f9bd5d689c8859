import type { CrmRequest } from '../data/model';
import { badRequest, conflict, notFound } from '../http/errors';
import { int64 } from '../http/json';
import type { RequestContext, Route } from '../http/router';
import { asObject, reqId, reqString } from '../http/validate';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The integrationId + clientRequestId pair that names an asynchronous CRM request. */
function requestKey(ctx: RequestContext) {
  return {
    integrationId: reqId(ctx.query.get('integrationId'), 'integrationId'),
    clientRequestId: reqString(ctx.query.get('clientRequestId'), 'clientRequestId'),
  };
}

const listIntegrations: Route = {
  method: 'GET',
  pattern: '/v2/crm/integrations',
  scope: 'api:crm:integrations:read',
  handle: (ctx) => ({
    body: { integrations: ctx.store.world.crmIntegrations.map((i) => ({ ...i, integrationId: int64(i.integrationId) })) },
  }),
};

/** PUT /v2/crm/integrations: Gong allows one integration per company (409 otherwise). */
const registerIntegration: Route = {
  method: 'PUT',
  pattern: '/v2/crm/integrations',
  scope: 'api:crm:integration:register',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const ownerEmail = reqString(body.ownerEmail, 'ownerEmail', 320);
    const name = reqString(body.name, 'name', 255);
    if (ctx.store.world.crmIntegrations.length > 0) throw conflict('An active CRM integration already exists for this company');
    const integrationId = ctx.store.newId().slice(0, 18);
    ctx.store.world.crmIntegrations.push({ integrationId, ownerEmail, name });
    return { body: { integrationId: int64(integrationId) } };
  },
};

/** DELETE /v2/crm/integrations: asynchronous; poll GET /v2/crm/request-status. */
const deleteIntegration: Route = {
  method: 'DELETE',
  pattern: '/v2/crm/integrations',
  scope: 'api:crm:integration:delete',
  handle(ctx) {
    const { integrationId, clientRequestId } = requestKey(ctx);
    if (!CLIENT_REQUEST_ID.test(clientRequestId)) throw badRequest('clientRequestId may contain only letters, digits, "-" and "_"');
    const world = ctx.store.world;
    if (world.crmRequests.some((r) => r.clientRequestId === clientRequestId)) throw conflict(`clientRequestId ${clientRequestId} was already used`);
    if (!world.crmIntegrations.some((i) => i.integrationId === integrationId)) throw notFound(`Integration ${integrationId} was not found`);
    const request: CrmRequest = { integrationId, clientRequestId, createdMs: ctx.now(), status: 'PENDING' };
    world.crmRequests.push(request);
    const step = ctx.store.media.processingDelayMs;
    ctx.store.later(step, () => { request.status = 'IN_PROGRESS'; });
    ctx.store.later(step * 2, () => {
      request.status = 'DONE';
      world.crmIntegrations = world.crmIntegrations.filter((i) => i.integrationId !== integrationId);
    });
    return { status: 201, body: { clientRequestId } };
  },
};

const requestStatus: Route = {
  method: 'GET',
  pattern: '/v2/crm/request-status',
  scope: 'api:crm:upload',
  handle(ctx) {
    const { integrationId, clientRequestId } = requestKey(ctx);
    const request = ctx.store.world.crmRequests.find((r) => r.integrationId === integrationId && r.clientRequestId === clientRequestId);
    if (!request) throw notFound('No request found for this integrationId and clientRequestId');
    return { body: { status: request.status, errors: [], totalErrorCount: 0, totalSuccessCount: request.status === 'DONE' ? 1 : 0 } };
  },
};

export const crmRoutes: Route[] = [listIntegrations, registerIntegration, deleteIntegration, requestStatus];
