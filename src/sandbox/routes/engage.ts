import type { Flow, FlowAssignment, FlowFolder } from '../data/model';
import { getPaging, nonEmpty } from '../http/context';
import { badRequest, notFound } from '../http/errors';
import { timeIdKey } from '../http/paging';
import type { RequestContext, Route } from '../http/router';
import { asObject, optId, reqId, reqString } from '../http/validate';

/** What an owner sees: their own items plus every Company one (so Company items repeat for every owner). */
function visibleTo<T extends { ownerEmail: string; visibility: string; workspaceId: string }>(items: readonly T[], email: string, workspaceId: string | undefined): T[] {
  return items.filter((x) => (x.ownerEmail.toLowerCase() === email || x.visibility === 'Company') && (workspaceId === undefined || x.workspaceId === workspaceId));
}

type Owned = (Flow | FlowFolder) & { folderId?: string | null; parentFolderId?: string | null };

/**
 * GET /v2/flows and /v2/flows/folders: what an owner can use, by creation, cursor-paged; 400
 * naming the owner email Gong requires, 404 when none. `within` names the folder filter and
 * the field it compares; the owner and workspace are filters, not fields.
 */
function ownerList(pattern: string, ownerParam: string, within: { param: string; field: 'folderId' | 'parentFolderId' }, listKey: string, items: (ctx: RequestContext) => readonly Owned[], what: string): Route {
  return {
    method: 'GET',
    pattern,
    scope: 'api:flows:read',
    handle(ctx) {
      const email = reqString(ctx.query.get(ownerParam) ?? undefined, ownerParam, 320).toLowerCase();
      const workspaceId = optId(ctx.query.get('workspaceId') ?? undefined, 'workspaceId');
      const folder = optId(ctx.query.get(within.param) ?? undefined, within.param);
      const list = visibleTo(items(ctx), email, workspaceId).filter((x) => folder === undefined || x[within.field] === folder);
      const key = (x: Owned) => timeIdKey(Date.parse(x.creationDate), x.id);
      const page = ctx.pager.page(nonEmpty(list.sort((a, b) => (key(a) < key(b) ? -1 : 1)), `No ${what} found corresponding to the provided filters`), key, getPaging(ctx));
      return { body: { records: page.records, [listKey]: page.items.map(({ ownerEmail: _owner, workspaceId: _ws, ...item }) => item) } };
    },
  };
}

const flows = ownerList('/v2/flows', 'flowOwnerEmail', { param: 'folderId', field: 'folderId' }, 'flows', (ctx) => ctx.store.world.flows, 'flows');
const folders = ownerList('/v2/flows/folders', 'flowFolderOwnerEmail', { param: 'parentId', field: 'parentFolderId' }, 'folders', (ctx) => ctx.store.world.flowFolders, 'flow folders');

/** GET /v2/call-outcomes: the company's dialer outcomes, not paged. */
const callOutcomes: Route = {
  method: 'GET',
  pattern: '/v2/call-outcomes',
  scope: 'api:call-outcomes:read',
  handle: (ctx) => ({ body: { outcomes: nonEmpty(ctx.store.world.callOutcomes, 'No call outcomes found') } }),
};


/** CRM prospect ids: Gong requires a non-empty list of at most 200 strings. */
function prospectIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest('crmProspectsIds is required');
  if (value.length > 200) throw badRequest('crmProspectsIds may hold at most 200 prospects');
  return value.map((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') throw badRequest(`crmProspectsIds[${i}] must be a CRM id`);
    return v;
  });
}

/** POST /v2/flows/prospects: the flows each prospect is in; 404 when none is in a flow. */
const prospectsFlows: Route = {
  method: 'POST',
  pattern: '/v2/flows/prospects',
  scope: 'api:flows:read',
  async handle(ctx) {
    const ids = prospectIds(asObject(await ctx.json(), 'body').crmProspectsIds);
    const found = ctx.store.world.flowAssignments.filter((a) => ids.includes(a.crmProspectId));
    return { body: { prospectsAssigned: nonEmpty(found, 'No flows found for the given prospects') } };
  },
};

/**
 * POST /v2/flows/prospects/assign: puts prospects in a flow, run by its owner. A prospect
 * already in an exclusive flow, or in this one, is not assigned (and says why).
 */
