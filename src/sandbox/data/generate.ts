import { generateAnsweredScorecards, generateScorecards, generateTrackers } from './settings';
import { generateAssociations, generateCrmIntegrations, generateFolders, generateLogs, generateProfiles } from './admin';
import { addCallAnalytics } from './analytics';
import { generateActivity } from './activity';
import { CALL_SPAN_MS, generateCalls } from './calls';
import { generateFlows, generateTasks } from './engage';
import { generateCallOutcomes } from './outcomes';
import { followDeals } from './deals';
import { closeBriefs } from './summaries';
import { generateSettingsHistory } from './settingsHistory';
import { applyExampleIds, EXAMPLE_IDS, exampleDraftCall } from './examples';
import { IdFactory } from './ids';
import type { KeywordTracker, User, Workspace, World } from './model';
import { generateAvatars, generateUsers, generateWorkspaces } from './people';
import { Random } from './random';
import { utcDayStart } from './time';

export interface GenerateOptions {
  seed?: number | string;
  /** Number of calls (default 2,000; up to 100,000). */
  scale?: number;
  /** "Now" for the data set; default the start of the current UTC day, so a day's data is stable. */
  anchorMs?: number;
  /** Force the CRM integration to exist (true) or not (false); default: the seed decides. */
  crmIntegration?: boolean;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE = 2000;
export const MAX_SCALE = 100_000;

/** The whole deterministic world: the same options always give the same data. */
export function generateWorld(options: GenerateOptions = {}): World {
  const seed = String(options.seed ?? DEFAULT_SEED);
  const scale = options.scale ?? DEFAULT_SCALE;
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be an integer from 0 to ${MAX_SCALE}, got ${scale}`);
  }
  const anchorMs = options.anchorMs ?? utcDayStart(Date.now());
  const root = new Random(seed);
  // Each part draws from its own stream, so changing one part does not reshuffle the others.
  const ids = new IdFactory(root.fork('ids'));
  const workspaces = generateWorkspaces(ids);
  const users = generateUsers(root.fork('users'), ids, anchorMs);
  const avatars = generateAvatars(root.fork('avatars'), new IdFactory(root.fork('avatarIds')), anchorMs);
  applyExampleIds(workspaces, users);
  const trackers = generateTrackers(root.fork('trackers'), ids, workspaces, users, anchorMs);
  const trackersByWorkspace = new Map<string, KeywordTracker[]>();
  for (const t of trackers) trackersByWorkspace.set(t.workspaceId, [...(trackersByWorkspace.get(t.workspaceId) ?? []), t]);
  const calls = generateCalls({ random: root.fork('calls'), shape: root.fork('callShape'), summaries: root.fork('summaries'), ids, anchorMs, workspaces, users, trackersByWorkspace, seed }, scale);
  const exampleHost = users.find((u) => u.id === EXAMPLE_IDS.user) as User;
  calls.push(exampleDraftCall(exampleHost, workspaces[0] as Workspace, anchorMs));
  calls.sort((a, b) => a.filterTimeMs - b.filterTimeMs || compareIds(a.meta.id, b.meta.id));
  const callOutcomes = generateCallOutcomes(root.fork('callOutcomes'));
  addCallAnalytics(root.fork('analytics'), calls, users, callOutcomes, anchorMs);
  // Streams of their own, so the calls and their stats above stay as they were.
  followDeals(root.fork('deals'), calls, anchorMs);
  closeBriefs(root.fork('briefCloses'), calls);
  const scorecards = generateScorecards(root.fork('scorecards'), ids, workspaces, users, anchorMs);
  const answeredScorecards = generateAnsweredScorecards(root.fork('answered'), ids, scorecards, calls, users, anchorMs);
  const engage = generateFlows(root.fork('flows'), new IdFactory(root.fork('flowIds')), workspaces, users, anchorMs);
  return {
    workspaces,
    // The avatars come last and take part in nothing above: Gong lists them only on request.
    users: [...users, ...avatars],
    avatarUserIds: new Set(avatars.map((u) => u.id)),
    calls,
    scorecards,
    answeredScorecards,
    trackers,
    folders: generateFolders(root.fork('folders'), ids, workspaces, users, calls, anchorMs),
    profiles: generateProfiles(root.fork('profiles'), ids, workspaces, users),
    crmIntegrations: generateCrmIntegrations(root.fork('crm'), ids, users, options.crmIntegration),
    crmRequests: [],
    associations: generateAssociations(root.fork('associations'), calls, users, anchorMs),
    logs: generateLogs(root.fork('logs'), ids, users, calls, anchorMs),
    activity: generateActivity(root.fork('activity'), calls, answeredScorecards, users, anchorMs, CALL_SPAN_MS),
    // Streams of their own, with their own ids, so the data above stays as it was.
    ...engage,
    tasks: generateTasks(root.fork('tasks'), new IdFactory(root.fork('taskIds')), engage.flows, users, anchorMs),
    callOutcomes,
    settingsHistory: generateSettingsHistory(root.fork('settingsHistory'), users, anchorMs),
    erasures: [],
    flowAssignments: [],
    digitalInteractions: new Map(),
    engagementEvents: [],
  };
}

/** Numeric order of decimal id strings without converting them to numbers. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
