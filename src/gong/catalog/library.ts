import { col, defineTable, equals, filter, listOf, read } from './define';

export const PublicLibraryFolders = defineTable({
  name: 'PublicLibraryFolders',
  group: 'Library',
  mirror: { kind: 'fullRefresh' },
  description: 'Public library folders (private and archived folders are not listed).',
  columns: [
    col('Id', 'id', 'Folder id.', { key: true }),
    col('Name', 'text', 'Name.'),
    col('ParentFolderId', 'id', 'Parent folder (NULL at the root).'),
    col('CreatedBy', 'id', 'Creator.'),
    col('Updated', 'datetime', 'Last updated.'),
    col('WorkspaceId', 'id', 'Workspace (from the request: Gong lists folders per workspace).', { source: (_r, ctx) => ctx.bound.WorkspaceId }),
  ],
  filters: [filter('WorkspaceId', ['='], 'Sent to Gong as workspaceId; without it, one request per workspace.')],
  reads: [read({
    name: 'per workspace', method: 'GET', path: '/v2/library/folders', requires: ['WorkspaceId'],
    bindings: [equals('WorkspaceId', 'query:workspaceId')],
    fanOut: { column: 'WorkspaceId', from: { table: 'Workspaces', column: 'Id' } },
    records: listOf('folders'),
  })],
});

export const LibraryFolderCalls = defineTable({
  name: 'LibraryFolderCalls',
  group: 'Library',
  mirror: { kind: 'fullRefresh' },
  description: 'Calls and snippets saved in public library folders.',
  columns: [
    col('FolderId', 'id', 'The folder.', { key: true, source: (_r, ctx) => ctx.bound.FolderId }),
    col('Id', 'id', 'Call id.', { key: true }),
    col('Title', 'text', 'Call title.'),
    col('Note', 'text', 'Note added with the call.'),
    col('AddedBy', 'id', 'Who added it.'),
    col('Created', 'datetime', 'When it was added.'),
    col('Url', 'text', 'Link (may point at a highlight).'),
    col('SnippetFromSec', 'real', 'Snippet start, seconds (NULL for the whole call).', { source: 'snippet.fromSec' }),
    col('SnippetToSec', 'real', 'Snippet end, seconds.', { source: 'snippet.toSec' }),
  ],
  filters: [filter('FolderId', ['='], 'Sent to Gong as folderId; without it, one request per folder.')],
  reads: [read({
    name: 'per folder', method: 'GET', path: '/v2/library/folder-content', requires: ['FolderId'], notFound: 'empty',
    bindings: [equals('FolderId', 'query:folderId')],
    fanOut: { column: 'FolderId', from: { table: 'PublicLibraryFolders', column: 'Id' } },
    records: listOf('calls'),
  })],
});