const assignProspects: Route = {
  method: 'POST',
  pattern: '/v2/flows/prospects/assign',
  scope: 'api:flows:write',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const ids = prospectIds(body.crmProspectsIds);
    const flowId = reqId(body.flowId, 'flowId');
    const ownerEmail = reqString(body.flowInstanceOwnerEmail, 'flowInstanceOwnerEmail', 320);
    const world = ctx.store.world;
    const flow = world.flows.find((f) => f.id === flowId);
    if (!flow) throw notFound(`Flow ${flowId} was not found`);
    const owner = world.users.find((u) => u.emailAddress.toLowerCase() === ownerEmail.toLowerCase());
    if (!owner) throw badRequest(`flowInstanceOwnerEmail ${ownerEmail} is not a Gong user`);
    const assigned: FlowAssignment[] = [];
    const notAssigned: { flowId: string; crmProspectId: string; errorCode: string; errorMessage: string }[] = [];
    for (const crmProspectId of ids) {
      const current = world.flowAssignments.filter((a) => a.crmProspectId === crmProspectId);
      if (current.some((a) => a.flowId === flowId)) notAssigned.push({ flowId, crmProspectId, errorCode: 'ALREADY_IN_FLOW', errorMessage: 'The prospect is already in this flow' });
      else if (current.some((a) => a.exclusive) || (flow.exclusive && current.length > 0)) notAssigned.push({ flowId, crmProspectId, errorCode: 'EXCLUSIVE_FLOW', errorMessage: 'The prospect is in an exclusive flow' });
      else {
        const assignment: FlowAssignment = {
          flowId, flowName: flow.name, crmProspectId, flowInstanceId: ctx.store.newId(), flowInstanceOwnerEmail: owner.emailAddress,
          flowInstanceOwnerFullName: `${owner.firstName} ${owner.lastName}`, flowInstanceCreateDate: new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, 'Z'),
          flowInstanceStatus: 'Pending', workspaceId: flow.workspaceId, exclusive: flow.exclusive,
        };
        world.flowAssignments.push(assignment);
        assigned.push(assignment);
      }
    }
    return { body: { prospectsAssigned: assigned, prospectsNotAssigned: notAssigned } };
  },
};

/** POST /v2/flows/prospects/unassign-flows-by-crm-id: takes a prospect out of one flow, or all. */
const unassignByCrmId: Route = {
  method: 'POST',
  pattern: '/v2/flows/prospects/unassign-flows-by-crm-id',
  scope: 'api:flows:write',
  async handle(ctx) {
    const body = asObject(await ctx.json(), 'body');
    const crmProspectId = reqString(body.crmProspectId, 'crmProspectId', 64);
    const flowId = optId(body.flowId, 'flowId');
    const world = ctx.store.world;
    const removed = world.flowAssignments.filter((a) => a.crmProspectId === crmProspectId && (flowId === undefined || a.flowId === flowId));
    world.flowAssignments = world.flowAssignments.filter((a) => !removed.includes(a));
    return { body: { unassignedFlowInstanceIds: removed.map((a) => a.flowInstanceId) } };
  },
};

export const prospectRoutes: Route[] = [prospectsFlows, assignProspects, unassignByCrmId];

const TASK_TYPES = ['FLOW', 'MANUAL'] as const;
const TASK_STATUSES = ['OPEN', 'DONE', 'DISMISSED'] as const;

/** A required list filter of tasks: every value one of `allowed`; 400 naming it otherwise. */
function reqChoices<T extends string>(value: unknown, name: string, allowed: readonly T[]): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${name} is required`);
  if (value.some((v) => !allowed.includes(v as T))) throw badRequest(`${name} must hold values of ${allowed.join(', ')}`);
  return value as T[];
}

/** POST /v2/tasks: a user's Engage call tasks; userId, types, taskAction and status are required; 404 when none; not paged. */
const tasks: Route = {
  method: 'POST',
  pattern: '/v2/tasks',
  scope: 'api:tasks:read',
  async handle(ctx) {
    const filter = asObject(asObject(await ctx.json(), 'body').filter, 'filter');
    const userId = reqId(filter.userId, 'filter.userId');
    const workspaceId = optId(filter.workspaceId, 'filter.workspaceId');
    const types = reqChoices(filter.types, 'filter.types', TASK_TYPES);
    reqChoices(filter.taskAction, 'filter.taskAction', ['CALL'] as const);
    const statuses = reqChoices(filter.status, 'filter.status', TASK_STATUSES);
    const flowWorkspace = new Map(ctx.store.world.flows.map((f) => [f.id, f.workspaceId]));
    const found = ctx.store.world.tasks.filter((t) => t.userId === userId && types.includes(t.type) && statuses.includes(t.status)
      && (workspaceId === undefined || (t.flow !== null && flowWorkspace.get(t.flow.id) === workspaceId)));
    return { body: { tasks: nonEmpty(found, 'No tasks found corresponding to the provided filters'), crmType: 'Salesforce' } };
  },
};

export const engageRoutes: Route[] = [flows, folders, callOutcomes, tasks, ...prospectRoutes];
