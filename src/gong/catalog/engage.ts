import { GongError } from '../http/errors';
import { col, defineTable, equals, filter, list, listOf, read, replyText } from './define';
import type { ProcedureDef } from './types';

const COMPANY_REPEATS = 'Gong lists flows per owner email: Company flows come back for every owner, so they repeat once per FlowOwnerEmail (use SELECT DISTINCT Id, … to count flows).';
const PER_OWNER = "Without a filter on the owner's email Gong needs, gongsql reads Users and asks once per user's email address.";

export const Flows = defineTable({
  name: 'Flows',
  group: 'Engage',
  mirror: { kind: 'fullRefresh', onlyWhenNamed: 'one request per user each run: synced only when --objects names it' },
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
  mirror: { kind: 'fullRefresh', onlyWhenNamed: 'one request per user each run: synced only when --objects names it' },
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

/** The id Gong gives a call's outcome (content.callOutcome.id): its name in upper snake case. */
function outcomeIdOf(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  return name.normalize('NFD').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

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
    col('OutcomeId', 'text', "The id a call's outcome carries (joins CallOutcomes.OutcomeId): the name in upper snake case (Meeting booked → MEETING_BOOKED).", { source: (r) => outcomeIdOf(r.callOutcome) }),
  ],
  reads: [read({ name: 'list', method: 'GET', path: '/v2/call-outcomes', records: listOf('outcomes') })],
  peculiarities: ["Gong identifies an outcome by its name: renaming one in Gong changes its key. Gong's list has no id; OutcomeId is the per-call id derived from the name, so CallOutcomes joins on either."],
});

export const ProspectFlows = defineTable({
  name: 'ProspectFlows',
  group: 'Engage',
  mirror: { kind: 'none', reason: 'Gong answers for given CRM prospect ids only, a required filter: there is no list of all prospects' },
  description: 'The flows CRM prospects (contacts, leads) are in (POST /v2/flows/prospects).',
  columns: [
    col('CrmProspectId', 'text', 'The prospect\'s CRM id (a required filter).', { key: true }),
    col('FlowInstanceId', 'id', 'This prospect\'s run of the flow.', { key: true }),
    col('FlowId', 'id', 'The flow (Flows.Id).'),
    col('FlowName', 'text', 'Its name.'),
    col('FlowInstanceOwnerEmail', 'text', 'Who runs the flow for this prospect.'),
    col('FlowInstanceOwnerFullName', 'text', 'Their name.'),
    col('FlowInstanceCreateDate', 'datetime', 'When the prospect was put in the flow.'),
    col('FlowInstanceStatus', 'text', 'Running, Pending or Paused.'),
    col('WorkspaceId', 'id', 'Workspace of the flow.'),
    col('Exclusive', 'boolean', 'The flow is exclusive.'),
  ],
  filters: [filter('CrmProspectId', ['=', 'IN'], 'Required: sent to Gong as crmProspectsIds (200 per request).')],
  reads: [read({
    name: 'by prospects', method: 'POST', path: '/v2/flows/prospects', requires: ['CrmProspectId'],
    bindings: [list('CrmProspectId', 'body:crmProspectsIds', { format: 'text', batch: 200 })],
    records: listOf('prospectsAssigned'),
  })],
  peculiarities: ["A filter CrmProspectId = '…' or IN (…) is required: Gong answers for given prospects only.", 'CALL AssignProspectsToFlow puts prospects in a flow; CALL UnassignProspectFromFlows takes one out.'],
});

export const Tasks = defineTable({
  name: 'Tasks',
  group: 'Engage',
  mirror: { kind: 'none', reason: 'Gong answers for one given user only (a required filter) and offers no date window, so there is nothing to mirror incrementally' },
  description: "A user's Engage call tasks, from flows and manual (POST /v2/tasks).",
  columns: [
    col('Id', 'id', 'The task id.', { key: true }),
    col('UserId', 'id', 'The task\'s owner (Users.Id; a required filter).'),
    col('Title', 'text', 'What to do.'),
    col('Type', 'text', 'FLOW (a flow step) or MANUAL.'),
    col('Status', 'text', 'OPEN, DONE or DISMISSED.'),
    col('Priority', 'text', 'High, Medium or Low.', { source: 'priority.name' }),
    col('Created', 'datetime', 'When the task was created.'),
    col('Updated', 'datetime', 'When it last changed (done or dismissed).'),
    col('DueDate', 'datetime', 'When it is due.'),
    col('FlowId', 'id', 'The flow the task comes from (Flows.Id); NULL for a manual task.', { source: 'flow.id' }),
    col('FlowName', 'text', "The flow's name.", { source: 'flow.name' }),
    col('FlowStepName', 'text', 'The flow step.', { source: 'flow.step.name' }),
    col('FlowStepNumber', 'integer', 'Its position in the flow.', { source: 'flow.step.stepNumber' }),
    col('AccountName', 'text', 'The CRM account.', { source: 'account.name' }),
    col('AccountCrmId', 'text', "The account's CRM id.", { source: 'account.crmId' }),
    col('OpportunityCrmId', 'text', 'The CRM opportunity, if any.', { source: 'opportunity.crmId' }),
    col('ContactName', 'text', 'The person to call.', { source: 'contact.name' }),
    col('ContactCrmId', 'text', "The contact's CRM id.", { source: 'contact.crmId' }),
    col('Actions', 'json', 'JSON array of the actions (CALL).'),
    col('AdditionalContacts', 'json', 'JSON array of further contacts.'),
  ],
  filters: [filter('UserId', ['='], 'Required: sent to Gong as filter.userId (one request per user).')],
  reads: [read({
    name: 'by user', method: 'POST', path: '/v2/tasks', requires: ['UserId'],
    bindings: [equals('UserId', 'body:filter.userId')],
    fixed: { body: { filter: { types: ['FLOW', 'MANUAL'], taskAction: ['CALL'], status: ['OPEN', 'DONE', 'DISMISSED'] } } },
    records: listOf('tasks'),
  })],
  peculiarities: ["A filter UserId = '…' is required: Gong lists one user's tasks per request.", 'Gong lists call tasks only (taskAction CALL); all types and statuses are asked for and filtered locally.'],
});

