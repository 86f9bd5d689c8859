import { IdFactory } from './ids';
import type {
  AccessLevel, CrmIntegration, LibraryFolder, LogEntry, ManualCrmAssociation, PermissionProfile, SandboxCall, User, Workspace,
} from './model';
import { LOG_TYPES } from './model';
import { Random } from './random';
import { DAY_MS, isoSeconds } from './time';

const FOLDER_NAMES = ['Best Discovery Calls', 'Objection Handling', 'Onboarding — New Hires', 'Competitor: Globex', 'Pricing "Wins"', 'Cold Calls 📞'];

/** Public library folders nested up to three levels, per workspace, each with a few call snippets. */
export function generateFolders(random: Random, ids: IdFactory, workspaces: Workspace[], users: User[], calls: SandboxCall[], anchorMs: number): LibraryFolder[] {
  const visible = calls.filter((c) => c.state === 'processed');
  const folders: LibraryFolder[] = [];
  const make = (workspace: Workspace, name: string, parent: string | null, depth: number): void => {
    const inWorkspace = visible.filter((c) => c.meta.workspaceId === workspace.id);
    const folder: LibraryFolder = {
      id: ids.next(19),
      name,
      parentFolderId: parent,
      createdBy: random.pick(users).id,
      updated: isoSeconds(anchorMs - random.int(1, 400) * DAY_MS),
      workspaceId: workspace.id,
      calls: random.sample(inWorkspace, random.int(0, 6)).map((c) => {
        const from = random.int(0, Math.max(0, c.meta.duration - 60));
        return {
          id: c.meta.id,
          title: c.meta.title,
          note: random.bool(0.4) ? random.pick(['Listen from 2:10', 'Great "why now"', 'Handles <objection> well']) : null,
          addedBy: random.pick(users).id,
          created: isoSeconds(Date.parse(c.meta.started) + random.int(1, 30) * DAY_MS),
          url: `https://app.gong.io/call?id=${c.meta.id}&highlights=${from}`,
          snippet: random.bool(0.7) ? { fromSec: from, toSec: from + random.int(10, 60) } : null,
        };
      }),
    };
    folders.push(folder);
    if (depth < 3) {
      for (let n = random.int(0, 2); n > 0; n--) make(workspace, `${name} / ${random.pick(['2025', 'EMEA', 'Top picks', 'Archive'])}`, folder.id, depth + 1);
    }
  };
  for (const workspace of workspaces) {
    for (const name of random.sample(FOLDER_NAMES, random.int(2, 4))) make(workspace, name, null, 1);
  }
  return folders;
}

const PROFILE_NAMES = ['Admin', 'Manager', 'Rep', 'Read-only "viewer"'];
const FLAG_NAMES = [
  'scoreCalls', 'overrideScore', 'downloadCallMedia', 'shareCallsWithCustomers', 'manuallyScheduleAndUploadCalls',
  'privateCalls', 'deleteCalls', 'trimCalls', 'listenInCalls', 'deleteEmails', 'callsAndSearch', 'library', 'deals',
  'account', 'coaching', 'usage', 'teamStats', 'forecast', 'manageScorecards', 'exportCallsAndCoachingDataToCSV',
];

export function newProfileFlags(grant: (name: string) => boolean): Record<string, boolean> {
  return Object.fromEntries(FLAG_NAMES.map((name) => [name, grant(name)]));
}

