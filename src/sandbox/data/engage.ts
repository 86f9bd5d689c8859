import type { IdFactory } from './ids';
import type { Flow, FlowFolder, Task, User, Workspace } from './model';
import type { Random } from './random';
import { DAY_MS, isoSeconds } from './time';

const FLOW_THEMES = ['Inbound lead follow-up', 'Webinar attendees', 'Closed-lost revival', 'Trial nurture', 'Event invite', 'Champion change', 'Renewal heads-up', 'Cold outbound — Fintech', 'Cold outbound — Retail', 'Demo no-show'];
const FOLDER_NAMES = ['Outbound', 'Inbound', 'Customer Success', 'Events', 'Archive'];

/**
 * Engage flows and their folders. About a third of the users own flows (SDRs and AEs own
 * many, managers few, one outlier owns dozens); Company flows are owned by the head of sales.
 */
export function generateFlows(random: Random, ids: IdFactory, workspaces: readonly Workspace[], users: readonly User[], anchorMs: number) {
  const folders: FlowFolder[] = [];
  const flows: Flow[] = [];
  const owners = users.filter((u) => u.active && random.bool(0.35));
  const head = users[0] as User;
  if (!owners.includes(head)) owners.unshift(head);
  const outlier = owners[owners.length - 1] as User;
  for (const owner of owners) {
    const workspace = random.pick(workspaces);
    const ownFolders: FlowFolder[] = [];
    for (let i = random.int(0, 2); i > 0; i--) {
      const parent = ownFolders.length > 0 && random.bool(0.3) ? (ownFolders[0] as FlowFolder).id : null;
      ownFolders.push({ id: ids.next(19), name: random.pick(FOLDER_NAMES), parentFolderId: parent, ownerEmail: owner.emailAddress, workspaceId: workspace.id, visibility: owner === head ? 'Company' : random.pick(['Personal', 'Personal', 'Shared'] as const), creationDate: isoSeconds(anchorMs - random.int(40, 700) * DAY_MS) });
    }
    folders.push(...ownFolders);
    const count = owner === outlier ? 40 : owner === head ? 6 : random.int(1, 8);
    for (let i = 0; i < count; i++) {
      const folder = ownFolders.length > 0 && random.bool(0.7) ? random.pick(ownFolders) : null;
      flows.push({
        id: ids.next(19),
        name: `${random.pick(FLOW_THEMES)}${random.bool(0.3) ? ` v${random.int(2, 5)}` : ''}`,
        folderId: folder?.id ?? null,
        folderName: folder?.name ?? null,
        visibility: owner === head ? 'Company' : random.pick(['Personal', 'Personal', 'Personal', 'Shared'] as const),
        creationDate: isoSeconds(anchorMs - random.int(1, 720) * DAY_MS - random.int(0, DAY_MS - 1)),
        exclusive: random.bool(0.25),
        ownerEmail: owner.emailAddress,
        workspaceId: workspace.id,
      });
    }
  }
  return { flowFolders: folders, flows };
}

const STEP_NAMES = ['Intro call', 'Follow-up call', 'Check-in call', 'Breakup call', 'Voicemail drop'];
const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Retail', 'Hooli', 'Vandelay Imports', 'Soylent Foods', 'Tyrell Systems'];
const FIRST = ['Dana', 'Lee', 'Sam', 'Priya', 'Omar', 'Jo', 'Mia', 'Ken'];
const PRIORITIES = [{ id: '1', name: 'High' }, { id: '2', name: 'Medium' }, { id: '3', name: 'Low' }];

/**
 * Engage call tasks (POST /v2/tasks). Flow owners get tasks from their flows' call steps, the
 * others a few manual ones; most users have some, a few none, one outlier a backlog of
 * overdue open tasks. Older tasks are more often done or dismissed.
 */
export function generateTasks(random: Random, ids: IdFactory, flows: readonly Flow[], users: readonly User[], anchorMs: number): Task[] {
  const tasks: Task[] = [];
  const active = users.filter((u) => u.active);
  const backlog = active[Math.floor(active.length / 2)];
  for (const user of active) {
    const own = flows.filter((f) => f.ownerEmail === user.emailAddress);
    const count = user === backlog ? 90 : random.bool(0.15) ? 0 : own.length > 0 ? random.int(5, 30) : random.int(1, 6);
    for (let i = 0; i < count; i++) {
      const ageDays = user === backlog ? random.int(10, 60) : random.int(0, 120);
      const createdMs = anchorMs - ageDays * DAY_MS - random.int(0, DAY_MS - 1);
      const status = user === backlog ? 'OPEN' : random.bool(Math.min(0.9, ageDays / 40)) ? (random.bool(0.8) ? 'DONE' : 'DISMISSED') : 'OPEN';
      const flow = own.length > 0 && random.bool(0.75) ? random.pick(own) : null;
      const stepNumber = random.int(1, STEP_NAMES.length);
      const account = random.pick(ACCOUNTS);
      const contact = `${random.pick(FIRST)} ${account.split(' ')[0]}`;
      tasks.push({
        id: ids.next(19),
        userId: user.id,
        created: isoSeconds(createdMs),
        updated: isoSeconds(status === 'OPEN' ? createdMs : createdMs + random.int(1, 5) * DAY_MS),
        status,
        type: flow ? 'FLOW' : 'MANUAL',
        actions: ['CALL'],
        account: { crmId: `001${random.int(100000, 999999)}`, name: account },
        opportunity: random.bool(0.5) ? { crmId: `006${random.int(100000, 999999)}`, name: `${account} — ${random.pick(['New business', 'Expansion', 'Renewal'])}` } : null,
        dueDate: isoSeconds(createdMs + random.int(0, 7) * DAY_MS),
        flow: flow ? { id: flow.id, name: flow.name, step: { id: ids.next(19), name: STEP_NAMES[stepNumber - 1]!, stepNumber } } : null,
        contact: { crmId: `003${random.int(100000, 999999)}`, name: contact, emailAddress: `${contact.toLowerCase().replace(/ /g, '.')}@example.com` },
        additionalContacts: [],
        title: flow ? `${STEP_NAMES[stepNumber - 1]}: ${contact}` : `Call ${contact} (${account})`,
        priority: random.pick(PRIORITIES),
      });
    }
  }
  return tasks;
}
