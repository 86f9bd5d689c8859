import type { SandboxCall, User, Workspace } from './model';

/**
 * Ids from Gong's own documentation of the connector (PRODUCT.md §2). The sandbox gives
 * them to real objects so that the documented statements run exactly as written:
 * CALL CreateDraftCall(…, 9209112928780475146, …, 2140112977297205387, …) and
 * CALL UploadCallMedia(8061307684674639385, :myfile).
 */
export const EXAMPLE_IDS = {
  workspace: '2140112977297205387',
  user: '9209112928780475146',
  draftCall: '8061307684674639385',
} as const;

export function applyExampleIds(workspaces: Workspace[], users: User[]): void {
  const workspace = workspaces[0];
  const user = users.find((u, i) => i > 0 && i <= 12 && u.active) ?? users[1];
  if (workspace) workspace.id = EXAMPLE_IDS.workspace;
  if (user) user.id = EXAMPLE_IDS.user;
}

/** A call uploaded by a PBX whose media never arrived: what UploadCallMedia completes. */
export function exampleDraftCall(host: User, workspace: Workspace, anchorMs: number): SandboxCall {
  const started = new Date(anchorMs - 3_600_000).toISOString().replace('.000Z', 'Z');
  return {
    meta: {
      id: EXAMPLE_IDS.draftCall, url: `https://app.gong.io/call?id=${EXAMPLE_IDS.draftCall}`, title: 'Draft awaiting media (documented example id)',
      scheduled: null, started, duration: 0, primaryUserId: host.id, direction: 'Outbound', system: null, scope: 'External',
      media: 'Audio', language: 'und', workspaceId: workspace.id, sdrDisposition: null, clientUniqueId: 'pbx-example-draft',
      customData: null, purpose: null, meetingUrl: null, isPrivate: false, calendarEventId: null,
    },
    state: 'awaitingMedia',
    filterTimeMs: Date.parse(started),
    parties: [{ id: '100000000000001', emailAddress: host.emailAddress, name: `${host.firstName} ${host.lastName}`, title: host.title, userId: host.id, speakerId: null, context: [], affiliation: 'Internal', phoneNumber: null, methods: ['Attendee'] }],
    context: [], topics: [], structure: [], trackers: [], brief: null, keyPoints: [], comments: [],
    transcriptSeed: EXAMPLE_IDS.draftCall,
  };
}
