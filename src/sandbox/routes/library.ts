import { badRequest, notFound } from '../http/errors';
import type { Route } from '../http/router';
import { optId, reqId } from '../http/validate';

/** GET /v2/library/folders: public folders of one workspace (workspaceId required, as seen in tenants). */
const folders: Route = {
  method: 'GET',
  pattern: '/v2/library/folders',
  scope: 'api:library:read',
  handle(ctx) {
    const workspaceId = optId(ctx.query.get('workspaceId'), 'workspaceId');
    if (workspaceId === undefined) throw badRequest('workspaceId is required');
    const list = ctx.store.world.folders.filter((f) => f.workspaceId === workspaceId);
    if (list.length === 0) throw notFound('No folders found for the specified workspace');
    return { body: { folders: list.map(({ id, name, parentFolderId, createdBy, updated }) => ({ id, name, parentFolderId, createdBy, updated })) } };
  },
};

const folderContent: Route = {
  method: 'GET',
  pattern: '/v2/library/folder-content',
  scope: 'api:library:read',
  handle(ctx) {
    const folderId = reqId(ctx.query.get('folderId'), 'folderId');
    const folder = ctx.store.world.folders.find((f) => f.id === folderId);
    if (!folder) throw notFound('Folder not found');
    const { id, name, createdBy, updated, calls } = folder;
    return { body: { id, name, createdBy, updated, calls } };
  },
};

export const libraryRoutes: Route[] = [folders, folderContent];