/** Permission profiles per workspace; every non-avatar user holds one profile in each workspace. */
export function generateProfiles(random: Random, ids: IdFactory, workspaces: Workspace[], users: User[]): PermissionProfile[] {
  const profiles: PermissionProfile[] = [];
  const level = (permissionLevel: string, teamLeadIds: string[] = []): AccessLevel => ({ permissionLevel, teamLeadIds });
  for (const workspace of workspaces) {
    const mine = PROFILE_NAMES.map((name, rank): PermissionProfile => ({
      id: ids.next(19),
      name,
      description: rank === 3 ? null : `${name} access in ${workspace.name}`,
      workspaceId: workspace.id,
      callsAccess: level(['all', 'managers-team', 'own', 'none'][rank] as string, rank === 1 ? [users[1]?.id ?? ''] : []),
      libraryFolderAccess: {
        permissionLevel: rank === 0 ? 'all' : rank === 3 ? 'none' : 'all',
        libraryFolderIds: [],
        managePublicFolder: rank === 0,
        manageStreams: rank <= 1,
        manageFolderCalls: rank <= 1,
        shareFoldersAndStreams: rank <= 2,
      },
      dealsAccess: level(rank === 0 ? 'all' : 'own'),
      coachingAccess: level(rank <= 1 ? 'all' : 'none'),
      insightsAccess: level(rank <= 1 ? 'all' : 'own'),
      usageAccess: level(rank === 0 ? 'all' : 'none'),
      emailsAccess: level(rank <= 2 ? 'own' : 'none'),
      flags: newProfileFlags(() => (rank === 0 ? true : random.bool(0.6 - rank * 0.15))),
      userIds: [],
    }));
    users.forEach((user, i) => {
      const profile = i === 0 ? mine[0] : i <= 12 ? mine[1] : random.bool(0.9) ? mine[2] : mine[3];
      profile?.userIds.push(user.id);
    });
    profiles.push(...mine);
  }
  return profiles;
}

export function generateCrmIntegrations(random: Random, ids: IdFactory, users: User[], force?: boolean): CrmIntegration[] {
  const present = force ?? random.bool(0.6);
  if (!present) return [];
  return [{ integrationId: ids.next(18), ownerEmail: (users[0] as User).emailAddress, name: 'Generic CRM (RevOps sync)' }];
}

/** Manual CRM association events, in ascending time order as Gong returns them. */
export function generateAssociations(random: Random, calls: SandboxCall[], users: User[], anchorMs: number, count = 300): ManualCrmAssociation[] {
  const visible = calls.filter((c) => c.state === 'processed');
  if (visible.length === 0) return [];
  const events: ManualCrmAssociation[] = [];
  for (let i = 0; i < count; i++) {
    const call = random.pick(visible);
    events.push({
      callId: call.meta.id,
      userId: random.pick(users).id,
      created: isoSeconds(anchorMs - random.int(60, 365 * DAY_MS / 1000) * 1000),
      associatedCrmObjects: [{ accountCrmId: `001${random.digits(12)}AAC`, dealCrmId: random.bool(0.7) ? `006${random.digits(12)}AAK` : null }],
    });
  }
  return events.sort((a, b) => a.created.localeCompare(b.created));
}

export function generateLogs(random: Random, ids: IdFactory, users: User[], calls: SandboxCall[], anchorMs: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const logType of LOG_TYPES) {
    for (let n = random.int(120, 260); n > 0; n--) {
      const user = random.pick(users);
      const impersonated = random.bool(0.03);
      const call = random.pick(calls);
      entries.push({
        logType,
        userId: user.id,
        userEmailAddress: user.emailAddress,
        userFullName: `${user.firstName} ${user.lastName}`,
        impersonatorUserId: impersonated ? ids.next(19) : null,
        impersonatorEmailAddress: impersonated ? 'support@gong.io' : null,
        impersonatorFullName: impersonated ? 'Gong Support' : null,
        impersonatorCompanyId: impersonated ? ids.next(18) : null,
        eventTime: isoSeconds(anchorMs - random.int(60, 120 * 86_400) * 1000),
        logRecord: logType === 'AccessLog'
          ? { ipAddress: `203.0.113.${random.int(1, 254)}`, userAgent: 'Mozilla/5.0', action: random.pick(['LOGIN', 'LOGOUT']) }
          : { callId: call.meta.id, action: random.pick(['PLAY', 'SHARE', 'VIEW']), durationSec: random.int(1, 900) },
      });
    }
  }
  return entries.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
}
