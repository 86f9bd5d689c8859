import { col, defineTable, equals, filter, listOf, read } from './define';

const COMPANY_REPEATS = 'Gong lists flows per owner email: Company flows come back for every owner, so they repeat once per FlowOwnerEmail (use SELECT DISTINCT Id, … to count flows).';
const PER_OWNER = "Without a filter on the owner's email Gong needs, gongsql reads Users and asks once per user's email address.";

export const Flows = defineTable({
  name: 'Flows',
  group: 'Engage',
  mirror: { kind: 'fullRefresh' },
  description: 'Gong Engage flows, per owner (GET /v2/flows).',
  columns: [
    col('FlowOwnerEmail', 'text', 'The owner email the flows were listed for (their own flows plus the Company ones).', { key: true, source: (_r, ctx) => ctx.bound.FlowOwnerEmail }),
    col('Id', 'id', 'Flow id.', { key: true }),
    col('Name', 'text', 'Flow name.'),
    col('FolderId', 'id', 'Folder holding the flow (NULL at the top level).'),
    col('FolderName', 'text', 'Name of that folder.'),
    col('Visibility', 'text', 'Company, Personal or Shared.'),
    col('CreationDate', 'datetime', 'When the flow was created.'),
    col('Exclusive', 'boolean', 'A prospect in this flow can be in no other flow.'),
  ],
  filters: [
    filter('FlowOwnerEmail', ['='], "Sent to Gong as flowOwnerEmail, which Gong requires: without it, one request per user's email."),
    filter('FolderId', ['='], 'Sent to Gong as folderId.'),
  ],
  reads: [read({
    name: 'per owner', method: 'GET', path: '/v2/flows', paging: 'query', requires: ['FlowOwnerEmail'],
    bindings: [equals('FlowOwnerEmail', 'query:flowOwnerEmail', 'text'), equals('FolderId', 'query:folderId')],
    fanOut: { column: 'FlowOwnerEmail', from: { table: 'Users', column: 'EmailAddress' } },
    records: listOf('flows'),
  })],
  peculiarities: [COMPANY_REPEATS, PER_OWNER],
});

export const FlowFolders = defineTable({
  name: 'FlowFolders',
  group: 'Engage',
  mirror: { kind: 'fullRefresh' },
  description: 'Folders of Gong Engage flows, per owner (GET /v2/flows/folders).',
  columns: [
    col('FlowFolderOwnerEmail', 'text', 'The owner email the folders were listed for.', { key: true, source: (_r, ctx) => ctx.bound.FlowFolderOwnerEmail }),
    col('Id', 'id', 'Folder id.', { key: true }),
    col('Name', 'text', 'Folder name.'),
    col('ParentFolderId', 'id', 'Enclosing folder (NULL at the top level).'),
    col('Visibility', 'text', 'Company, Personal or Shared.'),
    col('CreationDate', 'datetime', 'When the folder was created.'),
  ],
  filters: [
    filter('FlowFolderOwnerEmail', ['='], "Sent to Gong as flowFolderOwnerEmail, which Gong requires: without it, one request per user's email."),
    filter('ParentFolderId', ['='], 'Sent to Gong as parentId.'),
  ],
  reads: [read({
    name: 'per owner', method: 'GET', path: '/v2/flows/folders', paging: 'query', requires: ['FlowFolderOwnerEmail'],
    bindings: [equals('FlowFolderOwnerEmail', 'query:flowFolderOwnerEmail', 'text'), equals('ParentFolderId', 'query:parentId')],
    fanOut: { column: 'FlowFolderOwnerEmail', from: { table: 'Users', column: 'EmailAddress' } },
    // Gong's reference reuses the flows schema for this reply; accept either list name.
    records: (body) => [...listOf('folders')(body), ...listOf('flowFolders')(body), ...listOf('flows')(body)],
  })],
  peculiarities: [COMPANY_REPEATS.replace(/flows/g, 'folders').replace('FlowOwnerEmail', 'FlowFolderOwnerEmail'), PER_OWNER],
});

export const CallOutcomeTypes = defineTable({
  name: 'CallOutcomeTypes',
  group: 'Engage',
  mirror: { kind: 'fullRefresh' },
  description: "The call outcomes reps choose from after a dialer call (GET /v2/call-outcomes).",
  columns: [
    col('CallOutcome', 'text', 'The outcome name as reps see it.', { key: true }),
    col('DisplayOrder', 'integer', 'Position in the list.'),
    col('ConnectStatus', 'text', 'CONNECTED or NOT_CONNECTED.'),
    col('Sentiment', 'text', 'POSITIVE, NEGATIVE or NEUTRAL.'),
    col('TodoAction', 'text', 'What happens to the task: COMPLETE or COMPLETE_AND_REMOVE.'),
    col('Automation', 'text', 'MARK_AS_OPT_OUT, or NULL.'),
    col('Category', 'text', 'ANSWERED or NOT_ANSWERED.'),
  ],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/call-outcomes', records: listOf('outcomes') })],
  peculiarities: ['Gong identifies an outcome by its name: renaming one in Gong changes its key.'],
});
