import type { Flow, FlowFolder } from '../data/model';
import { getPaging, nonEmpty } from '../http/context';
import { badRequest } from '../http/errors';
import { timeIdKey } from '../http/paging';
import type { RequestContext, Route } from '../http/router';
import { optId } from '../http/validate';

/** A required owner email: Gong answers 400 naming it when it is missing. */
function ownerEmail(ctx: RequestContext, name: string): string {
  const email = ctx.query.get(name);
  if (email === null || email.trim() === '') throw badRequest(`${name} is required`);
  return email.toLowerCase();
}

/** What an owner sees: their own flows plus every Company flow (so Company flows repeat for every owner). */
function visibleTo<T extends { ownerEmail: string; visibility: string; workspaceId: string }>(items: readonly T[], email: string, workspaceId: string | undefined): T[] {
  return items.filter((x) => (x.ownerEmail.toLowerCase() === email || x.visibility === 'Company') && (workspaceId === undefined || x.workspaceId === workspaceId));
}

function flowJson({ ownerEmail: _owner, workspaceId: _ws, ...flow }: Flow) {
  return flow;
}

function folderJson({ ownerEmail: _owner, workspaceId: _ws, ...folder }: FlowFolder) {
  return folder;
}

/** GET /v2/flows: the flows an owner can use, cursor-paged; 404 when none. */
const flows: Route = {
  method: 'GET',
  pattern: '/v2/flows',
  scope: 'api:flows:read',
  handle(ctx) {
    const email = ownerEmail(ctx, 'flowOwnerEmail');
    const workspaceId = optId(ctx.query.get('workspaceId') ?? undefined, 'workspaceId');
    const folderId = optId(ctx.query.get('folderId') ?? undefined, 'folderId');
    const list = visibleTo(ctx.store.world.flows, email, workspaceId).filter((f) => folderId === undefined || f.folderId === folderId);
    const key = (f: Flow) => timeIdKey(Date.parse(f.creationDate), f.id);
    const page = ctx.pager.page(nonEmpty(list.sort((a, b) => (key(a) < key(b) ? -1 : 1)), 'No flows found corresponding to the provided filters'), key, getPaging(ctx));
    return { body: { records: page.records, flows: page.items.map(flowJson) } };
  },
};

/** GET /v2/flows/folders: an owner's flow folders (and the Company ones), cursor-paged; 404 when none. */
const folders: Route = {
  method: 'GET',
  pattern: '/v2/flows/folders',
  scope: 'api:flows:read',
  handle(ctx) {
    const email = ownerEmail(ctx, 'flowFolderOwnerEmail');
    const workspaceId = optId(ctx.query.get('workspaceId') ?? undefined, 'workspaceId');
    const parentId = optId(ctx.query.get('parentId') ?? undefined, 'parentId');
    const list = visibleTo(ctx.store.world.flowFolders, email, workspaceId).filter((f) => parentId === undefined || f.parentFolderId === parentId);
    const key = (f: FlowFolder) => timeIdKey(Date.parse(f.creationDate), f.id);
    const page = ctx.pager.page(nonEmpty(list.sort((a, b) => (key(a) < key(b) ? -1 : 1)), 'No flow folders found corresponding to the provided filters'), key, getPaging(ctx));
    return { body: { records: page.records, folders: page.items.map(folderJson) } };
  },
};

/** GET /v2/call-outcomes: the company's dialer outcomes, not paged. */
const callOutcomes: Route = {
  method: 'GET',
  pattern: '/v2/call-outcomes',
  scope: 'api:call-outcomes:read',
  handle: (ctx) => ({ body: { outcomes: nonEmpty(ctx.store.world.callOutcomes, 'No call outcomes found') } }),
};

export const engageRoutes: Route[] = [flows, folders, callOutcomes];