export const AssignProspectsToFlow: ProcedureDef = {
  name: 'AssignProspectsToFlow',
  description: 'Puts CRM prospects (contacts or leads) in an Engage flow, run by a flow owner (POST /v2/flows/prospects/assign).',
  params: [
    { name: 'FlowId', type: 'id', required: true, description: 'The flow (Flows.Id).' },
    { name: 'FlowInstanceOwnerEmail', type: 'email', required: true, maxLength: 320, description: 'The Gong user who runs the flow for these prospects.' },
    { name: 'CrmProspectIds', type: 'jsonArray', required: true, description: 'JSON array of up to 200 CRM ids of contacts or leads.', example: '["0035e00000AbCdE"]' },
    { name: 'FlowInstanceDescription', type: 'text', required: false, maxLength: 1024, description: 'A note on why they were added.' },
  ],
  returns: [
    { name: 'Assigned', type: 'integer', description: 'Prospects put in the flow.' },
    { name: 'NotAssigned', type: 'integer', description: 'Prospects Gong did not put in it (already in it, or in an exclusive flow).' },
    { name: 'FlowInstanceIds', type: 'json', description: 'JSON array of the new flow instance ids.' },
    { name: 'NotAssignedReasons', type: 'json', description: 'JSON array of {crmProspectId, errorCode, errorMessage}.' },
  ],
  peculiarities: ['Gong assigns what it can and reports the rest: a prospect already in this flow, or in an exclusive one, is not assigned (NotAssignedReasons says why); the CALL still succeeds.', 'At most 200 prospects per CALL.'],
  async run(args, send) {
    const ids = args.CrmProspectIds as unknown[];
    if (ids.length === 0 || ids.length > 200 || ids.some((id) => typeof id !== 'string' || id === '')) {
      throw new GongError('VALIDATION', 'CrmProspectIds must hold 1 to 200 CRM ids (text). Nothing was sent to Gong.', { parameter: 'CrmProspectIds' });
    }
    const body: Record<string, unknown> = { crmProspectsIds: ids, flowId: args.FlowId, flowInstanceOwnerEmail: args.FlowInstanceOwnerEmail };
    if (args.FlowInstanceDescription !== undefined && args.FlowInstanceDescription !== null) body.flowInstanceDescription = args.FlowInstanceDescription;
    const reply = await send({ method: 'POST', path: '/v2/flows/prospects/assign', body });
    const assigned = listOf('prospectsAssigned')(reply);
    const refused = listOf('prospectsNotAssigned')(reply);
    return {
      Assigned: assigned.length,
      NotAssigned: refused.length,
      FlowInstanceIds: JSON.stringify(assigned.map((a) => String(a.flowInstanceId))),
      NotAssignedReasons: replyText(refused.map(({ crmProspectId, errorCode, errorMessage }) => ({ crmProspectId, errorCode, errorMessage }))),
    };
  },
};

export const UnassignProspectFromFlows: ProcedureDef = {
  name: 'UnassignProspectFromFlows',
  description: 'Takes a CRM prospect out of one Engage flow, or of all its flows (POST /v2/flows/prospects/unassign-flows-by-crm-id).',
  params: [
    { name: 'CrmProspectId', type: 'text', required: true, maxLength: 64, description: "The prospect's CRM id." },
    { name: 'FlowId', type: 'id', required: false, description: 'The flow to leave; every flow when absent.' },
    { name: 'UnassignedByUserEmail', type: 'email', required: false, maxLength: 320, description: 'The Gong user to record as having done it.' },
  ],
  returns: [{ name: 'UnassignedFlowInstanceIds', type: 'json', description: 'JSON array of the flow instances ended.' }],
  peculiarities: ['Ending a flow instance cannot be resumed: put the prospect in the flow again to restart it from its first step.'],
  async run(args, send) {
    const body: Record<string, unknown> = { crmProspectId: args.CrmProspectId };
    if (args.FlowId !== undefined && args.FlowId !== null) body.flowId = args.FlowId;
    if (args.UnassignedByUserEmail !== undefined && args.UnassignedByUserEmail !== null) body.unassignedByUserEmail = args.UnassignedByUserEmail;
    const reply = await send({ method: 'POST', path: '/v2/flows/prospects/unassign-flows-by-crm-id', body });
    return { UnassignedFlowInstanceIds: replyText(Array.isArray(reply.unassignedFlowInstanceIds) ? reply.unassignedFlowInstanceIds.map(String) : []) };
  },
};
